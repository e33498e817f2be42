import { insertEdition } from '../../src/store/editions.repository.js';

/** The moment every hand-written row is created at. */
export const T0 = '2026-03-01T09:00:00.000Z';

/** Edition `ed-1`: published, placeholder content, for rows that must point at an edition. */
export async function insertPlaceholderEdition(db: Parameters<typeof insertEdition>[0]): Promise<void> {
  await insertEdition(db, {
    id: 'ed-1',
    title_ja: '版',
    title_en: 'Ed',
    status: 'published',
    edition_date: '2026-01-01',
    content_hash: 'h',
    content: '{}',
    created_at: T0,
  });
}
