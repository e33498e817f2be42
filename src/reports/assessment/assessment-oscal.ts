import type { Answer, AssessmentView } from '../../core/assessment/assessment.types.js';
import { VERDICT_LABELS } from '../../core/vocabulary-labels.js';
import type { ChecksheetItem } from '../../core/assessment/checksheet.types.js';
import type { Verdict } from '../../core/assessment/verdicts.js';
import type { VerificationMethod } from '../../core/taxonomy.js';
import { OSCAL_VERSION, oscalDateTime, stableUuid, TEBIKI_NS, toToken } from '../../content/oscal/oscal-ids.js';
import { evidenceText, type ReportProbeRun } from './probe-runs-section.js';
import type { AssessmentReportData } from './report-data.js';

/**
 * One assessment as an OSCAL 1.2.1 assessment-results document.
 *
 * - Controls are the guidebook items under the ids of our OSCAL catalog
 *   (export-catalog.ts: the requirement id, as a token); reviewed-controls
 *   lists every checked item.
 * - Every item gets an observation: the evidence as description, the comment
 *   (for 対象外 the reason) as remarks, the verdict and flags as props, the
 *   attachments as relevant-evidence pointing at back-matter resources that
 *   carry the SHA-256.
 * - Only decided verdicts that say something about the product become
 *   findings, targeting the item itself as the objective: pass → satisfied,
 *   fail → not-satisfied, partial → not-satisfied with the prop
 *   verdict=partial. OSCAL's finding status has no "not applicable" or "open"
 *   state, so not-applicable, unassessed and needs-review items have no
 *   finding; their observation's verdict prop says which.
 * - There is no separate assessment plan: import-ap points at a URN naming
 *   the assessment (a placeholder, said so in its remarks); the scope
 *   (checksheet spec) travels in the result's props.
 * - UUIDs are name-based over the assessment id and the item, so the same
 *   assessment always exports the same document (the generation time is left
 *   out for the same reason).
 * - Markup fields (CommonMark) get &, < and > as character references, so an
 *   assessor's text never turns into HTML in an OSCAL viewer.
 */
export function assessmentResultsOscal(data: AssessmentReportData): { 'assessment-results': Record<string, unknown> } {
  const a = data.assessment;
  const ids = uuids(a);
  const answers = new Map(a.answers.map((x) => [x.requirementId, x]));
  const checked = a.items.map((item) => ({ item, answer: answers.get(item.requirementId) }));
  const probe = probeObservations(a, ids, data.probeRuns);
  const observations = [...checked.map(({ item, answer }) => observation(a, ids, item, answer)), ...probe.map((p) => p.observation)];
  const findings = checked.flatMap(({ item, answer }) =>
    answer && FINDING_STATE[answer.verdict]
      ? [
          finding(
            ids,
            item,
            answer,
            probe.filter((p) => p.requirements.includes(item.requirementId)).map((p) => p.observation.uuid),
          ),
        ]
      : [],
  );
  const resources = checked.flatMap(({ answer }) =>
    (answer?.attachments ?? []).map((f) => ({
      uuid: ids.attachment(f.id),
      title: line(f.filename),
      description: markup(`${f.filename} (${f.size} bytes, SHA-256 ${f.sha256})`),
      props: props([
        ['media-type', f.mediaType],
        ['size', String(f.size)],
        ['uploaded-at', f.uploadedAt],
      ]),
      rlinks: [{ href: attachmentHref(a.id, f.id), 'media-type': f.mediaType, hashes: [{ algorithm: 'SHA-256', value: f.sha256 }] }],
    })),
  );
  return {
    'assessment-results': {
      uuid: ids.document,
      metadata: metadata(a, ids),
      'import-ap': {
        href: `urn:tebiki:assessment-plan:${encodeURIComponent(a.id)}`,
        remarks: 'Placeholder: tebiki keeps no separate assessment plan. The scope (the checksheet specification) is in the result props.',
      },
      results: [
        {
          uuid: ids.result,
          title: line(a.title),
          description: markup(`${a.product.name}${a.productVersion ? ` ${a.productVersion}` : ''} — ${a.edition.title.ja} (${a.edition.id})`),
          start: oscalDateTime(a.createdAt),
          end: oscalDateTime(a.finalisedAt ?? a.updatedAt),
          props: resultProps(data),
          'local-definitions': { components: [productComponent(a, ids)] },
          'reviewed-controls': {
            'control-selections': [
              a.items.length > 0
                ? { 'include-controls': a.items.map((i) => ({ 'control-id': toToken(i.requirementId) })) }
                : { 'include-all': {}, remarks: 'The checksheet has no items.' },
            ],
          },
          ...(observations.length ? { observations } : {}),
          ...(findings.length ? { findings } : {}),
        },
      ],
      ...(resources.length ? { 'back-matter': { resources } } : {}),
    },
  };
}

