/**
 * EU CRA Article 14 reporting clocks, pure: the same case and the same `now`
 * always give the same deadlines, states and escalations.
 *
 * - early warning: 24 h after awareness
 * - notification: 72 h after awareness
 * - final report: a vulnerability 14 days after a corrective or mitigating
 *   measure is available; a severe incident one month after the notification
 *   was submitted (calendar month, clamped to the month's last day).
 */

export const CRA_STAGES = ['early-warning', 'notification', 'final'] as const;
export type CraStage = (typeof CRA_STAGES)[number];

export const CRA_CASE_KINDS = ['vulnerability', 'incident'] as const;
export type CraCaseKind = (typeof CRA_CASE_KINDS)[number];

/**
 * Escalation thresholds by time left before a deadline: 12 h, 4 h and 1 h left
 * (that is 12 h, 20 h and 23 h into the 24-hour window), then the miss itself.
 */
export const ESCALATIONS = [
  { threshold: 'left-12h', leftMs: 12 * 3_600_000 },
  { threshold: 'left-4h', leftMs: 4 * 3_600_000 },
  { threshold: 'left-1h', leftMs: 3_600_000 },
  { threshold: 'missed', leftMs: 0 },
] as const;
export type EscalationThreshold = (typeof ESCALATIONS)[number]['threshold'];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** What the clocks need to know about a case. Times are ISO 8601 strings. */
export interface ClockInput {
  kind: CraCaseKind;
  awareAt: string;
  correctiveAt: string | null;
  sent: Partial<Record<CraStage, string | null>>;
}

export type StageState = 'sent' | 'open' | 'overdue' | 'waiting';

export interface StageClock {
  stage: CraStage;
  /** null while the start of the clock is not known yet (final report before its trigger). */
  dueAt: string | null;
  sentAt: string | null;
  state: StageState;
  /** Milliseconds left (negative when overdue); null when sent or waiting. */
  leftMs: number | null;
}

/** Adds calendar months in UTC; 31 January + 1 month = 28/29 February. */
export function addMonthsUtc(at: Date, months: number): Date {
  const d = new Date(at.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

/** The deadline of one stage, or null while it cannot be known. */
export function dueAt(input: ClockInput, stage: CraStage): Date | null {
  const aware = Date.parse(input.awareAt);
  if (stage === 'early-warning') return new Date(aware + DAY);
  if (stage === 'notification') return new Date(aware + 3 * DAY);
  if (input.kind === 'vulnerability') return input.correctiveAt ? new Date(Date.parse(input.correctiveAt) + 14 * DAY) : null;
  const notified = input.sent.notification;
  return notified ? addMonthsUtc(new Date(notified), 1) : null;
}

export function stageClock(input: ClockInput, stage: CraStage, now: Date): StageClock {
  const due = dueAt(input, stage);
  const sentAt = input.sent[stage] ?? null;
  if (sentAt) return { stage, dueAt: due?.toISOString() ?? null, sentAt, state: 'sent', leftMs: null };
  if (!due) return { stage, dueAt: null, sentAt: null, state: 'waiting', leftMs: null };
  const left = due.getTime() - now.getTime();
  return { stage, dueAt: due.toISOString(), sentAt: null, state: left < 0 ? 'overdue' : 'open', leftMs: left };
}

export function caseClocks(input: ClockInput, now: Date): StageClock[] {
  return CRA_STAGES.map((s) => stageClock(input, s, now));
}

/** The nearest deadline still to meet (overdue ones first): what the dashboard sorts by. */
export function mostUrgent(clocks: readonly StageClock[]): StageClock | null {
  const running = clocks.filter((c) => c.leftMs !== null);
  running.sort((a, b) => (a.leftMs ?? 0) - (b.leftMs ?? 0));
  return running[0] ?? null;
}

export interface DueEscalation {
  stage: CraStage;
  threshold: EscalationThreshold;
  dueAt: string;
}

/**
 * The escalations reached at `now` for each unsent stage: the most urgent
 * threshold passed per stage (earlier ones passed at the same time are
 * superseded, not sent late). The caller records each once.
 */
export function escalationsDue(input: ClockInput, now: Date): DueEscalation[] {
  const out: DueEscalation[] = [];
  for (const clock of caseClocks(input, now)) {
    const left = clock.leftMs;
    if (left === null || clock.dueAt === null) continue;
    const passed = ESCALATIONS.filter((e) => (e.threshold === 'missed' ? left < 0 : left <= e.leftMs));
    const last = passed[passed.length - 1];
    if (last) out.push({ stage: clock.stage, threshold: last.threshold, dueAt: clock.dueAt });
  }
  return out;
}

/** How long each step of a case took, from awareness: the record a drill leaves. */
export function stepDurations(input: ClockInput & { closedAt: string | null }): { step: CraStage | 'corrective' | 'closed'; ms: number | null }[] {
  const aware = Date.parse(input.awareAt);
  const since = (at: string | null | undefined) => (at ? Date.parse(at) - aware : null);
  return [
    { step: 'early-warning', ms: since(input.sent['early-warning']) },
    { step: 'notification', ms: since(input.sent.notification) },
    { step: 'corrective', ms: since(input.correctiveAt) },
    { step: 'final', ms: since(input.sent.final) },
    { step: 'closed', ms: since(input.closedAt) },
  ];
}
