/** content/checks: the bundled probe links load clean, and validate rejects bad links with file:line. */
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultContentDir } from '../../src/content/content-dir.js';
import { loadCheckLinks } from '../../src/content/load-check-links.js';
import { loadContent } from '../../src/content/load-content.js';
import { PROBE_CHECKS } from '../../src/core/evidence/checks/probe.checks.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('content/checks', () => {
  it('links every probe to existing requirements, with no problem', () => {
    const loaded = loadContent(defaultContentDir());
    if (!loaded.ok) throw new Error('bundled content invalid');
    const { links, problems } = loadCheckLinks(defaultContentDir(), new Set(loaded.edition.requirements.map((r) => r.id)));
    expect(problems).toEqual([]);
    expect(new Set(links.filter((l) => PROBE_CHECKS.some((c) => c.id === l.check)).map((l) => l.check))).toEqual(new Set(PROBE_CHECKS.map((c) => c.id)));
    expect(links).toContainEqual({ check: 'web.hsts', requirement: 'design-comm-https-input-forms', coverage: 'partial' });
  });

  it('validate rejects an unknown check id, a check of another source and an unknown requirement, each at file:line', async () => {
    const dir = tempDir();
    try {
      cpSync(defaultContentDir(), dir.path, { recursive: true });
      writeFileSync(
        join(dir.path, 'checks', 'probe.yaml'),
        [
          'source: probe',
          'links:',
          '  - check: web.hsts',
          '    requirements:',
          '      - { id: design-comm-https-input-forms, coverage: partial }',
          '  - check: web.hstss',
          '    requirements:',
          '      - { id: no-such-requirement, coverage: full }',
          '',
        ].join('\n'),
      );
      const first = await runCli(['validate', '--content', dir.path]);
      expect(first.code).toBe(1);
      expect(first.stdout).toMatch(/checks\/probe\.yaml:6:\d+: error \[unknown-check\] links\[1\]\.check: unknown check id "web\.hstss"/);
      expect(first.stdout).toMatch(
        /checks\/probe\.yaml:8:\d+: error \[unknown-requirement\] links\[1\]\.requirements\[0\]\.id: unknown requirement "no-such-requirement"/,
      );
      writeFileSync(
        join(dir.path, 'checks', 'probe.yaml'),
        'source: probe\nlinks:\n  - check: web.cookie-flags\n    requirements:\n      - { id: design-session-management, coverage: mostly }\n',
      );
      writeFileSync(
        join(dir.path, 'checks', 'sbom.yaml'),
        'source: sbom\nlinks:\n  - check: web.hsts\n    requirements:\n      - { id: design-session-management, coverage: full }\n',
      );
      const second = await runCli(['validate', '--content', dir.path]);
      expect(second.code).toBe(1);
      expect(second.stdout).toMatch(
        /checks\/probe\.yaml:5:\d+: error \[schema-invalid-value\] links\[0\]\.requirements\[0\]\.coverage: must be one of "full", "partial"/,
      );
      expect(second.stdout).toMatch(/checks\/sbom\.yaml:3:\d+: error \[check-source-mismatch\] links\[0\]\.check: "web\.hsts" is a probe check, not sbom/);
    } finally {
      dir.remove();
    }
  });

  it('validate counts the links of the bundled content', async () => {
    const { code, stdout } = await runCli(['validate', '--format', 'json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).counts.checkLinks).toBeGreaterThanOrEqual(19);
  });
});
