import type { AttachedCatalog } from '../../../../src/core/attached-text/attached-text.js';
import type { RevisionCorrespondence } from '../../../../src/core/attached-text/attached-views.js';

/** Shapes of the attached-text API: the core's own types (src/core/attached-text). */
export type { RequirementText, StatementPart } from '../../../../src/core/attached-text/attached-text.js';
export type { MappingHint } from '../../../../src/core/attached-text/attached-views.js';

/** GET …/standards/:id/attached-text: the catalog (when attached) and, for the NIST revisions, NIST's own correspondence. */
export interface AttachedTextAnswer {
  standardId: string;
  allowed: boolean;
  catalog: Pick<AttachedCatalog, 'citation' | 'attachedAt' | 'texts'> | null;
  correspondence: { pairs: RevisionCorrespondence[]; newInRev3: string[]; citation: string } | null;
}
