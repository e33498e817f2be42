import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { User } from '../api/types';
import type { AdminMessages } from '../i18n/messages-admin';
import { Link, useLocation } from '../router/router';
import { useAdminT } from './use-admin-t';

/** The administration links a user gets in the header menu. */
export function adminLinks(user: User | null, a: AdminMessages): { to: string; label: string }[] {
  if (!user) return [];
  if (user.role === 'admin') {
    return [
      { to: '/admin/organisations', label: a.navOrganisations },
      { to: '/users', label: a.navUsers },
      { to: '/admin/audit', label: a.navAudit },
      { to: '/admin/settings', label: a.navSettings },
    ];
  }
  if (user.role === 'member' && user.organisationId) {
    return [
      { to: `/organisations/${encodeURIComponent(user.organisationId)}`, label: a.navOrganisations },
      ...(user.orgManager ? [{ to: '/users', label: a.navUsers }] : []),
    ];
  }
  return [];
}

/** Inbox with its unread count, and the account page: refreshed on every page change. */
export function AccountLinks() {
  const a = useAdminT();
  const { pathname } = useLocation();
  const [unread, setUnread] = useState(0);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((n) => n + 1);
    window.addEventListener('tebiki:inbox', bump);
    return () => window.removeEventListener('tebiki:inbox', bump);
  }, []);
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname and tick are deliberate refresh triggers.
  useEffect(() => {
    const controller = new AbortController();
    api.get<{ unread: number }>('/api/notifications/unread', controller.signal).then(
      (r) => setUnread(r.unread),
      () => undefined,
    );
    return () => controller.abort();
  }, [pathname, tick]);
  return (
    <span className="account-links">
      <Link to="/inbox" className="button button-ghost inbox-link" aria-label={`${a.inbox} (${a.unread(unread)})`}>
        {a.inbox}
        {unread > 0 ? <span className="badge unread-count">{unread}</span> : null}
      </Link>
      <Link to="/account" className="button button-ghost">
        {a.navAccount}
      </Link>
    </span>
  );
}
