import type { ValueProblem } from '../errors.js';
import { controlCharacterProblem, lengthProblem, normaliseLineBreaks } from '../text-rules.js';
import { type AnswerInput, answerProblem } from './assessment.types.js';
import { ANSWER_LIMITS } from './verdicts.js';

/**
 * The one set of rules for an answer's content, whichever way it comes in
 * (the form, a bulk action, a workbook row, an accepted suggestion, an undo).
 * The caller names the place (a body field, a workbook cell); the message is
 * the same everywhere.
 */

export type AnswerField = 'verdict' | 'evidence' | 'comment';

export interface AnswerContentProblem extends ValueProblem {
  field: AnswerField;
}

/**
 * The content as it is stored: line breaks as LF (a browser's text field and
 * a workbook cell both give LF; an API client may send CRLF). Text is not
 * trimmed: what the assessor wrote is kept, spaces included.
 */
export function storedAnswerContent<T extends AnswerInput>(input: T): T {
  return { ...input, evidence: normaliseLineBreaks(input.evidence), comment: normaliseLineBreaks(input.comment) };
}

/** Every problem of an answer's content, in field order; empty when it may be stored. */
export function answerContentProblems(input: AnswerInput): AnswerContentProblem[] {
  const problems: AnswerContentProblem[] = [];
  for (const field of ['evidence', 'comment'] as const) {
    const text = input[field];
    const problem = controlCharacterProblem(text, true) ?? lengthProblem(text, ANSWER_LIMITS[field]);
    if (problem) problems.push({ field, ...problem });
  }
  const missing = answerProblem(input);
  if (missing && !problems.some((p) => p.field === 'comment')) problems.push({ field: 'comment', message: missing, code: 'required' });
  return problems;
}

/** The note of a defect flag as it is stored: trimmed, line breaks as LF. */
export function storedDefectNote(note: string): string {
  return normaliseLineBreaks(note).trim();
}

/** The problem of a (stored-form) defect note, or null. */
export function defectNoteProblem(note: string): ValueProblem | null {
  if (note === '') return { message: 'write what is wrong with the item', code: 'note-required' };
  return controlCharacterProblem(note, true) ?? lengthProblem(note, ANSWER_LIMITS.defectNote);
}
