import { useCallback, useEffect, useMemo, useReducer, useRef } from 'react';
import type { Answer, Verdict } from '../api/assessment.types';
import { saveAnswer, saveAnswers } from '../api/assessments';
import { type ApiError, asApiError } from '../api/client';

/**
 * The answers of the workspace with autosave: edits are drafts until the
 * server confirms them; every write sends the version it was based on, and a
 * 409 keeps the draft and shows the other person's answer (never a silent
 * overwrite). One write per item at a time; edits made meanwhile follow.
 */

export type SaveState = 'saved' | 'saving' | 'dirty' | 'conflict' | 'error';
export interface AnswerContent {
  verdict: Verdict;
  evidence: string;
  comment: string;
}
type Source = 'answer' | 'undo';
interface UndoEntry {
  items: { requirementId: string; no: string; before: AnswerContent }[];
}
export interface Conflict {
  requirementId: string;
  no: string;
  current: Answer;
}
interface ConflictProblem {
  conflicts?: Conflict[];
}

const TYPING_PAUSE_MS = 700;
const contentOf = (a: AnswerContent): AnswerContent => ({ verdict: a.verdict, evidence: a.evidence, comment: a.comment });
const same = (a: AnswerContent, b: AnswerContent) => a.verdict === b.verdict && a.evidence === b.evidence && a.comment === b.comment;

class Book {
  answers = new Map<string, Answer>();
  drafts = new Map<string, AnswerContent>();
  states = new Map<string, SaveState>();
  conflicts = new Map<string, Conflict>();
  errors = new Map<string, ApiError>();
  inFlight = new Set<string>();
  again = new Map<string, Source>();
  timers = new Map<string, number>();
  undo: UndoEntry[] = [];
}

export interface AnswerBook {
  answer(requirementId: string): Answer | undefined;
  /** What the item shows: the draft over the stored answer. */
  shown(requirementId: string): AnswerContent | undefined;
  state(requirementId: string): SaveState | undefined;
  conflict(requirementId: string): Conflict | undefined;
  error(requirementId: string): ApiError | undefined;
  /** Edit and save: at once for a verdict, after a pause in typing for text. */
  edit(requirementId: string, patch: Partial<AnswerContent>, now?: boolean): void;
  flush(requirementId: string): void;
  takeTheirs(requirementId: string): void;
  keepMine(requirementId: string): void;
  /** Replace stored answers (bulk results, attachments, flags). */
  replace(answers: Answer[]): void;
  /** One verdict and reason for many items; on failure the conflicts are marked and the ApiError is thrown. */
  bulk(requirementIds: string[], verdict: Verdict, comment: string): Promise<{ updated: number }>;
  undoLast(): string | null;
  canUndo: boolean;
  revision: number;
}

