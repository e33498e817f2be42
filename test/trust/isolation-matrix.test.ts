/**
 * The isolation matrix (issue 23, point 1): every route of the OpenAPI
 * document, asked by every role with organisation A's ids. Nothing of A is
 * read, listed, searched, exported or changed by anyone outside it; the
 * entitled roles read it. A route missing from test/trust/route-matrix.ts fails.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { ApiClient } from '../helpers/api-client.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { tempDir } from '../helpers/temp-dir.js';
import { type IsolationWorld, isolationWorld, MARKER, type MatrixRole, ROLES } from './isolation-world.js';
import { fillPath, mayCarryMarker, ROUTE_MATRIX, type RouteEntry } from './route-matrix.js';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Route {
  key: string;
  method: Method;
  path: string;
  entry: RouteEntry;
}

const REFUSED = [401, 403, 404];
/** Hundreds of requests per test: on a busy 2-core machine they need more than the default minute (a budget, not a timed assertion). */
const MANY_REQUESTS = { timeout: 600_000 };

/** Must this role's answer carry A's marker? */
function showsTo(entry: RouteEntry, role: MatrixRole): boolean {
  if (!entry.shows) return false;
  return entry.shows === true ? mayCarryMarker(role, entry.kind) : entry.shows.includes(role);
}

