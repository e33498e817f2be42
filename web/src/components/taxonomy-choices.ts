import { LAYERS, PHASES } from '../../../src/core/taxonomy.js';
import { useEdition } from '../edition/edition';
import { useLocalize } from '../i18n/i18n';
import type { Choice } from './forms/checkbox-group';

/** Layers and phases as labelled choices in the UI language. */
export function useTaxonomyChoices(): { layers: Choice[]; phases: Choice[]; layerLabel: (id: string) => string; phaseLabel: (id: string) => string } {
  const edition = useEdition();
  const localize = useLocalize();
  const layerLabel = (id: string) => localize(edition.layer(id)?.label) || id;
  const phaseLabel = (id: string) => localize(edition.phase(id)?.label) || id;
  return {
    layers: LAYERS.map((id) => ({ id, label: layerLabel(id) })),
    phases: PHASES.map((id) => ({ id, label: phaseLabel(id) })),
    layerLabel,
    phaseLabel,
  };
}
