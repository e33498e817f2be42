/**
 * Loads content/checks/*.yaml: the links from checks (probes, firmware, SBOM, CRA) to
 * guidebook requirements. Problems are values located at file:line:column: an unknown
 * check id, a check of another source, an unknown requirement, a link given twice.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { checkById } from '../core/evidence/check-catalog.js';
import type { CheckLink } from '../core/evidence/finding.types.js';
import { CheckLinksFile } from '../core/model/check-links.schema.js';
import type { Problem } from '../core/problems.js';
import { parseYamlSource, problemAt, type YamlSource } from './yaml-document.js';
import { yamlFilesUnder } from './yaml-files.js';
import { zodProblems } from './zod-problems.js';

export interface CheckLinksResult {
  links: CheckLink[];
  problems: Problem[];
}

/**
 * Every link in `<contentDir>/checks`. When `requirementIds` is given (the edition's
 * requirements), a link to any other id is an error. Links of a file with errors are dropped.
 */
export function loadCheckLinks(contentDir: string, requirementIds?: ReadonlySet<string>): CheckLinksResult {
  const links: CheckLink[] = [];
  const problems: Problem[] = [];
  for (const file of yamlFilesUnder(join(contentDir, 'checks'))) {
    const name = relative(process.cwd(), file).split(sep).join('/') || file;
    const parsed = parseYamlSource(name, readFileSync(file, 'utf8'));
    if (!parsed.ok) {
      problems.push(...parsed.problems);
      continue;
    }
    const result = CheckLinksFile.safeParse(parsed.source.value);
    if (!result.success) {
      problems.push(...zodProblems(parsed.source, result.error.issues));
      continue;
    }
    const fileProblems = linkProblems(parsed.source, result.data, requirementIds);
    if (basename(file).replace(/\.ya?ml$/, '') !== result.data.source) {
      fileProblems.push(
        at(parsed.source, ['source'], 'check-links-file-name', `a ${result.data.source} links file should be named ${result.data.source}.yaml`, 'warning'),
      );
    }
    problems.push(...fileProblems);
    if (fileProblems.some((p) => p.severity === 'error')) continue;
    for (const entry of result.data.links) {
      for (const r of entry.requirements) links.push({ check: entry.check, requirement: r.id, coverage: r.coverage });
    }
  }
  return { links, problems };
}

function linkProblems(source: YamlSource, file: CheckLinksFile, requirementIds: ReadonlySet<string> | undefined): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  file.links.forEach((entry, i) => {
    const check = checkById(entry.check);
    if (!check) problems.push(at(source, ['links', i, 'check'], 'unknown-check', `links[${i}].check: unknown check id "${entry.check}"`));
    else if (check.source !== file.source) {
      problems.push(
        at(source, ['links', i, 'check'], 'check-source-mismatch', `links[${i}].check: "${entry.check}" is a ${check.source} check, not ${file.source}`),
      );
    }
    if (seen.has(entry.check))
      problems.push(at(source, ['links', i, 'check'], 'duplicate-check-link', `links[${i}].check: "${entry.check}" is linked twice in this file`));
    seen.add(entry.check);
    const reqSeen = new Set<string>();
    entry.requirements.forEach((r, j) => {
      const path = ['links', i, 'requirements', j, 'id'];
      if (requirementIds && !requirementIds.has(r.id))
        problems.push(at(source, path, 'unknown-requirement', `links[${i}].requirements[${j}].id: unknown requirement "${r.id}"`));
      if (reqSeen.has(r.id)) problems.push(at(source, path, 'duplicate-requirement-link', `links[${i}].requirements[${j}].id: "${r.id}" is listed twice`));
      reqSeen.add(r.id);
    });
  });
  return problems;
}

function at(source: YamlSource, path: (string | number)[], code: string, message: string, severity: Problem['severity'] = 'error'): Problem {
  const { line, column } = source.locate(path);
  return problemAt(source.file, line, column, code, message, path, severity);
}
