import { expect, it } from 'vitest';
import type { Actor } from '../../src/core/authorization.js';
import { SBOM_MAX_BYTES } from '../../src/core/sbom/sbom.types.js';
import { OsvRecord } from '../../src/core/vulnerability/osv.schema.js';
import { cyclonedxValidator } from '../../src/sbom/json-schema-validator.js';
import type { ServiceContext } from '../../src/services/context.js';
import { inbox } from '../../src/services/notifications.service.js';
import {
  changeSeverityThreshold,
  exportVex,
  sbomFindings,
  sbomOverview,
  severityThreshold,
  triageVulnerability,
  uploadSbom,
  versionVulnerabilities,
} from '../../src/services/sboms.service.js';
import { rematchAllSboms } from '../../src/services/sbom-rematch.service.js';
import { importOsvRecords } from '../../src/services/vulnerability-data.service.js';
import { insertOrganisation, insertProduct } from '../../src/store/organisations.repository.js';
import { insertProductVersion } from '../../src/store/product-versions.repository.js';
import { insertUser } from '../../src/store/users.repository.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { openVexValidator } from '../helpers/openvex-schema.js';
import { importOsvSet, osvRecord } from '../helpers/osv-fixtures.js';
import { bytes, cyclonedxJson } from '../helpers/sbom-fixtures.js';
import { testConfig } from '../helpers/test-config.js';

const T0 = '2026-03-01T09:00:00.000Z';
const memberA: Actor = { kind: 'user', userId: 'u-a', role: 'member', organisationId: 'org-a' };
const memberB: Actor = { kind: 'user', userId: 'u-b', role: 'member', organisationId: 'org-b' };
const assessor: Actor = { kind: 'user', userId: 'u-as', role: 'assessor', organisationId: null };

