import { z } from 'zod';
import { CONFIDENCE_LEVELS } from '../taxonomy.js';
import { Localized, Slug } from './edition.schema.js';

/**
 * Schema of content/landscape.yaml: which security standards, regulations and
 * certification schemes apply to which industry sector and at which level
 * (organisation, system, component, development process). It is a map for
 * orientation beside the edition, not part of it: entries link to a standard
 * catalog of the edition where we have one.
 */

const nonBlank = z.string().trim().min(1, 'must not be empty');

/** What sort of document an entry is; the map shows each kind differently. */
export const LANDSCAPE_KINDS = ['standard', 'regulation', 'certification-scheme', 'guideline'] as const;
export type LandscapeKind = (typeof LANDSCAPE_KINDS)[number];

export const LandscapeAxis = z
  .object({
    id: Slug,
    label: Localized,
    description: Localized.optional(),
  })
  .strict();
export type LandscapeAxis = z.infer<typeof LandscapeAxis>;

export const LandscapeEntry = z
  .object({
    id: Slug,
    name: nonBlank.describe('The official designation, e.g. "IEC 62443-3-3" or "UN R155".'),
    title: nonBlank.optional().describe('The full official title when `name` is a short form.'),
    kind: z.enum(LANDSCAPE_KINDS),
    publisher: z.union([nonBlank, Localized]).describe('Who issues it; a {ja, en} pair where the name differs by language.'),
    sectors: z.array(Slug).min(1),
    levels: z.array(Slug).min(1),
    description: Localized.describe('Scope and role in our own words; never the document\u2019s text.'),
    catalog: Slug.optional().describe('Id of the standard catalog in content/standards when the edition carries one.'),
    related: z.array(Slug).optional().describe('Ids of other entries this one builds on or is used with.'),
    confidence: z
      .enum(CONFIDENCE_LEVELS)
      .describe('verified: checked against a named source; names_verified: name, publisher and scope known; recall: from memory.'),
    source: nonBlank.optional().describe('Where the facts were checked; required when confidence is verified.'),
  })
  .strict();
export type LandscapeEntry = z.infer<typeof LandscapeEntry>;

export const Landscape = z
  .object({
    sectors: z.array(LandscapeAxis).min(1),
    levels: z.array(LandscapeAxis).min(1),
    entries: z.array(LandscapeEntry).min(1),
  })
  .strict();
export type Landscape = z.infer<typeof Landscape>;
