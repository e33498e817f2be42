import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import type { Store } from '../../src/store/database.js';
import { ApiClient } from './api-client.js';
import { testConfig } from './test-config.js';

/** The first administrator, as the API tests create it through the setup link. */
export const SETUP_ADMIN = { email: 'admin@example.test', displayName: '管理者', password: 'correct horse battery staple' };

/**
 * The app on this context with its first administrator created through the
 * one-time setup link and logged in (`admin`); `anon` is the visitor that
 * used the link, still not logged in. `displayName` is the name the
 * administrator signs reviews and changes with.
 */
export async function appWithAdmin(
  ctx: ServiceContext,
  displayName = SETUP_ADMIN.displayName,
): Promise<{ app: FastifyInstance; admin: ApiClient; anon: ApiClient }> {
  const app = await buildApp({ ctx });
  try {
    const link = (await issueSetupLink(ctx)) as string;
    const anon = new ApiClient(app);
    await anon.session();
    const token = new URL(link).hash.replace('#token=', '');
    expect((await anon.request('POST', '/api/setup', { token, ...SETUP_ADMIN, displayName })).statusCode).toBe(201);
    const admin = new ApiClient(app);
    expect((await admin.login(SETUP_ADMIN.email, SETUP_ADMIN.password)).statusCode).toBe(200);
    return { app, admin, anon };
  } catch (error) {
    await app.close();
    throw error;
  }
}

/** What a suite on the bundled edition works with: its context, the edition's id, and the app with its administrator. */
export interface BundledApp {
  ctx: ServiceContext;
  editionId: string;
  app: FastifyInstance;
  admin: ApiClient;
  anon: ApiClient;
}

/**
 * Imports the bundled edition on `get()`'s store and builds the app with its
 * administrator (as appWithAdmin) before the suite; closes the app after it.
 * The object returned is filled in by that first hook.
 */
export function useBundledApp(get: () => { store: Store }): BundledApp {
  const bundled = {} as BundledApp;
  beforeAll(async () => {
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date() };
    const editionId = (await importBundledEdition(ctx)).id;
    Object.assign(bundled, { ctx, editionId, ...(await appWithAdmin(ctx)) });
  });
  afterAll(async () => bundled.app?.close());
  return bundled;
}
