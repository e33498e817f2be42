import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type AppError, validationErrors } from '../core/errors.js';
import type { Problem } from '../core/problems.js';
import { parseYamlSource } from '../content/yaml-document.js';
import { zodProblems } from '../content/zod-problems.js';
import { Scope } from './scope.schema.js';

export interface LoadedScope {
  scope: Scope;
  /** SHA-256 of the scope text exactly as given: the run records which scope allowed it. */
  sha256: string;
  /** The private CA's PEM text, when the scope names one. */
  trustedCaPem: string | undefined;
}

/**
 * Parses a scope (YAML or JSON) and checks it. Throws `validation-failed` naming each
 * bad place as file:line:column, so nothing runs on a half-understood scope.
 */
export function loadScope(text: string, fileName: string): LoadedScope {
  const parsed = parseYamlSource(fileName, text);
  if (!parsed.ok) throw scopeError(parsed.problems);
  const result = Scope.safeParse(parsed.source.value);
  if (!result.success) throw scopeError(zodProblems(parsed.source, result.error.issues));
  const scope = result.data;
  return { scope, sha256: createHash('sha256').update(text).digest('hex'), trustedCaPem: readTrustedCa(scope.trustedCa, fileName) };
}

function readTrustedCa(trustedCa: string | undefined, fileName: string): string | undefined {
  if (trustedCa === undefined) return undefined;
  if (trustedCa.includes('-----BEGIN CERTIFICATE-----')) return trustedCa;
  const path = resolve(dirname(fileName), trustedCa);
  try {
    const pem = readFileSync(path, 'utf8');
    if (!pem.includes('-----BEGIN CERTIFICATE-----')) throw new Error('no PEM certificate in it');
    return pem;
  } catch (err) {
    throw validationErrors(
      [{ path: 'trustedCa', message: `cannot read ${trustedCa}`, code: 'invalid' }],
      `${fileName}: trustedCa: cannot read ${trustedCa} (${(err as Error).message})`,
    );
  }
}

function scopeError(problems: Problem[]): AppError {
  const lines = problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`);
  return validationErrors(
    problems.map((p) => ({ path: p.path || `${p.line}:${p.column}`, message: `${p.file}:${p.line}:${p.column}: ${p.message}`, code: 'invalid' })),
    `invalid scope:\n  ${lines.join('\n  ')}`,
  );
}
