/**
 * content/checks/<source>.yaml: which check evidences which guidebook requirement,
 * fully or partly. One file per evidence source so several people edit apart; kept
 * out of the requirement files so that links and requirement texts are edited apart.
 */
import { z } from 'zod';
import { EVIDENCE_SOURCES, LINK_COVERAGES } from '../evidence/finding.types.js';
import { Slug } from './edition.schema.js';

export const CheckRequirementLink = z
  .object({
    id: Slug.describe('a guidebook requirement id (content/requirements)'),
    coverage: z.enum(LINK_COVERAGES).describe('full: the check proves the whole requirement; partial: only part of it'),
  })
  .strict();

export const CheckLinkEntry = z
  .object({
    check: z.string().min(1).describe('a check id from src/core/evidence/check-catalog.ts (bin/tebiki probe --list)'),
    requirements: z.array(CheckRequirementLink).min(1),
  })
  .strict();

export const CheckLinksFile = z
  .object({
    source: z.enum(EVIDENCE_SOURCES),
    links: z.array(CheckLinkEntry),
  })
  .strict();
export type CheckLinksFile = z.infer<typeof CheckLinksFile>;
