import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../src/content/content-dir.js';

/** ../shared beside the project: present for every developer and in CI. */
export const SHARED_DIR = process.env.TEBIKI_SHARED_DIR ?? join(projectRoot(), '..', 'shared');

export function sharedAvailable(): boolean {
  const ok = existsSync(join(SHARED_DIR, 'reference'));
  if (!ok) {
    if (process.env.CI === 'true') throw new Error(`${SHARED_DIR} is required under CI`);
    console.warn(`[test] NOTICE: ${SHARED_DIR} not found; tests against the shared reference facts are skipped`);
  }
  return ok;
}

export function readReference<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(SHARED_DIR, 'reference', name), 'utf8')) as T;
}
