import { statSync } from 'node:fs';
import { landscapeFile, loadLandscape } from '../content/load-landscape.js';
import type { Actor } from '../core/authorization.js';
import { AppError, validationErrors } from '../core/errors.js';
import { describeUnknownFilter, type LandscapeFilter, type LandscapeView, landscapeView, unknownLandscapeFilter } from '../core/landscape.js';
import type { Localized } from '../core/model/edition.schema.js';
import type { Landscape } from '../core/model/landscape.schema.js';
import type { ServiceContext } from './context.js';
import { editionList, readableEdition } from './editions.service.js';

/**
 * The standards landscape (標準規格マップ): which standards, regulations and
 * certification schemes apply per sector and level, joined with the standard
 * catalogs of the current published edition. Read-only; the same permission
 * as reading published editions.
 */

export interface LandscapeAnswer extends LandscapeView {
  /** The edition whose catalogs `catalog.loaded` refers to; null when none is published. */
  edition: { id: string; title: Localized } | null;
}

export async function standardsLandscape(ctx: ServiceContext, actor: Actor, filter: LandscapeFilter): Promise<LandscapeAnswer> {
  const { current } = await editionList(ctx, actor);
  const landscape = bundledLandscape(ctx.config.contentDir);
  const unknown = unknownLandscapeFilter(landscape, filter);
  if (unknown.length > 0) {
    const errors = unknown.map((u) => ({ path: u.key, message: describeUnknownFilter(u), code: 'unknown' as const }));
    throw validationErrors(errors);
  }
  const edition = current ? await readableEdition(ctx, actor, current) : null;
  const catalogs = (edition?.standards ?? []).map((s) => ({ id: s.id, title: s.title, version: s.version }));
  return {
    edition: edition ? { id: edition.meta.id, title: edition.meta.title } : null,
    ...landscapeView(landscape, catalogs, filter),
  };
}

/** Parsed landscapes by file, kept while the file's size and modification time stay the same. */
const cache = new Map<string, { stamp: string; landscape: Landscape }>();

/**
 * The landscape of the content folder the server runs with. A missing file is
 * `not-found`; an invalid one is `internal` (an operator's mistake that
 * `bin/tebiki validate` names with file:line:column).
 */
function bundledLandscape(contentDir: string): Landscape {
  const file = landscapeFile(contentDir);
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch {
    throw new AppError('not-found', 'this installation has no standards landscape (content/landscape.yaml)');
  }
  const cached = cache.get(file);
  if (cached?.stamp === stamp) return cached.landscape;
  const loaded = loadLandscape(file);
  // The details stay out of the answer: they are for the operator, who gets them from validate.
  if (!loaded.ok) throw new AppError('internal', 'the standards landscape of this installation is invalid; an operator should run bin/tebiki validate');
  cache.set(file, { stamp, landscape: loaded.landscape });
  return loaded.landscape;
}