describeEachDatabase('SBOMs per product version, triage and VEX', (get) => {
  const ctx = (): ServiceContext => ({ store: get().store, config: testConfig(), now: () => new Date('2026-03-02T10:00:00Z') });

  it('set-up: two organisations, a product version, OSV records', async () => {
    const db = get().store.db;
    for (const [org, user] of [
      ['org-a', 'u-a'],
      ['org-b', 'u-b'],
    ] as const) {
      await insertOrganisation(db, { id: org, name: org === 'org-a' ? 'Example Devices KK' : 'Other KK', created_at: T0 });
      await insertUser(db, {
        id: user,
        email: `${user}@x.test`,
        display_name: user,
        password_hash: 'x',
        role: 'member',
        organisation_id: org,
        disabled: 0,
        created_at: T0,
      });
    }
    await insertProduct(db, { id: 'prod-a', organisation_id: 'org-a', name: 'Gateway', model: null, description: null, created_at: T0 });
    await insertProductVersion(db, { id: 'pv-a', product_id: 'prod-a', version: '2.1.0', release_date: null, support_end: null, created_at: T0 });
    await importOsvSet(ctx(), assessor);
  });

  it('a bad SBOM is refused naming the place, and nothing is stored', async () => {
    await expect(
      uploadSbom(ctx(), memberA, 'prod-a', '2.1.0', { filename: 'bom.json', bytes: bytes('{"bomFormat": "CycloneDX", "specVersion": "1.6", "compo') }),
    ).rejects.toMatchObject({
      code: 'validation-failed',
      errors: [{ path: expect.stringMatching(/^line 1, column/) }],
    });
    expect((await sbomOverview(ctx(), memberA, 'prod-a', '2.1.0')).sboms).toEqual([]);
  });

  it('malformed, wrong-format and oversized SBOMs are refused naming the place, and nothing is stored', async () => {
    const refused: [string, Uint8Array, RegExp, RegExp][] = [
      ['malformed.json', bytes('{\n  "bomFormat": "CycloneDX",\n  oops\n}'), /^line 3, column \d+$/, /./],
      ['wrong.json', bytes({ hello: 'world' }), /./, /neither CycloneDX/],
      ['wrong.csv', bytes('name,version\nlodash,1\n'), /./, /not an SBOM/],
      ['huge.json', new Uint8Array(SBOM_MAX_BYTES + 1), /^the file$/, /50 MiB/],
    ];
    for (const [filename, content, place, message] of refused) {
      await expect(uploadSbom(ctx(), memberA, 'prod-a', '2.1.0', { filename, bytes: content }), filename).rejects.toMatchObject({
        code: 'validation-failed',
        errors: [{ path: expect.stringMatching(place), message: expect.stringMatching(message) }],
      });
    }
    expect((await sbomOverview(ctx(), memberA, 'prod-a', '2.1.0')).sboms).toEqual([]);
    expect(await get().store.db.selectFrom('sbom_blobs').select('sha256').execute()).toEqual([]);
  });

  it('a member uploads an SBOM, sees its components, quality and matches; the organisation is notified', async () => {
    const up = await uploadSbom(ctx(), memberA, 'prod-a', '2.1.0', { filename: 'bom.json', bytes: bytes(cyclonedxJson('1.6')) });
    expect(up).toMatchObject({ format: 'CycloneDX', specVersion: '1.6', components: 4, newMatches: 2 });
    const overview = await sbomOverview(ctx(), memberA, 'prod-a', '2.1.0');
    expect(overview.components.map((c) => c.name)).toEqual(['lodash', 'inner-part', 'openssl', 'SoC X100']);
    expect(overview.quality?.incomplete).toBe(2);
    const { vulnerabilities } = await versionVulnerabilities(ctx(), memberA, 'prod-a', '2.1.0');
    expect(vulnerabilities.map((v) => [v.id, v.status])).toEqual([
      ['GHSA-35jh-r3h4-6jhm', null],
      ['DSA-0000-1', null],
    ]);
    const { notifications } = await inbox(ctx(), memberA);
    expect(notifications[0]).toMatchObject({ kind: 'vulnerability-matched', body: { en: 'Newly matched: GHSA-35jh-r3h4-6jhm, DSA-0000-1' } });
    expect((await inbox(ctx(), memberB)).notifications).toEqual([]);
    const again = await uploadSbom(ctx(), memberA, 'prod-a', '2.1.0', { filename: 'bom-again.json', bytes: bytes(cyclonedxJson('1.6')) });
    expect(again.newMatches).toBe(0);
  });

  it('another organisation sees none of it', async () => {
    await expect(sbomOverview(ctx(), memberB, 'prod-a', '2.1.0')).rejects.toMatchObject({ code: 'not-found' });
    await expect(versionVulnerabilities(ctx(), memberB, 'prod-a', '2.1.0')).rejects.toMatchObject({ code: 'not-found' });
    await expect(uploadSbom(ctx(), memberB, 'prod-a', '2.1.0', { filename: 'x.json', bytes: bytes(cyclonedxJson('1.6')) })).rejects.toMatchObject({
      code: 'not-found',
    });
    await expect(exportVex(ctx(), memberB, 'prod-a', '2.1.0', 'openvex')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('triage: not_affected needs a justification; decisions are audited with who and when', async () => {
    await expect(triageVulnerability(ctx(), memberA, 'prod-a', '2.1.0', 'GHSA-35jh-r3h4-6jhm', { status: 'not_affected' })).rejects.toMatchObject({
      code: 'validation-failed',
      errors: [{ path: 'justification' }],
    });
    await triageVulnerability(ctx(), memberA, 'prod-a', '2.1.0', 'GHSA-35jh-r3h4-6jhm', {
      status: 'not_affected',
      justification: 'vulnerable_code_not_in_execute_path',
      impactStatement: 'template() is never called',
    });
    await triageVulnerability(ctx(), memberA, 'prod-a', '2.1.0', 'DSA-0000-1', { status: 'affected', actionStatement: 'Update the firmware to 2.1.1' });
    const { vulnerabilities } = await versionVulnerabilities(ctx(), assessor, 'prod-a', '2.1.0');
    expect(vulnerabilities[0]).toMatchObject({ status: 'not_affected', triage: { decidedBy: 'u-a', decidedAt: '2026-03-02T10:00:00.000Z' } });
    const audit = await get().store.db.selectFrom('audit_log').select(['action', 'actor_id']).where('action', '=', 'vex.decided').execute();
    expect(audit).toHaveLength(2);
  });

  it('exports OpenVEX and CycloneDX VEX that validate against their schemas', async () => {
    const openvex = await exportVex(ctx(), memberA, 'prod-a', '2.1.0', 'openvex');
    const validateOpenVex = openVexValidator();
    expect(validateOpenVex(openvex), JSON.stringify(validateOpenVex.errors)).toBe(true);
    expect(openvex).toMatchObject({
      author: 'Example Devices KK',
      statements: [{ status: 'not_affected', justification: 'vulnerable_code_not_in_execute_path' }, { status: 'affected' }],
    });
    const cdx = await exportVex(ctx(), memberA, 'prod-a', '2.1.0', 'cyclonedx');
    const validateCdx = cyclonedxValidator('1.6');
    expect(validateCdx(cdx), JSON.stringify(validateCdx.errors)).toBe(true);
    expect((cdx.vulnerabilities as { analysis: { state: string } }[]).map((v) => v.analysis.state)).toEqual(['not_affected', 'exploitable']);
  });

  it('feeds the checks: quality fails, known vulnerabilities fail while one is affected', async () => {
    const findings = await sbomFindings(ctx(), assessor, 'prod-a', '2.1.0');
    expect(findings.map((f) => [f.check, f.verdict])).toEqual([
      ['sbom.quality', 'fail'],
      ['sbom.known-vulnerabilities', 'fail'],
    ]);
  });

  it('after a new OSV import, matching again finds and notifies only the new matches', async () => {
    await importOsvRecords(
      ctx(),
      assessor,
      [OsvRecord.parse(osvRecord('GHSA-inner', 'npm', 'inner-part', [{ introduced: '0' }, { fixed: '1.0.1' }]))],
      'later',
    );
    expect(await rematchAllSboms(ctx())).toEqual({ versions: 1, newMatches: 1, proposedCases: 0 });
    expect((await inbox(ctx(), memberA)).notifications.map((n) => n.body.en)).toContain('Newly matched: GHSA-inner');
    expect(await rematchAllSboms(ctx())).toEqual({ versions: 1, newMatches: 0, proposedCases: 0 });
  });

  it("the product's severity threshold decides which open vulnerabilities fail; another organisation cannot change it", async () => {
    expect(await severityThreshold(ctx(), memberA, 'prod-a')).toBe('high');
    await triageVulnerability(ctx(), memberA, 'prod-a', '2.1.0', 'DSA-0000-1', { status: 'fixed' });
    await triageVulnerability(ctx(), memberA, 'prod-a', '2.1.0', 'GHSA-inner', { status: 'under_investigation' });
    const verdict = async () => (await sbomFindings(ctx(), assessor, 'prod-a', '2.1.0')).find((f) => f.check === 'sbom.known-vulnerabilities')?.verdict;
    // GHSA-inner has no severity at all: unknown counts as meeting any threshold.
    expect(await verdict()).toBe('fail');
    await triageVulnerability(ctx(), memberA, 'prod-a', '2.1.0', 'GHSA-inner', { status: 'not_affected', justification: 'component_not_present' });
    expect(await verdict()).toBe('pass');
    await changeSeverityThreshold(ctx(), memberA, 'prod-a', 'critical');
    expect(await severityThreshold(ctx(), assessor, 'prod-a')).toBe('critical');
    await expect(changeSeverityThreshold(ctx(), memberB, 'prod-a', 'low')).rejects.toMatchObject({ code: 'not-found' });
  });
});
