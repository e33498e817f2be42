import type { Answer, AssessmentView } from '../assessment/assessment.types.js';
import type { DerivedLink } from '../assessment/results.types.js';
import type { Standard, StandardNode } from '../model/edition.schema.js';
import type { PackEvidence } from './pack.types.js';

/** Turns the derived links of a requirement into the answers behind them (evidence text, comment, files). */
export function evidenceOf(assessment: Pick<AssessmentView, 'answers'>): (links: readonly DerivedLink[]) => PackEvidence[] {
  const answers = new Map<string, Answer>(assessment.answers.map((a) => [a.requirementId, a] as const));
  return (links) =>
    links.map((l) => {
      const a = answers.get(l.requirementId);
      return {
        requirementId: l.requirementId,
        no: l.no,
        title: l.title,
        relationship: l.relationship,
        verdict: l.verdict,
        evidence: a?.evidence ?? '',
        comment: a?.comment ?? '',
        attachments: a?.attachments ?? [],
      };
    });
}

/** Every node of a standard by id (groups, requirements, enhancements, provisions). */
export function nodesById(standard: Standard): Map<string, StandardNode> {
  const out = new Map<string, StandardNode>();
  const walk = (nodes: readonly StandardNode[]) => {
    for (const n of nodes) {
      out.set(n.id, n);
      if (n.children) walk(n.children);
    }
  };
  walk(standard.requirements);
  return out;
}

/** Every distinct file behind a set of rows, by SHA-256, in first-seen order. */
export function attachmentsOf(rows: readonly { evidence: PackEvidence[]; partialEvidence: PackEvidence[] }[]): PackEvidence['attachments'] {
  const seen = new Map<string, PackEvidence['attachments'][number]>();
  for (const r of rows) for (const e of [...r.evidence, ...r.partialEvidence]) for (const a of e.attachments) if (!seen.has(a.sha256)) seen.set(a.sha256, a);
  return [...seen.values()];
}
