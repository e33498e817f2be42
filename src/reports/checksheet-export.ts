import type { Checksheet, ChecksheetItem } from '../core/assessment/checksheet.types.js';
import type { Localized } from '../core/model/edition.schema.js';
import { csvText } from './csv.js';
import { type Lang, publicationLabels } from './labels.js';

/** Version of the JSON checksheet format; bump when its shape changes. */
export const CHECKSHEET_JSON_FORMAT = 'tebiki-checksheet/1';

/** The checksheet as JSON: the generated object with a format tag first. */
export function checksheetJson(checksheet: Checksheet): string {
  return `${JSON.stringify({ format: CHECKSHEET_JSON_FORMAT, ...checksheet }, null, 2)}\n`;
}

const HEADERS: Record<Lang, string[]> = {
  ja: [
    '項番',
    'レイヤー',
    'フェーズ',
    '脅威のカテゴリ',
    '基準（対策）',
    '確認方法',
    '判定',
    '根拠・エビデンス',
    '備考',
    '項目への指摘',
    '要求ID',
    '項目ハッシュ',
  ],
  en: [
    'No.',
    'Layer',
    'Phase',
    'Threat category',
    'Criteria',
    'How to check',
    'Verdict',
    'Evidence',
    'Comment',
    'Item feedback',
    'Requirement id',
    'Item hash',
  ],
};

/**
 * The checksheet as CSV for spreadsheet users: UTF-8 with a BOM (so Excel in
 * Japan reads it as UTF-8), CRLF, one row per item, the answer columns empty.
 */
export function checksheetCsv(checksheet: Checksheet, lang: Lang = 'ja'): string {
  const labels = publicationLabels[lang];
  const name = (list: readonly { id: string; label: Localized }[], id: string) => list.find((x) => x.id === id)?.label[lang] ?? id;
  const numbered = (texts: readonly Localized[]) => texts.map((t, i) => `${i + 1}. ${t[lang]}`).join('\n');
  const row = (item: ChecksheetItem) => [
    item.no,
    item.layers.map((l) => name(checksheet.labels.layers, l)).join(lang === 'ja' ? '、' : ', '),
    item.phases.map((p) => name(checksheet.labels.phases, p)).join(lang === 'ja' ? '、' : ', '),
    item.threatCategory.label[lang],
    numbered(item.criteria),
    [item.method.methods.map((m) => labels.methods[m]).join(lang === 'ja' ? '・' : ', '), numbered(item.method.steps)].join('\n'),
    '',
    '',
    '',
    '',
    item.requirementId,
    item.hash,
  ];
  return csvText([HEADERS[lang], ...checksheet.items.map(row)], { bom: true, guardFormulas: true });
}
