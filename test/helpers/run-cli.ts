import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { projectRoot } from '../../src/content/content-dir.js';

/** Runs a CLI command in-process and captures what it prints. */
export async function runCli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`) });
  return { code, stdout, stderr };
}

/** Runs the real executable bin/tebiki, as a user would. */
export function runBin(args: string[], env: Record<string, string | undefined> = {}) {
  const r = spawnSync(join(projectRoot(), 'bin', 'tebiki'), args, {
    cwd: projectRoot(),
    env: { ...process.env, ...env },
    encoding: 'utf8',
    // Only a bound against a hung process: at a load of 20-30 on two cores one run of the
    // CLI (tsx start-up included) was seen taking over a minute.
    timeout: 300_000,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
