import { describe, expect, it } from 'vitest';
import type { CheckLink, FindingVerdict, SourcedFinding } from '../../src/core/evidence/finding.types.js';
import { suggest } from '../../src/core/evidence/suggest.js';

function finding(check: string, verdict: FindingVerdict, target = '127.0.0.1:80', runId = 'run-1'): SourcedFinding {
  return {
    check,
    checkVersion: 1,
    target,
    verdict,
    summary: { ja: check, en: check },
    evidence: {},
    at: '2026-12-04T00:00:00Z',
    source: 'probe',
    runId,
  };
}

const links: CheckLink[] = [
  { check: 'web.hsts', requirement: 'req-a', coverage: 'full' },
  { check: 'web.cookie-flags', requirement: 'req-a', coverage: 'partial' },
  { check: 'web.cookie-flags', requirement: 'req-b', coverage: 'partial' },
  { check: 'tls.certificate', requirement: 'req-c', coverage: 'full' },
];

describe('the one suggestion rule', () => {
  it('any linked check failing suggests fail', () => {
    const [a] = suggest([finding('web.hsts', 'pass'), finding('web.cookie-flags', 'fail')], links);
    expect(a).toMatchObject({ requirement: 'req-a', verdict: 'fail', reason: 'linked-check-failed' });
    expect(a?.basis).toHaveLength(2);
  });

  it('all passing with a full link suggests pass; partial links only need review', () => {
    const out = suggest([finding('web.hsts', 'pass'), finding('web.cookie-flags', 'pass')], links);
    expect(out.map((s) => [s.requirement, s.verdict, s.reason])).toEqual([
      ['req-a', 'pass', 'all-passed-with-full-link'],
      ['req-b', 'needs-review', 'partial-links-only'],
    ]);
  });

  it('inconclusive, error and not-applicable findings need review', () => {
    expect(suggest([finding('tls.certificate', 'inconclusive')], links)[0]?.reason).toBe('inconclusive-or-error');
    expect(suggest([finding('tls.certificate', 'error')], links)[0]?.verdict).toBe('needs-review');
    expect(suggest([finding('tls.certificate', 'not-applicable')], links)[0]?.reason).toBe('not-applicable');
  });

  it('two runs that disagree on the same check and target need review; different targets do not', () => {
    const disagree = suggest([finding('tls.certificate', 'pass', 'h:443', 'r1'), finding('tls.certificate', 'fail', 'h:443', 'r2')], links);
    expect(disagree[0]).toMatchObject({ verdict: 'needs-review', reason: 'sources-disagree' });
    const twoTargets = suggest([finding('tls.certificate', 'pass', 'h:443'), finding('tls.certificate', 'fail', 'h:8443')], links);
    expect(twoTargets[0]?.verdict).toBe('fail');
  });

  it('findings of unlinked checks suggest nothing', () => {
    expect(suggest([finding('ssh.algorithms', 'fail')], links)).toEqual([]);
  });
});
