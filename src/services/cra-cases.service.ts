import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import { type Actor, canReadOrganisationData, canWriteProducts, isRole } from '../core/authorization.js';
import { CRA_CASE_KINDS } from '../core/cra/cra-clocks.js';
import { EU_MEMBER_STATES } from '../core/cra/member-states.js';
import { AppError, validationErrors, type FieldError } from '../core/errors.js';
import {
  type CraCaseRow,
  insertCase,
  latestCriteria,
  listCases,
  listContacts,
  productNames,
  reportsOf,
  updateCase,
  versionsByIds,
} from '../store/cra.repository.js';
import type { Db } from '../store/database.js';
import { findProduct } from '../store/organisations.repository.js';
import { listProductVersions } from '../store/product-versions.repository.js';
import { mutate, type ServiceContext } from './context.js';
import { type CraCaseSummary, type CraCaseView, caseView, readableCase, summaryOf } from './cra-case-view.js';
import { notifyCaseOpened } from './cra-notices.js';
import { kickMail } from './notifications.service.js';

export const isoTime = z.string().datetime({ offset: true, message: 'must be a date and time (ISO 8601)' });
export const decision = z
  .object({ checked: z.array(z.number().int().min(0).max(99)).max(30).default([]), note: z.string().trim().max(4000).default('') })
  .strict();

export const memberStates = z.array(z.enum(EU_MEMBER_STATES)).min(1, 'name at least one member state').max(EU_MEMBER_STATES.length);

export const CaseInput = z
  .object({
    productId: z.string().min(1, 'is required').max(100),
    kind: z.enum(CRA_CASE_KINDS),
    drill: z.boolean().default(false),
    title: z.string().trim().min(1, 'is required').max(300),
    vulnerabilityId: z.string().trim().max(100).nullable().default(null),
    aliases: z.array(z.string().trim().min(1).max(100)).max(30).default([]),
    versionIds: z.array(z.string().min(1).max(100)).min(1, 'name at least one affected version').max(200),
    memberStates,
    awareAt: isoTime.nullable().default(null),
    decision: decision.default({ checked: [], note: '' }),
  })
  .strict()
  .refine((v) => v.kind !== 'vulnerability' || v.vulnerabilityId, coded('is required for a vulnerability', 'required', ['vulnerabilityId']));

/** A vulnerability matched to product versions (the SBOM work calls `openCaseFromMatch` / `proposeKevCase` with this). */
export interface MatchedVulnerability {
  vulnerabilityId: string;
  aliases: readonly string[];
  productVersionIds: readonly string[];
  summary?: string;
}

export const AwarenessInput = z.object({ awareAt: isoTime, reason: z.string().trim().min(1, 'is required').max(2000) }).strict();
export const CorrectiveInput = z.object({ at: isoTime.nullable().default(null), text: z.string().trim().min(1, 'is required').max(4000) }).strict();
export const CloseInput = z.object({ reason: z.string().trim().min(1, 'is required').max(2000) }).strict();
export const ConfirmInput = z.object({ memberStates, decision: decision.default({ checked: [], note: '' }) }).strict();

function notFuture(ctx: ServiceContext, at: string | null, path: string): string {
  const now = ctx.now();
  if (!at) return now.toISOString();
  if (Date.parse(at) > now.getTime() + 60_000)
    throw validationErrors([{ path, message: 'must not be in the future', code: 'in-future' }], 'a time in the future');
  return new Date(at).toISOString();
}

async function writableProduct(actor: Actor, productId: string, db: Db) {
  const product = await findProduct(db, productId);
  if (!product || !canReadOrganisationData(actor, product.organisation_id)) throw new AppError('not-found');
  if (!canWriteProducts(actor, product.organisation_id)) throw new AppError('forbidden');
  return product;
}

/** Checks the versions belong to the product and someone owns reporting; field errors name the place. */
async function checkCase(trx: Db, productId: string, versionIds: readonly string[]): Promise<void> {
  const known = new Set((await listProductVersions(trx, productId)).map((v) => v.id));
  const errors: FieldError[] = versionIds.flatMap((id, i) =>
    known.has(id) ? [] : [{ path: `versionIds.${i}`, message: 'is not a version of this product', code: 'unknown' }],
  );
  if (!(await listContacts(trx, [productId])).some((c) => c.role === 'owner')) {
    errors.push({ path: 'productId', message: 'no reporting owner is named for this product: name one first', code: 'invalid' });
  }
  if (errors.length > 0) throw validationErrors(errors, 'the case cannot be opened');
}

