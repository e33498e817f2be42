/**
 * SBOMs per product version, their known vulnerabilities and the VEX triage.
 * Members see and change only their own organisation's (another's answers
 * not-found); every change goes through mutate() into the audit log.
 */
import { createHash, randomUUID } from 'node:crypto';
import { type Actor, canWriteProducts } from '../core/authorization.js';
import { AppError, validationErrors } from '../core/errors.js';
import type { Finding } from '../core/evidence/finding.types.js';
import { type Suggestion, suggest } from '../core/evidence/suggest.js';
import { loadCheckLinks } from '../content/load-check-links.js';
import { DEFAULT_SEVERITY_THRESHOLD, knownVulnerabilitiesFinding, qualityFinding } from '../core/sbom/sbom-findings.js';
import { SEVERITY_LEVELS, type SeverityLevel } from '../core/vulnerability/cvss.js';
import { sbomQuality } from '../core/sbom/sbom-quality.js';
import type { SbomComponent, SbomDocument } from '../core/sbom/sbom.types.js';
import { buildCycloneDxVex, buildOpenVex, type VexExportEntry } from '../core/vulnerability/vex-export.js';
import { type VexDecision, type VexJustification, type VexStatus, vexDecisionErrors } from '../core/vulnerability/vex.js';
import { readSbom } from '../sbom/read-sbom.js';
import { userIdsWith } from '../store/notifications.repository.js';
import { findOrganisation } from '../store/organisations.repository.js';
import { findProductVersionByName, type ProductVersionRow } from '../store/product-versions.repository.js';
import {
  findSeverityThreshold,
  insertSbom,
  listSboms,
  listVexStatements,
  putSbomBlob,
  recordMatches,
  setSeverityThreshold,
  type VexRow,
  upsertVexStatement,
} from '../store/sboms.repository.js';
import { osvRecordCount } from '../store/vulnerability-data.repository.js';
import { actorId, mutate, type ServiceContext } from './context.js';
import { proposeKevCasesFor } from './cra-cases.service.js';
import { notify } from './notifications.service.js';
import { getProduct, type ProductView } from './organisations.service.js';

import { matchAgainstStore, type StoredMatch } from './vulnerability-data.service.js';

async function productVersion(
  ctx: ServiceContext,
  actor: Actor,
  productId: string,
  version: string,
): Promise<{ product: ProductView; row: ProductVersionRow }> {
  const product = await getProduct(ctx, actor, productId);
  const row = await findProductVersionByName(ctx.store.db, productId, version);
  if (!row) throw new AppError('not-found', `product ${productId} has no version ${version}`);
  return { product, row };
}

/** A version of a product the actor may read (another organisation's: not found). */
export async function versionOf(ctx: ServiceContext, actor: Actor, productId: string, version: string): Promise<ProductVersionRow> {
  return (await productVersion(ctx, actor, productId, version)).row;
}

function writable(actor: Actor, product: ProductView): void {
  if (!canWriteProducts(actor, product.organisationId)) throw new AppError('forbidden');
}

/** Reads, validates and stores an SBOM; a bad one is refused naming the place, and nothing is stored. New matches notify the organisation. */
export async function uploadSbom(ctx: ServiceContext, actor: Actor, productId: string, version: string, file: { filename: string; bytes: Uint8Array }) {
  const { product, row } = await productVersion(ctx, actor, productId, version);
  writable(actor, product);
  const read = readSbom(file.bytes);
  if (!read.ok) {
    const first = read.problems[0];
    throw validationErrors(
      read.problems.map(({ place, ...problem }) => ({ path: place, ...problem })),
      `${file.filename}: ${first?.place}: ${first?.message}`,
    );
  }
  const doc = read.document;
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const { matches } = await matchAgainstStore(ctx, doc.components);
  const id = randomUUID();
  const at = ctx.now().toISOString();
  const fresh = await mutate<number>(
    ctx,
    actor,
    (n: number) => ({
      action: 'sbom.uploaded',
      targetType: 'product',
      targetId: productId,
      detail: { version, sbom: id, sha256, format: doc.format, components: doc.components.length, newMatches: n },
    }),
    async (trx) => {
      await putSbomBlob(trx, sha256, file.bytes);
      await insertSbom(trx, {
        id,
        product_version_id: row.id,
        sha256,
        filename: file.filename,
        format: doc.format,
        spec_version: doc.specVersion,
        encoding: doc.encoding,
        component_count: doc.components.length,
        document: JSON.stringify(doc),
        uploaded_by: actorId(actor),
        uploaded_at: at,
      });
      const added = await recordMatches(
        trx,
        matches.map((m) => ({ product_version_id: row.id, vulnerability_id: m.id, purl: m.purl, first_seen_at: at })),
      );
      if (added.length > 0)
        await notifyNewMatches(
          ctx,
          trx,
          product,
          version,
          added.map((a) => a.vulnerability_id),
        );
      return added.length;
    },
  );
  // KEV-listed matches are proposed as CRA reporting cases for the owner to confirm or dismiss.
  const proposedCases = await proposeKevCasesFor(ctx, row.id, matches);
  return { id, sha256, format: doc.format, specVersion: doc.specVersion, components: doc.components.length, newMatches: fresh, proposedCases };
}

