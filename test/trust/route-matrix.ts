import { scopeText } from '../server/probe-runs.fixture.js';
import type { IsolationWorld, MatrixRole, WorldIds } from './isolation-world.js';

/**
 * The isolation matrix: every route of the OpenAPI document, the kind of
 * object it serves and what each role may do with organisation A's copy.
 *
 * - allow: the role is entitled; a read answers 2xx (writes are not sent: the world stays as seeded).
 * - deny: the request is sent with A's ids and a valid body; the answer must be 401, 403 or 404.
 * - own: the route serves the caller's own things (lists, inbox, session); sent, any status, never A's data.
 * - skip: not sent (the reason is the entry's `why`): it would end the session or change the caller's own account.
 *
 * Whatever the outcome, organisation A's marker never reaches anonymous visitors
 * nor organisation B, and reaches editors only through proposals and notifications.
 */
export type Outcome = 'allow' | 'deny' | 'own' | 'skip';

export type ObjectKind =
  | 'platform'
  | 'account'
  | 'user'
  | 'guidebook'
  | 'draft'
  | 'organisation'
  | 'product'
  | 'product-version'
  | 'assessment'
  | 'answer'
  | 'attachment'
  | 'report'
  | 'workbook'
  | 'probe-run'
  | 'firmware'
  | 'sbom'
  | 'vulnerability-triage'
  | 'cra-case'
  | 'proposal'
  | 'notification';

export type RequestBody = { json: unknown } | { raw: Buffer; headers: Record<string, string> };

export interface RouteEntry {
  kind: ObjectKind;
  expect: Record<MatrixRole, Outcome>;
  /** Query string (without `?`) for A's objects. */
  query?: (ids: WorldIds) => string;
  /** A valid body, so a refusal comes from access control and not from validation. */
  body?: (w: IsolationWorld) => RequestBody;
  /** A POST that only reads (previews, lookups): insiders send it like a GET. */
  reads?: boolean;
  /** The entitled roles' answer carries A's marker (proves the read returns A's object); a list names the roles that see it. */
  shows?: true | readonly MatrixRole[];
  why?: string;
}

const ALL: readonly MatrixRole[] = ['anonymous', 'memberA', 'managerA', 'memberB', 'managerB', 'assessor', 'editor', 'admin'];

/** `allowed` get allow, the rest `rest`; `overrides` last. */
function who(allowed: readonly MatrixRole[], rest: Outcome = 'deny', overrides: Partial<Record<MatrixRole, Outcome>> = {}): Record<MatrixRole, Outcome> {
  return Object.fromEntries(ALL.map((r) => [r, overrides[r] ?? (allowed.includes(r) ? 'allow' : rest)])) as Record<MatrixRole, Outcome>;
}

const EVERYONE = who(ALL);
const USERS = who(ALL.filter((r) => r !== 'anonymous'));
/** Lists: every user may ask; each sees only their own (B's answer must not carry A's marker). */
const LISTS = USERS;
/** canReadOrganisationData: A's members, assessors and admins. */
const ORG_READ = who(['memberA', 'managerA', 'assessor', 'admin']);
/** canWriteProducts: A's members and admins. */
const ORG_WRITE = who(['memberA', 'managerA', 'admin']);
/** Assessments change in the hands of assessors (and admins); members read them. */
const ASSESSOR_WRITE = who(['assessor', 'admin']);
const ADMIN = who(['admin']);
const EDITOR = who(['editor', 'admin']);
const SKIP = who([], 'skip');
/** Account and user administration: admins, and A's organisation manager for A's members. */
const MANAGERS_OF_A = who(['admin', 'managerA']);

const json = (value: unknown): RequestBody => ({ json: value });
const spec = { layers: ['device'], phases: [], profile: null };