/** Opens a case (real or drill): awareness now unless given, clocks start, owner and deputies notified at once. */
export async function openCase(
  ctx: ServiceContext,
  actor: Actor,
  input: z.output<typeof CaseInput>,
  origin: CraCaseRow['origin'] = 'manual',
): Promise<CraCaseView> {
  const product = await writableProduct(actor, input.productId, ctx.store.db);
  const awareAt = notFuture(ctx, input.awareAt, 'awareAt');
  const criteriaKind = input.kind === 'vulnerability' ? 'exploited' : 'severe-incident';
  const row = await mutate<CraCaseRow>(
    ctx,
    actor,
    (r) => ({
      action: 'cra.case-opened',
      targetType: 'cra-case',
      targetId: r.id,
      detail: { productId: r.product_id, kind: r.kind, drill: r.drill === 1, awareAt: r.aware_at, criteriaId: r.criteria_id, decision: input.decision },
    }),
    async (trx) => {
      await checkCase(trx, product.id, input.versionIds);
      const r: CraCaseRow = {
        id: randomUUID(),
        organisation_id: product.organisation_id,
        product_id: product.id,
        kind: input.kind,
        drill: input.drill ? 1 : 0,
        status: 'open',
        origin,
        title: input.title,
        vulnerability_id: input.vulnerabilityId,
        aliases: JSON.stringify(input.aliases),
        version_ids: JSON.stringify([...new Set(input.versionIds)]),
        member_states: JSON.stringify([...new Set(input.memberStates)]),
        criteria_id: (await latestCriteria(trx, product.organisation_id, criteriaKind))?.id ?? null,
        decision: JSON.stringify(input.decision),
        aware_at: awareAt,
        corrective_at: null,
        corrective_text: null,
        closed_at: null,
        closed_reason: null,
        created_by: actor.kind === 'user' ? actor.userId : null,
        created_at: ctx.now().toISOString(),
      };
      await insertCase(trx, r);
      await notifyCaseOpened(ctx, trx, r, product.name);
      return r;
    },
  );
  kickMail(ctx);
  return caseView(ctx, row);
}

/** The product all matched versions belong to; field errors when they are unknown or span products. */
async function productOfVersions(ctx: ServiceContext, versionIds: readonly string[]): Promise<string> {
  const rows = await versionsByIds(ctx.store.db, versionIds);
  const products = new Set(rows.map((r) => r.product_id));
  const [productId] = products;
  if (rows.length !== new Set(versionIds).size || products.size !== 1 || !productId) {
    throw validationErrors(
      [{ path: 'productVersionIds', message: 'unknown or of several products', code: 'unknown' }],
      'the matched versions must be known versions of one product',
    );
  }
  return productId;
}

/** A person marks a matched vulnerability actively exploited: the SBOM work's entry point. */
export async function openCaseFromMatch(
  ctx: ServiceContext,
  actor: Actor,
  match: MatchedVulnerability,
  extra: {
    memberStates: z.output<typeof CaseInput>['memberStates'];
    decision?: { checked: number[]; note: string };
    awareAt?: string | null;
    drill?: boolean;
    title?: string;
  },
): Promise<CraCaseView> {
  const productId = await productOfVersions(ctx, match.productVersionIds);
  return openCase(
    ctx,
    actor,
    CaseInput.parse({
      productId,
      kind: 'vulnerability',
      drill: extra.drill ?? false,
      title: extra.title?.trim() || (match.summary ? `${match.vulnerabilityId}: ${match.summary}`.slice(0, 300) : match.vulnerabilityId),
      vulnerabilityId: match.vulnerabilityId,
      aliases: [...match.aliases],
      versionIds: [...match.productVersionIds],
      memberStates: extra.memberStates,
      awareAt: extra.awareAt ?? null,
      decision: extra.decision ?? { checked: [], note: '' },
    }),
    'matched',
  );
}

