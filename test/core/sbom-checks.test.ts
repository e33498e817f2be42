import { describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadCheckLinks } from '../../src/content/load-check-links.js';
import { loadContent } from '../../src/content/load-content.js';
import { checkById } from '../../src/core/evidence/check-catalog.js';
import type { CheckLink, SourcedFinding } from '../../src/core/evidence/finding.types.js';
import { suggest } from '../../src/core/evidence/suggest.js';
import { knownVulnerabilitiesFinding, qualityFinding, type TriagedMatch } from '../../src/core/sbom/sbom-findings.js';
import { sbomQuality } from '../../src/core/sbom/sbom-quality.js';
import type { Severity } from '../../src/core/vulnerability/cvss.js';
import { vexDecisionErrors } from '../../src/core/vulnerability/vex.js';
import { readSbom } from '../../src/sbom/read-sbom.js';
import { bytes, cyclonedxJson } from '../helpers/sbom-fixtures.js';

const AT = '2026-01-20T10:00:00.000Z';
const sev = (level: Severity['level']): Severity => ({ level, score: null, vector: null, type: null });
const match = (id: string, level: Severity['level'], status: TriagedMatch['status']): TriagedMatch => ({
  id,
  purl: `pkg:npm/${id}@1.0.0`,
  severity: sev(level),
  status,
});

function links(): CheckLink[] {
  return loadCheckLinks(defaultContentDir()).links.filter((l) => l.check.startsWith('sbom.'));
}
const sourced = (f: ReturnType<typeof qualityFinding>): SourcedFinding => ({ ...f, source: 'sbom', runId: 'sbom-1' });

describe('the SBOM checks and their links', () => {
  it('content/checks/sbom.yaml links catalogued checks to requirements of the bundled edition', () => {
    const loaded = loadContent(defaultContentDir());
    if (!loaded.ok) throw new Error('bundled content invalid');
    const ids = new Set(loaded.edition.requirements.map((r) => r.id));
    expect(loadCheckLinks(defaultContentDir(), ids).problems).toEqual([]);
    for (const link of links()) {
      expect(checkById(link.check)?.source, link.check).toBe('sbom');
      expect(ids.has(link.requirement), link.requirement).toBe(true);
    }
    expect(new Set(links().map((l) => l.check))).toEqual(new Set(['sbom.quality', 'sbom.known-vulnerabilities']));
  });

  it('sbom.quality passes only when nothing is missing', () => {
    const read = readSbom(bytes(cyclonedxJson('1.6')));
    if (!read.ok) throw new Error('fixture invalid');
    const f = qualityFinding(sbomQuality(read.document), 'sbom:gateway-fw@2.1.0', AT);
    expect(f).toMatchObject({
      verdict: 'fail',
      evidence: { documentMissing: [], componentsJudged: 3, componentsIncomplete: 2, missingCounts: { supplier: 2, hash: 2, licence: 2 } },
    });
    expect(qualityFinding({ entries: [{ missing: [] }], judged: 5, incomplete: 0 }, 't', AT).verdict).toBe('pass');
  });

  it('sbom.known-vulnerabilities fails while an un-triaged, investigated or affected match at or above the threshold remains', () => {
    const input = (matches: TriagedMatch[], threshold?: 'medium' | 'critical') => ({
      matches,
      undecided: 0,
      recordsAvailable: true,
      ...(threshold ? { threshold } : {}),
    });
    expect(knownVulnerabilitiesFinding(input([match('a', 'high', null)]), 't', AT).verdict).toBe('fail');
    expect(knownVulnerabilitiesFinding(input([match('a', 'critical', 'under_investigation')]), 't', AT).verdict).toBe('fail');
    expect(knownVulnerabilitiesFinding(input([match('a', 'high', 'affected')]), 't', AT).verdict).toBe('fail');
    expect(knownVulnerabilitiesFinding(input([match('a', 'unknown', null)]), 't', AT).verdict).toBe('fail');
    expect(
      knownVulnerabilitiesFinding(input([match('a', 'high', 'not_affected'), match('b', 'critical', 'fixed'), match('c', 'medium', null)]), 't', AT).verdict,
    ).toBe('pass');
    expect(knownVulnerabilitiesFinding(input([match('c', 'medium', null)], 'medium'), 't', AT).verdict).toBe('fail');
    expect(knownVulnerabilitiesFinding(input([match('a', 'high', null)], 'critical'), 't', AT).verdict).toBe('pass');
    expect(knownVulnerabilitiesFinding({ matches: [], undecided: 0, recordsAvailable: false }, 't', AT).verdict).toBe('inconclusive');
    expect(knownVulnerabilitiesFinding({ matches: [], undecided: 2, recordsAvailable: true }, 't', AT).verdict).toBe('inconclusive');
  });

  it('feed the assessment through the one suggestion rule', () => {
    const failing = knownVulnerabilitiesFinding({ matches: [match('a', 'high', null)], undecided: 0, recordsAvailable: true }, 'sbom:x', AT);
    const passing = qualityFinding({ entries: [{ missing: [] }], judged: 1, incomplete: 0 }, 'sbom:x', AT);
    const byRequirement = Object.fromEntries(suggest([sourced(failing), sourced(passing)], links()).map((s) => [s.requirement, s.verdict]));
    expect(byRequirement).toEqual({
      'dev-dependency-vulnerability-management': 'fail',
      'dev-sbom-per-build': 'needs-review',
      'ops-vuln-component-monitoring': 'fail',
      'ops-vuln-intake-triage': 'fail',
    });
  });

  it('VEX decisions: not_affected needs a justification, affected an action statement', () => {
    expect(vexDecisionErrors({ status: 'not_affected' })).toEqual([{ path: 'justification', message: expect.any(String), code: 'invalid' }]);
    expect(vexDecisionErrors({ status: 'affected' })).toEqual([{ path: 'actionStatement', message: expect.any(String), code: 'invalid' }]);
    expect(vexDecisionErrors({ status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' })).toEqual([]);
    expect(vexDecisionErrors({ status: 'fixed', justification: 'component_not_present' })[0]?.path).toBe('justification');
  });
});
