import type { z } from 'zod';
import type { PathSegment, Problem } from '../core/problems.js';
import { describeSchemaIssue } from '../core/validate-edition.js';
import { problemAt, type YamlSource } from './yaml-document.js';

/** Turns zod issues of a YAML source's value into problems located in that source. */
export function zodProblems(source: YamlSource, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    const { line, column } = source.locate(path);
    return problemAt(source.file, line, column, `schema-${issue.code.replaceAll('_', '-')}`, describeIssue(issue, path, source.value), path);
  });
}

function describeIssue(issue: z.core.$ZodIssue, path: PathSegment[], input: unknown): string {
  const where = path.length
    ? `${path
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replaceAll('.[', '[')}: `
    : '';
  return `${where}${describeSchemaIssue(issue, input)}`;
}
