import type { Answer } from '../core/assessment/assessment.types.js';
import type { Checksheet } from '../core/assessment/checksheet.types.js';

/** What the cover sheet (表紙) shows. */
export interface WorkbookCover {
  title: string;
  organisation: string;
  product: string;
  productVersion: string | null;
  assessor: string | null;
  date: string;
  assessmentId: string | null;
}

export interface WorkbookOptions {
  lang?: 'ja' | 'en';
  cover?: Partial<WorkbookCover>;
  /** Filled answers, by requirement id (an assessment's export); blank sheet without. */
  answers?: readonly Answer[];
}

/** An xlsx checksheet: cover, check items (with a verdict drop-down) and a summary with formulas. */
export async function writeChecksheetWorkbook(_checksheet: Checksheet, _options: WorkbookOptions = {}): Promise<Buffer> {
  throw new Error('writeChecksheetWorkbook: not implemented yet');
}
