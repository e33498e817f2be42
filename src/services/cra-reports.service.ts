import { z } from 'zod';
import { type Actor, canReadOrganisationData, canWriteProducts } from '../core/authorization.js';
import { CRA_STAGES, type CraCaseKind, type CraStage, dueAt } from '../core/cra/cra-clocks.js';
import { buildCsaf, CSAF_PROFILES, type CsafProfile, type CsafVulnerability } from '../core/cra/csaf.js';
import { AppError, validationErrors, type FieldError } from '../core/errors.js';
import { type CraReportDocument, REPORT_NOTICE, REPORT_TEXT_FIELDS, renderCraReportHtml, reportLabels, requiredFields } from '../reports/cra-report.js';
import { csafMandatoryProblems } from '../reports/csaf-validate.js';
import { renderPdf } from '../reports/pdf-browser.js';
import { type CraCaseRow, type CraReportRow, reportsOf, upsertReport } from '../store/cra.repository.js';
import { findOrganisation, findProduct } from '../store/organisations.repository.js';
import { listProductVersions } from '../store/product-versions.repository.js';
import { mutate, type ServiceContext } from './context.js';
import { type CraCaseView, caseView, clockInput, parseList, readableCase } from './cra-case-view.js';

const text = z.string().trim().max(8000);
export const ReportFieldsInput = z
  .object({
    ...Object.fromEntries(REPORT_TEXT_FIELDS.map((f) => [f, text.default('')])),
    suspectedMalicious: z.boolean().nullable().default(null),
    sensitive: z.boolean().default(false),
  })
  .strict();
export const StageParam = z.enum(CRA_STAGES);
export const SentInput = z
  .object({ sentAt: z.string().datetime({ offset: true, message: 'must be a date and time (ISO 8601)' }).nullable().default(null) })
  .strict();
export const ExportQuery = z.object({ format: z.enum(['json', 'pdf']).default('json'), lang: z.enum(['ja', 'en']).default('ja') }).strict();
export const CsafQuery = z.object({ profile: z.enum(CSAF_PROFILES).default('csaf_security_advisory'), lang: z.enum(['ja', 'en']).default('en') }).strict();

const blank = (): Record<string, unknown> => ReportFieldsInput.parse({});

/** An open case the actor may change, its reports, and the report of one stage, which must not be marked sent yet (`whenSent` says why not). */
async function unsentStage(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  stage: CraStage,
  whenSent: string,
): Promise<{ row: CraCaseRow; reports: CraReportRow[]; report: CraReportRow | undefined }> {
  const row = await readableCase(ctx, actor, caseId);
  if (!canWriteProducts(actor, row.organisation_id)) throw new AppError('forbidden');
  if (row.status !== 'open') throw new AppError('conflict', `the case is ${row.status}`);
  const reports = await reportsOf(ctx.store.db, [caseId]);
  const report = reports.find((r) => r.stage === stage);
  if (report?.sent_at) throw new AppError('conflict', whenSent);
  return { row, reports, report };
}

/** Saves the draft of one stage; a report already marked sent is frozen. */
export async function saveReportDraft(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  stage: CraStage,
  fields: z.output<typeof ReportFieldsInput>,
): Promise<CraCaseView> {
  const { row } = await unsentStage(ctx, actor, caseId, stage, 'this report is marked sent and can no longer change');
  const at = ctx.now().toISOString();
  await mutate(ctx, actor, { action: 'cra.report-drafted', targetType: 'cra-case', targetId: caseId, detail: { stage } }, (trx) =>
    upsertReport(trx, {
      case_id: caseId,
      stage,
      fields: JSON.stringify(fields),
      updated_by: actor.kind === 'user' ? actor.userId : null,
      updated_at: at,
      sent_at: null,
      sent_by: null,
    }),
  );
  return caseView(ctx, row);
}

