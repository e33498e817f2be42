import { expect, it } from 'vitest';
import { describeEachDatabase } from '../helpers/each-database.js';
import { useAssessmentWorld } from './assessments.fixture.js';

// Found by test/trust/hostile-api.test.ts in CI: a version past 2^31 − 1 reached PostgreSQL's integer column and answered 500.
describeEachDatabase('a row version past what the databases keep', (get) => {
  const w = useAssessmentWorld(get);

  it('is a 400 naming the field, for an answer and for the assessment itself', async () => {
    const a = await w.create({ title: '版数の上限' });
    const item = a.items[0]?.requirementId as string;
    const tooLarge = 2_147_483_648;
    const answer = await w
      .client('as1')
      .request('PUT', `/api/assessments/${a.id}/answers/${item}`, { verdict: 'pass', evidence: '', comment: '', version: tooLarge });
    expect(answer.statusCode, answer.body).toBe(400);
    expect((answer.json().errors as { path: string }[]).map((e) => e.path)).toContain('body.version');
    const patch = await w.patch('as1', `/api/assessments/${a.id}`, { version: tooLarge, title: '別名' });
    expect(patch.statusCode, patch.body).toBe(400);
    const largest = await w
      .client('as1')
      .request('PUT', `/api/assessments/${a.id}/answers/${item}`, { verdict: 'pass', evidence: '', comment: '', version: 2_147_483_647 });
    expect(largest.statusCode, largest.body).toBe(409);
  });
});
