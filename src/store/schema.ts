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
  /** 1 active, 0 deactivated (0006). Optional so older callers need not name it. */
  active?: number;
  /** 1 when the organisation's manager lets its members self-assess (0015). Optional so older callers need not name it. */
  self_assessment?: number;
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
  /** 0006: a member who manages their own organisation's members. */
  org_manager?: number;
  language?: string | null;
  totp_secret?: string | null;
  totp_enabled?: number;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface LoginFailuresTable {
  /** pair (client + account), client or account. */
  scope: string;
  key: string;
  failures: number;
  first_at: string;
  last_at: string;
  blocked_until: string | null;
  alerted_at: string | null;
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
  /** Checksheet defect flags (source 'checksheet'): where the flag was raised. Optional so older callers need not name them. */
  source_assessment_id?: string | null;
  source_edition_id?: string | null;
  source_requirement_id?: string | null;
  source_item_no?: string | null;
  defect_kind?: string | null;
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

/** An assessment (診断); spec and items (the frozen checksheet items) are JSON. */
/** A frozen checksheet (its items as JSON), stored once by the SHA-256 of that JSON. */
export interface ChecksheetSnapshotsTable {
  hash: string;
  items: string;
  created_at: string;
}

export interface AssessmentsTable {
  id: string;
  organisation_id: string;
  product_id: string;
  edition_id: string;
  title: string;
  product_version: string | null;
  spec: string;
  /** SHA-256 of the frozen checksheet items in checksheet_snapshots. */
  items_hash: string;
  status: string;
  assessor_id: string | null;
  carried_from: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  finalised_at: string | null;
  content_hash: string | null;
}

/** One answer per check item of an assessment. */
export interface AssessmentAnswersTable {
  assessment_id: string;
  requirement_id: string;
  no: string;
  verdict: string;
  evidence: string;
  comment: string;
  defect_kind: string | null;
  defect_note: string | null;
  defect_proposal_id: string | null;
  review: string | null;
  previous_verdict: string | null;
  updated_by: string | null;
  updated_at: string | null;
  /** Bumped by every write of verdict, evidence or comment (optimistic concurrency). */
  version: number;
  /** JSON: the runs and checks an accepted suggestion came from; null when typed by hand. Optional so older callers need not name it. */
  source?: string | null;
}

/** One write of an answer: what it became, who wrote it, and from where. */
export interface AssessmentAnswerHistoryTable {
  id: string;
  assessment_id: string;
  requirement_id: string;
  version: number;
  verdict: string;
  evidence: string;
  comment: string;
  source: string;
  source_ref: string | null;
  changed_by: string | null;
  changed_at: string;
}

/** Evidence file content, stored once per SHA-256. */
export interface AttachmentBlobsTable {
  sha256: string;
  size: number;
  content: Buffer;
}

export interface AssessmentAttachmentsTable {
  id: string;
  assessment_id: string;
  requirement_id: string;
  sha256: string;
  filename: string;
  media_type: string;
  size: number;
  uploaded_by: string | null;
  created_at: string;
}

/** A queue instance (one per server or CLI process) and its heartbeat. */
export interface JobWorkersTable {
  id: string;
  started_at: string;
  heartbeat_at: string;
  /** The instance's operating-system process (jobs/process-identity.ts); null where unknown. */
  process: string | null;
}

/** Long work behind the job queue: state, progress and cancel requests, shared by every process. */
export interface JobsTable {
  id: string;
  kind: string;
  state: string;
  payload: string;
  owner: string | null;
  progress_done: number | null;
  progress_total: number | null;
  progress_message: string | null;
  cancel_requested: number;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** A device probe run attached to an assessment, with its scope as uploaded. */
export interface ProbeRunsTable {
  id: string;
  assessment_id: string;
  job_id: string;
  scope_name: string;
  scope_authorised_by: string;
  scope_sha256: string;
  scope_file_name: string;
  scope_text: string;
  /** JSON array of check ids; empty = all. */
  only_checks: string;
  started_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** One finding of a probe run; evidence is JSON. */
export interface ProbeFindingsTable {
  run_id: string;
  seq: number;
  check_id: string;
  check_version: number;
  target: string;
  verdict: string;
  summary_ja: string;
  summary_en: string;
  evidence: string;
  at: string;
}

/** Request counters per key and fixed window, shared by every process (migration 0012). */
export interface RateLimitsTable {
  key: string;
  window_start_ms: number;
  hits: number;
}

/** A released version of a product (0006). */
export interface ProductVersionsTable {
  id: string;
  product_id: string;
  version: string;
  release_date: string | null;
  support_end: string | null;
  created_at: string;
}

/** One-time tokens (invitation, reset, second factor, single sign-on), by SHA-256 only. */
export interface UserTokensTable {
  token_hash: string;
  kind: string;
  user_id: string | null;
  email: string | null;
  data: string;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RecoveryCodesTable {
  user_id: string;
  code_hash: string;
  used_at: string | null;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  title_ja: string;
  title_en: string;
  body_ja: string;
  body_en: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
  mail_state: string;
}

export interface NotificationPrefsTable {
  user_id: string;
  kind: string;
  email: number;
}

export interface FirmwareAnalysesTable {
  id: string;
  assessment_id: string;
  image_sha256: string;
  image_name: string;
  image_size: number;
  /** queued | running | completed | failed | cancelled | interrupted */
  state: string;
  /** JSON {done, total, message} */
  progress: string | null;
  cancel_requested: number;
  error: string | null;
  format: string | null;
  files: number | null;
  /** JSON Finding[] */
  findings: string | null;
  /** JSON BinaryRow[] */
  binaries: string | null;
  /** CycloneDX 1.6 JSON */
  sbom: string | null;
  created_by: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}

/** Which evidence run an accepted suggestion came from. */
export interface AnswerSourcesTable {
  assessment_id: string;
  requirement_id: string;
  source: string;
  run_id: string;
  suggested: string;
  accepted_by: string | null;
  accepted_at: string;
}

/** The catalog a publisher's text was attached from (source is CatalogSource as JSON). */
export interface AttachedCatalogsTable {
  standard_id: string;
  citation: string;
  source: string;
  content_hash: string;
  attached_at: string;
}

/** A publisher's text of one requirement: statement (StatementPart JSON), discussion, withdrawal (JSON). */
export interface AttachedTextsTable {
  standard_id: string;
  requirement_id: string;
  position: number;
  statement: string;
  discussion: string | null;
  withdrawal: string | null;
}

/** CRA reporting (0014): who owns reporting per product. role: owner | deputy. */
export interface CraContactsTable {
  product_id: string;
  user_id: string;
  role: string;
  created_at: string;
}

/** An organisation's triage criteria, one row per version; items is JSON. */
export interface CraCriteriaTable {
  id: string;
  organisation_id: string;
  kind: string;
  version: number;
  items: string;
  created_by: string | null;
  created_at: string;
}

/** A CRA reporting case (real or drill); aliases, version_ids, member_states, decision are JSON. */
export interface CraCasesTable {
  id: string;
  organisation_id: string;
  product_id: string;
  kind: string;
  drill: number;
  status: string;
  origin: string;
  title: string;
  vulnerability_id: string | null;
  aliases: string;
  version_ids: string;
  member_states: string;
  criteria_id: string | null;
  decision: string;
  aware_at: string;
  corrective_at: string | null;
  corrective_text: string | null;
  closed_at: string | null;
  closed_reason: string | null;
  created_by: string | null;
  created_at: string;
}

/** A report draft per case and stage; fields is JSON. */
export interface CraReportsTable {
  case_id: string;
  stage: string;
  fields: string;
  updated_by: string | null;
  updated_at: string;
  sent_at: string | null;
  sent_by: string | null;
}

/** Each escalation notice, recorded once (the sweep is idempotent). */
export interface CraEscalationsTable {
  case_id: string;
  stage: string;
  threshold: string;
  due_at: string;
  created_at: string;
}

export interface Database {
  editions: EditionsTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_failures: LoginFailuresTable;
  rate_limits: RateLimitsTable;
  setup_tokens: SetupTokensTable;
  products: ProductsTable;
  settings: SettingsTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  drafts: DraftsTable;
  draft_items: DraftItemsTable;
  proposals: ProposalsTable;
  imported_standards: ImportedStandardsTable;
  checksheet_snapshots: ChecksheetSnapshotsTable;
  assessments: AssessmentsTable;
  assessment_answers: AssessmentAnswersTable;
  assessment_answer_history: AssessmentAnswerHistoryTable;
  attachment_blobs: AttachmentBlobsTable;
  assessment_attachments: AssessmentAttachmentsTable;
  job_workers: JobWorkersTable;
  jobs: JobsTable;
  probe_runs: ProbeRunsTable;
  probe_findings: ProbeFindingsTable;
  product_versions: ProductVersionsTable;
  user_tokens: UserTokensTable;
  recovery_codes: RecoveryCodesTable;
  notifications: NotificationsTable;
  notification_prefs: NotificationPrefsTable;
  firmware_analyses: FirmwareAnalysesTable;
  answer_sources: AnswerSourcesTable;
  osv_records: OsvRecordsTable;
  osv_packages: OsvPackagesTable;
  osv_aliases: OsvAliasesTable;
  kev_entries: KevEntriesTable;
  sbom_blobs: SbomBlobsTable;
  sboms: SbomsTable;
  vulnerability_matches: VulnerabilityMatchesTable;
  vex_statements: VexStatementsTable;
  product_sbom_settings: ProductSbomSettingsTable;
  attached_catalogs: AttachedCatalogsTable;
  attached_texts: AttachedTextsTable;
  cra_contacts: CraContactsTable;
  cra_criteria: CraCriteriaTable;
  cra_cases: CraCasesTable;
  cra_reports: CraReportsTable;
  cra_escalations: CraEscalationsTable;
  self_assessments: SelfAssessmentsTable;
  self_assessment_reviews: SelfAssessmentReviewsTable;
  self_assessment_replies: SelfAssessmentRepliesTable;
  assessment_results: AssessmentResultsTable;
}

/** Self-assessment (0015): an assessment answered by its own organisation. state: draft | submitted | changes-requested | accepted. */
export interface SelfAssessmentsTable {
  assessment_id: string;
  organisation_id: string;
  state: string;
  /** 1 for the first submission, one more each time it is submitted again after a send-back. */
  round: number;
  created_by: string;
  created_at: string;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

/** An assessor's review of one item in one round. decision: agree | disagree. */
export interface SelfAssessmentReviewsTable {
  id: string;
  assessment_id: string;
  requirement_id: string;
  round: number;
  decision: string;
  comment: string;
  /** The member's verdict the review was given on. */
  self_verdict: string;
  corrected_verdict: string | null;
  reviewer_id: string;
  reviewed_at: string;
}

/** A reply to a review comment, by the member or an assessor. */
export interface SelfAssessmentRepliesTable {
  id: string;
  review_id: string;
  author_id: string;
  body: string;
  created_at: string;
}

/** One OSV record as published (canonical JSON), replaced when a re-import brings a changed one (0011). */
export interface OsvRecordsTable {
  id: string;
  modified: string;
  withdrawn: string | null;
  content: string;
  content_hash: string;
  source: string;
  first_imported_at: string;
  imported_at: string;
  /** 1 when the record or one of its aliases is in CISA's KEV catalog. */
  kev: number;
}

export interface OsvPackagesTable {
  record_id: string;
  /** The ecosystem without its release (Debian, not Debian:12). */
  ecosystem: string;
  /** The name as matching compares it (PyPI normalised, NuGet lower case). */
  name: string;
}

export interface OsvAliasesTable {
  record_id: string;
  alias: string;
}

export interface KevEntriesTable {
  cve: string;
  vendor: string;
  product: string;
  name: string;
  date_added: string;
  due_date: string | null;
  known_ransomware: string | null;
  catalog_version: string;
  imported_at: string;
}

export interface SbomBlobsTable {
  sha256: string;
  size: number;
  content: Uint8Array;
}

/** One uploaded SBOM of a product version; `document` is the read component model (JSON). */
export interface SbomsTable {
  id: string;
  product_version_id: string;
  sha256: string;
  filename: string;
  format: string;
  spec_version: string;
  encoding: string;
  component_count: number;
  document: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

/** A vulnerability matched to a product version's component, kept from when it was first seen (so new ones notify). */
export interface VulnerabilityMatchesTable {
  product_version_id: string;
  vulnerability_id: string;
  purl: string;
  first_seen_at: string;
}

/** The VEX triage of one vulnerability for one product version. */
export interface VexStatementsTable {
  product_version_id: string;
  vulnerability_id: string;
  status: string;
  justification: string | null;
  action_statement: string | null;
  impact_statement: string | null;
  decided_by: string | null;
  decided_at: string;
}

/** Per product: the severity at and above which an open vulnerability fails sbom.known-vulnerabilities (default high). */
export interface ProductSbomSettingsTable {
  product_id: string;
  severity_threshold: string;
}

/** Results kept with the assessment (0017): gzip-compressed JSON of the results at one version of the assessment. */
export interface AssessmentResultsTable {
  assessment_id: string;
  version: number;
  body: Buffer;
  /** The shape of the JSON (0018): served only while it is the one the running code writes (KEPT_RESULTS_FORMAT). */
  format: number;
}
