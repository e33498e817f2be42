import type { AddressInfo } from 'node:net';
import { beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/each-database.js';
import { type AssessmentJson, useAssessmentWorld } from './assessments.fixture.js';

const WRITERS = 20;
const WRITES_EACH = 10;
const VERDICTS = ['pass', 'partial', 'fail', 'needs-review'] as const;

interface HistoryJson {
  history: { version: number; evidence: string; source: string }[];
}

interface Acknowledged {
  version: number;
  evidence: string;
}

interface Refused {
  sentVersion: number;
  evidence: string;
}

/**
 * Many people answering one item at once, over real HTTP against a listening
 * server: every write carries the answer version its writer last saw (as the
 * workspace does); a stale one is refused with 409 and its writer carries on
 * from the stored version the conflict names. Afterwards the history holds
 * every acknowledged write and nothing else, and the final version counts them.
 */
describeEachDatabase('concurrent writers on one answer', (get) => {
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  let base = '';
  beforeAll(async () => {
    a = await w.create({ title: '同時書き込み' });
    await w.app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(w.app.server.address() as AddressInfo).port}`;
  });

  it(`${WRITERS} writers × ${WRITES_EACH} writes on one item: no acknowledged write lost, every stale write refused with 409`, {
    timeout: 300_000,
  }, async () => {
    const item = a.items[0];
    if (!item) throw new Error('items');
    const url = `${base}/api/assessments/${a.id}/answers/${item.requirementId}`;
    const headers = { ...w.client('as1').authHeaders(), 'content-type': 'application/json' };
    const acknowledged: Acknowledged[] = [];
    const refused: Refused[] = [];
    const unexpected: string[] = [];

    const writer = async (n: number) => {
      let known = 0;
      for (let k = 0; k < WRITES_EACH; k += 1) {
        const evidence = `writer ${n} write ${k}`;
        const body = { verdict: VERDICTS[(n + k) % VERDICTS.length], evidence, comment: '', version: known };
        const response = await fetch(url, { method: 'PUT', headers, body: JSON.stringify(body) });
        const json = (await response.json()) as { version?: number; conflicts?: { current: { version: number } }[] };
        if (response.status === 200 && typeof json.version === 'number') {
          acknowledged.push({ version: json.version, evidence });
          known = json.version;
        } else if (response.status === 409 && json.conflicts?.[0]) {
          refused.push({ sentVersion: known, evidence });
          known = json.conflicts[0].current.version;
        } else {
          unexpected.push(`${response.status} ${JSON.stringify(json)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, n) => writer(n)));

    expect(unexpected).toEqual([]);
    expect(acknowledged.length + refused.length).toBe(WRITERS * WRITES_EACH);
    // All twenty start from version 0 and only one can move it to 1.
    expect(refused.length).toBeGreaterThanOrEqual(WRITERS - 1);

    const history = ((await w.client('as1').request('GET', `/api/assessments/${a.id}/answers/${item.requirementId}/history`)).json() as HistoryJson).history;
    const byVersion = new Map(history.map((h) => [h.version, h.evidence] as const));
    // One history row per acknowledged write, versions 1…N with no gap and no repeat.
    expect(history.map((h) => h.version).sort((x, y) => x - y)).toEqual(Array.from({ length: acknowledged.length }, (_, i) => i + 1));
    expect(history.every((h) => h.source === 'answer')).toBe(true);
    // Every acknowledged write is there, under the version its writer was told.
    for (const ack of acknowledged) expect(byVersion.get(ack.version), `version ${ack.version}`).toBe(ack.evidence);
    // No refused write was stored, and each was stale: someone else had written the version after the one it sent.
    const storedTexts = new Set(history.map((h) => h.evidence));
    for (const r of refused) {
      expect(storedTexts.has(r.evidence), r.evidence).toBe(false);
      const next = byVersion.get(r.sentVersion + 1);
      expect(next, `${r.evidence} sent version ${r.sentVersion}`).toBeDefined();
      expect(next).not.toBe(r.evidence);
    }

    const view = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
    const final = view.answers.find((x) => x.requirementId === item.requirementId);
    expect(final?.version).toBe(acknowledged.length);
    expect(final?.evidence).toBe(byVersion.get(acknowledged.length));
    console.log(
      `[${get().db.kind}] ${WRITERS}×${WRITES_EACH} writes on one item: ${acknowledged.length} acknowledged, ${refused.length} refused with 409, final version ${final?.version}`,
    );
  });
});
