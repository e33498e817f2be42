/**
 * Matching every product version's SBOMs again after new vulnerability data:
 * the long work behind the `sbom.rematch` job. New matches are recorded and
 * notify the product's organisation, as at upload.
 */
import type { SbomDocument } from '../core/sbom/sbom.types.js';
import { listSboms, recordMatches, versionsWithSboms } from '../store/sboms.repository.js';
import { userIdsWith } from '../store/notifications.repository.js';
import { type ServiceContext, mutate } from './context.js';
import { notify } from './notifications.service.js';
import { proposeKevCasesFor } from './cra-cases.service.js';
import type { JobHandler, JobQueue, JobState } from './ports/job-queue.js';
import { matchAgainstStore } from './vulnerability-data.service.js';
import { ANONYMOUS } from '../core/authorization.js';

export const SBOM_REMATCH_JOB = 'sbom.rematch';

export interface RematchOutcome {
  versions: number;
  newMatches: number;
  /** CRA reporting cases proposed for KEV-listed matches. */
  proposedCases: number;
}

/** Re-matches every version with an SBOM; stops between versions when `signal` aborts. */
export async function rematchAllSboms(
  ctx: ServiceContext,
  options: { signal?: AbortSignal; progress?: (done: number, total: number, message: string) => Promise<void> } = {},
): Promise<RematchOutcome> {
  const versions = await versionsWithSboms(ctx.store.db);
  let newMatches = 0;
  let proposedCases = 0;
  for (const [i, v] of versions.entries()) {
    if (options.signal?.aborted) break;
    const documents = (await listSboms(ctx.store.db, v.versionId)).map((s) => JSON.parse(s.document) as SbomDocument);
    const { matches } = await matchAgainstStore(
      ctx,
      documents.flatMap((d) => d.components),
    );
    const at = ctx.now().toISOString();
    const fresh = await ctx.store.db.transaction().execute(async (trx) => {
      const added = await recordMatches(
        trx,
        matches.map((m) => ({ product_version_id: v.versionId, vulnerability_id: m.id, purl: m.purl, first_seen_at: at })),
      );
      if (added.length > 0) {
        const list = [...new Set(added.map((a) => a.vulnerability_id))].slice(0, 10).join(', ');
        await notify(
          ctx,
          trx,
          { userIds: await userIdsWith(trx, { role: 'member', organisationId: v.organisationId }) },
          {
            kind: 'vulnerability-matched',
            title: { ja: `既知の脆弱性が見つかりました: ${v.productName} ${v.version}`, en: `Known vulnerabilities found: ${v.productName} ${v.version}` },
            body: { ja: `新たに照合された脆弱性: ${list}`, en: `Newly matched: ${list}` },
            link: `/products/${encodeURIComponent(v.productId)}/versions/${encodeURIComponent(v.version)}`,
          },
        );
      }
      return added.length;
    });
    newMatches += fresh;
    proposedCases += (await proposeKevCasesFor(ctx, v.versionId, matches)).length;
    await options.progress?.(i + 1, versions.length, `${v.productName} ${v.version}`);
  }
  await mutate(
    ctx,
    ANONYMOUS,
    { action: 'sbom.rematched', targetType: 'vulnerability-data', targetId: 'osv', detail: { versions: versions.length, newMatches, proposedCases } },
    async () => undefined,
  );
  return { versions: versions.length, newMatches, proposedCases };
}

/** Registers the `sbom.rematch` job on a queue (enqueued after each OSV or KEV import); `onDone` hears what it found. */
export function registerSbomJobs(queue: JobQueue, ctx: ServiceContext, onDone?: (outcome: RematchOutcome) => void): void {
  const handler: JobHandler<Record<string, never>> = async (job) => {
    const outcome = await rematchAllSboms(ctx, { signal: job.signal, progress: (d, t, m) => job.progress(d, t, m) });
    onDone?.(outcome);
  };
  queue.register(SBOM_REMATCH_JOB, handler);
}

export interface RematchJobOutcome extends RematchOutcome {
  job: string;
  state: JobState;
}

/**
 * Queues the re-match on a started queue and waits until it ends (a shell without a
 * server: the CLI's imports). The job is recorded like any other; another process
 * with the same queue may run it, and then only its state is known here.
 */
export async function rematchAsJob(queue: JobQueue, onDone: { outcome: RematchOutcome | null }, pollMs = 100): Promise<RematchJobOutcome> {
  const job = await queue.enqueue(SBOM_REMATCH_JOB, {});
  for (;;) {
    const status = await queue.status(job);
    if (status && !['queued', 'running'].includes(status.state)) {
      if (status.state !== 'completed') throw new Error(`the SBOM re-match job ${job} ended ${status.state}: ${status.error ?? ''}`);
      return { job, state: status.state, ...(onDone.outcome ?? { versions: 0, newMatches: 0, proposedCases: 0 }) };
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
