import { useId } from 'react';
import { type ChecksheetItem, VERDICTS } from '../api/assessment.types';
import { LabelledSelect } from '../components/forms/labelled-select';
import { useTaxonomyChoices } from '../components/taxonomy-choices';
import { useLocalize, useT } from '../i18n/i18n';
import type { WorkspaceMessages } from '../i18n/messages-workspace';
import { EMPTY_FILTER, ITEM_STATES, isFiltered, type WorkspaceFilter } from './workspace-filter';

interface FilterBarProps {
  items: readonly ChecksheetItem[];
  filter: WorkspaceFilter;
  w: WorkspaceMessages;
  shown: number;
  targetStandard: string | null;
  onChange: (filter: WorkspaceFilter) => void;
}

function toggle<T>(list: readonly T[], value: T, on: boolean): T[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

/** Search, state and verdict chips, and facets; every change goes to the URL. */
export function FilterBar({ items, filter, w, shown, targetStandard, onChange }: FilterBarProps) {
  const t = useT();
  const id = useId();
  const localize = useLocalize();
  const { layers, phases } = useTaxonomyChoices();
  const categories = new Map(items.map((i) => [i.threatCategory.id, localize(i.threatCategory.label)] as const));
  const requirements = [...new Set(items.flatMap((i) => i.targetLinks.map((l) => l.requirement)))];
  const select = (key: 'layer' | 'phase' | 'threatCategory' | 'standard', label: string, options: [string, string][]) => (
    <LabelledSelect
      label={label}
      value={filter[key]}
      choices={options}
      onChange={(value) => onChange({ ...filter, [key]: value })}
      empty={w.any}
      className="field filter-select"
    />
  );
  return (
    <section className="filter-bar" aria-label={w.filters}>
      <div className="field filter-search">
        <label htmlFor={`${id}-q`}>{w.search}</label>
        <input
          id={`${id}-q`}
          type="search"
          data-workspace-search=""
          value={filter.q}
          aria-describedby={`${id}-q-hint`}
          onChange={(e) => onChange({ ...filter, q: e.currentTarget.value })}
        />
        <p className="field-hint" id={`${id}-q-hint`}>
          {w.searchHint}
        </p>
      </div>
      <fieldset className="filter-chips">
        <legend className="visually-hidden">{w.filters}</legend>
        {ITEM_STATES.map((s) => (
          <label key={s} className="chip">
            <input
              type="checkbox"
              checked={filter.states.includes(s)}
              onChange={(e) => onChange({ ...filter, states: toggle(filter.states, s, e.currentTarget.checked) })}
            />
            {w.states[s]}
          </label>
        ))}
      </fieldset>
      <fieldset className="filter-chips">
        <legend>{w.verdictFilter}</legend>
        {VERDICTS.map((v) => (
          <label key={v} className={`chip verdict-${v}`}>
            <input
              type="checkbox"
              checked={filter.verdicts.includes(v)}
              onChange={(e) => onChange({ ...filter, verdicts: toggle(filter.verdicts, v, e.currentTarget.checked) })}
            />
            {t.assessments.verdicts[v]}
          </label>
        ))}
      </fieldset>
      <div className="filter-selects">
        {select(
          'layer',
          w.layer,
          layers.map((l) => [l.id, l.label]),
        )}
        {select(
          'phase',
          w.phase,
          phases.map((p) => [p.id, p.label]),
        )}
        {select('threatCategory', w.threatCategory, [...categories.entries()])}
        {targetStandard && requirements.length > 0
          ? select(
              'standard',
              w.standard(targetStandard),
              requirements.map((r) => [r, r]),
            )
          : null}
      </div>
      <p className="filter-count" role="status">
        {w.shown(shown, items.length)}{' '}
        {isFiltered(filter) ? (
          <button type="button" className="button button-ghost" onClick={() => onChange(EMPTY_FILTER)}>
            {w.clearFilters}
          </button>
        ) : null}
      </p>
    </section>
  );
}
