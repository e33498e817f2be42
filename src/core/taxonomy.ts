/**
 * The fixed vocabularies of the guidebook: layers, lifecycle phases and the
 * stages that group them. Ids are stable and used in content files, URLs and
 * the database; labels live in content/taxonomy.yaml so editors can refine them.
 */

export const LAYERS = ['service', 'platform', 'network', 'device'] as const;
export type Layer = (typeof LAYERS)[number];

export const PHASES = [
  'planning',
  'design.architecture',
  'design.hardware',
  'design.software',
  'development.hardware',
  'development.software',
  'manufacturing',
  'mass-production',
  'operation',
  'disposal',
] as const;
export type Phase = (typeof PHASES)[number];

export const STAGES = ['design-manufacturing', 'sales-installation-use', 'operation-maintenance', 'disposal'] as const;
export type Stage = (typeof STAGES)[number];

/** Which stage (大区分) each phase belongs to. */
export const STAGE_OF_PHASE: Readonly<Record<Phase, Stage>> = {
  planning: 'design-manufacturing',
  'design.architecture': 'design-manufacturing',
  'design.hardware': 'design-manufacturing',
  'design.software': 'design-manufacturing',
  'development.hardware': 'design-manufacturing',
  'development.software': 'design-manufacturing',
  manufacturing: 'design-manufacturing',
  'mass-production': 'sales-installation-use',
  operation: 'operation-maintenance',
  disposal: 'disposal',
};

/** OSCAL 1.2 mapping relationship vocabulary (NIST IR 8477 set-theory relationships). */
export const OSCAL_RELATIONSHIPS = ['equivalent-to', 'equal-to', 'subset-of', 'superset-of', 'intersects-with', 'no-relationship'] as const;
export type OscalRelationship = (typeof OSCAL_RELATIONSHIPS)[number];

/**
 * What a mapping may say: the set-theory relationships, plus `supports`, NIST
 * IR 8477's supportive relationship ("helps achieve" / "is a precondition for").
 * A supportive link is recorded and shown but never counts as coverage.
 */
export const RELATIONSHIPS = [...OSCAL_RELATIONSHIPS, 'supports'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/** Relationships that fully answer a standard requirement (GUIDE §1). */
export const STRONG_RELATIONSHIPS: ReadonlySet<Relationship> = new Set(['equal-to', 'equivalent-to', 'superset-of']);

/** Whether a link counts toward coverage at all (covered or partial): not `no-relationship`, not supportive. */
export function answersRequirement(relationship: Relationship): boolean {
  return relationship !== 'no-relationship' && relationship !== 'supports';
}

/** Review state of one mapping; a mapping with no review record is `unreviewed`. */
export const REVIEW_STATES = ['unreviewed', 'reviewed', 'disputed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export const VERIFICATION_METHODS = ['document-review', 'interview', 'test', 'automated-probe'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

export const CONFIDENCE_LEVELS = ['verified', 'names_verified', 'recall'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

export const EDITION_STATUSES = ['draft', 'published'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

export const ROLES = ['admin', 'editor', 'assessor', 'member'] as const;
export type Role = (typeof ROLES)[number];

export function isLayer(value: string): value is Layer {
  return (LAYERS as readonly string[]).includes(value);
}

export function isPhase(value: string): value is Phase {
  return (PHASES as readonly string[]).includes(value);
}
