/** CRA reporting against bad and hostile input: each answer names the place, and nothing is half-written. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCase } from '../../src/services/cra-cases.service.js';
import { markReportSent, saveReportDraft } from '../../src/services/cra-reports.service.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { craPlatform } from './cra.fixture.js';

describeEachDatabase('CRA reporting input', (get) => {
  let p: Awaited<ReturnType<typeof craPlatform>>;
  beforeAll(async () => {
    p = await craPlatform(get().store);
  });
  afterAll(async () => {
    await p.close();
  });
  const body = (over: Record<string, unknown> = {}) => ({
    productId: p.product,
    kind: 'vulnerability',
    title: 'X',
    vulnerabilityId: 'CVE-2026-0001',
    versionIds: [p.v1],
    memberStates: ['DE'],
    ...over,
  });
  const cases = async () => (await get().store.db.selectFrom('cra_cases').select('id').execute()).length;

  it('rejects malformed, oversized and hostile case input, naming each field', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [body({ title: 'x'.repeat(301) }), 'body.title'],
      [body({ vulnerabilityId: null }), 'body.vulnerabilityId'],
      [body({ versionIds: [] }), 'body.versionIds'],
      [body({ memberStates: ['DE', "'; DROP TABLE cra_cases; --"] }), 'body.memberStates.1'],
      [body({ awareAt: 'yesterday' }), 'body.awareAt'],
      [body({ kind: 'rumour' }), 'body.kind'],
      [body({ extra: true }), 'body'],
      [body({ decision: { checked: [-1], note: '' } }), 'body.decision.checked.0'],
    ];
    for (const [payload, path] of bad) {
      const r = await p.reporter.client.request('POST', '/api/cra/cases', payload);
      expect(r.statusCode, JSON.stringify(payload).slice(0, 80)).toBe(400);
      expect(r.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const future = await p.reporter.client.request('POST', '/api/cra/cases', body({ awareAt: '2999-01-01T00:00:00Z' }));
    expect(future.json().errors).toEqual([{ path: 'awareAt', message: 'must not be in the future', code: 'in-future' }]);
    const foreign = await p.reporter.client.request('POST', '/api/cra/cases', body({ versionIds: [p.v1, p.bareV] }));
    expect(foreign.json().errors).toEqual([{ path: 'versionIds.1', message: 'is not a version of this product', code: 'unknown' }]);
    expect(await cases()).toBe(0);
  });

  it('only managers name owners, only active members of the organisation can be named', async () => {
    const asMember = await p.reporter.client.request('PUT', `/api/products/${p.product}/cra/contacts`, { ownerId: p.reporter.id, deputyIds: [] });
    expect(asMember.statusCode).toBe(403);
    const foreign = await p.manager.client.request('PUT', `/api/products/${p.product}/cra/contacts`, { ownerId: p.owner.id, deputyIds: [p.outsider.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([{ path: 'deputyIds.0', message: 'is not an active member of this organisation', code: 'unknown' }]);
    const twice = await p.manager.client.request('PUT', `/api/products/${p.product}/cra/contacts`, { ownerId: p.owner.id, deputyIds: [p.owner.id] });
    expect(twice.json().errors.map((e: { path: string }) => e.path)).toContain('body.deputyIds');
    const still = (await p.manager.client.request('GET', `/api/products/${p.product}/cra/contacts`)).json().contacts;
    expect(still.map((x: { userId: string; role: string }) => [x.userId, x.role]).sort()).toEqual(
      [
        [p.deputy.id, 'deputy'],
        [p.owner.id, 'owner'],
      ].sort(),
    );
    const empty = await p.manager.client.request('POST', `/api/organisations/${p.orgA}/cra/criteria`, { kind: 'exploited', items: [] });
    expect(empty.json().errors.map((e: { path: string }) => e.path)).toContain('body.items');
    const other = await p.outsider.client.request('POST', `/api/organisations/${p.orgA}/cra/criteria`, { kind: 'exploited', items: [{ ja: 'a', en: 'a' }] });
    expect(other.statusCode).toBe(404);
  });

  it('an incident: the early warning says whether malicious acts are suspected; the final report is due a month after the notification', async () => {
    const ctx = p.at('2027-01-28T23:30:00.000Z');
    const view = await openCase(ctx, p.reporter.actor, {
      productId: p.product,
      kind: 'incident',
      drill: false,
      title: 'Cloud relay breached',
      vulnerabilityId: null,
      aliases: [],
      versionIds: [p.v1],
      memberStates: ['NL'],
      awareAt: null,
      decision: { checked: [], note: '' },
    });
    await expect(markReportSent(ctx, p.reporter.actor, view.id, 'early-warning', { sentAt: null })).rejects.toMatchObject({
      errors: [{ path: 'fields.suspectedMalicious', message: expect.any(String) }],
    });
    const blank = { nature: 'n', measures: 'm', userMeasures: '', severity: '', maliciousActor: '', rootCause: '', sensitive: false };
    await saveReportDraft(ctx, p.reporter.actor, view.id, 'early-warning', { ...blank, suspectedMalicious: true });
    await markReportSent(ctx, p.reporter.actor, view.id, 'early-warning', { sentAt: null });
    await saveReportDraft(ctx, p.reporter.actor, view.id, 'notification', { ...blank, suspectedMalicious: true });
    const later = p.at('2027-01-31T08:00:00.000Z');
    const sent = await markReportSent(later, p.reporter.actor, view.id, 'notification', { sentAt: null });
    expect(sent.clocks[2]).toMatchObject({ stage: 'final', dueAt: '2027-02-28T08:00:00.000Z', state: 'open' });
    await expect(markReportSent(later, p.reporter.actor, view.id, 'final', { sentAt: '2027-01-01T00:00:00Z' })).rejects.toMatchObject({
      code: 'validation-failed',
    });
    const csaf = await p.reporter.client.request('GET', `/api/cra/cases/${view.id}/csaf`);
    expect(csaf.statusCode).toBe(409);
  });
});
