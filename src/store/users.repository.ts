import { compiledOnce } from './compiled-once.js';
import type { Db } from './database.js';
import type { UsersTable } from './schema.js';
import { countRows } from './count-rows.js';

export type UserRow = UsersTable;

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
}

const userById = compiledOnce((db, id) => db.selectFrom('users').selectAll().where('id', '=', id));

/** Asked on nearly every request (the session's user): compiled once. */
export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return (await userById(db, id))[0];
}

export async function countAdmins(db: Db): Promise<number> {
  return countRows(db.selectFrom('users').where('role', '=', 'admin'));
}

export async function insertUser(db: Db, row: UserRow): Promise<void> {
  await db.insertInto('users').values(row).execute();
}

export async function listUsers(db: Db): Promise<UserRow[]> {
  return db.selectFrom('users').selectAll().orderBy('created_at').execute();
}
