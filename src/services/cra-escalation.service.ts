import { escalationsDue } from '../core/cra/cra-clocks.js';
import { escalationsOf, listCases, recordEscalation, reportsOf } from '../store/cra.repository.js';
import { mutate, type ServiceContext } from './context.js';
import { clockInput } from './cra-case-view.js';
import { notifyEscalation } from './cra-notices.js';
import { kickMail } from './notifications.service.js';

/** Thrown inside the transaction when another sweep recorded the same notice first: nothing is written. */
class AlreadyRecorded extends Error {}

/**
 * The periodic sweep: for every open case (real and drill) the escalations
 * reached at `now`, each recorded once (the table's key makes a second record
 * impossible, even from another process) and sent in-app and by mail.
 * Idempotent: calling it again at the same `now` sends nothing. Returns the
 * number of notices recorded.
 */
export async function craSweep(ctx: ServiceContext, now: Date = ctx.now()): Promise<number> {
  const cases = await listCases(ctx.store.db, { organisationId: null, statuses: ['open'] });
  const reports = await reportsOf(
    ctx.store.db,
    cases.map((c) => c.id),
  );
  let recorded = 0;
  for (const row of cases) {
    const due = escalationsDue(clockInput(row, reports), now);
    if (due.length === 0) continue;
    const seen = new Set((await escalationsOf(ctx.store.db, row.id)).map((e) => `${e.stage}|${e.threshold}|${e.due_at}`));
    for (const e of due) {
      if (seen.has(`${e.stage}|${e.threshold}|${e.dueAt}`)) continue;
      try {
        await mutate(
          ctx,
          { kind: 'anonymous' },
          { action: 'cra.escalated', targetType: 'cra-case', targetId: row.id, detail: { stage: e.stage, threshold: e.threshold, dueAt: e.dueAt } },
          async (trx) => {
            if (!(await recordEscalation(trx, { case_id: row.id, stage: e.stage, threshold: e.threshold, due_at: e.dueAt, created_at: now.toISOString() }))) {
              throw new AlreadyRecorded();
            }
            await notifyEscalation(ctx, trx, row, e);
          },
        );
        recorded += 1;
      } catch (err) {
        if (!(err instanceof AlreadyRecorded)) throw err;
      }
    }
  }
  if (recorded > 0) kickMail(ctx);
  return recorded;
}

/** Runs the sweep every `everyMs` in the server process; returns the stop function. */
export function startCraSweep(ctx: ServiceContext, everyMs = 60_000): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    craSweep(ctx)
      .catch(() => undefined)
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
