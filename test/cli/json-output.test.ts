/**
 * Every bin/tebiki command answers in JSON (issue 13, point 5): a report or a
 * status with --format json, and where --format names the document written
 * (checksheet, guidebook, export vex) the status with --json. stdout is parsed
 * as one JSON document each time. In-process, on a SQLite data folder of its own.
 */
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditHelp } from '../../src/cli/commands/audit.command.js';
import { backupHelp, restoreHelp } from '../../src/cli/commands/backup.command.js';
import { checksheetHelp } from '../../src/cli/commands/checksheet.command.js';
import { coverageHelp, gapsHelp } from '../../src/cli/commands/coverage.command.js';
import { dbHelp } from '../../src/cli/commands/db.command.js';
import { diffHelp } from '../../src/cli/commands/diff.command.js';
import { exportHelp } from '../../src/cli/commands/export.command.js';
import { firmwareHelp } from '../../src/cli/commands/firmware.command.js';
import { guidebookHelp } from '../../src/cli/commands/guidebook.command.js';
import { importHelp } from '../../src/cli/commands/import.command.js';
import { keywordsHelp } from '../../src/cli/commands/keywords.command.js';
import { packHelp } from '../../src/cli/commands/pack.command.js';
import { probeHelp } from '../../src/cli/commands/probe.command.js';
import { publishHelp } from '../../src/cli/commands/publish.command.js';
import { sbomHelp } from '../../src/cli/commands/sbom.command.js';
import { setupLinkHelp } from '../../src/cli/commands/setup-link.command.js';
import { standardsHelp } from '../../src/cli/commands/standards.command.js';
import { statsHelp } from '../../src/cli/commands/stats.command.js';
import { validateHelp } from '../../src/cli/commands/validate.command.js';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { osvSet } from '../helpers/osv-fixtures.js';
import { productWithSbom } from './product-with-sbom.js';
import { runCli } from '../helpers/run-cli.js';
import { cyclonedxJson } from '../helpers/sbom-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('tebiki-json-output-');
const file = (name: string) => join(dir.path, name);
const content = defaultContentDir();
const dataDir = file('db');

type Doc = Record<string, unknown> & { ok?: boolean; error?: { code: string; message: string } };

