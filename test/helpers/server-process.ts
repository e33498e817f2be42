import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { projectRoot } from '../../src/content/content-dir.js';

export interface ServerProcess {
  child: ChildProcess;
  /** Resolves with the first match of `re` in the output so far or to come; rejects if the process exits first. */
  waitFor(re: RegExp): Promise<RegExpMatchArray>;
  exited: Promise<number>;
  output(): string;
}

/**
 * Starts the server entry point and collects its output: from the sources through
 * tsx (no build needed), or `built` as `npm start` runs it (dist/, after `npm run build`).
 */
export function startServerProcess(env: Record<string, string>, options: { built?: boolean } = {}): ServerProcess {
  const root = projectRoot();
  const [command, args] = options.built
    ? [process.execPath, [join(root, 'dist/src/server/main.js')]]
    : [join(root, 'node_modules/.bin/tsx'), [join(root, 'src/server/main.ts')]];
  const child = spawn(command, args, {
    cwd: root,
    env: { ...process.env, TEBIKI_LOG_LEVEL: 'silent', DATABASE_URL: '', ...env },
  });
  const exited = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return { child, exited, ...watchOutput(child, exited) };
}

/**
 * Collects a child process's stdout and stderr. `waitFor` resolves with the first
 * match of `re` in the output so far or to come, and rejects if `exited` comes first.
 */
export function watchOutput(child: ChildProcess, exited: Promise<number | null>): Pick<ServerProcess, 'waitFor' | 'output'> {
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    out += d;
    for (const l of listeners) l();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const waitFor = (re: RegExp) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        const m = out.match(re);
        if (m) {
          listeners.delete(check);
          resolve(m);
        }
      };
      listeners.add(check);
      check();
      void exited.then((code) => {
        if (listeners.delete(check)) reject(new Error(`exited ${code}: ${out}`));
      });
    });
  return { waitFor, output: () => out };
}
