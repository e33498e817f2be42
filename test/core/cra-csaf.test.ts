/** CSAF 2.0 from a case and from a triage: both profiles pass the validator's strict schema and mandatory tests. */
import { describe, expect, it } from 'vitest';
import { buildCsaf, type CsafInput } from '../../src/core/cra/csaf.js';
import { csafMandatoryProblems } from '../../src/reports/csaf-validate.js';

const base: Omit<CsafInput, 'profile' | 'vulnerabilities'> = {
  trackingId: 'TEBIKI-CRA-2026-0001',
  title: 'Gateway: actively exploited vulnerability',
  lang: 'en',
  publisher: { name: 'Example Maker', namespace: 'https://maker.example' },
  vendor: 'Example Maker',
  product: 'Home Gateway',
  versions: [
    { id: 'v1', version: '1.0.0' },
    { id: 'v2', version: '1.1.0' },
    { id: 'v3', version: '2.0.0' },
  ],
  at: '2026-11-06T23:30:00.000Z',
};

describe('CSAF 2.0 export', () => {
  it('a security advisory of an exploited vulnerability with a fix passes the mandatory tests', async () => {
    const doc = buildCsaf({
      ...base,
      profile: 'csaf_security_advisory',
      vulnerabilities: [
        {
          id: 'CVE-2026-12345',
          aliases: ['GHSA-abcd-efgh-ijkl'],
          summary: 'Command injection in the web UI',
          exploited: true,
          statuses: [
            { versionId: 'v1', status: 'known_affected' },
            { versionId: 'v2', status: 'known_affected' },
            { versionId: 'v3', status: 'fixed' },
          ],
          remedy: { category: 'vendor_fix', details: 'Update to 2.0.0', url: 'https://maker.example/fw' },
        },
      ],
    });
    expect(await csafMandatoryProblems(doc)).toEqual([]);
    expect(doc).toMatchObject({ document: { category: 'csaf_security_advisory', csaf_version: '2.0' } });
  });

  it('a VEX with affected, not affected and under investigation passes; no fix yet is said so', async () => {
    const doc = buildCsaf({
      ...base,
      profile: 'csaf_vex',
      vulnerabilities: [
        {
          id: 'GHSA-wxyz-1234-5678',
          aliases: [],
          summary: 'Heap overflow in the MQTT client',
          exploited: false,
          statuses: [
            { versionId: 'v1', status: 'known_affected' },
            { versionId: 'v2', status: 'known_not_affected', justification: 'vulnerable_code_not_in_execute_path' },
            { versionId: 'v3', status: 'under_investigation' },
          ],
          remedy: null,
        },
      ],
    });
    expect(await csafMandatoryProblems(doc)).toEqual([]);
    const vuln = (doc.vulnerabilities as { remediations: { category: string }[] }[])[0];
    expect(vuln?.remediations[0]?.category).toBe('none_available');
  });

  it('the validator does reject a broken document (the test would notice a regression)', async () => {
    const doc = buildCsaf({ ...base, profile: 'csaf_vex', vulnerabilities: [] });
    const problems = await csafMandatoryProblems({
      ...doc,
      vulnerabilities: [{ notes: [{ category: 'description', text: 'x' }], product_status: { known_affected: ['NOPE'] } }],
    });
    expect(problems.map((p) => p.test)).toEqual(expect.arrayContaining(['mandatoryTest_6_1_1']));
  });
});
