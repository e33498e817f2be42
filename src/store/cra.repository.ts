import type { Db } from './database.js';
import type { CraCasesTable, CraContactsTable, CraCriteriaTable, CraReportsTable } from './schema.js';

export type CraContactRow = CraContactsTable;
export type CraCriteriaRow = CraCriteriaTable;
export type CraCaseRow = CraCasesTable;
export type CraReportRow = CraReportsTable;

export async function listContacts(db: Db, productIds: readonly string[]): Promise<(CraContactRow & { display_name: string; email: string })[]> {
  if (productIds.length === 0) return [];
  return db
    .selectFrom('cra_contacts')
    .innerJoin('users', 'users.id', 'cra_contacts.user_id')
    .select(['cra_contacts.product_id', 'cra_contacts.user_id', 'cra_contacts.role', 'cra_contacts.created_at', 'users.display_name', 'users.email'])
    .where('cra_contacts.product_id', 'in', productIds)
    .orderBy('cra_contacts.role', 'desc')
    .orderBy('users.display_name')
    .execute();
}

export async function replaceContacts(db: Db, productId: string, rows: readonly CraContactRow[]): Promise<void> {
  await db.deleteFrom('cra_contacts').where('product_id', '=', productId).execute();
  if (rows.length > 0)
    await db
      .insertInto('cra_contacts')
      .values([...rows])
      .execute();
}

export async function latestCriteria(db: Db, organisationId: string, kind: string): Promise<CraCriteriaRow | undefined> {
  return db
    .selectFrom('cra_criteria')
    .selectAll()
    .where('organisation_id', '=', organisationId)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function findCriteria(db: Db, id: string): Promise<CraCriteriaRow | undefined> {
  return db.selectFrom('cra_criteria').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCriteria(db: Db, row: CraCriteriaRow): Promise<void> {
  await db.insertInto('cra_criteria').values(row).execute();
}

export async function insertCase(db: Db, row: CraCaseRow): Promise<void> {
  await db.insertInto('cra_cases').values(row).execute();
}

export async function findCase(db: Db, id: string): Promise<CraCaseRow | undefined> {
  return db.selectFrom('cra_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCase(db: Db, id: string, change: Partial<Omit<CraCaseRow, 'id'>>): Promise<void> {
  await db.updateTable('cra_cases').set(change).where('id', '=', id).execute();
}

/** Cases by organisation (all when null) and status, drills apart from real cases. */
export async function listCases(
  db: Db,
  filter: { organisationId: string | null; statuses: readonly string[]; drill?: boolean; productId?: string },
): Promise<CraCaseRow[]> {
  let q = db
    .selectFrom('cra_cases')
    .selectAll()
    .where('status', 'in', [...filter.statuses]);
  if (filter.organisationId) q = q.where('organisation_id', '=', filter.organisationId);
  if (filter.drill !== undefined) q = q.where('drill', '=', filter.drill ? 1 : 0);
  if (filter.productId) q = q.where('product_id', '=', filter.productId);
  return q.orderBy('aware_at').execute();
}

export async function reportsOf(db: Db, caseIds: readonly string[]): Promise<CraReportRow[]> {
  if (caseIds.length === 0) return [];
  return db
    .selectFrom('cra_reports')
    .selectAll()
    .where('case_id', 'in', [...caseIds])
    .execute();
}

export async function upsertReport(db: Db, row: CraReportRow): Promise<void> {
  await db
    .insertInto('cra_reports')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['case_id', 'stage'])
        .doUpdateSet({ fields: row.fields, updated_by: row.updated_by, updated_at: row.updated_at, sent_at: row.sent_at, sent_by: row.sent_by }),
    )
    .execute();
}

/** Records an escalation notice; false when it was recorded before (by this or another process). */
export async function recordEscalation(
  db: Db,
  row: { case_id: string; stage: string; threshold: string; due_at: string; created_at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('cra_escalations')
    .values(row)
    .onConflict((oc) => oc.columns(['case_id', 'stage', 'threshold', 'due_at']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function escalationsOf(db: Db, caseId: string): Promise<{ stage: string; threshold: string; due_at: string; created_at: string }[]> {
  return db.selectFrom('cra_escalations').select(['stage', 'threshold', 'due_at', 'created_at']).where('case_id', '=', caseId).orderBy('created_at').execute();
}

/** Organisation managers (active members with org_manager) of an organisation. */
export async function organisationManagers(db: Db, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('org_manager', '=', 1)
    .where('disabled', '=', 0)
    .execute();
  return rows.map((r) => r.id);
}

export async function activeMember(db: Db, userId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('organisation_id', '=', organisationId)
    .where('role', '=', 'member')
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}

export async function versionsByIds(db: Db, ids: readonly string[]): Promise<{ id: string; product_id: string }[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('product_versions')
    .select(['id', 'product_id'])
    .where('id', 'in', [...ids])
    .execute();
}

/** Product names by id, of one organisation or of all. */
export async function productNames(db: Db, organisationId: string | null): Promise<Map<string, string>> {
  let q = db.selectFrom('products').select(['id', 'name']);
  if (organisationId) q = q.where('organisation_id', '=', organisationId);
  return new Map((await q.execute()).map((p) => [p.id, p.name]));
}

/** When each person was first told about a case (its `cra-case` notice), for "owner notified". */
export async function caseNotifiedAt(db: Db, caseId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('notifications')
    .select(['user_id', 'created_at'])
    .where('kind', '=', 'cra-case')
    .where('link', '=', `/cra/cases/${encodeURIComponent(caseId)}`)
    .orderBy('created_at')
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.user_id)) out.set(r.user_id, r.created_at);
  return out;
}
