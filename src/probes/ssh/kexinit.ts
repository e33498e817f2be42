/** Reads an SSH server's identification line and its KEXINIT (RFC 4253 §4.2, §7.1), as ssh-audit does. */
import type { Socket } from 'node:net';
import { SocketReader, withConnection } from '../net/connection.js';
import type { ProbeContext } from '../probe.types.js';

export interface KexInit {
  banner: string;
  kex: string[];
  hostKey: string[];
  ciphers: string[];
  macs: string[];
  compression: string[];
}

const CLIENT_ID = 'SSH-2.0-tebiki_probe\r\n';

export function readKexInit(ctx: ProbeContext): Promise<KexInit> {
  return ctx.memo('ssh.kexinit', () =>
    withConnection(ctx, undefined, async (socket: Socket) => {
      const reader = new SocketReader(socket);
      socket.write(CLIENT_ID);
      const withBanner = await reader.until((d) => /(^|\n)SSH-[^\n]*\n/.test(d.toString('latin1')), ctx.timeoutMs);
      const text = withBanner.toString('latin1');
      const m = /(^|\n)(SSH-[^\r\n]*)\r?\n/.exec(text);
      if (!m) throw new Error(`no SSH identification line (got ${JSON.stringify(text.slice(0, 80))})`);
      const banner = m[2] as string;
      reader.consume(Buffer.byteLength(text.slice(0, (m.index ?? 0) + m[0].length), 'latin1'));
      const data = await reader.until((d) => d.length >= 4 && d.length >= 4 + d.readUInt32BE(0), ctx.timeoutMs);
      if (data.length < 6 || data.length < 4 + data.readUInt32BE(0)) throw new Error('no KEXINIT came');
      return { banner, ...parseKexInit(data) };
    }),
  );
}

export function parseKexInit(packet: Buffer): Omit<KexInit, 'banner'> {
  const padding = packet[4] as number;
  const payload = packet.subarray(5, 4 + packet.readUInt32BE(0) - padding);
  if (payload[0] !== 20) throw new Error(`expected SSH_MSG_KEXINIT (20), got ${payload[0]}`);
  let at = 17;
  const lists: string[][] = [];
  for (let i = 0; i < 8; i++) {
    const len = payload.readUInt32BE(at);
    lists.push(
      payload
        .subarray(at + 4, at + 4 + len)
        .toString('latin1')
        .split(',')
        .filter(Boolean),
    );
    at += 4 + len;
  }
  const [kex = [], hostKey = [], encC2s = [], encS2c = [], macC2s = [], macS2c = [], compC2s = []] = lists;
  return { kex, hostKey, ciphers: union(encC2s, encS2c), macs: union(macC2s, macS2c), compression: compC2s };
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];
