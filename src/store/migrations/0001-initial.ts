import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect.js';
import { createRefusingFunction, changeTables } from './frozen-helpers.js';

/**
 * Frozen in time: never import application code here, never edit after release.
 * Portable column types; dialect specifics only where named.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, dialect: DialectName): Promise<void> {
  await changeTables(db, {
    editions: [
      'id text primary key',
      'title_ja text not null',
      'title_en text not null',
      'status text not null',
      'edition_date text not null',
      'content_hash text not null',
      'content text not null',
      'created_at text not null',
    ],
    organisations: ['id text primary key', 'name text not null unique', 'created_at text not null'],
    users: [
      'id text primary key',
      'email text not null unique',
      'display_name text not null',
      'password_hash text not null',
      'role text not null',
      'organisation_id text references organisations.id',
      'disabled integer not null default 0',
      'created_at text not null',
      "constraint users_role_org check ((role = 'member') = (organisation_id is not null))",
    ],
    sessions: [
      'id_hash text primary key',
      'user_id text not null references users.id on delete cascade',
      'csrf_token text not null',
      'created_at text not null',
      'last_seen_at text not null',
      'expires_at text not null',
      'index sessions_user (user_id)',
    ],
    // Failed logins per email, known or not, so lockout reveals nothing about
    // which accounts exist.
    login_throttle: ['email text primary key', 'failures integer not null', 'locked_until text', 'updated_at text not null'],
    setup_tokens: ['token_hash text primary key', 'created_at text not null', 'expires_at text not null', 'used_at text'],
    products: [
      'id text primary key',
      'organisation_id text not null references organisations.id',
      'name text not null',
      'model text',
      'description text',
      'created_at text not null',
      'index products_org (organisation_id)',
    ],
    settings: ['key text primary key', 'value text not null'],
    audit_log: [
      'seq integer primary key',
      'at text not null',
      'actor_id text',
      'action text not null',
      'target_type text not null',
      'target_id text',
      'detail text not null',
      'prev_hash text not null',
      'hash text not null',
    ],
    audit_head: ['id integer primary key', 'seq integer not null', 'hash text not null'],
  });
  await db.insertInto('audit_head').values({ id: 1, seq: 0, hash: '' }).execute();

  await protectPublishedEditions(db, dialect);
}

/** Published editions are immutable: the database itself refuses changes. */
// biome-ignore lint/suspicious/noExplicitAny: see above
async function protectPublishedEditions(db: Kysely<any>, dialect: DialectName): Promise<void> {
  if (dialect === 'sqlite') {
    await sql`CREATE TRIGGER editions_published_no_update BEFORE UPDATE ON editions
      WHEN OLD.status = 'published'
      BEGIN SELECT RAISE(ABORT, 'published editions are immutable'); END`.execute(db);
    await sql`CREATE TRIGGER editions_published_no_delete BEFORE DELETE ON editions
      WHEN OLD.status = 'published'
      BEGIN SELECT RAISE(ABORT, 'published editions are immutable'); END`.execute(db);
    return;
  }
  await createRefusingFunction(db, 'editions_immutable', { condition: "OLD.status = 'published'", message: 'published editions are immutable' });
  await sql`CREATE TRIGGER editions_published_immutable BEFORE UPDATE OR DELETE ON editions
    FOR EACH ROW EXECUTE FUNCTION editions_immutable()`.execute(db);
}