function sendProblems(row: CraCaseRow, reports: readonly CraReportRow[], stage: CraStage): FieldError[] {
  const errors: FieldError[] = [];
  const index = CRA_STAGES.indexOf(stage);
  const previous = CRA_STAGES[index - 1];
  if (previous && !reports.find((r) => r.stage === previous)?.sent_at)
    errors.push({ path: 'stage', message: `mark the ${previous} sent first`, code: 'earlier-report-unsent' });
  if (stage === 'final' && row.kind === 'vulnerability' && !row.corrective_at)
    errors.push({ path: 'stage', message: 'record the corrective or mitigating measure first', code: 'corrective-missing' });
  const fields = JSON.parse(reports.find((r) => r.stage === stage)?.fields ?? '{}') as Record<string, unknown>;
  for (const f of requiredFields(row.kind as CraCaseKind, stage)) {
    const v = fields[f];
    if (v === undefined || v === null || v === '')
      errors.push({ path: `fields.${f}`, message: 'is required before the report is marked sent', code: 'required-to-send' });
  }
  return errors;
}

/** A person records that they submitted this stage, and when; tebiki itself sends nothing. */
export async function markReportSent(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  stage: CraStage,
  input: z.output<typeof SentInput>,
): Promise<CraCaseView> {
  const { row, reports, report } = await unsentStage(ctx, actor, caseId, stage, 'this report is already marked sent');
  const errors = sendProblems(row, reports, stage);
  if (errors.length > 0) throw validationErrors(errors, `the ${stage} cannot be marked sent yet`);
  const now = ctx.now();
  const sentAt = input.sentAt ? new Date(input.sentAt) : now;
  if (sentAt.getTime() > now.getTime() + 60_000)
    throw validationErrors([{ path: 'sentAt', message: 'must not be in the future', code: 'in-future' }], 'a time in the future');
  if (sentAt.getTime() < Date.parse(row.aware_at))
    throw validationErrors([{ path: 'sentAt', message: 'must not be before awareness', code: 'before-awareness' }], 'before awareness');
  const userId = actor.kind === 'user' ? actor.userId : null;
  await mutate(ctx, actor, { action: 'cra.report-sent', targetType: 'cra-case', targetId: caseId, detail: { stage, sentAt: sentAt.toISOString() } }, (trx) =>
    upsertReport(trx, {
      case_id: caseId,
      stage,
      fields: report?.fields ?? JSON.stringify(blank()),
      updated_by: userId,
      updated_at: now.toISOString(),
      sent_at: sentAt.toISOString(),
      sent_by: userId,
    }),
  );
  return caseView(ctx, row);
}

/** The report of one stage with every field the regulation asks for, labelled in one language. */
export async function craReportDocument(ctx: ServiceContext, actor: Actor, caseId: string, stage: CraStage, lang: 'ja' | 'en'): Promise<CraReportDocument> {
  const row = await readableCase(ctx, actor, caseId);
  const reports = await reportsOf(ctx.store.db, [caseId]);
  const product = await findProduct(ctx.store.db, row.product_id);
  const org = await findOrganisation(ctx.store.db, row.organisation_id);
  const ids = new Set(parseList(row.version_ids));
  const report = reports.find((r) => r.stage === stage);
  const fields = { ...blank(), ...(JSON.parse(report?.fields ?? '{}') as Record<string, unknown>) };
  return {
    format: 'tebiki-cra-report',
    lang,
    drill: row.drill === 1,
    caseId,
    stage,
    kind: row.kind as CraCaseKind,
    title: row.title,
    product: { name: product?.name ?? '', model: product?.model ?? null, manufacturer: org?.name ?? '' },
    affectedVersions: (await listProductVersions(ctx.store.db, row.product_id)).filter((v) => ids.has(v.id)).map((v) => v.version),
    vulnerabilityId: row.vulnerability_id,
    aliases: parseList(row.aliases),
    memberStates: parseList(row.member_states),
    awareAt: row.aware_at,
    dueAt: dueAt(clockInput(row, reports), stage)?.toISOString() ?? null,
    correctiveAt: row.corrective_at,
    fields,
    sensitive: fields.sensitive === true,
    sentAt: report?.sent_at ?? null,
    labels: reportLabels(lang),
    notice: REPORT_NOTICE[lang],
  };
}

