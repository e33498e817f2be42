import { describe, expect, it } from 'vitest';
import * as selfAssessment from '../../src/core/assessment/self-assessment.js';
import * as verdicts from '../../src/core/assessment/verdicts.js';
import * as V from '../../src/core/vocabulary-labels.js';
import { assessmentLabels } from '../../src/reports/assessment/assessment-labels.js';
import { reportLabels } from '../../src/reports/cra-report.js';
import { publicationLabels } from '../../src/reports/labels.js';
import { RESULT_LABELS } from '../../src/reports/packs/pack-labels.js';
import { FILLING_NOTES } from '../../src/workbook/workbook-labels.js';
import { craMessages } from '../../web/src/i18n/messages-cra.js';
import { messages } from '../../web/src/i18n/messages.js';
import { firmwareMessages } from '../../web/src/i18n/messages-firmware.js';
import { probeRunMessages } from '../../web/src/i18n/messages-probe-runs.js';
import { selfAssessmentMessages } from '../../web/src/i18n/messages-self-assessment.js';

/**
 * The web app, the publications, the assessment and pack reports and the
 * workbook show the core vocabularies with the labels of one module
 * (src/core/vocabulary-labels.ts): for each value, each shows what it says.
 */

type Table = Readonly<Record<string, { ja: string; en: string }>>;

/** What a catalog shows for each value of a table, in one language, is the table's label. */
function expectShown(table: Table, shown: Readonly<Record<string, unknown>>, lang: 'ja' | 'en'): void {
  for (const [value, label] of Object.entries(table)) expect(shown[value], `${value} (${lang})`).toBe(label[lang]);
}

describe.each(['ja', 'en'] as const)('labels shown in %s', (lang) => {
  const t = messages[lang];

  it('the web messages take the verdicts, statuses, defects and results from the core', () => {
    expectShown(V.VERDICT_LABELS, t.assessments.verdicts, lang);
    expectShown(V.ASSESSMENT_STATUS_LABELS, t.assessments.statuses, lang);
    expectShown(V.DEFECT_LABELS, t.assessments.defectKinds, lang);
    expectShown(V.DERIVED_RESULT_LABELS, t.results.derivedResults, lang);
    expectShown(V.READINESS_STATE_LABELS, t.results.readinessStates, lang);
    expectShown(V.ITEM_CHANGE_LABELS, t.compare.changes, lang);
    expectShown(V.RELATIONSHIP_LABELS, t.relationships, lang);
    expectShown(V.VERIFICATION_METHOD_LABELS, t.methods, lang);
    expectShown(V.REQUIREMENT_SECTION_LABELS, t, lang);
    expectShown(V.CONFIDENCE_LABELS, t.browse.confidenceLevels, lang);
    expectShown(V.STANDARD_NODE_KIND_LABELS, t.browse.nodeKinds, lang);
    expectShown(V.REQUIREMENT_STATUS_LABELS, t.browse.nodeStatuses, lang);
    expectShown(V.COVERAGE_STATUS_LABELS, t.coverage.statuses, lang);
  });

  it('the feature catalogs of the web take theirs from the core too', () => {
    expectShown(V.SELF_ASSESSMENT_STATE_LABELS, selfAssessmentMessages[lang].states, lang);
    expectShown(V.CRA_STAGE_LABELS, craMessages[lang].stepNames, lang);
    expectShown(V.CRA_REPORT_FIELD_LABELS, craMessages[lang], lang);
    expectShown(V.FINDING_VERDICT_LABELS, firmwareMessages[lang].verdicts, lang);
    expectShown(V.VERDICT_LABELS, firmwareMessages[lang].suggestedVerdicts, lang);
    expectShown(V.FINDING_VERDICT_LABELS, probeRunMessages[lang].findings.verdicts, lang);
    expectShown(V.VERDICT_LABELS, probeRunMessages[lang].suggestions.verdicts, lang);
  });

  it('the publications, the assessment reports and the CRA report drafts show the same labels', () => {
    const P = publicationLabels[lang];
    expectShown(V.RELATIONSHIP_LABELS, P.relationships, lang);
    expectShown(V.VERIFICATION_METHOD_LABELS, P.methods, lang);
    expectShown(V.REQUIREMENT_SECTION_LABELS, P, lang);
    expectShown(V.CONFIDENCE_LABELS, P.confidence, lang);
    expectShown(V.STANDARD_NODE_KIND_LABELS, P.nodeKinds, lang);
    expectShown(V.REQUIREMENT_STATUS_LABELS, P.nodeStatus, lang);
    const C = V.COVERAGE_STATUS_LABELS;
    expect([P.covered, P.partial, P.outOfScope, P.pending, P.gap]).toEqual([C.covered, C.partial, C['out-of-scope'], C.pending, C.gap].map((l) => l[lang]));
    const A = assessmentLabels[lang];
    expectShown(V.DERIVED_RESULT_LABELS, A.derivedResults, lang);
    expectShown(V.READINESS_STATE_LABELS, A.readinessStates, lang);
    expectShown(V.ITEM_CHANGE_LABELS, A.changeKinds, lang);
    expectShown(V.CRA_STAGE_LABELS, reportLabels(lang), lang);
    expectShown(V.CRA_REPORT_FIELD_LABELS, reportLabels(lang), lang);
  });
});

describe('one table, not a copy', () => {
  it('the verdict and self-assessment modules re-export the same tables, not copies (the services import them there)', () => {
    expect(verdicts.VERDICT_LABELS).toBe(V.VERDICT_LABELS);
    expect(verdicts.DEFECT_LABELS).toBe(V.DEFECT_LABELS);
    expect(verdicts.ASSESSMENT_STATUS_LABELS).toBe(V.ASSESSMENT_STATUS_LABELS);
    expect(selfAssessment.SELF_ASSESSMENT_STATE_LABELS).toBe(V.SELF_ASSESSMENT_STATE_LABELS);
  });

  it('the conformity packs name derived results as the reports and the web app do', () => {
    expect(RESULT_LABELS).toBe(V.DERIVED_RESULT_LABELS);
  });

  it("the workbook's filling note lists the defect kinds as labelled", () => {
    const note = FILLING_NOTES.find((n) => n.ja.includes('種類: 内容'));
    for (const label of Object.values(V.DEFECT_LABELS)) {
      expect(note?.ja).toContain(label.ja);
      expect(note?.en).toContain(label.en.toLowerCase());
    }
  });
});
