import type { User } from '../../api/types';
import { useT } from '../../i18n/i18n';
import type { ProposalStatus } from './proposal-types';

/** The status as a coloured label; the colour repeats what the word says. */
export function ProposalStatusBadge({ status }: { status: ProposalStatus }) {
  const t = useT();
  return <span className={`proposal-status proposal-status-${status}`}>{t.proposals.statuses[status]}</span>;
}

/** Editors and admins triage; the server decides, this only shapes the page. */
export function isTriager(user: User | null): boolean {
  return user?.role === 'editor' || user?.role === 'admin';
}
