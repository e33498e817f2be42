import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import type { StandardNode } from '../../src/core/model/edition.schema.js';
import { buildSite } from '../../src/publish/publish-site.js';
import { standardAnchors } from '../../src/reports/anchors.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { HOSTILE, HOSTILE_TITLE, hostileEdition } from './hostile-edition.js';
import { brokenLinks, listFiles } from './site-files.js';
import { bundledEdition } from '../helpers/bundled-edition.js';

const nodesOf = (nodes: readonly StandardNode[]): StandardNode[] => nodes.flatMap((n) => [n, ...nodesOf(n.children ?? [])]);

describe('tebiki publish (bundled content)', () => {
  const dir = tempDir('tebiki-publish-');
  const out = join(dir.path, 'site');
  const edition = bundledEdition();
  let report: { source: { kind: string; reason: string }; pages: number; edition: { id: string } };

  beforeAll(async () => {
    // --content: the bundled edition, whatever database this machine has.
    const r = await runCli(['publish', '--content', defaultContentDir(), '--out', out, '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    report = JSON.parse(r.stdout);
  });
  afterAll(() => dir.remove());

  it('says where the edition came from and how many pages it wrote', () => {
    expect(report.edition.id).toBe(edition.meta.id);
    expect(report.source).toMatchObject({ kind: 'content', reason: 'requested' });
    expect(report.pages).toBe(listFiles(out).filter((f) => f.endsWith('.html')).length);
  });

  it('writes a page for every requirement, glossary term and standard, in both languages', () => {
    const files = new Set(listFiles(out));
    for (const lang of ['ja', 'en']) {
      for (const r of edition.requirements) expect(files, `${lang} requirement ${r.id}`).toContain(`${lang}/requirements/${r.id}.html`);
      for (const t of edition.glossary) expect(files, `${lang} term ${t.id}`).toContain(`${lang}/glossary/${t.id}.html`);
      for (const s of edition.standards) expect(files, `${lang} standard ${s.id}`).toContain(`${lang}/standards/${s.id}.html`);
      for (const p of ['index', 'matrix', 'requirements', 'glossary', 'standards', 'coverage', 'search']) expect(files).toContain(`${lang}/${p}.html`);
    }
    expect(files).toContain('assets/search-index.js');
  });

  it('every relative link, script and stylesheet resolves, fragments included; nothing links outside the site', () => {
    expect(brokenLinks(out)).toEqual([]);
  });

  it('every standard requirement has its anchor, and each mapping of a requirement page links to it', () => {
    for (const s of edition.standards) {
      const page = readFileSync(join(out, 'en', 'standards', `${s.id}.html`), 'utf8');
      for (const n of nodesOf(s.requirements)) expect(page).toContain(`id="${standardAnchors(s).get(n.id)}"`);
    }
    const page = readFileSync(join(out, 'ja', 'requirements', 'design-auth-user-authentication.html'), 'utf8');
    expect(page).toContain('href="../standards/iec-62443-4-2.html#CR-1.1"');
  });

  it('a standard page shows reasons for out-of-scope and pending requirements, and confidence flags', () => {
    // Every bundled standard is answered now (no gaps); rev2 carries declared exclusions with their reasons.
    const nist2 = readFileSync(join(out, 'en', 'standards', 'nist-sp-800-171r2.html'), 'utf8');
    expect(nist2).toContain('Out of scope');
    const jcstar = readFileSync(join(out, 'ja', 'standards', 'jc-star-1.html'), 'utf8');
    expect(jcstar).toContain('確認待ち');
    expect(jcstar).toContain('ID未確認');
    expect(jcstar).toContain('対応付けを保留している');
    const coverage = readFileSync(join(out, 'en', 'coverage.html'), 'utf8');
    for (const s of edition.standards) expect(coverage).toContain(`standards/${s.id}.html`);
  });

  it('pages carry no inline script, inline style or event handler attribute', () => {
    for (const f of listFiles(out).filter((p) => p.endsWith('.html'))) {
      const text = readFileSync(join(out, f), 'utf8');
      expect(text, f).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(text, f).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
    }
  });

  it('is deterministic: the same edition gives the same bytes', async () => {
    const again = join(dir.path, 'again');
    const r = await runCli(['publish', '--content', defaultContentDir(), '--out', again]);
    expect(r.code).toBe(0);
    const files = listFiles(out);
    expect(listFiles(again)).toEqual(files);
    for (const f of files) expect(readFileSync(join(again, f)).equals(readFileSync(join(out, f))), f).toBe(true);
  });

  it('replaces an earlier site, but refuses a non-empty folder it did not write', async () => {
    const again = await runCli(['publish', '--content', defaultContentDir(), '--out', out]);
    expect(again.code).toBe(0);
    const foreign = join(dir.path, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'thesis.txt'), 'precious');
    const r = await runCli(['publish', '--content', defaultContentDir(), '--out', foreign]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not empty');
    expect(readFileSync(join(foreign, 'thesis.txt'), 'utf8')).toBe('precious');
  });
});

describe('publishing hostile content', () => {
  const files = buildSite(hostileEdition(), 'hash');

  it('shows every hostile string as text: no tag, attribute or script of the content reaches the markup', () => {
    const pages = [...files].filter(([p]) => p.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(10);
    for (const [path, text] of pages) {
      expect(text, path).not.toMatch(/<script>alert|<img|<svg|<b>|<i>|onmouseover='/);
      expect(text, path).not.toMatch(/<\/title><script>/);
    }
    const item = files.get('ja/requirements/hostile-item.html') ?? '';
    expect(item).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(item).toContain('&lt;b&gt;1&lt;/b&gt;');
    expect(item).toContain('class="term" href="../glossary/evil-term.html">&lt;i&gt;認証&lt;/i&gt;</a>');
  });

  it('the search index is data in a script file, with the hostile strings as JSON strings', () => {
    const script = files.get('assets/search-index.js') ?? '';
    const json = script.slice(script.indexOf('= ') + 2, script.lastIndexOf(';'));
    const index = JSON.parse(json) as { docs: { k: string; t: string[]; f: string[][] }[] };
    const item = index.docs.find((d) => d.k === 'requirement');
    // Kept exactly as written: search.js puts it into the page with textContent only (see the browser test).
    expect(item?.t).toEqual([HOSTILE_TITLE, HOSTILE_TITLE]);
    expect(item?.f.map((f) => f[0])).toEqual(expect.arrayContaining(HOSTILE));
  });
});

describe('tebiki publish arguments', () => {
  it('without --out: usage error, exit 2', async () => {
    const r = await runCli(['publish', '--content', defaultContentDir()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--out DIR is required');
  });

  it('--edition and --content together: usage error, exit 2', async () => {
    const r = await runCli(['publish', '--edition', '2026.2', '--content', defaultContentDir(), '--out', '/tmp/x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not both');
  });

  it('an unknown option and a bad --format are usage errors', async () => {
    expect((await runCli(['publish', '--outt', 'x'])).code).toBe(2);
    expect((await runCli(['publish', '--out', 'x', '--format', 'xml'])).code).toBe(2);
  });

  it('invalid content: exit 1 naming the file, nothing written', async () => {
    const dir = tempDir();
    try {
      const r = await runCli(['publish', '--content', dir.path, '--out', join(dir.path, 'site')]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('edition.yaml');
      expect(listFiles(dir.path)).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});
