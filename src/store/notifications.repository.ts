import type { Db } from './database.js';
import type { NotificationsTable } from './schema.js';
import { countRows } from './count-rows.js';

export type NotificationRow = NotificationsTable;

export async function insertNotifications(db: Db, rows: NotificationRow[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('notifications').values(rows).execute();
}

export async function listNotifications(db: Db, userId: string, limit: number): Promise<NotificationRow[]> {
  return db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').limit(limit).execute();
}

export async function countUnread(db: Db, userId: string): Promise<number> {
  return countRows(db.selectFrom('notifications').where('user_id', '=', userId).where('read_at', 'is', null));
}

export async function markRead(db: Db, userId: string, ids: string[] | 'all', at: string): Promise<void> {
  let q = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (ids !== 'all') {
    if (ids.length === 0) return;
    q = q.where('id', 'in', ids);
  }
  await q.execute();
}

export async function pendingMail(db: Db, limit: number): Promise<(NotificationRow & { email: string; language?: string | null | undefined })[]> {
  return db
    .selectFrom('notifications')
    .innerJoin('users', 'users.id', 'notifications.user_id')
    .selectAll('notifications')
    .select(['users.email', 'users.language'])
    .where('notifications.mail_state', '=', 'pending')
    .orderBy('notifications.created_at')
    .limit(limit)
    .execute();
}

/** Claims a pending mail for sending; false when another sender took it. */
export async function setMailState(db: Db, id: string, from: string, to: string): Promise<boolean> {
  const r = await db.updateTable('notifications').set({ mail_state: to }).where('id', '=', id).where('mail_state', '=', from).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function readMailPrefs(db: Db, userIds: string[]): Promise<{ user_id: string; kind: string; email: number }[]> {
  if (userIds.length === 0) return [];
  return db.selectFrom('notification_prefs').selectAll().where('user_id', 'in', userIds).execute();
}

export async function writeMailPref(db: Db, userId: string, kind: string, email: boolean): Promise<void> {
  const value = email ? 1 : 0;
  await db
    .insertInto('notification_prefs')
    .values({ user_id: userId, kind, email: value })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ email: value }))
    .execute();
}

/** Active users with a role, optionally in one organisation: the recipients of a broadcast. */
export async function userIdsWith(db: Db, filter: { role?: string; organisationId?: string }): Promise<string[]> {
  let q = db.selectFrom('users').select('id').where('disabled', '=', 0);
  if (filter.role) q = q.where('role', '=', filter.role);
  if (filter.organisationId) q = q.where('organisation_id', '=', filter.organisationId);
  return (await q.execute()).map((r) => r.id);
}
