import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { CHROMIUM_PATH } from '../helpers/browser.js';
import { runBin } from '../helpers/run-cli.js';
import { NIST_DATA, nistDataAvailable } from '../helpers/shared-reference.js';
import { tempDir } from '../helpers/temp-dir.js';

const squash = (s: string) => s.replace(/\s+/g, '');

/**
 * The guidebook PDF's appendix of NIST's own text: after an operator attaches
 * NIST's rev3 catalog, pdftotext finds the appendix, a statement in NIST's
 * words and the citation; without attached text there is no such appendix.
 */
describe.skipIf(!nistDataAvailable())("the guidebook PDF's appendix of NIST's text", () => {
  const dir = tempDir('tebiki-guidebook-attached-');
  const env = { TEBIKI_DATA_DIR: join(dir.path, 'data'), DATABASE_URL: '' };
  afterAll(() => dir.remove());

  const pdfText = (lang: 'ja' | 'en') => {
    const out = join(dir.path, `guidebook-${lang}.pdf`);
    const r = runBin(['guidebook', '--content', defaultContentDir(), '--format', 'pdf', '--lang', lang, '--out', out], env);
    expect(r.code, r.stderr).toBe(0);
    return {
      stdout: r.stdout,
      text: squash(execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', out, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })),
    };
  };

  it('has none before a catalog is attached, then an appendix with the statements and the citation', { timeout: 300_000 }, () => {
    if (!existsSync(CHROMIUM_PATH)) throw new Error(`${CHROMIUM_PATH} is needed`);
    expect(pdfText('en').text).not.toContain(squash("the publisher's text"));
    const attached = runBin(['import', 'oscal', NIST_DATA.rev3, '--attach-to', 'nist-sp-800-171r3'], env);
    expect(attached.code, attached.stderr).toBe(0);
    const en = pdfText('en');
    expect(en.stdout).toContain("appendix with the publisher's text of nist-sp-800-171r3");
    expect(en.text).toContain(squash('Appendix C'));
    expect(en.text).toContain(squash("the publisher's text"));
    expect(en.text).toContain(squash('NIST SP 800-171 Rev. 3'));
    expect(en.text).toContain('03.01.08');
    expect(en.text).toContain(squash('[Assignment: organization-defined'));
    const ja = pdfText('ja');
    expect(ja.text).toContain(squash('付録C'));
    expect(ja.text).toContain(squash('の原文'));
    expect(ja.text).toContain(squash('[Assignment: organization-defined'));
  });
});
