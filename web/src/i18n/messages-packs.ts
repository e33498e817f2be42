/**
 * Messages of the conformity pack panel on the assessment page (issue 21).
 * `ja` is the source; `en` is typed from it. Imports only pure core
 * modules, so end-to-end page models can reuse it.
 */
import { bilingual, type MessagesOf } from '../../../src/core/bilingual.js';

const ja = {
  title: '適合パック（スキームへの申請用）',
  intro: '確定した診断または受理された自己診断から、スキームが求める書類一式（PDF・xlsx・JSON・証拠ファイル・SHA-256 一覧）を zip で作成します。',
  notFinal: '適合パックは確定した診断、または受理された自己診断から作成できます。',
  scheme: 'スキーム',
  lang: '言語',
  schemes: {
    'jc-star-1': 'JC-STAR ★1 自己適合宣言チェックリスト',
    'etsi-en-303-645': 'ETSI EN 303 645 実装適合性宣言（ICS）',
    'eu-cra': 'EU CRA 技術文書の骨子と EU 適合宣言書（ドラフト）',
  },
  checking: '自己点検中…',
  complete: '自己点検: 不足はありません。完成版のパックを作成します。',
  draft: (n: number) => `自己点検: 不足が ${n} 件あります。パックは「ドラフト」として作成され、不足が各ファイルに記載されます。`,
  download: 'パックをダウンロード（zip）',
};

export const packMessages = bilingual(ja, {
  title: 'Conformity pack (for a scheme application)',
  intro:
    'Makes, from a final assessment or an accepted self-assessment, what a scheme asks for as one zip: PDF, xlsx, JSON, the evidence files and their SHA-256 list.',
  notFinal: 'A conformity pack is made from a final assessment or an accepted self-assessment.',
  scheme: 'Scheme',
  lang: 'Language',
  schemes: {
    'jc-star-1': 'JC-STAR ★1 self-declaration checklist',
    'etsi-en-303-645': 'ETSI EN 303 645 implementation conformance statement (ICS)',
    'eu-cra': 'EU CRA technical documentation outline and draft EU declaration of conformity',
  },
  checking: 'Checking…',
  complete: 'Self-check: nothing is missing. The pack will be complete.',
  draft: (n: number) => `Self-check: ${n} gap(s). The pack will be a DRAFT, and every file lists the gaps.`,
  download: 'Download the pack (zip)',
});

export type PackMessages = MessagesOf<typeof packMessages>;
