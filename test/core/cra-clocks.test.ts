/** The CRA clocks with a controlled clock: awareness at 23:30 on a Friday, a corrective measure on day 3, a missed deadline. */
import { describe, expect, it } from 'vitest';
import { addMonthsUtc, type ClockInput, caseClocks, escalationsDue, mostUrgent, stepDurations } from '../../src/core/cra/cra-clocks.js';

// 6 November 2026 is a Friday.
const FRIDAY_2330 = '2026-11-06T23:30:00.000Z';
const at = (iso: string) => new Date(iso);
const vuln = (over: Partial<ClockInput> = {}): ClockInput => ({ kind: 'vulnerability', awareAt: FRIDAY_2330, correctiveAt: null, sent: {}, ...over });

describe('CRA clocks', () => {
  it('awareness at 23:30 on a Friday: early warning due Saturday 23:30, notification Monday 23:30, final waits for a measure', () => {
    const clocks = caseClocks(vuln(), at('2026-11-07T00:00:00.000Z'));
    expect(clocks.map((c) => [c.stage, c.dueAt, c.state])).toEqual([
      ['early-warning', '2026-11-07T23:30:00.000Z', 'open'],
      ['notification', '2026-11-09T23:30:00.000Z', 'open'],
      ['final', null, 'waiting'],
    ]);
    expect(clocks[0]?.leftMs).toBe(23.5 * 3_600_000);
    expect(mostUrgent(clocks)?.stage).toBe('early-warning');
  });

  it('a corrective measure on day 3 sets the final report 14 days later', () => {
    const clocks = caseClocks(vuln({ correctiveAt: '2026-11-09T10:00:00.000Z' }), at('2026-11-09T10:00:00.000Z'));
    expect(clocks[2]).toMatchObject({ stage: 'final', dueAt: '2026-11-23T10:00:00.000Z', state: 'open' });
  });

  it('a missed deadline is overdue until the report is marked sent', () => {
    const late = at('2026-11-07T23:31:00.000Z');
    expect(caseClocks(vuln(), late)[0]).toMatchObject({ state: 'overdue', leftMs: -60_000 });
    expect(mostUrgent(caseClocks(vuln(), late))?.state).toBe('overdue');
    const sent = caseClocks(vuln({ sent: { 'early-warning': '2026-11-07T23:40:00.000Z' } }), late)[0];
    expect(sent).toMatchObject({ state: 'sent', leftMs: null, sentAt: '2026-11-07T23:40:00.000Z' });
  });

  it('an incident: final report one month after the notification was sent (month end clamped)', () => {
    const incident: ClockInput = { kind: 'incident', awareAt: '2026-01-28T23:30:00.000Z', correctiveAt: null, sent: {} };
    expect(caseClocks(incident, at('2026-01-29T00:00:00.000Z'))[2]?.state).toBe('waiting');
    const notified = { ...incident, sent: { notification: '2026-01-31T08:00:00.000Z' } };
    expect(caseClocks(notified, at('2026-02-01T00:00:00.000Z'))[2]?.dueAt).toBe('2026-02-28T08:00:00.000Z');
    expect(addMonthsUtc(at('2028-01-31T12:00:00.000Z'), 1).toISOString()).toBe('2028-02-29T12:00:00.000Z');
  });

  it('escalates at 12 h, 4 h and 1 h left (12, 20 and 23 h into the 24 h window) and when missed; only the latest threshold passed', () => {
    const due = (iso: string) =>
      escalationsDue(vuln(), at(iso))
        .filter((e) => e.stage === 'early-warning')
        .map((e) => e.threshold);
    expect(due('2026-11-07T11:29:59.000Z')).toEqual([]);
    expect(due('2026-11-07T11:30:00.000Z')).toEqual(['left-12h']);
    expect(due('2026-11-07T19:30:00.000Z')).toEqual(['left-4h']);
    expect(due('2026-11-07T22:30:00.000Z')).toEqual(['left-1h']);
    expect(due('2026-11-07T23:30:00.000Z')).toEqual(['left-1h']);
    expect(due('2026-11-07T23:30:00.001Z')).toEqual(['missed']);
    // Nothing for a stage once its report is sent.
    expect(escalationsDue(vuln({ sent: { 'early-warning': '2026-11-07T20:00:00.000Z' } }), at('2026-11-08T00:00:00.000Z')).map((e) => e.stage)).toEqual([]);
  });

  it('records how long each step took, from awareness (the record a drill leaves)', () => {
    const steps = stepDurations({
      ...vuln({ correctiveAt: '2026-11-09T23:30:00.000Z', sent: { 'early-warning': '2026-11-07T05:30:00.000Z', notification: '2026-11-08T23:30:00.000Z' } }),
      closedAt: null,
    });
    expect(steps).toEqual([
      { step: 'early-warning', ms: 6 * 3_600_000 },
      { step: 'notification', ms: 48 * 3_600_000 },
      { step: 'corrective', ms: 72 * 3_600_000 },
      { step: 'final', ms: null },
      { step: 'closed', ms: null },
    ]);
  });
});
