import type { User } from '../../api/types';
import { useLanguage, useT } from '../../i18n/i18n';
import type { ProposalStatus } from './proposal-types';

/** The status as a coloured label; the colour repeats what the word says. */
export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const t = useT();
  return <span className={`proposal-status proposal-status-${status}`}>{t.proposals.statuses[status]}</span>;
}

/** Formats an ISO time for the UI language, in the viewer's time zone. */
export function useDateTime(): (iso: string) => string {
  const { lang } = useLanguage();
  const format = new Intl.DateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return (iso) => {
    const date = new Date(iso);
    return Number.isNaN(date.getTime()) ? iso : format.format(date);
  };
}

/** Editors and admins triage; the server decides, this only shapes the page. */
export function isTriager(user: User | null): boolean {
  return user?.role === 'editor' || user?.role === 'admin';
}
