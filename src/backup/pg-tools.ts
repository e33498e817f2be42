import { spawn } from 'node:child_process';

/**
 * Runs one of PostgreSQL's client tools (Debian's postgresql-client: pg_dump,
 * pg_restore) and resolves when it exits 0; otherwise rejects with what it said.
 * The connection URL goes as --dbname, never through a shell.
 */
export function runPgTool(tool: 'pg_dump' | 'pg_restore', args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new Error(err.code === 'ENOENT' ? `${tool} not found: install PostgreSQL's client tools (Debian: postgresql-client), see docs/DEPLOY.md` : err.message),
      ),
    );
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} failed (exit ${code}): ${stderr.trim().slice(0, 2000)}`))));
  });
}

/**
 * The URL as libpq reads it: WHATWG URLs write a space in the query as "+",
 * which libpq keeps literally (`options=-c+search_path=…` fails), so the query
 * is written again with percent-encoding only.
 */
export function libpqUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const query = [...url.searchParams].map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
  url.search = '';
  return query ? `${url.toString()}?${query}` : url.toString();
}
