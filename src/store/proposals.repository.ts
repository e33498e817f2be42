import type { Db } from './database.js';
import type { ProposalsTable } from './schema.js';

export type ProposalRow = ProposalsTable;

/** The columns of a proposal just submitted: nobody has decided on it or linked it yet. */
export const UNDECIDED_PROPOSAL = {
  status: 'submitted',
  decided_by: null,
  decided_at: null,
  reason: null,
  link_kind: null,
  link_edition_id: null,
  link_requirement_id: null,
  link_number: null,
  link_title_ja: null,
  link_title_en: null,
} as const satisfies Partial<ProposalRow>;

/** A proposal row with the names the views show beside the ids. */
export interface ProposalRecord extends ProposalRow {
  submitter_name: string | null;
  organisation_name: string | null;
  decider_name: string | null;
}

/** Which rows a query may return; mirrors core/proposals.ts `ProposalScope`. */
export type ProposalFilter = {
  organisationId?: string;
  submittedBy?: string;
  status?: string;
  limit: number;
};

/** The decision columns written together when a proposal is decided. */
export type ProposalDecision = Pick<
  ProposalRow,
  | 'status'
  | 'decided_by'
  | 'decided_at'
  | 'reason'
  | 'link_kind'
  | 'link_edition_id'
  | 'link_requirement_id'
  | 'link_number'
  | 'link_title_ja'
  | 'link_title_en'
  | 'updated_at'
>;

export async function insertProposal(db: Db, row: ProposalRow): Promise<void> {
  await db.insertInto('proposals').values(row).execute();
}

function selectRecords(db: Db) {
  return db
    .selectFrom('proposals as p')
    .leftJoin('users as s', 's.id', 'p.submitted_by')
    .leftJoin('users as d', 'd.id', 'p.decided_by')
    .leftJoin('organisations as o', 'o.id', 'p.organisation_id')
    .selectAll('p')
    .select(['s.display_name as submitter_name', 'd.display_name as decider_name', 'o.name as organisation_name']);
}

export async function findProposal(db: Db, id: string): Promise<ProposalRecord | undefined> {
  return selectRecords(db).where('p.id', '=', id).executeTakeFirst();
}

/** Newest first; the caller's visibility is part of the filter, never applied afterwards. */
export async function listProposals(db: Db, filter: ProposalFilter): Promise<ProposalRecord[]> {
  let q = selectRecords(db);
  if (filter.organisationId !== undefined) q = q.where('p.organisation_id', '=', filter.organisationId);
  if (filter.submittedBy !== undefined) q = q.where('p.submitted_by', '=', filter.submittedBy);
  if (filter.status !== undefined) q = q.where('p.status', '=', filter.status);
  return q.orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').limit(filter.limit).execute();
}

/**
 * Records a decision only while the proposal is still submitted, so two
 * editors deciding at once cannot both win. Returns whether it was recorded.
 */
export async function decideProposal(db: Db, id: string, decision: ProposalDecision): Promise<boolean> {
  const result = await db.updateTable('proposals').set(decision).where('id', '=', id).where('status', '=', 'submitted').executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
