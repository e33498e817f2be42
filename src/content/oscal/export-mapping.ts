import type { Edition } from '../../core/model/edition.schema.js';
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
  const mappings = edition.standards
    .map((standard) => {
      const maps = edition.requirements.flatMap((r) =>
        r.mappings
          .filter((m) => m.standard === standard.id)
          .map((m) => ({
            uuid: stableUuid(`map:${edition.meta.id}:${r.id}:${m.standard}:${m.requirement}`),
            relationship: m.relationship,
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
