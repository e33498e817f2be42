import type { Role } from './taxonomy.js';

/** Who is asking. Anonymous visitors have no user. */
export type Actor = { kind: 'anonymous' } | { kind: 'user'; userId: string; role: Role; organisationId: string | null };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

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
