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

/** NIST's published catalogs (rev3 official XML, rev2 community JSON), read in place; never copied into the repository. */
export const NIST_DATA = {
  rev3: join(SHARED_DIR, 'data', 'nist', 'NIST_SP800-171_rev3_catalog.xml'),
  rev2: join(SHARED_DIR, 'data', 'nist', 'community_FATHOM5_NIST_SP-800-171_rev2_catalog.json'),
};

export function nistDataAvailable(): boolean {
  const ok = existsSync(NIST_DATA.rev3) && existsSync(NIST_DATA.rev2);
  if (!ok) {
    if (process.env.CI === 'true') throw new Error(`${join(SHARED_DIR, 'data', 'nist')} is required under CI`);
    console.warn(`[test] NOTICE: NIST catalogs not found under ${SHARED_DIR}/data/nist; attached-text tests are skipped`);
  }
  return ok;
}
