/**
 * Messages of the product version page (issue 18): SBOM upload, components,
 * known vulnerabilities, VEX triage and exports. `ja` is the source; `en` is
 * typed from it. Imports only pure core modules, so end-to-end page models
 * can reuse it.
 */
import { bilingual, type MessagesOf } from '../../../src/core/bilingual.js';

const ja = {
  title: (product: string, version: string) => `${product} ${version}: SBOM と脆弱性`,
  upload: 'SBOM をアップロード',
  file: 'SBOM ファイル（CycloneDX JSON/XML、SPDX JSON/タグ値、50 MiB まで）',
  uploaded: (n: number, matches: number) => `部品 ${n} 件を取り込みました。新たな脆弱性 ${matches} 件。`,
  noSbom: 'この版の SBOM はまだありません。',
  components: '部品',
  search: '検索',
  sortBy: '並べ替え',
  filter: '表示',
  allComponents: 'すべて',
  software: 'ソフトウェア',
  hardware: 'ハードウェア',
  name: '名前',
  version: '版',
  supplier: '供給者',
  licences: 'ライセンス',
  missing: '不足',
  quality: (incomplete: number, judged: number, doc: string) => `品質: 項目の不足がある部品 ${incomplete} / ${judged} 件。文書の不足: ${doc || 'なし'}`,
  vulnerabilities: '既知の脆弱性',
  noVulnerabilities: '照合された既知の脆弱性はありません。',
  severity: '深刻度',
  fixed: '修正版',
  status: '状態',
  untriaged: '未トリアージ',
  justification: '根拠（not_affected）',
  actionStatement: '対応（affected）',
  saveTriage: '判断を保存',
  exports: 'VEX の書き出し',
  exportOpenVex: 'OpenVEX',
  exportCycloneDx: 'CycloneDX VEX',
  exportCsaf: 'CSAF 2.0 VEX',
  markExploited: '悪用されている（CRA 報告案件を開く）',
  statuses: { under_investigation: '調査中', affected: '影響あり', not_affected: '影響なし', fixed: '修正済み' } as Record<string, string>,
};

export const sbomMessages = bilingual(ja, {
  title: (product, version) => `${product} ${version}: SBOM and vulnerabilities`,
  upload: 'Upload SBOM',
  file: 'SBOM file (CycloneDX JSON/XML, SPDX JSON/tag-value, up to 50 MiB)',
  uploaded: (n, matches) => `Imported ${n} components; ${matches} new vulnerabilities.`,
  noSbom: 'No SBOM for this version yet.',
  components: 'Components',
  search: 'Search',
  sortBy: 'Sort by',
  filter: 'Show',
  allComponents: 'All',
  software: 'Software',
  hardware: 'Hardware',
  name: 'Name',
  version: 'Version',
  supplier: 'Supplier',
  licences: 'Licences',
  missing: 'Missing',
  quality: (incomplete, judged, doc) => `Quality: ${incomplete} of ${judged} components miss an element. Document misses: ${doc || 'nothing'}`,
  vulnerabilities: 'Known vulnerabilities',
  noVulnerabilities: 'No known vulnerability matched.',
  severity: 'Severity',
  fixed: 'Fixed in',
  status: 'Status',
  untriaged: 'Not triaged',
  justification: 'Justification (not_affected)',
  actionStatement: 'Action (affected)',
  saveTriage: 'Save decision',
  exports: 'VEX exports',
  exportOpenVex: 'OpenVEX',
  exportCycloneDx: 'CycloneDX VEX',
  exportCsaf: 'CSAF 2.0 VEX',
  markExploited: 'Actively exploited (open a CRA reporting case)',
  statuses: { under_investigation: 'Under investigation', affected: 'Affected', not_affected: 'Not affected', fixed: 'Fixed' },
});

export type SbomMessages = MessagesOf<typeof sbomMessages>;

export const sbomMessagesJa: SbomMessages = sbomMessages.ja;