const FINDING_STATE: Readonly<Partial<Record<Verdict, { state: 'satisfied' | 'not-satisfied'; reason: string }>>> = {
  pass: { state: 'satisfied', reason: 'pass' },
  partial: { state: 'not-satisfied', reason: 'other' },
  fail: { state: 'not-satisfied', reason: 'fail' },
};

const OBSERVATION_METHODS: Readonly<Record<VerificationMethod, string>> = {
  'document-review': 'EXAMINE',
  interview: 'INTERVIEW',
  test: 'TEST',
  'automated-probe': 'TEST',
};

function uuids(a: AssessmentView) {
  const base = `assessment:${a.id}`;
  return {
    document: stableUuid(`${base}:assessment-results`),
    result: stableUuid(`${base}:result`),
    product: stableUuid(`product:${a.product.id}`),
    organisation: stableUuid(`organisation:${a.organisation.id}`),
    assessor: a.assessor ? stableUuid(`user:${a.assessor.id}`) : null,
    observation: (requirementId: string) => stableUuid(`${base}:observation:${requirementId}`),
    finding: (requirementId: string) => stableUuid(`${base}:finding:${requirementId}`),
    attachment: (attachmentId: string) => stableUuid(`${base}:attachment:${attachmentId}`),
  };
}
type Ids = ReturnType<typeof uuids>;

/** OSCAL strings and markup lines: one line, trimmed, never empty. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim() || '-';
}
const escapeMarkup = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const line = (text: string) => escapeMarkup(oneLine(text));
const markup = (text: string) => escapeMarkup(text);

type PropSpec = [name: string, value: string | null | undefined, cls?: string];
/** Props in our namespace; blank values are left out (OSCAL wants a non-empty value). */
function props(list: readonly PropSpec[]): { name: string; value: string; ns: string; class?: string }[] {
  return list
    .filter(([, value]) => value !== null && value !== undefined && value.trim() !== '')
    .map(([name, value, cls]) => ({ name, value: oneLine(value ?? ''), ns: TEBIKI_NS, ...(cls ? { class: cls } : {}) }));
}

function metadata(a: AssessmentView, ids: Ids) {
  const parties: Record<string, unknown>[] = [{ uuid: ids.organisation, type: 'organization', name: oneLine(a.organisation.name) }];
  if (a.assessor && ids.assessor) parties.push({ uuid: ids.assessor, type: 'person', name: oneLine(a.assessor.displayName) });
  return {
    title: line(a.title),
    'last-modified': oscalDateTime(a.finalisedAt ?? a.updatedAt),
    version: String(a.version),
    'oscal-version': OSCAL_VERSION,
    props: props([
      ['assessment-id', a.id],
      ['assessment-status', a.status],
      ['content-hash', a.contentHash],
      ['edition-id', a.edition.id],
      ['carried-from', a.carriedFrom],
    ]),
    roles: [
      { id: 'prepared-for', title: 'Organisation whose product is assessed (診断対象の組織)' },
      { id: 'assessor', title: 'Assessor (診断者)' },
    ],
    parties,
    'responsible-parties': [
      { 'role-id': 'prepared-for', 'party-uuids': [ids.organisation] },
      ...(ids.assessor ? [{ 'role-id': 'assessor', 'party-uuids': [ids.assessor] }] : []),
    ],
  };
}

function resultProps(data: AssessmentReportData) {
  const { spec } = data.assessment;
  const t = spec.target;
  const overall = data.scores.overall;
  return props([
    ...spec.layers.map((l): PropSpec => ['scope-layer', l]),
    ...spec.phases.map((p): PropSpec => ['scope-phase', p]),
    ...(spec.profile ?? []).map((c): PropSpec => ['scope-profile-condition', c]),
    ['scope-target-standard', t?.standard],
    ['scope-security-level', t?.securityLevel !== undefined ? String(t.securityLevel) : null],
    ['scope-component-type', t?.componentType],
    ['scope-mandatory-only', t?.mandatoryOnly ? 'true' : null],
    ['score', overall.score === null ? null : overall.score.toFixed(4)],
    ['completion', overall.completion.toFixed(4)],
    ...data.readiness.map((r): PropSpec => ['readiness', r.state, r.scheme]),
  ]);
}

function productComponent(a: AssessmentView, ids: Ids) {
  return {
    uuid: ids.product,
    type: 'this-system',
    title: line(a.product.name),
    description: markup([a.product.name, a.product.model, a.productVersion].filter(Boolean).join(' / ')),
    props: props([
      ['product-model', a.product.model],
      ['product-version', a.productVersion],
    ]),
    status: { state: 'other', remarks: 'The product under assessment; its operational state is not recorded.' },
  };
}

