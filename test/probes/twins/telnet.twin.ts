/**
 * A telnet listener: Debian's inetutils telnetd started per connection as inetd would,
 * with its login program replaced by /bin/false (the probe never answers the negotiation anyway).
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';

export interface TelnetTwin {
  port: number;
  close(): Promise<void>;
}

export async function startTelnet(host = '127.0.0.1'): Promise<TelnetTwin> {
  const server: Server = createServer({ pauseOnConnect: true }, (socket) => {
    const child = spawn('/usr/sbin/telnetd', ['--exec-login=/bin/false', '--no-keepalive'], { stdio: [socket, socket, 'ignore'] });
    child.on('exit', () => socket.destroy());
    socket.on('close', () => child.kill());
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { port: (server.address() as { port: number }).port, close: () => new Promise((r) => server.close(() => r())) };
}
