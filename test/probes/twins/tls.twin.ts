/**
 * A bad TLS endpoint (node:tls): TLS 1.0 and up, only RSA key exchange with CBC and
 * 3DES suites, an expired self-signed 1024-bit SHA-1 certificate. Counts connections.
 */
import type { Socket } from 'node:net';
import { createServer, type Server } from 'node:tls';
import type { KeyPair } from './certs.js';

export interface TlsTwin {
  port: number;
  connections: () => number;
  close(): Promise<void>;
}

export async function startBadTls(pair: KeyPair, host = '127.0.0.1'): Promise<TlsTwin> {
  let connections = 0;
  const server: Server = createServer(
    { key: pair.key, cert: pair.cert, minVersion: 'TLSv1', maxVersion: 'TLSv1.2', ciphers: 'AES128-SHA:AES256-SHA:DES-CBC3-SHA:@SECLEVEL=0' },
    (socket) => socket.end('hello\n'),
  );
  // Every socket, so that closing ends them too: a client that never closes its side would keep close() waiting.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      for (const socket of sockets) socket.destroy();
    });
  return { port: (server.address() as { port: number }).port, connections: () => connections, close };
}
