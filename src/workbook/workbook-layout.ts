import type { ChecksheetLabels } from '../core/assessment/checksheet.types.js';
import type { Localized } from '../core/model/edition.schema.js';
import { LAYERS, type Layer, PHASES, type Phase } from '../core/taxonomy.js';
import { withoutControls } from '../core/text-rules.js';

/**
 * The shape of the checksheet workbook, shared by the writer and the reader so
 * both agree on sheet names, columns and headers.
 *
 * Language rule: sheet names and the 集計 formulas are always Japanese (a
 * Japanese assessor's workbook, and errors name `チェックシート!G17` whatever
 * the export language). Headers and labels are Japanese; an English export
 * adds the English on a second line ("判定\nVerdict"). Cell contents (criteria,
 * methods, layer and phase labels) are in the export language. The 判定
 * drop-down lists the Japanese labels in both; the reader accepts either
 * language's labels and ids.
 */

export type WorkbookLang = 'ja' | 'en';

/** Bumped when the layout changes incompatibly; the reader refuses newer formats. */
export const WORKBOOK_FORMAT_VERSION = 1;

export const SHEETS = { cover: '表紙', items: 'チェックシート', summary: '集計', meta: '_tebiki' } as const;

export type ColumnKey =
  | 'no'
  | 'layers'
  | 'phases'
  | 'category'
  | 'criteria'
  | 'method'
  | 'verdict'
  | 'evidence'
  | 'comment'
  | 'defect'
  | 'requirementId'
  | 'hash';

export interface ColumnDef {
  key: ColumnKey;
  letter: string;
  header: Localized;
  width: number;
  /** The assessor fills it in. */
  input: boolean;
  hidden: boolean;
}

const column = (key: ColumnKey, letter: string, ja: string, en: string, width: number, input = false, hidden = false): ColumnDef => ({
  key,
  letter,
  header: { ja, en },
  width,
  input,
  hidden,
});

/**
 * Columns A..L of チェックシート, in order. The ten visible ones add up to
 * what fits across A4 landscape at 90 % (body text 10 pt prints at 9 pt);
 * the criteria and the answer columns get most of it.
 */
export const COLUMNS: readonly ColumnDef[] = [
  column('no', 'A', '項番', 'No.', 7),
  column('layers', 'B', 'レイヤー', 'Layer', 9),
  column('phases', 'C', 'フェーズ', 'Phase', 9),
  column('category', 'D', '脅威のカテゴリ', 'Threat category', 11),
  column('criteria', 'E', '基準（対策）', 'Criteria (countermeasures)', 42),
  column('method', 'F', '確認方法', 'How to check', 26),
  column('verdict', 'G', '判定', 'Verdict', 8, true),
  column('evidence', 'H', '根拠・エビデンス', 'Evidence', 23, true),
  column('comment', 'I', '備考', 'Comment', 12, true),
  column('defect', 'J', '項目への指摘', 'Flag on the item', 12, true),
  column('requirementId', 'K', '要求事項ID', 'Requirement id', 24, false, true),
  column('hash', 'L', '項目ハッシュ', 'Item hash', 20, false, true),
];

export const COLUMN: Readonly<Record<ColumnKey, ColumnDef>> = Object.fromEntries(COLUMNS.map((c) => [c.key, c])) as Record<ColumnKey, ColumnDef>;

/** A fixed label in the export language: Japanese, plus English on a second line for an English export. */
export function bilingual(label: Localized, lang: WorkbookLang): string {
  return lang === 'ja' ? label.ja : `${label.ja}\n${label.en}`;
}

const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase();

/** Whether a header cell names the column, in either export language ("判定", "Verdict" or "判定\nVerdict"). */
export function headerMatches(text: string, column: ColumnDef): boolean {
  const wanted = [norm(column.header.ja), norm(column.header.en)];
  return text.split(/\r?\n/).some((line) => wanted.includes(norm(line)));
}

/** Layer and phase labels by id, from the edition the checksheet came from (editors may reword them in taxonomy.yaml). */
export interface LabelTables {
  layers: Readonly<Record<Layer, Localized>>;
  phases: Readonly<Record<Phase, Localized>>;
}

export function labelTables(labels: ChecksheetLabels): LabelTables {
  const byId = <K extends string>(ids: readonly K[], list: readonly { id: K; label: Localized }[]) =>
    Object.fromEntries(ids.map((id) => [id, list.find((x) => x.id === id)?.label ?? { ja: id, en: id }])) as Record<K, Localized>;
  return { layers: byId(LAYERS, labels.layers), phases: byId(PHASES, labels.phases) };
}

/**
 * Separator of several layers or phases in one cell; the 集計 COUNTIFS find
 * each label inside it with "*label*". Not a line break: LibreOffice turns
 * wildcards into a regular expression whose "*" stops at line ends.
 */
export const LABEL_SEPARATOR: Readonly<Record<WorkbookLang, string>> = { ja: '、', en: ', ' };

/**
 * Text safe to write into a cell: no control characters, and a literal
 * "_x0041_" escaped as OOXML wants ("_x005F_x0041_"), since Excel and
 * exceljs decode such sequences on reading (exceljs does not escape on writing).
 */
export function cellSafe(text: string): string {
  // Control characters (core/text-rules.ts, the same set answers refuse) are not valid in xlsx XML.
  return withoutControls(text, true).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}
