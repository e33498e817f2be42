import type { MappingHint } from '../../core/attached-text/attached-views.js';
import type { Edition, Localized, Requirement } from '../../core/model/edition.schema.js';
import { flattenThreatCategories } from '../../core/validate-references.js';
import { OSCAL_VERSION, oscalDateTime, stableUuid, TEBIKI_NS } from './oscal-ids.js';

interface Prop {
  name: string;
  value: string;
  ns?: string;
  class?: string;
}
interface Part {
  id: string;
  name: string;
  ns: string;
  class: string;
  title?: string;
  props?: Prop[];
  prose?: string;
  parts?: Part[];
}

export interface CatalogExportOptions {
  /**
   * `--with-attached-text`: the publisher's text of each item's mapped requirements
   * (standards that allow it only), as `publisher-text` parts naming their source.
   */
  hints?: ReadonlyMap<string, readonly MappingHint[]>;
}

const prop = (name: string, value: string, cls?: string): Prop => ({
  name,
  value: value.replace(/\s+/g, ' ').trim(),
  ns: TEBIKI_NS,
  ...(cls ? { class: cls } : {}),
});

/**
 * The guidebook as an OSCAL 1.2 catalog: one group per lifecycle phase (an item
 * sits in the group of its first phase and lists all its phases as props),
 * one control per requirement, props for number, layers, phases, threat
 * category and applicability, and parts for criteria, interpretation and
 * verification in Japanese and in English (part class "ja" / "en").
 */
export function exportOscalCatalog(edition: Edition, options: CatalogExportOptions = {}): { catalog: Record<string, unknown> } {
  const categories = new Map(flattenThreatCategories(edition.taxonomy.threatCategories).map((c) => [c.id, c.label]));
  const groups = edition.taxonomy.phases
    .map((phase) => {
      const controls = edition.requirements
        .filter((r) => r.phases[0] === phase.id)
        .sort((a, b) => a.number.localeCompare(b.number, 'en', { numeric: true }))
        .map((r) => control(r, categories.get(r.threatCategory), options.hints?.get(r.id) ?? []));
      return {
        id: phase.id,
        class: 'phase',
        title: phase.label.ja,
        props: [prop('title-en', phase.label.en), prop('stage', phase.stage)],
        ...(controls.length ? { controls } : {}),
      };
    })
    .filter((g) => g.controls);
  return {
    catalog: {
      uuid: stableUuid(`catalog:${edition.meta.id}`),
      metadata: {
        title: edition.meta.title.ja,
        'last-modified': oscalDateTime(edition.meta.date),
        version: edition.meta.id,
        'oscal-version': OSCAL_VERSION,
        props: [prop('title-en', edition.meta.title.en), prop('edition-status', edition.meta.status)],
        remarks: edition.meta.title.en,
      },
      groups,
    },
  };
}

function control(r: Requirement, category: Localized | undefined, hints: readonly MappingHint[]) {
  const props: Prop[] = [
    { name: 'label', value: r.number },
    prop('title-en', r.title.en),
    ...r.layers.map((l) => prop('layer', l)),
    ...r.phases.map((p) => prop('phase', p)),
    prop('threat-category', r.threatCategory),
    ...(category ? [prop('threat-category-label', category.ja, 'ja'), prop('threat-category-label', category.en, 'en')] : []),
    ...r.applicability.map((a) => prop('applicability', a)),
    ...r.verification.methods.map((m) => prop('verification-method', m)),
  ];
  const parts: Part[] = [];
  for (const lang of ['ja', 'en'] as const) {
    parts.push(part(r.id, 'criteria', lang, r.criteria.map((c) => `- ${c[lang]}`).join('\n')));
    parts.push(
      part(
        r.id,
        'interpretation',
        lang,
        r.interpretation.map((a) => `- ${a.attack[lang]}\n${a.countermeasures.map((c) => `  - ${c[lang]}`).join('\n')}`).join('\n'),
      ),
    );
    parts.push(part(r.id, 'verification', lang, r.verification.steps.map((s, i) => `${i + 1}. ${s[lang]}`).join('\n')));
  }
  for (const [i, h] of hints.entries()) {
    parts.push({
      id: `${r.id}_publisher-text_${i + 1}`,
      name: 'publisher-text',
      ns: TEBIKI_NS,
      class: 'en',
      title: `${h.standard} ${h.requirement}`,
      props: [prop('standard', h.standard), prop('requirement', h.requirement), prop('citation', h.citation)],
      prose: h.statement,
    });
  }
  return { id: r.id, class: 'requirement', title: r.title.ja, props, parts };
}

function part(controlId: string, name: string, lang: 'ja' | 'en', prose: string): Part {
  return { id: `${controlId}_${name}_${lang}`, name, ns: TEBIKI_NS, class: lang, prose };
}
