import type { StandardSummary, Taxonomy, ThreatCategoryNode } from '../api/browse.types';
import type { Localized } from '../api/types';
import { useLocalize, useT } from '../i18n/i18n';
import type { RequirementFilterKey, RequirementFilters } from '../router/browse-paths';
import { Options } from './forms/options';

interface Option {
  value: string;
  label: string;
}

/** Tree order with depth shown by indentation: a tree select on a plain <select>. */
function categoryOptions(nodes: readonly ThreatCategoryNode[], localize: (text: Localized) => string, depth = 0): Option[] {
  return nodes.flatMap((node) => [
    // Ideographic spaces keep the indentation visible in every browser's option list.
    { value: node.id, label: `${'\u3000'.repeat(depth)}${depth > 0 ? '└ ' : ''}${localize(node.label)}` },
    ...categoryOptions(node.children ?? [], localize, depth + 1),
  ]);
}

function FilterSelect({
  name,
  label,
  value,
  options,
  onChange,
}: {
  name: RequirementFilterKey;
  label: string;
  value: string;
  options: Option[];
  onChange: (name: RequirementFilterKey, value: string) => void;
}) {
  const t = useT();
  const id = `filter-${name}`;
  // A value from the URL that this edition does not know is still shown, so the user sees why nothing matches.
  const known = value === '' || options.some((option) => option.value === value);
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} value={value} onChange={(event) => onChange(name, event.target.value)} className={value ? 'is-set' : undefined}>
        <option value="">{t.browse.filterAny}</option>
        {known ? null : <option value={value}>{value}</option>}
        <Options of={options} value={(option) => option.value} label={(option) => option.label} />
      </select>
    </div>
  );
}

/** The filter controls of the item list; every change goes to `onChange` as a whole new filter set. */
export function RequirementFilterForm({
  taxonomy,
  standards,
  filters,
  onChange,
}: {
  taxonomy: Taxonomy;
  standards: StandardSummary[];
  filters: RequirementFilters;
  onChange: (filters: RequirementFilters) => void;
}) {
  const t = useT();
  const localize = useLocalize();
  const terms = (list: { id: string; label: Localized }[]) => list.map((term) => ({ value: term.id, label: localize(term.label) }));
  const set = (name: RequirementFilterKey, value: string) => {
    const next = { ...filters };
    if (value) next[name] = value;
    else delete next[name];
    onChange(next);
  };
  const active = Object.keys(filters).length > 0;

  return (
    <form className="card filter-form" aria-label={t.browse.filters} onSubmit={(event) => event.preventDefault()}>
      <div className="filter-grid">
        <FilterSelect name="layer" label={t.layer} value={filters.layer ?? ''} options={terms(taxonomy.layers)} onChange={set} />
        <FilterSelect name="stage" label={t.stage} value={filters.stage ?? ''} options={terms(taxonomy.stages)} onChange={set} />
        <FilterSelect name="phase" label={t.phase} value={filters.phase ?? ''} options={terms(taxonomy.phases)} onChange={set} />
        <FilterSelect
          name="threatCategory"
          label={t.threatCategory}
          value={filters.threatCategory ?? ''}
          options={categoryOptions(taxonomy.threatCategories, localize)}
          onChange={set}
        />
        <FilterSelect
          name="standard"
          label={t.standard}
          value={filters.standard ?? ''}
          options={standards.map((standard) => ({ value: standard.id, label: localize(standard.title) }))}
          onChange={set}
        />
        <FilterSelect
          name="applicability"
          label={t.browse.applicability}
          value={filters.applicability ?? ''}
          options={terms(taxonomy.applicability)}
          onChange={set}
        />
      </div>
      <div className="filter-actions">
        <p className="muted filter-hint">{t.browse.threatCategoryHint}</p>
        <button type="button" className="button" onClick={() => onChange({})} disabled={!active}>
          {t.browse.clearFilters}
        </button>
      </div>
    </form>
  );
}
