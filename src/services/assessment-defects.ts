import { randomUUID } from 'node:crypto';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import { DEFECT_LABELS, type DefectKind } from '../core/assessment/verdicts.js';
import { PROPOSAL_LIMITS } from '../core/proposals.js';
import type { Db } from '../store/database.js';
import { insertProposal, type ProposalRow, UNDECIDED_PROPOSAL } from '../store/proposals.repository.js';

const clip = (text: string, max: number) => ([...text].length <= max ? text : `${[...text].slice(0, max - 1).join('')}…`);

/**
 * Files an assessor's flag on a check item (項目への指摘) in the editors'
 * proposal queue, linked back to the item; call inside the transaction that
 * stores the flag. Returns the proposal id.
 */
export async function fileDefectProposal(
  trx: Db,
  flag: { assessmentId: string; editionId: string; item: ChecksheetItem; kind: DefectKind; note: string; assessorId: string; at: string },
): Promise<string> {
  const { item, kind } = flag;
  const title = clip(`[${DEFECT_LABELS[kind].ja}] ${item.no} ${item.title.ja}`, PROPOSAL_LIMITS.title);
  const reference = [
    `— 診断 ${flag.assessmentId} の項番 ${item.no}（版 ${flag.editionId}、要求 ${item.requirementId}）への指摘: ${DEFECT_LABELS[kind].ja}`,
    `— Flagged as ${DEFECT_LABELS[kind].en.toLowerCase()} on item ${item.no} (edition ${flag.editionId}, requirement ${item.requirementId}) in assessment ${flag.assessmentId}`,
  ].join('\n');
  const row: ProposalRow = {
    id: randomUUID(),
    source: 'checksheet',
    title,
    body: clip(`${flag.note}\n\n${reference}`, PROPOSAL_LIMITS.text),
    layers: JSON.stringify(item.layers),
    phases: JSON.stringify(item.phases),
    industry: null,
    submitted_by: flag.assessorId,
    // Editors triage it; the product's organisation does not see the assessor's notes on the guidebook.
    organisation_id: null,
    ...UNDECIDED_PROPOSAL,
    created_at: flag.at,
    updated_at: flag.at,
    source_assessment_id: flag.assessmentId,
    source_edition_id: flag.editionId,
    source_requirement_id: item.requirementId,
    source_item_no: item.no,
    defect_kind: kind,
  };
  await insertProposal(trx, row);
  return row.id;
}
