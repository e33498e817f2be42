import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { tempDir } from './temp-dir.js';

export const NGINX = '/usr/sbin/nginx';

/** A free TCP port on loopback, chosen by the kernel. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Whether Debian's nginx is installed: skipped with a notice on a laptop, required under CI. */
export function nginxPresent(): boolean {
  if (existsSync(NGINX)) return true;
  if (process.env.CI === 'true') throw new Error(`${NGINX} is required under CI (apt-get install nginx)`);
  console.warn('[test] NOTICE: nginx not found; the reverse-proxy tests are skipped (apt-get install nginx)');
  return false;
}

export interface NginxProxy {
  url: string;
  stop(): Promise<void>;
}

/**
 * Debian's nginx in the foreground with a configuration of its own in a temp
 * folder, round robin over `upstreams` (loopback ports), replacing
 * X-Forwarded-For with the address it saw, as docs/DEPLOY.md says.
 */
export async function startNginxProxy(upstreams: readonly number[]): Promise<NginxProxy> {
  const dir = tempDir('tebiki-nginx-');
  const port = await freePort();
  const conf = `
user root;
worker_processes 1;
error_log ${join(dir.path, 'error.log')} warn;
pid ${join(dir.path, 'nginx.pid')};
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${join(dir.path, 'body')};
  proxy_temp_path ${join(dir.path, 'proxy')};
  fastcgi_temp_path ${join(dir.path, 'fastcgi')};
  uwsgi_temp_path ${join(dir.path, 'uwsgi')};
  scgi_temp_path ${join(dir.path, 'scgi')};
  client_max_body_size 64m;
  upstream tebiki { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(' ')} }
  server {
    listen 127.0.0.1:${port};
    location / {
      proxy_pass http://tebiki;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_next_upstream error timeout;
    }
  }
}
`;
  const file = join(dir.path, 'nginx.conf');
  writeFileSync(file, conf);
  const child: ChildProcess = spawn(NGINX, ['-p', dir.path, '-c', file, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stderr?.on('data', (d) => (out += d));
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  const url = `http://127.0.0.1:${port}`;
  // Ready once it answers; it either answers or exits (a bad config), no timing involved.
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${out}`);
    const ok = await fetch(`${url}/api/health`).then(
      () => true,
      () => false,
    );
    if (ok) break;
    await new Promise((r) => setImmediate(r));
  }
  return {
    url,
    stop: async () => {
      child.kill('SIGQUIT');
      await exited;
      dir.remove();
    },
  };
}
