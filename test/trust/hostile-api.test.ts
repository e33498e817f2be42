import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/each-database.js';
import { tempDir } from '../helpers/temp-dir.js';
import { useAssessmentWorld } from '../server/assessments.fixture.js';
import { checkPrototypesAfterEach, hostileValue, inheritedKeys, mutatedJson, RUNS } from './hostile-arbitraries.js';
import { fromSchema } from './json-schema-arbitrary.js';

checkPrototypesAfterEach();

/**
 * Every state-changing route of the OpenAPI document gets near-valid bodies
 * (drawn from its own schema where it documents one), the same with one to
 * three places replaced by hostile values, arbitrary JSON and text that is
 * not JSON, from every role, with real and odd path parameters. The server
 * never answers 5xx; every refusal is problem+json with a code, and every 400
 * names the field (or "body") it refuses.
 */
type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface BodyRoute {
  method: Method;
  path: string;
  /** The documented JSON body, when the route declares one (raw uploads and bodiless actions do not). */
  schema: Record<string, unknown> | undefined;
}

const WHO = ['admin', 'as1', 'ed', 'a1', 'b1'] as const;
/** Path parameters: real ids of the world where there are some, and odd strings. */
const ODD_IDS = ['x', '0', '..', '%2e%2e%2f', '%00', 'ä', 'a'.repeat(300), '-1', 'null'];

describeEachDatabase('hostile API bodies', (get) => {
  const dir = tempDir('tebiki-hostile-api-');
  afterAll(() => dir.remove());
  const w = useAssessmentWorld(get, { loginRatePerMinute: 100_000, dataDir: dir.path, firmwareMaxBytes: 1024 * 1024 });
  let routes: BodyRoute[];
  let ids: Record<string, string[]>;
  /** Answers by status, to show the bodies got past the first check (not all refused at the door). */
  const tally = new Map<number, number>();
  beforeAll(async () => {
    const assessment = await w.create();
    ids = {
      id: [assessment.id],
      productId: [w.products.a, w.products.b],
      orgId: [w.orgs.a, w.orgs.b],
      requirementId: [assessment.items[0]?.requirementId ?? 'x'],
      version: ['1.0.0'],
    };
    await w.app.ready();
    const doc = w.app.swagger() as {
      paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema: Record<string, unknown> }> } }>>;
    };
    routes = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).flatMap(([method, op]) => {
        if (method === 'get' || method === 'head' || method === 'options') return [];
        // Logging out would end the session the rest of the run needs.
        if (path === '/api/auth/logout') return [];
        return [{ method: method.toUpperCase() as Method, path, schema: op.requestBody?.content?.['application/json']?.schema }];
      }),
    );
  }, 300_000);

  it('the OpenAPI document lists the JSON-body routes (so none is left out by a broken lookup)', () => {
    expect(routes.filter((r) => r.schema).length).toBeGreaterThan(50);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toContain('PUT /api/assessments/{id}/answers/{requirementId}');
  });

  const urlOf = (path: string, pick: (names: string[]) => string) =>
    path.replace(/\{(\w+)\}/g, (_m, name: string) => encodeURIComponent(pick([...(ids[name] ?? []), ...ODD_IDS])).replace(/%25/g, '%'));

  async function send(route: BodyRoute, who: (typeof WHO)[number], url: string, body: unknown, raw?: string) {
    const client = w.client(who);
    const text = raw ?? JSON.stringify(body) ?? 'null';
    const res = await client.request(route.method, url, text, { headers: { 'content-type': 'application/json' } });
    const context = `${route.method} ${url} as ${who}: ${res.statusCode} ${res.body.slice(0, 400)}\nbody: ${(raw ?? JSON.stringify(body) ?? '').slice(0, 400)}`;
    expect(res.statusCode, context).toBeLessThan(500);
    // Neither the body's "__proto__" and "constructor" keys nor the server wrote into the shared prototypes.
    expect(inheritedKeys(), context).toEqual([]);
    tally.set(res.statusCode, (tally.get(res.statusCode) ?? 0) + 1);
    if (res.statusCode >= 400) {
      expect(res.headers['content-type'], context).toMatch(/application\/problem\+json/);
      const problem = res.json() as { code: string; detail: string; errors?: { path: string; message: string }[] };
      expect(problem.code, context).toBeTruthy();
      if (res.statusCode === 400) {
        expect(problem.errors ?? [], context).not.toHaveLength(0);
        for (const e of problem.errors ?? []) expect(e.path, context).toMatch(/\S/);
      }
    }
  }

  it('each route: near-valid, mutated and arbitrary bodies from every role, never a 5xx', async () => {
    for (const route of routes) {
      const valid = route.schema ? fromSchema(route.schema) : hostileValue;
      const body = fc.oneof(
        { weight: 3, arbitrary: valid },
        { weight: 4, arbitrary: valid.chain((v) => (v && typeof v === 'object' ? mutatedJson(v) : hostileValue)) },
        { weight: 1, arbitrary: hostileValue },
      );
      await fc.assert(
        fc.asyncProperty(body, fc.constantFrom(...WHO), fc.nat(), async (value, who, seed) => {
          const url = urlOf(route.path, (names) => names[seed % names.length] as string);
          await send(route, who, url, value);
        }),
        // The first failing request is reported as drawn: its context names route, role and body,
        // and shrinking one that needs a slow path (a password hash) could outlast the test's bound.
        { numRuns: Math.max(6, Math.ceil(RUNS / 6)), endOnFailure: true },
      );
    }
    console.info('hostile API bodies, answers by status:', Object.fromEntries([...tally].sort(([a], [b]) => a - b)));
    const accepted = [...tally].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
    expect(accepted).toBeGreaterThan(10);
    expect(tally.get(400) ?? 0).toBeGreaterThan(100);
  }, 600_000);

  it('each route: bodies that are not JSON, or JSON nested very deep', async () => {
    const raw = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '1e999999', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '\uFEFF{}'),
      fc.integer({ min: 1000, max: 60_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
      fc.integer({ min: 1000, max: 20_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
    );
    for (const route of routes) {
      await fc.assert(
        fc.asyncProperty(raw, fc.constantFrom(...WHO), async (text, who) => {
          await send(
            route,
            who,
            urlOf(route.path, (names) => names[0] as string),
            undefined,
            text,
          );
        }),
        { numRuns: 4, endOnFailure: true },
      );
    }
  }, 600_000);
});
