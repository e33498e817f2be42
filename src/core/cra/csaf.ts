/**
 * CSAF 2.0 documents (OASIS) for a maker's own publication: a security
 * advisory from a CRA case, or a VEX from a vulnerability triage. Pure: the
 * caller gives every fact and the time. Shaped to pass the mandatory tests of
 * the CSAF validator (test/server/cra-csaf.test.ts runs them).
 */

export const CSAF_PROFILES = ['csaf_security_advisory', 'csaf_vex'] as const;
export type CsafProfile = (typeof CSAF_PROFILES)[number];

export type CsafStatus = 'known_affected' | 'known_not_affected' | 'fixed' | 'under_investigation';

/** The CSAF 2.0 flag labels a "not affected" status may carry. */
export const CSAF_JUSTIFICATIONS = [
  'component_not_present',
  'vulnerable_code_not_present',
  'vulnerable_code_cannot_be_controlled_by_adversary',
  'vulnerable_code_not_in_execute_path',
  'inline_mitigations_already_exist',
] as const;
export type CsafJustification = (typeof CSAF_JUSTIFICATIONS)[number];

export interface CsafVersionStatus {
  /** The product version's id in tebiki (becomes the CSAF product_id). */
  versionId: string;
  status: CsafStatus;
  justification?: CsafJustification | null;
}

/** One vulnerability as a triage or a case knows it: the interface the SBOM work calls. */
export interface CsafVulnerability {
  /** CVE-… or another advisory id (GHSA-…, OSV …). */
  id: string;
  aliases: readonly string[];
  summary: string;
  exploited: boolean;
  statuses: readonly CsafVersionStatus[];
  /** A corrective or mitigating measure, when one is available. */
  remedy: { category: 'vendor_fix' | 'mitigation' | 'workaround' | 'none_available'; details: string; url?: string | null } | null;
}

export interface CsafInput {
  profile: CsafProfile;
  trackingId: string;
  title: string;
  lang: 'ja' | 'en';
  publisher: { name: string; namespace: string };
  vendor: string;
  product: string;
  versions: readonly { id: string; version: string }[];
  vulnerabilities: readonly CsafVulnerability[];
  /** ISO 8601 time of this release of the document. */
  at: string;
}

const CVE = /^CVE-[0-9]{4}-[0-9]{4,}$/;

type Json = Record<string, unknown>;

/** A CSAF product_id: the tebiki id prefixed so that it never starts with a digit-only form. */
const productId = (versionId: string) => `TEBIKI-PV-${versionId}`;

function productTree(input: CsafInput): Json {
  return {
    branches: [
      {
        category: 'vendor',
        name: input.vendor,
        branches: [
          {
            category: 'product_name',
            name: input.product,
            branches: input.versions.map((v) => ({
              category: 'product_version',
              name: v.version,
              product: { name: `${input.product} ${v.version}`, product_id: productId(v.id) },
            })),
          },
        ],
      },
    ],
  };
}

function productStatus(v: CsafVulnerability): Json {
  const status: Record<CsafStatus, string[]> = { known_affected: [], known_not_affected: [], fixed: [], under_investigation: [] };
  for (const s of v.statuses) status[s.status].push(productId(s.versionId));
  return Object.fromEntries(Object.entries(status).filter(([, ids]) => ids.length > 0));
}

function remediations(v: CsafVulnerability): Json[] | undefined {
  const affected = v.statuses.filter((s) => s.status === 'known_affected').map((s) => productId(s.versionId));
  if (affected.length === 0) return undefined;
  const remedy = v.remedy ?? { category: 'none_available' as const, details: 'No corrective or mitigating measure is available yet.' };
  return [{ category: remedy.category, details: remedy.details, product_ids: affected, ...(remedy.url ? { url: remedy.url } : {}) }];
}

function flags(v: CsafVulnerability): Json[] | undefined {
  const byLabel = new Map<string, string[]>();
  for (const s of v.statuses) {
    if (s.status !== 'known_not_affected') continue;
    const label = s.justification ?? 'vulnerable_code_not_in_execute_path';
    byLabel.set(label, [...(byLabel.get(label) ?? []), productId(s.versionId)]);
  }
  return byLabel.size > 0 ? [...byLabel].map(([label, product_ids]) => ({ label, product_ids })) : undefined;
}

function vulnerability(v: CsafVulnerability, at: string): Json {
  const all = [v.id, ...v.aliases];
  const cve = all.find((id) => CVE.test(id));
  const ids = all.filter((id) => id !== cve).map((text) => ({ system_name: text.split('-')[0] || 'advisory', text }));
  const affected = v.statuses.filter((s) => s.status === 'known_affected').map((s) => productId(s.versionId));
  const out: Json = {
    ...(cve ? { cve } : {}),
    ...(ids.length > 0 ? { ids } : {}),
    notes: [{ category: 'description', text: v.summary, title: 'Summary' }],
    product_status: productStatus(v),
  };
  const rem = remediations(v);
  if (rem) out.remediations = rem;
  const fl = flags(v);
  if (fl) out.flags = fl;
  if (v.exploited && affected.length > 0) {
    out.threats = [{ category: 'exploit_status', details: 'Actively exploited', date: at, product_ids: affected }];
  }
  return out;
}

/** The CSAF 2.0 document, as a plain JSON object. */
export function buildCsaf(input: CsafInput): Json {
  return {
    document: {
      category: input.profile,
      csaf_version: '2.0',
      lang: input.lang,
      title: input.title,
      publisher: { category: 'vendor', name: input.publisher.name, namespace: input.publisher.namespace },
      tracking: {
        id: input.trackingId,
        status: 'final',
        version: '1',
        initial_release_date: input.at,
        current_release_date: input.at,
        revision_history: [{ number: '1', date: input.at, summary: 'Initial release' }],
        generator: { engine: { name: 'tebiki' }, date: input.at },
      },
    },
    product_tree: productTree(input),
    vulnerabilities: input.vulnerabilities.map((v) => vulnerability(v, input.at)),
  };
}
