import type { Edition } from '../src/core/model/edition.schema.js';
import { search } from '../src/core/search/search.js';
import { buildSearchIndex } from '../src/core/search/search-index.js';
import type { SearchIndex } from '../src/core/search/search.types.js';
import { bundledAndSynthetic } from './lib/editions.js';
import { fts5Searcher } from './lib/fts5-search.js';
import { report } from './lib/harness.js';
import { medianMs } from './lib/timing.js';

/**
 * Issue 4: search latency (median and p95 over a fixed set of Japanese and
 * English queries) on the bundled edition and on a synthetic edition ten
 * times larger, each beside a plain substring scan (String.prototype.includes
 * over the same texts, no ranking, no snippets) measured in the same run; and
 * the index build beside JSON.parse of the same edition (what loading it from
 * the store costs anyway).
 */

const QUERIES = [
  '認証',
  'ファームウェア',
  '鍵',
  '脆弱性',
  'ログ',
  'セキュアブート',
  '初期パスワード',
  'ユーザー認証',
  '通信 暗号化',
  'authentication',
  'firmware update',
  'key',
  'vulnerab',
  'secure boot',
  'default password',
  'D-2.1',
];

/** The edition with its requirements cloned `factor` times under new ids and numbers. */
function enlarged(edition: Edition, factor: number): Edition {
  const requirements = [];
  for (let i = 0; i < factor; i++) {
    for (const r of edition.requirements) requirements.push(i === 0 ? r : { ...r, id: `${r.id}-copy${i}`, number: `${r.number}-${i}` });
  }
  return { ...edition, requirements };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] as number;
}

const JAPANESE = QUERIES.filter((q) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(q));
const ENGLISH = QUERIES.filter((q) => !JAPANESE.includes(q));

/** Median time of each query over `rounds` rounds (after one warm-up round). */
function perQuery(run: (query: string) => unknown, rounds: number): Map<string, number> {
  for (const q of QUERIES) run(q);
  const times = new Map<string, number[]>(QUERIES.map((q) => [q, []]));
  for (let round = 0; round < rounds; round++) {
    for (const q of QUERIES) {
      const start = process.hrtime.bigint();
      run(q);
      times.get(q)?.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return new Map(
    [...times].map(([q, t]) => [
      q,
      percentile(
        [...t].sort((a, b) => a - b),
        50,
      ),
    ]),
  );
}

const medianOf = (values: number[]) =>
  percentile(
    [...values].sort((a, b) => a - b),
    50,
  );

/** Every query `rounds` times, one after the other; the time of each call, sorted. */
function latencies(run: (query: string) => unknown, rounds: number): number[] {
  for (const q of QUERIES) run(q);
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const q of QUERIES) {
      const start = process.hrtime.bigint();
      run(q);
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  return times.sort((a, b) => a - b);
}

/** The baseline: lower-cased texts prepared once, then a scan with includes() per query. */
function substringScanner(index: SearchIndex): (query: string) => number {
  const texts = index.fields.map((f) => ({ doc: f.doc, text: f.original.toLowerCase() }));
  return (query) => {
    const needle = query.toLowerCase();
    const docs = new Set<number>();
    for (const t of texts) if (t.text.includes(needle)) docs.add(t.doc);
    return docs.size;
  };
}

export function searchBench(options: { rounds: number; builds: number }) {
  const results = [];
  for (const [label, edition] of bundledAndSynthetic(10, enlarged)) {
    const json = JSON.stringify(edition);
    const size = `${edition.requirements.length} items`;
    results.push(
      report(
        `search index build, ${label} (${size}), word boundaries included`,
        medianMs(() => buildSearchIndex(edition), options.builds),
        'ms',
        'JSON.parse of the edition',
        medianMs(() => JSON.parse(json), options.builds),
      ),
    );
    const index = buildSearchIndex(edition);
    const scan = substringScanner(index);
    const fts5 = fts5Searcher(index);
    const cold = process.hrtime.bigint();
    search(index, QUERIES[0] as string);
    const coldMs = Number(process.hrtime.bigint() - cold) / 1e6;
    const searched = latencies((q) => search(index, q, { limit: 20 }), options.rounds);
    const scanned = latencies(scan, options.rounds);
    const ftsTimes = latencies(fts5.search, options.rounds);
    // Japanese and English apart, and each query: ours, FTS5 and the scan in the same run.
    const ours = perQuery((q) => search(index, q, { limit: 20 }), options.rounds);
    const scans = perQuery(scan, options.rounds);
    const fts = perQuery(fts5.search, options.rounds);
    fts5.close();
    for (const [language, queries] of [
      ['Japanese', JAPANESE],
      ['English', ENGLISH],
    ] as const) {
      const pick = (m: Map<string, number>) => medianOf(queries.map((q) => m.get(q) as number));
      results.push(report(`search ${language} median, ${label}`, pick(ours), 'ms', 'substring scan', pick(scans)));
      results.push(report(`SQLite FTS5 ${language} median, ${label}`, pick(fts), 'ms', 'substring scan', pick(scans)));
    }
    if (label !== 'bundled') {
      for (const q of QUERIES) {
        const [o, f, s] = [ours.get(q) ?? 0, fts.get(q) ?? 0, scans.get(q) ?? 1];
        console.log(
          `  ${q.padEnd(18)} ours ${o.toFixed(2)} ms (×${(o / s).toFixed(2)} of scan)  FTS5 ${f.toFixed(2)} ms (×${(f / s).toFixed(2)})  scan ${s.toFixed(2)} ms`,
        );
      }
    }
    results.push(report(`first query after build, ${label}`, coldMs, 'ms', 'substring scan median', percentile(scanned, 50)));
    results.push(report(`search median, ${label} (${QUERIES.length} queries)`, percentile(searched, 50), 'ms', 'substring scan', percentile(scanned, 50)));
    results.push(report(`search p95, ${label}`, percentile(searched, 95), 'ms', 'substring scan', percentile(scanned, 95)));
    results.push(report(`SQLite FTS5 trigram median, ${label}`, percentile(ftsTimes, 50), 'ms', 'substring scan', percentile(scanned, 50)));
    results.push(report(`SQLite FTS5 trigram p95, ${label}`, percentile(ftsTimes, 95), 'ms', 'substring scan', percentile(scanned, 95)));
  }
  return results;
}
