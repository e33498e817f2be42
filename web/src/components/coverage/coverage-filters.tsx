import { labelFor, useLocalize, useT } from '../../i18n/i18n';
import { LabelledSelect } from '../forms/labelled-select';
import type { CoverageFilterOptions } from './coverage.types';
import type { CoverageQuery } from './coverage-query';

interface Props {
  options: CoverageFilterOptions;
  query: CoverageQuery;
  onChange: (query: CoverageQuery) => void;
}

function without<K extends keyof CoverageQuery>(query: CoverageQuery, key: K, value: CoverageQuery[K] | ''): CoverageQuery {
  const next = { ...query };
  if (value === '' || value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/** A drop-down filter: the query field it is kept in, its label and its `[value, text]` choices. */
interface SelectFilter {
  field: 'sl' | 'componentType' | 'status';
  label: string;
  choices: [string, string][];
}

/** Which conditions hold for the product: off = every conditional provision counts. */
function ConditionFilter({ options, query, onChange }: Props) {
  const t = useT();
  const localize = useLocalize();
  const held = query.conditions;
  const toggle = (id: string, on: boolean) => {
    const next = new Set(held ?? []);
    if (on) next.add(id);
    else next.delete(id);
    onChange({ ...query, conditions: options.conditions.map((c) => c.id).filter((c) => next.has(c)) });
  };
  return (
    <fieldset className="cov-conditions">
      <legend>{t.coverage.conditions}</legend>
      <label className="cov-check cov-conditions-toggle">
        <input type="checkbox" checked={held !== undefined} onChange={(e) => onChange(without(query, 'conditions', e.target.checked ? [] : undefined))} />
        {t.coverage.conditionsToggle}
      </label>
      <p className="field-hint">{t.coverage.conditionsHint}</p>
      <ul className="cov-condition-list">
        {options.conditions.map((c) => (
          <li key={c.id}>
            <label className="cov-check">
              <input type="checkbox" disabled={held === undefined} checked={held?.includes(c.id) ?? false} onChange={(e) => toggle(c.id, e.target.checked)} />
              <span className="cov-id">{c.id}</span> {localize(c.label)}
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

/** The filters this standard supports (from the server's filterOptions), kept in the URL. */
export function CoverageFilters({ options, query, onChange }: Props) {
  const t = useT();
  const hasAny = options.securityLevels.length + options.componentTypes.length + options.statuses.length + options.conditions.length > 0;
  if (!hasAny) return null;
  const isFiltered = Object.keys(query).length > 0;
  const selects: SelectFilter[] = [
    { field: 'sl', label: t.coverage.securityLevel, choices: options.securityLevels.map((l) => [String(l), `SL ${l}`]) },
    { field: 'componentType', label: t.coverage.componentType, choices: options.componentTypes.map((c) => [c, labelFor(t.coverage.componentTypes, c)]) },
    { field: 'status', label: t.coverage.requirementStatus, choices: options.statuses.map((s) => [s, labelFor(t.browse.nodeStatuses, s)]) },
  ];
  return (
    <section className="card cov-filters" aria-labelledby="cov-filters-title">
      <div className="cov-section-head">
        <h2 id="cov-filters-title">{t.coverage.filters}</h2>
        {isFiltered ? (
          <button type="button" className="button button-ghost" onClick={() => onChange({})}>
            {t.coverage.clearFilters}
          </button>
        ) : null}
      </div>
      <div className="cov-filter-row">
        {selects.map(({ field, label, choices }) =>
          // A standard without values for a filter (no security levels, say) shows no drop-down for it; the empty choice is "any".
          choices.length === 0 ? null : (
            <LabelledSelect
              key={field}
              label={label}
              value={query[field] ?? ''}
              choices={choices}
              onChange={(v) => onChange(without(query, field, v))}
              empty={t.coverage.any}
              className="cov-filter"
            />
          ),
        )}
      </div>
      {options.conditions.length > 0 ? <ConditionFilter options={options} query={query} onChange={onChange} /> : null}
    </section>
  );
}
