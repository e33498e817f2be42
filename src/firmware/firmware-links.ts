/**
 * The links from firmware checks to guidebook requirements: the firmware part of
 * the shared content/checks loader (src/content/load-check-links.ts), which
 * `validate` checks too.
 */
import { checkById } from '../core/evidence/check-catalog.js';
import type { CheckLink } from '../core/evidence/finding.types.js';
import { loadCheckLinks } from '../content/load-check-links.js';

export function firmwareLinks(contentDir: string): CheckLink[] {
  const { links, problems } = loadCheckLinks(contentDir);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`).join('\n'));
  return links.filter((l) => checkById(l.check)?.source === 'firmware');
}

/** Requirement ids a check is linked to. */
export function requirementsOf(links: readonly CheckLink[], check: string): string[] {
  return links.filter((l) => l.check === check).map((l) => l.requirement);
}
