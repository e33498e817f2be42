/**
 * Where the SBOM work meets CRA reporting: a member marks a matched
 * vulnerability actively exploited (a case opens with its clocks), KEV-listed
 * matches are proposed as cases, and a version's VEX triage leaves as a CSAF
 * document checked against the validator's mandatory tests.
 */
import { z } from 'zod';
import type { Actor } from '../core/authorization.js';
import { CSAF_PROFILES, type CsafStatus, type CsafVulnerability } from '../core/cra/csaf.js';
import { AppError } from '../core/errors.js';
import type { VexStatus } from '../core/vulnerability/vex.js';
import type { ServiceContext } from './context.js';
import type { CraCaseView } from './cra-case-view.js';
import { decision, isoTime, memberStates, openCaseFromMatch } from './cra-cases.service.js';
import { triageCsaf } from './cra-reports.service.js';
import { versionOf, versionVulnerabilities } from './sboms.service.js';

export const ExploitedInput = z
  .object({
    title: z.string().trim().max(300).optional(),
    memberStates,
    awareAt: isoTime.nullable().default(null),
    decision: decision.default({ checked: [], note: '' }),
    drill: z.boolean().default(false),
  })
  .strict();

export const VersionCsafQuery = z.object({ profile: z.enum(CSAF_PROFILES).default('csaf_vex'), lang: z.enum(['ja', 'en']).default('en') }).strict();

/** A person marks a vulnerability matched to this version actively exploited: a case opens on that version, its 24 h clock running. */
export async function markMatchExploited(
  ctx: ServiceContext,
  actor: Actor,
  productId: string,
  version: string,
  vulnerabilityId: string,
  input: z.output<typeof ExploitedInput>,
): Promise<CraCaseView> {
  const { versionId, vulnerabilities } = await matchesOf(ctx, actor, productId, version);
  const match = vulnerabilities.find((v) => v.id === vulnerabilityId);
  if (!match) throw new AppError('not-found', `${vulnerabilityId} is not matched for version ${version}`);
  return openCaseFromMatch(
    ctx,
    actor,
    { vulnerabilityId, aliases: match.aliases, productVersionIds: [versionId], ...(match.summary ? { summary: match.summary } : {}) },
    input,
  );
}

const CSAF_STATUS: Record<VexStatus, CsafStatus> = {
  under_investigation: 'under_investigation',
  affected: 'known_affected',
  not_affected: 'known_not_affected',
  fixed: 'fixed',
};

/** The version's triage as CSAF 2.0 (`csaf_vex` by default): one vulnerability per matched advisory, its status for this version. */
export async function versionCsaf(ctx: ServiceContext, actor: Actor, productId: string, version: string, query: z.output<typeof VersionCsafQuery>) {
  const { versionId, vulnerabilities } = await matchesOf(ctx, actor, productId, version);
  if (vulnerabilities.length === 0) throw new AppError('conflict', 'no known vulnerability is matched for this version: there is nothing to state');
  const byId = new Map<string, CsafVulnerability>();
  for (const v of vulnerabilities) {
    if (byId.has(v.id)) continue;
    const status = v.status ?? 'under_investigation';
    byId.set(v.id, {
      id: v.id,
      aliases: v.aliases,
      summary: v.summary ?? v.id,
      exploited: v.kev,
      statuses: [
        {
          versionId,
          status: CSAF_STATUS[status],
          ...(status === 'not_affected' && v.triage?.justification ? { justification: v.triage.justification as never } : {}),
        },
      ],
      remedy:
        status === 'affected' && v.triage?.actionStatement
          ? { category: 'mitigation', details: v.triage.actionStatement }
          : v.fixed
            ? { category: 'vendor_fix', details: `fixed in ${v.fixed}` }
            : null,
    });
  }
  return triageCsaf(
    ctx,
    actor,
    productId,
    { profile: query.profile, trackingId: `TEBIKI-VEX-${versionId}`, title: `${version}: known vulnerabilities`, lang: query.lang },
    [...byId.values()],
  );
}

async function matchesOf(ctx: ServiceContext, actor: Actor, productId: string, version: string) {
  const versionId = (await versionOf(ctx, actor, productId, version)).id;
  const { vulnerabilities } = await versionVulnerabilities(ctx, actor, productId, version);
  return { versionId, vulnerabilities };
}