/** Runs a command in-process with `env` set for its duration. */
async function cli(args: string[], env: Record<string, string> = { TEBIKI_DATA_DIR: dataDir, DATABASE_URL: '' }) {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await runCli(args);
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

/** Runs a command and parses its stdout as exactly one JSON document. */
async function json(args: string[], env?: Record<string, string>) {
  const r = await cli(args, env);
  let doc: Doc;
  try {
    doc = JSON.parse(r.stdout) as Doc;
  } catch {
    throw new Error(`tebiki ${args.join(' ')}: stdout is not one JSON document (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, doc, stderr: r.stderr };
}

const sizeOf = (path: string) => statSync(path).size;

beforeAll(() => {
  writeFileSync(file('bom.json'), JSON.stringify(cyclonedxJson('1.6')));
  mkdirSync(file('osv'), { recursive: true });
  for (const [i, r] of osvSet().entries()) writeFileSync(file(`osv/${i}.json`), JSON.stringify(r));
  writeFileSync(
    file('kev.json'),
    JSON.stringify({
      catalogVersion: '2026.01.20',
      vulnerabilities: [{ cveID: 'CVE-2023-5678', vendorProject: 'OpenSSL', product: 'OpenSSL', vulnerabilityName: 'x', dateAdded: '2026-01-19' }],
    }),
  );
  mkdirSync(file('rootfs/etc'), { recursive: true });
  writeFileSync(file('rootfs/etc/passwd'), 'root:x:0:0:root:/root:/bin/sh\n');
  writeFileSync(file('rootfs/etc/shadow'), 'root:*:19000:0:99999:7:::\n');
});
afterAll(() => dir.remove());

describe('reports of the content answer in JSON (--format json)', () => {
  it('validate, coverage, gaps, diff, stats, keywords and standards', { timeout: 120_000 }, async () => {
    const validate = await json(['validate', '--format', 'json']);
    expect(validate.code).toBe(0);
    expect(validate.doc).toMatchObject({ ok: true, errors: 0 });

    const coverage = await json(['coverage', '--content', content, '--standard', 'jc-star-1', '--format', 'json']);
    expect(coverage.code).toBe(0);
    expect((coverage.doc.reports as { standard: { id: string } }[])[0]?.standard.id).toBe('jc-star-1');

    const gaps = await json(['gaps', '--content', content, '--format', 'json']);
    expect([0, 1]).toContain(gaps.code);
    expect(Array.isArray(gaps.doc.standards)).toBe(true);

    const diff = await json(['diff', content, content, '--format', 'json']);
    expect(diff.code).toBe(0);
    expect(diff.doc).toMatchObject({ summary: { unchanged: true } });

    const stats = await json(['stats', '--content', content, '--format', 'json']);
    expect(stats.code).toBe(0);
    expect(stats.doc.requirements).toBeGreaterThan(0);

    const keywords = await json(['keywords', '--limit', '2', '--format', 'json']);
    expect(keywords.code).toBe(0);
    expect(keywords.doc.candidates).toHaveLength(2);

    const standards = await json(['standards', '--sector', 'power', '--format', 'json']);
    expect(standards.code).toBe(0);
    expect(standards.doc.total).toBeGreaterThan(0);
  });

  it('a refusal after the command line was understood is {ok: false, error} on stdout', async () => {
    const keywords = await json(['keywords', '--content', file('nowhere'), '--format', 'json']);
    expect(keywords.code).toBe(1);
    expect(keywords.doc).toMatchObject({ ok: false, error: { code: 'content-invalid' } });
    // Text stays as it was: the problems on stderr.
    const text = await cli(['keywords', '--content', file('nowhere')]);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('content error(s)');
  });

  it('a usage error is text on stderr with stdout empty, in either mode', async () => {
    for (const args of [
      ['stats', '--format', 'yaml'],
      ['checksheet', '--format', 'csv', '--json'],
      ['export', 'oscal-catalog', '--format', 'json'],
    ]) {
      const r = await cli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout, args.join(' ')).toBe('');
      expect(r.stderr).toContain(`tebiki ${args[0]}:`);
    }
    expect((await cli(['checksheet', '--format', 'csv', '--json'])).stderr).toContain('--json prints the status of the written file: give --out FILE');
  });
});

describe('commands that write a file print their status as JSON', () => {
  it('export oscal-catalog and oscal-mapping take --format json: out, bytes, edition', { timeout: 60_000 }, async () => {
    for (const kind of ['oscal-catalog', 'oscal-mapping'] as const) {
      const out = file(`${kind}.json`);
      const r = await json(['export', kind, '--content', content, '--out', out, '--format', 'json']);
      expect(r.code, r.stderr).toBe(0);
      expect(r.doc).toMatchObject({ ok: true, document: kind, out, bytes: sizeOf(out) });
      expect(typeof r.doc.edition).toBe('string');
    }
    // The text line is unchanged.
    const text = await cli(['export', 'oscal-mapping', '--content', content, '--out', file('mapping-text.json')]);
    expect(text.stdout).toMatch(/^wrote oscal-mapping of edition \S+ to .*mapping-text\.json\n$/);
  });

  it('checksheet --json: the status on stdout instead of the line on stderr', { timeout: 60_000 }, async () => {
    const out = file('checksheet.csv');
    const r = await json(['checksheet', '--content', content, '--standard', 'jc-star-1', '--format', 'csv', '--lang', 'en', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.doc).toMatchObject({ ok: true, document: 'checksheet', format: 'csv', lang: 'en', out, bytes: sizeOf(out), excluded: 0 });
    expect(r.doc.items).toBeGreaterThan(0);
    const text = await cli(['checksheet', '--content', content, '--standard', 'jc-star-1', '--format', 'csv', '--out', file('text.csv')]);
    expect(text.stdout).toBe('');
    expect(text.stderr).toMatch(/^checksheet: \d+ items from edition \S+ → /);
  });

  it('guidebook --json: the status with the file, its bytes and the edition', { timeout: 120_000 }, async () => {
    const out = file('guidebook.html');
    const r = await json(['guidebook', '--content', content, '--format', 'html', '--lang', 'en', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.doc).toMatchObject({ ok: true, document: 'guidebook', format: 'html', lang: 'en', out, bytes: sizeOf(out), attachedText: [] });
    expect((r.doc.edition as { id: string }).id).toBeTruthy();
  });

  it('publish --format json (its shape unchanged)', { timeout: 180_000 }, async () => {
    const r = await json(['publish', '--content', content, '--out', file('site'), '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.doc).toMatchObject({ out: file('site') });
    expect(r.doc.pages).toBeGreaterThan(0);
    expect(r.doc.bytes).toBeGreaterThan(0);
  });
});

describe('commands on the database answer in JSON', () => {
  it('db migrate, setup-link, audit head and verify, import and export content', { timeout: 180_000 }, async () => {
    const migrated = await json(['db', 'migrate', '--format', 'json']);
    expect(migrated.doc).toMatchObject({ database: 'sqlite' });
    const setup = await json(['setup-link', '--format', 'json']);
    expect(setup.code).toBe(0);
    expect(typeof setup.doc.setupUrl).toBe('string');

    const imported = await json(['import', 'content', content, '--format', 'json']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.doc).toMatchObject({ ok: true, status: 'imported' });
    const edition = imported.doc.id as string;
    const exported = await json(['export', 'content', '--edition', edition, '--out', file('exported'), '--format', 'json']);
    expect(exported.doc).toMatchObject({ ok: true, edition, out: file('exported') });
    const missing = await json(['export', 'content', '--edition', '1999.9', '--out', file('none'), '--format', 'json']);
    expect(missing.code).toBe(1);
    expect(missing.doc).toMatchObject({ ok: false, error: { code: 'not-found' } });

    const head = await json(['audit', 'head', '--format', 'json']);
    expect(head.doc.sequence).toBeGreaterThan(0);
    const verify = await json(['audit', 'verify', '--format', 'json']);
    expect(verify.code).toBe(0);
    expect(verify.doc).toMatchObject({ ok: true });

    // A failure no command reports itself reaches main: with JSON asked it is still one document.
    const unknown = await json(['keywords', '--edition', '1999.9', '--format', 'json']);
    expect(unknown.code).toBe(1);
    expect(unknown.doc).toMatchObject({ ok: false, error: { message: expect.stringContaining('1999.9') } });
    expect(unknown.stderr).toContain('edition 1999.9 is not in the database');
  });

  it('import oscal (of an exported catalog), import osv, import kev', { timeout: 180_000 }, async () => {
    const catalog = file('catalog-for-import.json');
    expect((await cli(['export', 'oscal-catalog', '--content', content, '--out', catalog])).code).toBe(0);
    const oscal = await json(['import', 'oscal', catalog, '--id', 'guidebook-copy', '--format', 'json']);
    expect(oscal.code, JSON.stringify(oscal.doc)).toBe(0);
    expect(oscal.doc).toMatchObject({ id: 'guidebook-copy', status: 'imported' });

    const osv = await json(['import', 'osv', file('osv'), '--format', 'json']);
    expect(osv.code, osv.stderr).toBe(0);
    expect(osv.doc).toMatchObject({ ok: true, read: 3, added: 3 });
    const kev = await json(['import', 'kev', file('kev.json'), '--format', 'json']);
    expect(kev.code, kev.stderr).toBe(0);
    expect(kev.doc).toMatchObject({ ok: true, catalogVersion: '2026.01.20', kevMarked: 1 });
  });

  it('export vex --json: the status, or the refusal', { timeout: 120_000 }, async () => {
    await productWithSbom(dataDir, 'json', file('bom.json'));
    const out = file('vex.json');
    const r = await json(['export', 'vex', '--product', 'prod-json', '--version', '1.0', '--format', 'openvex', '--out', out, '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.doc).toMatchObject({ ok: true, document: 'vex', format: 'openvex', product: 'prod-json', version: '1.0', out, bytes: sizeOf(out) });
    expect(r.doc.statements).toBe((JSON.parse(readFileSync(out, 'utf8')).statements as unknown[]).length);
    const refused = await json(['export', 'vex', '--product', 'prod-json', '--version', '9.9', '--format', 'openvex', '--out', file('x.json'), '--json']);
    expect(refused.code).toBe(1);
    expect(refused.doc).toMatchObject({ ok: false, product: 'prod-json', version: '9.9', error: { code: 'not-found' } });
    // Text as before: the message on stderr.
    const text = await cli(['export', 'vex', '--product', 'prod-json', '--version', '9.9', '--format', 'openvex', '--out', file('x.json')]);
    expect(text.stdout).toBe('');
    expect(text.stderr).toContain('no version 9.9');
  });

  it('pack --format json: a refusal as {ok: false, error}', { timeout: 60_000 }, async () => {
    const r = await json(['pack', '--assessment', 'no-such-assessment', '--scheme', 'eu-cra', '--out', file('pack.zip'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.doc).toMatchObject({ ok: false, assessment: 'no-such-assessment', scheme: 'eu-cra', error: { code: 'not-found' } });
  });

  it('backup and restore --format json', { timeout: 180_000 }, async () => {
    const tar = file('backup.tar');
    const backup = await json(['backup', '--out', tar, '--format', 'json']);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.doc).toMatchObject({ file: tar, bytes: sizeOf(tar), database: 'sqlite' });
    const elsewhere = { TEBIKI_DATA_DIR: file('restored'), DATABASE_URL: '' };
    const restore = await json(['restore', tar, '--format', 'json'], elsewhere);
    expect(restore.code, restore.stderr).toBe(0);
    expect(restore.doc).toMatchObject({ database: 'sqlite', audit: { ok: true } });
    // Into a database that is no longer empty, without --force: refused, as JSON.
    const refused = await json(['restore', tar, '--format', 'json'], elsewhere);
    expect(refused.code).toBe(1);
    expect(refused.doc).toMatchObject({ ok: false, error: { code: 'restore-refused' } });
  });
});

describe('the checks answer in JSON', () => {
  it('sbom, firmware and probe --list', { timeout: 120_000 }, async () => {
    const sbom = await json(['sbom', file('bom.json'), '--vulns', file('osv'), '--format', 'json']);
    expect(sbom.code).toBe(1);
    expect(sbom.doc).toMatchObject({ sbom: { format: 'CycloneDX', specVersion: '1.6' } });

    const firmware = await json(['firmware', file('rootfs'), '--format', 'json']);
    expect([0, 1]).toContain(firmware.code);
    expect(Array.isArray(firmware.doc.findings)).toBe(true);
    expect(firmware.doc.files).toBeGreaterThan(0);

    const probes = await json(['probe', '--list', '--format', 'json']);
    expect(probes.code).toBe(0);
    expect((probes.doc.probes as unknown[]).length).toBeGreaterThan(0);
  });
});

describe('a refusal is one JSON document too: ok false and the error', () => {
  it('sbom, import oscal and probe', { timeout: 120_000 }, async () => {
    writeFileSync(file('broken-bom.json'), '{"bomFormat": "CycloneDX", ');
    const sbom = await json(['sbom', file('broken-bom.json'), '--format', 'json']);
    expect(sbom.code).toBe(2);
    expect(sbom.doc).toMatchObject({ ok: false, error: { code: 'validation-failed' } });
    expect((sbom.doc.problems as unknown[]).length).toBeGreaterThan(0);
    const unreadable = await json(['sbom', file('no-such-bom.json'), '--format', 'json']);
    expect(unreadable.code).toBe(2);
    expect(unreadable.doc).toMatchObject({ ok: false, error: { code: 'unreadable' } });

    writeFileSync(file('empty-catalog.json'), '{"catalog": {}}');
    const oscal = await json(['import', 'oscal', file('empty-catalog.json'), '--id', 'empty-copy', '--format', 'json']);
    expect(oscal.code).toBe(1);
    expect(oscal.doc).toMatchObject({ ok: false, error: { code: 'validation-failed' } });

    const noScope = await json(['probe', '--scope', file('no-such-scope.json'), '--format', 'json']);
    expect(noScope.code).toBe(2);
    expect(noScope.doc).toMatchObject({ ok: false, error: { code: 'unreadable' } });
    const window = { from: '2020-01-01T00:00:00Z', to: '2020-02-01T00:00:00Z' };
    const targets = [{ host: '127.0.0.1', services: [{ port: 9, kind: 'http' }] }];
    writeFileSync(file('past-scope.json'), JSON.stringify({ name: 'past', authorisedBy: 'test setup', window, targets }));
    const past = await json(['probe', '--scope', file('past-scope.json'), '--format', 'json']);
    expect(past.code).toBe(2);
    expect(past.doc).toMatchObject({ ok: false, error: { code: 'validation-failed' } });
    expect(past.doc.error?.message).toMatch(/outside the scope's window/);
  });
});

describe('--help names the JSON option of every command', () => {
  const helps = {
    validate: validateHelp,
    coverage: coverageHelp,
    gaps: gapsHelp,
    diff: diffHelp,
    db: dbHelp,
    audit: auditHelp,
    backup: backupHelp,
    restore: restoreHelp,
    'setup-link': setupLinkHelp,
    standards: standardsHelp,
    publish: publishHelp,
    keywords: keywordsHelp,
    sbom: sbomHelp,
    probe: probeHelp,
    firmware: firmwareHelp,
    stats: statsHelp,
    pack: packHelp,
  };
  it.each(Object.entries(helps))('%s: --format text|json', (_name, help) => {
    expect(help).toMatch(/--format text\|json/);
  });

  it('the commands whose --format names the document take --json; export and import name it per subcommand', async () => {
    expect(checksheetHelp).toContain('[--json]');
    expect(guidebookHelp).toContain('[--json]');
    const exportLines = exportHelp.split('\n');
    expect(exportLines.find((l) => l.includes('export content'))).toContain('--format text|json');
    expect(exportLines.find((l) => l.includes('oscal-catalog'))).toContain('--format text|json');
    expect(exportLines.find((l) => l.includes('export vex'))).toContain('[--json]');
    for (const line of importHelp.split('\n').filter((l) => l.includes('import '))) expect(line).toContain('--format text|json');

    const usage = (await runCli(['--help'])).stdout;
    expect(usage).toContain('every command answers in JSON with --format json');
    expect(usage).toContain('--json prints the status');
  });
});
