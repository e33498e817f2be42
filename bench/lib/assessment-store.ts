import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config/config.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { generateChecksheet } from '../../src/core/assessment/checksheet.js';
import type { ChecksheetItem } from '../../src/core/assessment/checksheet.types.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importEdition } from '../../src/services/editions.service.js';
import type { AnswerRow, AssessmentRow } from '../../src/store/assessments.repository.js';
import { migrate, openStore } from '../../src/store/database.js';
import { insertOrganisation, insertProduct } from '../../src/store/organisations.repository.js';
import { assessmentRow, blankAnswerRow } from '../../test/helpers/assessment-rows.js';
import { bundledEdition } from '../../test/helpers/bundled-edition.js';
import { scaled } from './editions.js';

/** The checksheet every bench assessment is of: no layer, phase, profile or target chosen. */
const SPEC = { layers: [], phases: [], profile: null, target: null };

/**
 * A SQLite store in a new temporary folder, migrated, holding the bundled edition
 * repeated until it has at least `itemCount` items (imported as edition 2099.1),
 * organisation `org` and its product `prod`; `items` is the checksheet of all of it.
 */
export async function assessmentBenchStore(folderPrefix: string, itemCount: number) {
  const dir = mkdtempSync(join(tmpdir(), folderPrefix));
  const store = openStore({ sqliteFile: join(dir, 'tebiki.sqlite') });
  await migrate(store);
  const config = { ...loadConfig({}), dataDir: dir, logLevel: 'silent' as const, contentDir: defaultContentDir() };
  const ctx: ServiceContext = { store, config, now: () => new Date() };
  const bundled = bundledEdition();
  const edition = scaled(bundled, Math.ceil(itemCount / bundled.requirements.length));
  edition.meta = { ...edition.meta, id: '2099.1' };
  await importEdition(ctx, { kind: 'anonymous' }, edition);
  const items = generateChecksheet(edition, SPEC).items;
  const at = new Date().toISOString();
  await insertOrganisation(store.db, { id: 'org', name: 'Bench 株式会社', created_at: at });
  await insertProduct(store.db, { id: 'prod', organisation_id: 'org', name: 'Gateway', model: null, description: null, created_at: at });
  return { dir, store, ctx, items, at };
}

/** An in-progress assessment of product `prod` on edition 2099.1. */
export function benchAssessmentRow(id: string, title: string, itemsHash: string, at: string): AssessmentRow {
  return assessmentRow({
    id,
    organisation_id: 'org',
    product_id: 'prod',
    edition_id: '2099.1',
    title,
    spec: JSON.stringify(SPEC),
    items_hash: itemsHash,
    status: 'in-progress',
    created_at: at,
  });
}

/** The answer to one item: evidence for every verdict given, a reason for not applicable. */
export function benchAnswerRow(assessmentId: string, item: ChecksheetItem, verdict: string, at: string): AnswerRow {
  const blank = blankAnswerRow(assessmentId, item.requirementId, item.no);
  if (verdict === 'unassessed') return blank;
  return {
    ...blank,
    verdict,
    evidence: '確認済み',
    comment: verdict === 'not-applicable' ? '対象機能なし' : '',
    updated_at: at,
    version: 1,
  };
}
