import { createHash } from 'node:crypto';
import {
  type AttachedCatalog,
  attachedTextAllowed,
  type CatalogSource,
  citationOf,
  compareIds,
  type RequirementText,
  type StatementPart,
  type Withdrawal,
} from '../core/attached-text/attached-text.js';
import { hintsByItem, type MappingHint, mappingHints, NIST_REVISIONS, revisionCorrespondence } from '../core/attached-text/attached-views.js';
import { canonicalJson } from '../core/audit-chain.js';
import { type Actor, isRole } from '../core/authorization.js';
import { AppError, validationErrors, type FieldError, reason } from '../core/errors.js';
import type { Edition, Standard } from '../core/model/edition.schema.js';
import { readPublisherText } from '../content/oscal/read-publisher-text.js';
import { findAttachedCatalog, listAttachedTexts, replaceAttachedCatalog } from '../store/attached-texts.repository.js';
import { type ServiceContext, mutate } from './context.js';
import { readableEdition } from './editions.service.js';

export interface AttachOutcome {
  status: 'attached' | 'unchanged';
  standardId: string;
  citation: string;
  statements: number;
  withdrawn: number;
}

/**
 * Attaches a publisher's OSCAL catalog to a bundled standard (the operator's
 * CLI, or an admin through `attachCatalogInEdition`). Refused where the
 * standard's catalog does not allow attached text (IEC, ETSI, CEN, JC-STAR);
 * refused with every id named when the catalog's requirement ids differ from
 * the standard's. Nothing is half-written: texts and audit entry are one
 * transaction that replaces any earlier attachment.
 */
export async function attachCatalogToStandard(
  ctx: ServiceContext,
  actor: Actor,
  input: { standard: Standard; text: string; fileName: string },
): Promise<AttachOutcome> {
  const { standard } = input;
  if (!attachedTextAllowed(standard)) {
    throw new AppError('forbidden', `${standard.title.en} (${standard.id}) does not allow showing its publisher's text; only ids and our own titles are kept`);
  }
  const read = readPublisherText(input.text, input.fileName);
  if (!read.ok)
    throw validationErrors(
      read.problems.map((p) => ({ path: p.where, message: p.message, code: p.code, ...(p.params ? { params: p.params } : {}) })),
      `${input.fileName}: not a usable OSCAL catalog`,
    );
  const { source, ids, texts } = read.catalog;
  const mismatch = compareIds(standard, ids);
  const errors: FieldError[] = [
    ...mismatch.notInStandard.map((id) => ({
      path: id,
      message: `requirement ${id} of the catalog is not in ${standard.id}`,
      ...reason('not-in-standard', { id, standard: standard.id }),
    })),
    ...mismatch.missingFromCatalog.map((id) => ({
      path: id,
      message: `requirement ${id} of ${standard.id} is not in the catalog`,
      ...reason('not-in-catalog', { id, standard: standard.id }),
    })),
  ];
  if (errors.length) throw validationErrors(errors, `${input.fileName}: ${errors.length} requirement id(s) do not match ${standard.id}`);
  const citation = citationOf(standard, source);
  const hash = createHash('sha256').update(canonicalJson({ citation, texts })).digest('hex');
  const counts = { statements: texts.filter((t) => !t.withdrawal).length, withdrawn: texts.filter((t) => t.withdrawal).length };
  const existing = await findAttachedCatalog(ctx.store.db, standard.id);
  if (existing?.content_hash === hash) return { status: 'unchanged', standardId: standard.id, citation, ...counts };
  const now = ctx.now().toISOString();
  await mutate(
    ctx,
    actor,
    {
      action: 'standard.text-attached',
      targetType: 'standard',
      targetId: standard.id,
      detail: { hash, file: source.fileName, version: source.version, ...counts },
    },
    (trx) =>
      replaceAttachedCatalog(
        trx,
        { standard_id: standard.id, citation, source: JSON.stringify(source), content_hash: hash, attached_at: now },
        texts.map((t, position) => ({
          standard_id: standard.id,
          requirement_id: t.requirementId,
          position,
          statement: JSON.stringify(t.statement),
          discussion: t.discussion ?? null,
          withdrawal: t.withdrawal ? JSON.stringify(t.withdrawal) : null,
        })),
      ),
  );
  return { status: 'attached', standardId: standard.id, citation, ...counts };
}

