/** MQTT probes: anonymous CONNECT, wildcard subscriptions, TLS. */
import { isTlsKind } from '../net/http-client.js';
import { definitionOf } from '../probe-definition.js';
import { type Probe, type ProbeContext, result } from '../probe.types.js';
import { handshake } from '../tls/handshake.js';
import { type MqttSession, mqttSession } from './mqtt-client.js';

const MQTT = ['mqtt', 'mqtts'] as const;
const CONNACK: Record<number, string> = {
  0: 'accepted',
  1: 'bad protocol version',
  2: 'client id rejected',
  3: 'server unavailable',
  4: 'bad user name or password',
  5: 'not authorised',
};

function anonymous(ctx: ProbeContext): Promise<MqttSession | { error: string }> {
  return ctx.memo('mqtt.anonymous', () => mqttSession(ctx, { tls: isTlsKind(ctx.kind) }).catch((err: Error) => ({ error: err.message })));
}

export const anonymousProbe: Probe = {
  definition: definitionOf('mqtt.anonymous'),
  kinds: MQTT,
  evidenceFields: { sent: 'CONNECT without user name and password', connack: 'the CONNACK return code and its meaning' },
  async run(ctx) {
    const s = await anonymous(ctx);
    if ('error' in s || s.connack === null)
      return result('error', 'CONNACK が返らない', 'No CONNACK came back', { error: 'error' in s ? s.error : 'no CONNACK' });
    const evidence = { sent: 'CONNECT (MQTT 3.1.1, no credentials)', connack: { code: s.connack, meaning: CONNACK[s.connack] ?? 'unknown' } };
    if (s.connack === 0) return result('fail', '認証なしの接続を受け付ける', 'Accepts connections without credentials', evidence);
    return result('pass', '認証なしの接続を拒否する', 'Refuses connections without credentials', evidence);
  },
};

export const wildcardSubscribeProbe: Probe = {
  definition: definitionOf('mqtt.wildcard-subscribe'),
  kinds: MQTT,
  evidenceFields: {
    as: 'anonymous, or the scope’s ordinary account (user name only)',
    suback: 'granted QoS or refusal per filter',
    topics: 'topic names seen (never payloads)',
  },
  async run(ctx) {
    const credentials = ctx.resolved.target.mqtt?.credentials;
    const filters = ['#', '$SYS/#'];
    let s: MqttSession;
    try {
      s = await mqttSession(ctx, { tls: isTlsKind(ctx.kind), credentials, subscribe: filters });
    } catch (err) {
      return result('error', '接続できない', 'Could not connect', { error: (err as Error).message });
    }
    const as = credentials ? `user ${credentials.user}` : 'anonymous';
    if (s.connack !== 0) {
      const evidence = { as, connack: s.connack };
      if (credentials) return result('error', 'スコープの認証情報で接続できない', 'The scope’s credentials were refused', evidence);
      return result(
        'inconclusive',
        '匿名接続が拒否され、購読を試せない（スコープに認証情報を追加）',
        'Anonymous connection refused; add credentials to the scope to check subscriptions',
        evidence,
      );
    }
    const suback = Object.fromEntries(
      filters.map((f, i) => [f, s.suback?.[i] === undefined ? 'no answer' : s.suback[i] === 0x80 ? 'refused' : `granted QoS ${s.suback[i]}`]),
    );
    const evidence = { as, suback, topics: s.topics ?? [] };
    const granted = Object.values(suback).some((v) => v.startsWith('granted'));
    if (granted && evidence.topics.length > 0)
      return result('fail', 'ワイルドカード購読で他のトピックが届く', 'Wildcard subscriptions are granted and deliver topics', evidence);
    // Some brokers (mosquitto's acl_file) grant every SUBACK and filter on delivery: a grant without delivery proves nothing.
    if (granted)
      return result(
        'inconclusive',
        '購読は許可されたが何も届かない（配信時の ACL の可能性）',
        'Granted, but nothing was delivered (the broker may filter on delivery)',
        evidence,
      );
    if (Object.values(suback).some((v) => v === 'no answer')) return result('inconclusive', 'SUBACK が返らない', 'No SUBACK came back', evidence);
    return result('pass', 'ワイルドカード購読は拒否される', 'Wildcard subscriptions are refused', evidence);
  },
};

export const mqttTlsProbe: Probe = {
  definition: definitionOf('mqtt.tls'),
  kinds: MQTT,
  evidenceFields: { kind: 'the declared kind', tls: 'the negotiated TLS version, or the cleartext CONNACK' },
  async run(ctx) {
    if (ctx.kind === 'mqtts') {
      const h = await handshake(ctx, { min: 'TLSv1.2' });
      if (h.ok) return result('pass', `TLS で保護されている（${h.protocol}）`, `Protected by TLS (${h.protocol})`, { kind: ctx.kind, tls: h.protocol });
      return result('fail', 'TLS 1.2 以上で接続できない', 'No TLS 1.2+ connection', { kind: ctx.kind, error: h.error });
    }
    const s = await anonymous(ctx);
    if ('error' in s || s.connack === null)
      return result('inconclusive', '平文の MQTT が応答しない', 'The cleartext MQTT port did not answer', { kind: ctx.kind });
    return result('fail', 'MQTT が TLS なしで応答する', 'MQTT answers without TLS', { kind: ctx.kind, tls: null, cleartextConnack: s.connack });
  },
};
