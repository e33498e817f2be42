import { beforeAll, expect, it } from 'vitest';
import {
  type AnswerRow,
  type AssessmentRow,
  findAnswer,
  findAssessment,
  findChecksheetItems,
  insertAssessment,
  listAssessments,
  touchAssessment,
  updateAnswer,
  updateAssessmentIfCurrent,
  verdictCounts,
} from '../../src/store/assessments.repository.js';
import { snapshotOf } from '../../src/services/assessment-records.js';
import { countBlobs, deleteAttachment, findAttachment, insertAttachments, readBlob, storeBlob } from '../../src/store/attachments.repository.js';
import { insertOrganisation, insertProduct } from '../../src/store/organisations.repository.js';
import { insertUser } from '../../src/store/users.repository.js';
import { assessmentRow, blankAnswerRow } from '../helpers/assessment-rows.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { insertPlaceholderEdition, T0 } from './store-rows.js';

/** Store tests need no items: every assessment here shares the empty checksheet. */
const EMPTY = snapshotOf([]);

function assessment(id: string, overrides: Partial<AssessmentRow> = {}): AssessmentRow {
  return assessmentRow({
    id,
    organisation_id: 'org-a',
    product_id: 'prod-a',
    edition_id: 'ed-1',
    title: `診断 ${id}`,
    spec: '{"layers":[],"phases":[],"profile":null,"target":null}',
    items_hash: EMPTY.hash,
    assessor_id: 'u-as',
    created_by: 'u-as',
    created_at: T0,
    ...overrides,
  });
}

const answer = (assessmentId: string, n: number, overrides: Partial<AnswerRow> = {}): AnswerRow => ({
  ...blankAnswerRow(assessmentId, `req-${n}`, `D-${n}`),
  ...overrides,
});

