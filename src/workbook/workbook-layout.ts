import type { Localized } from '../core/model/edition.schema.js';
import type { Layer, Phase } from '../core/taxonomy.js';

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

/** Columns A..L of チェックシート, in order. */
export const COLUMNS: readonly ColumnDef[] = [
  column('no', 'A', '項番', 'No.', 10),
  column('layers', 'B', 'レイヤー', 'Layer', 14),
  column('phases', 'C', 'フェーズ', 'Phase', 14),
  column('category', 'D', '脅威のカテゴリ', 'Threat category', 18),
  column('criteria', 'E', '基準（対策）', 'Criteria (countermeasures)', 60),
  column('method', 'F', '確認方法', 'How to check', 45),
  column('verdict', 'G', '判定', 'Verdict', 12, true),
  column('evidence', 'H', '根拠・エビデンス', 'Evidence', 45, true),
  column('comment', 'I', '備考', 'Comment', 30, true),
  column('defect', 'J', '項目への指摘', 'Flag on the item', 30, true),
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

/**
 * Layer and phase labels as content/taxonomy.yaml words them. The checksheet
 * carries ids only and the workbook gets no edition, so the labels live here.
 */
export const LAYER_LABELS: Readonly<Record<Layer, Localized>> = {
  service: { ja: 'サービス層', en: 'Service layer' },
  platform: { ja: 'プラットフォーム層', en: 'Platform layer' },
  network: { ja: 'ネットワーク層', en: 'Network layer' },
  device: { ja: 'デバイス層', en: 'Device layer' },
};

export const PHASE_LABELS: Readonly<Record<Phase, Localized>> = {
  planning: { ja: '企画', en: 'Planning' },
  'design.architecture': { ja: 'アーキテクチャ設計', en: 'Architecture design' },
  'design.hardware': { ja: 'H/W設計', en: 'Hardware design' },
  'design.software': { ja: 'S/W設計', en: 'Software design' },
  'development.hardware': { ja: 'H/W開発', en: 'Hardware development' },
  'development.software': { ja: 'S/W開発', en: 'Software development' },
  manufacturing: { ja: '製造', en: 'Manufacturing' },
  'mass-production': { ja: '量産', en: 'Mass production' },
  operation: { ja: '運用', en: 'Operation' },
  disposal: { ja: '廃棄', en: 'Disposal' },
};

/**
 * Separator of several layers or phases in one cell; the 集計 COUNTIFS find
 * each label inside it with "*label*". Not a line break: LibreOffice turns
 * wildcards into a regular expression whose "*" stops at line ends.
 */
export const LABEL_SEPARATOR: Readonly<Record<WorkbookLang, string>> = { ja: '、', en: ', ' };

/** Control characters other than tab and line breaks: not allowed in answers (and not valid in xlsx XML). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
const CONTROL_CHARACTERS_ALL = new RegExp(CONTROL_CHARACTERS.source, 'g');

/**
 * Text safe to write into a cell: no control characters, and a literal
 * "_x0041_" escaped as OOXML wants ("_x005F_x0041_"), since Excel and
 * exceljs decode such sequences on reading (exceljs does not escape on writing).
 */
export function cellSafe(text: string): string {
  return text.replace(CONTROL_CHARACTERS_ALL, '').replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
}
