import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Writes next to the target and renames, so a failed run never leaves a truncated file. */
export function writeAtomically(file: string, data: string | Buffer): void {
  if (existsSync(file) && statSync(file).isDirectory()) throw new Error(`--out ${file} is a folder; give a file name`);
  mkdirSync(dirname(file), { recursive: true });
  const staging = join(dirname(file), `.${basename(file)}.tebiki-${process.pid}`);
  try {
    writeFileSync(staging, data);
    renameSync(staging, file);
  } catch (err) {
    rmSync(staging, { force: true });
    throw err;
  }
}
