import { describe, expect, it } from 'vitest';
import {
  answerWriteRefusal,
  canStartSelfAssessment,
  moveRefusal,
  replyRefusal,
  reviewedVerdict,
  reviewProblem,
  reviewRefusal,
  type SelfAssessmentState,
  submitProblem,
  unansweredItems,
} from '../../src/core/assessment/self-assessment.js';
import type { Actor } from '../../src/core/authorization.js';

const user = (role: 'admin' | 'assessor' | 'editor' | 'member', organisationId: string | null = null): Actor => ({
  kind: 'user',
  userId: `u-${role}-${organisationId ?? 'none'}`,
  role,
  organisationId,
});
const member = user('member', 'org-a');
const otherMember = user('member', 'org-b');
const assessor = user('assessor');
const at = (state: SelfAssessmentState) => ({ organisationId: 'org-a', state });

describe('self-assessment life cycle', () => {
  it('goes draft → submitted → changes-requested → submitted → accepted, each move by its own side', () => {
    expect(moveRefusal(member, at('draft'), 'submit', true)).toEqual({ to: 'submitted' });
    expect(moveRefusal(assessor, at('submitted'), 'send-back', true)).toEqual({ to: 'changes-requested' });
    expect(moveRefusal(member, at('changes-requested'), 'submit', true)).toEqual({ to: 'submitted' });
    expect(moveRefusal(assessor, at('submitted'), 'accept', true)).toEqual({ to: 'accepted' });
    expect(moveRefusal(user('admin'), at('submitted'), 'accept', true)).toEqual({ to: 'accepted' });
  });

  it('refuses moves out of turn as conflicts, naming the state', () => {
    expect(moveRefusal(member, at('submitted'), 'submit', true)).toMatchObject({ kind: 'conflict', message: expect.stringContaining('submitted') });
    expect(moveRefusal(assessor, at('draft'), 'accept', true)).toMatchObject({ kind: 'conflict' });
    expect(moveRefusal(assessor, at('accepted'), 'send-back', true)).toMatchObject({ kind: 'conflict' });
    expect(moveRefusal(member, at('accepted'), 'submit', true)).toMatchObject({ kind: 'conflict' });
  });

  it('members never review and assessors never submit; a member without permission cannot submit', () => {
    expect(moveRefusal(member, at('submitted'), 'accept', true)).toMatchObject({ kind: 'forbidden' });
    expect(moveRefusal(member, at('submitted'), 'send-back', true)).toMatchObject({ kind: 'forbidden' });
    expect(moveRefusal(assessor, at('draft'), 'submit', true)).toMatchObject({ kind: 'forbidden' });
    expect(moveRefusal(member, at('draft'), 'submit', false)).toMatchObject({ kind: 'forbidden' });
  });

  it('another organisation’s member and editors find nothing', () => {
    for (const actor of [otherMember, user('editor'), { kind: 'anonymous' } as Actor]) {
      expect(moveRefusal(actor, at('draft'), 'submit', true)).toEqual({ kind: 'not-found' });
      expect(moveRefusal(actor, at('submitted'), 'accept', true)).toEqual({ kind: 'not-found' });
      expect(answerWriteRefusal(actor, at('draft'), true)).toEqual({ kind: 'not-found' });
      expect(reviewRefusal(actor, at('submitted'))).toEqual({ kind: 'not-found' });
      expect(replyRefusal(actor, at('submitted'))).toEqual({ kind: 'not-found' });
    }
  });
});

describe('who starts and who answers', () => {
  it('a member starts one only for their own organisation’s product, and only when allowed', () => {
    expect(canStartSelfAssessment(member, { organisationId: 'org-a' }, true)).toBe(true);
    expect(canStartSelfAssessment(member, { organisationId: 'org-a' }, false)).toBe(false);
    expect(canStartSelfAssessment(member, { organisationId: 'org-b' }, true)).toBe(false);
    expect(canStartSelfAssessment(assessor, { organisationId: 'org-a' }, true)).toBe(false);
  });

  it('answers are the member’s while draft or sent back; submitted and accepted are read-only; assessors only review', () => {
    expect(answerWriteRefusal(member, at('draft'), true)).toBeNull();
    expect(answerWriteRefusal(member, at('changes-requested'), true)).toBeNull();
    expect(answerWriteRefusal(member, at('submitted'), true)).toMatchObject({ kind: 'conflict' });
    expect(answerWriteRefusal(member, at('accepted'), true)).toMatchObject({ kind: 'conflict' });
    expect(answerWriteRefusal(member, at('draft'), false)).toMatchObject({ kind: 'forbidden' });
    expect(answerWriteRefusal(assessor, at('draft'), true)).toMatchObject({ kind: 'forbidden' });
  });

  it('a submission needs at least one answered item; open items are listed', () => {
    expect(submitProblem([{ no: '1', verdict: 'unassessed' }])).toMatch(/at least one/);
    expect(
      submitProblem([
        { no: '1', verdict: 'unassessed' },
        { no: '2', verdict: 'fail' },
      ]),
    ).toBeNull();
    expect(
      unansweredItems([
        { no: '1', verdict: 'unassessed' },
        { no: '2', verdict: 'pass' },
      ]),
    ).toEqual(['1']);
  });
});

describe('item reviews', () => {
  it('are given by assessors while submitted', () => {
    expect(reviewRefusal(assessor, at('submitted'))).toBeNull();
    expect(reviewRefusal(assessor, at('changes-requested'))).toMatchObject({ kind: 'conflict' });
    expect(reviewRefusal(member, at('submitted'))).toMatchObject({ kind: 'forbidden' });
  });

  it('a disagreement needs a comment and a corrected verdict other than the member’s own', () => {
    expect(reviewProblem({ decision: 'agree', comment: '', correctedVerdict: null }, 'pass')).toBeNull();
    expect(reviewProblem({ decision: 'agree', comment: '', correctedVerdict: 'fail' }, 'pass')?.path).toBe('correctedVerdict');
    expect(reviewProblem({ decision: 'disagree', comment: ' ', correctedVerdict: 'fail' }, 'pass')?.path).toBe('comment');
    expect(reviewProblem({ decision: 'disagree', comment: 'no log', correctedVerdict: null }, 'pass')?.path).toBe('correctedVerdict');
    expect(reviewProblem({ decision: 'disagree', comment: 'no log', correctedVerdict: 'pass' }, 'pass')?.message).toMatch(/own verdict/);
    expect(reviewProblem({ decision: 'disagree', comment: 'no log', correctedVerdict: 'unassessed' }, 'pass')?.path).toBe('correctedVerdict');
    expect(reviewProblem({ decision: 'disagree', comment: 'no log', correctedVerdict: 'partial' }, 'pass')).toBeNull();
  });

  it('keep both verdicts: the reviewed one is the member’s when agreed, the corrected one when not', () => {
    expect(reviewedVerdict({ decision: 'agree', selfVerdict: 'pass', correctedVerdict: null })).toBe('pass');
    expect(reviewedVerdict({ decision: 'disagree', selfVerdict: 'pass', correctedVerdict: 'fail' })).toBe('fail');
  });

  it('replies are open to both sides until accepted', () => {
    expect(replyRefusal(member, at('changes-requested'))).toBeNull();
    expect(replyRefusal(assessor, at('submitted'))).toBeNull();
    expect(replyRefusal(member, at('accepted'))).toMatchObject({ kind: 'conflict' });
  });
});
