import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Config } from '../../src/config/config.js';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import type { Store } from '../../src/store/database.js';
import { ApiClient } from '../helpers/api-client.js';
import { testConfig } from '../helpers/test-config.js';

export const ADMIN = { email: 'admin@example.test', displayName: '管理者', password: 'correct horse battery staple' };
export const PW = 'another long passphrase 42';

/** The token of a one-time link: it must ride in the fragment, never in the path or query. */
export function tokenOf(link: string): string {
  const url = new URL(link);
  expect(url.search).toBe('');
  expect(url.hash).toMatch(/^#token=[A-Za-z0-9_-]{43}$/);
  return url.hash.replace('#token=', '');
}

/** A server on the given store with its first admin logged in. */
export async function accountsPlatform(store: Store, config: Partial<Config> = {}) {
  const ctx: ServiceContext = { store, config: testConfig(config), now: () => new Date() };
  const app: FastifyInstance = await buildApp({ ctx });
  const token = tokenOf((await issueSetupLink(ctx)) as string);
  const anon = new ApiClient(app);
  await anon.session();
  expect((await anon.request('POST', '/api/setup', { token, ...ADMIN })).statusCode).toBe(201);
  const admin = new ApiClient(app);
  expect((await admin.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);

  /** Invites through `by`, accepts as a fresh visitor, logs in: the new user's client. */
  async function invite(by: ApiClient, body: Record<string, unknown>, displayName = 'Someone'): Promise<{ client: ApiClient; id: string; link: string }> {
    const r = await by.request('POST', '/api/users/invitations', body);
    expect(r.statusCode, r.body).toBe(201);
    const link = (r.json() as { link: string }).link;
    const visitor = new ApiClient(app);
    await visitor.session();
    const accepted = await visitor.request('POST', '/api/invitations/accept', { token: tokenOf(link), displayName, password: PW });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const client = new ApiClient(app);
    expect((await client.login(String(body.email), PW)).statusCode).toBe(200);
    return { client, id: (accepted.json() as { user: { id: string } }).user.id, link };
  }
  async function organisation(name: string): Promise<string> {
    const r = await admin.request('POST', '/api/organisations', { name });
    expect(r.statusCode, r.body).toBe(201);
    return (r.json() as { id: string }).id;
  }
  return { ctx, app, admin, invite, organisation };
}
