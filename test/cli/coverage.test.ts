import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const content = ['--content', defaultContentDir()];

describe('bin/tebiki coverage and gaps', () => {
  it('coverage --format json reports every standard with the items behind each requirement', async () => {
    const r = await runCli(['coverage', ...content, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.reports.map((x: { standard: { id: string } }) => x.standard.id)).toContain('iec-62443-4-2');
    const ec = doc.reports.find((x: { standard: { id: string } }) => x.standard.id === 'iec-62443-4-1');
    expect(ec.summary.gap).toBe(0);
    expect(ec.requirements[0].links.length).toBeGreaterThan(0);
  });

  it('an SL and a component type change what counts for IEC 62443-4-2', async () => {
    const all = JSON.parse((await runCli(['coverage', ...content, '--standard', 'iec-62443-4-2', '--format', 'json'])).stdout).reports[0];
    const sl1 = JSON.parse((await runCli(['coverage', ...content, '--standard', 'iec-62443-4-2', '--sl', '1', '--format', 'json'])).stdout).reports[0];
    const edr = JSON.parse((await runCli(['coverage', ...content, '--standard', 'iec-62443-4-2', '--component-type', 'edr', '--format', 'json'])).stdout)
      .reports[0];
    expect(sl1.summary['not-applicable']).toBeGreaterThan(all.summary['not-applicable']);
    expect(edr.requirements.find((x: { id: string }) => x.id === 'CR 2.13').coverage).toBe('not-applicable');
    expect(edr.requirements.find((x: { id: string }) => x.id === 'EDR 2.13').coverage).not.toBe('not-applicable');
  });

  it('renders CSV and HTML, the HTML escaped', async () => {
    const csv = await runCli(['coverage', ...content, '--standard', 'jc-star-1', '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toBe('standard,requirement,kind,coverage,status,levels,items,relationships,reason_en,title_en,title_ja');
    expect(csv.stdout).toContain('jc-star-1,S1.1-09,requirement,pending');
    const page = await runCli(['coverage', ...content, '--standard', 'jc-star-1', '--format', 'html']);
    expect(page.stdout).toMatch(/^<!doctype html>/);
    expect(page.stdout).not.toContain('<script');
  });

  it('gaps exits 0 where every requirement is answered and 1, listing them, where some are not', async () => {
    const none = await runCli(['gaps', ...content, '--standard', 'iec-62443-4-1']);
    expect(none.code).toBe(0);
    expect(none.stdout).toContain('iec-62443-4-1: 0 gap(s), 0 pending verification');
    const jc = await runCli(['gaps', ...content, '--standard', 'jc-star-1', '--format', 'json']);
    expect(jc.code).toBe(0);
    expect(JSON.parse(jc.stdout).standards[0].pending.map((p: { id: string }) => p.id)).toEqual(['S1.1-09', 'S1.1-14']);
    // Every ISVS requirement is answered, by reviewed links too; on a copy without ISVS's review records, counted over reviewed links only, gaps remain.
    expect((await runCli(['gaps', ...content, '--standard', 'owasp-isvs'])).code).toBe(0);
    expect((await runCli(['gaps', ...content, '--standard', 'owasp-isvs', '--reviewed-only'])).code).toBe(0);
    const dir = tempDir();
    try {
      cpSync(defaultContentDir(), join(dir.path, 'content'), { recursive: true });
      rmSync(join(dir.path, 'content', 'reviews', 'owasp-isvs.yaml'));
      const isvs = await runCli(['gaps', '--content', join(dir.path, 'content'), '--standard', 'owasp-isvs', '--reviewed-only']);
      expect(isvs.code).toBe(1);
      expect(isvs.stdout).toMatch(/GAP {6}\d+\.\d+\.\d+/);
    } finally {
      dir.remove();
    }
  });

  it('bad options are usage errors naming the option', async () => {
    for (const [args, text] of [
      [['--sl', '7'], '--sl must be 1, 2, 3 or 4'],
      [['--component-type', 'toaster'], '--component-type must be'],
      [['--standard', 'iso-9999'], 'is not in edition'],
      [['--format', 'pdf'], '--format must be one of'],
      [['--standard', 'etsi-en-303-645', '--conditions', '99'], 'is not a condition of'],
    ] as const) {
      const r = await runCli(['coverage', ...content, ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain(text);
    }
  });
});
