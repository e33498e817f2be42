import type { CheckDefinition } from '../finding.types.js';

/** The CRA reporting checks (src/core/cra): the state of a product's Article 14 reporting in tebiki. */
export const CRA_CHECKS: readonly CheckDefinition[] = [
  {
    id: 'cra.reporting',
    source: 'cra',
    version: 1,
    purpose: {
      ja: '報告責任者が指名され、CRA 報告案件（訓練を除く）に期限切れの段階がないか',
      en: 'A reporting owner is named and no CRA reporting case (drills aside) has a stage past its deadline',
    },
    limits: {
      ja: 'tebiki に記録された案件のみを見る。記録されていない脆弱性・インシデントや、報告内容の質は判断しない',
      en: 'Looks only at cases recorded in tebiki; vulnerabilities or incidents never recorded, and the quality of the reports, are not judged',
    },
  },
];
