import type { Actor } from '../core/authorization.js';
import { AppError, validationErrors, validationError } from '../core/errors.js';
import type { MappingReview } from '../core/model/edition.schema.js';
import { type ReviewFilter, type ReviewRow, reviewRows, withReview } from '../core/review-queue.js';
import type { ReviewState } from '../core/taxonomy.js';
import { findUserById } from '../store/users.repository.js';
import type { ServiceContext } from './context.js';
import { changeDraft, loadDraft, requireEditor, storeDraft, today } from './draft-work.js';

/** The mappings of a draft with their review state, filtered (the editor's review list and queue). */
export async function draftReviews(ctx: ServiceContext, actor: Actor, draftId: string, filter: ReviewFilter = {}): Promise<{ rows: ReviewRow[] }> {
  requireEditor(actor);
  const draft = await loadDraft(ctx.store.db, draftId);
  if (filter.standard && !draft.standards.some((s) => s.id === filter.standard)) {
    throw validationErrors(
      [{ path: 'standard', message: `is not a standard of draft ${draftId}`, code: 'invalid' }],
      `standard: ${filter.standard} is not a standard of draft ${draftId}`,
    );
  }
  return { rows: reviewRows(draft, filter) };
}

export interface ReviewInput {
  item: string;
  standard: string;
  requirement: string;
  state: ReviewState;
  note?: string | undefined;
}

/**
 * Records the review of one mapping in a draft: reviewed or disputed by the
 * acting editor today, or back to unreviewed. A disputed mapping needs a note;
 * a mapping that does not exist is refused (the draft's validation says so).
 */
export async function setDraftReview(ctx: ServiceContext, actor: Actor, draftId: string, input: ReviewInput): Promise<{ review: MappingReview }> {
  requireEditor(actor);
  if (input.state === 'disputed' && !input.note?.trim()) {
    throw validationError('note', 'a disputed mapping needs a note', 'note-required');
  }
  const user = actor.kind === 'user' ? await findUserById(ctx.store.db, actor.userId) : undefined;
  const review: MappingReview = {
    item: input.item,
    requirement: input.requirement,
    state: input.state,
    ...(input.state === 'unreviewed' ? {} : { by: user?.display_name ?? 'editor', date: today(ctx) }),
    ...(input.note?.trim() ? { note: input.note.trim() } : {}),
  };
  return changeDraft(
    ctx,
    actor,
    draftId,
    () => ({ action: 'draft.mapping-reviewed', detail: { ...review, standard: input.standard } }),
    async (trx, draft) => {
      const exists = draft.requirements.some(
        (r) => r.id === input.item && r.mappings.some((m) => m.standard === input.standard && m.requirement === input.requirement),
      );
      if (!exists) throw new AppError('not-found', `no mapping from ${input.item} to ${input.standard} ${input.requirement} in draft ${draftId}`);
      await storeDraft(trx, draftId, { ...draft, reviews: withReview(draft.reviews ?? [], input.standard, review) });
      return { review };
    },
  );
}
