/** Banners and service-kind detection for `auto` services. */
import type { Socket } from 'node:net';
import { SocketReader, withConnection } from '../net/connection.js';
import { trim } from '../net/mask.js';
import type { ProbeContext } from '../probe.types.js';
import { handshake } from '../tls/handshake.js';

const BANNER_WAIT_MS = 1000;

/** What the service says first, unprompted (SSH, FTP, telnet speak first; HTTP, TLS, MQTT wait). */
export function readBanner(ctx: ProbeContext): Promise<Buffer> {
  return ctx.memo('service.banner', () =>
    withConnection(ctx, undefined, async (socket: Socket) => {
      const reader = new SocketReader(socket, 4096);
      return reader.until((d) => d.includes(0x0a) || (d.length > 0 && d[0] === 0xff && d.length >= 3), Math.min(BANNER_WAIT_MS, ctx.timeoutMs));
    }),
  );
}

/** Printable text of a banner; telnet option bytes are shown as hex. */
export function showBanner(data: Buffer): string {
  if (data[0] === 0xff) return `telnet negotiation ${data.subarray(0, 12).toString('hex')}`;
  return trim(
    data
      .toString('utf8')
      .replace(/[^\x20-\x7e\u3000-\u9fff]+/g, ' ')
      .trim(),
    200,
  );
}

export function kindFromBanner(data: Buffer): 'ssh' | 'ftp' | 'telnet' | undefined {
  const text = data.toString('latin1');
  if (text.startsWith('SSH-')) return 'ssh';
  if (/^220[ -]/.test(text)) return 'ftp';
  if (data[0] === 0xff || /login:\s*$/i.test(text)) return 'telnet';
  return undefined;
}

/** For `auto`: a banner tells SSH, FTP and telnet apart; else a TLS handshake; else an HTTP request. */
export async function detectKind(ctx: ProbeContext): Promise<ProbeContext['kind']> {
  const banner = await readBanner(ctx).catch(() => Buffer.alloc(0));
  const byBanner = kindFromBanner(banner);
  if (byBanner) return byBanner;
  if ((await handshake(ctx)).ok) return (await answersHttp(ctx, true)) ? 'https' : 'tls';
  return (await answersHttp(ctx, false)) ? 'http' : 'unknown';
}

function answersHttp(ctx: ProbeContext, tls: boolean): Promise<boolean> {
  return withConnection(ctx, tls ? { ca: ctx.trustedCaPem } : undefined, async (socket: Socket) => {
    const reader = new SocketReader(socket, 1024);
    socket.write(`HEAD / HTTP/1.1\r\nHost: ${ctx.resolved.target.host}\r\nConnection: close\r\n\r\n`);
    const reply = await reader.until((d) => d.length >= 5, ctx.timeoutMs);
    return reply.toString('latin1').startsWith('HTTP/');
  }).catch(() => false);
}
