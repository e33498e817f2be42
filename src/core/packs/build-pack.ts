import type { AssessmentView } from '../assessment/assessment.types.js';
import { reachedStandards } from '../assessment/checksheet.js';
import { derivedView } from '../assessment/derived-view.js';
import type { DerivedResult, DerivedView } from '../assessment/results.types.js';
import { VERDICTS, type Verdict } from '../assessment/verdicts.js';
import { AppError } from '../errors.js';
import type { Edition, Localized, Standard } from '../model/edition.schema.js';
import { evaluationOf } from './jc-star-evaluation.js';
import { evidenceOf, nodesById } from './pack-evidence.js';
import {
  type CraPack,
  type CraRequirementRow,
  type EtsiPack,
  type IcsRow,
  type JcStarPack,
  PACK_STANDARD,
  type Pack,
  type PackFacts,
  type PackHeader,
  type PackScheme,
} from './pack.types.js';
import { packCheck, productGaps, requirementGaps } from './self-check.js';

export const SCHEME_LABELS: Readonly<Record<PackScheme, Localized>> = {
  'jc-star-1': { ja: 'JC-STAR ★1 自己適合宣言チェックリスト', en: 'JC-STAR ★1 self-declaration checklist' },
  'etsi-en-303-645': { ja: 'ETSI EN 303 645 実装適合性宣言（ICS）', en: 'ETSI EN 303 645 implementation conformance statement (ICS)' },
  'eu-cra': { ja: 'EU CRA 技術文書の骨子と EU 適合宣言書（ドラフト）', en: 'EU CRA technical documentation outline and draft EU declaration of conformity' },
};

export interface PackInput {
  edition: Edition;
  assessment: AssessmentView;
  facts: PackFacts;
  now: Date;
}

/** The pack content of one scheme, with its self-check. Throws not-found when the edition lacks the scheme's standard. */
export function buildPack(scheme: PackScheme, input: PackInput): Pack {
  const standard = input.edition.standards.find((s) => s.id === PACK_STANDARD[scheme]);
  if (!standard) throw new AppError('not-found', `edition ${input.edition.meta.id} has no standard ${PACK_STANDARD[scheme]}`);
  const view = derivedView(input.edition, input.assessment.items, input.assessment.answers, standard.id);
  const header = packHeader(scheme, standard, input);
  if (scheme === 'jc-star-1') return jcStarPack(header, standard, view, input);
  if (scheme === 'etsi-en-303-645') return etsiPack(header, standard, view, input);
  return craPack(header, view, input);
}

function packHeader(scheme: PackScheme, standard: Standard, { assessment: a, facts, now }: PackInput): PackHeader {
  return {
    scheme,
    schemeLabel: SCHEME_LABELS[scheme],
    standard: { id: standard.id, title: standard.title, version: standard.version },
    assessment: { id: a.id, title: a.title, status: a.status, finalisedAt: a.finalisedAt, contentHash: a.contentHash, editionId: a.edition.id },
    organisation: a.organisation,
    product: { id: a.product.id, name: a.product.name, model: a.product.model, version: facts.productVersion?.version ?? a.productVersion },
    generatedAt: now.toISOString(),
  };
}

function jcStarPack(header: PackHeader, standard: Standard, view: DerivedView, input: PackInput): JcStarPack {
  const nodes = nodesById(standard);
  const toEvidence = evidenceOf(input.assessment);
  const rows = view.requirements.map((r) => {
    const node = nodes.get(r.id);
    return {
      id: r.id,
      title: r.title,
      result: r.result,
      pending: node?.unconfirmed === true || node?.confidence === 'recall',
      evaluation: evaluationOf(r.id),
      evidence: toEvidence(r.carried),
      partialEvidence: toEvidence(r.partialEvidence),
    };
  });
  const gaps = [
    ...requirementGaps(rows.map((r) => ({ id: r.id, result: r.result, pending: r.pending, mustBeMet: true }))),
    ...productGaps(input.facts, { supportPeriod: true, sbom: false, craCases: false }),
  ];
  return { scheme: 'jc-star-1', header, check: packCheck(gaps), rows };
}

function supportOf(result: DerivedResult): IcsRow['support'] {
  if (result === 'met') return 'yes';
  if (result === 'partially-met') return 'partly';
  if (result === 'not-met') return 'no';
  if (result === 'not-applicable') return 'not-applicable';
  return 'unknown';
}

/** M, R, M C(1), R C(1, 2): the status as a conformance statement writes it. */
export function icsStatus(status: string | null | undefined, conditions: readonly string[]): string {
  const base = status === 'mandatory' ? 'M' : status === 'recommended' ? 'R' : (status ?? '');
  return conditions.length > 0 ? `${base} C(${conditions.join(', ')})` : base;
}

function etsiPack(header: PackHeader, standard: Standard, view: DerivedView, input: PackInput): EtsiPack {
  const nodes = nodesById(standard);
  const toEvidence = evidenceOf(input.assessment);
  const rows: IcsRow[] = view.requirements
    .filter((r) => r.kind === 'provision')
    .map((r) => {
      const node = nodes.get(r.id);
      const conditions = node?.conditions ?? [];
      return {
        id: r.id,
        groupId: r.groupId,
        title: r.title,
        status: icsStatus(r.status, conditions),
        conditions: conditions.map((id) => ({ id, label: standard.conditions?.[id] ?? { ja: id, en: id } })),
        applicable: r.result !== 'not-applicable',
        support: supportOf(r.result),
        result: r.result,
        evidence: toEvidence(r.carried),
        partialEvidence: toEvidence(r.partialEvidence),
      };
    });
  const gaps = [
    ...requirementGaps(rows.map((r) => ({ id: r.id, result: r.result, pending: nodes.get(r.id)?.unconfirmed === true, mustBeMet: r.status.startsWith('M') }))),
    ...productGaps(input.facts, { supportPeriod: true, sbom: false, craCases: false }),
  ];
  return { scheme: 'etsi-en-303-645', header, check: packCheck(gaps), rows };
}

function craPack(header: PackHeader, view: DerivedView, input: PackInput): CraPack {
  const toEvidence = evidenceOf(input.assessment);
  const rows: CraRequirementRow[] = view.requirements
    .filter((r) => r.kind === 'requirement')
    .map((r) => ({
      id: r.id,
      part: r.id.startsWith('II.') ? 'II' : 'I',
      title: r.title,
      result: r.result,
      applicable: r.result !== 'not-applicable',
      evidence: toEvidence(r.carried),
      partialEvidence: toEvidence(r.partialEvidence),
    }));
  const gaps = [
    ...requirementGaps(rows.map((r) => ({ id: r.id, result: r.result, pending: false, mustBeMet: true }))),
    ...productGaps(input.facts, { supportPeriod: true, sbom: true, craCases: true }),
  ];
  const counts = Object.fromEntries(VERDICTS.map((v) => [v, 0])) as Record<Verdict, number>;
  for (const a of input.assessment.answers) counts[a.verdict] += 1;
  const standardsApplied = reachedStandards(input.edition, input.assessment.items)
    .filter((s) => s.id !== PACK_STANDARD['eu-cra'])
    .map((s) => ({ id: s.id, title: s.title, version: s.version }));
  return {
    scheme: 'eu-cra',
    header,
    check: packCheck(gaps),
    partI: rows.filter((r) => r.part === 'I'),
    partII: rows.filter((r) => r.part === 'II'),
    facts: input.facts,
    verdictCounts: counts,
    standardsApplied,
  };
}
