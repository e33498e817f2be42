import { expect, it } from 'vitest';
import type { Actor } from '../../src/core/authorization.js';
import type { Requirement } from '../../src/core/model/edition.schema.js';
import type { ServiceContext } from '../../src/services/context.js';
import { draftItem, updateDraftItem } from '../../src/services/draft-items.service.js';
import { draftDiff, openDraft } from '../../src/services/drafts.service.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { storeImportedStandard } from '../../src/services/imported-standards.service.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { node, standard } from '../helpers/mini-edition.js';
import { testConfig } from '../helpers/test-config.js';

const editor: Actor = { kind: 'user', userId: 'editor-1', role: 'editor', organisationId: null };

describeEachDatabase('drafts: imported standards and the coverage change', (get) => {
  it('a standard imported into the database joins a new draft, can be mapped to there, and the diff shows the coverage change', async () => {
    const ctx: ServiceContext = { store: get().store, config: testConfig(), now: () => new Date('2026-12-01T00:00:00Z') };
    await importBundledEdition(ctx);
    await storeImportedStandard(ctx, { kind: 'anonymous' }, standard('imported-std', [node('X-1', 'requirement'), node('X-2', 'requirement')]), 'test.json');
    await openDraft(ctx, editor, { id: '2026.3', title: { ja: '草案', en: 'Draft' } });

    const current = await draftItem(ctx, editor, '2026.3', 'requirement', 'design-auth-user-authentication');
    const requirement = (current as { requirement: Requirement }).requirement;
    const mapped: Requirement = {
      ...requirement,
      mappings: [
        ...requirement.mappings,
        { standard: 'imported-std', requirement: 'X-1', relationship: 'equivalent-to', rationale: { ja: '同じ結果', en: 'same outcome' } },
      ],
    };
    await updateDraftItem(ctx, editor, '2026.3', 'requirement', requirement.id, mapped, current.version);

    const diff = await draftDiff(ctx, editor, '2026.3');
    const change = diff.coverage.find((c) => c.standard === 'imported-std');
    expect(change?.before).toBeNull();
    expect(change?.after).toMatchObject({ total: 2, covered: 1, gap: 1 });
    expect(change?.changed).toEqual([
      { id: 'X-1', from: null, to: 'covered' },
      { id: 'X-2', from: null, to: 'gap' },
    ]);
    expect(diff.coverage.filter((c) => c.standard !== 'imported-std').every((c) => c.changed.length === 0)).toBe(true);
  });
});
