import { z } from 'zod';
import type { AssessmentView } from '../core/assessment/assessment.types.js';
import type { Actor } from '../core/authorization.js';
import { caseClocks } from '../core/cra/cra-clocks.js';
import { AppError } from '../core/errors.js';
import { buildPack } from '../core/packs/build-pack.js';
import { attachmentsOf } from '../core/packs/pack-evidence.js';
import { LANGS, type Lang } from '../core/bilingual.js';
import { PACK_SCHEMES, type Pack, type PackFacts, type PackScheme } from '../core/packs/pack.types.js';
import { evidenceFiles, packDocuments, packZip, type PackBlobs } from '../reports/packs/pack-zip.js';
import { readBlob } from '../store/attachments.repository.js';
import { listCases, reportsOf } from '../store/cra.repository.js';
import { listProductVersions } from '../store/product-versions.repository.js';
import { getSbomBlob, listSboms } from '../store/sboms.repository.js';
import { assessmentWithEdition } from './assessment-results.service.js';
import { findSelfAssessment } from '../store/self-assessments.repository.js';
import type { ServiceContext } from './context.js';
import { clockInput } from './cra-case-view.js';
import { versionVulnerabilities } from './sboms.service.js';

export const PackQuery = z.object({ scheme: z.enum(PACK_SCHEMES), lang: z.enum(LANGS).default('ja') }).strict();
export const PackCheckQuery = z.object({ scheme: z.enum(PACK_SCHEMES) }).strict();

/**
 * Whether an assessment may become a pack: a final assessment now. HOOK for the
 * self-assessment work (issue 21 point 1-2): an accepted self-assessment
 * qualifies too — this one function decides it.
 */
export function qualifiesForPack(view: Pick<AssessmentView, 'status'>, selfAssessmentState: string | null): boolean {
  return view.status === 'final' || selfAssessmentState === 'accepted';
}

export interface PackResult {
  pack: Pack;
  filename: string;
  zip: Buffer;
}

/** Product version, SBOMs, vulnerabilities and CRA cases of the assessed product, as the self-check needs them. */
async function packFacts(ctx: ServiceContext, actor: Actor, view: AssessmentView): Promise<{ facts: PackFacts; versionId: string | null }> {
  const db = ctx.store.db;
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  const versions = await listProductVersions(db, view.product.id);
  const released = versions.map((v) => v.release_date).filter((d): d is string => d !== null && d <= today);
  const lastReleaseDate = released.sort().at(-1) ?? null;
  const row = versions.find((v) => v.version === view.productVersion) ?? null;
  const sboms = row ? await listSboms(db, row.id) : [];
  const vulnerabilities = row && sboms.length > 0 ? (await versionVulnerabilities(ctx, actor, view.product.id, row.version)).vulnerabilities : [];
  const cases = await listCases(db, { organisationId: view.organisation.id, statuses: ['open'], drill: false, productId: view.product.id });
  const reports = await reportsOf(
    db,
    cases.map((c) => c.id),
  );
  const seen = new Set<string>();
  return {
    versionId: row?.id ?? null,
    facts: {
      productVersion: row ? { version: row.version, releaseDate: row.release_date, supportEnd: row.support_end } : null,
      lastReleaseDate,
      sboms: sboms.map((s) => ({
        filename: s.filename,
        sha256: s.sha256,
        format: s.format,
        specVersion: s.spec_version,
        uploadedAt: s.uploaded_at,
        components: s.component_count,
      })),
      vulnerabilities: vulnerabilities
        .filter((v) => !seen.has(v.id) && seen.add(v.id))
        .map((v) => ({ id: v.id, severity: v.severity.level, status: v.status })),
      craCases: cases.map((c) => ({
        id: c.id,
        title: c.title,
        overdueStages: caseClocks(clockInput(c, reports), now)
          .filter((s) => s.state === 'overdue')
          .map((s) => s.stage),
      })),
    },
  };
}

/** The bytes of every evidence file behind the pack, and the CRA pack's SBOMs. */
async function packBlobs(ctx: ServiceContext, pack: Pack): Promise<PackBlobs> {
  const db = ctx.store.db;
  const rows = pack.scheme === 'eu-cra' ? [...pack.partI, ...pack.partII] : pack.rows;
  const attachments = [];
  for (const meta of attachmentsOf(rows)) {
    const content = await readBlob(db, meta.sha256);
    if (!content) throw new AppError('internal', `evidence file ${meta.sha256} is missing from the store`);
    attachments.push({ meta, content });
  }
  const sboms = [];
  if (pack.scheme === 'eu-cra')
    for (const s of pack.facts.sboms) {
      const content = await getSbomBlob(db, s.sha256);
      if (content) sboms.push({ filename: s.filename, sha256: s.sha256, content });
    }
  return { attachments, sboms };
}

/** The content and self-check of a pack without rendering it (what the assessment page shows before a download). */
export async function conformityPackCheck(ctx: ServiceContext, actor: Actor, assessmentId: string, scheme: PackScheme): Promise<Pack> {
  const { view, edition } = await qualifyingAssessment(ctx, actor, assessmentId);
  const { facts } = await packFacts(ctx, actor, view);
  return buildPack(scheme, { edition, assessment: view, facts, now: ctx.now() });
}

async function qualifyingAssessment(ctx: ServiceContext, actor: Actor, assessmentId: string) {
  const found = await assessmentWithEdition(ctx, actor, assessmentId);
  const self = await findSelfAssessment(ctx.store.db, found.view.id);
  if (!qualifiesForPack(found.view, self?.state ?? null))
    throw new AppError(
      'conflict',
      `assessment ${found.view.id} is ${found.view.status}: a pack is made from a final assessment or an accepted self-assessment`,
      [{ path: 'assessment', message: 'must be final, or an accepted self-assessment', code: 'invalid' }],
    );
  return found;
}

/**
 * A conformity pack of a final assessment the actor may read (another
 * organisation's: not found): content and self-check from the core, then the
 * zip of PDF, xlsx, JSON, evidence and SHA256SUMS. Reads only.
 */
export async function conformityPack(ctx: ServiceContext, actor: Actor, assessmentId: string, scheme: PackScheme, lang: Lang): Promise<PackResult> {
  const { view, edition } = await qualifyingAssessment(ctx, actor, assessmentId);
  const { facts } = await packFacts(ctx, actor, view);
  const pack = buildPack(scheme, { edition, assessment: view, facts, now: ctx.now() });
  const files = [...(await packDocuments(pack, lang)), ...evidenceFiles(await packBlobs(ctx, pack))];
  const zip = await packZip(files, pack.header.generatedAt);
  const mark = pack.check.state === 'draft' ? '-DRAFT' : '';
  return { pack, zip, filename: `tebiki-pack-${scheme}-${lang}-${view.id}${mark}.zip` };
}