const ENTRIES: Record<string, RouteEntry> = {
  // Platform and sign-in
  'GET /api/health': { kind: 'platform', expect: EVERYONE },
  'GET /api/ready': { kind: 'platform', expect: EVERYONE },
  'GET /api/session': { kind: 'account', expect: EVERYONE },
  'POST /api/setup': {
    kind: 'platform',
    expect: who([], 'own'),
    body: () => json({ token: 'x'.repeat(43), email: 'x@example.test', displayName: 'x', password: 'x'.repeat(20) }),
  },
  'POST /api/auth/login': { kind: 'account', expect: SKIP, why: 'would open another session; login is tested in test/server/sessions.test.ts' },
  'GET /api/auth/oidc/start': { kind: 'account', expect: who([], 'own') },
  'GET /api/auth/oidc/callback': { kind: 'account', expect: who([], 'own'), query: () => 'code=x&state=y' },
  'POST /api/auth/logout': { kind: 'account', expect: SKIP, why: 'would end the session the matrix uses' },
  'POST /api/auth/second-factor': { kind: 'account', expect: who([], 'own'), body: () => json({ code: '000000' }) },
  'POST /api/invitations/lookup': { kind: 'account', expect: who([], 'own'), body: () => json({ token: 'x'.repeat(43) }) },
  'POST /api/invitations/accept': {
    kind: 'account',
    expect: who([], 'own'),
    body: () => json({ token: 'x'.repeat(43), displayName: 'x', password: 'x'.repeat(20) }),
  },
  'POST /api/password-reset': { kind: 'account', expect: who([], 'own'), body: () => json({ token: 'x'.repeat(43), password: 'x'.repeat(20) }) },

  // Own account
  'PUT /api/account/password': { kind: 'account', expect: SKIP, why: "changes the caller's own password and ends its other sessions" },
  'PATCH /api/account/profile': { kind: 'account', expect: SKIP, why: "changes the caller's own profile" },
  'GET /api/account/sessions': {
    kind: 'account',
    expect: who(
      ALL.filter((r) => r !== 'anonymous'),
      'deny',
    ),
  },
  'DELETE /api/account/sessions/{sessionId}': { kind: 'account', expect: who(['memberA']) },
  'POST /api/account/totp': { kind: 'account', expect: SKIP, why: "starts the caller's own TOTP enrolment" },
  'GET /api/account/totp': { kind: 'account', expect: USERS },
  'POST /api/account/totp/confirm': { kind: 'account', expect: SKIP, why: "the caller's own enrolment" },
  'POST /api/account/totp/disable': { kind: 'account', expect: SKIP, why: "the caller's own second factor" },

  // Notifications: each inbox is its owner's
  'GET /api/notifications': { kind: 'notification', expect: USERS },
  'GET /api/notifications/unread': { kind: 'notification', expect: USERS },
  'POST /api/notifications/read': {
    kind: 'notification',
    expect: who(['memberA'], 'own', { anonymous: 'deny' }),
    body: (w) => json({ ids: w.ids.notificationIdsA }),
  },
  'GET /api/notifications/preferences': { kind: 'notification', expect: USERS },
  'PUT /api/notifications/preferences': { kind: 'notification', expect: SKIP, why: "the caller's own mail preferences" },

  // Users and administration
  'GET /api/users': { kind: 'user', expect: who(['admin', 'managerA', 'managerB']), query: (ids) => `organisationId=${ids.orgA}` },
  'POST /api/users/invitations': {
    kind: 'user',
    expect: MANAGERS_OF_A,
    body: (w) => json({ email: 'intruder@example.test', role: 'member', organisationId: w.ids.orgA }),
  },
  'PATCH /api/users/{userId}': { kind: 'user', expect: MANAGERS_OF_A, body: () => json({ active: false }) },
  'POST /api/users/{userId}/reset-link': { kind: 'user', expect: MANAGERS_OF_A },
  'GET /api/admin/users': { kind: 'user', expect: ADMIN },
  'POST /api/admin/users': {
    kind: 'user',
    expect: ADMIN,
    body: (w) =>
      json({ email: 'intruder2@example.test', displayName: 'x', password: 'another long passphrase 43', role: 'member', organisationId: w.ids.orgA }),
  },
  'GET /api/admin/settings': { kind: 'platform', expect: ADMIN },
  'PUT /api/admin/settings': { kind: 'platform', expect: ADMIN, body: () => json({ anonymousRead: true }) },
  'GET /api/admin/audit': { kind: 'platform', expect: ADMIN },
  'POST /api/admin/audit/verify': { kind: 'platform', expect: ADMIN, reads: true },
  'POST /api/admin/standards/{standardId}/attached-text': {
    kind: 'guidebook',
    expect: ADMIN,
    body: (w) => json({ editionId: w.ids.editionId, text: '{}', fileName: 'catalog.json' }),
  },

  // The published guidebook (anonymous reading is off in this world)
  'GET /api/editions': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/compare/{other}': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/matrix': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/requirements': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/requirements/{requirementId}': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/taxonomy': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/standards': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/standards/{standardId}': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/glossary': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/glossary/{termId}': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/coverage': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/coverage/{standardId}': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/unbacked': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/cross': {
    kind: 'guidebook',
    expect: USERS,
    query: (ids) => `from=${ids.standardId}&requirement=${encodeURIComponent(ids.standardRequirementId)}&to=${ids.otherStandardId}`,
  },
  'GET /api/editions/{id}/search': { kind: 'guidebook', expect: USERS, query: () => 'q=7f3c' },
  'GET /api/editions/{id}/keywords': { kind: 'guidebook', expect: EDITOR },
  'GET /api/editions/{id}/standards/{standardId}/attached-text': { kind: 'guidebook', expect: USERS },
  'GET /api/editions/{id}/requirements/{requirementId}/attached-text': { kind: 'guidebook', expect: USERS },
  'GET /api/landscape': { kind: 'guidebook', expect: USERS },
  'POST /api/checksheets/preview': { kind: 'workbook', expect: USERS, reads: true, body: (w) => json({ editionId: w.ids.editionId, spec }) },
  'POST /api/checksheets/export': {
    kind: 'workbook',
    expect: USERS,
    reads: true,
    query: () => 'format=json',
    body: (w) => json({ editionId: w.ids.editionId, spec }),
  },

  // Drafts of the next edition: editors
  'GET /api/drafts': { kind: 'draft', expect: EDITOR },
  'POST /api/drafts': { kind: 'draft', expect: EDITOR, body: () => json({ id: '2099.9', title: { ja: '侵入', en: 'Intrusion' } }) },
  'GET /api/drafts/{draftId}': { kind: 'draft', expect: EDITOR },
  'DELETE /api/drafts/{draftId}': { kind: 'draft', expect: EDITOR },
  'PUT /api/drafts/{draftId}/meta': { kind: 'draft', expect: EDITOR, body: () => json({ title: { ja: '侵入', en: 'Intrusion' }, version: 1 }) },
  'GET /api/drafts/{draftId}/options': { kind: 'draft', expect: EDITOR },
  'GET /api/drafts/{draftId}/diff': { kind: 'draft', expect: EDITOR },
  'POST /api/drafts/{draftId}/check': { kind: 'draft', expect: EDITOR, reads: true, body: () => json({ kind: 'term', item: {} }) },
  'POST /api/drafts/{draftId}/publish': { kind: 'draft', expect: EDITOR, body: () => json({ changelog: { ja: '侵入', en: 'Intrusion' } }) },
  'GET /api/drafts/{draftId}/reviews': { kind: 'draft', expect: EDITOR },
  'PUT /api/drafts/{draftId}/reviews': { kind: 'draft', expect: EDITOR, body: () => json({}) },
  'GET /api/drafts/{draftId}/requirements/{itemId}': { kind: 'draft', expect: EDITOR },
  'PUT /api/drafts/{draftId}/requirements/{itemId}': { kind: 'draft', expect: EDITOR, body: () => json({ item: {}, version: 1 }) },
  'DELETE /api/drafts/{draftId}/requirements/{itemId}': { kind: 'draft', expect: EDITOR, query: () => 'version=1' },
  'POST /api/drafts/{draftId}/requirements': { kind: 'draft', expect: EDITOR, body: () => json({ item: {} }) },
  'GET /api/drafts/{draftId}/terms/{itemId}': { kind: 'draft', expect: EDITOR },
  'PUT /api/drafts/{draftId}/terms/{itemId}': { kind: 'draft', expect: EDITOR, body: () => json({ item: {}, version: 1 }) },
  'DELETE /api/drafts/{draftId}/terms/{itemId}': { kind: 'draft', expect: EDITOR, query: () => 'version=1' },
  'POST /api/drafts/{draftId}/terms': { kind: 'draft', expect: EDITOR, body: () => json({ item: {} }) },

  // Organisations and products
  'GET /api/organisations': { kind: 'organisation', expect: LISTS },
  'POST /api/organisations': { kind: 'organisation', expect: ADMIN, body: () => json({ name: 'Org Intruder' }) },
  'PATCH /api/organisations/{orgId}': { kind: 'organisation', expect: ADMIN, body: () => json({ name: 'Taken over' }) },
  'GET /api/organisations/{orgId}/products': { kind: 'product', expect: ORG_READ, shows: true },
  'POST /api/organisations/{orgId}/products': { kind: 'product', expect: ORG_WRITE, body: () => json({ name: 'Intrusion', model: 'X' }) },
  'GET /api/products/{productId}': { kind: 'product', expect: ORG_READ, shows: true },
  'PATCH /api/products/{productId}': { kind: 'product', expect: ORG_WRITE, body: () => json({ name: 'Renamed by an outsider', model: 'X' }) },
  'GET /api/products/{productId}/versions': { kind: 'product-version', expect: ORG_READ },
  'POST /api/products/{productId}/versions': { kind: 'product-version', expect: ORG_WRITE, body: () => json({ version: '9.9.9' }) },

  // SBOMs, vulnerabilities, VEX
  'GET /api/products/{productId}/sbom-settings': { kind: 'sbom', expect: ORG_READ },
  'PUT /api/products/{productId}/sbom-settings': { kind: 'sbom', expect: ORG_WRITE, body: () => json({ severityThreshold: 'none' }) },
  'GET /api/products/{productId}/versions/{version}/sboms': { kind: 'sbom', expect: ORG_READ, shows: true },
  'POST /api/products/{productId}/versions/{version}/sboms': {
    kind: 'sbom',
    expect: ORG_WRITE,
    body: (w) => ({ raw: w.uploads.sbom, headers: { 'content-type': 'application/json', 'x-filename': 'intrusion.cdx.json' } }),
  },
  'GET /api/products/{productId}/versions/{version}/vulnerabilities': { kind: 'vulnerability-triage', expect: ORG_READ, shows: true },
  'GET /api/products/{productId}/versions/{version}/sbom-suggestions': { kind: 'sbom', expect: ORG_READ },
  'PUT /api/products/{productId}/versions/{version}/vulnerabilities/{vulnerabilityId}/triage': {
    kind: 'vulnerability-triage',
    expect: ORG_WRITE,
    body: () => json({ status: 'affected', actionStatement: 'overwritten by an outsider' }),
  },
  'POST /api/products/{productId}/versions/{version}/vulnerabilities/{vulnerabilityId}/cra-case': {
    kind: 'cra-case',
    expect: ORG_WRITE,
    body: () => json({ memberStates: ['DE'] }),
  },
  'GET /api/products/{productId}/versions/{version}/csaf': { kind: 'vulnerability-triage', expect: ORG_READ, shows: true },
  'GET /api/products/{productId}/versions/{version}/vex': { kind: 'vulnerability-triage', expect: ORG_READ, shows: true },

  // Proposals: A's members and the editors who review them
  'POST /api/proposals': { kind: 'proposal', expect: who(['memberA', 'managerA', 'memberB', 'managerB', 'assessor', 'editor', 'admin']) },
  'GET /api/proposals': { kind: 'proposal', expect: LISTS, query: () => 'status=submitted', shows: ['memberA', 'managerA', 'editor', 'admin'] },
  'GET /api/proposals/{id}': { kind: 'proposal', expect: who(['memberA', 'managerA', 'editor', 'admin']), shows: true },
  'POST /api/proposals/{id}/accept': { kind: 'proposal', expect: EDITOR, body: (w) => json({ requirementId: w.ids.requirementId }) },
  'POST /api/proposals/{id}/reject': { kind: 'proposal', expect: EDITOR, body: () => json({ reason: 'rejected by an outsider' }) },

  // Assessments, answers, attachments, reports, workbooks
  'GET /api/assessments': { kind: 'assessment', expect: LISTS, shows: true, query: (ids) => `productId=${ids.productA}` },
  'POST /api/assessments': {
    kind: 'assessment',
    expect: ASSESSOR_WRITE,
    body: (w) => json({ productId: w.ids.productA, title: 'Intrusion', productVersion: '1', editionId: w.ids.editionId, spec }),
  },
  'GET /api/assessments/compare': {
    kind: 'report',
    expect: ORG_READ,
    shows: true,
    query: (ids) => `before=${ids.assessmentA}&after=${ids.assessmentA2}`,
  },
  'GET /api/assessments/{id}': { kind: 'assessment', expect: ORG_READ, shows: true },
  // Conformity packs: read like reports. A's assessment is not final, so its own readers get 409 here (200 in test/server/packs.test.ts).
  'GET /api/assessments/{id}/pack': {
    kind: 'report',
    expect: who([], 'deny', { memberA: 'own', managerA: 'own', assessor: 'own', admin: 'own' }),
    query: () => 'scheme=jc-star-1&lang=ja',
  },
  'GET /api/assessments/{id}/pack-check': {
    kind: 'report',
    expect: who([], 'deny', { memberA: 'own', managerA: 'own', assessor: 'own', admin: 'own' }),
    query: () => 'scheme=jc-star-1',
  },
  // Self-assessment: A's members do it, A's manager allows it, the consortium's assessors review it.
  'GET /api/organisations/{orgId}/self-assessment': { kind: 'organisation', expect: ORG_READ },
  'PUT /api/organisations/{orgId}/self-assessment': { kind: 'organisation', expect: MANAGERS_OF_A, body: () => json({ allowed: false }) },
  'POST /api/products/{productId}/self-assessments': {
    kind: 'assessment',
    expect: who(['memberA', 'managerA']),
    body: (w) => json({ title: 'Intrusion', productVersion: w.ids.versionA, editionId: w.ids.editionId, spec }),
  },
  'GET /api/assessments/{id}/self-assessment': { kind: 'assessment', expect: ORG_READ, shows: true },
  'POST /api/assessments/{id}/self-assessment/submit': { kind: 'assessment', expect: who(['memberA', 'managerA']), body: () => json({}) },
  'PUT /api/assessments/{id}/self-assessment/reviews/{requirementId}': {
    kind: 'answer',
    expect: ASSESSOR_WRITE,
    body: () => json({ decision: 'agree', comment: '', correctedVerdict: null }),
  },
  'POST /api/assessments/{id}/self-assessment/send-back': { kind: 'assessment', expect: ASSESSOR_WRITE, body: () => json({}) },
  'POST /api/assessments/{id}/self-assessment/accept': { kind: 'assessment', expect: ASSESSOR_WRITE, body: () => json({}) },
  'POST /api/assessments/{id}/self-assessment/reviews/{reviewId}/replies': {
    kind: 'answer',
    expect: who(['memberA', 'managerA', 'assessor', 'admin']),
    body: () => json({ body: 'Reply by an outsider' }),
  },
  'PATCH /api/assessments/{id}': { kind: 'assessment', expect: ASSESSOR_WRITE, body: () => json({ version: 1, title: 'Renamed by an outsider' }) },
  'POST /api/assessments/{id}/status': { kind: 'assessment', expect: ASSESSOR_WRITE, body: () => json({ to: 'in-progress', version: 1 }) },
  'POST /api/assessments/{id}/move': { kind: 'assessment', expect: ASSESSOR_WRITE, body: (w) => json({ editionId: w.ids.editionId }) },
  'PUT /api/assessments/{id}/answers/{requirementId}': {
    kind: 'answer',
    expect: ASSESSOR_WRITE,
    body: () => json({ verdict: 'fail', evidence: 'overwritten', comment: '', version: 1 }),
  },
  'POST /api/assessments/{id}/answers': {
    kind: 'answer',
    expect: ASSESSOR_WRITE,
    body: (w) => json({ items: [{ requirementId: w.ids.requirementId, version: 1 }], verdict: 'fail', comment: 'overwritten' }),
  },
  'GET /api/assessments/{id}/answers/{requirementId}/history': { kind: 'answer', expect: ORG_READ, shows: true },
  'PUT /api/assessments/{id}/answers/{requirementId}/defect': { kind: 'answer', expect: ASSESSOR_WRITE, body: () => json({ kind: 'wrong', note: 'outsider' }) },
  'DELETE /api/assessments/{id}/answers/{requirementId}/defect': { kind: 'answer', expect: ASSESSOR_WRITE },
  'POST /api/assessments/{id}/answers/{requirementId}/attachments': {
    kind: 'attachment',
    expect: ASSESSOR_WRITE,
    body: () => ({ raw: Buffer.from('planted'), headers: { 'content-type': 'text/plain', 'x-filename': 'planted.txt' } }),
  },
  'GET /api/assessments/{id}/attachments/{attachmentId}': { kind: 'attachment', expect: ORG_READ, shows: true },
  'DELETE /api/assessments/{id}/attachments/{attachmentId}': { kind: 'attachment', expect: ASSESSOR_WRITE },
  'GET /api/assessments/{id}/results': { kind: 'report', expect: ORG_READ },
  'GET /api/assessments/{id}/report': { kind: 'report', expect: ORG_READ, shows: true },
  'GET /api/assessments/{id}/workbook': { kind: 'workbook', expect: ORG_READ },
  'POST /api/assessments/{id}/workbook': {
    kind: 'workbook',
    expect: ASSESSOR_WRITE,
    body: (w) => ({ raw: w.uploads.workbook, headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } }),
  },

  // Probe runs and the suggestions they make
  'POST /api/assessments/{id}/probe-runs': { kind: 'probe-run', expect: ASSESSOR_WRITE, body: () => json({ scope: scopeText('intrusion') }) },
  'GET /api/assessments/{id}/probe-runs': { kind: 'probe-run', expect: ORG_READ, shows: true },
  'GET /api/assessments/{id}/probe-runs/{runId}': { kind: 'probe-run', expect: ORG_READ, shows: true },
  'POST /api/assessments/{id}/probe-runs/{runId}/cancel': { kind: 'probe-run', expect: ASSESSOR_WRITE },
  'GET /api/assessments/{id}/suggestions': { kind: 'probe-run', expect: ORG_READ },
  'POST /api/assessments/{id}/suggestions/accept': {
    kind: 'probe-run',
    expect: ASSESSOR_WRITE,
    body: (w) => json({ requirementIds: [w.ids.requirementId], overwrite: true }),
  },

  // Firmware analyses
  'GET /api/assessments/{id}/firmware': { kind: 'firmware', expect: ORG_READ, shows: true },
  'POST /api/assessments/{id}/firmware': {
    kind: 'firmware',
    expect: ASSESSOR_WRITE,
    body: (w) => ({ raw: w.uploads.firmware, headers: { 'content-type': 'application/octet-stream', 'x-filename': 'intrusion.tar.gz' } }),
  },
  'GET /api/assessments/{id}/firmware/{analysisId}': { kind: 'firmware', expect: ORG_READ, shows: true },
  'POST /api/assessments/{id}/firmware/{analysisId}/cancel': { kind: 'firmware', expect: ASSESSOR_WRITE },
  'GET /api/assessments/{id}/firmware/{analysisId}/sbom': { kind: 'firmware', expect: ORG_READ },
  'GET /api/assessments/{id}/firmware/{analysisId}/suggestions': { kind: 'firmware', expect: ORG_READ },
  'POST /api/assessments/{id}/firmware/{analysisId}/suggestions/{requirementId}/accept': { kind: 'firmware', expect: ASSESSOR_WRITE },

  // EU CRA reporting
  'GET /api/cra/cases': { kind: 'cra-case', expect: LISTS, shows: true },
  'POST /api/cra/cases': {
    kind: 'cra-case',
    expect: ORG_WRITE,
    body: (w) => json({ productId: w.ids.productA, kind: 'incident', title: 'Planted', versionIds: [w.ids.versionIdA], memberStates: ['DE'] }),
  },
  'GET /api/cra/cases/{caseId}': { kind: 'cra-case', expect: ORG_READ, shows: true },
  'POST /api/cra/cases/{caseId}/confirm': { kind: 'cra-case', expect: ORG_WRITE, body: () => json({ memberStates: ['FR'] }) },
  'POST /api/cra/cases/{caseId}/awareness': {
    kind: 'cra-case',
    expect: ORG_WRITE,
    body: () => json({ awareAt: '2026-01-01T00:00:00Z', reason: 'outsider' }),
  },
  'POST /api/cra/cases/{caseId}/corrective': { kind: 'cra-case', expect: ORG_WRITE, body: () => json({ text: 'outsider' }) },
  'POST /api/cra/cases/{caseId}/close': { kind: 'cra-case', expect: ORG_WRITE, body: () => json({ reason: 'closed by an outsider' }) },
  'PUT /api/cra/cases/{caseId}/reports/{stage}': { kind: 'cra-case', expect: ORG_WRITE, body: () => json({ nature: 'overwritten' }) },
  'POST /api/cra/cases/{caseId}/reports/{stage}/sent': { kind: 'cra-case', expect: ORG_WRITE, body: () => json({ sentAt: null }) },
  'GET /api/cra/cases/{caseId}/reports/{stage}/export': { kind: 'cra-case', expect: ORG_READ, shows: true },
  'GET /api/cra/cases/{caseId}/csaf': { kind: 'cra-case', expect: ORG_READ, shows: true },
  'GET /api/products/{productId}/cra/contacts': { kind: 'cra-case', expect: ORG_READ, shows: true },
  'PUT /api/products/{productId}/cra/contacts': { kind: 'cra-case', expect: ORG_WRITE, body: (w) => json({ ownerId: w.ids.userIds.managerA, deputyIds: [] }) },
  'GET /api/products/{productId}/cra/evidence': { kind: 'cra-case', expect: ORG_READ },
  'GET /api/organisations/{orgId}/cra/criteria': { kind: 'cra-case', expect: ORG_READ, shows: true },
  'POST /api/organisations/{orgId}/cra/criteria': {
    kind: 'cra-case',
    expect: ORG_WRITE,
    body: () => json({ kind: 'exploited', items: [{ ja: '侵入', en: 'intrusion' }] }),
  },
};

