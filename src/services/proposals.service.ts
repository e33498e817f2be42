import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { coded } from '../core/zod-field-errors.js';
import type { DefectKind } from '../core/assessment/verdicts.js';
import type { Actor } from '../core/authorization.js';
import { AppError, type FieldError, validationError } from '../core/errors.js';
import { Requirement } from '../core/model/edition.schema.js';
import {
  canDecideProposal,
  canSeeProposal,
  canSubmitProposal,
  canTransition,
  PROPOSAL_LIMITS,
  PROPOSAL_STATUSES,
  type ProposalLink,
  type ProposalOrigin,
  type ProposalSource,
  type ProposalStatus,
  proposalScope,
  requirementFromProposal,
  submitterOrganisation,
} from '../core/proposals.js';
import { LAYERS, type Layer, PHASES, type Phase } from '../core/taxonomy.js';
import {
  decideProposal,
  findProposal,
  insertProposal,
  listProposals,
  type ProposalDecision,
  type ProposalFilter,
  type ProposalRecord,
  type ProposalRow,
  UNDECIDED_PROPOSAL,
} from '../store/proposals.repository.js';
import { type ServiceContext, mutate } from './context.js';
import { addRequirementToDraft, latestDraftId } from './drafts.service.js';
import { editionList, editionRequirement } from './editions.service.js';
import { notifyProposalDecided } from './notification-events.js';
import { distinctIds, optionalLine, optionalText, requiredText } from './input-rules.js';
import { kickMail } from './notifications.service.js';

export const ProposalInput = z
  .object({
    title: requiredText(PROPOSAL_LIMITS.title, false),
    text: requiredText(PROPOSAL_LIMITS.text),
    layers: distinctIds(LAYERS),
    phases: distinctIds(PHASES),
    industry: optionalLine(PROPOSAL_LIMITS.industry).default(null),
  })
  .strict();

