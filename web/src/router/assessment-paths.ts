/** URLs of the assessment (診断) and checksheet pages, and of their API files. */

export const ASSESSMENTS_PATH = '/assessments';
export const NEW_ASSESSMENT_PATH = '/assessments/new';
export const CHECKSHEETS_PATH = '/checksheets';

export function assessmentsPath(filters: { status?: string | null; productId?: string | null } = {}): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status);
  if (filters.productId) params.set('productId', filters.productId);
  const query = params.toString();
  return query ? `${ASSESSMENTS_PATH}?${query}` : ASSESSMENTS_PATH;
}

export function assessmentPath(id: string): string {
  return `${ASSESSMENTS_PATH}/${encodeURIComponent(id)}`;
}

export function assessmentResultsPath(id: string): string {
  return `${assessmentPath(id)}/results`;
}

export function assessmentRunsPath(id: string): string {
  return `${assessmentPath(id)}/runs`;
}

export function comparePath(before: string, after: string): string {
  return `${ASSESSMENTS_PATH}/compare?${new URLSearchParams({ before, after }).toString()}`;
}

/** The element id of one check item on the assessment page (項番 may hold dots). */
export function itemAnchor(requirementId: string): string {
  return `item-${requirementId.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
