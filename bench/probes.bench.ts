import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { NetworkProbeRunner } from '../src/probes/network-probe-runner.js';
import type { ProbeRunOutcome } from '../src/services/ports/probe-runner.js';
import { makeCerts, type TestCerts } from '../test/probes/twins/certs.js';
import { startMosquitto } from '../test/probes/twins/mosquitto.twin.js';
import { startNginx } from '../test/probes/twins/nginx.twin.js';
import { startSshd } from '../test/probes/twins/sshd.twin.js';
import { startBadTls } from '../test/probes/twins/tls.twin.js';
import { startWebApp } from '../test/probes/twins/web-app.js';
import { report } from './lib/harness.js';

const run = promisify(execFile);

/**
 * Issue 17: the whole probe suite against one simulated device, and against 20 devices
 * at once on 127.0.0.1…127.0.0.20 (aim: at most 3× one device); and tls.* beside
 * Debian's sslscan and testssl.sh (protocol and certificate checks only) on the same
 * local endpoints in the same run, with whether the protocol-version and key-size
 * findings agree. The scope raises the limits as a lab would. Loopback only.
 */
export async function probesBench(options: { quick: boolean }) {
  const dir = mkdtempSync(join(tmpdir(), 'tebiki-probes-bench-'));
  const stops: (() => Promise<void>)[] = [];
  try {
    const addresses = Array.from({ length: 20 }, (_, i) => `127.0.0.${i + 1}`);
    const certs = makeCerts(dir, addresses);
    const devices: object[] = [];
    for (const host of addresses) devices.push(await startDevice(dir, certs, host, stops));
    const one = await timed(() => probe(dir, devices.slice(0, 1), certs));
    const twenty = await timed(() => probe(dir, devices, certs));
    console.log(`probe suite: ${one.outcome.findings.length} findings on 1 device, ${twenty.outcome.findings.length} on 20`);
    report('probe suite, 20 devices at once', twenty.ms, 'ms', 'the same suite on 1 device', one.ms);
    await tlsBeside(dir, certs, stops, options.quick);
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One simulated device on its own loopback address: web UI, a TLS endpoint, an MQTT broker, an SSH server. */
async function startDevice(dir: string, certs: TestCerts, host: string, stops: (() => Promise<void>)[]) {
  const web = await startWebApp('bad', host);
  stops.push(() => web.close());
  const tls = await startBadTls(certs.bad, host);
  stops.push(() => tls.close());
  const deviceDir = mkdtempSync(join(dir, `${host}-`));
  const mqtt = await startMosquitto(deviceDir, 'bad', certs, host);
  stops.push(() => mqtt.server.stop());
  const ssh = await startSshd(deviceDir, 'bad', host);
  stops.push(() => ssh.server.stop());
  return {
    host,
    services: [
      { port: web.port, kind: 'http' },
      { port: tls.port, kind: 'tls' },
      { port: mqtt.port, kind: 'mqtt' },
      { port: ssh.port, kind: 'ssh' },
    ],
    web: { paths: ['/'], protectedPaths: ['/admin'], defaultCredentials: [{ user: 'admin', password: 'admin' }] },
  };
}

function probe(dir: string, targets: object[], certs: TestCerts, only?: string[]): Promise<ProbeRunOutcome> {
  const scope = {
    name: 'bench lab',
    authorisedBy: 'bench',
    window: { from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString() },
    limits: { connectionsPerTarget: 4, requestsPerSecond: 500, maxLoginAttempts: 3 },
    trustedCa: certs.caFile,
    targets,
  };
  const file = join(dir, 'scope.json');
  writeFileSync(file, JSON.stringify(scope));
  return new NetworkProbeRunner().run({
    scopeText: JSON.stringify(scope),
    scopeFileName: file,
    only,
    signal: new AbortController().signal,
    onProgress: () => undefined,
  });
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; outcome: T }> {
  const t = process.hrtime.bigint();
  const outcome = await work();
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, outcome };
}

interface TlsView {
  versions: string[];
  keyBits: number | null;
}

async function tlsBeside(dir: string, certs: TestCerts, stops: (() => Promise<void>)[], quick: boolean) {
  const app = await startWebApp('good');
  stops.push(() => app.close());
  const nginx = await startNginx(mkdtempSync(join(dir, 'nginx-')), certs, app.port, app.port);
  stops.push(() => nginx.server.stop());
  const bad = await startBadTls(certs.bad);
  stops.push(() => bad.close());
  const endpoints = [
    { name: 'bad (TLS 1.0, RSA 1024)', port: bad.port },
    { name: 'good (nginx TLS 1.2+, RSA 2048)', port: nginx.goodHttps },
  ];
  const totals = { tebiki: 0, sslscan: 0, testssl: 0 };
  let agree = true;
  for (const e of endpoints) {
    const ours = await timed(() =>
      probe(dir, [{ host: '127.0.0.1', services: [{ port: e.port, kind: 'tls' }] }], certs, ['tls.protocol-versions', 'tls.certificate', 'tls.cipher-suites']),
    );
    const sslscan = await timed(() => sslscanView(e.port));
    const testssl = quick ? undefined : await timed(() => testsslView(dir, e.port));
    totals.tebiki += ours.ms;
    totals.sslscan += sslscan.ms;
    totals.testssl += testssl?.ms ?? 0;
    const mine = tebikiView(ours.outcome);
    const views = { tebiki: mine, sslscan: sslscan.outcome, ...(testssl ? { testssl: testssl.outcome } : {}) };
    const same = Object.values(views).every((v) => v.versions.join() === mine.versions.join() && v.keyBits === mine.keyBits);
    agree &&= same;
    console.log(`  ${e.name}: ${same ? 'agree' : 'DISAGREE'} ${JSON.stringify(views)}`);
  }
  report('tls.* on 2 endpoints', totals.tebiki, 'ms', 'sslscan', totals.sslscan);
  if (!quick) report('tls.* on 2 endpoints', totals.tebiki, 'ms', 'testssl.sh -p -S', totals.testssl);
  console.log(`  protocol versions and key size: ${agree ? 'full agreement' : 'DISAGREEMENT (see above)'}`);
}

function tebikiView(outcome: ProbeRunOutcome): TlsView {
  const versions = outcome.findings.find((f) => f.check === 'tls.protocol-versions')?.evidence.accepted as Record<string, boolean>;
  const key = outcome.findings.find((f) => f.check === 'tls.certificate')?.evidence.key as { bits: number | null } | undefined;
  return {
    versions: Object.keys(versions ?? {})
      .filter((v) => versions[v])
      .map(normalise)
      .sort(),
    keyBits: key?.bits ?? null,
  };
}

const normalise = (v: string) => ({ TLSv1: 'TLSv1.0', 'TLSv1.0': 'TLSv1.0', 'TLSv1.1': 'TLSv1.1', 'TLSv1.2': 'TLSv1.2', 'TLSv1.3': 'TLSv1.3' })[v] ?? v;

async function sslscanView(port: number): Promise<TlsView> {
  const { stdout } = await run(
    'sslscan',
    [
      '--no-colour',
      '--no-cipher-details',
      '--no-ciphersuites',
      '--no-fallback',
      '--no-renegotiation',
      '--no-compression',
      '--no-heartbleed',
      '--xml=-',
      `127.0.0.1:${port}`,
    ],
    { maxBuffer: 1 << 24 },
  );
  const versions = [...stdout.matchAll(/<protocol type="tls" version="(1\.\d)" enabled="1"/g)].map((m) => `TLSv${m[1]}`).sort();
  const bits = /<pk error="false" type="RSA" bits="(\d+)"/.exec(stdout)?.[1];
  return { versions, keyBits: bits ? Number(bits) : null };
}

async function testsslView(dir: string, port: number): Promise<TlsView> {
  const json = join(dir, `testssl-${port}.json`);
  rmSync(json, { force: true });
  await run('testssl', ['--quiet', '--color', '0', '--warnings', 'off', '-p', '-S', '--jsonfile', json, `127.0.0.1:${port}`], { maxBuffer: 1 << 24 }).catch(
    () => undefined,
  );
  const rows = JSON.parse(readFileSync(json, 'utf8')) as { id: string; finding: string }[];
  const ids: Record<string, string> = { TLS1: 'TLSv1.0', TLS1_1: 'TLSv1.1', TLS1_2: 'TLSv1.2', TLS1_3: 'TLSv1.3' };
  const versions = rows
    .filter((r) => ids[r.id] && /^offered/.test(r.finding))
    .map((r) => ids[r.id] as string)
    .sort();
  const key = rows.find((r) => r.id.startsWith('cert_keySize'))?.finding;
  const bits = key ? /(\d+) bits/.exec(key)?.[1] : undefined;
  return { versions, keyBits: bits ? Number(bits) : null };
}

// Run alone: npx tsx bench/probes.bench.ts [--quick]
if (process.argv[1]?.endsWith('probes.bench.ts')) await probesBench({ quick: process.argv.includes('--quick') });
