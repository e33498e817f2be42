import { apiPath } from '../../api/client';
import { useApi } from '../../api/use-api';
import { useEdition } from '../../edition/edition';
import { useLanguage, useLocalize } from '../../i18n/i18n';
import { attachedTextMessages } from '../../i18n/messages-attached-text';
import { useSession } from '../../session/session';
import type { MappingHint } from './attached-text.types';
import '../../styles/attached-text.css';

/**
 * Under an item's mapping table, and beside 確認方法 in the assessment workspace
 * (in the assessment's own edition): for each mapped standard requirement whose
 * publisher's text is attached, an expandable row with the English original,
 * our title beside it and the citation. Nothing when there is none.
 */
export function MappingHints({ requirementId, editionId }: { requirementId: string; editionId?: string }) {
  const { current } = useEdition();
  const who = useSession().user?.id ?? 'anonymous';
  const edition = editionId ?? current?.id;
  const result = useApi<{ hints: MappingHint[] }>(edition ? apiPath('editions', edition, 'requirements', requirementId, 'attached-text') : null, who);
  if (result.status !== 'ok' || result.data.hints.length === 0) return null;
  return <HintList hints={result.data.hints} />;
}

/** The hints as expandable entries. */
export function HintList({ hints }: { hints: MappingHint[] }) {
  const localize = useLocalize();
  const m = attachedTextMessages[useLanguage().lang];
  return (
    <section className="mapping-hints" aria-label={m.itemHintsTitle}>
      <h3>{m.itemHintsTitle}</h3>
      {hints.map((h) => (
        <details key={`${h.standard}|${h.requirement}`} className="mapping-hint">
          <summary>
            <code>{h.standard}</code> <code>{h.requirement}</code> <span className="our-title">{localize(h.title ?? undefined)}</span> · {m.showText}
          </summary>
          <p className="publisher-statement" lang="en">
            {h.statement}
          </p>
          <p className="publisher-citation">
            {m.citation}: <cite lang="en">{h.citation}</cite>
          </p>
        </details>
      ))}
    </section>
  );
}
