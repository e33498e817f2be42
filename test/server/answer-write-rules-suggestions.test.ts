import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CheckLink, Finding } from '../../src/core/evidence/finding.types.js';
import { firstControlCharacter } from '../../src/core/text-rules.js';
import { recordProbeRun } from '../../src/services/probe-run-attach.service.js';
import { updateAnswer } from '../../src/store/assessments.repository.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { type AnswerJson, type AssessmentJson, useAssessmentWorld } from './assessments.fixture.js';
import { BAD_WEB_FINDINGS, linksFor, scopeText, withEvidence } from './probe-runs.fixture.js';

interface HistoryJson {
  history: { version: number; verdict: string; evidence: string; source: string }[];
}

/**
 * An accepted suggestion is one more way into the one write path for answers
 * (issue 23, point 2), beside the form and the workbook: it follows the same
 * rules. What a device said reaches the answer without the control characters
 * the rules refuse and within the evidence limit; it clears the review flag of
 * a carried-over item as any answer-changing write does; it leaves a history
 * row saying where it came from; and it moves the version, so a form still
 * holding the version it read before is refused, not silently overwriting it.
 */
describeEachDatabase('one write path for answers: an accepted suggestion follows the same rules', (get) => {
  const w = useAssessmentWorld(get);
  let a: AssessmentJson;
  let links: CheckLink[] = [];
  let evidence: Awaited<ReturnType<typeof withEvidence>>;

  beforeAll(async () => {
    evidence = await withEvidence(w.ctx, get().db, () => links);
    a = await w.create({ title: '提案の書き込み規則' });
    links = linksFor(a.items.slice(0, 3).map((i) => i.requirementId));
  });
  afterAll(async () => {
    await evidence?.close();
  });

  const stored = async (requirementId: string): Promise<AnswerJson> => {
    const view = (await w.client('as1').request('GET', `/api/assessments/${a.id}`)).json() as AssessmentJson;
    const answer = view.answers.find((x) => x.requirementId === requirementId);
    if (!answer) throw new Error(`no answer ${requirementId}`);
    return answer;
  };

  it('control characters a device sent are not stored, the limit holds, the review flag clears, history says suggestion, a stale form write is refused', async () => {
    const item = a.items[0]?.requirementId as string;
    // A carried-over item whose text changed (what moving to a newer edition leaves); seeded directly, as no route sets it.
    await updateAnswer(w.ctx.store.db, a.id, item, { verdict: 'pass', evidence: '旧版の根拠', review: 'changed' });
    const before = await stored(item);
    expect(before).toMatchObject({ verdict: 'pass', review: 'changed', version: 0 });

    // The failing check quotes a device's banner: a bell, an escape sequence, NEL, and far more text than an answer holds.
    const hostile: Finding[] = BAD_WEB_FINDINGS.map((f) =>
      f.check === 'web.hsts' ? { ...f, summary: { ja: `応答\u0007ヘッダ\u0085なし`, en: `banner \u001b[31mred\u001b[0m ${'x'.repeat(12_000)}` } } : f,
    );
    const as1 = (await w.client('as1').session()).user as { id: string };
    await recordProbeRun(w.ctx, { kind: 'user', userId: as1.id, role: 'assessor', organisationId: null }, a.id, {
      scopeText: scopeText('device with a noisy banner'),
      fileName: 'noisy.yaml',
      only: [],
      outcome: {
        scope: { name: 'device with a noisy banner', sha256: 'e'.repeat(64), authorisedBy: '山田 太郎 (Example Corp)' },
        startedAt: '2026-12-04T10:00:00.000Z',
        finishedAt: '2026-12-04T10:00:05.000Z',
        findings: hostile,
      },
    });

    const accepted = await w.client('as1').request('POST', `/api/assessments/${a.id}/suggestions/accept`, { requirementIds: [item], overwrite: true });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const after = await stored(item);
    expect(after).toMatchObject({ verdict: 'fail', review: null, version: 1 });
    expect(firstControlCharacter(after.evidence, true)).toBeNull();
    expect(after.evidence).toContain('応答ヘッダなし');
    expect([...after.evidence].length).toBeLessThanOrEqual(10_000);

    const history = (await w.client('as1').request('GET', `/api/assessments/${a.id}/answers/${item}/history`)).json() as HistoryJson;
    expect(history.history.map((h) => [h.version, h.verdict, h.source])).toEqual([[1, 'fail', 'suggestion']]);

    // The form the assessor opened before the accept still holds version 0: refused with the stored answer, nothing overwritten.
    const stale = await w
      .client('as1')
      .request('PUT', `/api/assessments/${a.id}/answers/${item}`, { verdict: 'pass', evidence: '目視', comment: '', version: 0 });
    expect(stale.statusCode, stale.body).toBe(409);
    expect(await stored(item)).toMatchObject({ verdict: 'fail', version: 1 });
  });
});
