import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { assessmentPageBench } from './assessment-page.bench.js';
import { coverageBench } from './coverage.bench.js';
import { loadBench } from './load.bench.js';
import { jobsBench } from './jobs.bench.js';
import { probesBench } from './probes.bench.js';
import { firmwareBench } from './firmware.bench.js';
import { resultsBench } from './results.bench.js';
import { sbomBench } from './sbom.bench.js';
import { searchBench } from './search.bench.js';
import { serverHealthBench } from './server-health.bench.js';
import { xlsxBench } from './xlsx.bench.js';
import { answerWriteBench } from './answer-write.bench.js';

/**
 * npm run bench [-- --quick] [-- --only NAME,NAME]: every benchmark prints its
 * figure, a baseline measured in the same run, and the ratio. Traffic stays on
 * loopback. --only runs the named ones (the names below).
 */
const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? '').split(',')) : null;
const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/src/server/main.js'))) {
  console.log('building first (dist/ is missing)');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
const benches: [string, () => unknown][] = [
  ['health', () => serverHealthBench({ seconds: quick ? 2 : 10, startRuns: quick ? 2 : 5 })],
  ['coverage', () => coverageBench({ runs: quick ? 3 : 15 })],
  ['search', () => searchBench({ rounds: quick ? 5 : 30, builds: quick ? 2 : 5 })],
  ['xlsx', () => xlsxBench({ runs: quick ? 3 : 10 })],
  ['results', () => resultsBench({ seconds: quick ? 2 : 10, assessments: quick ? 100 : 1000 })],
  ['answer-write', () => answerWriteBench({ writes: quick ? 20 : 100 })],
  ['sbom', () => sbomBench({ runs: quick ? 3 : 10, components: 2000, records: 50_000 })],
  ['probes', () => probesBench({ quick })],
  ['jobs', () => jobsBench({ jobs: quick ? 20 : 200 })],
  ['firmware', () => firmwareBench({ runs: quick ? 1 : 3, files: 5000 })],
  ['assessment-page', () => assessmentPageBench({ runs: quick ? 3 : 10 })],
  ['load', () => loadBench({ seconds: quick ? 5 : 60 })],
];
const unknown = [...(only ?? [])].filter((name) => !benches.some(([n]) => n === name));
if (unknown.length > 0) {
  console.error(`unknown benchmark ${unknown.join(', ')}; known: ${benches.map(([n]) => n).join(', ')}`);
  process.exit(2);
}
console.log(`tebiki benchmarks (${quick ? 'quick' : 'full'}), node ${process.version}\n`);
for (const [name, run] of benches) if (!only || only.has(name)) await run();
