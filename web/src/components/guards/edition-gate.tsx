import type { ReactNode } from 'react';
import type { EditionSummary } from '../../api/types';
import { useEdition } from '../../edition/edition';
import { useT } from '../../i18n/i18n';
import { ErrorView, Loading, Notice } from '../status';

/** Renders its children only once the current edition is known. */
export function EditionGate({ children }: { children: (edition: EditionSummary) => ReactNode }) {
  const t = useT();
  const { editions, current, retry } = useEdition();
  if (editions.status === 'error') return <ErrorView error={editions.error} onRetry={retry} />;
  if (editions.status === 'loading') return <Loading />;
  if (!current) return <Notice kind="info">{t.noEdition}</Notice>;
  return <>{children(current)}</>;
}
