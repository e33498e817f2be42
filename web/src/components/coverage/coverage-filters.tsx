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

/** A filter's drop-down; the empty choice is "any". */
function Select(props: { label: string; value: string; choices: [string, string][]; onChange: (value: string) => void }) {
  const t = useT();
  return <LabelledSelect {...props} empty={t.coverage.any} className="cov-filter" />;
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
        {options.securityLevels.length > 0 ? (
          <Select
            label={t.coverage.securityLevel}
            value={query.sl ?? ''}
            choices={options.securityLevels.map((l) => [String(l), `SL ${l}`])}
            onChange={(v) => onChange(without(query, 'sl', v))}
          />
        ) : null}
        {options.componentTypes.length > 0 ? (
          <Select
            label={t.coverage.componentType}
            value={query.componentType ?? ''}
            choices={options.componentTypes.map((c) => [c, labelFor(t.coverage.componentTypes, c)])}
            onChange={(v) => onChange(without(query, 'componentType', v))}
          />
        ) : null}
        {options.statuses.length > 0 ? (
          <Select
            label={t.coverage.requirementStatus}
            value={query.status ?? ''}
            choices={options.statuses.map((s) => [s, labelFor(t.browse.nodeStatuses, s)])}
            onChange={(v) => onChange(without(query, 'status', v))}
          />
        ) : null}
      </div>
      {options.conditions.length > 0 ? <ConditionFilter options={options} query={query} onChange={onChange} /> : null}
    </section>
  );
}
