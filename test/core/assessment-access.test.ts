import { describe, expect, it } from 'vitest';
import { assessmentScope, canSeeAssessment, canWriteAssessments, writeRefusal } from '../../src/core/assessment/assessment-access.js';
import type { Actor } from '../../src/core/authorization.js';

const user = (role: 'admin' | 'assessor' | 'editor' | 'member', organisationId: string | null = null): Actor => ({
  kind: 'user',
  userId: `u-${role}`,
  role,
  organisationId,
});
const ofA = { organisationId: 'org-a' };

describe('assessment access rules', () => {
  it('assessors and admins see and change every organisation’s assessments', () => {
    for (const actor of [user('assessor'), user('admin')]) {
      expect(assessmentScope(actor)).toEqual({ kind: 'all' });
      expect(canSeeAssessment(actor, ofA)).toBe(true);
      expect(canWriteAssessments(actor)).toBe(true);
      expect(writeRefusal(actor, ofA)).toBeNull();
    }
  });

  it('a member reads their own organisation’s assessments and changes nothing (forbidden); others are not found', () => {
    const member = user('member', 'org-a');
    expect(assessmentScope(member)).toEqual({ kind: 'organisation', organisationId: 'org-a' });
    expect(canSeeAssessment(member, ofA)).toBe(true);
    expect(canSeeAssessment(member, { organisationId: 'org-b' })).toBe(false);
    expect(canWriteAssessments(member)).toBe(false);
    expect(writeRefusal(member, ofA)).toBe('forbidden');
    expect(writeRefusal(member, { organisationId: 'org-b' })).toBe('not-found');
  });

  it('editors and anonymous visitors see none', () => {
    for (const actor of [user('editor'), { kind: 'anonymous' } as Actor]) {
      expect(assessmentScope(actor)).toEqual({ kind: 'none' });
      expect(canSeeAssessment(actor, ofA)).toBe(false);
      expect(writeRefusal(actor, ofA)).toBe('not-found');
    }
  });
});
