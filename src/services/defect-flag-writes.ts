import { defectNoteProblem, storedDefectNote } from '../core/assessment/answer-rules.js';
import type { ChecksheetItem } from '../core/assessment/checksheet.types.js';
import type { DefectKind } from '../core/assessment/verdicts.js';
import { AppError, type ValueProblem, validationError } from '../core/errors.js';
import { findAnswer, updateAnswer } from '../store/assessments.repository.js';
import type { Db } from '../store/database.js';
import { fileDefectProposal } from './assessment-defects.js';
import type { ServiceContext } from './context.js';
import { notifyDefectFlagged } from './notification-events.js';

/** A flag on a check item as the assessor gives it; null clears it. */
export interface DefectFlagWrite {
  assessmentId: string;
  editionId: string;
  item: ChecksheetItem;
  defect: { kind: DefectKind; note: string } | null;
  by: string | null;
  at: string;
  /** Where the note came from, for the error message (e.g. `note`, a workbook cell). */
  place: string;
}

/** The problem of a flag's note, or null; the note is checked in the form it is stored. */
export function defectFlagProblem(defect: DefectFlagWrite['defect']): ValueProblem | null {
  return defect ? defectNoteProblem(storedDefectNote(defect.note)) : null;
}

/**
 * The one write of an item's defect flag (項目への指摘), for the API and the
 * workbook import alike, inside the caller's transaction (which moves the
 * assessment's version). The same flag again changes nothing and files
 * nothing; a new or changed flag is filed as a proposal for the editors, who
 * are notified; clearing leaves the proposal in their queue. Flags never
 * move the answer's version nor its review flag. Returns whether it changed.
 */
export async function writeDefectFlag(ctx: ServiceContext, trx: Db, flag: DefectFlagWrite): Promise<boolean> {
  const problem = defectFlagProblem(flag.defect);
  if (problem) throw validationError(flag.place, problem.message, problem.code);
  const defect = flag.defect ? { kind: flag.defect.kind, note: storedDefectNote(flag.defect.note) } : null;
  const before = await findAnswer(trx, flag.assessmentId, flag.item.requirementId);
  if (!before) throw new AppError('not-found', `item ${flag.item.requirementId} is not in assessment ${flag.assessmentId}`);
  const same = defect === null ? before.defect_kind === null : before.defect_kind === defect.kind && before.defect_note === defect.note;
  if (same) return false;
  const proposalId = defect
    ? await fileDefectProposal(trx, {
        assessmentId: flag.assessmentId,
        editionId: flag.editionId,
        item: flag.item,
        kind: defect.kind,
        note: defect.note,
        assessorId: flag.by ?? '',
        at: flag.at,
      })
    : null;
  if (proposalId) await notifyDefectFlagged(ctx, trx, { proposalId, no: flag.item.no, title: flag.item.title.ja });
  await updateAnswer(trx, flag.assessmentId, flag.item.requirementId, {
    defect_kind: defect?.kind ?? null,
    defect_note: defect?.note ?? null,
    defect_proposal_id: proposalId,
    updated_by: flag.by,
    updated_at: flag.at,
  });
  return true;
}
