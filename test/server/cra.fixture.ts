import { expect } from 'vitest';
import type { Actor } from '../../src/core/authorization.js';
import type { ServiceContext } from '../../src/services/context.js';
import type { Store } from '../../src/store/database.js';
import type { ApiClient } from '../helpers/api-client.js';
import { startSmtpSink } from '../helpers/smtp-sink.js';
import { accountsPlatform } from './accounts.fixture.js';

/**
 * Two member organisations: A with a product (two versions), a reporting
 * owner, a deputy, an organisation manager and a reporter; B with one member.
 * `at(iso)` gives a service context on the same store whose clock reads `iso`.
 * Mail goes to a sink of its own (`smtp`); `close()` stops the app and the sink.
 */
export async function craPlatform(store: Store) {
  const smtp = await startSmtpSink();
  const p = await accountsPlatform(store, { mail: { smtpUrl: smtp.url, from: 'tebiki@example.test' } });
  const orgA = await p.organisation('Maker A');
  const orgB = await p.organisation('Maker B');
  const member = async (email: string, org: string, orgManager = false) => {
    const u = await p.invite(p.admin, { email, role: 'member', organisationId: org, orgManager }, email.split('@')[0]);
    const actor: Actor = { kind: 'user', userId: u.id, role: 'member', organisationId: org };
    return { ...u, email, actor };
  };
  const owner = await member('owner@a.test', orgA);
  const deputy = await member('deputy@a.test', orgA);
  const manager = await member('manager@a.test', orgA, true);
  const reporter = await member('reporter@a.test', orgA);
  const outsider = await member('member@b.test', orgB);
  const product = await created(p.admin, `/api/organisations/${orgA}/products`, { name: 'Home Gateway', model: 'HG-1' });
  const bare = await created(p.admin, `/api/organisations/${orgA}/products`, { name: 'Sensor', model: null });
  const v1 = await created(p.admin, `/api/products/${product}/versions`, { version: '1.0.0' });
  const v2 = await created(p.admin, `/api/products/${product}/versions`, { version: '1.1.0' });
  const bareV = await created(p.admin, `/api/products/${bare}/versions`, { version: '0.9' });
  const contacts = await manager.client.request('PUT', `/api/products/${product}/cra/contacts`, { ownerId: owner.id, deputyIds: [deputy.id] });
  expect(contacts.statusCode, contacts.body).toBe(200);
  const at = (iso: string): ServiceContext => ({ ...p.ctx, now: () => new Date(iso) });
  const close = async () => {
    await p.app.close();
    await smtp.close();
  };
  return { ...p, smtp, close, orgA, orgB, owner, deputy, manager, reporter, outsider, product, bare, v1, v2, bareV, at };
}

async function created(client: ApiClient, path: string, body: Record<string, unknown>): Promise<string> {
  const r = await client.request('POST', path, body);
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { id: string }).id;
}
