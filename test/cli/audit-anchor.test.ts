import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { hashAuditEntry } from '../../src/core/audit-chain.js';
import { ANONYMOUS } from '../../src/core/authorization.js';
import { mutate, type ServiceContext } from '../../src/services/context.js';
import { readAuditLog } from '../../src/store/audit.repository.js';
import type { Store } from '../../src/store/database.js';
import { writeSetting } from '../../src/store/settings.repository.js';
import { cliEnv } from '../helpers/databases.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { runBin } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';

/**
 * An attacker with write access to the database can rewrite or cut the chain
 * consistently (every hash recomputed, the head moved): `audit verify` alone
 * passes then. A head exported earlier (`audit head`) and checked with
 * `audit verify --anchor` catches both.
 */
describeEachDatabase('audit anchoring (bin/tebiki audit head / verify --anchor)', (get) => {
  const ctx = (): ServiceContext => ({ store: get().store, config: testConfig(), now: () => new Date() });
  const files = tempDir();
  let anchorFile: string;
  afterAll(() => files.remove());

  async function change(i: number) {
    await mutate(ctx(), ANONYMOUS, { action: 'test.change', targetType: 'setting', targetId: `k${i}`, detail: { i } }, (trx) =>
      writeSetting(trx, `k${i}`, `v${i}`),
    );
  }

  beforeEach(async () => {
    const { store, db } = get();
    await store.db.deleteFrom('audit_log').execute();
    await store.db.updateTable('audit_head').set({ seq: 0, hash: '' }).execute();
    for (let i = 1; i <= 5; i++) await change(i);
    const head = runBin(['audit', 'head', '--format', 'json'], cliEnv(db));
    expect(head.code, head.stderr).toBe(0);
    anchorFile = join(files.path, `anchor-${db.kind}.json`);
    writeFileSync(anchorFile, head.stdout);
    for (let i = 6; i <= 7; i++) await change(i);
  });

  it('head prints sequence, hash and time as JSON and as text', async () => {
    const { store, db } = get();
    const json = JSON.parse(runBin(['audit', 'head', '--format', 'json'], cliEnv(db)).stdout);
    const last = await store.db.selectFrom('audit_log').selectAll().where('seq', '=', 7).executeTakeFirstOrThrow();
    expect(json).toEqual({ sequence: 7, hash: last.hash, time: last.at });
    const text = runBin(['audit', 'head'], cliEnv(db));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`sequence 7\nhash ${last.hash}\ntime ${last.at}`);
  });

  it('a log that grew since the anchor passes', () => {
    const r = runBin(['audit', 'verify', '--anchor', anchorFile], cliEnv(get().db));
    expect(r.stdout).toContain('ok: 7 audit entries, chain intact, extends the anchor at entry 5');
    expect(r.code).toBe(0);
  });

  it('a log cut back below the anchor, head moved to match, fails with --anchor only', async () => {
    const { store, db } = get();
    await store.db.deleteFrom('audit_log').where('seq', '>', 3).execute();
    const third = await store.db.selectFrom('audit_log').select('hash').where('seq', '=', 3).executeTakeFirstOrThrow();
    await store.db.updateTable('audit_head').set({ seq: 3, hash: third.hash }).execute();
    expect(runBin(['audit', 'verify'], cliEnv(db)).code).toBe(0);
    const r = runBin(['audit', 'verify', '--anchor', anchorFile], cliEnv(db));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('the log ends at entry 3 but the anchor is entry 5: entries were removed since the anchor was taken');
    const json = JSON.parse(runBin(['audit', 'verify', '--anchor', anchorFile, '--format', 'json'], cliEnv(db)).stdout);
    expect(json).toMatchObject({ ok: false, seq: 4, anchor: { ok: false } });
  });

  it('a log rewritten consistently from an entry before the anchor fails with --anchor only', async () => {
    const { store, db } = get();
    await rewriteFrom(store, 4);
    expect(runBin(['audit', 'verify'], cliEnv(db)).code).toBe(0);
    const r = runBin(['audit', 'verify', '--anchor', anchorFile], cliEnv(db));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/BROKEN at entry 5: entry 5 has hash [0-9a-f]{64} but the anchor says [0-9a-f]{64}: the log was rewritten/);
  });

  it('an anchor file that is not an exported head is refused, naming the file and the field', () => {
    const bad = join(files.path, 'bad.json');
    writeFileSync(bad, JSON.stringify({ sequence: -1, hash: 'x', time: null }));
    const r = runBin(['audit', 'verify', '--anchor', bad], cliEnv(get().db));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`--anchor ${bad}: sequence:`);
  });
});

/** Changes entry `from` and recomputes every hash after it and the head, as someone with database access could. */
async function rewriteFrom(store: Store, from: number) {
  const entries = [];
  for await (const e of readAuditLog(store.db)) entries.push(e);
  let prev = entries[from - 2]?.hash ?? '';
  for (const e of entries.slice(from - 1)) {
    const changed = { ...e, prevHash: prev, detail: e.seq === from ? '{"i":"forged"}' : e.detail };
    const hash = hashAuditEntry(changed);
    await store.db.updateTable('audit_log').set({ detail: changed.detail, prev_hash: prev, hash }).where('seq', '=', e.seq).execute();
    prev = hash;
  }
  await store.db.updateTable('audit_head').set({ hash: prev }).execute();
}
