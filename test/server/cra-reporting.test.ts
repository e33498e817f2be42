/**
 * CRA reporting cases under a controlled clock (awareness 23:30 on a Friday, a
 * corrective measure on day 3, a missed deadline): escalations received by a
 * real SMTP server on loopback, drills kept apart, another organisation sees nothing.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BLANK_REPORT_FIELDS } from '../../src/core/cra/report-fields.js';
import { closePdfBrowser } from '../../src/reports/pdf-browser.js';
import { changeAwareness, closeCase, craDashboard, getCase, openCase, proposeKevCase, recordCorrective } from '../../src/services/cra-cases.service.js';
import { craSweep } from '../../src/services/cra-escalation.service.js';
import { craEvidence } from '../../src/services/cra-evidence.service.js';
import { markReportSent, saveReportDraft } from '../../src/services/cra-reports.service.js';
import { csafMandatoryProblems } from '../../src/reports/csaf-validate.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { mailText } from '../helpers/smtp-sink.js';
import { craPlatform } from './cra.fixture.js';

// 11 December 2026 is a Friday.
const FRI_2330 = '2026-12-11T23:30:00.000Z';
const SAT_1130 = '2026-12-12T11:30:00.000Z';
const SAT_2331 = '2026-12-12T23:31:00.000Z';
const MON_1000 = '2026-12-14T10:00:00.000Z';

const fields = (over: Record<string, unknown> = {}) => ({ ...BLANK_REPORT_FIELDS, ...over });

describeEachDatabase('CRA reporting cases', (get) => {
  let p: Awaited<ReturnType<typeof craPlatform>>;
  let caseId: string;
  beforeAll(async () => {
    p = await craPlatform(get().store);
  });
  afterAll(async () => {
    await p.close();
    await closePdfBrowser();
  });
  const input = (over: Record<string, unknown> = {}) => ({
    productId: p.product,
    kind: 'vulnerability' as const,
    drill: false,
    title: 'Command injection in the web UI',
    vulnerabilityId: 'CVE-2026-12345',
    aliases: ['GHSA-abcd-efgh-ijkl'],
    versionIds: [p.v1, p.v2],
    memberStates: ['DE' as const, 'FR' as const],
    awareAt: null,
    decision: { checked: [0], note: 'exploit seen in the wild' },
    ...over,
  });

  it('refuses a case for a product without a reporting owner, naming the place, and writes nothing', async () => {
    const r = await p.reporter.client.request('POST', '/api/cra/cases', { ...input(), productId: p.bare, versionIds: [p.bareV] });
    expect(r.statusCode, r.body).toBe(400);
    expect(r.json().errors).toContainEqual({ path: 'productId', message: expect.stringContaining('no reporting owner'), code: expect.any(String) });
    const bad = await p.reporter.client.request('POST', '/api/cra/cases', { ...input(), versionIds: [p.bareV], memberStates: ['XX'] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain('body.memberStates.0');
    expect(await get().store.db.selectFrom('cra_cases').select('id').execute()).toEqual([]);
  });

  it('opens a case at 23:30 on a Friday: the 24 h clock runs, the criteria are recorded, owner and deputy are told at once (inbox and mail)', async () => {
    const crit = await p.manager.client.request('POST', `/api/organisations/${p.orgA}/cra/criteria`, {
      kind: 'exploited',
      items: [
        { ja: '公開された攻撃コードがある', en: 'A public exploit exists' },
        { ja: 'KEV に掲載', en: 'Listed in KEV' },
      ],
    });
    expect(crit.statusCode, crit.body).toBe(201);
    expect(crit.json().version).toBe(1);
    const view = await openCase(p.at(FRI_2330), p.reporter.actor, input());
    caseId = view.id;
    expect(view.awareAt).toBe(FRI_2330);
    expect(view.clocks.map((c) => [c.stage, c.dueAt, c.state])).toEqual([
      ['early-warning', '2026-12-12T23:30:00.000Z', 'open'],
      ['notification', '2026-12-14T23:30:00.000Z', 'open'],
      ['final', null, 'waiting'],
    ]);
    expect(view.criteria?.version).toBe(1);
    expect(view.decision).toEqual({ checked: [0], note: 'exploit seen in the wild' });
    for (const who of [p.owner, p.deputy]) {
      const box = (await who.client.request('GET', '/api/notifications')).json();
      expect(box.notifications[0]).toMatchObject({ kind: 'cra-case', link: `/cra/cases/${caseId}` });
    }
    const mail = await p.smtp.next((m) => m.to.includes('owner@a.test') && mailText(m).includes(`/cra/cases/${caseId}`));
    expect(mailText(mail)).toContain('2026-12-12T23:30:00.000Z');
  });

  it('escalates at 12 h left and when missed, each notice once, managers included when missed', async () => {
    expect(await craSweep(p.ctx, new Date('2026-12-12T11:29:00.000Z'))).toBe(0);
    expect(await craSweep(p.ctx, new Date(SAT_1130))).toBe(1);
    expect(await craSweep(p.ctx, new Date(SAT_1130))).toBe(0);
    await p.smtp.next((m) => m.to.includes('deputy@a.test') && mailText(m).includes('提出を済ませ'));
    expect(await craSweep(p.ctx, new Date(SAT_2331))).toBe(1);
    expect(await craSweep(p.ctx, new Date(SAT_2331))).toBe(0);
    const missed = await p.smtp.next((m) => m.to.includes('manager@a.test') && mailText(m).includes('期限を過ぎました'));
    expect(mailText(missed)).toContain(`/cra/cases/${caseId}`);
    const rows = await get()
      .store.db.selectFrom('cra_escalations')
      .select(['stage', 'threshold'])
      .where('case_id', '=', caseId)
      .orderBy('created_at')
      .execute();
    expect(rows).toEqual([
      { stage: 'early-warning', threshold: 'left-12h' },
      { stage: 'early-warning', threshold: 'missed' },
    ]);
    // The missed deadline stands out and fails the cra.reporting check.
    const board = await craDashboard(p.at(SAT_2331), p.owner.actor, { drill: false });
    expect(board[0]).toMatchObject({ id: caseId, urgent: { stage: 'early-warning', state: 'overdue' } });
    const evidence = await craEvidence(p.at(SAT_2331), p.owner.actor, p.product);
    expect(evidence.finding).toMatchObject({ check: 'cra.reporting', verdict: 'fail', source: 'cra' });
    expect(evidence.suggestions).toContainEqual(expect.objectContaining({ requirement: 'ops-vuln-authority-reporting', verdict: 'fail' }));
  });

  it('reports in order, marked sent by a person; a corrective measure on day 3 puts the final report 14 days later', async () => {
    const early = p.at('2026-12-13T00:10:00.000Z');
    await expect(markReportSent(early, p.reporter.actor, caseId, 'notification', { sentAt: null })).rejects.toMatchObject({
      code: 'validation-failed',
      errors: expect.arrayContaining([expect.objectContaining({ path: 'stage', code: 'earlier-report-unsent' })]),
    });
    await saveReportDraft(early, p.reporter.actor, caseId, 'early-warning', fields({ sensitive: true }));
    const sent = await markReportSent(early, p.reporter.actor, caseId, 'early-warning', { sentAt: null });
    expect(sent.clocks[0]).toMatchObject({ state: 'sent', sentAt: '2026-12-13T00:10:00.000Z' });
    await expect(saveReportDraft(early, p.reporter.actor, caseId, 'early-warning', fields())).rejects.toMatchObject({ code: 'conflict' });
    const mon = p.at(MON_1000);
    await expect(markReportSent(mon, p.reporter.actor, caseId, 'notification', { sentAt: null })).rejects.toMatchObject({
      errors: expect.arrayContaining([{ path: 'fields.nature', message: expect.any(String), code: 'required-to-send' }]),
    });
    await saveReportDraft(mon, p.reporter.actor, caseId, 'notification', fields({ nature: 'Command injection via /cgi', measures: 'Disable remote admin' }));
    await markReportSent(mon, p.reporter.actor, caseId, 'notification', { sentAt: null });
    const fixed = await recordCorrective(mon, p.reporter.actor, caseId, { at: null, text: 'Firmware 1.1.1 fixes it' });
    expect(fixed.clocks[2]).toMatchObject({ stage: 'final', dueAt: '2026-12-28T10:00:00.000Z', state: 'open' });
    expect((await craEvidence(mon, p.owner.actor, p.product)).finding.verdict).toBe('pass');

    const json = await p.reporter.client.request('GET', `/api/cra/cases/${caseId}/reports/notification/export?format=json&lang=en`);
    expect(json.statusCode, json.body).toBe(200);
    expect(json.json()).toMatchObject({
      stage: 'notification',
      product: { name: 'Home Gateway', model: 'HG-1', manufacturer: 'Maker A' },
      affectedVersions: ['1.0.0', '1.1.0'],
      memberStates: ['DE', 'FR'],
      vulnerabilityId: 'CVE-2026-12345',
      fields: { nature: 'Command injection via /cgi', measures: 'Disable remote admin' },
      sentAt: MON_1000,
      labels: { nature: 'Nature of the exploit or incident' },
    });
    const pdf = await p.reporter.client.request('GET', `/api/cra/cases/${caseId}/reports/notification/export?format=pdf&lang=ja`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const ja = await p.reporter.client.request('GET', `/api/cra/cases/${caseId}/reports/early-warning/export?format=json&lang=ja`);
    expect(ja.json()).toMatchObject({ sensitive: true, labels: { memberStates: '製品が提供されている加盟国' } });
  });

  it('downloads a CSAF advisory and VEX of the case that pass the validator', async () => {
    for (const profile of ['csaf_security_advisory', 'csaf_vex']) {
      const r = await p.reporter.client.request('GET', `/api/cra/cases/${caseId}/csaf?profile=${profile}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.headers['content-disposition']).toContain('attachment');
      expect(await csafMandatoryProblems(r.json())).toEqual([]);
    }
  });

  it('corrects the awareness time only with a reason, and the audit log keeps both times', async () => {
    const r = await p.reporter.client.request('POST', `/api/cra/cases/${caseId}/awareness`, { awareAt: '2026-12-11T22:00:00Z' });
    expect(r.statusCode).toBe(400);
    const view = await changeAwareness(p.at(MON_1000), p.reporter.actor, caseId, {
      awareAt: '2026-12-11T22:00:00Z',
      reason: 'the SOC ticket was opened at 22:00',
    });
    expect(view.clocks[0]?.dueAt).toBe('2026-12-12T22:00:00.000Z');
    const audit = await get()
      .store.db.selectFrom('audit_log')
      .select(['detail', 'actor_id'])
      .where('action', '=', 'cra.awareness-changed')
      .where('target_id', '=', caseId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail)).toEqual({ from: FRI_2330, to: '2026-12-11T22:00:00.000Z', reason: 'the SOC ticket was opened at 22:00' });
    expect(audit.actor_id).toBe(p.reporter.id);
  });

  it('keeps drills apart: own dashboard, marked notices, never counted by the check; closed with the time each step took', async () => {
    const drill = await openCase(p.at(FRI_2330), p.reporter.actor, input({ drill: true, title: 'Tabletop: exploited CVE' }));
    expect(drill.drill).toBe(true);
    expect((await craDashboard(p.at(SAT_2331), p.owner.actor, { drill: false })).map((c) => c.id)).not.toContain(drill.id);
    expect((await craDashboard(p.at(SAT_2331), p.owner.actor, { drill: true })).map((c) => c.id)).toEqual([drill.id]);
    expect(await craSweep(p.ctx, new Date(SAT_1130))).toBe(1);
    const notice = await p.smtp.next(
      (m) => m.to.includes('owner@a.test') && mailText(m).includes(`/cra/cases/${drill.id}`) && mailText(m).includes('提出を済ませ'),
    );
    expect(notice.raw).toMatch(/Subject:/i);
    const box = (await p.owner.client.request('GET', '/api/notifications')).json();
    expect(box.notifications.find((n: { link: string; kind: string }) => n.link === `/cra/cases/${drill.id}` && n.kind === 'cra-escalation').title.ja).toMatch(
      /^【訓練】/,
    );
    // An overdue drill does not fail the product's check.
    expect((await craEvidence(p.at('2026-12-20T00:00:00.000Z'), p.owner.actor, p.product)).finding.verdict).toBe('pass');
    const t = p.at('2026-12-12T05:30:00.000Z');
    await saveReportDraft(t, p.reporter.actor, drill.id, 'early-warning', fields());
    await markReportSent(t, p.reporter.actor, drill.id, 'early-warning', { sentAt: null });
    const closed = await closeCase(p.at('2026-12-12T06:00:00.000Z'), p.reporter.actor, drill.id, { reason: 'drill complete' });
    expect(closed.steps).toContainEqual({ step: 'early-warning', ms: 6 * 3_600_000 });
    expect(closed.steps).toContainEqual({ step: 'closed', ms: 6.5 * 3_600_000 });
    expect((await craDashboard(p.ctx, p.owner.actor, { drill: true, closed: true })).map((c) => c.id)).toEqual([drill.id]);
  });

  it('a KEV listing proposes a case once; no clock runs until a person confirms', async () => {
    const id = await proposeKevCase(p.at(MON_1000), { vulnerabilityId: 'CVE-2026-99999', aliases: [], productVersionIds: [p.v1], summary: 'KEV entry' });
    expect(id).toBeTruthy();
    expect(await proposeKevCase(p.at(MON_1000), { vulnerabilityId: 'CVE-2026-99999', aliases: [], productVersionIds: [p.v1] })).toBeNull();
    expect(await proposeKevCase(p.at(MON_1000), { vulnerabilityId: 'CVE-2026-99999', aliases: [], productVersionIds: [p.bareV] })).toBeNull();
    const proposed = await getCase(p.at(MON_1000), p.owner.actor, String(id));
    expect(proposed).toMatchObject({ status: 'proposed', origin: 'kev', clocks: [] });
    const r = await p.owner.client.request('POST', `/api/cra/cases/${id}/confirm`, { memberStates: ['IT'] });
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ status: 'open', memberStates: ['IT'], criteria: { version: 1 } });
  });

  it('another organisation sees none of it', async () => {
    expect((await p.outsider.client.request('GET', `/api/cra/cases/${caseId}`)).statusCode).toBe(404);
    expect((await p.outsider.client.request('GET', `/api/cra/cases/${caseId}/csaf`)).statusCode).toBe(404);
    expect((await p.outsider.client.request('GET', `/api/cra/cases/${caseId}/reports/final/export`)).statusCode).toBe(404);
    expect((await p.outsider.client.request('POST', `/api/cra/cases/${caseId}/close`, { reason: 'x' })).statusCode).toBe(404);
    expect((await p.outsider.client.request('GET', `/api/products/${p.product}/cra/contacts`)).statusCode).toBe(404);
    expect((await p.outsider.client.request('GET', '/api/cra/cases')).json()).toEqual({ cases: [] });
    expect((await p.outsider.client.request('GET', '/api/cra/cases?drill=true')).json()).toEqual({ cases: [] });
  });
});
