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

/** The inbox as a bell with its unread count, refreshed on every page change. */
export function InboxLink() {
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
  const name = `${a.inbox} (${a.unread(unread)})`;
  return (
    <Link to="/inbox" className="inbox-link" aria-label={name} title={name} aria-current={pathname === '/inbox' ? 'page' : undefined}>
      <svg className="bell-icon" viewBox="0 0 16 16" width="18" height="18" aria-hidden="true" focusable="false">
        <path d="M8 1.8a4 4 0 0 0-4 4v2.7L2.6 11.2h10.8L12 8.5V5.8a4 4 0 0 0-4-4zM6.4 12.8a1.6 1.6 0 0 0 3.2 0" />
      </svg>
      {unread > 0 ? (
        <span className="badge unread-count" aria-hidden="true">
          {unread}
        </span>
      ) : null}
    </Link>
  );
}
