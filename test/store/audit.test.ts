import { sql } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import { ANONYMOUS } from '../../src/core/authorization.js';
import { verifyAuditLog } from '../../src/services/audit.service.js';
import { mutate, type ServiceContext } from '../../src/services/context.js';
import { writeSetting } from '../../src/store/settings.repository.js';
import { cliEnv } from '../helpers/databases.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { runBin } from '../helpers/run-cli.js';
import { testConfig } from '../helpers/test-config.js';

describeEachDatabase('audit log hash chain', (get) => {
  const ctx = (): ServiceContext => ({ store: get().store, config: testConfig(), now: () => new Date() });

  beforeEach(async () => {
    const { store } = get();
    await store.db.deleteFrom('audit_log').execute();
    await store.db.updateTable('audit_head').set({ seq: 0, hash: '' }).execute();
    for (let i = 1; i <= 5; i++) {
      await mutate(ctx(), ANONYMOUS, { action: 'test.change', targetType: 'setting', targetId: `k${i}`, detail: { i } }, (trx) =>
        writeSetting(trx, `k${i}`, `v${i}`),
      );
    }
  });

  it('an untouched log verifies, through the service and through bin/tebiki', async () => {
    expect(await verifyAuditLog(get().store)).toEqual({ ok: true, checked: 5 });
    const r = runBin(['audit', 'verify'], cliEnv(get().db));
    expect(r.stdout).toContain('ok: 5 audit entries');
    expect(r.code).toBe(0);
  });

  it('a row edited directly in the database is found, and the CLI names it and exits non-zero', async () => {
    await get().store.db.updateTable('audit_log').set({ detail: '{"i":99}' }).where('seq', '=', 3).execute();
    const v = await verifyAuditLog(get().store);
    expect(v).toMatchObject({ ok: false, seq: 3, checked: 2 });
    const r = runBin(['audit', 'verify', '--format', 'json'], cliEnv(get().db));
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, seq: 3 });
  });

  it('a deleted entry in the middle is found', async () => {
    await get().store.db.deleteFrom('audit_log').where('seq', '=', 2).execute();
    expect(await verifyAuditLog(get().store)).toMatchObject({ ok: false, seq: 3 });
  });

  it('a deleted tail is found through the recorded head', async () => {
    await get().store.db.deleteFrom('audit_log').where('seq', '>=', 4).execute();
    expect(await verifyAuditLog(get().store)).toMatchObject({ ok: false, seq: 4 });
  });

  it('two entries swapped are found', async () => {
    const { db } = get().store;
    await db.updateTable('audit_log').set({ seq: 100 }).where('seq', '=', 2).execute();
    await db.updateTable('audit_log').set({ seq: 2 }).where('seq', '=', 4).execute();
    await db.updateTable('audit_log').set({ seq: 4 }).where('seq', '=', 100).execute();
    expect(await verifyAuditLog(get().store)).toMatchObject({ ok: false, seq: 2 });
  });

  it('a change and its audit entry commit together or not at all', async () => {
    await expect(
      mutate(ctx(), ANONYMOUS, { action: 'test.fail', targetType: 'setting', targetId: 'x' }, async (trx) => {
        await writeSetting(trx, 'half', 'written');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    const half = await get().store.db.selectFrom('settings').selectAll().where('key', '=', 'half').executeTakeFirst();
    expect(half).toBeUndefined();
    expect(await verifyAuditLog(get().store)).toEqual({ ok: true, checked: 5 });
  });

  it('concurrent writers keep one unbroken chain', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        mutate(ctx(), ANONYMOUS, { action: 'test.concurrent', targetType: 'setting', targetId: `c${i}` }, (trx) => writeSetting(trx, `c${i}`, 'x')),
      ),
    );
    expect(await verifyAuditLog(get().store)).toEqual({ ok: true, checked: 25 });
    const count = await sql<{ n: string }>`select count(*) as n from audit_log`.execute(get().store.db);
    expect(Number(count.rows[0]?.n)).toBe(25);
  });
});
