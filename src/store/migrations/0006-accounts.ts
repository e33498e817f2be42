import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { changeTables } from './frozen-helpers.js';

/**
 * Accounts and administration: organisations can be deactivated, products
 * have versions, members can manage their own organisation, users keep a
 * language and a TOTP second factor with recovery codes, one-time tokens
 * (invitations, password resets, second-factor and single-sign-on steps)
 * are stored only as hashes, and each user has an inbox of notifications.
 * Frozen in time: never import application code here, never edit after release.
 */
// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the evolving schema types
export async function up(db: Kysely<any>, _dialect: DialectName): Promise<void> {
  await changeTables(db, {
    organisations: ['add column active integer not null default 1'],
    product_versions: [
      'id text primary key',
      'product_id text not null references products.id',
      'version text not null',
      'release_date text',
      'support_end text',
      'created_at text not null',
      'constraint product_versions_unique unique (product_id, version)',
    ],
    users: [
      'add column org_manager integer not null default 0',
      'add column language text',
      'add column totp_secret text',
      'add column totp_enabled integer not null default 0',
    ],
    // One-time tokens of every kind, stored by SHA-256 only; data is JSON.
    user_tokens: [
      'token_hash text primary key',
      'kind text not null',
      'user_id text references users.id on delete cascade',
      'email text',
      'data text not null',
      'created_by text',
      'created_at text not null',
      'expires_at text not null',
      'used_at text',
      'index user_tokens_kind_email (kind, email)',
    ],
    recovery_codes: [
      'user_id text not null references users.id on delete cascade',
      'code_hash text not null',
      'used_at text',
      'constraint recovery_codes_pk primary key (user_id, code_hash)',
    ],
    notifications: [
      'id text primary key',
      'user_id text not null references users.id on delete cascade',
      'kind text not null',
      'title_ja text not null',
      'title_en text not null',
      'body_ja text not null',
      'body_en text not null',
      'link text',
      'created_at text not null',
      'read_at text',
      // none | pending | sent | failed
      'mail_state text not null',
      'index notifications_user (user_id, created_at)',
    ],
    notification_prefs: [
      'user_id text not null references users.id on delete cascade',
      'kind text not null',
      'email integer not null',
      'constraint notification_prefs_pk primary key (user_id, kind)',
    ],
  });
}
