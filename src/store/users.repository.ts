import type { Db } from './database.js';
import type { UsersTable } from './schema.js';

export type UserRow = UsersTable;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('role', '=', 'admin')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at').execute();
}

export async function readLoginThrottle(db: Db, email: string) {
  return db.selectFrom('login_throttle').selectAll().where('email', '=', email).executeTakeFirst();
}

export async function writeLoginThrottle(db: Db, email: string, failures: number, lockedUntil: string | null, at: string) {
  await db
    .insertInto('login_throttle')
    .values({ email, failures, locked_until: lockedUntil, updated_at: at })
    .onConflict((oc) => oc.column('email').doUpdateSet({ failures, locked_until: lockedUntil, updated_at: at }))
    .execute();
}

export async function clearLoginThrottle(db: Db, email: string) {
  await db.deleteFrom('login_throttle').where('email', '=', email).execute();
}
