/**
 * Self-diagnosis (#23): tebiki's own device probes against a running tebiki
 * served over TLS by Debian's nginx (plain HTTP answers only with a redirect;
 * nginx adds no header of its own, so every header judged is tebiki's), with a
 * certificate from a CA made here and named in the scope's trustedCa. Every
 * web and TLS check passes: the platform meets the guidebook items its probes
 * are linked to (session cookies, secrets in URLs, escaping, HTTPS, headers,
 * no default credentials).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { startPlatform } from '../../src/server/start-platform.js';
import type { ProbeRunOutcome } from '../../src/services/ports/probe-runner.js';
import { HttpSession } from '../helpers/http-session.js';
import { tempDir } from '../helpers/temp-dir.js';
import { testConfig } from '../helpers/test-config.js';
import { makeCerts } from '../probes/twins/certs.js';
import { nginxConf } from '../probes/twins/nginx.twin.js';
import { freePort, type RunningServer, startProcess } from '../probes/twins/processes.js';
import { findingOf, runScope, scopeOf } from '../probes/twins/run-probes.js';

const ADMIN = { email: 'admin@example.test', password: 'Self-Diagnosis-Passphrase-2026' };
const dir = tempDir('tebiki-self-diagnosis-');
let platform: Awaited<ReturnType<typeof startPlatform>>;
let nginx: RunningServer;
let ports: { http: number; https: number };
let outcome: ProbeRunOutcome;

/** nginx in front of the server: HTTP redirected to HTTPS, HTTPS proxied to the server's loopback port `app`. */
function tlsProxyConf(app: number): string {
  const d = dir.path;
  return nginxConf(
    d,
    `
  server { listen 127.0.0.1:${ports.http}; return 301 https://$host:${ports.https}$request_uri; }
  server {
    listen 127.0.0.1:${ports.https} ssl;
    ssl_certificate ${join(d, 'good.pem')}; ssl_certificate_key ${join(d, 'good.key')};
    ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers ECDHE+AESGCM:ECDHE+CHACHA20; ssl_prefer_server_ciphers on;
    location / {
      proxy_pass http://127.0.0.1:${app};
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
    }
  }`,
  );
}

beforeAll(async () => {
  const certs = makeCerts(dir.path);
  writeFileSync(join(dir.path, 'good.pem'), certs.good.cert);
  writeFileSync(join(dir.path, 'good.key'), certs.good.key);
  ports = { http: await freePort(), https: await freePort() };
  platform = await startPlatform(
    testConfig({ dataDir: join(dir.path, 'data'), publicUrl: `https://127.0.0.1:${ports.https}`, secureCookies: true, loginDelayMs: 0 }),
    { webDir: join(projectRoot(), 'dist', 'web'), print: () => undefined },
  );
  // The first admin, through the setup link, on the server's own loopback port.
  const address = platform.app.server.address();
  const appPort = typeof address === 'object' && address ? address.port : 0;
  expect(platform.setupUrl?.startsWith(`https://127.0.0.1:${ports.https}/`)).toBe(true);
  const admin = new HttpSession(`http://127.0.0.1:${appPort}`);
  await admin.refreshCsrf();
  const token = new URL(platform.setupUrl ?? '').hash.replace('#token=', '');
  const setup = await admin.request('POST', '/api/setup', { token, email: ADMIN.email, displayName: '管理者', password: ADMIN.password });
  expect(setup.status, JSON.stringify(setup.body)).toBeLessThan(300);

  const conf = join(dir.path, 'nginx.conf');
  writeFileSync(conf, tlsProxyConf(appPort));
  nginx = await startProcess(
    'nginx',
    ['-p', dir.path, '-c', conf, '-e', 'stderr'],
    [
      { host: '127.0.0.1', port: ports.http },
      { host: '127.0.0.1', port: ports.https },
    ],
  );

  const web = {
    paths: ['/', '/login', '/api/session', '/browse?q=%E8%AA%8D%E8%A8%BC', '/api/search?q=auth&lang=en'],
    protectedPaths: ['/api/admin/users', '/api/assessments', '/api/notifications'],
    defaultCredentials: [
      { user: 'admin', password: 'admin' },
      { user: ADMIN.email, password: 'admin' },
      { user: ADMIN.email, password: 'password' },
    ],
    login: {
      path: '/api/auth/login',
      format: 'json',
      userField: 'email',
      passwordField: 'password',
      csrf: { path: '/api/session', field: 'csrfToken', header: 'x-csrf-token' },
    },
  };
  const scope = scopeOf(
    [
      {
        host: '127.0.0.1',
        services: [
          { port: ports.http, kind: 'http' },
          { port: ports.https, kind: 'https' },
        ],
        web,
      },
    ],
    { trustedCa: certs.caFile, limits: { connectionsPerTarget: 2, requestsPerSecond: 50, maxLoginAttempts: 3 } },
  );
  outcome = await runScope(dir.path, scope);
}, 240_000);

afterAll(async () => {
  await nginx?.stop();
  await platform?.close();
  dir.remove();
});

const webAndTls = () => outcome.findings.filter((f) => /^(web|tls)\./.test(f.check));

/** The checks linked to guidebook items the platform claims to meet: each must pass on the HTTPS port. */
const PASS_ON_HTTPS = [
  'web.hsts',
  'web.login-over-https',
  'web.secrets-in-url',
  'web.cookie-flags',
  'web.security-headers',
  'web.reflected-input',
  'web.unauthenticated-access',
  'web.default-credentials',
  'tls.certificate',
  'tls.protocol-versions',
];

describe('tebiki diagnosed by its own probes over TLS', () => {
  it('runs every web and TLS check on both ports', () => {
    const checks = new Set(webAndTls().map((f) => f.check));
    for (const c of ['web.https-redirect', 'tls.cipher-suites', ...PASS_ON_HTTPS]) expect(checks.has(c), c).toBe(true);
  });

  it('every web and TLS check passes (none fails, errors or stays inconclusive)', () => {
    const notPassed = webAndTls().filter((f) => f.verdict !== 'pass' && f.verdict !== 'not-applicable');
    expect(notPassed.map((f) => `${f.check}@${f.target}: ${f.verdict} ${f.summary?.en ?? ''} ${JSON.stringify(f.evidence)}`)).toEqual([]);
  });

  it('the checks that speak to the guidebook items pass on the HTTPS port, not merely "not applicable"', () => {
    const https = `127.0.0.1:${ports.https}`;
    const verdict = (check: string, target = https) => outcome.findings.find((f) => f.check === check && f.target === target)?.verdict;
    for (const c of PASS_ON_HTTPS) expect(verdict(c), c).toBe('pass');
    expect(verdict('web.https-redirect', `127.0.0.1:${ports.http}`)).toBe('pass');
    expect(verdict('web.login-over-https', `127.0.0.1:${ports.http}`)).toBe('pass');
  });

  it('the declared default credentials were refused as wrong credentials (401), not by the CSRF guard', () => {
    const f = findingOf(outcome, 'web.default-credentials', `127.0.0.1:${ports.https}`);
    const attempts = (f.evidence as { attempts: { status: number; loggedIn: boolean }[] }).attempts;
    expect(attempts).toHaveLength(3);
    for (const a of attempts) expect(a).toMatchObject({ status: 401, loggedIn: false });
  });
});
