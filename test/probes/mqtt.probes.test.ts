/** mqtt.* on Debian's mosquitto: an anonymous cleartext broker and a TLS broker with passwords and ACLs. */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPacket } from '../../src/probes/mqtt/mqtt-client.js';
import type { ProbeRunOutcome } from '../../src/services/ports/probe-runner.js';
import { tempDir } from '../helpers/temp-dir.js';
import { makeCerts } from './twins/certs.js';
import { MQTT_USER, type MosquittoTwin, startMosquitto } from './twins/mosquitto.twin.js';
import { findingOf, onLoopback, runScope, scopeOf, TWIN_LAB } from './twins/run-probes.js';

const dir = tempDir('tebiki-mqtt-twins-');
let badBroker: MosquittoTwin;
let goodBroker: MosquittoTwin;
let bad: ProbeRunOutcome;
let good: ProbeRunOutcome;
const MQTT = ['mqtt.anonymous', 'mqtt.wildcard-subscribe', 'mqtt.tls', 'service.cleartext', 'service.inventory'];

/** A retained message on the bad broker, so that a wildcard subscription sees a topic (its payload must not be kept). */
async function retain(port: number, topic: string, payload: string): Promise<void> {
  const t = Buffer.from(topic);
  const body = Buffer.concat([Buffer.from([t.length >> 8, t.length & 0xff]), t, Buffer.from(payload)]);
  await new Promise<void>((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port }, () => {
      s.write(connectPacket('seed'));
      s.write(Buffer.concat([Buffer.from([0x31, body.length]), body]));
      s.end(Buffer.from([0xe0, 0]), () => resolve());
    });
    s.on('error', reject);
  });
}

beforeAll(async () => {
  const certs = makeCerts(dir.path);
  badBroker = await startMosquitto(dir.path, 'bad', certs);
  goodBroker = await startMosquitto(dir.path, 'good', certs);
  await retain(badBroker.port, 'devices/cam1/secret-config', 'wifi-psk=hunter2');
  bad = await runScope(dir.path, scopeOf([onLoopback([{ port: badBroker.port, kind: 'mqtt' }])], TWIN_LAB), MQTT);
  const goodTarget = onLoopback([{ port: goodBroker.port, kind: 'mqtts' }], { mqtt: { credentials: MQTT_USER } });
  good = await runScope(dir.path, scopeOf([goodTarget], { ...TWIN_LAB, trustedCa: certs.caFile }), MQTT);
});

afterAll(async () => {
  await badBroker?.server.stop();
  await goodBroker?.server.stop();
  dir.remove();
});

describe('mqtt probes on the anonymous cleartext broker', () => {
  const t = () => `127.0.0.1:${badBroker.port}`;
  it('fails mqtt.anonymous with CONNACK 0', () => {
    expect(findingOf(bad, 'mqtt.anonymous', t())).toMatchObject({ verdict: 'fail', evidence: { connack: { code: 0, meaning: 'accepted' } } });
  });
  it('fails mqtt.wildcard-subscribe, naming topics and never payloads', () => {
    const f = findingOf(bad, 'mqtt.wildcard-subscribe', t());
    expect(f.verdict).toBe('fail');
    expect(f.evidence.suback).toEqual({ '#': 'granted QoS 0', '$SYS/#': 'granted QoS 0' });
    expect(f.evidence.topics).toContain('devices/cam1/secret-config');
    expect(JSON.stringify(bad.findings)).not.toContain('hunter2');
  });
  it('fails mqtt.tls and service.cleartext', () => {
    expect(findingOf(bad, 'mqtt.tls', t()).verdict).toBe('fail');
    expect(findingOf(bad, 'service.cleartext', t())).toMatchObject({ verdict: 'fail', evidence: { protocol: 'mqtt' } });
  });
});

describe('mqtt probes on the TLS broker with passwords and ACLs', () => {
  const t = () => `127.0.0.1:${goodBroker.port}`;
  it('passes mqtt.anonymous: CONNACK 5 not authorised', () => {
    expect(findingOf(good, 'mqtt.anonymous', t())).toMatchObject({ verdict: 'pass', evidence: { connack: { code: 5 } } });
  });
  it('passes mqtt.wildcard-subscribe: an ordinary account may not subscribe to # or $SYS/#', () => {
    const f = findingOf(good, 'mqtt.wildcard-subscribe', t());
    expect(f.verdict).toBe('pass');
    expect(f.evidence).toMatchObject({ as: 'user sensor1', suback: { '#': 'refused', '$SYS/#': 'refused' } });
    expect(JSON.stringify(good.findings)).not.toContain(MQTT_USER.password);
  });
  it('passes mqtt.tls and service.cleartext, and the inventory saw the broker', () => {
    expect(findingOf(good, 'mqtt.tls', t())).toMatchObject({ verdict: 'pass', evidence: { tls: expect.stringMatching(/TLSv1\.[23]/) } });
    expect(findingOf(good, 'service.cleartext', t()).verdict).toBe('pass');
    expect(findingOf(good, 'service.inventory', t()).verdict).toBe('pass');
  });
});
