import type { Role } from './taxonomy.js';

/** Who is asking. Anonymous visitors have no user. */
export type Actor = { kind: 'anonymous' } | { kind: 'user'; userId: string; role: Role; organisationId: string | null };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

/** A signed-in user. */
export type UserActor = Extract<Actor, { kind: 'user' }>;

/** Which records of member organisations an actor may see, as a filter the store can apply. */
export type OrganisationScope = { kind: 'all' } | { kind: 'organisation'; organisationId: string } | { kind: 'none' };

/**
 * The scope of records that belong to member organisations: the roles named
 * see all of them; a member sees their own organisation's (none without one);
 * anonymous visitors none; any other role what `otherwise` gives.
 */
export function organisationScope<T>(actor: Actor, seeingAll: readonly Role[], otherwise: (user: UserActor) => T): OrganisationScope | T {
  if (actor.kind !== 'user') return { kind: 'none' };
  if (seeingAll.includes(actor.role)) return { kind: 'all' };
  if (actor.role !== 'member') return otherwise(actor);
  return actor.organisationId ? { kind: 'organisation', organisationId: actor.organisationId } : { kind: 'none' };
}

export function isRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'user' && roles.includes(actor.role);
}

/** Published editions: everyone logged in; anonymous visitors when allowed. */
export function canReadPublishedEditions(actor: Actor, anonymousRead: boolean): boolean {
  return actor.kind === 'user' || anonymousRead;
}

/**
 * Products and everything about them: admins and assessors see all; a member
 * only those of their own organisation. Editors work on the guidebook, not on
 * members' products.
 */
export function canReadOrganisationData(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin' || actor.role === 'assessor') return true;
  return actor.role === 'member' && actor.organisationId === organisationId;
}

/** Members manage their own organisation's products; admins any. */
export function canWriteProducts(actor: Actor, organisationId: string): boolean {
  if (actor.kind !== 'user') return false;
  if (actor.role === 'admin') return true;
  return actor.role === 'member' && actor.organisationId === organisationId;
}
