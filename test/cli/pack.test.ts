/** bin/tebiki pack: exit 0 for a complete pack, 3 for a draft (gaps on stderr), 1 refused, 2 usage. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../helpers/databases.js';
import { describeEachDatabase } from '../helpers/each-database.js';
import { runBin, runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { usePackWorld } from '../server/packs.fixture.js';

const dir = tempDir('tebiki-pack-cli-');
afterAll(() => dir.remove());

describe('bin/tebiki pack usage', () => {
  it('names what is missing or wrong with exit 2, before touching a database', async () => {
    const noScheme = await runCli(['pack', '--assessment', 'x', '--out', 'x.zip']);
    expect(noScheme.code).toBe(2);
    expect(noScheme.stderr).toContain('--scheme must be one of jc-star-1, etsi-en-303-645, eu-cra');
    expect((await runCli(['pack', '--assessment', 'x', '--scheme', 'eu-cra', '--lang', 'fr', '--out', 'x.zip'])).stderr).toContain('--lang must be ja or en');
    expect((await runCli(['pack', '--assessment', 'x', '--scheme', 'eu-cra'])).code).toBe(2);
    expect((await runCli(['help'])).stdout).toContain('pack --assessment ID --scheme jc-star-1|etsi-en-303-645|eu-cra');
  });
});

describeEachDatabase('bin/tebiki pack', (get) => {
  const p = usePackWorld(get);

  it('writes a complete pack with exit 0 and a draft with exit 3 listing the gaps', { timeout: 240_000 }, async () => {
    const complete = join(dir.path, `etsi-${get().db.kind}.zip`);
    const ok = runBin(['pack', '--assessment', p.complete.id, '--scheme', 'etsi-en-303-645', '--lang', 'en', '--out', complete], cliEnv(get().db));
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('wrote complete etsi-en-303-645 pack');
    const names = Object.keys((await JSZip.loadAsync(readFileSync(complete))).files);
    expect(names).toContain('etsi-en-303-645-en.pdf');

    const draft = join(dir.path, `jc-${get().db.kind}.zip`);
    const d = runBin(['pack', '--assessment', p.draft.id, '--scheme', 'jc-star-1', '--lang', 'ja', '--out', draft], cliEnv(get().db));
    expect(d.code, d.stderr).toBe(3);
    expect(d.stderr).toContain('the pack is a DRAFT: 3 gap(s)');
    expect(d.stderr).toContain('pending-verification S1.1-09');
    expect(Object.keys((await JSZip.loadAsync(readFileSync(draft))).files)).toContain('jc-star-1-ja-DRAFT.pdf');
  });

  it('refuses an assessment that is not final or does not exist with exit 1, writing nothing', { timeout: 120_000 }, async () => {
    const out = join(dir.path, `refused-${get().db.kind}.zip`);
    const open = runBin(['pack', '--assessment', p.open.id, '--scheme', 'eu-cra', '--out', out], cliEnv(get().db));
    expect(open.code).toBe(1);
    expect(open.stderr).toContain('a pack is made from a final assessment');
    const missing = runBin(['pack', '--assessment', 'no-such-assessment', '--scheme', 'eu-cra', '--out', out], cliEnv(get().db));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('assessment no-such-assessment not found');
    expect(existsSync(out)).toBe(false);
  });
});