/**
 * The KEV import's entry point: a KEV-listed vulnerability matched to product
 * versions proposes a case for the owner to confirm or dismiss. No clock runs
 * until a person confirms (awareness is a human finding). Returns null when the
 * product has no owner yet (the cra.reporting check is inconclusive then) or a
 * case for this vulnerability and product was already proposed or opened.
 */
export async function proposeKevCase(ctx: ServiceContext, match: MatchedVulnerability): Promise<string | null> {
  const productId = await productOfVersions(ctx, match.productVersionIds);
  const product = await findProduct(ctx.store.db, productId);
  if (!product) return null;
  if (!(await listContacts(ctx.store.db, [productId])).some((c) => c.role === 'owner')) return null;
  // Once proposed, a vulnerability is never proposed again for the product: a closed (dismissed) proposal stays closed.
  const existing = await listCases(ctx.store.db, {
    organisationId: product.organisation_id,
    statuses: ['proposed', 'open', 'closed'],
    drill: false,
    productId,
  });
  if (existing.some((c) => c.vulnerability_id === match.vulnerabilityId)) return null;
  const at = ctx.now().toISOString();
  const row: CraCaseRow = {
    id: randomUUID(),
    organisation_id: product.organisation_id,
    product_id: productId,
    kind: 'vulnerability',
    drill: 0,
    status: 'proposed',
    origin: 'kev',
    title: match.summary ? `${match.vulnerabilityId}: ${match.summary}`.slice(0, 300) : match.vulnerabilityId,
    vulnerability_id: match.vulnerabilityId,
    aliases: JSON.stringify(match.aliases),
    version_ids: JSON.stringify([...new Set(match.productVersionIds)]),
    member_states: '[]',
    criteria_id: null,
    decision: JSON.stringify({ checked: [], note: '' }),
    aware_at: at,
    corrective_at: null,
    corrective_text: null,
    closed_at: null,
    closed_reason: null,
    created_by: null,
    created_at: at,
  };
  await mutate(
    ctx,
    { kind: 'anonymous' },
    { action: 'cra.case-proposed', targetType: 'cra-case', targetId: row.id, detail: { productId, vulnerabilityId: match.vulnerabilityId } },
    async (trx) => {
      await insertCase(trx, row);
      await notifyCaseOpened(ctx, trx, row, product.name);
    },
  );
  kickMail(ctx);
  return row.id;
}

/**
 * Proposes a case for every KEV-listed match of a version (idempotent: a vulnerability is proposed once per product).
 * Returns the ids of the cases proposed now.
 */
export async function proposeKevCasesFor(
  ctx: ServiceContext,
  versionId: string,
  matches: readonly { id: string; aliases: readonly string[]; summary: string | null; kev: boolean }[],
): Promise<string[]> {
  const proposed: string[] = [];
  const seen = new Set<string>();
  for (const m of matches) {
    if (!m.kev || seen.has(m.id)) continue;
    seen.add(m.id);
    const id = await proposeKevCase(ctx, {
      vulnerabilityId: m.id,
      aliases: m.aliases,
      productVersionIds: [versionId],
      ...(m.summary ? { summary: m.summary } : {}),
    });
    if (id) proposed.push(id);
  }
  return proposed;
}

/** One audited change of a case the actor may write, allowed only from the `from` statuses (otherwise a conflict naming the status). */
async function changeCase(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  action: string,
  from: readonly string[],
  check: (row: CraCaseRow) => Partial<CraCaseRow>,
  detail: (row: CraCaseRow) => Record<string, unknown>,
): Promise<CraCaseView> {
  const row = await readableCase(ctx, actor, caseId);
  if (!canWriteProducts(actor, row.organisation_id)) throw new AppError('forbidden');
  if (!from.includes(row.status)) throw new AppError('conflict', `the case is ${row.status}`);
  const change = check(row);
  await mutate(ctx, actor, { action, targetType: 'cra-case', targetId: caseId, detail: detail(row) }, (trx) => updateCase(trx, caseId, change));
  return caseView(ctx, { ...row, ...change });
}

