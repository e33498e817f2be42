import { gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Actor } from '../../src/core/authorization.js';
import { buildApp } from '../../src/server/app.js';
import type { ServiceContext } from '../../src/services/context.js';
import { importBundledEdition } from '../../src/services/editions.service.js';
import { firmwareJobEnded } from '../../src/services/firmware-jobs.js';
import { recordProbeRun } from '../../src/services/probe-run-attach.service.js';
import { issueSetupLink } from '../../src/services/setup.service.js';
import type { Store } from '../../src/store/database.js';
import { ApiClient } from '../helpers/api-client.js';
import { importOsvSet } from '../helpers/osv-fixtures.js';
import { cyclonedxJson } from '../helpers/sbom-fixtures.js';
import { tar } from '../helpers/tar-builder.js';
import { testConfig } from '../helpers/test-config.js';
import { BAD_WEB_FINDINGS, scopeText } from '../server/probe-runs.fixture.js';

/** Carried by the name, title or text of every object of organisation A: never in an answer to anyone outside it. */
export const MARKER = 'A-SECRET-7f3c';

/** Who asks. Every role of the code (admin, editor, assessor, member) plus organisation managers of A and B. */
export const ROLES = ['anonymous', 'memberA', 'managerA', 'memberB', 'managerB', 'assessor', 'editor', 'admin'] as const;
export type MatrixRole = (typeof ROLES)[number];

const ADMIN = { email: 'admin@example.test', password: 'correct horse battery staple' };
const PW = 'another long passphrase 42';

/** Ids of organisation A's objects (and a few shared ones) that fill the path parameters of every route. */
export interface WorldIds {
  orgA: string;
  orgB: string;
  editionId: string;
  productA: string;
  versionA: string;
  versionIdA: string;
  assessmentA: string;
  assessmentA2: string;
  /** Organisation B's own assessment: a container B may open, for asking it about A's evidence. */
  assessmentB: string;
  requirementId: string;
  attachmentId: string;
  runId: string;
  analysisId: string;
  vulnerabilityId: string;
  caseId: string;
  proposalId: string;
  draftId: string;
  standardId: string;
  /** A requirement of standardId, and a second standard: the one-hop cross view between them. */
  standardRequirementId: string;
  otherStandardId: string;
  termId: string;
  userIds: Record<MatrixRole, string>;
  sessionIdA: string;
  notificationIdsA: string[];
  /** A's self-assessment (submitted, one item reviewed with a disagreement) and that review. */
  selfAssessmentA: string;
  reviewIdA: string;
}

export interface IsolationWorld {
  app: FastifyInstance;
  ctx: ServiceContext;
  ids: WorldIds;
  client(role: MatrixRole): ApiClient;
  /** Bodies for raw uploads, kept so that outsiders can send exactly what an insider would. */
  uploads: { firmware: Buffer; sbom: Buffer; workbook: Buffer };
}

async function ok(r: Awaited<ReturnType<ApiClient['request']>>, status = 200) {
  expect(r.statusCode, r.body.slice(0, 500)).toBe(status);
  return r.json();
}

/** A small firmware image: a root file system with a password file (no compiler needed). */
function firmwareImage(): Buffer {
  return gzipSync(
    tar([
      { name: './etc/', type: 'dir', mode: 0o755 },
      { name: './etc/passwd', body: `root:x:0:0:${MARKER}:/root:/bin/sh\n` },
      { name: './etc/shadow', body: 'root::19000:0:99999:7:::\n', mode: 0o600 },
      { name: './etc/hostname', body: `${MARKER}\n` },
    ]),
  );
}

/**
 * Seeds, through the API and the services, organisation A with everything a
 * member can own (product, version, assessment with answers, attachment, probe
 * run, firmware analysis, SBOM with matches and a triage, CRA case, proposal,
 * notifications) and organisation B with its own people; every name of A carries MARKER.
 */
