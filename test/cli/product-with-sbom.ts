import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { uploadSbom } from '../../src/services/sboms.service.js';
import { migrate, openStore } from '../../src/store/database.js';
import { insertOrganisation, insertProduct } from '../../src/store/organisations.repository.js';
import { insertProductVersion } from '../../src/store/product-versions.repository.js';
import { testConfig } from '../helpers/test-config.js';

/**
 * Writes into the SQLite store of the CLI's data folder: organisation
 * `org-<key>`, its product `prod-<key>` with version 1.0, and the SBOM in the
 * file `bom` uploaded to that version (as an admin), for `export vex` to read.
 */
export async function productWithSbom(dataDir: string, key: string, bom: string): Promise<void> {
  const store = openStore({ sqliteFile: join(dataDir, 'tebiki.sqlite') });
  await migrate(store);
  const T0 = '2026-03-01T09:00:00.000Z';
  await insertOrganisation(store.db, { id: `org-${key}`, name: `${key.toUpperCase()} KK`, created_at: T0 });
  await insertProduct(store.db, { id: `prod-${key}`, organisation_id: `org-${key}`, name: 'Hub', model: null, description: null, created_at: T0 });
  await insertProductVersion(store.db, { id: `pv-${key}`, product_id: `prod-${key}`, version: '1.0', release_date: null, support_end: null, created_at: T0 });
  const admin = { kind: 'user', userId: 'admin', role: 'admin', organisationId: null } as const;
  await uploadSbom({ store, config: testConfig(), now: () => new Date() }, admin, `prod-${key}`, '1.0', {
    filename: 'bom.json',
    bytes: readFileSync(bom),
  });
  await store.close();
}
