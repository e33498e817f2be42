import { execFileSync } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tempDir } from '../helpers/temp-dir.js';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/content/content-dir.js';
import { sbomQuality } from '../../src/core/sbom/sbom-quality.js';
import { readSbom } from '../../src/sbom/read-sbom.js';

/**
 * SBOMs produced by a real tool on a real project: npm's own `npm sbom` (npm ≥ 10,
 * offline: it reads node_modules and the lockfile) run on this repository, as
 * CycloneDX 1.5 JSON and SPDX 2.3 JSON; and CycloneDX's own npm generator
 * (@cyclonedx/cyclonedx-npm, a dev dependency, also offline) as CycloneDX 1.6 XML
 * and JSON. No Debian package produces SBOMs.
 */
/**
 * The checkout whose node_modules the tools read. Both tools walk the installed
 * tree, and in a git worktree whose node_modules is a symbolic link to another
 * checkout's they see every package as a link and refuse (npm: ESBOMPROBLEMS);
 * there they run in the checkout that holds the install, the same project.
 */
function installedRoot(): string {
  return dirname(realpathSync(join(projectRoot(), 'node_modules')));
}

function npmSbom(format: 'cyclonedx' | 'spdx'): Buffer {
  return execFileSync('npm', ['sbom', '--sbom-format', format, '--omit', 'dev'], { cwd: installedRoot(), maxBuffer: 64 * 1024 * 1024, timeout: 120_000 });
}

function countCycloneDx(list: unknown): number {
  return (Array.isArray(list) ? list : []).reduce((n: number, c: { components?: unknown }) => n + 1 + countCycloneDx(c.components), 0);
}

describe('SBOMs from real tools import with the right component counts', () => {
  it('npm sbom, CycloneDX', () => {
    const bytes = npmSbom('cyclonedx');
    const raw = JSON.parse(bytes.toString('utf8'));
    const read = readSbom(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.document.format).toBe('CycloneDX');
    expect(read.document.components.length).toBe(countCycloneDx(raw.components));
    expect(read.document.components.length).toBeGreaterThan(100);
    expect(read.document.components.find((c) => c.purl?.startsWith('pkg:npm/fastify@'))).toBeTruthy();
    // npm writes tools, not a person or organisation, as the SBOM's author.
    expect(sbomQuality(read.document).entries[0]?.missing).toContain('creator');
  }, 120_000);
  it('npm sbom, SPDX', () => {
    const bytes = npmSbom('spdx');
    const raw = JSON.parse(bytes.toString('utf8'));
    const read = readSbom(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.document).toMatchObject({ format: 'SPDX', specVersion: '2.3' });
    expect(read.document.components.length).toBe(raw.packages.length);
    expect(read.document.subject?.name).toBe('tebiki');
  }, 120_000);
  it('cyclonedx-npm, CycloneDX 1.6 XML and JSON of the same project agree', () => {
    const dir = tempDir();
    try {
      const make = (format: 'XML' | 'JSON') => {
        const out = join(dir.path, `bom.${format.toLowerCase()}`);
        execFileSync(
          join(installedRoot(), 'node_modules', '.bin', 'cyclonedx-npm'),
          ['--omit', 'dev', '--output-format', format, '--spec-version', '1.6', '--output-file', out],
          {
            cwd: installedRoot(),
            timeout: 120_000,
            stdio: 'ignore',
          },
        );
        return readFileSync(out);
      };
      const json = make('JSON');
      const xml = readSbom(make('XML'));
      if (!xml.ok) throw new Error(JSON.stringify(xml.problems));
      expect(xml.document).toMatchObject({ format: 'CycloneDX', specVersion: '1.6', encoding: 'xml' });
      expect(xml.document.components.length).toBe(countCycloneDx(JSON.parse(json.toString('utf8')).components));
      const fromJson = readSbom(json);
      if (!fromJson.ok) throw new Error(JSON.stringify(fromJson.problems));
      expect(xml.document.components.map((c) => c.purl).sort()).toEqual(fromJson.document.components.map((c) => c.purl).sort());
    } finally {
      dir.remove();
    }
  }, 120_000);
});
