import { beforeAll, expect, it } from 'vitest';
import { insertOrganisation } from '../../src/store/organisations.repository.js';
import { decideProposal, findProposal, insertProposal, listProposals, type ProposalRow, UNDECIDED_PROPOSAL } from '../../src/store/proposals.repository.js';
import { insertUser } from '../../src/store/users.repository.js';
import { describeEachDatabase } from '../helpers/each-database.js';

const T0 = '2026-03-01T09:00:00.000Z';

function proposal(id: string, overrides: Partial<ProposalRow> = {}): ProposalRow {
  return {
    id,
    source: 'member',
    title: `課題 ${id}`,
    body: '懸念の本文',
    layers: '["device"]',
    phases: '[]',
    industry: null,
    submitted_by: 'u-a',
    organisation_id: 'org-a',
    ...UNDECIDED_PROPOSAL,
    created_at: T0,
    updated_at: T0,
    ...overrides,
  };
}

const decided = (at: string) => ({ decided_by: 'u-ed', decided_at: at, updated_at: at });

describeEachDatabase('stored proposals', (get) => {
  beforeAll(async () => {
    const { db } = get().store;
    await insertOrganisation(db, { id: 'org-a', name: 'A 株式会社', created_at: T0 });
    await insertOrganisation(db, { id: 'org-b', name: 'B 合同会社', created_at: T0 });
    const user = (id: string, role: string, org: string | null) =>
      insertUser(db, {
        id,
        email: `${id}@example.test`,
        display_name: `名前 ${id}`,
        password_hash: 'x',
        role,
        organisation_id: org,
        disabled: 0,
        created_at: T0,
      });
    await user('u-a', 'member', 'org-a');
    await user('u-b', 'member', 'org-b');
    await user('u-as', 'assessor', null);
    await user('u-ed', 'editor', null);
    await insertProposal(db, proposal('p1', { created_at: '2026-03-01T09:00:00.000Z' }));
    await insertProposal(db, proposal('p2', { created_at: '2026-03-02T09:00:00.000Z', submitted_by: 'u-b', organisation_id: 'org-b' }));
    await insertProposal(db, proposal('p3', { created_at: '2026-03-03T09:00:00.000Z', submitted_by: 'u-as', organisation_id: null }));
  });

  it('reads a proposal back with the names of its submitter and organisation', async () => {
    const r = await findProposal(get().store.db, 'p1');
    expect(r).toMatchObject({ id: 'p1', title: '課題 p1', submitter_name: '名前 u-a', organisation_name: 'A 株式会社', decider_name: null });
    expect(await findProposal(get().store.db, 'nope')).toBeUndefined();
  });

  it('lists newest first, filtered by organisation, submitter and status', async () => {
    const { db } = get().store;
    const ids = async (f: Parameters<typeof listProposals>[1]) => (await listProposals(db, f)).map((r) => r.id);
    expect(await ids({ limit: 10 })).toEqual(['p3', 'p2', 'p1']);
    expect(await ids({ limit: 10, organisationId: 'org-a' })).toEqual(['p1']);
    expect(await ids({ limit: 10, submittedBy: 'u-as' })).toEqual(['p3']);
    expect(await ids({ limit: 10, status: 'accepted' })).toEqual([]);
    expect(await ids({ limit: 2 })).toEqual(['p3', 'p2']);
  });

  it('records a decision once; a second decision finds nothing to change', async () => {
    const { db } = get().store;
    const at = '2026-03-04T09:00:00.000Z';
    const reject = { status: 'rejected', reason: '既存項目 D-2.1 で扱っています', ...decided(at) };
    const none = { link_kind: null, link_edition_id: null, link_requirement_id: null, link_number: null, link_title_ja: null, link_title_en: null };
    expect(await decideProposal(db, 'p2', { ...reject, ...none })).toBe(true);
    const accept = {
      status: 'accepted',
      reason: null,
      ...decided(at),
      link_kind: 'existing',
      link_edition_id: '2026.1',
      link_requirement_id: 'design-auth-user-authentication',
      link_number: 'D-2.1',
      link_title_ja: 'ユーザ認証',
      link_title_en: 'User authentication',
    };
    expect(await decideProposal(db, 'p2', accept)).toBe(false);
    const r = await findProposal(db, 'p2');
    expect(r).toMatchObject({ status: 'rejected', reason: '既存項目 D-2.1 で扱っています', decider_name: '名前 u-ed', link_kind: null });
  });

  it('the database refuses inconsistent decisions', async () => {
    const { db } = get().store;
    const at = '2026-03-05T09:00:00.000Z';
    const bad: [string, Partial<ProposalRow>][] = [
      ['unknown status', { status: 'maybe' }],
      ['rejected without a reason', { status: 'rejected', ...decided(at) }],
      ['accepted without a link', { status: 'accepted', ...decided(at) }],
      ['submitted with a decision time', { decided_at: at }],
      ['decided without a decision time', { status: 'rejected', reason: 'r' }],
      ['a link of an unknown kind', { status: 'accepted', ...decided(at), link_kind: 'other', link_edition_id: 'e', link_requirement_id: 'r' }],
      ['an unknown submitter', { submitted_by: 'ghost' }],
    ];
    for (const [name, overrides] of bad) {
      await expect(insertProposal(db, proposal(`bad-${name}`, overrides)), name).rejects.toThrow();
    }
    expect(await findProposal(db, 'bad-unknown status')).toBeUndefined();
  });

  it('stores hostile text verbatim (output escaping is the views’ job)', async () => {
    const { db } = get().store;
    const title = `<script>alert(1)</script>'; drop table proposals; --`;
    await insertProposal(db, proposal('p-hostile', { title, body: '\u202e逆向き\uD83D\uDE00 &amp; "quotes"' }));
    expect(await findProposal(db, 'p-hostile')).toMatchObject({ title, body: '\u202e逆向き\uD83D\uDE00 &amp; "quotes"' });
  });
});
