import { describe, expect, it } from 'vitest';
import { type Answer, blankAnswers } from '../../src/core/assessment/assessment.types.js';
import type { ChecksheetItem } from '../../src/core/assessment/checksheet.types.js';
import { type Suggestion, suggestionsByRun } from '../../web/src/workspace/suggestions.js';
import { EMPTY_FILTER, filterFromSearch, groupByPhase, isFiltered, matches, searchOf } from '../../web/src/workspace/workspace-filter.js';

const l = (ja: string, en = ja) => ({ ja, en });

function item(no: string, over: Partial<ChecksheetItem> = {}): ChecksheetItem {
  return {
    no,
    requirementId: `req-${no}`,
    title: l(`項目 ${no}`, `Item ${no}`),
    layers: ['device'],
    phases: ['planning'],
    threatCategory: { id: 'security-design.authentication', label: l('ユーザ認証', 'User authentication') },
    criteria: [l('初期パスワードを機器ごとに固有にする', 'Unique default passwords per device')],
    method: { methods: ['test'], steps: [] },
    applicability: [],
    targetLinks: [],
    hash: no,
    ...over,
  };
}

function answer(no: string, over: Partial<Answer> = {}): Answer {
  const [blank] = blankAnswers({ items: [item(no)] }) as [Answer];
  return { ...blank, ...over };
}

describe('workspace filter (kept in the URL)', () => {
  it('round-trips through the query string, dropping unknown states and verdicts', () => {
    const filter = { ...EMPTY_FILTER, states: ['unanswered' as const, 'flagged' as const], verdicts: ['fail' as const], layer: 'device', q: '認証 パスワード' };
    const search = searchOf(filter, 'req-P-1.1');
    expect(filterFromSearch(search)).toEqual({ filter, item: 'req-P-1.1' });
    expect(filterFromSearch('?state=unanswered,bogus&verdict=fail,maybe').filter).toMatchObject({ states: ['unanswered'], verdicts: ['fail'] });
    expect(searchOf(EMPTY_FILTER, '')).toBe('');
    expect(isFiltered(EMPTY_FILTER)).toBe(false);
    expect(isFiltered({ ...EMPTY_FILTER, q: 'x' })).toBe(true);
  });

  it('states and verdicts match any chosen one; facets and search narrow further', () => {
    const a = item('D-1.1');
    const facts = (over: Partial<Answer>, suggested = false) => ({ answer: answer('D-1.1', over), suggested });
    expect(matches(a, facts({}), { ...EMPTY_FILTER, states: ['unanswered'] })).toBe(true);
    expect(matches(a, facts({ verdict: 'fail' }), { ...EMPTY_FILTER, states: ['unanswered'] })).toBe(false);
    expect(matches(a, facts({ verdict: 'fail' }), { ...EMPTY_FILTER, states: ['unanswered', 'flagged'] })).toBe(false);
    expect(
      matches(a, facts({ verdict: 'fail', defect: { kind: 'unclear', note: 'x', proposalId: null } }), { ...EMPTY_FILTER, states: ['unanswered', 'flagged'] }),
    ).toBe(true);
    expect(matches(a, facts({ review: 'changed', verdict: 'needs-review' }), { ...EMPTY_FILTER, states: ['changed'] })).toBe(true);
    expect(matches(a, facts({}, true), { ...EMPTY_FILTER, states: ['suggested'] })).toBe(true);
    expect(matches(a, facts({ verdict: 'pass' }), { ...EMPTY_FILTER, verdicts: ['fail', 'pass'] })).toBe(true);
    expect(matches(a, facts({}), { ...EMPTY_FILTER, layer: 'network' })).toBe(false);
    // A threat category includes its descendants; not a mere prefix of another id.
    expect(matches(a, facts({}), { ...EMPTY_FILTER, threatCategory: 'security-design' })).toBe(true);
    expect(matches(a, facts({}), { ...EMPTY_FILTER, threatCategory: 'security-des' })).toBe(false);
    // Search: every term, in criteria (either language), number, evidence or comment; NFKC and case folded.
    expect(matches(a, facts({}), { ...EMPTY_FILTER, q: 'パスワード ｄ-1.1' })).toBe(true);
    expect(matches(a, facts({}), { ...EMPTY_FILTER, q: 'UNIQUE default' })).toBe(true);
    expect(matches(a, facts({ evidence: 'telnet が開いていた' }), { ...EMPTY_FILTER, q: 'telnet' })).toBe(true);
    expect(matches(a, facts({}), { ...EMPTY_FILTER, q: 'telnet' })).toBe(false);
    const linked = item('D-1.2', { targetLinks: [{ requirement: 'S1.1-01', relationship: 'equivalent-to' }] });
    expect(matches(linked, { answer: answer('D-1.2'), suggested: false }, { ...EMPTY_FILTER, standard: 'S1.1-01' })).toBe(true);
    expect(matches(a, facts({}), { ...EMPTY_FILTER, standard: 'S1.1-01' })).toBe(false);
  });

  it('groups by the first phase in lifecycle order inside the chosen phases, keeping the order', () => {
    const items = [item('P-1.1'), item('E-1.1', { phases: ['disposal'] }), item('X-1', { phases: ['operation', 'planning'] }), item('P-1.2')];
    expect(groupByPhase(items, []).map((g) => [g.phase, g.items.map((i) => i.no)])).toEqual([
      ['planning', ['P-1.1', 'X-1', 'P-1.2']],
      ['disposal', ['E-1.1']],
    ]);
    expect(
      groupByPhase(items, ['operation'])
        .find((g) => g.phase === 'operation')
        ?.items.map((i) => i.no),
    ).toEqual(['X-1']);
  });

  it('groups suggestions by the probe run behind them (one accept per run)', () => {
    const basis = (runId: string) => ({
      source: 'probe',
      runId,
      check: 'tls.version',
      target: '127.0.0.1:443',
      verdict: 'fail',
      summary: l('TLS 1.0'),
      at: '2026-12-01T00:00:00Z',
      coverage: 'full',
    });
    const suggestions = new Map<string, Suggestion>([
      ['a', { requirementId: 'a', verdict: 'fail', reason: 'x', basis: [basis('run-1'), basis('run-1')] }],
      ['b', { requirementId: 'b', verdict: 'pass', reason: 'y', basis: [basis('run-1'), basis('run-2')] }],
    ]);
    expect([...suggestionsByRun(suggestions)]).toEqual([
      ['run-1', ['a', 'b']],
      ['run-2', ['b']],
    ]);
  });
});