async function notifyNewMatches(ctx: ServiceContext, trx: Parameters<typeof notify>[1], product: ProductView, version: string, ids: string[]): Promise<void> {
  const members = await userIdsWith(trx, { role: 'member', organisationId: product.organisationId });
  const list = [...new Set(ids)].slice(0, 10).join(', ');
  await notify(
    ctx,
    trx,
    { userIds: members },
    {
      kind: 'vulnerability-matched',
      title: { ja: `既知の脆弱性が見つかりました: ${product.name} ${version}`, en: `Known vulnerabilities found: ${product.name} ${version}` },
      body: { ja: `新たに照合された脆弱性: ${list}`, en: `Newly matched: ${list}` },
      link: `/products/${encodeURIComponent(product.id)}/versions/${encodeURIComponent(version)}`,
    },
  );
}

async function versionDocuments(ctx: ServiceContext, versionId: string): Promise<SbomDocument[]> {
  return (await listSboms(ctx.store.db, versionId)).map((s) => JSON.parse(s.document) as SbomDocument);
}

/** The SBOMs of a version, the components of the latest and its quality. */
export async function sbomOverview(ctx: ServiceContext, actor: Actor, productId: string, version: string) {
  const { row } = await productVersion(ctx, actor, productId, version);
  const sboms = await listSboms(ctx.store.db, row.id);
  const latest = sboms[0] ? (JSON.parse(sboms[0].document) as SbomDocument) : null;
  return {
    sboms: sboms.map((s) => ({
      id: s.id,
      filename: s.filename,
      format: s.format,
      specVersion: s.spec_version,
      components: s.component_count,
      uploadedAt: s.uploaded_at,
      sha256: s.sha256,
    })),
    components: latest?.components ?? [],
    quality: latest ? sbomQuality(latest) : null,
  };
}

export interface TriagedVulnerability extends StoredMatch {
  status: VexStatus | null;
  triage: { justification: string | null; actionStatement: string | null; impactStatement: string | null; decidedBy: string | null; decidedAt: string } | null;
}

