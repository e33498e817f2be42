/**
 * Row types of the database. Timestamps are ISO-8601 text and JSON is text in
 * both dialects, so one set of repositories serves SQLite and PostgreSQL.
 */
export interface EditionsTable {
  id: string;
  title_ja: string;
  title_en: string;
  status: string;
  edition_date: string;
  content_hash: string;
  content: string;
  created_at: string;
}

export interface OrganisationsTable {
  id: string;
  name: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string;
  role: string;
  organisation_id: string | null;
  disabled: number;
  created_at: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginThrottleTable {
  email: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ProductsTable {
  id: string;
  organisation_id: string;
  name: string;
  model: string | null;
  description: string | null;
  created_at: string;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface AuditLogTable {
  seq: number;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string;
  target_id: string | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface Database {
  editions: EditionsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  setup_tokens: SetupTokensTable;
  products: ProductsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
}
