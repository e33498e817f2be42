/**
 * A minimal MQTT 3.1.1 client for probes: CONNECT, SUBSCRIBE, reading topic names.
 * It never publishes. Payloads are never kept: only topic names leave this file.
 */
import type { Socket } from 'node:net';
import { SocketReader, withConnection } from '../net/connection.js';
import type { ProbeContext } from '../probe.types.js';

export interface MqttSession {
  /** CONNACK return code (0 accepted, 4 bad user name or password, 5 not authorised), or null when none came. */
  connack: number | null;
  /** SUBACK return codes per filter, when subscriptions were asked for (0x80 is refusal). */
  suback?: number[];
  topics?: string[];
}

const str = (s: string) => {
  const b = Buffer.from(s, 'utf8');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(b.length);
  return Buffer.concat([len, b]);
};

function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let byte = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return Buffer.from(out);
}

const packet = (type: number, body: Buffer) => Buffer.concat([Buffer.from([type]), varint(body.length), body]);

export function connectPacket(clientId: string, credentials?: { user: string; password: string }): Buffer {
  const flags = 0x02 | (credentials ? 0xc0 : 0);
  const header = Buffer.concat([str('MQTT'), Buffer.from([4, flags, 0, 30])]);
  const payload = [str(clientId), ...(credentials ? [str(credentials.user), str(credentials.password)] : [])];
  return packet(0x10, Buffer.concat([header, ...payload]));
}

export function subscribePacket(id: number, filters: string[]): Buffer {
  const pid = Buffer.alloc(2);
  pid.writeUInt16BE(id);
  return packet(0x82, Buffer.concat([pid, ...filters.map((f) => Buffer.concat([str(f), Buffer.from([0])]))]));
}

/** Splits complete packets off the front of a buffer. */
export function readPackets(data: Buffer): { packets: { type: number; body: Buffer }[]; used: number } {
  const packets: { type: number; body: Buffer }[] = [];
  let at = 0;
  while (at + 2 <= data.length) {
    let len = 0;
    let mul = 1;
    let i = at + 1;
    for (; i < data.length && i < at + 5; i++) {
      const b = data[i] as number;
      len += (b & 0x7f) * mul;
      mul *= 128;
      if (!(b & 0x80)) break;
    }
    const start = i + 1;
    if (start + len > data.length) break;
    packets.push({ type: data[at] as number, body: data.subarray(start, start + len) });
    at = start + len;
  }
  return { packets, used: at };
}

/** Connects (and optionally subscribes, collecting topic names for at most `listenMs`), then disconnects. */
export function mqttSession(
  ctx: ProbeContext,
  opts: { tls: boolean; credentials?: { user: string; password: string }; subscribe?: string[]; listenMs?: number },
): Promise<MqttSession> {
  return withConnection(ctx, opts.tls ? { ca: ctx.trustedCaPem } : undefined, async (socket: Socket) => {
    const reader = new SocketReader(socket);
    socket.write(connectPacket(`tebiki-${Date.now().toString(36)}`, opts.credentials));
    const first = readPackets(await reader.until((d) => readPackets(d).packets.length > 0, ctx.timeoutMs)).packets[0];
    if (!first || first.type >> 4 !== 2) return { connack: null };
    const connack = first.body[1] ?? null;
    reader.consume(first.body.length + 2);
    if (connack !== 0 || !opts.subscribe) return { connack };
    socket.write(subscribePacket(1, opts.subscribe));
    const topics = new Set<string>();
    let suback: number[] | undefined;
    const deadline = Date.now() + (opts.listenMs ?? 1000);
    while (Date.now() < deadline && topics.size < 100) {
      const { packets, used } = readPackets(await reader.until((d) => readPackets(d).packets.length > 0, deadline - Date.now()));
      if (packets.length === 0) break;
      reader.consume(used);
      for (const p of packets) {
        if (p.type >> 4 === 9) suback = [...p.body.subarray(2)];
        if (p.type >> 4 === 3) topics.add(p.body.subarray(2, 2 + p.body.readUInt16BE(0)).toString('utf8'));
      }
      if (suback?.every((c) => c === 0x80)) break;
    }
    socket.write(Buffer.from([0xe0, 0]));
    return { connack, suback, topics: [...topics].sort() };
  });
}