/** Every match of the version's SBOMs against the stored records, with its triage. */
export async function versionVulnerabilities(ctx: ServiceContext, actor: Actor, productId: string, version: string) {
  const { row } = await productVersion(ctx, actor, productId, version);
  const components: SbomComponent[] = (await versionDocuments(ctx, row.id)).flatMap((d) => d.components);
  const { matches, undecided } = await matchAgainstStore(ctx, components);
  const triage = new Map((await listVexStatements(ctx.store.db, row.id)).map((v) => [v.vulnerability_id, v]));
  const seen = new Set<string>();
  const vulnerabilities: TriagedVulnerability[] = matches
    .filter((m) => {
      const k = `${m.id}\u0000${m.purl}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .map((m) => ({ ...m, ...triageOf(triage.get(m.id)) }));
  return { vulnerabilities, undecided: undecided.length, recordsAvailable: (await osvRecordCount(ctx.store.db)) > 0 };
}

function triageOf(v: VexRow | undefined): Pick<TriagedVulnerability, 'status' | 'triage'> {
  if (!v) return { status: null, triage: null };
  return {
    status: v.status as VexStatus,
    triage: {
      justification: v.justification,
      actionStatement: v.action_statement,
      impactStatement: v.impact_statement,
      decidedBy: v.decided_by,
      decidedAt: v.decided_at,
    },
  };
}

/** Records a VEX decision for one vulnerability of the version (who and when, audited). */
export async function triageVulnerability(
  ctx: ServiceContext,
  actor: Actor,
  productId: string,
  version: string,
  vulnerabilityId: string,
  decision: VexDecision,
) {
  const { product, row } = await productVersion(ctx, actor, productId, version);
  writable(actor, product);
  const errors = vexDecisionErrors(decision);
  if (errors.length > 0) throw validationErrors(errors, `${errors[0]?.path}: ${errors[0]?.message}`);
  const { vulnerabilities } = await versionVulnerabilities(ctx, actor, productId, version);
  if (!vulnerabilities.some((v) => v.id === vulnerabilityId)) throw new AppError('not-found', `${vulnerabilityId} is not matched for this version`);
  const at = ctx.now().toISOString();
  const statement: VexRow = {
    product_version_id: row.id,
    vulnerability_id: vulnerabilityId,
    status: decision.status,
    justification: decision.justification ?? null,
    action_statement: decision.actionStatement?.trim() || null,
    impact_statement: decision.impactStatement?.trim() || null,
    decided_by: actorId(actor),
    decided_at: at,
  };
  await mutate(
    ctx,
    actor,
    { action: 'vex.decided', targetType: 'product', targetId: productId, detail: { version, vulnerability: vulnerabilityId, ...decision } },
    (trx) => upsertVexStatement(trx, statement),
  );
  return { vulnerabilityId, status: decision.status, decidedAt: at };
}

/** The version's triage as OpenVEX or CycloneDX VEX. */
export async function exportVex(ctx: ServiceContext, actor: Actor, productId: string, version: string, format: 'openvex' | 'cyclonedx') {
  const { product } = await productVersion(ctx, actor, productId, version);
  const { vulnerabilities } = await versionVulnerabilities(ctx, actor, productId, version);
  if (vulnerabilities.length === 0) throw new AppError('conflict', 'no known vulnerability is matched for this version: there is nothing to state');
  const byId = new Map<string, VexExportEntry>();
  for (const v of vulnerabilities) {
    const entry = byId.get(v.id);
    if (entry) {
      entry.purls.push(v.purl);
      continue;
    }
    byId.set(v.id, {
      id: v.id,
      aliases: v.aliases,
      severity: v.severity,
      purls: [v.purl],
      status: v.status ?? 'under_investigation',
      justification: (v.triage?.justification as VexJustification | null) ?? null,
      actionStatement: v.triage?.actionStatement ?? null,
      impactStatement: v.triage?.impactStatement ?? null,
      decidedAt: v.triage?.decidedAt ?? null,
    });
  }
  const org = await findOrganisation(ctx.store.db, product.organisationId);
  const input = {
    productId,
    productName: product.name,
    version,
    author: org?.name ?? product.organisationId,
    timestamp: ctx.now().toISOString(),
    uuid: randomUUID(),
    entries: [...byId.values()],
  };
  return format === 'openvex' ? buildOpenVex(input) : buildCycloneDxVex(input);
}

/** The SBOM findings of a version, for the assessment's suggestions. */
export async function sbomFindings(ctx: ServiceContext, actor: Actor, productId: string, version: string): Promise<Finding[]> {
  const overview = await sbomOverview(ctx, actor, productId, version);
  if (!overview.quality) return [];
  const at = ctx.now().toISOString();
  const target = `sbom:${productId}@${version}`;
  const { vulnerabilities, undecided, recordsAvailable } = await versionVulnerabilities(ctx, actor, productId, version);
  const threshold = await severityThreshold(ctx, actor, productId);
  return [
    qualityFinding(overview.quality, target, at),
    knownVulnerabilitiesFinding({ matches: vulnerabilities, undecided, recordsAvailable, threshold }, target, at),
  ];
}

/**
 * What the SBOM findings suggest for the guidebook requirements their checks are
 * linked to (content/checks), by the one suggestion rule; the assessor confirms.
 */
export async function sbomSuggestions(
  ctx: ServiceContext,
  actor: Actor,
  productId: string,
  version: string,
): Promise<{ findings: Finding[]; suggestions: Suggestion[] }> {
  const findings = await sbomFindings(ctx, actor, productId, version);
  const links = loadCheckLinks(ctx.config.contentDir).links.filter((l) => l.check.startsWith('sbom.'));
  const runId = `sbom:${productId}@${version}`;
  return {
    findings,
    suggestions: suggest(
      findings.map((f) => ({ ...f, source: 'sbom' as const, runId })),
      links,
    ),
  };
}

/** The product's severity threshold for sbom.known-vulnerabilities (default high). */
export async function severityThreshold(ctx: ServiceContext, actor: Actor, productId: string): Promise<SeverityLevel> {
  await getProduct(ctx, actor, productId);
  const stored = await findSeverityThreshold(ctx.store.db, productId);
  return (SEVERITY_LEVELS as readonly string[]).includes(stored ?? '') ? (stored as SeverityLevel) : DEFAULT_SEVERITY_THRESHOLD;
}

export async function changeSeverityThreshold(
  ctx: ServiceContext,
  actor: Actor,
  productId: string,
  threshold: SeverityLevel,
): Promise<{ severityThreshold: SeverityLevel }> {
  const product = await getProduct(ctx, actor, productId);
  writable(actor, product);
  await mutate(ctx, actor, { action: 'product.sbom-threshold-changed', targetType: 'product', targetId: productId, detail: { threshold } }, (trx) =>
    setSeverityThreshold(trx, productId, threshold),
  );
  return { severityThreshold: threshold };
}
