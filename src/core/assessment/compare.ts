import type { Edition } from '../model/edition.schema.js';
import type { AssessmentView } from './assessment.types.js';
import type { AssessmentComparison } from './results.types.js';

/** Two assessments of one product, item by item (matched by requirement id) and score by score. */
export function compareAssessments(_beforeEdition: Edition, _before: AssessmentView, _afterEdition: Edition, _after: AssessmentView): AssessmentComparison {
  throw new Error('compareAssessments: not implemented yet');
}
