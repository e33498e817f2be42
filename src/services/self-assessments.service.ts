import { z } from 'zod';
import { canStartSelfAssessment, moveRefusal, submitProblem, unansweredItems } from '../core/assessment/self-assessment.js';
import type { Verdict } from '../core/assessment/verdicts.js';
import { type Actor, canReadOrganisationData, isRole } from '../core/authorization.js';
import { AppError, validationError } from '../core/errors.js';
import { findAnswers, touchAssessment } from '../store/assessments.repository.js';
import { findOrganisation } from '../store/organisations.repository.js';
import {
  insertSelfAssessment,
  moveSelfAssessment,
  organisationAllowsSelfAssessment,
  setOrganisationSelfAssessment,
} from '../store/self-assessments.repository.js';
import { findUserById } from '../store/users.repository.js';
import { requireUser } from './assessment-records.js';
import { AssessmentInput, blankAssessment, insertBlankAssessment } from './assessments.service.js';
import { mutate, type ServiceContext } from './context.js';
import { notifySelfAssessmentSubmitted } from './self-assessment-notices.js';
import { kickMail } from './notifications.service.js';
import { getProduct } from './organisations.service.js';
import { factsOf, refusalError, readSelfAssessment, type SelfAssessmentView, visibleSelfAssessment } from './self-assessment-records.js';

/**
 * Self-assessment (自己診断), the member's side: the organisation's manager
 * allows it, a member creates an assessment of their own organisation's
 * product, answers it through the usual answer path (writableAssessment
 * applies the self-assessment rule), and submits it for review.
 */

export const PermissionInput = z.object({ allowed: z.boolean() }).strict();

export const SelfAssessmentInput = AssessmentInput.omit({ productId: true });

/** Whether the organisation's members may self-assess, and whether the caller may change that. */
export async function selfAssessmentPermission(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<{ allowed: boolean; canChange: boolean }> {
  requireUser(actor);
  if (!canReadOrganisationData(actor, organisationId) || !(await findOrganisation(ctx.store.db, organisationId))) throw new AppError('not-found');
  return { allowed: await organisationAllowsSelfAssessment(ctx.store.db, organisationId), canChange: await managesOrganisation(ctx, actor, organisationId) };
}

/** Admins, and members who manage their own organisation (org_manager). */
async function managesOrganisation(ctx: ServiceContext, actor: Actor, organisationId: string): Promise<boolean> {
  if (isRole(actor, 'admin')) return true;
  if (actor.kind !== 'user' || actor.role !== 'member' || actor.organisationId !== organisationId) return false;
  return (await findUserById(ctx.store.db, actor.userId))?.org_manager === 1;
}

/** The organisation's manager (or an admin) lets its members self-assess, or stops them. */
export async function setSelfAssessmentPermission(
  ctx: ServiceContext,
  actor: Actor,
  organisationId: string,
  input: z.output<typeof PermissionInput>,
): Promise<{ allowed: boolean; canChange: boolean }> {
  await selfAssessmentPermission(ctx, actor, organisationId);
  if (!(await managesOrganisation(ctx, actor, organisationId)))
    throw new AppError('forbidden', 'only the organisation manager or an administrator allows self-assessment');
  await mutate(
    ctx,
    actor,
    { action: 'organisation.self-assessment-permission', targetType: 'organisation', targetId: organisationId, detail: { allowed: input.allowed } },
    (trx) => setOrganisationSelfAssessment(trx, organisationId, input.allowed),
  );
  return { allowed: input.allowed, canChange: true };
}

/** A permitted member starts a self-assessment of their own organisation's product: a draft with a blank answer for every item. */
export async function createSelfAssessment(
  ctx: ServiceContext,
  actor: Actor,
  productId: string,
  input: z.output<typeof SelfAssessmentInput>,
): Promise<SelfAssessmentView> {
  requireUser(actor);
  const product = await getProduct(ctx, actor, productId);
  const allows = await organisationAllowsSelfAssessment(ctx.store.db, product.organisationId);
  if (!canStartSelfAssessment(actor, product, allows)) {
    throw new AppError(
      'forbidden',
      allows ? 'only members of the organisation self-assess its products' : "the organisation's manager has not allowed self-assessment",
    );
  }
  const made = await blankAssessment(ctx, actor, input, product, null);
  const blank = { ...made, row: { ...made.row, created_by: actor.userId } };
  const { row, at } = blank;
  await mutate(ctx, actor, { action: 'self-assessment.created', targetType: 'assessment', targetId: row.id, detail: blank.detail }, async (trx) => {
    await insertBlankAssessment(trx, blank);
    await insertSelfAssessment(trx, {
      assessment_id: row.id,
      organisation_id: product.organisationId,
      state: 'draft',
      round: 0,
      created_by: actor.userId,
      created_at: at,
      submitted_at: null,
      decided_by: null,
      decided_at: null,
    });
  });
  return getSelfAssessment(ctx, actor, row.id);
}

export const getSelfAssessment = readSelfAssessment;

/** The member hands the self-assessment to the consortium: read-only for them until sent back. */
export async function submitSelfAssessment(ctx: ServiceContext, actor: Actor, id: string): Promise<SelfAssessmentView> {
  const { self } = await visibleSelfAssessment(ctx, actor, id);
  const move = moveRefusal(actor, factsOf(self), 'submit', self.organisation_allows === 1);
  if ('kind' in move) throw refusalError(move, id);
  const at = ctx.now().toISOString();
  await mutate<string[]>(
    ctx,
    actor,
    (open: string[]) => ({
      action: 'self-assessment.submitted',
      targetType: 'assessment',
      targetId: id,
      detail: { from: self.state, round: self.round + 1, unanswered: open.length },
    }),
    async (trx) => {
      // Taking the assessment's row first orders this after (or before) any answer being written at the same moment.
      await touchAssessment(trx, id, at, false);
      const answers = await findAnswers(trx, id);
      const problem = submitProblem(answers.map((a) => ({ no: a.no, verdict: a.verdict as Verdict })));
      if (problem) throw validationError('answers', problem, 'invalid');
      if (!(await moveSelfAssessment(trx, id, self.state, { state: move.to, round: self.round + 1, submitted_at: at })))
        throw new AppError('conflict', `self-assessment ${id} has changed meanwhile; reload and try again`);
      await notifySelfAssessmentSubmitted(ctx, trx, id);
      return unansweredItems(answers.map((a) => ({ no: a.no, verdict: a.verdict as Verdict })));
    },
  );
  kickMail(ctx);
  return getSelfAssessment(ctx, actor, id);
}
