import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyseFirmware } from '../src/firmware/analyse-firmware.js';
import { report } from './lib/harness.js';
import { medianMsAsync } from './xlsx.bench.js';

/**
 * Issue 20: a full firmware analysis (unpack with guards, manifest with
 * SHA-256, every fw.* check, SBOM) of a tar of about 5,000 files of the host's
 * own /usr, beside `tar -x` of the same archive, in the same run. No network.
 */
export async function firmwareBench(options: { runs: number; files: number }) {
  const work = mkdtempSync(join(tmpdir(), 'tebiki-fw-bench-'));
  try {
    const list = execFileSync(
      'sh',
      ['-c', `find /usr/bin /usr/sbin /usr/lib /usr/share -xdev -type f -size -1024k 2>/dev/null | sort | head -n ${options.files}`],
      {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const listFile = join(work, 'files.txt');
    writeFileSync(listFile, list);
    const image = join(work, 'usr.tar');
    execFileSync('tar', ['cf', image, '-P', '--files-from', listFile], { stdio: ['ignore', 'ignore', 'ignore'] });
    const files = list.trim().split('\n').length;
    const mb = (statSync(image).size / 1024 / 1024).toFixed(0);
    let findings = 0;
    let binaries = 0;
    const analyse = await medianMsAsync(async () => {
      const a = await analyseFirmware(image, { workParent: work });
      findings = a.findings.length;
      binaries = a.binaries.length;
    }, options.runs);
    const untar = await medianMsAsync(async () => {
      const dest = join(work, `x-${Date.now()}`);
      mkdirSync(dest);
      execFileSync('tar', ['xf', image, '-C', dest]);
      rmSync(dest, { recursive: true, force: true });
    }, options.runs);
    console.log(`  (${files} files, ${mb} MiB, ${binaries} ELF binaries, ${findings} findings)`);
    return [report(`firmware analysis of a ${files}-file /usr tar`, analyse, 'ms', 'tar -x of the same archive', untar)];
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
