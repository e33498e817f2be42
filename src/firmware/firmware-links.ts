/**
 * The links from firmware checks to guidebook requirements, read from
 * content/checks/firmware.yaml. A small reader of our own until the shared
 * content/checks loader lands (it validates the same file in `validate`); it
 * refuses a link to an unknown check id with the file's name.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { checkById } from '../core/evidence/check-catalog.js';
import { type CheckLink, LINK_COVERAGES } from '../core/evidence/finding.types.js';

const LinksFile = z.object({
  source: z.literal('firmware'),
  links: z.array(
    z.object({
      check: z.string(),
      requirements: z.array(z.object({ id: z.string().min(1), coverage: z.enum(LINK_COVERAGES) })),
    }),
  ),
});

export function firmwareLinks(contentDir: string): CheckLink[] {
  const file = join(contentDir, 'checks', 'firmware.yaml');
  if (!existsSync(file)) return [];
  const parsed = LinksFile.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const links: CheckLink[] = [];
  for (const link of parsed.data.links) {
    if (checkById(link.check)?.source !== 'firmware') throw new Error(`${file}: "${link.check}" is not a firmware check`);
    for (const r of link.requirements) links.push({ check: link.check, requirement: r.id, coverage: r.coverage });
  }
  return links;
}

/** Requirement ids a check is linked to. */
export function requirementsOf(links: readonly CheckLink[], check: string): string[] {
  return links.filter((l) => l.check === check).map((l) => l.requirement);
}
