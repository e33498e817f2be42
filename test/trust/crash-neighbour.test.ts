import { readFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseProcess } from '../../src/jobs/process-identity.js';
import { freshPostgres, postgresAvailable, TEST_PG_URL, type TestDatabase } from '../helpers/databases.js';
import { tempDir } from '../helpers/temp-dir.js';
import { openWindow } from '../probes/twins/run-probes.js';
import {
  ADMIN_EMAIL,
  ASSESSOR_EMAIL,
  type CrashServer,
  dropCrashDatabase,
  checkDatabaseIntegrity,
  expectAuditVerifies,
  login,
  seedAssessment,
  startServer,
  until,
} from './crash-fixtures.js';

/**
 * Two server processes on one PostgreSQL (issue 23, point 4): a process
 * starting after a crash interrupts only the runs whose owner process is gone,
 * never the run a live neighbour is working on.
 */
const run = await postgresAvailable();

/** The process group of a running process (field 5 of /proc/PID/stat). */
function processGroupOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

describe.runIf(run)('crash with a live neighbour [postgres]', { timeout: 600_000 }, () => {
  const dir = tempDir();
  let db: TestDatabase;
  const servers: CrashServer[] = [];
  let assessmentId = '';

  beforeAll(async () => {
    db = await freshPostgres();
    servers.push(await startServer(db, dir.path));
    ({ assessmentId } = await seedAssessment(servers[0] as CrashServer));
    servers.push(await startServer(db, dir.path));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.kill9()));
    await dropCrashDatabase(db);
    dir.remove();
  });

  /** The server whose process runs the run's job (read from jobs.owner → job_workers.process). */
  async function ownerOf(runId: string): Promise<number> {
    const c = new pg.Client({ connectionString: TEST_PG_URL });
    await c.connect();
    try {
      const s = db.pgSchema as string;
      const r = await c.query(
        `select w.process from ${s}.probe_runs r join ${s}.jobs j on j.id = r.job_id join ${s}.job_workers w on w.id = j.owner where r.id = $1`,
        [runId],
      );
      const p = parseProcess((r.rows[0] as { process: string | null } | undefined)?.process ?? null);
      if (!p) throw new Error('the run has no owner process');
      const group = processGroupOf(p.pid);
      const index = servers.findIndex((x) => x.child.pid === group);
      if (index < 0) throw new Error(`no server holds process ${p.pid}`);
      return index;
    } finally {
      await c.end();
    }
  }

  it('restarting the other process leaves the live owner’s run running; once the owner dies, a restart marks it interrupted', async () => {
    // Silent ports, and the scope's own pacing at one request a minute per target: once the
    // first probe has connected, the run waits on its limiter for longer than any restart
    // takes, however slow the machine (no race between the run ending and the restart).
    const accepted: Socket[] = [];
    const twins = Array.from({ length: 4 }, () =>
      createServer((socket) => {
        accepted.push(socket);
        socket.on('error', () => undefined);
      }),
    );
    const ports: number[] = [];
    for (const twin of twins) {
      await new Promise<void>((resolve) => twin.listen(0, '127.0.0.1', resolve));
      ports.push((twin.address() as { port: number }).port);
    }
    try {
      const assessor = await login((servers[0] as CrashServer).url, ASSESSOR_EMAIL);
      const scope = {
        name: '隣の機器',
        authorisedBy: '試験 (Example Corp)',
        window: openWindow(),
        limits: { connectionsPerTarget: 1, requestsPerSecond: 1 / 60, maxLoginAttempts: 3 },
        targets: [{ host: '127.0.0.1', services: ports.map((port) => ({ port, kind: 'http' })) }],
      };
      const started = await assessor.request('POST', `/api/assessments/${assessmentId}/probe-runs`, { scope: JSON.stringify(scope), fileName: 'scope.json' });
      expect(started.status, JSON.stringify(started.body)).toBe(202);
      const runId = (started.body as { id: string }).id;
      const runUrl = `/api/assessments/${assessmentId}/probe-runs/${runId}`;
      await until('the run running against the twin', async () => {
        const r = (await assessor.request('GET', runUrl)).body as { state: string };
        return r.state === 'running' && accepted.length > 0 ? true : undefined;
      });
      const owner = await ownerOf(runId);
      const other = 1 - owner;

      // The neighbour dies and starts again: the owner is alive, its run goes on.
      await servers[other]?.kill9();
      servers[other] = await startServer(db, dir.path);
      const viaRestarted = await login((servers[other] as CrashServer).url, ASSESSOR_EMAIL);
      expect(((await viaRestarted.request('GET', runUrl)).body as { state: string }).state).toBe('running');
      await checkDatabaseIntegrity(db);

      // Now the owner dies; the process starting in its place finds it gone.
      await servers[owner]?.kill9();
      servers[owner] = await startServer(db, dir.path);
      const reader = await login((servers[owner] as CrashServer).url, ASSESSOR_EMAIL);
      expect(((await reader.request('GET', runUrl)).body as { state: string }).state).toBe('interrupted');
      const admin = await login((servers[owner] as CrashServer).url, ADMIN_EMAIL);
      const audit = (await admin.request('GET', '/api/admin/audit?action=job.interrupted')).body as { entries: { detail: unknown }[] };
      expect(audit.entries.map((e) => e.detail)).toEqual([{ kind: 'probe-run', reason: 'process-gone' }]);
      await checkDatabaseIntegrity(db);
      expectAuditVerifies(db, dir.path);
    } finally {
      for (const s of accepted) s.destroy();
      for (const twin of twins) twin.close();
    }
  });
});
