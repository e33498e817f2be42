import { type Actor, canReadOrganisationData } from '../core/authorization.js';
import { type ClockInput, type CraCaseKind, type CraStage, caseClocks, mostUrgent, stepDurations } from '../core/cra/cra-clocks.js';
import { AppError } from '../core/errors.js';
import { type CraCaseRow, type CraReportRow, caseNotifiedAt, escalationsOf, findCase, reportsOf } from '../store/cra.repository.js';
import type { Db } from '../store/database.js';
import { findProduct } from '../store/organisations.repository.js';
import { listProductVersions } from '../store/product-versions.repository.js';
import type { ServiceContext } from './context.js';
import type { CraCaseSummary, CraCaseView } from '../core/cra/cra-case.types.js';
import { contactsOf, criteriaById } from './cra-settings.service.js';

export type { CraCaseSummary, CraCaseView, CraReportView } from '../core/cra/cra-case.types.js';

export const parseList = (json: string): string[] => JSON.parse(json) as string[];

export function clockInput(row: CraCaseRow, reports: readonly CraReportRow[]): ClockInput {
  const sent: Partial<Record<CraStage, string | null>> = {};
  for (const r of reports) if (r.case_id === row.id) sent[r.stage as CraStage] = r.sent_at;
  return { kind: row.kind as CraCaseKind, awareAt: row.aware_at, correctiveAt: row.corrective_at, sent };
}

export function summaryOf(row: CraCaseRow, productName: string, reports: readonly CraReportRow[], now: Date): CraCaseSummary {
  const clocks = row.status === 'open' ? caseClocks(clockInput(row, reports), now) : [];
  return {
    id: row.id,
    organisationId: row.organisation_id,
    productId: row.product_id,
    productName,
    kind: row.kind as CraCaseKind,
    drill: row.drill === 1,
    status: row.status as CraCaseSummary['status'],
    origin: row.origin as CraCaseSummary['origin'],
    title: row.title,
    vulnerabilityId: row.vulnerability_id,
    awareAt: row.aware_at,
    clocks,
    urgent: mostUrgent(clocks),
  };
}

/** A case the actor may read; another organisation's case answers "not found". */
export async function readableCase(ctx: ServiceContext, actor: Actor, caseId: string, db: Db = ctx.store.db): Promise<CraCaseRow> {
  const row = await findCase(db, caseId);
  if (!row || !canReadOrganisationData(actor, row.organisation_id)) throw new AppError('not-found');
  return row;
}

export async function caseView(ctx: ServiceContext, row: CraCaseRow): Promise<CraCaseView> {
  const db = ctx.store.db;
  const product = await findProduct(db, row.product_id);
  const reports = await reportsOf(db, [row.id]);
  const ids = new Set(parseList(row.version_ids));
  const versions = (await listProductVersions(db, row.product_id)).filter((v) => ids.has(v.id)).map((v) => ({ id: v.id, version: v.version }));
  const summary = summaryOf(row, product?.name ?? '', reports, ctx.now());
  return {
    ...summary,
    aliases: parseList(row.aliases),
    versions,
    memberStates: parseList(row.member_states),
    criteria: await criteriaById(db, row.criteria_id),
    decision: JSON.parse(row.decision) as CraCaseView['decision'],
    correctiveAt: row.corrective_at,
    correctiveText: row.corrective_text,
    closedAt: row.closed_at,
    closedReason: row.closed_reason,
    contacts: await notifiedContacts(db, row),
    reports: reports.map((r) => ({
      stage: r.stage as CraStage,
      fields: JSON.parse(r.fields) as Record<string, unknown>,
      updatedAt: r.updated_at,
      sentAt: r.sent_at,
      sentBy: r.sent_by,
    })),
    escalations: (await escalationsOf(db, row.id)).map((e) => ({ stage: e.stage, threshold: e.threshold, dueAt: e.due_at, at: e.created_at })),
    steps: stepDurations({ ...clockInput(row, reports), closedAt: row.closed_at }),
  };
}

async function notifiedContacts(db: Db, row: CraCaseRow): Promise<CraCaseView['contacts']> {
  const notified = await caseNotifiedAt(db, row.id);
  return (await contactsOf(db, row.product_id)).map((c) => ({ ...c, notifiedAt: notified.get(c.userId) ?? null }));
}