describeEachDatabase('stored assessments', (get) => {
  beforeAll(async () => {
    const { db } = get().store;
    await insertOrganisation(db, { id: 'org-a', name: 'A', created_at: T0 });
    await insertOrganisation(db, { id: 'org-b', name: 'B', created_at: T0 });
    await insertProduct(db, { id: 'prod-a', organisation_id: 'org-a', name: 'P', model: null, description: null, created_at: T0 });
    await insertProduct(db, { id: 'prod-b', organisation_id: 'org-b', name: 'Q', model: null, description: null, created_at: T0 });
    await insertUser(db, {
      id: 'u-as',
      email: 'as@x.test',
      display_name: 'AS',
      password_hash: 'x',
      role: 'assessor',
      organisation_id: null,
      disabled: 0,
      created_at: T0,
    });
    await insertPlaceholderEdition(db);
  });

  it('stores an assessment with many answers in chunks and counts verdicts per assessment', async () => {
    const { db } = get().store;
    const answers = Array.from({ length: 1200 }, (_, n) => answer('a-big', n, n % 3 === 0 ? { verdict: 'pass' } : {}));
    await insertAssessment(db, assessment('a-big'), EMPTY, answers);
    await insertAssessment(db, assessment('a-b', { organisation_id: 'org-b', product_id: 'prod-b' }), EMPTY, [answer('a-b', 1)]);
    const counts = await verdictCounts(db, ['a-big', 'a-b']);
    expect(counts.get('a-big')?.get('pass')).toBe(400);
    expect(counts.get('a-big')?.get('unassessed')).toBe(800);
    expect(counts.get('a-b')?.get('unassessed')).toBe(1);
    expect((await listAssessments(db, { organisationId: 'org-a' })).map((r) => r.id)).toEqual(['a-big']);
    expect((await findAssessment(db, 'a-b'))?.organisation_name).toBe('B');
    // Identical checksheets are stored once.
    const snapshots = await db.selectFrom('checksheet_snapshots').select(['hash', 'items']).execute();
    expect(snapshots).toEqual([{ hash: EMPTY.hash, items: '[]' }]);
    expect(await findChecksheetItems(db, EMPTY.hash)).toBe('[]');
  });

  it('refuses a not-applicable answer without a reason, and an unknown verdict', async () => {
    const { db } = get().store;
    await expect(updateAnswer(db, 'a-big', 'req-1', { verdict: 'not-applicable', comment: ' ' })).rejects.toThrow();
    await expect(updateAnswer(db, 'a-big', 'req-1', { verdict: 'maybe' })).rejects.toThrow();
    await updateAnswer(db, 'a-big', 'req-1', { verdict: 'not-applicable', comment: '対象機能なし' });
    expect((await findAnswer(db, 'a-big', 'req-1'))?.verdict).toBe('not-applicable');
  });

  it('changes an assessment only at the version read', async () => {
    const { db } = get().store;
    expect(await updateAssessmentIfCurrent(db, 'a-big', 1, { title: 'new' })).toBe(true);
    expect(await updateAssessmentIfCurrent(db, 'a-big', 1, { title: 'lost' })).toBe(false);
    expect(await touchAssessment(db, 'a-big', T0, true)).toBe(true);
    const row = await findAssessment(db, 'a-big');
    expect(row).toMatchObject({ title: 'new', status: 'in-progress' });
    expect(Number(row?.version)).toBe(3);
  });

  it('keeps each file once per SHA-256 and removes it with its last attachment', async () => {
    const { db } = get().store;
    const content = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 255]);
    await storeBlob(db, 'sha-1', content);
    await storeBlob(db, 'sha-1', content);
    expect(await countBlobs(db)).toBe(1);
    const meta = (id: string, assessmentId = 'a-big') => ({
      id,
      assessment_id: assessmentId,
      requirement_id: 'req-2',
      sha256: 'sha-1',
      filename: '写真.png',
      media_type: 'image/png',
      size: content.length,
      uploaded_by: 'u-as',
      created_at: T0,
    });
    await insertAttachments(db, [meta('f-1'), meta('f-2')]);
    expect(await readBlob(db, 'sha-1')).toEqual(content);
    const f1 = await findAttachment(db, 'a-big', 'f-1');
    if (!f1) throw new Error('missing');
    await deleteAttachment(db, f1);
    expect(await countBlobs(db)).toBe(1);
    const f2 = await findAttachment(db, 'a-big', 'f-2');
    if (!f2) throw new Error('missing');
    await deleteAttachment(db, f2);
    expect(await countBlobs(db)).toBe(0);
    expect(await findAttachment(db, 'a-b', 'f-2')).toBeUndefined();
  });

  it('the database itself refuses changes to a final assessment, its answers and attachments', async () => {
    const { db } = get().store;
    await insertAssessment(db, assessment('a-final'), EMPTY, [answer('a-final', 1, { verdict: 'pass' })]);
    await storeBlob(db, 'sha-2', Buffer.from('evidence'));
    const file = {
      id: 'f-final',
      assessment_id: 'a-final',
      requirement_id: 'req-1',
      sha256: 'sha-2',
      filename: 'e.txt',
      media_type: 'text/plain',
      size: 8,
      uploaded_by: null,
      created_at: T0,
    };
    await insertAttachments(db, [file]);
    // Final needs its hash and time (CHECK), then nothing changes any more.
    await expect(db.updateTable('assessments').set({ status: 'final' }).where('id', '=', 'a-final').execute()).rejects.toThrow();
    await db
      .updateTable('assessments')
      .set({ status: 'final', finalised_at: T0, content_hash: 'c'.repeat(64) })
      .where('id', '=', 'a-final')
      .execute();

    await expect(db.updateTable('assessment_answers').set({ verdict: 'fail' }).where('assessment_id', '=', 'a-final').execute()).rejects.toThrow(/read-only/);
    await expect(db.deleteFrom('assessment_answers').where('assessment_id', '=', 'a-final').execute()).rejects.toThrow(/read-only/);
    await expect(db.insertInto('assessment_answers').values(answer('a-final', 2)).execute()).rejects.toThrow(/read-only/);
    await expect(db.deleteFrom('assessment_attachments').where('id', '=', 'f-final').execute()).rejects.toThrow(/read-only/);
    await expect(insertAttachments(db, [{ ...file, id: 'f-late' }])).rejects.toThrow(/read-only/);
    await expect(db.updateTable('assessments').set({ title: 'rewritten' }).where('id', '=', 'a-final').execute()).rejects.toThrow(/read-only/);
    await expect(db.deleteFrom('assessments').where('id', '=', 'a-final').execute()).rejects.toThrow(/read-only/);
    expect(await updateAssessmentIfCurrent(db, 'a-final', 1, { title: 'x' })).toBe(false);
    expect(await touchAssessment(db, 'a-final', T0, true)).toBe(false);
    expect((await findAnswer(db, 'a-final', 'req-1'))?.verdict).toBe('pass');
    expect((await findAssessment(db, 'a-final'))?.title).toBe('診断 a-final');
  });
});
