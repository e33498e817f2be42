import { join } from 'node:path';
import type { Actor } from '../../src/core/authorization.js';
import { OsvRecord } from '../../src/core/vulnerability/osv.schema.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importOsvRecords } from '../../src/services/vulnerability-data.service.js';
import { migrate, openStore } from '../../src/store/database.js';
import { testConfig } from './test-config.js';

/** OSV records written for the tests. */
export function osvRecord(id: string, ecosystem: string, name: string, events: object[], extra: Record<string, unknown> = {}) {
  return {
    schema_version: '1.6.0',
    id,
    modified: '2026-01-10T00:00:00Z',
    published: '2025-12-01T00:00:00Z',
    summary: `test advisory ${id}`,
    affected: [{ package: { ecosystem, name }, ranges: [{ type: 'ECOSYSTEM', events }] }],
    ...extra,
  };
}

/** lodash 4.17.20 is affected (high, CVE alias); openssl in Debian 12 too (no score); nothing else. */
export function osvSet() {
  return [
    osvRecord('GHSA-35jh-r3h4-6jhm', 'npm', 'lodash', [{ introduced: '0' }, { fixed: '4.17.21' }], {
      aliases: ['CVE-2021-23337'],
      severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }],
    }),
    osvRecord('DSA-0000-1', 'Debian:12', 'openssl', [{ introduced: '0' }, { fixed: '3.0.11-1~deb12u2' }], { aliases: ['CVE-2023-5678'] }),
    osvRecord('GHSA-unrelated', 'npm', 'left-pad', [{ introduced: '0' }]),
  ];
}

/** Stores osvSet() as `tebiki import osv` does, from the source `fixtures`. */
export async function importOsvSet(ctx: ServiceContext, actor: Actor = { kind: 'anonymous' }): Promise<void> {
  await importOsvRecords(
    ctx,
    actor,
    osvSet().map((r) => OsvRecord.parse(r)),
    'fixtures',
  );
}

/** The same into the SQLite store of a server's data folder (the server started elsewhere, e.g. as its own process). */
export async function importOsvSetIntoDataDir(dataDir: string): Promise<void> {
  const store = openStore({ sqliteFile: join(dataDir, 'tebiki.sqlite') });
  await migrate(store);
  await importOsvSet({ store, config: testConfig(), now: () => new Date() });
  await store.close();
}
