/** A firmware analysis of an assessment, without its findings: what lists and progress show. */
export interface FirmwareAnalysisSummary {
  id: string;
  assessmentId: string;
  image: { name: string; sha256: string; size: number; format: string | null };
  state: string;
  progress: { done: number; total: number; message: string } | null;
  cancelRequested: boolean;
  error: string | null;
  files: number | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
