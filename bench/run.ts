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

/**
 * npm run bench [-- --quick]: every benchmark prints its figure, a baseline
 * measured in the same run, and the ratio. Traffic stays on loopback.
 */
const quick = process.argv.includes('--quick');
const root = join(import.meta.dirname, '..');
if (!existsSync(join(root, 'dist/src/server/main.js'))) {
  console.log('building first (dist/ is missing)');
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
console.log(`tebiki benchmarks (${quick ? 'quick' : 'full'}), node ${process.version}\n`);
await serverHealthBench({ seconds: quick ? 2 : 10, startRuns: quick ? 2 : 5 });
coverageBench({ runs: quick ? 3 : 15 });
searchBench({ rounds: quick ? 5 : 30, builds: quick ? 2 : 5 });
await xlsxBench({ runs: quick ? 3 : 10 });
await resultsBench({ seconds: quick ? 2 : 10, assessments: quick ? 100 : 1000 });
sbomBench({ runs: quick ? 3 : 10, components: 2000, records: 50_000 });
await probesBench({ quick });
await jobsBench({ jobs: quick ? 20 : 200 });
await firmwareBench({ runs: quick ? 1 : 3, files: 5000 });
await assessmentPageBench({ runs: quick ? 3 : 10 });
await loadBench({ seconds: quick ? 5 : 60 });
