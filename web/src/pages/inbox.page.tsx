import { useState } from 'react';
import { useAdminT } from '../admin/use-admin-t';
import { api } from '../api/client';
import type { Localized } from '../api/types';
import { useApi } from '../api/use-api';
import { ErrorView, Loading } from '../components/status';
import { useLocalize } from '../i18n/i18n';
import { Link } from '../router/router';
import { SignedInSection } from '../components/page-section';

interface Item {
  id: string;
  kind: string;
  title: Localized;
  body: Localized;
  link: string | null;
  createdAt: string;
  read: boolean;
}

function Inbox({ userId }: { userId: string }) {
  const a = useAdminT();
  const localize = useLocalize();
  const [key, setKey] = useState(0);
  const box = useApi<{ notifications: Item[]; unread: number }>('/api/notifications', `${userId}|${key}`);
  if (box.status === 'loading') return <Loading />;
  if (box.status === 'error') return <ErrorView error={box.error} onRetry={box.retry} />;
  const markAll = async () => {
    await api.post('/api/notifications/read', { ids: 'all' });
    setKey((k) => k + 1);
    window.dispatchEvent(new Event('tebiki:inbox'));
  };
  return (
    <>
      <p>
        {a.unread(box.data.unread)}{' '}
        {box.data.unread > 0 ? (
          <button type="button" className="button" onClick={() => void markAll()}>
            {a.markAllRead}
          </button>
        ) : null}
      </p>
      {box.data.notifications.length === 0 ? <p>{a.inboxEmpty}</p> : null}
      <ul className="inbox-list">
        {box.data.notifications.map((n) => (
          <li key={n.id} className={n.read ? 'inbox-item' : 'inbox-item is-unread'}>
            <strong>{localize(n.title)}</strong> <time dateTime={n.createdAt}>{new Date(n.createdAt).toLocaleString()}</time>
            <p>{localize(n.body)}</p>
            {n.link ? <Link to={n.link}>{a.open}</Link> : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** /inbox: the user's notifications, newest first. */
export function InboxPage() {
  const a = useAdminT();
  return <SignedInSection title={a.inboxTitle}>{(user) => <Inbox userId={user.id} />}</SignedInSection>;
}
