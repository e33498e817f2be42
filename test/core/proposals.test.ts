import { describe, expect, it } from 'vitest';
import { ANONYMOUS, type Actor } from '../../src/core/authorization.js';
import { Requirement } from '../../src/core/model/edition.schema.js';
import {
  canDecideProposal,
  canSeeProposal,
  canSubmitProposal,
  canTransition,
  PLACEHOLDER_MARK,
  type ProposalFacts,
  proposalScope,
  requirementFromProposal,
  submitterOrganisation,
} from '../../src/core/proposals.js';

const memberA: Actor = { kind: 'user', userId: 'ua', role: 'member', organisationId: 'org-a' };
const colleagueA: Actor = { kind: 'user', userId: 'ua2', role: 'member', organisationId: 'org-a' };
const memberB: Actor = { kind: 'user', userId: 'ub', role: 'member', organisationId: 'org-b' };
const assessor: Actor = { kind: 'user', userId: 'as', role: 'assessor', organisationId: null };
const otherAssessor: Actor = { kind: 'user', userId: 'as2', role: 'assessor', organisationId: null };
const editor: Actor = { kind: 'user', userId: 'ed', role: 'editor', organisationId: null };
const admin: Actor = { kind: 'user', userId: 'ad', role: 'admin', organisationId: null };

const fromA: ProposalFacts = { status: 'submitted', submittedBy: 'ua', organisationId: 'org-a' };
const fromAssessor: ProposalFacts = { status: 'submitted', submittedBy: 'as', organisationId: null };

describe('who sees a proposal', () => {
  it("a member sees their organisation's proposals, including a colleague's, and no other organisation's", () => {
    expect(canSeeProposal(memberA, fromA)).toBe(true);
    expect(canSeeProposal(colleagueA, fromA)).toBe(true);
    expect(canSeeProposal(memberB, fromA)).toBe(false);
    expect(canSeeProposal(memberA, fromAssessor)).toBe(false);
  });

  it('an assessor sees only their own', () => {
    expect(canSeeProposal(assessor, fromAssessor)).toBe(true);
    expect(canSeeProposal(otherAssessor, fromAssessor)).toBe(false);
    expect(canSeeProposal(assessor, fromA)).toBe(false);
  });

  it('editors and admins see everything; anonymous visitors nothing', () => {
    for (const actor of [editor, admin]) {
      expect(canSeeProposal(actor, fromA)).toBe(true);
      expect(canSeeProposal(actor, fromAssessor)).toBe(true);
    }
    expect(canSeeProposal(ANONYMOUS, fromA)).toBe(false);
  });

  it('the list scope matches the single-item rule', () => {
    expect(proposalScope(memberA)).toEqual({ kind: 'organisation', organisationId: 'org-a' });
    expect(proposalScope(assessor)).toEqual({ kind: 'submitter', userId: 'as' });
    expect(proposalScope(editor)).toEqual({ kind: 'all' });
    expect(proposalScope(ANONYMOUS)).toEqual({ kind: 'none' });
    // A member row without an organisation (the database forbids it) sees nothing rather than everything.
    expect(proposalScope({ kind: 'user', userId: 'x', role: 'member', organisationId: null })).toEqual({ kind: 'none' });
  });
});

describe('who does what', () => {
  it('every logged-in role submits; only editors and admins decide', () => {
    for (const actor of [memberA, assessor, editor, admin]) expect(canSubmitProposal(actor)).toBe(true);
    expect(canSubmitProposal(ANONYMOUS)).toBe(false);
    expect([memberA, assessor, editor, admin, ANONYMOUS].map(canDecideProposal)).toEqual([false, false, true, true, false]);
  });

  it("a proposal is filed under the member's organisation; others file without one", () => {
    expect(submitterOrganisation(memberA)).toBe('org-a');
    expect(submitterOrganisation(assessor)).toBeNull();
    expect(submitterOrganisation(editor)).toBeNull();
  });

  it('a decision is final', () => {
    expect(canTransition('submitted', 'accepted')).toBe(true);
    expect(canTransition('submitted', 'rejected')).toBe(true);
    expect(canTransition('submitted', 'submitted')).toBe(false);
    for (const decided of ['accepted', 'rejected'] as const) {
      expect(canTransition(decided, 'accepted')).toBe(false);
      expect(canTransition(decided, 'rejected')).toBe(false);
      expect(canTransition(decided, 'submitted')).toBe(false);
    }
  });
});

describe('a new requirement from a proposal', () => {
  const essentials = {
    id: 'design-ble-pairing',
    number: 'D-99.1',
    title: { ja: 'BLEペアリングの保護', en: 'Protect BLE pairing' },
    layers: ['device' as const],
    phases: ['design.software' as const],
    threatCategory: 'device-authentication',
  };

  it('is a valid requirement whose unwritten sections are marked placeholders quoting the proposal', () => {
    const r = requirementFromProposal(essentials, { title: 'BLE の Just Works', text: 'Just Works ペアリングでは\n中間者攻撃を防げない。' });
    expect(Requirement.safeParse(r).success).toBe(true);
    expect(r).toMatchObject(essentials);
    const texts = [...r.criteria, ...r.interpretation.flatMap((p) => [p.attack, ...p.countermeasures]), ...r.verification.steps];
    for (const t of texts) {
      expect(t.ja.startsWith(PLACEHOLDER_MARK.ja)).toBe(true);
      expect(t.en.startsWith(PLACEHOLDER_MARK.en)).toBe(true);
    }
    expect(r.interpretation[0]?.attack.ja).toContain('Just Works ペアリングでは 中間者攻撃を防げない。');
    expect(r.criteria[0]?.en).toContain('BLE の Just Works');
  });

  it('quotes only an excerpt of a long concern', () => {
    const r = requirementFromProposal(essentials, { title: 't', text: 'あ'.repeat(9000) });
    expect(r.interpretation[0]?.attack.ja.length).toBeLessThan(600);
    expect(r.interpretation[0]?.attack.ja.endsWith('…')).toBe(true);
  });
});
