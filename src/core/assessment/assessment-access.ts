import { type Actor, type OrganisationScope, organisationScope } from '../authorization.js';

/**
 * Who may see and change assessments (診断). Assessors and admins work on
 * every organisation's assessments; a member reads their own organisation's
 * and changes nothing; editors work on the guidebook and see none. Anything
 * not visible must answer "not found", never "forbidden".
 */

/** Which assessments an actor may see, as a filter the store can apply. */
export type AssessmentScope = OrganisationScope;

export function assessmentScope(actor: Actor): AssessmentScope {
  return organisationScope(actor, ['admin', 'assessor'], () => ({ kind: 'none' }));
}

export function canSeeAssessment(actor: Actor, assessment: { organisationId: string }): boolean {
  const scope = assessmentScope(actor);
  if (scope.kind === 'all') return true;
  return scope.kind === 'organisation' && scope.organisationId === assessment.organisationId;
}

/** Creating, answering, moving and finalising: assessors and admins only. */
export function canWriteAssessments(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'assessor' || actor.role === 'admin');
}

/** The outcome for a change: 'not-found' when the assessment is not visible, 'forbidden' when visible but read-only to the actor. */
export function writeRefusal(actor: Actor, assessment: { organisationId: string }): 'not-found' | 'forbidden' | null {
  if (!canSeeAssessment(actor, assessment)) return 'not-found';
  return canWriteAssessments(actor) ? null : 'forbidden';
}
