import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { oscalValidator } from '../helpers/oscal-schema.js';
import { runBin } from '../helpers/run-cli.js';
import { NIST_DATA, nistDataAvailable } from '../helpers/shared-reference.js';
import { tempDir } from '../helpers/temp-dir.js';

/**
 * `--with-attached-text`: the static site and the OSCAL catalog carry NIST's own
 * text only when asked, only for the standards that allow it, saying where it
 * came from; by default they stay ids and our own titles.
 */
describe.skipIf(!nistDataAvailable())('publish and export oscal-catalog --with-attached-text', () => {
  const dir = tempDir('tebiki-with-attached-');
  const env = { TEBIKI_DATA_DIR: join(dir.path, 'data'), DATABASE_URL: '' };
  const content = ['--content', defaultContentDir()];
  const statement = '[Assignment: organization-defined';
  beforeAll(() => {
    const attached = runBin(['import', 'oscal', NIST_DATA.rev3, '--attach-to', 'nist-sp-800-171r3'], env);
    expect(attached.code, attached.stderr).toBe(0);
  }, 120_000);
  afterAll(() => dir.remove());

  it('the site: standard pages of NIST show the statements with the citation only with the option; IEC never', { timeout: 120_000 }, () => {
    const plain = join(dir.path, 'site-plain');
    expect(runBin(['publish', ...content, '--out', plain], env).code).toBe(0);
    const page = (root: string, lang: string, id: string) => readFileSync(join(root, lang, 'standards', `${id}.html`), 'utf8');
    expect(page(plain, 'en', 'nist-sp-800-171r3')).not.toContain(statement);
    const withText = join(dir.path, 'site-with');
    const r = runBin(['publish', ...content, '--out', withText, '--with-attached-text', '--format', 'json'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).attachedText).toEqual([
      { standard: 'nist-sp-800-171r3', citation: expect.stringContaining('NIST SP 800-171 Rev. 3'), requirements: expect.any(Number) },
    ]);
    for (const lang of ['ja', 'en']) {
      const html = page(withText, lang, 'nist-sp-800-171r3');
      expect(html).toContain(statement);
      expect(html).toContain('NIST SP 800-171 Rev. 3');
      expect(html).toContain('id="publisher-text"');
    }
    expect(page(withText, 'en', 'iec-62443-4-2')).not.toContain('id="publisher-text"');
  });

  it('the OSCAL catalog: publisher-text parts with their citation only with the option, and still valid OSCAL', { timeout: 120_000 }, () => {
    const plainFile = join(dir.path, 'catalog-plain.json');
    expect(runBin(['export', 'oscal-catalog', ...content, '--out', plainFile], env).code).toBe(0);
    expect(readFileSync(plainFile, 'utf8')).not.toContain('publisher-text');
    const file = join(dir.path, 'catalog-with.json');
    const r = runBin(['export', 'oscal-catalog', ...content, '--with-attached-text', '--out', file], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("with the publisher's text of nist-sp-800-171r3");
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    const check = oscalValidator('catalog')(doc);
    expect(check.errors).toEqual([]);
    const parts = JSON.stringify(doc);
    expect(parts).toContain('"name":"publisher-text"');
    expect(parts).toContain(statement);
    expect(parts).toContain('"name":"citation"');
    const refused = runBin(['export', 'oscal-mapping', ...content, '--with-attached-text', '--out', join(dir.path, 'm.json')], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--with-attached-text applies to export oscal-catalog');
  });
});
