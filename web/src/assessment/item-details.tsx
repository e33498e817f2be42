import type { ChecksheetItem } from '../api/assessment.types';
import { labelFor, useLocalize, useT } from '../i18n/i18n';

/** 基準（対策） and 確認方法 of one check item, folded away until asked for. */
export function ItemDetails({ item }: { item: ChecksheetItem }) {
  const t = useT();
  const localize = useLocalize();
  return (
    <details className="item-details">
      <summary>{t.assessments.details}</summary>
      <p className="muted">
        {t.threatCategory}: {localize(item.threatCategory.label)}
      </p>
      <h4>{t.assessments.criteria}</h4>
      <ul>
        {item.criteria.map((c, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: criteria are fixed text in a fixed order.
          <li key={index}>{localize(c)}</li>
        ))}
      </ul>
      <h4>{t.assessments.method}</h4>
      <p>{item.method.methods.map((m) => labelFor(t.methods, m)).join(t.coverage.listSeparator)}</p>
      <ol>
        {item.method.steps.map((s, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: steps are fixed text in a fixed order.
          <li key={index}>{localize(s)}</li>
        ))}
      </ol>
    </details>
  );
}
