import { beforeAll, expect, it } from 'vitest';
import type { Actor } from '../../src/core/authorization.js';
import type { Edition, Requirement } from '../../src/core/model/edition.schema.js';
import type { ServiceContext } from '../../src/services/context.js';
import {
  addRequirementToDraft,
  createDraftItem,
  deleteDraftItem,
  draftDiff,
  draftItem,
  draftOverview,
  latestDraftId,
  listDrafts,
  openDraft,
  publishDraft,
  updateDraftItem,
} from '../../src/services/drafts.service.js';
import { editionList, importBundledEdition } from '../../src/services/editions.service.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { testConfig } from '../helpers/test-config.js';

const editor: Actor = { kind: 'user', userId: 'u-editor', role: 'editor', organisationId: null };
const member: Actor = { kind: 'user', userId: 'u-member', role: 'member', organisationId: 'org' };
const title = (s: string) => ({ ja: `${s}（案）`, en: `${s} (draft)` });

describeEachDatabase('draft editions', (get) => {
  const ctx = (): ServiceContext => ({ store: get().store, config: testConfig(), now: () => new Date() });
  let baseId = '';

  const stored = async (id: string) => {
    const row = await get().store.db.selectFrom('editions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return { row, edition: JSON.parse(row.content) as Edition };
  };
  const auditCount = async () =>
    Number(
      (
        await get()
          .store.db.selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const firstRequirement = async (draftId: string) => {
    const { edition } = await stored(draftId);
    return edition.requirements[0] as Requirement;
  };

  beforeAll(async () => {
    baseId = (await importBundledEdition(ctx())).id;
  });

  it('opens a draft as a copy of the latest published edition, and only editors may', async () => {
    await expect(openDraft(ctx(), member, { id: '2026.3', title: title('2026') })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(openDraft(ctx(), { kind: 'anonymous' }, { id: '2026.3', title: title('2026') })).rejects.toMatchObject({ code: 'unauthenticated' });
    const draft = await openDraft(ctx(), editor, { id: '2026.3', title: title('2026') });
    expect(draft).toMatchObject({ id: '2026.3', baseEditionId: baseId, title: title('2026'), revision: 1 });
    const base = await stored(baseId);
    const copy = await stored('2026.3');
    expect(copy.row.status).toBe('draft');
    expect(copy.edition.requirements).toEqual(base.edition.requirements);
    expect(copy.edition.glossary).toEqual(base.edition.glossary);
    expect(copy.edition.meta).toMatchObject({ id: '2026.3', status: 'draft', title: title('2026'), changelog: base.edition.meta.changelog });
    expect(await latestDraftId(ctx())).toBe('2026.3');
    expect((await listDrafts(ctx(), editor)).drafts.map((d) => d.id)).toEqual(['2026.3']);
  });

  it('refuses an id that exists or does not look like an edition id', async () => {
    await expect(openDraft(ctx(), editor, { id: baseId, title: title('x') })).rejects.toMatchObject({ code: 'conflict' });
    await expect(openDraft(ctx(), editor, { id: '2026.3', title: title('x') })).rejects.toMatchObject({ code: 'conflict' });
    await expect(openDraft(ctx(), editor, { id: '../etc', title: title('x') })).rejects.toMatchObject({ code: 'validation-failed', errors: [{ path: 'id' }] });
  });

  it('updates a requirement with its version, and refuses a stale version without storing', async () => {
    const req = await firstRequirement('2026.3');
    const before = await draftItem(ctx(), editor, '2026.3', 'requirement', req.id);
    expect(before.version).toBe(1);
    const saved = await updateDraftItem(ctx(), editor, '2026.3', 'requirement', req.id, { ...req, title: { ...req.title, en: 'Renamed in the draft' } }, 1);
    expect(saved.version).toBe(2);
    const audits = await auditCount();
    const stale = updateDraftItem(ctx(), editor, '2026.3', 'requirement', req.id, { ...req, title: { ...req.title, en: 'Lost update' } }, 1);
    await expect(stale).rejects.toMatchObject({ code: 'conflict' });
    await expect(stale).rejects.toThrow(req.id);
    expect((await firstRequirement('2026.3')).title.en).toBe('Renamed in the draft');
    expect(await auditCount()).toBe(audits);
    // The published edition it came from is untouched.
    expect((await stored(baseId)).edition.requirements[0]?.title.en).toBe(req.title.en);
  });

  it('refuses an invalid change with every problem located, and stores nothing', async () => {
    const req = await firstRequirement('2026.3');
    const { row: beforeRow } = await stored('2026.3');
    const audits = await auditCount();
    const bad = {
      ...req,
      title: { ja: req.title.ja, en: '   ' },
      layers: [],
      terms: ['no-such-term'],
      mappings: [{ standard: 'iec-62443-4-2', requirement: 'CR 99.99', relationship: 'equivalent-to', rationale: { ja: 'x', en: 'x' } }],
    };
    // Schema problems come first (as `tebiki validate` reports a file that does not parse).
    await expect(updateDraftItem(ctx(), editor, '2026.3', 'requirement', req.id, bad, 2)).rejects.toMatchObject({
      code: 'validation-failed',
      errors: expect.arrayContaining([
        expect.objectContaining({ path: 'requirement.title.en', message: 'must not be empty' }),
        expect.objectContaining({ path: 'requirement.layers', message: 'needs at least one layer' }),
      ]),
    });
    // A schema-valid change with broken references is refused with the reference problems.
    const dangling = { ...req, terms: ['no-such-term'], mappings: bad.mappings };
    await expect(updateDraftItem(ctx(), editor, '2026.3', 'requirement', req.id, dangling, 2)).rejects.toMatchObject({
      code: 'validation-failed',
      errors: [
        expect.objectContaining({ path: 'requirement.terms[0]', message: 'glossary term "no-such-term" does not exist' }),
        expect.objectContaining({ path: 'requirement.mappings[0].requirement', message: 'mapping target "CR 99.99" does not exist in standard iec-62443-4-2' }),
      ],
    });
    const { row: afterRow } = await stored('2026.3');
    expect(afterRow.content_hash).toBe(beforeRow.content_hash);
    expect(await auditCount()).toBe(audits);
    expect((await draftItem(ctx(), editor, '2026.3', 'requirement', req.id)).version).toBe(2);
  });

  it('creates, updates and deletes glossary terms; a term still in use cannot be deleted', async () => {
    const term = { id: 'draft-test-term', term: { ja: '試験用語', en: 'Test term' }, definition: { ja: '試験のための用語。', en: 'A term for tests.' } };
    const created = await createDraftItem(ctx(), editor, '2026.3', 'term', term);
    expect(created).toMatchObject({ id: 'draft-test-term', version: 1 });
    await expect(createDraftItem(ctx(), editor, '2026.3', 'term', term)).rejects.toMatchObject({ code: 'conflict' });
    const updated = await updateDraftItem(ctx(), editor, '2026.3', 'term', term.id, { ...term, reading: 'しけんようご' }, 1);
    expect(updated.version).toBe(2);
    const used = (await stored('2026.3')).edition.requirements.find((r) => r.terms.length > 0) as Requirement;
    const usedTerm = used.terms[0] as string;
    await expect(deleteDraftItem(ctx(), editor, '2026.3', 'term', usedTerm, 1)).rejects.toMatchObject({
      code: 'validation-failed',
      errors: expect.arrayContaining([expect.objectContaining({ message: expect.stringContaining(`requirement ${used.id}`) })]),
    });
    await expect(deleteDraftItem(ctx(), editor, '2026.3', 'term', term.id, 1)).rejects.toMatchObject({ code: 'conflict' });
    await deleteDraftItem(ctx(), editor, '2026.3', 'term', term.id, 2);
    expect((await stored('2026.3')).edition.glossary.some((g) => g.id === term.id)).toBe(false);
    // Re-created under the same id it continues after the deleted one, so a stale form still conflicts.
    expect((await createDraftItem(ctx(), editor, '2026.3', 'term', term)).version).toBe(4);
  });

  it('adds a requirement for the proposals workflow, in the order its exported file would load', async () => {
    const template = await firstRequirement('2026.3');
    const requirement: Requirement = { ...template, id: 'aaa-new-planning-item', number: 'P-99.1', phases: ['planning'], mappings: [] };
    expect(await addRequirementToDraft(ctx(), editor, '2026.3', requirement)).toEqual({ id: 'aaa-new-planning-item' });
    const ids = (await stored('2026.3')).edition.requirements.map((r) => r.id);
    const planning = ids.findIndex((id) => id.startsWith('planning-') || id === 'aaa-new-planning-item');
    expect(ids[planning]).toBe('aaa-new-planning-item');
    await expect(addRequirementToDraft(ctx(), member, '2026.3', { ...requirement, id: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    const overview = await draftOverview(ctx(), editor, '2026.3');
    expect(overview.requirements.find((r) => r.id === 'aaa-new-planning-item')).toMatchObject({ number: 'P-99.1', version: 1 });
  });

  it('concurrent writes to different requirements both land; to the same version only one does', async () => {
    const { edition } = await stored('2026.3');
    const [r1, r2, r3] = edition.requirements.slice(5, 8) as [Requirement, Requirement, Requirement];
    const results = await Promise.allSettled([
      updateDraftItem(ctx(), editor, '2026.3', 'requirement', r1.id, { ...r1, title: { ...r1.title, en: 'Parallel one' } }, 1),
      updateDraftItem(ctx(), editor, '2026.3', 'requirement', r2.id, { ...r2, title: { ...r2.title, en: 'Parallel two' } }, 1),
      updateDraftItem(ctx(), editor, '2026.3', 'requirement', r3.id, { ...r3, title: { ...r3.title, en: 'Same A' } }, 1),
      updateDraftItem(ctx(), editor, '2026.3', 'requirement', r3.id, { ...r3, title: { ...r3.title, en: 'Same B' } }, 1),
    ]);
    expect(results.slice(0, 2).map((r) => r.status)).toEqual(['fulfilled', 'fulfilled']);
    expect(
      results
        .slice(2)
        .map((r) => r.status)
        .sort(),
    ).toEqual(['fulfilled', 'rejected']);
    const after = (await stored('2026.3')).edition.requirements;
    expect(after.find((r) => r.id === r1.id)?.title.en).toBe('Parallel one');
    expect(after.find((r) => r.id === r2.id)?.title.en).toBe('Parallel two');
    expect(['Same A', 'Same B']).toContain(after.find((r) => r.id === r3.id)?.title.en);
  });

  it('the diff shows the draft changes against the edition it was opened from', async () => {
    const diff = await draftDiff(ctx(), editor, '2026.3');
    expect(diff.from.id).toBe(baseId);
    expect(diff.requirements.added.map((r) => r.id)).toEqual(['aaa-new-planning-item']);
    expect(
      diff.requirements.changed.find((c) => c.fields.some((f) => f.field === 'title' && (f.after as { en: string }).en === 'Renamed in the draft')),
    ).toBeDefined();
    expect(diff.glossary.added.map((g) => g.id)).toEqual(['draft-test-term']);
  });

  it('publishes: a new immutable edition becomes current, the old one is unchanged', async () => {
    const base = await stored(baseId);
    const { revision } = await draftDiff(ctx(), editor, '2026.3');
    await expect(publishDraft(ctx(), editor, '2026.3', { changelog: title('changes'), revision: revision - 1 })).rejects.toMatchObject({ code: 'conflict' });
    const published = await publishDraft(ctx(), editor, '2026.3', { changelog: title('changes'), revision });
    expect(published.edition).toMatchObject({ id: '2026.3', status: 'published' });
    const row = await stored('2026.3');
    expect(row.row.status).toBe('published');
    expect(row.edition.meta.changelog[0]).toEqual({ date: published.edition.date, text: title('changes') });
    expect(row.edition.meta.changelog.slice(1)).toEqual(base.edition.meta.changelog);
    expect((await editionList(ctx(), editor)).current).toBe('2026.3');
    expect((await stored(baseId)).row.content_hash).toBe(base.row.content_hash);
    // Immutable from now on: the service refuses, and so does the database.
    const req = row.edition.requirements[0] as Requirement;
    await expect(updateDraftItem(ctx(), editor, '2026.3', 'requirement', req.id, req, 2)).rejects.toMatchObject({ code: 'immutable' });
    await expect(get().store.db.updateTable('editions').set({ title_en: 'x' }).where('id', '=', '2026.3').execute()).rejects.toThrow(/immutable/);
    expect(await latestDraftId(ctx())).toBeNull();
  });

  it('every change above is in the audit log', async () => {
    const actions = (await get().store.db.selectFrom('audit_log').select('action').execute()).map((r) => r.action);
    for (const a of [
      'draft.opened',
      'draft.requirement-updated',
      'draft.requirement-created',
      'draft.term-created',
      'draft.term-updated',
      'draft.term-deleted',
      'draft.published',
    ]) {
      expect(actions, a).toContain(a);
    }
  });
});
