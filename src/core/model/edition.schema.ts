import { z } from 'zod';
import { coded } from '../zod-field-errors.js';
import { CONFIDENCE_LEVELS, EDITION_STATUSES, LAYERS, PHASES, RELATIONSHIPS, REVIEW_STATES, STAGES, VERIFICATION_METHODS } from '../taxonomy.js';

/**
 * Schemas of the guidebook's content. They are the single source of truth for
 * the YAML files under content/, the JSON Schema editors get, and the types
 * the rest of the code uses. Pure: no I/O here.
 */

const nonBlank = z.string().trim().min(1, 'must not be empty');

/** Every human-readable text carries both languages. */
export const Localized = z.object({ ja: nonBlank, en: nonBlank }).strict().describe('Text in Japanese (ja) and English (en); both are required.');
export type Localized = z.infer<typeof Localized>;

/** Lower-case slug ids: stable, URL-safe, never reused. */
export const Slug = z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'must be lower-case letters, digits, "." or "-"');

export const LayerId = z.enum(LAYERS);
export const PhaseId = z.enum(PHASES);
export const StageId = z.enum(STAGES);

export const LabelledTerm = z.object({ id: nonBlank, label: Localized, description: Localized.optional() }).strict();

export const ThreatCategory: z.ZodType<ThreatCategory> = z.lazy(() =>
  z
    .object({
      id: Slug,
      label: Localized,
      children: z.array(ThreatCategory).optional(),
    })
    .strict(),
);
export interface ThreatCategory {
  id: string;
  label: Localized;
  children?: ThreatCategory[] | undefined;
}

export const ApplicabilityCondition = z.object({ id: Slug, label: Localized, description: Localized.optional() }).strict();

export const Taxonomy = z
  .object({
    layers: z.array(LabelledTerm.extend({ id: LayerId }).strict()),
    stages: z.array(LabelledTerm.extend({ id: StageId }).strict()),
    phases: z.array(LabelledTerm.extend({ id: PhaseId, stage: StageId }).strict()),
    threatCategories: z.array(ThreatCategory).min(1),
    applicability: z.array(ApplicabilityCondition),
  })
  .strict();
export type Taxonomy = z.infer<typeof Taxonomy>;

export const Mapping = z
  .object({
    standard: Slug,
    requirement: nonBlank,
    relationship: z.enum(RELATIONSHIPS),
    rationale: Localized,
  })
  .strict();
export type Mapping = z.infer<typeof Mapping>;

export const AttackPattern = z
  .object({
    attack: Localized,
    countermeasures: z.array(Localized).min(1, 'needs at least one countermeasure'),
  })
  .strict();

export const Verification = z
  .object({
    methods: z.array(z.enum(VERIFICATION_METHODS)).min(1, 'needs at least one method'),
    steps: z.array(Localized).min(1, 'needs at least one step'),
  })
  .strict();

export const Reference = z
  .object({
    type: z.enum(['cwe', 'capec', 'cert-c', 'owasp', 'rfc', 'other']),
    id: nonBlank,
    note: Localized.optional(),
  })
  .strict();

export const Requirement = z
  .object({
    id: Slug.describe('Stable id; never changes once published.'),
    number: nonBlank.describe('Display number (項番), e.g. D-2.1.'),
    title: Localized,
    layers: z.array(LayerId).min(1, 'needs at least one layer'),
    phases: z.array(PhaseId).min(1, 'needs at least one phase'),
    threatCategory: Slug,
    criteria: z.array(Localized).min(1, 'needs at least one criterion'),
    interpretation: z.array(AttackPattern).min(1, 'needs at least one attack pattern'),
    verification: Verification,
    applicability: z.array(Slug).default([]),
    references: z.array(Reference).default([]),
    mappings: z.array(Mapping).default([]),
    noStandardApplies: Localized.optional().describe(
      'Why no standard requirement corresponds to this item (独自項目). Required when the item has no mapping that answers a standard.',
    ),
    terms: z.array(Slug).default([]),
  })
  .strict();
export type Requirement = z.infer<typeof Requirement>;

export const IndustryUsage = z.object({ industry: Localized, usage: Localized }).strict();

export const GlossaryTerm = z
  .object({
    id: Slug,
    term: Localized,
    reading: z
      .string()
      .trim()
      .regex(/^[\u3041-\u309f\u30a0-\u30ffー・ ]+$/u, 'must be kana')
      .optional(),
    definition: Localized,
    related: z.array(Slug).default([]),
    industryUsage: z.array(IndustryUsage).default([]),
  })
  .strict();
export type GlossaryTerm = z.infer<typeof GlossaryTerm>;

export const GlossaryFile = z.object({ terms: z.array(GlossaryTerm).min(1) }).strict();

export const STANDARD_NODE_KINDS = ['group', 'requirement', 'enhancement', 'variant', 'constraint', 'provision'] as const;

export const RequirementStatus = z.enum(['mandatory', 'recommended', 'withdrawn', 'informative']);

