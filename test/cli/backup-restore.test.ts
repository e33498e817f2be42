import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { freshPostgres, freshSqlite, postgresAdmin, postgresAvailable, TEST_PG_URL, type TestDatabase } from '../helpers/databases.js';
import { HttpSession } from '../helpers/http-session.js';
import { freePort } from '../helpers/nginx-proxy.js';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * Backup while the server writes, restore into a new location, serve from it:
 * the restored instance's audit chain verifies (and extends a head anchored
 * before the backup), its assessments are the ones acknowledged, and the
 * evidence file comes back byte for byte. On PostgreSQL `backup` and `restore`
 * drive pg_dump and pg_restore, as docs/DEPLOY.md describes.
 */
const ADMIN = { email: 'root@example.test', displayName: 'Root', password: 'Correct-Horse-Battery-Staple-42' };
const EVIDENCE = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(4096)]);
const VERDICTS = ['pass', 'fail', 'partial', 'not-applicable'] as const;
const pgOk = await postgresAvailable();

/** bin/tebiki without blocking the event loop (the writer keeps writing meanwhile). */
async function tebiki(args: string[], env: Record<string, string>) {
  try {
    const r = await promisify(execFile)(join(projectRoot(), 'bin', 'tebiki'), args, { cwd: projectRoot(), env: { ...process.env, ...env } });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (err) {
    const e = err as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

async function serve(env: Record<string, string>): Promise<{ server: ServerProcess; base: string }> {
  const port = await freePort();
  const server = startServerProcess({ PORT: String(port), HOST: '127.0.0.1', ...env });
  await server.waitFor(/serving edition/);
  return { server, base: `http://127.0.0.1:${port}` };
}

async function stop(server: ServerProcess | undefined) {
  if (server && server.child.exitCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
}

/** A second PostgreSQL database for the restore, with the same schema name in its search_path (pg_restore keeps names). */
async function newPostgresDatabase(schema: string) {
  const name = `restore_${randomBytes(5).toString('hex')}`;
  await postgresAdmin(`create database ${name}`);
  const url = new URL(TEST_PG_URL);
  url.pathname = `/${name}`;
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    url: url.toString(),
    drop: () => postgresAdmin(`drop database if exists ${name} with (force)`),
  };
}

interface Answer {
  verdict: string;
  evidence: string;
  comment: string;
  version: number;
}

for (const kind of ['sqlite', 'postgres'] as const) {
  describe.skipIf(kind === 'postgres' && !pgOk)(`backup while the server writes, restore, serve [${kind}]`, () => {
    const dir = tempDir();
    let db: TestDatabase;
    let source: ServerProcess | undefined;
    let restored: ServerProcess | undefined;
    let dropRestored: (() => Promise<void>) | undefined;
    let sourceEnv: Record<string, string>;
    let restoreEnv: Record<string, string>;
    let assessmentId: string;
    let attachmentId: string;
    let items: string[];
    /** Every acknowledged write, per item, by version. */
    const acknowledged = new Map<string, Map<number, Answer>>();
    /** The version of each item acknowledged before the backup began: the backup must hold at least that. */
    const before = new Map<string, number>();
    let backup: Awaited<ReturnType<typeof tebiki>>;

    beforeAll(async () => {
      db = kind === 'sqlite' ? freshSqlite(join(dir.path, 'source')) : await freshPostgres();
      sourceEnv = { DATABASE_URL: db.databaseUrl ?? '', TEBIKI_DATA_DIR: join(dir.path, 'source') };
      const started = await serve(sourceEnv);
      source = started.server;
      const token = (await source.waitFor(/\/setup#token=([A-Za-z0-9_-]+)/))[1];
      const admin = new HttpSession(started.base);
      await admin.refreshCsrf();
      expect((await admin.request('POST', '/api/setup', { ...ADMIN, token })).status).toBe(201);
      expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
      const org = (await admin.request('POST', '/api/organisations', { name: 'Org A 株式会社' })).body as { id: string };
      const product = (await admin.request('POST', `/api/organisations/${org.id}/products`, { name: 'ゲートウェイ', model: 'GW-1' })).body as { id: string };
      const a = await admin.createAssessment(product.id, 'バックアップ中の診断');
      assessmentId = a.id;
      items = a.items.slice(0, 4);
      const upload = await admin.request('POST', `/api/assessments/${a.id}/answers/${items[0]}/attachments`, EVIDENCE, {
        'content-type': 'image/png',
        'x-filename': encodeURIComponent('証跡.png'),
      });
      expect(upload.status, JSON.stringify(upload.body)).toBe(201);
      attachmentId = (upload.body as { id: string }).id;
      writeFileSync(join(dir.path, 'anchor.json'), (await tebiki(['audit', 'head', '--format', 'json'], sourceEnv)).stdout);

      // One client writes answers one after another until told to stop; each write names the version it read.
      let writing = true;
      const versions = new Map(items.map((id) => [id, 0]));
      const writer = (async () => {
        for (let n = 0; writing; n += 1) {
          const id = items[n % items.length] as string;
          const answer = { verdict: VERDICTS[n % VERDICTS.length] as string, evidence: `書き込み ${n}`, comment: `理由 ${n}` };
          const r = await admin.request('PUT', `/api/assessments/${assessmentId}/answers/${id}`, { ...answer, version: versions.get(id) });
          expect(r.status, JSON.stringify(r.body)).toBe(200);
          const version = (r.body as { version: number }).version;
          versions.set(id, version);
          if (!acknowledged.has(id)) acknowledged.set(id, new Map());
          acknowledged.get(id)?.set(version, { ...answer, version });
        }
      })();
      let failed: unknown;
      writer.catch((err) => {
        failed = err;
      });
      while ([...versions.values()].some((v) => v < 2)) {
        if (failed) throw failed;
        await new Promise((r) => setTimeout(r, 50));
      }
      for (const [id, v] of versions) before.set(id, v);
      backup = await tebiki(['backup', '--out', join(dir.path, 'backup.tar'), '--format', 'json'], sourceEnv);
      const during = [...versions.values()].reduce((s, v) => s + v, 0) - [...before.values()].reduce((s, v) => s + v, 0);
      console.info(`[backup ${kind}] ${during} answers acknowledged while the backup ran`);
      writing = false;
      await writer;
      await stop(source);

      if (kind === 'sqlite') restoreEnv = { DATABASE_URL: '', TEBIKI_DATA_DIR: join(dir.path, 'restored') };
      else {
        const target = await newPostgresDatabase(db.pgSchema as string);
        dropRestored = target.drop;
        restoreEnv = { DATABASE_URL: target.url, TEBIKI_DATA_DIR: join(dir.path, 'restored') };
      }
    }, 600_000);

    afterAll(async () => {
      await stop(source);
      await stop(restored);
      await dropRestored?.();
      await db?.drop();
      dir.remove();
    }, 300_000);

    it('backup writes one archive and names what it holds', () => {
      expect(backup.code, backup.stderr).toBe(0);
      expect(JSON.parse(backup.stdout)).toMatchObject({ database: kind, attachments: 1 });
    });

    it('restore into a new location passes; a second restore onto it is refused without --force', async () => {
      const r = await tebiki(['restore', join(dir.path, 'backup.tar')], restoreEnv);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain('audit chain intact');
      const again = await tebiki(['restore', join(dir.path, 'backup.tar')], restoreEnv);
      expect(again.code).toBe(1);
      expect(again.stderr).toContain('refuses to overwrite it without --force');
    }, 300_000);

    it('the restored audit log verifies and still extends the head anchored before the backup', async () => {
      const r = await tebiki(['audit', 'verify', '--anchor', join(dir.path, 'anchor.json')], restoreEnv);
      expect(r.code, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain('chain intact, extends the anchor');
    }, 300_000);

    it('a server on the restored data shows the acknowledged answers and the evidence byte for byte', async () => {
      const started = await serve(restoreEnv);
      restored = started.server;
      const admin = new HttpSession(started.base);
      expect(await admin.login(ADMIN.email, ADMIN.password)).toBe(200);
      const list = (await admin.request('GET', '/api/assessments')).body as { items?: { id: string }[] } | { id: string }[];
      expect(JSON.stringify(list)).toContain(assessmentId);
      const a = (await admin.request('GET', `/api/assessments/${assessmentId}`)).body as {
        title: string;
        answers: (Answer & { requirementId: string; attachments: { id: string; sha256: string }[] })[];
      };
      expect(a.title).toBe('バックアップ中の診断');
      for (const id of items) {
        const answer = a.answers.find((x) => x.requirementId === id);
        if (!answer) throw new Error(`no answer for ${id}`);
        expect(answer.version).toBeGreaterThanOrEqual(before.get(id) ?? 0);
        // exactly a state some acknowledged write left, never a mixture
        expect({ verdict: answer.verdict, evidence: answer.evidence, comment: answer.comment, version: answer.version }).toEqual(
          acknowledged.get(id)?.get(answer.version),
        );
      }
      const withFile = a.answers.find((x) => x.requirementId === items[0]);
      expect(withFile?.attachments.map((f) => f.id)).toEqual([attachmentId]);
      const file = await admin.download(`/api/assessments/${assessmentId}/attachments/${attachmentId}`);
      expect(file.status).toBe(200);
      expect(file.bytes.equals(EVIDENCE)).toBe(true);
    }, 300_000);
  });
}