export const ROUTE_MATRIX: Readonly<Record<string, RouteEntry>> = ENTRIES;

/** Kinds whose objects belong to a member organisation. */
const EDITOR_MAY_SEE: readonly ObjectKind[] = ['proposal', 'notification'];

/** May this role's answer on a route of this kind carry organisation A's marker? */
export function mayCarryMarker(role: MatrixRole, kind: ObjectKind): boolean {
  if (role === 'anonymous' || role === 'memberB' || role === 'managerB') return false;
  if (role === 'editor') return EDITOR_MAY_SEE.includes(kind);
  return true;
}

/** The path with A's ids in place of its parameters. */
export function fillPath(path: string, ids: WorldIds): string {
  return path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = paramValue(path, name, ids);
    if (value === undefined) throw new Error(`${path}: no value for {${name}} in the isolation world`);
    return encodeURIComponent(value);
  });
}

function paramValue(path: string, name: string, ids: WorldIds): string | undefined {
  if (name === 'id') {
    if (path.startsWith('/api/assessments/{id}/self-assessment')) return ids.selfAssessmentA;
    if (path.startsWith('/api/assessments/')) return ids.assessmentA;
    if (path.startsWith('/api/proposals/')) return ids.proposalId;
    if (path.startsWith('/api/editions/')) return ids.editionId;
    return undefined;
  }
  if (name === 'itemId') return path.includes('/terms/') ? ids.termId : ids.requirementId;
  const byName: Record<string, string> = {
    reviewId: ids.reviewIdA,
    other: ids.editionId,
    orgId: ids.orgA,
    productId: ids.productA,
    version: ids.versionA,
    vulnerabilityId: ids.vulnerabilityId,
    requirementId: ids.requirementId,
    attachmentId: ids.attachmentId,
    runId: ids.runId,
    analysisId: ids.analysisId,
    caseId: ids.caseId,
    stage: 'early-warning',
    userId: ids.userIds.memberA,
    sessionId: ids.sessionIdA,
    draftId: ids.draftId,
    standardId: ids.standardId,
    termId: ids.termId,
  };
  return byName[name];
}
