import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import { readAuditHead } from '../../src/store/audit.repository.js';
import { migrate, openStore, type Store } from '../../src/store/database.js';
import { ApiClient } from '../helpers/api-client.js';
import { testConfig } from '../helpers/test-config.js';

const ADMIN = { email: 'root@example.test', displayName: 'Root', password: 'a very long admin passphrase' };

/**
 * Logging in and out are audited events; keeping a session alive (the last-seen
 * touch) and ending an idle or expired one on its next request are housekeeping
 * and write no audit entry, so the chain only grows with what people do.
 */
describe('session housekeeping stays out of the audit chain', () => {
  let store: Store;
  let now = new Date('2026-11-25T09:00:00Z');
  let app: Awaited<ReturnType<typeof buildApp>>;
  const client = () => new ApiClient(app);
  const head = async () => (await readAuditHead(store.db)).seq;

  beforeAll(async () => {
    store = openStore({ sqliteFile: ':memory:' });
    await migrate(store);
    const ctx: ServiceContext = { store, config: testConfig({ sessionIdleMinutes: 30 }), now: () => now };
    app = await buildApp({ ctx });
    const token = new URL((await issueSetupLink(ctx)) as string).hash.replace('#token=', '');
    const anon = client();
    await anon.session();
    expect((await anon.request('POST', '/api/setup', { ...ADMIN, token })).statusCode).toBe(201);
  });
  afterAll(async () => app.close());

  it('a login is one entry; touching and ending the idle session add none; a logout is one entry', async () => {
    const c = client();
    const start = await head();
    expect((await c.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
    expect(await head()).toBe(start + 1);
    for (let i = 0; i < 3; i += 1) {
      now = new Date(now.getTime() + 5 * 60_000); // past the once-a-minute touch interval each time
      expect((await c.request('GET', '/api/session')).json().user).not.toBeNull();
    }
    now = new Date(now.getTime() + 31 * 60_000); // idle too long: the next request ends the session
    expect((await c.request('GET', '/api/session')).json().user).toBeNull();
    expect(await head()).toBe(start + 1);
    const again = client();
    expect((await again.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
    expect((await again.request('POST', '/api/auth/logout')).statusCode).toBeLessThan(300);
    expect(await head()).toBe(start + 3);
  });
});