export const ProposalListQuery = z.object({
  status: z.enum(PROPOSAL_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});

const NewRequirementInput = Requirement.pick({ id: true, number: true, title: true, layers: true, phases: true, threatCategory: true })
  .extend({
    draftId: z.string().trim().min(1).max(100).optional(),
    number: requiredText(50, false),
    title: z.object({ ja: requiredText(PROPOSAL_LIMITS.title, false), en: requiredText(PROPOSAL_LIMITS.title, false) }).strict(),
  })
  .strict();

const optionalNote = optionalText(PROPOSAL_LIMITS.reason)
  .optional()
  .transform((v) => (v ? v : undefined));

/** Accept links an existing requirement of the current edition, or creates one in a draft: exactly one of them. */
export const AcceptInput = z
  .object({ requirementId: z.string().trim().min(1).max(200).optional(), newRequirement: NewRequirementInput.optional(), reason: optionalNote })
  .strict()
  .superRefine((v, issue) => {
    if ((v.requirementId === undefined) === (v.newRequirement === undefined)) {
      issue.addIssue({ code: 'custom', ...coded('give either requirementId or newRequirement', 'invalid', ['requirementId']) });
    }
  });

export const RejectInput = z.object({ reason: requiredText(PROPOSAL_LIMITS.reason) }).strict();

import type { ProposalSummary, ProposalView } from '../core/proposals.js';
export type { ProposalSummary, ProposalView };

function linkOf(r: ProposalRecord): ProposalLink | null {
  if (!r.link_kind || !r.link_edition_id || !r.link_requirement_id) return null;
  const common = { requirementId: r.link_requirement_id, number: r.link_number ?? '', title: { ja: r.link_title_ja ?? '', en: r.link_title_en ?? '' } };
  return r.link_kind === 'draft' ? { kind: 'draft', draftId: r.link_edition_id, ...common } : { kind: 'existing', editionId: r.link_edition_id, ...common };
}

function originOf(r: ProposalRecord): ProposalOrigin | null {
  if (r.source !== 'checksheet' || !r.source_assessment_id || !r.source_edition_id || !r.source_requirement_id) return null;
  return {
    kind: 'checksheet',
    assessmentId: r.source_assessment_id,
    editionId: r.source_edition_id,
    requirementId: r.source_requirement_id,
    no: r.source_item_no ?? '',
    defectKind: r.defect_kind as DefectKind,
  };
}

function toProposalSummary(r: ProposalRecord): ProposalSummary {
  return {
    id: r.id,
    source: r.source as ProposalSource,
    title: r.title,
    layers: JSON.parse(r.layers) as Layer[],
    phases: JSON.parse(r.phases) as Phase[],
    industry: r.industry,
    submittedBy: { id: r.submitted_by, displayName: r.submitter_name ?? '' },
    organisation: r.organisation_id ? { id: r.organisation_id, name: r.organisation_name ?? '' } : null,
    status: r.status as ProposalStatus,
    origin: originOf(r),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    decision: r.decided_at
      ? {
          decidedBy: r.decided_by ? { id: r.decided_by, displayName: r.decider_name ?? '' } : null,
          decidedAt: r.decided_at,
          reason: r.reason,
          link: linkOf(r),
        }
      : null,
  };
}

function toProposalView(r: ProposalRecord): ProposalView {
  return { ...toProposalSummary(r), text: r.body };
}

function requireUser(actor: Actor): void {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
}

/** Files a new proposal under the submitter's organisation (none for editors and assessors). */
export async function submitProposal(ctx: ServiceContext, actor: Actor, input: z.output<typeof ProposalInput>): Promise<ProposalView> {
  requireUser(actor);
  if (!canSubmitProposal(actor) || actor.kind !== 'user') throw new AppError('forbidden');
  const at = ctx.now().toISOString();
  const row: ProposalRow = {
    id: randomUUID(),
    source: 'member',
    title: input.title,
    body: input.text,
    layers: JSON.stringify(input.layers),
    phases: JSON.stringify(input.phases),
    industry: input.industry,
    submitted_by: actor.userId,
    organisation_id: submitterOrganisation(actor),
    ...UNDECIDED_PROPOSAL,
    created_at: at,
    updated_at: at,
  };
  const detail = { source: row.source, organisationId: row.organisation_id };
  await mutate(ctx, actor, { action: 'proposal.submitted', targetType: 'proposal', targetId: row.id, detail }, (trx) => insertProposal(trx, row));
  return getProposal(ctx, actor, row.id);
}

/** The proposals the caller may see, newest first; the visibility rule is part of the query. */
export async function visibleProposals(ctx: ServiceContext, actor: Actor, query: z.output<typeof ProposalListQuery>) {
  requireUser(actor);
  const scope = proposalScope(actor);
  if (scope.kind === 'none') return [];
  const filter: ProposalFilter = { limit: query.limit, ...(query.status ? { status: query.status } : {}) };
  if (scope.kind === 'organisation') filter.organisationId = scope.organisationId;
  if (scope.kind === 'submitter') filter.submittedBy = scope.userId;
  return (await listProposals(ctx.store.db, filter)).map(toProposalSummary);
}

/** Another organisation's proposal answers "not found", never "forbidden": its existence is not revealed. */
async function visibleRecord(ctx: ServiceContext, actor: Actor, id: string) {
  requireUser(actor);
  const row = await findProposal(ctx.store.db, id);
  if (!row || !canSeeProposal(actor, { status: row.status as ProposalStatus, submittedBy: row.submitted_by, organisationId: row.organisation_id })) {
    throw new AppError('not-found', `proposal ${id} not found`);
  }
  return row;
}

export async function getProposal(ctx: ServiceContext, actor: Actor, id: string): Promise<ProposalView> {
  return toProposalView(await visibleRecord(ctx, actor, id));
}

/** Visible, decidable by this actor, and still open; checked before anything is written. */
async function decidableRecord(ctx: ServiceContext, actor: Actor, id: string, to: ProposalStatus) {
  const row = await visibleRecord(ctx, actor, id);
  if (!canDecideProposal(actor)) throw new AppError('forbidden', 'only editors decide proposals');
  if (!canTransition(row.status as ProposalStatus, to)) throw new AppError('conflict', `proposal ${id} has already been ${row.status}`);
  return row;
}

/** Writes the decision and its audit entry; loses cleanly (409) to a decision made meanwhile. */
async function recordDecision(ctx: ServiceContext, actor: Actor, id: string, decision: ProposalDecision, detail: Record<string, unknown>) {
  await mutate(ctx, actor, { action: `proposal.${decision.status}`, targetType: 'proposal', targetId: id, detail }, async (trx) => {
    if (!(await decideProposal(trx, id, decision))) throw new AppError('conflict', `proposal ${id} has already been decided`);
    await notifyProposalDecided(ctx, trx, id);
  });
  kickMail(ctx);
  return getProposal(ctx, actor, id);
}

function decisionOf(ctx: ServiceContext, actor: Actor, status: 'accepted' | 'rejected', reason: string | null, link: ProposalLink | null) {
  const at = ctx.now().toISOString();
  return {
    status,
    decided_by: actor.kind === 'user' ? actor.userId : null,
    decided_at: at,
    updated_at: at,
    reason,
    link_kind: link?.kind ?? null,
    link_edition_id: link ? (link.kind === 'existing' ? link.editionId : link.draftId) : null,
    link_requirement_id: link?.requirementId ?? null,
    link_number: link?.number ?? null,
    link_title_ja: link?.title.ja ?? null,
    link_title_en: link?.title.en ?? null,
  } satisfies ProposalDecision;
}

export async function rejectProposal(ctx: ServiceContext, actor: Actor, id: string, input: z.output<typeof RejectInput>) {
  await decidableRecord(ctx, actor, id, 'rejected');
  return recordDecision(ctx, actor, id, decisionOf(ctx, actor, 'rejected', input.reason, null), { reason: input.reason });
}

export async function acceptProposal(ctx: ServiceContext, actor: Actor, id: string, input: z.output<typeof AcceptInput>) {
  const row = await decidableRecord(ctx, actor, id, 'accepted');
  const link = input.newRequirement
    ? await createDraftRequirement(ctx, actor, input.newRequirement, row)
    : await existingRequirement(ctx, actor, input.requirementId ?? '');
  return recordDecision(ctx, actor, id, decisionOf(ctx, actor, 'accepted', input.reason ?? null, link), { link });
}

/** A requirement of the current published edition, or a validation error naming requirementId. */
async function existingRequirement(ctx: ServiceContext, actor: Actor, requirementId: string): Promise<ProposalLink> {
  const { current } = await editionList(ctx, actor);
  if (!current) throw validationError('requirementId', 'there is no published edition to link to', 'invalid');
  try {
    const r = await editionRequirement(ctx, actor, current, requirementId);
    return { kind: 'existing', editionId: current, requirementId: r.id, number: r.number, title: r.title };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found')
      throw validationError('requirementId', `is not a requirement of edition ${current}`, 'invalid');
    throw error;
  }
}

/**
 * Adds the new requirement to a draft (the latest open one unless named),
 * with placeholder criteria, interpretation and verification quoting the
 * proposal for the editor to complete. The draft's own validation errors are
 * re-pointed at newRequirement so the form can show them by its fields.
 */
async function createDraftRequirement(ctx: ServiceContext, actor: Actor, input: z.output<typeof NewRequirementInput>, row: ProposalRow): Promise<ProposalLink> {
  const draftId = input.draftId ?? (await latestDraftId(ctx));
  if (!draftId) throw validationError('newRequirement.draftId', 'no draft edition is open; open one first', 'invalid');
  const requirement = requirementFromProposal(input, { title: row.title, text: row.body });
  try {
    const created = await addRequirementToDraft(ctx, actor, draftId, requirement);
    return { kind: 'draft', draftId, requirementId: created.id, number: input.number, title: input.title };
  } catch (error) {
    if (error instanceof AppError && error.code === 'not-found') throw validationError('newRequirement.draftId', `draft ${draftId} not found`, 'unknown');
    if (error instanceof AppError && error.errors?.length) throw new AppError(error.code, error.message, error.errors.map(underNewRequirement));
    throw error;
  }
}

/** The drafts service names the item written `requirement.<field>`; problems elsewhere in the draft keep their path. */
function underNewRequirement(e: FieldError): FieldError {
  const m = /^requirement(?:\.(.*))?$/.exec(e.path);
  return m ? { path: `newRequirement${m[1] ? `.${m[1]}` : ''}`, message: e.message, code: e.code } : e;
}
