/**
 * Raw connections for probes, always through the scope guard and the target's
 * limiter: the socket goes to the target's pinned address and its declared port.
 */
import { connect as netConnect, type Socket } from 'node:net';
import { type ConnectionOptions, connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { ProbeContext } from '../probe.types.js';

/** One connection's whole exchange may take this many times the idle timeout. */
const CONNECTION_BUDGET = 6;

export type TlsSettings = Omit<ConnectionOptions, 'host' | 'port' | 'socket' | 'lookup'>;

/** Opens a TCP (or TLS) connection to the service, runs `use`, and always closes it. */
export function withConnection<T>(ctx: ProbeContext, tls: TlsSettings | undefined, use: (socket: Socket | TLSSocket) => Promise<T>): Promise<T> {
  const { address } = ctx.resolved;
  const port = ctx.service.port;
  return ctx.limiter.run(address, ctx.signal, async () => {
    ctx.guard.assertConnect(address, port);
    const socket = await open(ctx, address, port, tls);
    // A peer that accepts and then says nothing, or trickles a byte now and then, must
    // not hold the run: the socket gives up after timeoutMs without a byte, one
    // exchange after CONNECTION_BUDGET × timeoutMs in all, and cancelling closes it.
    socket.setTimeout(ctx.timeoutMs, () => socket.destroy(new Error(`no answer within ${ctx.timeoutMs} ms`)));
    const budget = setTimeout(
      () => socket.destroy(new Error(`no complete answer within ${CONNECTION_BUDGET * ctx.timeoutMs} ms`)),
      CONNECTION_BUDGET * ctx.timeoutMs,
    );
    let onAbort: () => void = () => undefined;
    const aborted = new Promise<never>((_, reject) => {
      onAbort = () => {
        socket.destroy();
        reject(ctx.signal.reason instanceof Error ? ctx.signal.reason : new Error('cancelled'));
      };
      if (ctx.signal.aborted) onAbort();
      else ctx.signal.addEventListener('abort', onAbort, { once: true });
    });
    aborted.catch(() => undefined);
    try {
      return await Promise.race([use(socket), aborted]);
    } finally {
      clearTimeout(budget);
      ctx.signal.removeEventListener('abort', onAbort);
      socket.destroy();
    }
  });
}

function open(ctx: ProbeContext, address: string, port: number, tls: TlsSettings | undefined): Promise<Socket | TLSSocket> {
  return new Promise((resolve, reject) => {
    const servername = ctx.resolved.target.host !== address ? ctx.resolved.target.host : undefined;
    const socket = tls ? tlsConnect({ rejectUnauthorized: false, ...tls, host: address, port, servername }) : netConnect({ host: address, port });
    const timer = setTimeout(() => fail(new Error(`no answer within ${ctx.timeoutMs} ms`)), ctx.timeoutMs);
    const abort = () => fail(new Error('cancelled'));
    ctx.signal.addEventListener('abort', abort, { once: true });
    function fail(err: Error) {
      cleanup();
      socket.destroy();
      reject(err);
    }
    function cleanup() {
      clearTimeout(timer);
      ctx.signal.removeEventListener('abort', abort);
      socket.off('error', fail);
    }
    socket.once('error', fail);
    socket.once(tls ? 'secureConnect' : 'connect', () => {
      cleanup();
      socket.on('error', () => undefined);
      resolve(socket);
    });
  });
}

/** Collects what a socket sends, so a probe can wait for a pattern with a bound. */
export class SocketReader {
  private data = Buffer.alloc(0);
  private closed = false;
  private listeners: (() => void)[] = [];

  constructor(
    socket: Socket,
    private readonly maxBytes = 64 * 1024,
  ) {
    socket.on('data', (chunk: Buffer) => {
      if (this.data.length < this.maxBytes) this.data = Buffer.concat([this.data, chunk]).subarray(0, this.maxBytes);
      this.notify();
    });
    socket.on('close', () => {
      this.closed = true;
      this.notify();
    });
  }

  get buffer(): Buffer {
    return this.data;
  }

  /** Resolves with the bytes once `done` says they suffice, the peer closes, or `ms` pass. */
  async until(done: (data: Buffer) => boolean, ms: number): Promise<Buffer> {
    if (done(this.data) || this.closed) return this.data;
    await new Promise<void>((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        this.listeners = this.listeners.filter((l) => l !== check);
        resolve();
      };
      const check = () => {
        if (done(this.data) || this.closed) finish();
      };
      const timer = setTimeout(finish, ms);
      this.listeners.push(check);
    });
    return this.data;
  }

  /** Drops what was read so far (after a reply has been handled). */
  consume(bytes: number): void {
    this.data = this.data.subarray(bytes);
  }

  private notify() {
    for (const l of [...this.listeners]) l();
  }
}
