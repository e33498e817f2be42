import type { Workbook } from 'exceljs';
import type { Answer } from '../core/assessment/assessment.types.js';
import type { Checksheet } from '../core/assessment/checksheet.types.js';
import { verdictsByItem } from '../core/assessment/scores.js';
import type { MappingHint } from '../core/attached-text/attached-views.js';
import { addCoverSheet } from './cover-sheet.js';
import { addHintsSheet } from './hints-sheet.js';
import { addItemsSheet } from './items-sheet.js';
import { addSummarySheet } from './summary-sheet.js';
import { WORKBOOK_LABELS } from './workbook-labels.js';
import { labelTables, SHEETS, WORKBOOK_FORMAT_VERSION, type WorkbookLang } from './workbook-layout.js';

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
  lang?: WorkbookLang;
  cover?: Partial<WorkbookCover>;
  /** Filled answers, by requirement id (an assessment's export); blank sheet without. */
  answers?: readonly Answer[];
  /** Export time recorded in the hidden _tebiki sheet; now by default. */
  now?: Date;
  /** The publisher's text of mapped requirements, by requirement id (attached NIST catalogs): a note beside 確認方法 and the 出典の原文 sheet. */
  hints?: ReadonlyMap<string, readonly MappingHint[]>;
}

/** Fast deflate: a checksheet's XML compresses nearly as well at level 1, in a fraction of the time (bench/xlsx.bench.ts). */
const WRITE_OPTIONS = { zip: { compression: 'DEFLATE' as const, compressionOptions: { level: 1 } } };

/** An xlsx checksheet: cover, check items (with a verdict drop-down) and a summary with formulas. */
export async function writeChecksheetWorkbook(checksheet: Checksheet, options: WorkbookOptions = {}): Promise<Buffer> {
  const lang = options.lang ?? 'ja';
  const now = options.now ?? new Date();
  // Loaded on first use: exceljs costs most of a second at start for a process that may never write a workbook.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'tebiki';
  workbook.created = now;
  workbook.modified = now;
  const answers = new Map((options.answers ?? []).map((a) => [a.requirementId, a] as const));
  const cover = options.cover ?? {};

  const about = aboutLine(checksheet, cover, lang);
  addCoverSheet(workbook, checksheet, cover, lang, about);
  const labels = labelTables(checksheet.labels);
  const hints = options.hints ?? new Map<string, readonly MappingHint[]>();
  const last = addItemsSheet(workbook, { checksheet, answers, labels, lang, about, hints });
  addSummarySheet(workbook, { items: checksheet.items, verdicts: verdictsByItem(checksheet.items, options.answers ?? []), labels, lang, about, last });
  if (hints.size > 0) addHintsSheet(workbook, { items: checksheet.items, hints, lang, about });
  addMetaSheet(workbook, checksheet, cover.assessmentId ?? null, lang, now);
  return Buffer.from(await workbook.xlsx.writeBuffer(WRITE_OPTIONS));
}

/** The printed header's line: the product (or the title) and the guidebook edition. */
function aboutLine(checksheet: Checksheet, cover: Partial<WorkbookCover>, lang: WorkbookLang): string {
  const product = [cover.product, cover.productVersion].filter((s) => s).join(' ');
  const title = product || cover.title || WORKBOOK_LABELS.defaultTitle[lang];
  return `${title} — ${WORKBOOK_LABELS.edition[lang]} ${checksheet.edition.id}`;
}

/** _tebiki: what the reader needs to recognise the workbook; hidden from the assessor. */
function addMetaSheet(workbook: Workbook, checksheet: Checksheet, assessmentId: string | null, lang: WorkbookLang, now: Date): void {
  const sheet = workbook.addWorksheet(SHEETS.meta, { state: 'hidden' });
  sheet.columns = [{ width: 16 }, { width: 40 }];
  sheet.addRows([
    ['formatVersion', WORKBOOK_FORMAT_VERSION],
    ['editionId', checksheet.edition.id],
    ['assessmentId', assessmentId ?? ''],
    ['exportedAt', now.toISOString()],
    ['lang', lang],
    ['itemCount', checksheet.items.length],
  ]);
}