/** The admin UI's attach: admins only, to a standard of an edition they may read. */
export async function attachCatalogInEdition(
  ctx: ServiceContext,
  actor: Actor,
  input: { editionId: string; standardId: string; text: string; fileName: string },
): Promise<AttachOutcome> {
  if (!isRole(actor, 'admin')) throw new AppError(actor.kind === 'user' ? 'forbidden' : 'unauthenticated');
  const edition = await readableEdition(ctx, actor, input.editionId);
  return attachCatalogToStandard(ctx, actor, { standard: standardOf(edition, input.standardId), text: input.text, fileName: input.fileName });
}

/** The attached text of a standard, or null when none is attached or the standard does not allow showing it. */
export async function attachedCatalogFor(ctx: ServiceContext, standard: Standard): Promise<AttachedCatalog | null> {
  if (!attachedTextAllowed(standard)) return null;
  const catalog = await findAttachedCatalog(ctx.store.db, standard.id);
  if (!catalog) return null;
  const rows = await listAttachedTexts(ctx.store.db, standard.id);
  return {
    standardId: standard.id,
    citation: catalog.citation,
    source: JSON.parse(catalog.source) as CatalogSource,
    attachedAt: catalog.attached_at,
    texts: rows.map(
      (r): RequirementText => ({
        requirementId: r.requirement_id,
        statement: JSON.parse(r.statement) as StatementPart,
        ...(r.discussion !== null ? { discussion: r.discussion } : {}),
        ...(r.withdrawal !== null ? { withdrawal: JSON.parse(r.withdrawal) as Withdrawal } : {}),
      }),
    ),
  };
}

/** Attached text of every standard of an edition that has some (for reports and the checksheet hint). */
export async function attachedCatalogsOf(ctx: ServiceContext, edition: Edition): Promise<AttachedCatalog[]> {
  const found = await Promise.all(edition.standards.map((s) => attachedCatalogFor(ctx, s)));
  return found.filter((c): c is AttachedCatalog => c !== null);
}

/**
 * The attached text of one standard of an edition the actor may read (GET
 * …/standards/:id/attached-text), and for the NIST revisions NIST's own rev2 ↔
 * rev3 correspondence (its statement, not our mapping).
 */
export async function editionAttachedText(ctx: ServiceContext, actor: Actor, editionId: string, standardId: string) {
  const edition = await readableEdition(ctx, actor, editionId);
  const standard = standardOf(edition, standardId);
  const catalog = await attachedCatalogFor(ctx, standard);
  return { standardId, allowed: attachedTextAllowed(standard), catalog, correspondence: await correspondenceFor(ctx, edition, standardId) };
}

async function correspondenceFor(ctx: ServiceContext, edition: Edition, standardId: string) {
  if (standardId !== NIST_REVISIONS.older && standardId !== NIST_REVISIONS.newer) return null;
  const rev2 = edition.standards.find((s) => s.id === NIST_REVISIONS.older);
  const rev3 = edition.standards.find((s) => s.id === NIST_REVISIONS.newer);
  const rev3Catalog = rev3 ? await attachedCatalogFor(ctx, rev3) : null;
  if (!rev2 || !rev3Catalog) return null;
  return { ...revisionCorrespondence(rev2, rev3Catalog), citation: rev3Catalog.citation };
}

/** The publisher's text of every mapped requirement of one item (item page, checksheet hint, assessment workspace). */
export async function editionItemHints(ctx: ServiceContext, actor: Actor, editionId: string, requirementId: string): Promise<MappingHint[]> {
  const edition = await readableEdition(ctx, actor, editionId);
  const requirement = edition.requirements.find((r) => r.id === requirementId);
  if (!requirement) throw new AppError('not-found', `requirement ${requirementId} is not in edition ${editionId}`);
  return mappingHints(requirement, await attachedCatalogsOf(ctx, edition), edition.standards);
}

/** The checksheet's hint beside 確認方法: the publisher's text of every item's mapped requirements, by requirement id. */
export async function checksheetHints(ctx: ServiceContext, edition: Edition, requirementIds: readonly string[]): Promise<Map<string, MappingHint[]>> {
  return hintsByItem(requirementIds, edition.requirements, await attachedCatalogsOf(ctx, edition), edition.standards);
}

function standardOf(edition: Edition, standardId: string): Standard {
  const standard = edition.standards.find((s) => s.id === standardId);
  if (!standard) throw new AppError('not-found', `standard ${standardId} is not in edition ${edition.meta.id}`);
  return standard;
}