export async function isolationWorld(store: Store, dataDir: string): Promise<IsolationWorld> {
  const ctx: ServiceContext = { store, config: testConfig({ dataDir, firmwareMaxBytes: 1024 * 1024 }), now: () => new Date() };
  const edition = await importBundledEdition(ctx);
  await importOsvSet(ctx);
  const app = await buildApp({ ctx });
  const token = new URL((await issueSetupLink(ctx)) as string).hash.replace('#token=', '');
  const clients = new Map<MatrixRole, ApiClient>();
  const anon = new ApiClient(app);
  await anon.session();
  await ok(await anon.request('POST', '/api/setup', { token, email: ADMIN.email, displayName: '管理者', password: ADMIN.password }), 201);
  clients.set('anonymous', anon);
  const admin = new ApiClient(app);
  expect((await admin.login(ADMIN.email, ADMIN.password)).statusCode).toBe(200);
  clients.set('admin', admin);
  const adminId = (await admin.session()).user?.id ?? '';

  const orgA = (await ok(await admin.request('POST', '/api/organisations', { name: `Org A ${MARKER}` }), 201)).id as string;
  const orgB = (await ok(await admin.request('POST', '/api/organisations', { name: 'Org B 合同会社' }), 201)).id as string;
  const userIds = { anonymous: '', admin: adminId } as Record<MatrixRole, string>;
  const people: [MatrixRole, string, string | null, boolean][] = [
    ['memberA', 'member', orgA, false],
    ['managerA', 'member', orgA, true],
    ['memberB', 'member', orgB, false],
    ['managerB', 'member', orgB, true],
    ['assessor', 'assessor', null, false],
    ['editor', 'editor', null, false],
  ];
  for (const [who, role, organisationId, manager] of people) {
    const email = `${who.toLowerCase()}@example.test`;
    const name = organisationId === orgA ? `利用者 ${who} ${MARKER}` : `利用者 ${who}`;
    const { user } = await ok(await admin.request('POST', '/api/admin/users', { email, displayName: name, password: PW, role, organisationId }), 201);
    userIds[who] = user.id;
    if (manager) await ok(await admin.request('PATCH', `/api/users/${user.id}`, { orgManager: true }));
    const c = new ApiClient(app);
    expect((await c.login(email, PW)).statusCode).toBe(200);
    clients.set(who, c);
  }
  const client = (role: MatrixRole) => {
    const c = clients.get(role);
    if (!c) throw new Error(`no client for ${role}`);
    return c;
  };
  const memberA = client('memberA');
  const assessor = client('assessor');

  const productA = (await ok(await memberA.request('POST', `/api/organisations/${orgA}/products`, { name: `Gateway ${MARKER}`, model: 'GW-100' }), 201))
    .id as string;
  const versionA = '2.1.0';
  const versionIdA = (await ok(await memberA.request('POST', `/api/products/${productA}/versions`, { version: versionA }), 201)).id as string;
  const productB = (await ok(await client('memberB').request('POST', `/api/organisations/${orgB}/products`, { name: 'Camera B', model: 'CB-1' }), 201))
    .id as string;

  const newAssessment = async (title: string) =>
    ok(
      await assessor.request('POST', '/api/assessments', {
        productId: productA,
        title,
        productVersion: versionA,
        editionId: edition.id,
        spec: { layers: ['device'], phases: [], profile: null },
      }),
      201,
    );
  const assessment = await newAssessment(`出荷前診断 ${MARKER}`);
  const assessmentA2 = (await newAssessment(`再診断 ${MARKER}`)).id as string;
  const assessmentB = (
    await ok(
      await assessor.request('POST', '/api/assessments', {
        productId: productB,
        title: 'Camera B 診断',
        productVersion: '1.0',
        editionId: edition.id,
        spec: { layers: ['device'], phases: [], profile: null },
      }),
      201,
    )
  ).id as string;
  const items = assessment.items as { requirementId: string }[];
  const requirementId = items[0]?.requirementId ?? '';
  for (const [i, item] of items.slice(0, 3).entries()) {
    await ok(
      await assessor.request('PUT', `/api/assessments/${assessment.id}/answers/${item.requirementId}`, {
        verdict: i === 1 ? 'fail' : 'pass',
        evidence: `証跡 ${MARKER}`,
        comment: `所見 ${MARKER}`,
        version: 0,
      }),
    );
  }
  await ok(await assessor.request('PUT', `/api/assessments/${assessment.id}/answers/${requirementId}/defect`, { kind: 'unclear', note: `不明確 ${MARKER}` }));
  const attachment = await ok(
    await assessor.request('POST', `/api/assessments/${assessment.id}/answers/${requirementId}/attachments`, Buffer.from(`log line ${MARKER}\n`), {
      headers: { 'content-type': 'text/plain', 'x-filename': encodeURIComponent(`evidence ${MARKER}.txt`) },
    }),
    201,
  );

  const assessorActor: Actor = { kind: 'user', userId: userIds.assessor, role: 'assessor', organisationId: null };
  const findings = BAD_WEB_FINDINGS.map((f) => ({ ...f, evidence: { ...f.evidence, banner: `server ${MARKER}` } }));
  const run = await recordProbeRun(ctx, assessorActor, assessment.id, {
    scopeText: scopeText(`scope ${MARKER}`),
    fileName: `scope-${MARKER}.yaml`,
    only: [],
    outcome: {
      scope: { name: `scope ${MARKER}`, sha256: 'f'.repeat(64), authorisedBy: `山田 ${MARKER}` },
      startedAt: '2026-12-04T10:00:00.000Z',
      finishedAt: '2026-12-04T10:00:05.000Z',
      findings,
    },
  });

  const firmware = firmwareImage();
  const analysis = await ok(
    await assessor.request('POST', `/api/assessments/${assessment.id}/firmware`, firmware, {
      headers: { 'content-type': 'application/octet-stream', 'x-filename': encodeURIComponent(`fw ${MARKER}.tar.gz`) },
    }),
    202,
  );
  await firmwareJobEnded(analysis.id);
  const analysed = await ok(await assessor.request('GET', `/api/assessments/${assessment.id}/firmware/${analysis.id}`));
  expect(analysed.state, JSON.stringify(analysed.error)).toBe('completed');

  const base = `/api/products/${productA}/versions/${versionA}`;
  const sbom = Buffer.from(JSON.stringify(cyclonedxJson('1.6')));
  await ok(
    await memberA.request('POST', `${base}/sboms`, sbom, {
      headers: { 'content-type': 'application/json', 'x-filename': encodeURIComponent(`sbom ${MARKER}.cdx.json`) },
    }),
    201,
  );
  const vulnerabilityId = 'GHSA-35jh-r3h4-6jhm';
  await ok(
    await memberA.request('PUT', `${base}/vulnerabilities/${vulnerabilityId}/triage`, {
      status: 'not_affected',
      justification: 'component_not_present',
      impactStatement: `判断 ${MARKER}`,
    }),
  );

  const managerA = client('managerA');
  await ok(await managerA.request('PUT', `/api/products/${productA}/cra/contacts`, { ownerId: userIds.memberA, deputyIds: [userIds.managerA] }));
  const craCase = await ok(
    await memberA.request('POST', '/api/cra/cases', {
      productId: productA,
      kind: 'vulnerability',
      title: `悪用 ${MARKER}`,
      vulnerabilityId: 'CVE-2026-0001',
      versionIds: [versionIdA],
      memberStates: ['DE'],
    }),
    201,
  );
  await ok(await memberA.request('PUT', `/api/cra/cases/${craCase.id}/reports/early-warning`, { nature: `性質 ${MARKER}` }));
  await ok(
    await managerA.request('POST', `/api/organisations/${orgA}/cra/criteria`, { kind: 'exploited', items: [{ ja: `基準 ${MARKER}`, en: `rule ${MARKER}` }] }),
    201,
  );

  // A self-assessment of A's product: allowed by A's manager, answered and submitted by A's member, reviewed by the assessor.
  await ok(await client('managerA').request('PUT', `/api/organisations/${orgA}/self-assessment`, { allowed: true }));
  const selfAssessment = await ok(
    await memberA.request('POST', `/api/products/${productA}/self-assessments`, {
      title: `自己診断 ${MARKER}`,
      productVersion: versionA,
      editionId: edition.id,
      spec: { layers: ['device'], phases: [], profile: null },
    }),
    201,
  );
  const selfAssessmentA = (selfAssessment.assessmentId ?? selfAssessment.id) as string;
  const selfItem = (selfAssessment.items?.[0]?.requirementId ??
    ((await ok(await memberA.request('GET', `/api/assessments/${selfAssessmentA}`))).items as { requirementId: string }[])[0]?.requirementId) as string;
  await ok(
    await memberA.request('PUT', `/api/assessments/${selfAssessmentA}/answers/${selfItem}`, {
      verdict: 'pass',
      evidence: `自己申告 ${MARKER}`,
      comment: '',
      version: 0,
    }),
  );
  await ok(await memberA.request('POST', `/api/assessments/${selfAssessmentA}/self-assessment/submit`, {}));
  const reviewed = await ok(
    await assessor.request('PUT', `/api/assessments/${selfAssessmentA}/self-assessment/reviews/${selfItem}`, {
      decision: 'disagree',
      comment: `根拠不足 ${MARKER}`,
      correctedVerdict: 'fail',
    }),
  );
  const reviewIdA = (reviewed.reviews as { id: string; requirementId: string }[]).find((r) => r.requirementId === selfItem)?.id as string;

  const proposal = await ok(
    await memberA.request('POST', '/api/proposals', { title: `課題 ${MARKER}`, text: `本文 ${MARKER}`, layers: ['device'], phases: [] }),
    201,
  );
  const draft = await ok(await client('editor').request('POST', '/api/drafts', { id: '2099.1', title: { ja: '草案', en: 'Draft' } }), 201);
  const standards = await ok(await admin.request('GET', `/api/editions/${edition.id}/standards`));
  const standardId = standards.standards[0].id as string;
  const standard = await ok(await admin.request('GET', `/api/editions/${edition.id}/standards/${standardId}`));
  const standardRequirementId = standard.requirements?.[0]?.id as string | undefined;
  if (!standardRequirementId) throw new Error(`no requirement in ${Object.keys(standard).join(', ')}`);
  const glossary = await ok(await admin.request('GET', `/api/editions/${edition.id}/glossary`));
  const sessions = await ok(await memberA.request('GET', '/api/account/sessions'));
  const inbox = await ok(await memberA.request('GET', '/api/notifications'));

  const ids: WorldIds = {
    orgA,
    orgB,
    editionId: edition.id,
    productA,
    versionA,
    versionIdA,
    assessmentA: assessment.id,
    assessmentA2,
    assessmentB,
    requirementId,
    attachmentId: attachment.id,
    runId: run.id,
    analysisId: analysis.id,
    vulnerabilityId,
    caseId: craCase.id,
    proposalId: proposal.proposal.id,
    draftId: draft.id ?? draft.draft?.id,
    standardId,
    standardRequirementId,
    otherStandardId: standards.standards[1].id,
    termId: glossary.terms[0].id,
    userIds,
    sessionIdA: sessions.sessions[0].id,
    notificationIdsA: (inbox.notifications ?? inbox.items ?? []).map((n: { id: string }) => n.id),
    selfAssessmentA,
    reviewIdA,
  };
  const workbook = (await assessor.request('GET', `/api/assessments/${assessment.id}/workbook`)).rawPayload;
  return { app, ctx, ids, client, uploads: { firmware, sbom, workbook } };
}
