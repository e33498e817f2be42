import { describe, expect, it } from 'vitest';
import { blankAnswers } from '../../src/core/assessment/assessment.types.js';
import { generateChecksheet } from '../../src/core/assessment/checksheet.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadContent } from '../../src/content/load-content.js';
import { assessmentResultsOscal } from '../../src/reports/assessment/assessment-oscal.js';
import { renderAssessmentReportHtml } from '../../src/reports/assessment/assessment-html.js';
import { assessmentReportData } from '../../src/reports/assessment/report-data.js';
import { oscalValidator } from '../helpers/oscal-schema.js';
import { sharedAvailable } from '../helpers/shared-reference.js';
import { view } from './assessment-fixtures.js';

const loaded = loadContent(defaultContentDir());
if (!loaded.ok) throw new Error('bundled content must be valid');
const edition = loaded.edition;

describe('assessmentReportData on the bundled edition', () => {
  it('computes scores, readiness and a derived view per reached standard, and every output renders', () => {
    const sheet = generateChecksheet(edition, { layers: [], phases: [], profile: null, target: null });
    const answers = blankAnswers(sheet).map((a, i) =>
      i % 3 === 0 ? { ...a, verdict: 'pass' as const } : i % 3 === 1 ? { ...a, verdict: 'fail' as const } : a,
    );
    const assessment = view({ items: sheet.items, answers, edition: sheet.edition });
    const now = new Date('2026-04-01T00:00:00Z');
    const data = assessmentReportData(edition, assessment, now);

    expect(data.generatedAt).toBe('2026-04-01T00:00:00.000Z');
    expect(data.scores.overall.counts.total).toBe(sheet.items.length);
    // Readiness for the schemes whose standard the edition has.
    expect(data.readiness.map((r) => r.scheme)).toEqual(['jc-star-1', 'etsi-en-303-645-mandatory']);
    expect(data.readiness.every((r) => r.state === 'not-met' || r.state === 'unknown')).toBe(true);
    // Derived views: the standards the items map to, in the edition's order.
    const reached = new Set(edition.requirements.flatMap((r) => r.mappings.filter((m) => m.relationship !== 'no-relationship').map((m) => m.standard)));
    expect(data.derived.map((d) => d.standard.id)).toEqual(edition.standards.map((s) => s.id).filter((id) => reached.has(id)));

    const doc = renderAssessmentReportHtml(data, 'ja');
    expect(doc).toContain('id="derived"');
    if (sharedAvailable()) expect(oscalValidator('assessment-results')(assessmentResultsOscal(data)).errors).toEqual([]);
  });
});
