import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { loadCheckLinks } from '../../content/load-check-links.js';
import { loadContent } from '../../content/load-content.js';
import { landscapeProblems } from '../../content/load-landscape.js';
import type { Problem } from '../../core/problems.js';
import { type CommandIO, parseFormat, printJson } from '../output.js';
import { defaultContentDir } from '../../content/content-dir.js';

export const validateHelp = 'validate [--content DIR] [--format text|json]   check content files and every cross reference';

export function validateCommand(args: string[], io: CommandIO): number {
  const { values } = parseArgs({ args, options: { content: { type: 'string' }, format: { type: 'string' } }, strict: true });
  const format = parseFormat(values.format);
  const dir = resolve(values.content ?? defaultContentDir());
  const result = loadContent(dir);
  // The standards landscape sits beside the edition, not in it, so it is checked here.
  const landscape = landscapeProblems(dir);
  // So are the links from checks (probes, firmware, SBOM) to requirements (content/checks).
  const checkLinks = loadCheckLinks(dir, result.ok ? new Set(result.edition.requirements.map((r) => r.id)) : undefined);
  const problems = sortProblems([...result.problems, ...landscape, ...checkLinks.problems]);
  // Unfinished content (gaps, unmapped items) loads, but validate fails on it.
  const ok = result.ok && !problems.some((p) => p.severity === 'error');
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  if (format === 'json') {
    const counts = result.ok
      ? {
          requirements: result.edition.requirements.length,
          glossary: result.edition.glossary.length,
          standards: result.edition.standards.length,
          checkLinks: checkLinks.links.length,
        }
      : null;
    printJson(io, { ok, content: dir, errors, warnings, counts, problems });
  } else {
    for (const p of problems) io.out(`${p.file}:${p.line}:${p.column}: ${p.severity} [${p.code}] ${p.message}`);
    if (ok) {
      const e = result.edition;
      io.out(
        `ok: edition ${e.meta.id}: ${e.requirements.length} requirements, ${e.glossary.length} glossary terms, ${e.standards.length} standards` +
          (warnings ? `, ${warnings} warning(s)` : ''),
      );
    } else {
      io.out(`${errors} error(s), ${warnings} warning(s)`);
    }
  }
  return ok ? 0 : 1;
}

function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
