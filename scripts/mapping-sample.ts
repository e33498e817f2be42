// A seeded, reproducible draw of mappings for an independent review.
//
//   npx tsx scripts/mapping-sample.ts [--content DIR] [--seed N] [--count N] [--format md|tsv|json] [--all]
//
// Lists every mapping of the content folder (guidebook item → standard requirement,
// relationship, rationale), in a fixed order (items by id, then the item's links as
// written), and draws --count of them without replacement with a small seeded
// generator (mulberry32), so the same seed over the same content gives the same draw.
// --all prints the whole list instead of a draw.
import { defaultContentDir } from '../src/content/content-dir.js';
import { loadContent } from '../src/content/load-content.js';

interface Row {
  index: number;
  item: string;
  number: string;
  standard: string;
  requirement: string;
  relationship: string;
  rationale: string;
}

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

/** mulberry32: a tiny 32-bit generator, good enough for a reproducible draw (not for secrets). */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function draw<T>(list: readonly T[], count: number, seed: number): T[] {
  const pool = [...list];
  const next = generator(seed);
  const n = Math.min(count, pool.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j] as T, pool[i] as T];
  }
  return pool.slice(0, n);
}

const dir = option('content') ?? defaultContentDir();
const seed = Number(option('seed') ?? '20262');
const count = Number(option('count') ?? '40');
const format = option('format') ?? 'md';
if (!Number.isInteger(seed) || !Number.isInteger(count) || count < 1) {
  console.error('--seed and --count must be whole numbers (count at least 1)');
  process.exit(2);
}

const loaded = loadContent(dir);
if (!loaded.ok) {
  console.error(`${dir} does not load:\n  ${loaded.problems.slice(0, 10).map(String).join('\n  ')}`);
  process.exit(1);
}

const rows: Row[] = [...loaded.edition.requirements]
  .sort((a, b) => a.id.localeCompare(b.id))
  .flatMap((r) =>
    r.mappings.map((m) => ({
      index: 0,
      item: r.id,
      number: r.number,
      standard: m.standard,
      requirement: m.requirement,
      relationship: m.relationship,
      rationale: m.rationale.en,
    })),
  )
  .map((row, index) => ({ ...row, index: index + 1 }));

const picked = process.argv.includes('--all') ? rows : draw(rows, count, seed);
const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s+/g, ' ');

if (format === 'json') console.log(JSON.stringify({ seed, total: rows.length, picked }, null, 2));
else if (format === 'tsv') {
  console.log(['#', 'index', 'item', 'number', 'standard', 'requirement', 'relationship', 'rationale'].join('\t'));
  picked.forEach((r, i) => {
    console.log([i + 1, r.index, r.item, r.number, r.standard, r.requirement, r.relationship, cell(r.rationale)].join('\t'));
  });
} else {
  console.log(`Seed ${seed}: ${picked.length} of ${rows.length} mappings in ${dir}\n`);
  console.log('| # | list index | item | standard | requirement | relationship | rationale (en) |');
  console.log('|---|---|---|---|---|---|---|');
  picked.forEach((r, i) => {
    console.log(`| ${i + 1} | ${r.index} | ${r.item} (${r.number}) | ${r.standard} | ${cell(r.requirement)} | ${r.relationship} | ${cell(r.rationale)} |`);
  });
}