export async function craReportFile(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  stage: CraStage,
  query: z.output<typeof ExportQuery>,
): Promise<{ filename: string; mediaType: string; content: string | Buffer }> {
  const doc = await craReportDocument(ctx, actor, caseId, stage, query.lang);
  const name = `cra-${doc.drill ? 'drill-' : ''}${stage}-${caseId.slice(0, 8)}-${query.lang}`;
  if (query.format === 'json') return { filename: `${name}.json`, mediaType: 'application/json; charset=utf-8', content: JSON.stringify(doc, null, 2) };
  return { filename: `${name}.pdf`, mediaType: 'application/pdf', content: await renderPdf(renderCraReportHtml(doc)) };
}

/** A CSAF 2.0 advisory or VEX of a case, checked against the validator's mandatory tests before it leaves. */
export async function craCaseCsaf(
  ctx: ServiceContext,
  actor: Actor,
  caseId: string,
  profile: CsafProfile,
  lang: 'ja' | 'en',
): Promise<Record<string, unknown>> {
  const row = await readableCase(ctx, actor, caseId);
  if (row.kind !== 'vulnerability' || !row.vulnerability_id) throw new AppError('conflict', 'only a vulnerability case has a CSAF advisory');
  const affected = new Set(parseList(row.version_ids));
  const versions = (await listProductVersions(ctx.store.db, row.product_id)).map((v) => ({ id: v.id, version: v.version }));
  return validatedCsaf(ctx, row.product_id, { profile, trackingId: `TEBIKI-CRA-${row.id}`, title: row.title, lang }, versions, [
    {
      id: row.vulnerability_id,
      aliases: parseList(row.aliases),
      summary: row.title,
      exploited: row.drill === 0,
      statuses: versions.filter((v) => affected.has(v.id)).map((v) => ({ versionId: v.id, status: 'known_affected' as const })),
      remedy: row.corrective_text ? { category: 'vendor_fix', details: row.corrective_text } : null,
    },
  ]);
}

/**
 * A CSAF document from a vulnerability triage (the SBOM work's VEX decisions):
 * each vulnerability with a status per product version of this product.
 */
export async function triageCsaf(
  ctx: ServiceContext,
  actor: Actor,
  productId: string,
  head: { profile: CsafProfile; trackingId: string; title: string; lang: 'ja' | 'en' },
  vulnerabilities: readonly CsafVulnerability[],
): Promise<Record<string, unknown>> {
  const product = await findProduct(ctx.store.db, productId);
  if (!product || !canReadOrganisationData(actor, product.organisation_id)) throw new AppError('not-found');
  const versions = (await listProductVersions(ctx.store.db, productId)).map((v) => ({ id: v.id, version: v.version }));
  return validatedCsaf(ctx, productId, head, versions, vulnerabilities);
}

async function validatedCsaf(
  ctx: ServiceContext,
  productId: string,
  head: { profile: CsafProfile; trackingId: string; title: string; lang: 'ja' | 'en' },
  versions: { id: string; version: string }[],
  vulnerabilities: readonly CsafVulnerability[],
): Promise<Record<string, unknown>> {
  const product = await findProduct(ctx.store.db, productId);
  const org = product ? await findOrganisation(ctx.store.db, product.organisation_id) : undefined;
  const known = new Set(versions.map((v) => v.id));
  if (vulnerabilities.some((v) => v.statuses.some((s) => !known.has(s.versionId)))) {
    throw validationErrors([{ path: 'vulnerabilities', message: 'unknown product version', code: 'unknown' }], 'a status names a version of another product');
  }
  const doc = buildCsaf({
    ...head,
    publisher: { name: org?.name ?? 'maker', namespace: `${ctx.config.publicUrl}/organisations/${product?.organisation_id ?? ''}` },
    vendor: org?.name ?? 'maker',
    product: product?.name ?? 'product',
    versions,
    vulnerabilities,
    at: ctx.now().toISOString(),
  });
  const problems = await csafMandatoryProblems(doc);
  if (problems.length > 0) throw new AppError('conflict', `the CSAF document fails ${problems[0]?.test}: ${problems[0]?.message}`);
  return doc;
}
