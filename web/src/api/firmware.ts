import { apiPath, api, sendBytes } from './client';

/** The firmware analysis API of an assessment (src/server/routes/firmware.routes.ts). */
import type { FirmwareAnalysisSummary } from '../../../src/core/evidence/firmware-analysis.types.js';
export type { FirmwareAnalysisSummary };

export interface FirmwareFinding {
  check: string;
  target: string;
  verdict: string;
  summary: { ja: string; en: string };
}

export interface FirmwareBinary {
  path: string;
  arch: string;
  nx: boolean;
  pie: boolean;
  relro: 'none' | 'partial' | 'full';
  canary: boolean;
  fortify: boolean;
}

export interface FirmwareAnalysisView extends FirmwareAnalysisSummary {
  findings: FirmwareFinding[];
  binaries: FirmwareBinary[];
  hasSbom: boolean;
}

export interface FirmwareSuggestion {
  requirementId: string;
  no: string;
  verdict: string;
  accepted: boolean;
}

const base = (assessmentId: string, ...rest: string[]) => apiPath('assessments', assessmentId, 'firmware', ...rest);

export const ACTIVE_STATES = new Set(['queued', 'running']);

export function listFirmware(assessmentId: string) {
  return api.get<{ analyses: FirmwareAnalysisSummary[] }>(base(assessmentId));
}

export function readFirmware(assessmentId: string, analysisId: string) {
  return api.get<FirmwareAnalysisView>(base(assessmentId, analysisId));
}

export function uploadFirmware(assessmentId: string, file: File) {
  return sendBytes<FirmwareAnalysisSummary>('POST', base(assessmentId), file, {
    'content-type': 'application/octet-stream',
    'x-filename': encodeURIComponent(file.name),
  });
}

export function cancelFirmware(assessmentId: string, analysisId: string) {
  return api.post<FirmwareAnalysisSummary>(base(assessmentId, analysisId, 'cancel'));
}

export function firmwareSbomUrl(assessmentId: string, analysisId: string): string {
  return base(assessmentId, analysisId, 'sbom');
}

export function firmwareSuggestions(assessmentId: string, analysisId: string) {
  return api.get<{ suggestions: FirmwareSuggestion[] }>(base(assessmentId, analysisId, 'suggestions'));
}

export function acceptFirmwareSuggestion(assessmentId: string, analysisId: string, requirementId: string) {
  return api.post<FirmwareSuggestion>(base(assessmentId, analysisId, 'suggestions', requirementId, 'accept'));
}
