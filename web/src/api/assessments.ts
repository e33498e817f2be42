import type {
  Answer,
  AssessmentStatus,
  AssessmentView,
  AttachmentMeta,
  ChecksheetRequest,
  DefectKind,
  MovedAssessment,
  Verdict,
  WorkbookImport,
} from './assessment.types';
import { api, apiPath, postForFile, sendBytes } from './client';

/** The calls of the assessment pages, one function per route (design doc, API section). */

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const REPORT_FORMATS = ['html', 'pdf', 'xlsx', 'json', 'oscal'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export function assessmentApi(id: string, ...rest: string[]): string {
  return apiPath('assessments', id, ...rest);
}

/** Writes one answer based on the version read; a newer stored one answers 409 with `conflicts`. */
export function saveAnswer(
  id: string,
  requirementId: string,
  input: { verdict: Verdict; evidence: string; comment: string; version: number; source: 'answer' | 'undo' },
): Promise<Answer> {
  return api.put<Answer>(assessmentApi(id, 'answers', requirementId), input);
}

/** One verdict and comment for several items, all or nothing. */
export function saveAnswers(id: string, input: { items: { requirementId: string; version: number }[]; verdict: Verdict; comment: string }) {
  return api.post<{ answers: Answer[] }>(assessmentApi(id, 'answers'), input);
}

export function flagDefect(id: string, requirementId: string, input: { kind: DefectKind; note: string }): Promise<Answer> {
  return api.put<Answer>(assessmentApi(id, 'answers', requirementId, 'defect'), input);
}

export function clearDefect(id: string, requirementId: string): Promise<Answer> {
  return api.delete<Answer>(assessmentApi(id, 'answers', requirementId, 'defect'));
}

export function moveStatus(id: string, to: AssessmentStatus, version: number): Promise<AssessmentView> {
  return api.post<AssessmentView>(assessmentApi(id, 'status'), { to, version });
}

export function moveToEdition(id: string, editionId: string): Promise<MovedAssessment> {
  return api.post<MovedAssessment>(assessmentApi(id, 'move'), { editionId });
}

/** The file name travels percent-encoded: headers carry ASCII only. */
export function uploadAttachment(id: string, requirementId: string, file: File): Promise<AttachmentMeta> {
  return sendBytes<AttachmentMeta>('POST', assessmentApi(id, 'answers', requirementId, 'attachments'), file, {
    'content-type': file.type || 'application/octet-stream',
    'x-filename': encodeURIComponent(file.name),
  });
}

export function deleteAttachment(id: string, attachmentId: string): Promise<void> {
  return api.delete<void>(assessmentApi(id, 'attachments', attachmentId));
}

export function attachmentUrl(id: string, attachmentId: string): string {
  return assessmentApi(id, 'attachments', attachmentId);
}

export function uploadWorkbook(id: string, file: File): Promise<WorkbookImport> {
  return sendBytes<WorkbookImport>('POST', assessmentApi(id, 'workbook'), file, { 'content-type': XLSX_TYPE });
}

export function workbookUrl(id: string, lang: string): string {
  return `${assessmentApi(id, 'workbook')}?${new URLSearchParams({ lang }).toString()}`;
}

export function reportUrl(id: string, format: ReportFormat, lang: string): string {
  return `${assessmentApi(id, 'report')}?${new URLSearchParams({ format, lang }).toString()}`;
}

export function exportChecksheet(format: 'xlsx' | 'csv' | 'json', body: ChecksheetRequest, lang: string) {
  return postForFile(`/api/checksheets/export?${new URLSearchParams({ format, lang }).toString()}`, body);
}

/** Hand a fetched file to the browser as a download. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
