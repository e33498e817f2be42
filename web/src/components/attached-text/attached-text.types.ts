import type { Localized } from '../../api/types';

/** Shapes of the attached-text API (src/core/attached-text). */
export interface StatementPart {
  label?: string;
  text: string;
  items?: StatementPart[];
}

export interface Withdrawal {
  relation: string;
  targets: string[];
}

export interface RequirementText {
  requirementId: string;
  statement: StatementPart;
  discussion?: string;
  withdrawal?: Withdrawal;
}

export interface AttachedTextAnswer {
  standardId: string;
  allowed: boolean;
  catalog: { citation: string; attachedAt: string; texts: RequirementText[] } | null;
  correspondence: {
    pairs: { rev2: string; rev3: string; status: 'carried' | 'withdrawn'; withdrawal?: Withdrawal }[];
    newInRev3: string[];
    citation: string;
  } | null;
}

export interface MappingHint {
  standard: string;
  requirement: string;
  relationship: string;
  title: Localized | null;
  statement: string;
  discussion?: string;
  citation: string;
}
