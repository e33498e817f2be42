import { z } from 'zod';
import type { Actor } from '../core/authorization.js';
import { renderAssessmentReportHtml, renderComparisonHtml } from '../reports/assessment/assessment-html.js';
import { assessmentResultsOscal } from '../reports/assessment/assessment-oscal.js';
import { assessmentReportData } from '../reports/assessment/report-data.js';
import { renderPdf } from '../reports/pdf-browser.js';
import { assessmentWithEdition, compareTwo } from './assessment-results.service.js';
import { assessmentFilename, assessmentWorkbook } from './assessment-workbook.service.js';
import type { ServiceContext } from './context.js';
import { probeRunsForReport } from './probe-runs.service.js';
import { selfAssessmentForReport } from './self-assessment-records.js';

export const REPORT_FORMATS = ['html', 'pdf', 'json', 'xlsx', 'oscal'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const ReportQuery = z.object({ format: z.enum(REPORT_FORMATS).default('html'), lang: z.enum(['ja', 'en']).default('ja') }).strict();

export interface ReportFile {
  filename: string;
  mediaType: string;
  content: Buffer | string;
}

const MEDIA: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  oscal: 'application/json; charset=utf-8',
};

/** One assessment's report in the format asked for. */
export async function assessmentReport(ctx: ServiceContext, actor: Actor, id: string, query: z.output<typeof ReportQuery>): Promise<ReportFile> {
  const { view, edition } = await assessmentWithEdition(ctx, actor, id);
  const now = ctx.now();
  const name = (ext: string) => assessmentFilename(view, now, ext);
  const file = (ext: string, content: Buffer | string): ReportFile => ({ filename: name(ext), mediaType: MEDIA[query.format], content });
  if (query.format === 'xlsx') return file('xlsx', await assessmentWorkbook(ctx, view, edition, query.lang, now));
  const data = assessmentReportData(edition, view, now, await probeRunsForReport(ctx, id), await selfAssessmentForReport(ctx, actor, id));
  switch (query.format) {
    case 'json':
      return file('json', JSON.stringify(data, null, 2));
    case 'oscal':
      return file('oscal.json', JSON.stringify(assessmentResultsOscal(data), null, 2));
    case 'html':
      return file('html', renderAssessmentReportHtml(data, query.lang));
    case 'pdf':
      return file('pdf', await renderPdf(renderAssessmentReportHtml(data, query.lang)));
  }
}

/** Two assessments side by side, printable. */
export async function comparisonReport(ctx: ServiceContext, actor: Actor, beforeId: string, afterId: string, lang: 'ja' | 'en'): Promise<ReportFile> {
  const cmp = await compareTwo(ctx, actor, beforeId, afterId);
  return { filename: `assessment-comparison-${ctx.now().toISOString().slice(0, 10)}.html`, mediaType: MEDIA.html, content: renderComparisonHtml(cmp, lang) };
}
