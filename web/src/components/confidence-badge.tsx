import type { Confidence } from '../api/browse.types';
import { useT } from '../i18n/i18n';

/**
 * How sure we are of a standard's (or one requirement's) ids and structure.
 * Anything short of verified is shown as such, never as plain fact.
 */
export function ConfidenceBadge({ confidence }: { confidence: Confidence }) {
  const t = useT();
  return (
    <span className={`badge confidence confidence-${confidence}`} title={t.browse.confidenceNotes[confidence]}>
      <span className="visually-hidden">{t.browse.confidenceLabel}: </span>
      {t.browse.confidenceLevels[confidence]}
    </span>
  );
}

/** The id or content of this requirement has not been confirmed against a primary source. */
export function UnconfirmedBadge() {
  const t = useT();
  return (
    <span className="badge badge-unconfirmed" title={t.browse.unconfirmedNote}>
      {t.browse.unconfirmed}
    </span>
  );
}
