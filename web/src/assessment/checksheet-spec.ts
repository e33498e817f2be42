import type { ChecksheetRequest, ChecksheetSpec } from '../api/assessment.types';

/** The checksheet scope as the form holds it; empty strings mean "not chosen". */
export interface SpecState {
  editionId: string;
  layers: string[];
  phases: string[];
  /** Null: no profile, every item applies. */
  profile: string[] | null;
  standard: string;
  sl: string;
  componentType: string;
  mandatoryOnly: boolean;
}

export function emptySpec(editionId: string): SpecState {
  return { editionId, layers: [], phases: [], profile: null, standard: '', sl: '', componentType: '', mandatoryOnly: false };
}

/** The `spec` field of a checksheet request, as the API takes it. */
export type SpecBody = ChecksheetRequest['spec'];

/** The `spec` of POST /api/assessments, /api/checksheets/preview and /export. */
export function specBody(state: SpecState): SpecBody {
  const body: SpecBody = { layers: state.layers, phases: state.phases, profile: state.profile };
  if (state.standard) {
    body.standard = state.standard;
    if (state.sl) body.sl = Number(state.sl);
    if (state.componentType) body.componentType = state.componentType;
    if (state.mandatoryOnly) body.mandatoryOnly = true;
  }
  return body;
}

/** The body of POST /api/checksheets/preview and /export. */
export function specRequest(state: SpecState): ChecksheetRequest {
  return { editionId: state.editionId, spec: specBody(state) };
}

/** A stored spec back in words-to-show form (cover of an assessment). */
export function targetOf(spec: ChecksheetSpec): string | null {
  if (!spec.target) return null;
  const parts = [spec.target.standard];
  if (spec.target.securityLevel) parts.push(`SL ${spec.target.securityLevel}`);
  if (spec.target.componentType) parts.push(spec.target.componentType.toUpperCase());
  if (spec.target.mandatoryOnly) parts.push('M');
  return parts.join(' · ');
}