function origins(ids: Ids) {
  return ids.assessor ? { origins: [{ actors: [{ type: 'party', 'actor-uuid': ids.assessor }] }] } : {};
}

function observation(a: AssessmentView, ids: Ids, item: ChecksheetItem, answer: Answer | undefined) {
  const verdict = answer?.verdict ?? 'unassessed';
  const evidence = answer?.attachments.map((f) => ({
    href: `#${ids.attachment(f.id)}`,
    description: markup(`${f.filename} (${f.size} bytes, SHA-256 ${f.sha256})`),
  }));
  return {
    uuid: ids.observation(item.requirementId),
    title: line(`${item.no} ${item.title.ja}`),
    description: markup(answer?.evidence.trim() ? answer.evidence : '(根拠の記載なし / no evidence recorded)'),
    props: props([
      ['item-no', item.no],
      ['requirement-id', item.requirementId],
      ['item-hash', item.hash],
      ['verdict', verdict],
      ['verdict-label', VERDICT_LABELS[verdict].ja, 'ja'],
      ['defect-kind', answer?.defect?.kind],
      ['defect-note', answer?.defect?.note],
      ['review', answer?.review],
      ['previous-verdict', answer?.previousVerdict],
    ]),
    methods: [...new Set(item.method.methods.map((m) => OBSERVATION_METHODS[m]))],
    types: ['control-objective'],
    ...origins(ids),
    subjects: [{ 'subject-uuid': ids.product, type: 'component' }],
    ...(evidence?.length ? { 'relevant-evidence': evidence } : {}),
    collected: oscalDateTime(answer?.updatedAt ?? a.updatedAt),
    ...(answer?.comment.trim() ? { remarks: markup(answer.comment) } : {}),
  };
}

/**
 * Every finding of every probe run as an observation of type `finding`, method
 * TEST, collected at the probe's own time, with the evidence (trimmed JSON) and
 * a link to the run. The item findings list the probe observations of the
 * checks linked to them.
 */
function probeObservations(a: AssessmentView, ids: Ids, runs: readonly ReportProbeRun[]) {
  return runs.flatMap((run) =>
    run.findings.map((f, i) => ({
      requirements: f.requirements.map((q) => q.id),
      observation: {
        uuid: stableUuid(`assessment:${a.id}:probe-run:${run.id}:finding:${i}`),
        title: line(`${f.check} ${f.target}`),
        description: markup(`${f.summary.ja} / ${f.summary.en}`),
        props: props([
          ['probe-run-id', run.id],
          ['scope-name', run.scope.name],
          ['scope-sha256', run.scope.sha256],
          ['scope-authorised-by', run.scope.authorisedBy],
          ['check', f.check],
          ['check-version', String(f.checkVersion)],
          ['target', f.target],
          ['finding-verdict', f.verdict],
          ...f.requirements.map((q): PropSpec => ['requirement-id', q.id, q.coverage]),
        ]),
        methods: ['TEST'],
        types: ['finding'],
        subjects: [{ 'subject-uuid': ids.product, type: 'component' }],
        'relevant-evidence': [{ href: probeRunHref(a.id, run.id), description: markup(evidenceText(f.evidence)) }],
        collected: oscalDateTime(f.at),
      },
    })),
  );
}

function probeRunHref(assessmentId: string, runId: string): string {
  return `/api/assessments/${encodeURIComponent(assessmentId)}/probe-runs/${encodeURIComponent(runId)}`;
}

function finding(ids: Ids, item: ChecksheetItem, answer: Answer, probeObservationUuids: string[] = []) {
  const status = FINDING_STATE[answer.verdict];
  if (!status) throw new Error(`no finding for verdict ${answer.verdict}`);
  const label = VERDICT_LABELS[answer.verdict];
  return {
    uuid: ids.finding(item.requirementId),
    title: line(`${item.no} ${item.title.ja}`),
    description: markup(`判定: ${label.ja} / Verdict: ${label.en}`),
    props: props([['verdict', answer.verdict]]),
    ...origins(ids),
    target: { type: 'objective-id', 'target-id': toToken(item.requirementId), status },
    'related-observations': [ids.observation(item.requirementId), ...probeObservationUuids].map((uuid) => ({ 'observation-uuid': uuid })),
  };
}

function attachmentHref(assessmentId: string, attachmentId: string): string {
  // Relative to the tebiki server that exported the document (the download API).
  return `/api/assessments/${encodeURIComponent(assessmentId)}/attachments/${encodeURIComponent(attachmentId)}`;
}
