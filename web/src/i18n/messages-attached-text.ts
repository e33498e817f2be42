import { bilingual, type MessagesOf } from '../../../src/core/bilingual.js';
/** Messages of the publisher's-text components (issue 16): ja is the source, en is typed from it. */
const ja = {
  sectionTitle: '発行者の原文（英語）',
  sectionNote: '発行者が公開するカタログから取り込んだ原文です。機械翻訳はしていません。日本語は当プロジェクト独自の短いタイトルです。',
  citation: '出典',
  discussion: '解説（Discussion）',
  ourTitle: '独自タイトル',
  withdrawn: '廃止',
  withdrawnInto: (relation: string, targets: string) =>
    relation === 'incorporated-into'
      ? `${targets} に統合（NIST の記載）`
      : relation === 'addressed-by'
        ? `${targets} で対応（NIST の記載）`
        : `廃止（NIST の記載）${targets}`,
  correspondenceTitle: 'Rev. 2 ↔ Rev. 3 の対応（NIST の記載）',
  correspondenceNote: 'NIST のカタログが示す対応です。当プロジェクトの対応付けではなく、網羅性には数えません。',
  carried: '同じ番号で継続',
  newInRev3: 'Rev. 3 で新設',
  itemHintsTitle: '対応する標準要求の原文',
  showText: '原文を表示',
  attachLink: '発行者のカタログを取り込む',
  attachTitle: '発行者のカタログを標準に添付',
  attachFile: 'OSCAL カタログ（JSON または XML）',
  attachSubmit: '添付する',
  attached: (n: number) => `${n} 件の要求の原文を添付しました。`,
  attachNotAllowed: 'この標準は発行者の原文を載せられません（要求 ID と独自の題名だけを扱います）。',
};

export const attachedTextMessages = bilingual(ja, {
  sectionTitle: "Publisher's original text",
  sectionNote: 'Imported from the catalog the publisher publishes; nothing is machine-translated. Japanese titles are our own short titles.',
  citation: 'Source',
  discussion: 'Discussion',
  ourTitle: 'Our title',
  withdrawn: 'Withdrawn',
  withdrawnInto: (relation, targets) =>
    relation === 'incorporated-into'
      ? `Incorporated into ${targets} (NIST)`
      : relation === 'addressed-by'
        ? `Addressed by ${targets} (NIST)`
        : `Withdrawn (NIST) ${targets}`,
  correspondenceTitle: 'Rev. 2 ↔ Rev. 3 as NIST states it',
  correspondenceNote: "NIST's correspondence from its catalogs: not our mapping, never counted for coverage.",
  carried: 'Kept under the same number',
  newInRev3: 'New in Rev. 3',
  itemHintsTitle: 'Original text of the mapped standard requirements',
  showText: 'Show original text',
  attachLink: "Attach the publisher's catalog",
  attachTitle: "Attach a publisher's catalog to a standard",
  attachFile: 'OSCAL catalog (JSON or XML)',
  attachSubmit: 'Attach',
  attached: (n) => `Attached the text of ${n} requirements.`,
  attachNotAllowed: "This standard does not allow showing its publisher's text (only requirement ids and our own titles are kept).",
});

export type AttachedTextMessages = MessagesOf<typeof attachedTextMessages>;
