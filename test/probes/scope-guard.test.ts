/**
 * The scope guard: nothing leaves the declared scope. Counting servers stand on an
 * undeclared host (127.0.0.2) and an undeclared port; the device links and redirects to them.
 */
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { loadScope } from '../../src/probes/load-scope.js';
import { ScopeGuard, ScopeViolation } from '../../src/probes/scope-guard.js';
import { tempDir } from '../helpers/temp-dir.js';
import { findingOf, runScope, scopeOf } from './twins/run-probes.js';

const dir = tempDir('tebiki-scope-guard-');
const servers: Server[] = [];
const hits = { undeclaredHost: 0, undeclaredPort: 0 };
let devicePort = 0;
let otherHostPort = 0;
let otherPort = 0;

async function listen(host: string, handler: Parameters<typeof createServer>[1]): Promise<number> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return (server.address() as { port: number }).port;
}

beforeAll(async () => {
  otherHostPort = await listen('127.0.0.2', (_req, res) => {
    hits.undeclaredHost++;
    res.end('should never be asked');
  });
  otherPort = await listen('127.0.0.1', (_req, res) => {
    hits.undeclaredPort++;
    res.end('should never be asked');
  });
  devicePort = await listen('127.0.0.1', (req, res) => {
    if (req.url === '/away') {
      res.writeHead(302, { location: `http://127.0.0.2:${otherHostPort}/stolen` });
      return void res.end();
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<a href="http://127.0.0.2:${otherHostPort}/x">other host</a> <a href="http://127.0.0.1:${otherPort}/y">other port</a> <a href="/away">away</a>`);
  });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  dir.remove();
});

const device = () => ({ host: '127.0.0.1', services: [{ port: devicePort, kind: 'http' }], web: { paths: ['/', '/away'] } });

describe('the scope guard', () => {
  it('follows no link to an undeclared host or port and no off-scope redirect', async () => {
    const run = await runScope(dir.path, scopeOf([device()], { limits: { requestsPerSecond: 100 } }));
    expect(hits).toEqual({ undeclaredHost: 0, undeclaredPort: 0 });
    const first = findingOf(run, 'web.https-redirect', `127.0.0.1:${devicePort}`);
    expect(first.verdict).toBe('fail');
    const away = await runScope(dir.path, scopeOf([{ ...device(), web: { paths: ['/away'] } }], { limits: { requestsPerSecond: 100 } }), [
      'web.https-redirect',
    ]);
    expect(findingOf(away, 'web.https-redirect', `127.0.0.1:${devicePort}`).evidence).toMatchObject({ status: 302, redirectInScope: false });
    expect(hits).toEqual({ undeclaredHost: 0, undeclaredPort: 0 });
  });

  it('refuses an undeclared host, an undeclared port and a non-HTTP URL', async () => {
    const { scope } = loadScope(JSON.stringify(scopeOf([device()])), 'scope.json');
    const guard = await ScopeGuard.open(scope);
    expect(() => guard.assertConnect('127.0.0.2', devicePort)).toThrow(ScopeViolation);
    expect(() => guard.assertConnect('127.0.0.1', otherPort)).toThrow(/not a declared service/);
    expect(() => guard.checkUrl(new URL(`http://127.0.0.2:${devicePort}/`))).toThrow(/not a host in the scope/);
    expect(() => guard.checkUrl(new URL('file:///etc/passwd'))).toThrow(/never followed/);
    expect(guard.checkUrl(new URL(`http://127.0.0.1:${devicePort}/ok`)).service.port).toBe(devicePort);
  });

  it('refuses a run outside its window and sends nothing', async () => {
    const past = { from: '2020-01-01T00:00:00Z', to: '2020-01-02T00:00:00Z' };
    const before = { ...hits };
    const run = runScope(dir.path, { ...scopeOf([device()]), window: past });
    await expect(run).rejects.toThrow(/outside the scope's window/);
    await expect(run).rejects.toBeInstanceOf(AppError);
    expect(hits).toEqual(before);
  });

  it('resolves a host name once and checks every address it resolves to', async () => {
    const asked: string[] = [];
    const resolver = async (host: string) => {
      asked.push(host);
      return host === 'camera.lab' ? ['127.0.0.1'] : ['127.0.0.1', '0.0.0.0'];
    };
    const target = (host: string) => ({ ...device(), host });
    const run = await runScope(dir.path, scopeOf([target('camera.lab'), target('tricky.lab')]), undefined, { resolver });
    expect(asked).toEqual(['camera.lab', 'tricky.lab']);
    expect(findingOf(run, 'service.inventory', `tricky.lab:${devicePort}`)).toMatchObject({
      verdict: 'error',
      evidence: { error: expect.stringMatching(/0\.0\.0\.0/) },
    });
    expect(findingOf(run, 'web.https-redirect', `camera.lab:${devicePort}`).verdict).toBe('fail');
    await expect(runScope(dir.path, scopeOf([target('camera.lab')], { allowedNetworks: ['10.0.0.0/8'] }), undefined, { resolver })).rejects.toThrow(
      /nothing in scope/,
    );
  });

  it('rejects a scope without authorisedBy, naming the place', () => {
    const yaml = `name: x\nwindow: { from: 2026-01-01T00:00:00Z, to: 2027-01-01T00:00:00Z }\ntargets:\n  - host: 127.0.0.1\n    services: [{ port: 70000, kind: gopher }]\n`;
    let error: AppError | undefined;
    try {
      loadScope(yaml, 'lab.yaml');
    } catch (err) {
      error = err as AppError;
    }
    expect(error?.code).toBe('validation-failed');
    expect(error?.message).toContain('lab.yaml:1:1: authorisedBy: is required');
    expect(error?.message).toMatch(/lab\.yaml:5:\d+: targets\[0\]\.services\[0\]\.port/);
    expect(error?.message).toMatch(/lab\.yaml:5:\d+: targets\[0\]\.services\[0\]\.kind: must be one of/);
  });
});
