import type { DefectKind } from './assessment/verdicts.js';
import { type Actor, type OrganisationScope, organisationScope } from './authorization.js';
import type { Localized, Requirement } from './model/edition.schema.js';
import type { Layer, Phase } from './taxonomy.js';

/**
 * Member proposals (課題): security concerns that members and assessors submit
 * and editors triage into the guidebook. Pure rules only: states, transitions
 * and who may see or do what.
 */

export const PROPOSAL_STATUSES = ['submitted', 'accepted', 'rejected'] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Where a proposal came from: a member's concern, or an assessor's flag on a check item (項目への指摘). */
export const PROPOSAL_SOURCES = ['member', 'checksheet'] as const;
export type ProposalSource = (typeof PROPOSAL_SOURCES)[number];

/** The check item a checksheet flag was raised on, so editors can go to the requirement. */
export interface ChecksheetOrigin {
  kind: 'checksheet';
  assessmentId: string;
  editionId: string;
  requirementId: string;
  /** 項番 */
  no: string;
  defectKind: DefectKind;
}
export type ProposalOrigin = ChecksheetOrigin;

/** Size limits, shared by the API schema and the web form. */
export const PROPOSAL_LIMITS = { title: 200, text: 10_000, industry: 100, reason: 4_000 } as const;

/** The guidebook item an accepted proposal led to. */
export type ProposalLink =
  | { kind: 'existing'; editionId: string; requirementId: string; number: string; title: Localized }
  | { kind: 'draft'; draftId: string; requirementId: string; number: string; title: Localized };

/** The facts the rules need about one proposal. */
export interface ProposalFacts {
  status: ProposalStatus;
  submittedBy: string;
  organisationId: string | null;
}

/** Which proposals an actor may see, as a filter the store can apply. */
export type ProposalScope = OrganisationScope | { kind: 'submitter'; userId: string };

/**
 * Editors and admins triage everything; a member sees their organisation's
 * proposals (so colleagues see each other's outcome); an assessor, who has no
 * organisation, sees their own.
 */
export function proposalScope(actor: Actor): ProposalScope {
  return organisationScope(actor, ['admin', 'editor'], (user) => ({ kind: 'submitter', userId: user.userId }));
}

/** Whether one proposal is visible; anything invisible must answer "not found". */
export function canSeeProposal(actor: Actor, proposal: ProposalFacts): boolean {
  const scope = proposalScope(actor);
  switch (scope.kind) {
    case 'all':
      return true;
    case 'organisation':
      return proposal.organisationId === scope.organisationId;
    case 'submitter':
      return proposal.submittedBy === scope.userId;
    case 'none':
      return false;
  }
}

/** Every logged-in role may submit a proposal. */
export function canSubmitProposal(actor: Actor): boolean {
  return actor.kind === 'user';
}

/** Only the guidebook's editors (and admins) decide. */
export function canDecideProposal(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'editor' || actor.role === 'admin');
}

/** The organisation a new proposal is filed under: the submitter's, or none. */
export function submitterOrganisation(actor: Actor): string | null {
  return actor.kind === 'user' && actor.role === 'member' ? actor.organisationId : null;
}

/** A decision is final: only a submitted proposal may be accepted or rejected. */
export function canTransition(from: ProposalStatus, to: ProposalStatus): boolean {
  return from === 'submitted' && to !== 'submitted';
}

export function isProposalStatus(value: string): value is ProposalStatus {
  return (PROPOSAL_STATUSES as readonly string[]).includes(value);
}

/** What an editor gives to turn a proposal into a new draft requirement. */
export interface NewRequirementDraft {
  id: string;
  number: string;
  title: Localized;
  layers: Layer[];
  phases: Phase[];
  threatCategory: string;
}

/** The marker every placeholder text starts with, so editors can find them. */
export const PLACEHOLDER_MARK: Localized = { ja: '【要記入】', en: '[TO COMPLETE]' };

/** Keeps placeholder text readable when the concern is long. */
function excerpt(text: string, max = 500): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/**
 * A complete requirement from the editor's essentials: criteria,
 * interpretation and verification are required by the content schema, so
 * they are filled with clearly marked placeholders quoting the proposal,
 * which the editor must complete in the draft before publishing.
 */
export function requirementFromProposal(draft: NewRequirementDraft, proposal: { title: string; text: string }): Requirement {
  const { ja, en } = PLACEHOLDER_MARK;
  const concern = excerpt(proposal.text);
  return {
    id: draft.id,
    number: draft.number,
    title: draft.title,
    layers: draft.layers,
    phases: draft.phases,
    threatCategory: draft.threatCategory,
    criteria: [
      {
        ja: `${ja} 課題「${proposal.title}」に対する基準（対策）を記入してください。`,
        en: `${en} Write the criteria (countermeasures) answering the proposal "${proposal.title}".`,
      },
    ],
    interpretation: [
      {
        attack: { ja: `${ja} 提案された懸念: ${concern}`, en: `${en} Concern as proposed: ${concern}` },
        countermeasures: [{ ja: `${ja} 想定される攻撃への対策を記入してください。`, en: `${en} Write the countermeasures against this attack.` }],
      },
    ],
    verification: {
      methods: ['document-review'],
      steps: [{ ja: `${ja} 検証手順を記入してください。`, en: `${en} Write the verification steps.` }],
    },
    applicability: [],
    references: [],
    mappings: [],
    terms: [],
  };
}

/** One proposal as a list shows it: everything but the concern's text. */
export interface ProposalSummary {
  id: string;
  source: ProposalSource;
  title: string;
  layers: Layer[];
  phases: Phase[];
  industry: string | null;
  submittedBy: { id: string; displayName: string };
  organisation: { id: string; name: string } | null;
  status: ProposalStatus;
  /** The check item a checksheet flag came from; null for members' concerns. */
  origin: ProposalOrigin | null;
  createdAt: string;
  updatedAt: string;
  /** Null while submitted; the outcome the submitter's organisation sees. */
  decision: { decidedBy: { id: string; displayName: string } | null; decidedAt: string; reason: string | null; link: ProposalLink | null } | null;
}

export interface ProposalView extends ProposalSummary {
  text: string;
}
