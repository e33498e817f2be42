import type { Actor } from '../core/authorization.js';
import { type GlossaryOrder, glossaryEntries, glossaryTermView } from '../core/browse/glossary-view.js';
import { standardSummaries, standardView } from '../core/browse/standard-view.js';
import { AppError } from '../core/errors.js';
import type { ServiceContext } from './context.js';
import { readableEdition } from './editions.service.js';

/**
 * Reading the guidebook beyond the matrix: the standards it maps to and its
 * glossary. Read-only; the same permission as the edition itself.
 */

/** The standards of an edition with their requirement counts. */
export async function editionStandards(ctx: ServiceContext, actor: Actor, editionId: string) {
  const edition = await readableEdition(ctx, actor, editionId);
  return { standards: standardSummaries(edition) };
}

/** One standard's requirements in tree order, each with the items that reach it, its out-of-scope reason, or a gap flag. */
export async function editionStandard(ctx: ServiceContext, actor: Actor, editionId: string, standardId: string) {
  const edition = await readableEdition(ctx, actor, editionId);
  const view = standardView(edition, standardId);
  if (!view) throw new AppError('not-found', `standard ${standardId} not found in edition ${editionId}`);
  return view;
}

/** The glossary in あいうえお (kana) or ABC (alpha) order. */
export async function editionGlossary(ctx: ServiceContext, actor: Actor, editionId: string, order: GlossaryOrder) {
  const edition = await readableEdition(ctx, actor, editionId);
  return { terms: glossaryEntries(edition, order) };
}

/** One glossary term in full, the items that use it and its related terms. */
export async function editionGlossaryTerm(ctx: ServiceContext, actor: Actor, editionId: string, termId: string) {
  const edition = await readableEdition(ctx, actor, editionId);
  const view = glossaryTermView(edition, termId);
  if (!view) throw new AppError('not-found', `glossary term ${termId} not found in edition ${editionId}`);
  return view;
}

/** The edition's classification for filter controls: layers, stages, phases, the threat category tree, applicability conditions. */
export async function editionTaxonomy(ctx: ServiceContext, actor: Actor, editionId: string) {
  const { taxonomy } = await readableEdition(ctx, actor, editionId);
  return taxonomy;
}
