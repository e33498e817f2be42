import type { EvaluationType } from './pack.types.js';

/**
 * How IPA evaluates each JC-STAR ★1 requirement (document review or a test on
 * the device), as far as the public sources seen so far show it (facts only:
 * the operator guides and service pages that list the evaluation method per item,
 * see content/standards/jc-star-1.yaml `source`). Items missing here are unknown
 * and the pack says so; never guess one.
 */
export const JC_STAR_EVALUATION: Readonly<Record<string, EvaluationType>> = {
  'S1.1-01': 'document',
  'S1.1-02': 'document',
  'S1.1-03': 'document',
  'S1.1-04': 'device-test',
  'S1.1-05': 'document',
  'S1.1-15': 'document-and-device-test',
};

export function evaluationOf(requirementId: string): EvaluationType {
  return JC_STAR_EVALUATION[requirementId] ?? 'unknown';
}
