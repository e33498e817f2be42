import { CheckboxGroup } from '../forms/checkbox-group';
import { useTaxonomyChoices } from '../taxonomy-choices';

type Dimension = 'layers' | 'phases';

/** The layers and phases a proposal, or the item made from it, concerns: two checkbox groups over the edition's taxonomy. */
export function LayerPhaseFields({
  value,
  legends,
  errors,
  onChange,
}: {
  value: Record<Dimension, string[]>;
  legends: Record<Dimension, string>;
  /** Field errors by field name. */
  errors: Partial<Record<string, string>>;
  onChange: (dimension: Dimension, selected: string[]) => void;
}) {
  const choices = useTaxonomyChoices();
  return (
    <>
      {(['layers', 'phases'] as const).map((dimension) => (
        <CheckboxGroup
          key={dimension}
          legend={legends[dimension]}
          choices={choices[dimension]}
          selected={value[dimension]}
          error={errors[dimension]}
          onChange={(selected) => onChange(dimension, selected)}
        />
      ))}
    </>
  );
}
