import { createHash } from 'node:crypto';
import { canonicalJson } from '../core/audit-chain.js';
import type { Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import { Standard } from '../core/model/edition.schema.js';
import { findImportedStandard, insertImportedStandard, listImportedStandards } from '../store/imported-standards.repository.js';
import { type ServiceContext, mutate } from './context.js';

export type StandardImportOutcome = { status: 'imported' | 'unchanged'; id: string };

/**
 * Keeps a standard imported from an OSCAL catalog, so drafts can map to it and
 * coverage can measure it like a bundled one. An id is never reused for
 * different content.
 */
export async function storeImportedStandard(ctx: ServiceContext, actor: Actor, standard: Standard, source: string): Promise<StandardImportOutcome> {
  const content = canonicalJson(standard);
  const hash = createHash('sha256').update(content).digest('hex');
  const existing = await findImportedStandard(ctx.store.db, standard.id);
  if (existing) {
    if (existing.content_hash === hash) return { status: 'unchanged', id: standard.id };
    throw new AppError('conflict', `a different standard with id ${standard.id} was imported before; choose another --id`);
  }
  await mutate(ctx, actor, { action: 'standard.imported', targetType: 'standard', targetId: standard.id, detail: { hash, source } }, (trx) =>
    insertImportedStandard(trx, { id: standard.id, title: standard.title.en, content, content_hash: hash, source, imported_at: ctx.now().toISOString() }),
  );
  return { status: 'imported', id: standard.id };
}

/** Every imported standard, parsed. */
export async function importedStandards(ctx: ServiceContext): Promise<Standard[]> {
  return (await listImportedStandards(ctx.store.db)).map((row) => Standard.parse(JSON.parse(row.content)));
}
