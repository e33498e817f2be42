import type { Edition } from '../core/model/edition.schema.js';
import type { Db } from '../store/database.js';
import { type EditionSummaryRow, findEdition, findEditionSummary, listEditions, parseStoredEdition } from '../store/editions.repository.js';

/**
 * The one way a stored edition is loaded (browse, drafts, search, publishing):
 * its summary first (id, status, content hash: no content), then the content
 * only when the copy parsed last for that id has another hash. One entry per
 * id, so a draft's older copy is replaced by its next change and nothing piles
 * up; and since every load compares the hash with the database, a change
 * another process made is seen at once, with no message between processes.
 * Callers share the parsed edition: they copy, never change it.
 */
const parsed = new Map<string, { hash: string; edition: Edition }>();

export interface LoadedEdition {
  summary: EditionSummaryRow;
  edition: Edition;
}

/**
 * The stored edition with its summary; undefined when there is none or when
 * `wanted` refuses its summary (a refused edition's content is never read).
 */
export async function loadEdition(db: Db, id: string, wanted: (summary: EditionSummaryRow) => boolean = () => true): Promise<LoadedEdition | undefined> {
  const summary = await findEditionSummary(db, id);
  if (!summary || !wanted(summary)) return undefined;
  const hit = parsed.get(id);
  if (hit !== undefined && hit.hash === summary.content_hash) return { summary, edition: hit.edition };
  const row = await findEdition(db, id);
  if (!row) return undefined;
  // The row read may be newer than the summary (a draft changed in between): it is what was parsed.
  const { content: _content, created_at: _created, ...fresh } = row;
  if (!wanted(fresh)) return undefined;
  const edition = parseStoredEdition(row);
  parsed.set(id, { hash: row.content_hash, edition });
  return { summary: fresh, edition };
}

/**
 * Remembers an edition just stored as `JSON.stringify(edition)` from a value that
 * was itself parsed from JSON (the bundled snapshot), so that its first load, the
 * search warm-up's right after start-up, does not parse the same content again.
 */
export function rememberStoredEdition(id: string, hash: string, edition: Edition): void {
  parsed.set(id, { hash, edition });
}

/** The newest published edition's id (what GET /api/editions calls current), or undefined when none is published. */
export async function latestPublishedId(db: Db): Promise<string | undefined> {
  return (await listEditions(db)).find((e) => e.status === 'published')?.id;
}

export const isPublished = (summary: EditionSummaryRow) => summary.status === 'published';
