import type { CheckDefinition } from '../finding.types.js';

/** The SBOM checks: the quality of a product version's SBOM, and its known vulnerabilities after triage. */
export const SBOM_CHECKS: readonly CheckDefinition[] = [
  {
    id: 'sbom.quality',
    source: 'sbom',
    version: 1,
    purpose: {
      ja: 'SBOM が NTIA 最小要素と BSI TR-03183-2 の求める項目（作成者、作成日時、文書識別子、各部品の供給者・版・一意な識別子・ハッシュ・ライセンス・依存関係）を備えているかを確認する。',
      en: 'Checks that the SBOM carries what the NTIA minimum elements and BSI TR-03183-2 ask: creator, timestamp, document identifier, and for each component its supplier, version, unique identifier, hash, licence and dependency relations.',
    },
    limits: {
      ja: 'SBOM に書かれた内容の有無だけを見る。記載のない部品がないこと（網羅性）や値の正しさは確かめない。',
      en: 'Looks only at what the SBOM states; it does not prove that no component is left out, nor that the values are right.',
    },
  },
  {
    id: 'sbom.known-vulnerabilities',
    source: 'sbom',
    version: 1,
    purpose: {
      ja: 'SBOM の部品を取り込み済みの OSV 情報と照合し、製品の深刻度しきい値（既定: high）以上の脆弱性が未トリアージまたは affected のまま残っていないかを確認する。',
      en: "Matches the SBOM's components against the imported OSV records and checks that no vulnerability at or above the product's severity threshold (default high) remains un-triaged or affected.",
    },
    limits: {
      ja: '取り込んだ OSV 情報の日付時点の判定。purl のない部品、版を読めない部品、OSV にない脆弱性は判定できない。',
      en: 'As of the date of the imported OSV records; components without a purl or with an unreadable version, and vulnerabilities OSV does not list, cannot be judged.',
    },
  },
];
