import { existsSync } from 'node:fs';
import type { AttachedCatalog } from '../core/attached-text/attached-text.js';
import type { Edition } from '../core/model/edition.schema.js';
import { attachedCatalogsOf } from '../services/attached-texts.service.js';
import { loadConfig } from '../config/config.js';
import { sqliteFileOf } from '../config/store-location.js';
import { withStore } from '../services/operator-store.js';

/**
 * The publisher's text attached in the database (`import oscal --attach-to`) for
 * the edition's standards that allow showing it; none when there is no database.
 */
export async function attachedCatalogsFromDatabase(edition: Edition): Promise<AttachedCatalog[]> {
  const config = loadConfig();
  if (!config.databaseUrl && !existsSync(sqliteFileOf(config))) return [];
  return withStore((store) => attachedCatalogsOf({ store, config, now: () => new Date() }, edition));
}
