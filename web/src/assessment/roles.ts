import type { User } from '../api/types';

/** Assessors and admins create and edit assessments (the server decides; this only shapes the page). */
export function canAssess(user: User | null | undefined): boolean {
  return user?.role === 'assessor' || user?.role === 'admin';
}

/** Who reads assessments at all: editors do not. */
export function seesAssessments(user: User | null | undefined): boolean {
  return canAssess(user) || user?.role === 'member';
}
