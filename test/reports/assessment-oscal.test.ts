import { describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/content/oscal/oscal-ids.js';
import { assessmentResultsOscal } from '../../src/reports/assessment/assessment-oscal.js';
import { oscalValidator } from '../helpers/oscal-schema.js';
import { sharedAvailable } from '../helpers/shared-reference.js';
import { finalData, HOSTILE, hostileData, reportData } from './assessment-fixtures.js';

interface Prop {
  name: string;
  value: string;
  ns?: string;
  class?: string;
}
interface Doc {
  uuid: string;
  metadata: { title: string; 'oscal-version': string; props: Prop[]; parties: { uuid: string; type: string; name: string }[] };
  'import-ap': { href: string };
  results: {
    'reviewed-controls': { 'control-selections': { 'include-controls': { 'control-id': string }[] }[] };
    observations: {
      uuid: string;
      title: string;
      description: string;
      props: Prop[];
      methods: string[];
      remarks?: string;
      'relevant-evidence'?: { href: string; description: string }[];
    }[];
    findings: {
      uuid: string;
      props: Prop[];
      target: { type: string; 'target-id': string; status: { state: string } };
      'related-observations': { 'observation-uuid': string }[];
    }[];
    props: Prop[];
  }[];
  'back-matter': { resources: { uuid: string; rlinks: { href: string; hashes: { algorithm: string; value: string }[] }[] }[] };
}
const docOf = (x: { 'assessment-results': Record<string, unknown> }) => x['assessment-results'] as unknown as Doc;
const prop = (props: Prop[], name: string) => props.find((p) => p.name === name)?.value;

describe.skipIf(!sharedAvailable())('assessmentResultsOscal', () => {
  const validate = oscalValidator('assessment-results');

  it('validates against NIST OSCAL 1.2.1 assessment-results (draft, final and hostile text)', () => {
    for (const data of [reportData(), finalData(), hostileData()]) {
      const result = validate(assessmentResultsOscal(data));
      expect(result.errors).toEqual([]);
      expect(result.ok).toBe(true);
    }
  });

  it('the validator is live: a broken document fails', () => {
    const doc = assessmentResultsOscal(reportData());
    const broken = structuredClone(doc) as unknown as { 'assessment-results': Doc };
    const finding = broken['assessment-results'].results[0]?.findings[0];
    if (!finding) throw new Error('fixture has findings');
    finding.target.status.state = 'passed';
    expect(validate(broken).ok).toBe(false);
    const noResults = structuredClone(doc) as { 'assessment-results': Record<string, unknown> };
    delete noResults['assessment-results'].results;
    expect(validate(noResults).ok).toBe(false);
  });

  it('lists every checked item as a control and gives findings for pass, partial and fail only', () => {
    const doc = docOf(assessmentResultsOscal(reportData()));
    expect(doc.metadata['oscal-version']).toBe('1.2.1');
    expect(doc['import-ap'].href).toBe('urn:tebiki:assessment-plan:asm-0001');
    const r = doc.results[0];
    if (!r) throw new Error('one result');
    expect(r['reviewed-controls']['control-selections'][0]?.['include-controls'].map((c) => c['control-id'])).toEqual([
      'user-authentication',
      'secure-update',
      'log-retention',
      'debug-port',
      'open-item',
    ]);
    const findings = r.findings.map((f) => [f.target['target-id'], f.target.type, f.target.status.state, prop(f.props, 'verdict')]);
    expect(findings).toEqual([
      ['user-authentication', 'objective-id', 'satisfied', 'pass'],
      ['secure-update', 'objective-id', 'not-satisfied', 'fail'],
      ['log-retention', 'objective-id', 'not-satisfied', 'partial'],
    ]);
    // Each finding points at the observation of its item.
    for (const f of r.findings) expect(r.observations.map((o) => o.uuid)).toContain(f['related-observations'][0]?.['observation-uuid']);
    // Every item has an observation with its verdict; not-applicable carries its reason.
    expect(r.observations.map((o) => prop(o.props, 'verdict'))).toEqual(['pass', 'fail', 'partial', 'not-applicable', 'unassessed']);
    const [auth, update, log, debug] = r.observations;
    expect(auth?.description).toBe('パスワード方針を設計書で確認した。\n2行目');
    expect(auth?.methods).toEqual(['TEST', 'EXAMINE']);
    expect(debug?.remarks).toBe('デバッグポートを持たない');
    expect(prop(update?.props ?? [], 'defect-kind')).toBe('unclear');
    expect(prop(log?.props ?? [], 'review')).toBe('changed');
    expect(prop(log?.props ?? [], 'previous-verdict')).toBe('pass');
    expect(auth?.props.every((p) => p.name === 'verdict' || p.ns === 'urn:tebiki:oscal')).toBe(true);
    // The attachment: relevant evidence → back-matter resource with the SHA-256.
    const evidence = auth?.['relevant-evidence']?.[0];
    expect(evidence?.description).toContain('設計書.pdf (204800 bytes, SHA-256 a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00)');
    const resource = doc['back-matter'].resources.find((x) => `#${x.uuid}` === evidence?.href);
    expect(resource?.rlinks[0]?.hashes[0]).toEqual({ algorithm: 'SHA-256', value: 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00' });
    expect(resource?.rlinks[0]?.href).toBe('/api/assessments/asm-0001/attachments/att-1');
    // Organisation and assessor as parties.
    expect(doc.metadata.parties.map((p) => [p.type, p.name])).toEqual([
      ['organization', '株式会社テスト'],
      ['person', '診断 花子'],
    ]);
  });

  it('final: the content hash travels in the metadata', () => {
    const doc = docOf(assessmentResultsOscal(finalData()));
    expect(prop(doc.metadata.props, 'content-hash')).toBe(finalData().assessment.contentHash);
    expect(prop(doc.metadata.props, 'assessment-status')).toBe('final');
  });

  it('is deterministic: uuids derive from the assessment and item, not from the time of export', () => {
    const a = assessmentResultsOscal(reportData());
    const b = assessmentResultsOscal({ ...reportData(), generatedAt: '2030-01-01T00:00:00.000Z' });
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
    const doc = docOf(a);
    expect(doc.uuid).toBe(stableUuid('assessment:asm-0001:assessment-results'));
    expect(doc.results[0]?.observations[0]?.uuid).toBe(stableUuid('assessment:asm-0001:observation:user-authentication'));
    // Another assessment gets other uuids.
    const other = docOf(assessmentResultsOscal(reportData({ id: 'asm-0002' })));
    expect(other.uuid).not.toBe(doc.uuid);
    expect(other.results[0]?.findings[0]?.uuid).not.toBe(doc.results[0]?.findings[0]?.uuid);
  });

  it('hostile text stays text: markup fields get character references', () => {
    const doc = docOf(assessmentResultsOscal(hostileData()));
    const r = doc.results[0];
    for (const o of r?.observations ?? []) {
      expect(`${o.title} ${o.description} ${o.remarks ?? ''}`).not.toContain('<');
      for (const e of o['relevant-evidence'] ?? []) expect(e.description).not.toContain('<');
    }
    expect(doc.metadata.title).toBe('&lt;script&gt;alert("x")&lt;/script&gt; title');
    expect(doc.results[0]?.observations[0]?.description).toBe('&lt;script&gt;alert("x")&lt;/script&gt; evidence');
    // Plain-string fields (party names) keep the text as is: they are not markup.
    expect(doc.metadata.parties[0]?.name).toBe(`${HOSTILE} corp`);
  });
});