export function useAnswerBook(assessmentId: string, initial: Answer[], onSaved: () => void): AnswerBook {
  const ref = useRef<Book | null>(null);
  if (ref.current === null) {
    ref.current = new Book();
    for (const a of initial) ref.current.answers.set(a.requirementId, a);
  }
  const book = ref.current;
  const [revision, bump] = useReducer((n: number) => n + 1, 0);
  const saved = useRef(onSaved);
  saved.current = onSaved;

  useEffect(
    () => () => {
      for (const timer of book.timers.values()) window.clearTimeout(timer);
    },
    [book],
  );

  const save = useCallback(
    (id: string, source: Source) => {
      const draft = book.drafts.get(id);
      const base = book.answers.get(id);
      if (!draft || !base || book.conflicts.has(id)) return;
      if (book.inFlight.has(id)) {
        book.again.set(id, source);
        return;
      }
      book.inFlight.add(id);
      book.states.set(id, 'saving');
      book.errors.delete(id);
      bump();
      saveAnswer(assessmentId, id, { ...draft, version: base.version, source }).then(
        (next) => {
          book.inFlight.delete(id);
          if (source !== 'undo' && !same(base, next)) book.undo.push({ items: [{ requirementId: id, no: base.no, before: contentOf(base) }] });
          book.answers.set(id, next);
          const now = book.drafts.get(id);
          if (now && same(now, next)) book.drafts.delete(id);
          book.states.set(id, book.drafts.has(id) ? 'dirty' : 'saved');
          const followUp = book.again.get(id);
          book.again.delete(id);
          bump();
          saved.current();
          if (followUp && book.drafts.has(id)) save(id, followUp);
        },
        (error: unknown) => {
          book.inFlight.delete(id);
          book.again.delete(id);
          const e = asApiError(error);
          const conflict = e.status === 409 ? (e.problem as ConflictProblem).conflicts?.find((c) => c.requirementId === id) : undefined;
          if (conflict) book.conflicts.set(id, conflict);
          else book.errors.set(id, e);
          book.states.set(id, conflict ? 'conflict' : 'error');
          bump();
        },
      );
    },
    [assessmentId, book],
  );

  const flush = useCallback(
    (id: string) => {
      const timer = book.timers.get(id);
      if (timer !== undefined) window.clearTimeout(timer);
      book.timers.delete(id);
      if (book.drafts.has(id)) save(id, 'answer');
    },
    [book, save],
  );

  const edit = useCallback(
    (id: string, patch: Partial<AnswerContent>, now = false) => {
      const base = book.drafts.get(id) ?? book.answers.get(id);
      if (!base) return;
      book.drafts.set(id, { ...contentOf(base), ...patch });
      if (!book.conflicts.has(id)) book.states.set(id, 'dirty');
      bump();
      const timer = book.timers.get(id);
      if (timer !== undefined) window.clearTimeout(timer);
      if (now) flush(id);
      else
        book.timers.set(
          id,
          window.setTimeout(() => flush(id), TYPING_PAUSE_MS),
        );
    },
    [book, flush],
  );

  return useMemo<AnswerBook>(
    () => ({
      answer: (id) => book.answers.get(id),
      shown: (id) => book.drafts.get(id) ?? book.answers.get(id),
      state: (id) => book.states.get(id),
      conflict: (id) => book.conflicts.get(id),
      error: (id) => book.errors.get(id),
      edit,
      flush,
      takeTheirs: (id) => {
        const c = book.conflicts.get(id);
        if (!c) return;
        book.conflicts.delete(id);
        book.drafts.delete(id);
        book.answers.set(id, { ...c.current, attachments: book.answers.get(id)?.attachments ?? c.current.attachments });
        book.states.set(id, 'saved');
        bump();
      },
      keepMine: (id) => {
        const c = book.conflicts.get(id);
        if (!c) return;
        book.conflicts.delete(id);
        book.answers.set(id, c.current);
        save(id, 'answer');
      },
      replace: (answers) => {
        for (const a of answers) book.answers.set(a.requirementId, a);
        bump();
      },
      bulk: async (ids, verdict, comment) => {
        const items = ids.map((id) => ({ requirementId: id, version: book.answers.get(id)?.version ?? 0 }));
        const before = ids.flatMap((id) => {
          const a = book.answers.get(id);
          return a ? [{ requirementId: id, no: a.no, before: contentOf(a) }] : [];
        });
        try {
          const r = await saveAnswers(assessmentId, { items, verdict, comment });
          for (const a of r.answers) {
            book.answers.set(a.requirementId, a);
            book.drafts.delete(a.requirementId);
            book.states.set(a.requirementId, 'saved');
          }
          book.undo.push({ items: before });
          bump();
          saved.current();
          return { updated: r.answers.length };
        } catch (error) {
          const e = asApiError(error);
          for (const c of (e.problem as ConflictProblem).conflicts ?? []) {
            book.conflicts.set(c.requirementId, c);
            book.states.set(c.requirementId, 'conflict');
          }
          bump();
          throw e;
        }
      },
      undoLast: () => {
        const entry = book.undo.pop();
        if (!entry) return null;
        for (const { requirementId, before } of entry.items) {
          book.drafts.set(requirementId, before);
          save(requirementId, 'undo');
        }
        bump();
        return entry.items.map((i) => i.no).join(', ');
      },
      canUndo: book.undo.length > 0,
      revision,
    }),
    [assessmentId, book, edit, flush, save, revision],
  );
}
