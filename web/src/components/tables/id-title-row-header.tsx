import type { Localized } from '../../api/types';
import { useLocalize } from '../../i18n/i18n';

/** A row's header cell naming a standard's requirement or group: its id, then its title in the UI language. */
export function IdTitleRowHeader({ id, title }: { id: string; title: Localized }) {
  const localize = useLocalize();
  return (
    <th scope="row">
      <span className="cov-id">{id}</span> {localize(title)}
    </th>
  );
}