describeEachDatabase('isolation matrix over every route of the OpenAPI document', (get) => {
  let w: IsolationWorld;
  let documented: string[] = [];
  const data = tempDir('tebiki-iso-');

  beforeAll(async () => {
    w = await isolationWorld(get().store, data.path);
    await w.app.ready();
    const doc = w.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    // From here on the clock stands still, so that reading A's objects twice gives the same answer.
    const frozen = new Date(Date.now() + 1000);
    w.ctx.now = () => frozen;
  });
  afterAll(async () => {
    await w?.app.close();
    data.remove();
  });

  const routes = (): Route[] =>
    documented.flatMap((key) => {
      const entry = ROUTE_MATRIX[key];
      if (!entry) return [];
      const [method, path] = key.split(' ') as [Method, string];
      return [{ key, method, path, entry }];
    });

  const send = (role: MatrixRole, route: Route): Promise<LightMyRequestResponse> => {
    const query = route.entry.query ? `?${route.entry.query(w.ids)}` : '';
    const url = fillPath(route.path, w.ids) + query;
    const body = route.entry.body?.(w);
    if (body && 'raw' in body) return w.client(role).request(route.method, url, body.raw, { headers: body.headers });
    return w.client(role).request(route.method, url, body?.json);
  };

  /** What A's objects look like to an admin and to A's member: compared before and after the outsiders' attempts. */
  const snapshotOfA = async (): Promise<Record<string, string>> => {
    const out: Record<string, string> = {};
    for (const route of routes()) {
      if (
        route.method !== 'GET' ||
        route.entry.expect.admin !== 'allow' ||
        ![
          'product',
          'product-version',
          'assessment',
          'answer',
          'attachment',
          'probe-run',
          'firmware',
          'sbom',
          'vulnerability-triage',
          'cra-case',
          'proposal',
          'organisation',
          'user',
        ].includes(route.entry.kind)
      )
        continue;
      const r = await send('admin', route);
      // Exports name themselves with a fresh urn:uuid each time; everything else must read back the same.
      out[route.key] = `${r.statusCode} ${r.body.replace(/urn:uuid:[0-9a-f-]{36}/g, 'urn:uuid:*')}`;
    }
    const a = w.client('memberA');
    out.inbox = (await a.request('GET', '/api/notifications')).body;
    out.sessions = JSON.stringify(((await a.request('GET', '/api/account/sessions')).json().sessions as { id: string }[]).map((s) => s.id));
    return out;
  };

  it('has an entry for every route of the OpenAPI document, and a route for every entry', () => {
    expect(documented.length).toBeGreaterThan(100);
    const missing = documented.filter((k) => !ROUTE_MATRIX[k]);
    const stale = Object.keys(ROUTE_MATRIX).filter((k) => !documented.includes(k));
    expect(missing, 'routes without an entry in test/trust/route-matrix.ts').toEqual([]);
    expect(stale, 'entries in test/trust/route-matrix.ts for routes that no longer exist').toEqual([]);
  });

  it("refuses organisation A's objects to everyone outside it, on every route, and changes nothing of A", MANY_REQUESTS, async () => {
    const before = await snapshotOfA();
    const failures: string[] = [];
    let sent = 0;
    for (const route of routes()) {
      const writes = route.method !== 'GET' && !route.entry.reads;
      for (const role of ROLES) {
        const outcome = route.entry.expect[role];
        if (outcome === 'skip' || outcome === 'allow') continue;
        if (outcome === 'own' && writes && !route.entry.body) continue;
        const r = await send(role, route);
        sent += 1;
        const seen = `${JSON.stringify(r.headers)}\n${r.body}`;
        if (seen.includes(MARKER) && !mayCarryMarker(role, route.entry.kind))
          failures.push(`${route.key} as ${role}: answer carries A's marker (${r.statusCode})`);
        if (outcome === 'deny' && !REFUSED.includes(r.statusCode))
          failures.push(`${route.key} as ${role}: expected 401/403/404, got ${r.statusCode} ${r.body.slice(0, 160)}`);
        if (r.statusCode >= 500) failures.push(`${route.key} as ${role}: ${r.statusCode}`);
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(500);
    const after = await snapshotOfA();
    const changed = Object.keys(before).filter((key) => after[key] !== before[key]);
    expect(changed, "A's objects that read back differently after the outsiders' attempts").toEqual([]);
    expect(Object.keys(before).length).toBeGreaterThan(30);
  });

  it('lets the entitled roles read what they should (2xx), with A’s data where the route shows it', MANY_REQUESTS, async () => {
    const failures: string[] = [];
    for (const route of routes()) {
      if (route.method !== 'GET' && !route.entry.reads) continue;
      for (const role of ROLES) {
        if (route.entry.expect[role] !== 'allow') continue;
        const r = await send(role, route);
        if (r.statusCode < 200 || r.statusCode > 299) failures.push(`${route.key} as ${role}: expected 2xx, got ${r.statusCode} ${r.body.slice(0, 160)}`);
        else if (showsTo(route.entry, role) && !`${JSON.stringify(r.headers)}${r.body}`.includes(MARKER))
          failures.push(`${route.key} as ${role}: A's object is not in the answer`);
        if (!mayCarryMarker(role, route.entry.kind) && r.body.includes(MARKER)) failures.push(`${route.key} as ${role}: answer carries A's marker`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses A's evidence asked for under B's own assessment (child ids are looked up within their assessment)", async () => {
    const failures: string[] = [];
    const nested = routes().filter((r) => r.method === 'GET' && /^\/api\/assessments\/\{id\}\/.*\{(attachmentId|runId|analysisId)\}/.test(r.path));
    expect(nested.length).toBeGreaterThanOrEqual(5);
    for (const route of nested) {
      const url = fillPath(route.path, w.ids).replace(w.ids.assessmentA, w.ids.assessmentB);
      for (const role of ['memberB', 'managerB'] as const) {
        const r = await w.client(role).request('GET', url);
        if (r.statusCode !== 404) failures.push(`${route.key} as ${role} under B's assessment: expected 404, got ${r.statusCode}`);
        if (`${JSON.stringify(r.headers)}${r.body}`.includes(MARKER)) failures.push(`${route.key} as ${role} under B's assessment: answer carries A's marker`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 404 to B on probe runs even when the server has no job queue or probe engine', async () => {
    // An earlier version checked the server's set-up before access: B learnt 409 "no job queue" for A's assessment.
    const bare = await buildApp({ ctx: { ...w.ctx, evidence: undefined } });
    try {
      const b = new ApiClient(bare);
      expect((await b.login('memberb@example.test', 'another long passphrase 42')).statusCode).toBe(200);
      const start = await b.request('POST', `/api/assessments/${w.ids.assessmentA}/probe-runs`, { scope: 'name: x' });
      expect(start.statusCode, start.body).toBe(404);
      const cancel = await b.request('POST', `/api/assessments/${w.ids.assessmentA}/probe-runs/${w.ids.runId}/cancel`);
      expect(cancel.statusCode, cancel.body).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
