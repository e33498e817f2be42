import type { FastifyInstance } from 'fastify';
import type { Config } from '../../src/config/config.js';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import type { Store } from '../../src/store/database.js';
import { ApiClient } from '../helpers/api-client.js';
import { testConfig } from '../helpers/test-config.js';

/** People and products the assessment API tests work with. */
export interface AssessmentWorld {
  app: FastifyInstance;
  ctx: ServiceContext;
  editionId: string;
  orgs: { a: string; b: string };
  products: { a: string; b: string };
  client(who: 'admin' | 'a1' | 'b1' | 'as1' | 'ed'): ApiClient;
  /** Requests the client type does not name (PATCH). */
  patch(who: 'admin' | 'a1' | 'b1' | 'as1' | 'ed', url: string, body: unknown): ReturnType<ApiClient['request']>;
  /** Creates an assessment of org A's product as the assessor and returns its view. */
  create(overrides?: Record<string, unknown>): Promise<AssessmentJson>;
}

export interface AnswerJson {
  requirementId: string;
  no: string;
  verdict: string;
  evidence: string;
  comment: string;
  defect: { kind: string; note: string; proposalId: string | null } | null;
  review: string | null;
  attachments: { id: string; sha256: string; filename: string; mediaType: string; size: number }[];
  version: number;
}

export interface AssessmentJson {
  id: string;
  status: string;
  version: number;
  title: string;
  contentHash: string | null;
  carriedFrom: string | null;
  edition: { id: string };
  items: { requirementId: string; no: string; title: { ja: string; en: string }; layers: string[]; phases: string[]; hash: string }[];
  answers: AnswerJson[];
}

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };
const PW = 'another long passphrase 42';

/** Creates each [name, role, organisation] as `name`@example.test, "利用者 name", and logs each in with their own client. */
export async function addUsers(app: FastifyInstance, admin: ApiClient, users: [string, string, string | null][]): Promise<Record<string, ApiClient>> {
  const clients: Record<string, ApiClient> = {};
  for (const [name, role, organisationId] of users) {
    const email = `${name}@example.test`;
    const r = await admin.request('POST', '/api/admin/users', { email, displayName: `利用者 ${name}`, password: PW, role, organisationId });
    expect(r.statusCode, r.body).toBe(201);
    const c = new ApiClient(app);
    expect((await c.login(email, PW)).statusCode).toBe(200);
    clients[name] = c;
  }
  return clients;
}

export async function assessmentWorld(store: Store, config: Partial<Config> = {}): Promise<AssessmentWorld> {
  const ctx: ServiceContext = { store, config: testConfig(config), now: () => new Date() };
  const imported = await importBundledEdition(ctx);
  const app = await buildApp({ ctx });
  const token = new URL((await issueSetupLink(ctx)) as string).hash.replace('#token=', '');
  const anon = new ApiClient(app);
  await anon.session();
  await anon.request('POST', '/api/setup', { token, email: ADMIN.email, displayName: '管理者', password: ADMIN.password });
  const clients: Record<string, ApiClient> = {};
  const admin = new ApiClient(app);
  expect((await admin.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  clients.admin = admin;
  const orgs = {
    a: (await admin.request('POST', '/api/organisations', { name: 'Org A 株式会社' })).json().id as string,
    b: (await admin.request('POST', '/api/organisations', { name: 'Org B 合同会社' })).json().id as string,
  };
  const users: [string, string, string | null][] = [
    ['a1', 'member', orgs.a],
    ['b1', 'member', orgs.b],
    ['as1', 'assessor', null],
    ['ed', 'editor', null],
  ];
  Object.assign(clients, await addUsers(app, admin, users));
  const product = async (org: string, name: string) => {
    const r = await admin.request('POST', `/api/organisations/${org}/products`, { name, model: 'GW-100' });
    expect(r.statusCode, r.body).toBe(201);
    return r.json().id as string;
  };
  const products = { a: await product(orgs.a, 'スマートゲートウェイ'), b: await product(orgs.b, 'Camera B') };
  const client = (who: string) => {
    const c = clients[who];
    if (!c) throw new Error(`no client ${who}`);
    return c;
  };
  const world: AssessmentWorld = {
    app,
    ctx,
    editionId: imported.id,
    orgs,
    products,
    client,
    patch: (who, url, body) => client(who).request('PATCH', url, body),
    create: async (overrides = {}) => {
      const r = await client('as1').request('POST', '/api/assessments', {
        productId: products.a,
        title: '2026年度 出荷前診断',
        productVersion: '1.2.0',
        editionId: imported.id,
        spec: { layers: ['device'], phases: [], profile: null },
        ...overrides,
      });
      expect(r.statusCode, r.body).toBe(201);
      return r.json() as AssessmentJson;
    },
  };
  return world;
}

/**
 * The assessment world of a suite on `get()`'s store: built in the suite's
 * first hook, its app closed after the suite. The object returned is filled in
 * when that hook runs, so read it in tests and later hooks only.
 */
export function useAssessmentWorld(get: () => { store: Store }, config: Partial<Config> = {}): AssessmentWorld {
  const world = {} as AssessmentWorld;
  beforeAll(async () => {
    Object.assign(world, await assessmentWorld(get().store, config));
  });
  afterAll(async () => world.app?.close());
  return world;
}

/** Answers every item with pass (the first few with other verdicts), so an assessment can be finalised. */
export async function answerAll(world: AssessmentWorld, a: AssessmentJson): Promise<void> {
  const versions = await answerVersions(world, a.id);
  for (const item of a.items) {
    const version = versions.get(item.requirementId) ?? 0;
    const r = await world
      .client('as1')
      .request('PUT', `/api/assessments/${a.id}/answers/${item.requirementId}`, { verdict: 'pass', evidence: '確認済み', comment: '', version });
    expect(r.statusCode, r.body).toBe(200);
  }
}

/** Each item's stored answer version (what a writer sends back), read as the assessor. */
export async function answerVersions(world: AssessmentWorld, id: string): Promise<Map<string, number>> {
  const view = (await world.client('as1').request('GET', `/api/assessments/${id}`)).json() as AssessmentJson;
  return new Map(view.answers.map((x) => [x.requirementId, x.version] as const));
}
