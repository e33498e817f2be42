import { beforeAll, expect, it } from 'vitest';
import { snapshotOf } from '../../src/services/assessment-records.js';
import { insertAssessment } from '../../src/store/assessments.repository.js';
import { insertOrganisation, insertProduct } from '../../src/store/organisations.repository.js';
import {
  findReview,
  findSelfAssessment,
  insertReply,
  insertSelfAssessment,
  listReplies,
  listReviews,
  moveSelfAssessment,
  organisationAllowsSelfAssessment,
  saveReview,
  selfAssessmentStates,
  setOrganisationSelfAssessment,
} from '../../src/store/self-assessments.repository.js';
import { insertUser } from '../../src/store/users.repository.js';
import { assessmentRow } from '../helpers/assessment-rows.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { insertPlaceholderEdition, T0 } from './store-rows.js';

const T1 = '2026-03-02T09:00:00.000Z';
const EMPTY = snapshotOf([]);

const user = (id: string, role: string, organisationId: string | null) => ({
  id,
  email: `${id}@x.test`,
  display_name: id.toUpperCase(),
  password_hash: 'x',
  role,
  organisation_id: organisationId,
  disabled: 0,
  created_at: T0,
});

const review = (id: string, round: number, overrides: Record<string, unknown> = {}) => ({
  id,
  assessment_id: 'sa-1',
  requirement_id: 'req-1',
  round,
  decision: 'disagree',
  comment: 'ログの保存期間が書かれていない',
  self_verdict: 'pass',
  corrected_verdict: 'partial',
  reviewer_id: 'u-as',
  reviewed_at: T1,
  ...overrides,
});

describeEachDatabase('stored self-assessments', (get) => {
  beforeAll(async () => {
    const { db } = get().store;
    await insertOrganisation(db, { id: 'org-a', name: 'A', created_at: T0 });
    await insertProduct(db, { id: 'prod-a', organisation_id: 'org-a', name: 'P', model: null, description: null, created_at: T0 });
    await insertUser(db, user('u-as', 'assessor', null));
    await insertUser(db, user('u-me', 'member', 'org-a'));
    await insertPlaceholderEdition(db);
    await insertAssessment(
      db,
      assessmentRow({
        id: 'sa-1',
        organisation_id: 'org-a',
        product_id: 'prod-a',
        edition_id: 'ed-1',
        title: '自己診断',
        spec: '{}',
        items_hash: EMPTY.hash,
        created_by: 'u-me',
        created_at: T0,
      }),
      EMPTY,
      [],
    );
  });

  it('keeps the organisation’s permission, off until its manager turns it on', async () => {
    const { db } = get().store;
    expect(await organisationAllowsSelfAssessment(db, 'org-a')).toBe(false);
    await setOrganisationSelfAssessment(db, 'org-a', true);
    expect(await organisationAllowsSelfAssessment(db, 'org-a')).toBe(true);
    expect(await organisationAllowsSelfAssessment(db, 'org-missing')).toBe(false);
  });

  it('moves the state only from the one read', async () => {
    const { db } = get().store;
    await insertSelfAssessment(db, {
      assessment_id: 'sa-1',
      organisation_id: 'org-a',
      state: 'draft',
      round: 0,
      created_by: 'u-me',
      created_at: T0,
      submitted_at: null,
      decided_by: null,
      decided_at: null,
    });
    expect(await findSelfAssessment(db, 'sa-1')).toMatchObject({ state: 'draft', round: 0, organisation_allows: 1 });
    expect(await moveSelfAssessment(db, 'sa-1', 'draft', { state: 'submitted', round: 1, submitted_at: T1 })).toBe(true);
    expect(await moveSelfAssessment(db, 'sa-1', 'draft', { state: 'submitted', round: 2 })).toBe(false);
    expect(await findSelfAssessment(db, 'sa-1')).toMatchObject({ state: 'submitted', round: 1, submitted_at: T1 });
    expect((await selfAssessmentStates(db, ['sa-1', 'other'])).get('sa-1')).toBe('submitted');
    expect(await selfAssessmentStates(db, [])).toEqual(new Map());
  });

  it('keeps one review per item and round (a second replaces the first, replies kept) and both verdicts', async () => {
    const { db } = get().store;
    expect(await saveReview(db, review('r-1', 1, { decision: 'agree', corrected_verdict: null, comment: '' }))).toBe('r-1');
    await insertReply(db, { id: 'p-1', review_id: 'r-1', author_id: 'u-me', body: '追記しました', created_at: T1 });
    expect(await saveReview(db, review('r-1b', 1))).toBe('r-1');
    expect(await saveReview(db, review('r-2', 2, { decision: 'agree', corrected_verdict: null, self_verdict: 'partial' }))).toBe('r-2');
    const reviews = await listReviews(db, 'sa-1');
    expect(reviews.map((r) => [r.id, r.round, r.decision, r.self_verdict, r.corrected_verdict, r.reviewer_name])).toEqual([
      ['r-1', 1, 'disagree', 'pass', 'partial', 'U-AS'],
      ['r-2', 2, 'agree', 'partial', null, 'U-AS'],
    ]);
    expect(await findReview(db, 'r-1')).toMatchObject({ round: 1, comment: 'ログの保存期間が書かれていない' });
    expect(await findReview(db, 'nope')).toBeUndefined();
    expect((await listReplies(db, 'sa-1')).map((p) => [p.review_id, p.body, p.author_name])).toEqual([['r-1', '追記しました', 'U-ME']]);
  });
});
