import { createHash } from 'node:crypto';
import { canonicalJson } from '../audit-chain.js';
import type { AssessmentView } from './assessment.types.js';

/**
 * The fingerprint of a final assessment: what was checked (edition, items and
 * their hashes) and every answer with its attachments' hashes. Bookkeeping
 * (version, timestamps of edits) is left out so the hash names the content.
 */
export function assessmentContentHash(a: AssessmentView): string {
  const material = canonicalJson({
    id: a.id,
    organisation: a.organisation.id,
    product: a.product.id,
    productVersion: a.productVersion,
    edition: a.edition.id,
    spec: a.spec,
    items: a.items.map((i) => [i.requirementId, i.no, i.hash]),
    answers: a.answers.map((x) => ({
      requirementId: x.requirementId,
      verdict: x.verdict,
      evidence: x.evidence,
      comment: x.comment,
      defect: x.defect ? { kind: x.defect.kind, note: x.defect.note } : null,
      attachments: x.attachments.map((f) => f.sha256).sort(),
    })),
  });
  return createHash('sha256').update(material).digest('hex');
}
