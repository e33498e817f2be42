import { type ReviewOfMapping, reviewIndex, reviewOf } from '../../core/mapping-review.js';
import type { Edition, Mapping } from '../../core/model/edition.schema.js';
import { OSCAL_VERSION, oscalDateTime, stableUuid, TEBIKI_NS, toToken } from './oscal-ids.js';

/**
 * The guidebook's mappings as an OSCAL 1.2 mapping collection: one mapping per
 * target standard, the guidebook catalog as source, one map per link with the
 * OSCAL relationship and the rationale (ja and en) as remarks. Standard
 * requirement ids that are not OSCAL tokens are turned into tokens and the
 * original id is kept in an "original-id" prop.
 */
export function exportOscalMapping(
  edition: Edition,
  catalogHref = `tebiki-catalog-${edition.meta.id}.json`,
): { 'mapping-collection': Record<string, unknown> } {
  const reviews = reviewIndex(edition);
  const mappings = edition.standards
    .map((standard) => {
      const maps = edition.requirements.flatMap((r) =>
        r.mappings
          .filter((m) => m.standard === standard.id)
          .map((m) => ({
            uuid: stableUuid(`map:${edition.meta.id}:${r.id}:${m.standard}:${m.requirement}`),
            // OSCAL's vocabulary is set theory only: a supportive link claims no set relationship and says so in a prop.
            relationship: m.relationship === 'supports' ? 'no-relationship' : m.relationship,
            ...mapProps(m, reviewOf(reviews, r.id, m.standard, m.requirement)),
            sources: [{ type: 'control', 'id-ref': r.id }],
            targets: [
              {
                type: 'control',
                'id-ref': toToken(m.requirement),
                props: [{ name: 'original-id', value: m.requirement, ns: TEBIKI_NS }],
              },
            ],
            remarks: `ja: ${m.rationale.ja}\n\nen: ${m.rationale.en}`,
          })),
      );
      if (maps.length === 0) return null;
      return {
        uuid: stableUuid(`mapping:${edition.meta.id}:${standard.id}`),
        'source-resource': { type: 'catalog', href: catalogHref },
        'target-resource': {
          type: 'catalog',
          href: `urn:tebiki:standard:${standard.id}`,
          props: [{ name: 'title-en', value: standard.title.en, ns: TEBIKI_NS }],
          remarks: `${standard.title.en} (${standard.version}). Identifiers only; titles are tebiki's own wording.`,
        },
        maps,
      };
    })
    .filter((m) => m !== null);
  return {
    'mapping-collection': {
      uuid: stableUuid(`mapping-collection:${edition.meta.id}`),
      metadata: {
        title: `${edition.meta.title.ja} 標準との対応`,
        'last-modified': oscalDateTime(edition.meta.date),
        version: edition.meta.id,
        'oscal-version': OSCAL_VERSION,
        remarks: `${edition.meta.title.en}: mappings to standards`,
      },
      provenance: {
        method: 'human',
        'matching-rationale': 'semantic',
        status: 'complete',
        'mapping-description':
          'Each guidebook requirement is related to standard requirements with the OSCAL relationship vocabulary; the relationship describes the guidebook item relative to the standard requirement.',
      },
      mappings,
    },
  };
}

/** Props of one map: the supportive relationship (NIST IR 8477) and the review state. */
function mapProps(m: Mapping, review: ReviewOfMapping): { props?: { name: string; value: string; ns: string }[] } {
  const props: { name: string; value: string; ns: string }[] = [];
  if (m.relationship === 'supports') props.push({ name: 'supportive-relationship', value: 'supports', ns: TEBIKI_NS });
  props.push({ name: 'review-state', value: review.state, ns: TEBIKI_NS });
  if (review.by) props.push({ name: 'reviewed-by', value: review.by, ns: TEBIKI_NS });
  if (review.date) props.push({ name: 'review-date', value: review.date, ns: TEBIKI_NS });
  return { props };
}
