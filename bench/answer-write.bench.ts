import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { snapshotOf } from '../src/services/assessment-records.js';
import { writeAnswers } from '../src/services/answer-writes.js';
import { insertAssessment } from '../src/store/assessments.repository.js';
import { assessmentBenchStore, benchAnswerRow, benchAssessmentRow } from './lib/assessment-store.js';
import { report } from './lib/harness.js';

/**
 * One answer's write (the service's transaction, in process, SQLite) on an
 * assessment of 300 answers whose evidence and comments run to about 12 kB
 * each, beside the same write where every answer is a few bytes: a write reads
 * the answers it changes, so the others' length should not matter (the ratio
 * near 1). Session 17: before, a write read every answer twice, and the long
 * answers made it about ten times slower.
 */
export async function answerWriteBench(options: { writes: number; items?: number }) {
  const itemCount = options.items ?? 300;
  const { dir, store, items: all, at } = await assessmentBenchStore('tebiki-bench-answer-', itemCount);
  try {
    const items = all.slice(0, itemCount);
    const snapshot = snapshotOf(items);
    const long = '確認済み。記録と手順を添付。'.repeat(150);
    const seed = async (text: string) => {
      const id = randomUUID();
      const answers = items.map((item) => ({ ...benchAnswerRow(id, item, 'pass', at), evidence: text, comment: text }));
      await store.db.transaction().execute((trx) => insertAssessment(trx, benchAssessmentRow(id, '診断', snapshot.hash, at), snapshot, answers));
      return id;
    };
    const shortId = await seed('確認済み');
    const longId = await seed(long);
    const item = items[0];
    if (!item) throw new Error('no items');
    // The same item written again and again, each time at the version the last write made.
    const versions = new Map<string, number>();
    const writes = async (id: string) => {
      const took: number[] = [];
      for (let n = 0; n <= options.writes; n++) {
        const v = versions.get(id) ?? 1;
        const write = { item, version: v, verdict: v % 2 ? 'fail' : 'pass', evidence: `e${v}`, comment: '', source: 'answer' } as const;
        const t = process.hrtime.bigint();
        await store.db.transaction().execute((trx) => writeAnswers(trx, id, [write], null, at));
        versions.set(id, v + 1);
        if (n > 0) took.push(Number(process.hrtime.bigint() - t) / 1e6);
      }
      return took.sort((x, y) => x - y)[Math.floor(took.length / 2)] ?? 0;
    };
    // Alternating rounds, so a busy moment of the machine falls on both.
    const short: number[] = [];
    const longer: number[] = [];
    for (let round = 0; round < 3; round++) {
      short.push(await writes(shortId));
      longer.push(await writes(longId));
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[1] ?? 0;
    const kb = Math.round((Buffer.byteLength(long) * 2) / 1024);
    return [report(`answer write, ${itemCount} answers of ${kb} kB each, ms`, median(longer), 'ms', `the same write, answers of a few bytes`, median(short))];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
