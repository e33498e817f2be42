/** web.* and service.cleartext on the nginx twins: a plain-HTTP bad device and an HTTPS good one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeRunOutcome } from '../../src/services/ports/probe-runner.js';
import { tempDir } from '../helpers/temp-dir.js';
import { makeCerts } from './twins/certs.js';
import { type NginxTwins, startNginx } from './twins/nginx.twin.js';
import { findingOf, onLoopback, runScope, scopeOf, TWIN_LAB } from './twins/run-probes.js';
import { startWebApp, type WebApp } from './twins/web-app.js';

const dir = tempDir('tebiki-web-twins-');
let nginx: NginxTwins;
let badApp: WebApp;
let goodApp: WebApp;
let bad: ProbeRunOutcome;
let good: ProbeRunOutcome;
const web = { paths: ['/'], protectedPaths: ['/admin'], defaultCredentials: [{ user: 'admin', password: 'admin' }] };

beforeAll(async () => {
  const certs = makeCerts(dir.path);
  badApp = await startWebApp('bad');
  goodApp = await startWebApp('good');
  nginx = await startNginx(dir.path, certs, badApp.port, goodApp.port);
  bad = await runScope(dir.path, scopeOf([onLoopback([{ port: nginx.badHttp, kind: 'http' }], { web })], TWIN_LAB));
  const goodServices = [
    { port: nginx.goodHttp, kind: 'http' },
    { port: nginx.goodHttps, kind: 'https' },
  ];
  good = await runScope(dir.path, scopeOf([onLoopback(goodServices, { web })], { ...TWIN_LAB, trustedCa: certs.caFile }));
});

afterAll(async () => {
  await nginx?.server.stop();
  await badApp?.close();
  await goodApp?.close();
  dir.remove();
});

const badT = () => `127.0.0.1:${nginx.badHttp}`;
const goodT = () => `127.0.0.1:${nginx.goodHttps}`;
const goodHttpT = () => `127.0.0.1:${nginx.goodHttp}`;

describe('web probes on the bad twin (plain HTTP, GET login form, flagless cookie, reflection, open /admin)', () => {
  it('fails web.https-redirect: the page answers over HTTP', () => {
    const f = findingOf(bad, 'web.https-redirect', badT());
    expect(f.verdict).toBe('fail');
    expect(f.evidence).toMatchObject({ request: 'GET /', status: 200 });
  });
  it('fails web.login-over-https and service.cleartext: a password form over HTTP', () => {
    expect(findingOf(bad, 'web.login-over-https', badT())).toMatchObject({ verdict: 'fail', evidence: { scheme: 'http' } });
    expect(findingOf(bad, 'service.cleartext', badT())).toMatchObject({ verdict: 'fail', evidence: { loginPages: ['/'] } });
  });
  it('fails web.secrets-in-url: the password form uses GET and a link carries a session id (masked)', () => {
    const f = findingOf(bad, 'web.secrets-in-url', badT());
    expect(f.verdict).toBe('fail');
    expect(f.evidence.getPasswordForms).toEqual([{ page: '/', action: '/login' }]);
    expect(f.evidence.urls).toContain('/status?session=***');
    expect(JSON.stringify(f.evidence)).not.toContain('abc123');
  });
  it('fails web.cookie-flags with the cookie value masked', () => {
    const f = findingOf(bad, 'web.cookie-flags', badT());
    expect(f.verdict).toBe('fail');
    expect(f.evidence.cookies).toContainEqual({ setCookie: 'sid=***; Path=/', missing: ['HttpOnly', 'SameSite'] });
    expect(JSON.stringify(bad.findings)).not.toContain('abc123secret');
  });
  it('fails web.security-headers and web.hsts does not apply to HTTP', () => {
    const f = findingOf(bad, 'web.security-headers', badT());
    expect(f.verdict).toBe('fail');
    expect(JSON.stringify(f.evidence)).toContain('Content-Security-Policy');
    expect(findingOf(bad, 'web.hsts', badT()).verdict).toBe('not-applicable');
  });
  it('fails web.reflected-input: the marker comes back unescaped', () => {
    const f = findingOf(bad, 'web.reflected-input', badT());
    expect(f.verdict).toBe('fail');
    expect(String(f.evidence.excerpt)).toContain('Results for tbk');
  });
  it('fails web.unauthenticated-access: /admin answers 200 without a session', () => {
    expect(findingOf(bad, 'web.unauthenticated-access', badT())).toMatchObject({
      verdict: 'fail',
      evidence: { paths: [{ path: '/admin', status: 200, open: true }] },
    });
  });
  it('fails web.default-credentials with admin/admin, password masked, one attempt', () => {
    const f = findingOf(bad, 'web.default-credentials', badT());
    expect(f.verdict).toBe('fail');
    expect(f.evidence.attempts).toEqual([expect.objectContaining({ user: 'admin', password: '***', loggedIn: true })]);
    expect(badApp.stats.loginAttempts).toBe(1);
  });
  it('never followed logout or reboot links, nor the off-scope link', () => {
    expect(badApp.stats.unsafeVisits).toEqual([]);
  });
});

describe('web probes on the good twin (HTTPS with HSTS, CSP, secure cookies, redirect from HTTP)', () => {
  it('passes web.https-redirect on its HTTP port', () => {
    expect(findingOf(good, 'web.https-redirect', goodHttpT())).toMatchObject({ verdict: 'pass' });
  });
  it('passes web.hsts, web.security-headers, web.cookie-flags on HTTPS', () => {
    for (const check of ['web.hsts', 'web.security-headers', 'web.cookie-flags']) expect(findingOf(good, check, goodT()).verdict, check).toBe('pass');
  });
  it('passes web.login-over-https, web.secrets-in-url and service.cleartext', () => {
    for (const check of ['web.login-over-https', 'web.secrets-in-url', 'service.cleartext'])
      expect(findingOf(good, check, goodT()).verdict, check).toBe('pass');
  });
  it('passes web.reflected-input: the marker comes back escaped', () => {
    const f = findingOf(good, 'web.reflected-input', goodT());
    expect(f.verdict).toBe('pass');
    expect(f.evidence.tried).toContainEqual(expect.objectContaining({ reflected: 'escaped' }));
  });
  it('passes web.unauthenticated-access and web.default-credentials', () => {
    expect(findingOf(good, 'web.unauthenticated-access', goodT()).verdict).toBe('pass');
    const f = findingOf(good, 'web.default-credentials', goodT());
    expect(f.verdict).toBe('pass');
    expect(f.evidence.attempts).toEqual([expect.objectContaining({ user: 'admin', password: '***', status: 401, loggedIn: false })]);
  });
  it('never followed the logout link', () => {
    expect(goodApp.stats.unsafeVisits).toEqual([]);
  });
});

describe('a script-drawn login declared in the scope (the bad twin takes JSON credentials behind a token, over HTTP)', () => {
  let declared: ProbeRunOutcome;
  beforeAll(async () => {
    const login = {
      path: '/api/login',
      format: 'json',
      userField: 'user',
      passwordField: 'pass',
      csrf: { path: '/api/token', field: 'token', header: 'x-token' },
    };
    const target = { host: '127.0.0.1', services: [{ port: nginx.badHttp, kind: 'http' }], web: { ...web, paths: ['/api/token'], login } };
    declared = await runScope(dir.path, scopeOf([target], TWIN_LAB), ['web.default-credentials', 'web.login-over-https']);
  });
  it('fails web.default-credentials: admin/admin logs in through the declared endpoint with its token', () => {
    const f = findingOf(declared, 'web.default-credentials', badT());
    expect(f.verdict).toBe('fail');
    expect(f.evidence).toMatchObject({ form: { declared: true, action: '/api/login', format: 'json', csrfFrom: '/api/token' } });
    expect(f.evidence.attempts).toEqual([expect.objectContaining({ user: 'admin', password: '***', status: 200, loggedIn: true })]);
  });
  it('fails web.login-over-https: the declared endpoint takes a login over plain HTTP (a made-up user, refused with 401, not redirected)', () => {
    const f = findingOf(declared, 'web.login-over-https', badT());
    expect(f.verdict).toBe('fail');
    expect(f.evidence).toMatchObject({ scheme: 'http', endpoint: '/api/login', status: 401 });
  });
});
