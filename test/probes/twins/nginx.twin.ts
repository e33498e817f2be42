/**
 * Debian's nginx in front of the device web app: the bad twin serves plain HTTP only;
 * the good twin redirects HTTP to HTTPS and sends HSTS, CSP, nosniff and frame protection.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestCerts } from './certs.js';
import { freePort, type RunningServer, startProcess } from './processes.js';

export interface NginxTwins {
  host: string;
  badHttp: number;
  goodHttp: number;
  goodHttps: number;
  server: RunningServer;
}

/**
 * An nginx.conf for Debian's nginx in the foreground with its pid file and temp
 * folders in `dir` and errors on stderr, no access log, no version in answers;
 * `servers` is the server blocks inside `http`.
 */
export function nginxConf(dir: string, servers: string): string {
  return `
user root;
worker_processes 1;
daemon off;
pid ${join(dir, 'nginx.pid')};
error_log stderr warn;
events { worker_connections 256; }
http {
  access_log off;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server_tokens off;${servers}
}`;
}

export async function startNginx(dir: string, certs: TestCerts, badApp: number, goodApp: number, host = '127.0.0.1'): Promise<NginxTwins> {
  const [badHttp, goodHttp, goodHttps] = [await freePort(host), await freePort(host), await freePort(host)];
  const proxy = (app: number) => `location / { proxy_pass http://127.0.0.1:${app}; proxy_set_header Host $http_host; proxy_http_version 1.1; }`;
  const conf = nginxConf(
    dir,
    `
  server { listen ${host}:${badHttp}; ${proxy(badApp)} }
  server { listen ${host}:${goodHttp}; return 301 https://$host:${goodHttps}$request_uri; }
  server {
    listen ${host}:${goodHttps} ssl;
    ssl_certificate ${certs.good.certFile}; ssl_certificate_key ${certs.good.keyFile};
    ssl_protocols TLSv1.2 TLSv1.3; ssl_ciphers ECDHE+AESGCM:ECDHE+CHACHA20; ssl_prefer_server_ciphers on;
    add_header Strict-Transport-Security "max-age=31536000" always;
    add_header Content-Security-Policy "default-src 'self'; frame-ancestors 'none'" always;
    add_header X-Content-Type-Options nosniff always;
    add_header X-Frame-Options DENY always;
    ${proxy(goodApp)}
  }`,
  );
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, conf);
  const server = await startProcess(
    'nginx',
    ['-p', dir, '-c', file, '-e', 'stderr'],
    [
      { host, port: badHttp },
      { host, port: goodHttp },
      { host, port: goodHttps },
    ],
  );
  return { host, badHttp, goodHttp, goodHttps, server };
}
