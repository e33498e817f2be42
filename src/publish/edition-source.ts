import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config/config.js';
import { sqliteFileOf } from '../config/store-location.js';
import { defaultContentDir } from '../content/content-dir.js';
import { loadContent } from '../content/load-content.js';
import type { Edition } from '../core/model/edition.schema.js';
import { editionHash } from '../core/edition-hash.js';
import { operatorEdition } from '../services/editions.service.js';
import { withStore } from '../services/operator-store.js';

/**
 * Where the publish and guidebook commands take their edition from:
 * - `--content DIR`: that content folder;
 * - `--edition ID`: that edition as stored in the database;
 * - neither: the latest published edition of the database, or the bundled
 *   content when there is no database (or it holds no published edition).
 * The database is the configured one (DATABASE_URL, else the SQLite file in
 * TEBIKI_DATA_DIR); a missing SQLite file is never created by asking.
 */

export type EditionOrigin =
  | { kind: 'content'; dir: string; reason: 'requested' | 'no-database' | 'no-published-edition' }
  | { kind: 'database'; database: string; reason: 'requested' | 'latest-published' };

export interface ResolvedEdition {
  edition: Edition;
  hash: string;
  origin: EditionOrigin;
}

/** The edition cannot be had; the message says which and why. */
export class EditionSourceError extends Error {}

function fromContent(dir: string, reason: 'requested' | 'no-database' | 'no-published-edition'): ResolvedEdition {
  const loaded = loadContent(dir);
  if (!loaded.ok) {
    const first = loaded.problems.filter((p) => p.severity === 'error').slice(0, 5);
    const lines = first.map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n');
    throw new EditionSourceError(`content in ${dir} is invalid (run "tebiki validate --content ${dir}" for every problem):\n${lines}`);
  }
  return { edition: loaded.edition, hash: editionHash(loaded.edition), origin: { kind: 'content', dir, reason } };
}

/** Resolves the edition to publish; throws EditionSourceError with a clear message. */
export async function resolveEdition(options: { editionId?: string | undefined; contentDir?: string | undefined }): Promise<ResolvedEdition> {
  if (options.contentDir !== undefined) return fromContent(resolve(options.contentDir), 'requested');
  const config = loadConfig();
  const sqliteFile = sqliteFileOf(config);
  // Never print DATABASE_URL: it may hold a password.
  const database = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `SQLite ${sqliteFile}`;
  if (!config.databaseUrl && !existsSync(sqliteFile)) {
    if (options.editionId !== undefined) {
      throw new EditionSourceError(
        `edition ${options.editionId} cannot be read: there is no database (${sqliteFile} does not exist and DATABASE_URL is not set)`,
      );
    }
    return fromContent(defaultContentDir(), 'no-database');
  }
  const found = await withStore(async (store) => {
    const { id, loaded } = await operatorEdition(store, options.editionId);
    if (id === undefined) return undefined;
    if (!loaded) throw new EditionSourceError(`edition ${id} is not in the database (${database})`);
    return { edition: loaded.edition, hash: loaded.summary.content_hash };
  });
  if (!found) return fromContent(defaultContentDir(), 'no-published-edition');
  return { ...found, origin: { kind: 'database', database, reason: options.editionId === undefined ? 'latest-published' : 'requested' } };
}

/** One line saying where the edition came from, for the commands' text output. */
export function describeOrigin(resolved: ResolvedEdition): string {
  const { edition, origin } = resolved;
  const what = `edition ${edition.meta.id} (${edition.meta.status})`;
  if (origin.kind === 'database') {
    return `${what} from the database, ${origin.database}${origin.reason === 'latest-published' ? ': the latest published edition' : ''}`;
  }
  const why =
    origin.reason === 'no-database' ? ' (no database found)' : origin.reason === 'no-published-edition' ? ' (the database holds no published edition)' : '';
  return `${what} from the content folder ${origin.dir}${why}`;
}
