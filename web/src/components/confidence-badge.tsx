import type { Confidence } from '../api/browse.types';
import { useT } from '../i18n/i18n';

/** The words of a confidence badge: each level's name and its note (the tooltip). */
export interface ConfidenceWording {
  confidenceLevels: Record<Confidence, string>;
  confidenceNotes: Record<Confidence, string>;
}

/**
 * How sure we are of a standard's (or one requirement's) ids and structure.
 * Anything short of verified is shown as such, never as plain fact. The words
 * are the standards pages' unless a page has its own (the landscape map).
 */
export function ConfidenceBadge({ confidence, wording }: { confidence: Confidence; wording?: ConfidenceWording }) {
  const t = useT();
  const words = wording ?? t.browse;
  return (
    <span className={`badge confidence confidence-${confidence}`} title={words.confidenceNotes[confidence]}>
      <span className="visually-hidden">{t.browse.confidenceLabel}: </span>
      {words.confidenceLevels[confidence]}
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
