/** cra.reporting: fail while a case is overdue, inconclusive without an owner, linked in content/checks/cra.yaml and fed through the one suggestion rule. */
import { describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadCheckLinks } from '../../src/content/load-check-links.js';
import { loadContent } from '../../src/content/load-content.js';
import { caseClocks } from '../../src/core/cra/cra-clocks.js';
import { reportingFinding } from '../../src/core/cra/cra-finding.js';
import { suggest } from '../../src/core/evidence/suggest.js';

const loaded = loadContent(defaultContentDir());
if (!loaded.ok) throw new Error('bundled content invalid');
const { links, problems } = loadCheckLinks(defaultContentDir(), new Set(loaded.edition.requirements.map((r) => r.id)));
const craLinks = links.filter((l) => l.check === 'cra.reporting');
const state = (over: { ownerNamed?: boolean; now?: string } = {}) =>
  reportingFinding({
    productId: 'p1',
    productName: 'Gateway',
    ownerNamed: over.ownerNamed ?? true,
    cases: [
      {
        id: 'c1',
        title: 'CVE',
        clocks: caseClocks(
          { kind: 'vulnerability', awareAt: '2026-11-06T23:30:00.000Z', correctiveAt: null, sent: {} },
          new Date(over.now ?? '2026-11-07T00:00:00.000Z'),
        ),
      },
    ],
    at: over.now ?? '2026-11-07T00:00:00.000Z',
  });

describe('cra.reporting', () => {
  it('is linked to the operation requirements on vulnerability handling and incident response, which reach CRA Annex I Part II', () => {
    expect(problems).toEqual([]);
    expect(craLinks.map((l) => l.requirement)).toEqual(
      expect.arrayContaining(['ops-vuln-authority-reporting', 'ops-incident-response', 'ops-vuln-intake-triage', 'ops-vuln-remediation']),
    );
    const partII = loaded.edition.requirements
      .filter((r) => craLinks.some((l) => l.requirement === r.id))
      .flatMap((r) => r.mappings ?? [])
      .filter((m) => m.standard === 'eu-cra-annex-i' && m.requirement.startsWith('II.'));
    expect(partII.length).toBeGreaterThan(0);
  });

  it('fails while a stage is overdue, whatever the owner; the suggestion is 不適合', () => {
    const f = state({ now: '2026-11-08T00:00:00.000Z' });
    expect(f).toMatchObject({ verdict: 'fail', evidence: { overdue: [{ caseId: 'c1', stage: 'early-warning' }] } });
    expect(suggest([f], craLinks).every((s) => s.verdict === 'fail')).toBe(true);
  });

  it('is inconclusive when no owner is named (要確認), and passes otherwise — partial links keep it 要確認', () => {
    expect(state({ ownerNamed: false }).verdict).toBe('inconclusive');
    const pass = state();
    expect(pass.verdict).toBe('pass');
    expect(suggest([pass], craLinks).map((s) => s.reason)).toEqual(craLinks.map(() => 'partial-links-only'));
  });
});
