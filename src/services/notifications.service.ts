import { randomUUID } from 'node:crypto';
import type { Actor } from '../core/authorization.js';
import { AppError } from '../core/errors.js';
import type { Role } from '../core/taxonomy.js';
import type { Db } from '../store/database.js';
import {
  countUnread,
  insertNotifications,
  listNotifications,
  markRead,
  type NotificationRow,
  pendingMail,
  readMailPrefs,
  setMailState,
  userIdsWith,
  writeMailPref,
} from '../store/notifications.repository.js';
import { mutate, type ServiceContext } from './context.js';
import { sendMail } from './mailer.js';

/**
 * The one notification mechanism. Features call `notify` inside the
 * transaction of their change (so a rolled-back change notifies nobody), then
 * `deliverPendingMail(ctx)` after it commits. Each user sees an inbox; those
 * who chose mail for the event's kind also get an e-mail when SMTP is configured.
 */

export interface LocalizedText {
  ja: string;
  en: string;
}

/** Kinds a user can choose mail for; later features add theirs here. */
export const NOTIFICATION_KINDS = [
  'proposal-decided',
  'defect-flagged',
  'assessment-finalised',
  'invitation',
  'account',
  'security',
  'vulnerability-matched',
  'cra-case',
  'cra-escalation',
  'self-assessment',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationEvent {
  kind: NotificationKind;
  title: LocalizedText;
  body: LocalizedText;
  /** A path inside the web UI, e.g. /proposals/ID. */
  link: string | null;
}

/** Who receives it: named users, or every active user with a role (in an organisation). */
export type Recipients = { userIds: string[] } | { role?: Role; organisationId?: string };

export interface NotificationView {
  id: string;
  kind: string;
  title: LocalizedText;
  body: LocalizedText;
  link: string | null;
  createdAt: string;
  read: boolean;
}

/** Records the event in each recipient's inbox; returns how many received it. */
export async function notify(ctx: ServiceContext, trx: Db, recipients: Recipients, event: NotificationEvent): Promise<number> {
  const ids = 'userIds' in recipients ? [...new Set(recipients.userIds)] : await userIdsWith(trx, recipients);
  if (ids.length === 0) return 0;
  const prefs = await readMailPrefs(trx, ids);
  const wantsMail = (userId: string) => prefs.find((p) => p.user_id === userId && p.kind === event.kind)?.email !== 0;
  const at = ctx.now().toISOString();
  const rows: NotificationRow[] = ids.map((userId) => ({
    id: randomUUID(),
    user_id: userId,
    kind: event.kind,
    title_ja: event.title.ja,
    title_en: event.title.en,
    body_ja: event.body.ja,
    body_en: event.body.en,
    link: event.link,
    created_at: at,
    read_at: null,
    mail_state: ctx.config.mail && wantsMail(userId) ? 'pending' : 'none',
  }));
  await insertNotifications(trx, rows);
  return rows.length;
}

/**
 * Sends the mails waiting in the inbox table. Each is claimed before sending,
 * so two callers never send one twice; a failure is recorded, not thrown.
 */
export async function deliverPendingMail(ctx: ServiceContext): Promise<number> {
  const mail = ctx.config.mail;
  if (!mail) return 0;
  let sent = 0;
  for (const row of await pendingMail(ctx.store.db, 100)) {
    if (!(await setMailState(ctx.store.db, row.id, 'pending', 'sending'))) continue;
    const en = row.language === 'en';
    const link = row.link ? `\n\n${ctx.config.publicUrl}${row.link}` : '';
    try {
      await sendMail(mail, { to: row.email, subject: en ? row.title_en : row.title_ja, text: `${en ? row.body_en : row.body_ja}${link}` });
      await setMailState(ctx.store.db, row.id, 'sending', 'sent');
      sent += 1;
    } catch {
      await setMailState(ctx.store.db, row.id, 'sending', 'failed');
    }
  }
  return sent;
}

/** Fire and forget after a commit: mail never delays or fails the change itself. */
export function kickMail(ctx: ServiceContext): void {
  if (ctx.config.mail) void deliverPendingMail(ctx).catch(() => undefined);
}

function requireUser(actor: Actor): string {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  return actor.userId;
}

const toView = (r: NotificationRow): NotificationView => ({
  id: r.id,
  kind: r.kind,
  title: { ja: r.title_ja, en: r.title_en },
  body: { ja: r.body_ja, en: r.body_en },
  link: r.link,
  createdAt: r.created_at,
  read: r.read_at !== null,
});

export async function inbox(ctx: ServiceContext, actor: Actor): Promise<{ notifications: NotificationView[]; unread: number }> {
  const userId = requireUser(actor);
  const rows = await listNotifications(ctx.store.db, userId, 200);
  return { notifications: rows.map(toView), unread: await countUnread(ctx.store.db, userId) };
}

export async function unreadCount(ctx: ServiceContext, actor: Actor): Promise<number> {
  return countUnread(ctx.store.db, requireUser(actor));
}

export async function markNotificationsRead(ctx: ServiceContext, actor: Actor, ids: string[] | 'all'): Promise<void> {
  const userId = requireUser(actor);
  await mutate(
    ctx,
    actor,
    { action: 'notification.read', targetType: 'user', targetId: userId, detail: { count: ids === 'all' ? 'all' : ids.length } },
    (trx) => markRead(trx, userId, ids, ctx.now().toISOString()),
  );
}

export async function mailPreferences(ctx: ServiceContext, actor: Actor): Promise<Record<NotificationKind, boolean>> {
  const userId = requireUser(actor);
  const prefs = await readMailPrefs(ctx.store.db, [userId]);
  return Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, prefs.find((p) => p.kind === k)?.email !== 0])) as Record<NotificationKind, boolean>;
}

export async function setMailPreference(ctx: ServiceContext, actor: Actor, kind: NotificationKind, email: boolean): Promise<void> {
  const userId = requireUser(actor);
  await mutate(ctx, actor, { action: 'notification.mail-preference', targetType: 'user', targetId: userId, detail: { kind, email } }, (trx) =>
    writeMailPref(trx, userId, kind, email),
  );
}