export const StandardNode: z.ZodType<StandardNode> = z.lazy(() =>
  z
    .object({
      id: nonBlank,
      kind: z.enum(STANDARD_NODE_KINDS),
      title: Localized,
      status: RequirementStatus.optional(),
      conditions: z.array(nonBlank).optional(),
      levels: z.array(nonBlank).optional(),
      appliesTo: z.array(nonBlank).optional(),
      confidence: z.enum(CONFIDENCE_LEVELS).optional(),
      unconfirmed: z.boolean().optional(),
      children: z.array(StandardNode).optional(),
    })
    .strict(),
);
export interface StandardNode {
  id: string;
  kind: (typeof STANDARD_NODE_KINDS)[number];
  title: Localized;
  status?: z.infer<typeof RequirementStatus> | undefined;
  /** Condition ids (keys of the standard's `conditions`) under which status applies. */
  conditions?: string[] | undefined;
  /** Levels at which this applies, e.g. security levels "1".."4" or ISVS "L1". */
  levels?: string[] | undefined;
  /** Component types or scopes, e.g. "cr", "edr", "hdr". */
  appliesTo?: string[] | undefined;
  /** Overrides the standard's confidence for this node. */
  confidence?: (typeof CONFIDENCE_LEVELS)[number] | undefined;
  /** The id itself has not been confirmed against a primary source. */
  unconfirmed?: boolean | undefined;
  children?: StandardNode[] | undefined;
}

/** The publisher allows quoting its text (e.g. NIST: US-government work), shown with this citation. */
export const AttachedTextPolicy = z.object({ allowed: z.literal(true), citation: nonBlank }).strict();

export const Standard = z
  .object({
    id: Slug,
    title: Localized,
    version: nonBlank,
    publisher: nonBlank,
    licence: Localized,
    source: nonBlank.describe('Where the ids and structure were taken from.'),
    confidence: z.enum(CONFIDENCE_LEVELS),
    conditions: z.record(z.string(), Localized).optional(),
    attachedText: AttachedTextPolicy.optional().describe(
      "Whether the publisher's own requirement text, attached by an operator from the publisher's catalog, may be shown (absent: never).",
    ),
    requirements: z.array(StandardNode).min(1),
  })
  .strict();
export type Standard = z.infer<typeof Standard>;

/**
 * Standard requirements the guidebook deliberately does not address, each with
 * a reason (e.g. an organisational or physical-site control). Only a declared
 * requirement counts as out of scope; anything else unreached is a gap.
 */
export const OutOfScopeDeclaration = z
  .object({
    requirement: nonBlank,
    reason: Localized,
    unconfirmedTarget: z
      .boolean()
      .optional()
      .describe('Not answered because the standard requirement itself is unconfirmed: pending verification, not a deliberate exclusion.'),
  })
  .strict();

export const OutOfScopeFile = z.object({ standard: Slug, declarations: z.array(OutOfScopeDeclaration).min(1) }).strict();
export type OutOfScopeFile = z.infer<typeof OutOfScopeFile>;

/**
 * The review state of one mapping (item → standard requirement), kept apart
 * from the requirement files so review work and mapping work do not collide.
 * A mapping with no record is unreviewed.
 */
export const MappingReview = z
  .object({
    item: Slug.describe('Guidebook requirement id (the source of the mapping).'),
    requirement: nonBlank.describe('Standard requirement id (the target).'),
    state: z.enum(REVIEW_STATES),
    by: nonBlank.optional().describe('Who reviewed or disputed it (a person or group).'),
    date: z.iso.date().optional(),
    note: nonBlank.optional().describe('Why it is disputed, or a remark on the review.'),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.state !== 'unreviewed' && !r.by) ctx.addIssue({ code: 'custom', ...coded(`a ${r.state} mapping names who did it`, 'invalid', ['by']) });
    if (r.state !== 'unreviewed' && !r.date) ctx.addIssue({ code: 'custom', ...coded(`a ${r.state} mapping has a date`, 'invalid', ['date']) });
    if (r.state === 'disputed' && !r.note) ctx.addIssue({ code: 'custom', ...coded('a disputed mapping needs a note', 'note-required', ['note']) });
  });
export type MappingReview = z.infer<typeof MappingReview>;

export const ReviewFile = z.object({ standard: Slug, reviews: z.array(MappingReview) }).strict();
export type ReviewFile = z.infer<typeof ReviewFile>;

export const ChangelogEntry = z.object({ date: z.iso.date(), text: Localized }).strict();

export const EditionMeta = z
  .object({
    id: z.string().regex(/^\d{4}\.\d+(?:-[a-z0-9]+)?$/, 'must look like 2026.1'),
    title: Localized,
    status: z.enum(EDITION_STATUSES),
    date: z.iso.date(),
    changelog: z.array(ChangelogEntry).default([]),
  })
  .strict();
export type EditionMeta = z.infer<typeof EditionMeta>;

/** A whole guidebook edition once loaded: what the core computes on. */
export interface Edition {
  meta: EditionMeta;
  taxonomy: Taxonomy;
  requirements: Requirement[];
  glossary: GlossaryTerm[];
  standards: Standard[];
  outOfScope: OutOfScopeFile[];
  /** Review state per mapping (content/reviews/<standard>.yaml); absent means none recorded. */
  reviews?: ReviewFile[];
}
