import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { SITE_MARKER } from './site-paths.js';

/** The output folder cannot be used; the message names it and why. */
export class OutputFolderError extends Error {}

export interface WriteSummary {
  out: string;
  files: number;
  bytes: number;
}

/**
 * Writes the site into `out` without ever leaving a half-written site there:
 * everything goes to a fresh sibling folder first, which then takes the place
 * of `out`. `out` may be missing, empty, or an earlier tebiki site (it has
 * tebiki-site.json); any other non-empty folder is refused rather than
 * overwritten, so a mistyped --out cannot wipe someone's files.
 */
export function writeSite(files: ReadonlyMap<string, string>, outDir: string): WriteSummary {
  const out = resolve(outDir);
  if (existsSync(out)) {
    if (!statSync(out).isDirectory()) throw new OutputFolderError(`--out ${out} exists and is not a folder`);
    const entries = readdirSync(out);
    if (entries.length > 0 && !entries.includes(SITE_MARKER)) {
      throw new OutputFolderError(`--out ${out} is not empty and holds no ${SITE_MARKER}: refusing to replace a folder tebiki did not write`);
    }
  }
  const parent = dirname(out);
  mkdirSync(parent, { recursive: true });
  const staging = join(parent, `.${basename(out)}.tebiki-staging-${process.pid}`);
  rmSync(staging, { recursive: true, force: true });
  let bytes = 0;
  try {
    for (const [path, content] of files) {
      const target = join(staging, path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      bytes += Buffer.byteLength(content);
    }
    const retired = join(parent, `.${basename(out)}.tebiki-old-${process.pid}`);
    const replacing = existsSync(out);
    if (replacing) renameSync(out, retired);
    try {
      renameSync(staging, out);
    } catch (err) {
      if (replacing) renameSync(retired, out); // put the earlier site back
      throw err;
    }
    rmSync(retired, { recursive: true, force: true });
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
  return { out, files: files.size, bytes };
}