/** A proposed (KEV) case confirmed as actively exploited: the clocks start now. */
export async function confirmCase(ctx: ServiceContext, actor: Actor, caseId: string, input: z.output<typeof ConfirmInput>): Promise<CraCaseView> {
  const at = ctx.now().toISOString();
  const row = await readableCase(ctx, actor, caseId);
  const criteriaId = (await latestCriteria(ctx.store.db, row.organisation_id, 'exploited'))?.id ?? null;
  return changeCase(
    ctx,
    actor,
    caseId,
    'cra.case-confirmed',
    ['proposed'],
    () => ({
      status: 'open',
      aware_at: at,
      member_states: JSON.stringify(input.memberStates),
      decision: JSON.stringify(input.decision),
      criteria_id: criteriaId,
    }),
    () => ({ awareAt: at, criteriaId, decision: input.decision }),
  );
}

/** Awareness corrected by a person, with the reason; the audit log keeps both times. */
export async function changeAwareness(ctx: ServiceContext, actor: Actor, caseId: string, input: z.output<typeof AwarenessInput>): Promise<CraCaseView> {
  const awareAt = notFuture(ctx, input.awareAt, 'awareAt');
  return changeCase(
    ctx,
    actor,
    caseId,
    'cra.awareness-changed',
    ['open'],
    () => ({ aware_at: awareAt }),
    (r) => ({ from: r.aware_at, to: awareAt, reason: input.reason }),
  );
}

/** A corrective or mitigating measure is available: a vulnerability's final report is due 14 days later. */
export async function recordCorrective(ctx: ServiceContext, actor: Actor, caseId: string, input: z.output<typeof CorrectiveInput>): Promise<CraCaseView> {
  const at = notFuture(ctx, input.at, 'at');
  return changeCase(
    ctx,
    actor,
    caseId,
    'cra.corrective-recorded',
    ['open'],
    (r) => {
      if (Date.parse(at) < Date.parse(r.aware_at))
        throw validationErrors([{ path: 'at', message: 'must not be before awareness', code: 'before-awareness' }], 'before awareness');
      return { corrective_at: at, corrective_text: input.text };
    },
    (r) => ({ from: r.corrective_at, to: at }),
  );
}

/** Closes a case (or dismisses a proposal); a drill keeps its step times as the record. */
export async function closeCase(ctx: ServiceContext, actor: Actor, caseId: string, input: z.output<typeof CloseInput>): Promise<CraCaseView> {
  const at = ctx.now().toISOString();
  return changeCase(
    ctx,
    actor,
    caseId,
    'cra.case-closed',
    ['open', 'proposed'],
    () => ({ status: 'closed', closed_at: at, closed_reason: input.reason }),
    (r) => ({ reason: input.reason, drill: r.drill === 1, wasProposed: r.status === 'proposed' }),
  );
}

export async function getCase(ctx: ServiceContext, actor: Actor, caseId: string): Promise<CraCaseView> {
  return caseView(ctx, await readableCase(ctx, actor, caseId));
}

/**
 * Open and proposed cases the actor may see, most urgent first (overdue on
 * top, proposals before running clocks). Drills and real cases never mix.
 */
export async function craDashboard(ctx: ServiceContext, actor: Actor, options: { drill: boolean; closed?: boolean }): Promise<CraCaseSummary[]> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const organisationId = isRole(actor, 'admin', 'assessor') ? null : actor.role === 'member' ? actor.organisationId : undefined;
  if (organisationId === undefined) return [];
  const rows = await listCases(ctx.store.db, { organisationId, statuses: options.closed ? ['closed'] : ['proposed', 'open'], drill: options.drill });
  const reports = await reportsOf(
    ctx.store.db,
    rows.map((r) => r.id),
  );
  const names = await productNames(ctx.store.db, organisationId);
  const now = ctx.now();
  const rank = (s: CraCaseSummary) => (s.status === 'proposed' ? Number.NEGATIVE_INFINITY : (s.urgent?.leftMs ?? Number.POSITIVE_INFINITY));
  return rows.map((r) => summaryOf(r, names.get(r.product_id) ?? '', reports, now)).sort((a, b) => rank(a) - rank(b));
}
