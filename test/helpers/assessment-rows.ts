import type { AnswerRow, AssessmentRow } from '../../src/store/assessments.repository.js';

/** An answer row as a new assessment stores it: unanswered, no defect, no review, never written. */
export function blankAnswerRow(assessmentId: string, requirementId: string, no: string): AnswerRow {
  return {
    assessment_id: assessmentId,
    requirement_id: requirementId,
    no,
    verdict: 'unassessed',
    evidence: '',
    comment: '',
    defect_kind: null,
    defect_note: null,
    defect_proposal_id: null,
    review: null,
    previous_verdict: null,
    updated_by: null,
    updated_at: null,
    version: 0,
  };
}

/** An assessment row written by hand: a draft at version 1, not carried over, not finalised; `fields` names the rest. */
export function assessmentRow(
  fields: Pick<AssessmentRow, 'id' | 'organisation_id' | 'product_id' | 'edition_id' | 'title' | 'spec' | 'items_hash' | 'created_at'> & Partial<AssessmentRow>,
): AssessmentRow {
  return {
    product_version: null,
    status: 'draft',
    assessor_id: null,
    carried_from: null,
    version: 1,
    created_by: null,
    updated_at: fields.created_at,
    finalised_at: null,
    content_hash: null,
    ...fields,
  };
}
