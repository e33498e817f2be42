import type { z } from 'zod';
import type { PathSegment, Problem } from '../core/problems.js';
import { problemAt, type YamlSource } from './yaml-document.js';

/** Turns zod issues into problems located in a YAML source. */
export function zodProblems(source: YamlSource, issues: readonly z.core.$ZodIssue[], prefix: PathSegment[] = []): Problem[] {
  return issues.map((issue) => {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))];
    const { line, column } = source.locate(path);
    return problemAt(source.file, line, column, `schema-${issue.code.replaceAll('_', '-')}`, describeIssue(issue, path), path);
  });
}

function describeIssue(issue: z.core.$ZodIssue, path: PathSegment[]): string {
  const last = path[path.length - 1];
  const where = path.length
    ? `${path
        .map((p) => (typeof p === 'number' ? `[${p}]` : p))
        .join('.')
        .replaceAll('.[', '[')}: `
    : '';
  const missing = issue.code === 'invalid_type' && /received undefined/.test(issue.message);
  if (missing && last === 'en') return `${where}English text (en) is missing`;
  if (missing && last === 'ja') return `${where}Japanese text (ja) is missing`;
  if (missing) return `${where}is required`;
  if (issue.code === 'unrecognized_keys') return `${where}unknown key(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${where}must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return `${where}${issue.message}`;
}
