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

/** Member proposals (課題); layers and phases are JSON arrays of ids. */
export interface ProposalsTable {
  id: string;
  source: string;
  title: string;
  body: string;
  layers: string;
  phases: string;
  industry: string | null;
  submitted_by: string;
  organisation_id: string | null;
  status: string;
  created_at: string;
  updated_at: string;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  link_kind: string | null;
  link_edition_id: string | null;
  link_requirement_id: string | null;
  link_number: string | null;
  link_title_ja: string | null;
  link_title_en: string | null;
}

/** What only a draft edition has; the draft itself is an `editions` row with status 'draft'. */
export interface DraftsTable {
  edition_id: string;
  base_edition_id: string | null;
  revision: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  published_at: string | null;
}

/** Version per draft item (kind 'requirement' | 'term' | 'meta') for optimistic concurrency; no row = version 1. */
export interface DraftItemsTable {
  edition_id: string;
  kind: string;
  item_id: string;
  version: number;
}

export interface ImportedStandardsTable {
  id: string;
  title: string;
  content: string;
  content_hash: string;
  source: string;
  imported_at: string;
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
  drafts: DraftsTable;
  draft_items: DraftItemsTable;
  proposals: ProposalsTable;
  imported_standards: ImportedStandardsTable;
}
