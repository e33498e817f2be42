import type { LandscapeEntryView, LandscapeView } from '../../../src/core/landscape.js';
import type { LandscapeAxis, LandscapeKind } from '../../../src/core/model/landscape.schema.js';
import type { Localized } from '../api/types';
import { useApi } from '../api/use-api';
import { ConfidenceBadge } from '../components/confidence-badge';
import { ErrorView, Loading, Notice } from '../components/status';
import { useLocalize, useT } from '../i18n/i18n';
import { standardPath } from '../router/browse-paths';
import { Link, navigate, useLocation } from '../router/router';
import { useSession } from '../session/session';
import { Options } from '../components/forms/options';
import { PageSection } from '../components/page-section';
import { ScrollTable } from '../components/tables/scroll-table';
import '../styles/browse.css';
import '../styles/landscape.css';

/** GET /api/landscape: the core's view and the edition it was joined with. */
interface LandscapeAnswer extends LandscapeView {
  edition: { id: string; title: Localized } | null;
}

// The core's LANDSCAPE_KINDS lives beside its zod schema, which the browser bundle does without.
const KINDS: readonly LandscapeKind[] = ['standard', 'regulation', 'certification-scheme', 'guideline'];

type FilterKey = 'sector' | 'level';

function readFilter(search: string): Partial<Record<FilterKey, string>> {
  const params = new URLSearchParams(search);
  const out: Partial<Record<FilterKey, string>> = {};
  for (const key of ['sector', 'level'] as const) {
    const value = params.get(key);
    if (value) out[key] = value;
  }
  return out;
}

function filterQuery(filter: Partial<Record<FilterKey, string>>): string {
  const params = new URLSearchParams();
  if (filter.sector) params.set('sector', filter.sector);
  if (filter.level) params.set('level', filter.level);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The element id of an entry's description below the grid. */
const entryAnchor = (id: string) => `landscape-${id}`;

function KindTag({ kind }: { kind: LandscapeKind }) {
  const t = useT();
  return (
    <span className={`landscape-kind-tag kind-${kind}`} title={t.landscape.kinds[kind]}>
      <span aria-hidden="true">{t.landscape.kindShort[kind]}</span>
      <span className="visually-hidden">{t.landscape.kinds[kind]}: </span>
    </span>
  );
}

/** One entry in a grid cell: to its standard page when the guidebook maps it, else to its description. */
function EntryChip({ entry }: { entry: LandscapeEntryView }) {
  const t = useT();
  const mapped = entry.catalog?.loaded === true;
  const className = `landscape-chip kind-${entry.kind}${mapped ? ' is-mapped' : ''}${entry.confidence === 'recall' ? ' is-recall' : ''}`;
  const body = (
    <>
      <KindTag kind={entry.kind} />
      <span className="landscape-chip-name">{entry.name}</span>
      {mapped ? <span className="landscape-chip-mark">{t.landscape.catalogMark}</span> : null}
      {entry.confidence === 'recall' ? <span className="landscape-chip-recall">{t.landscape.confidenceLevels.recall}</span> : null}
    </>
  );
  if (mapped && entry.catalog) {
    return (
      <Link to={standardPath(entry.catalog.id)} className={className} title={t.landscape.catalogLinkTitle(entry.name)}>
        {body}
      </Link>
    );
  }
  return (
    <a href={`#${entryAnchor(entry.id)}`} className={className} title={t.landscape.detailLinkTitle(entry.name)}>
      {body}
    </a>
  );
}

function Filters({ data, filter }: { data: LandscapeAnswer; filter: Partial<Record<FilterKey, string>> }) {
  const t = useT();
  const localize = useLocalize();
  const set = (key: FilterKey, value: string) => navigate(`/landscape${filterQuery({ ...filter, [key]: value || undefined })}`, { replace: true });
  const select = (key: FilterKey, label: string, axis: LandscapeAxis[]) => (
    <div className="filter-field">
      <label htmlFor={`landscape-${key}`}>{label}</label>
      <select
        id={`landscape-${key}`}
        value={filter[key] ?? ''}
        className={filter[key] ? 'is-set' : undefined}
        onChange={(event) => set(key, event.target.value)}
      >
        <option value="">{t.landscape.any}</option>
        <Options of={axis} value={(a) => a.id} label={(a) => localize(a.label)} />
      </select>
    </div>
  );
  return (
    <form className="card filter-form landscape-filters" aria-label={t.landscape.filters} onSubmit={(event) => event.preventDefault()}>
      <div className="filter-grid">
        {select('sector', t.landscape.sector, data.sectors)}
        {select('level', t.landscape.level, data.levels)}
      </div>
      {filter.sector || filter.level ? (
        <p className="landscape-clear">
          <Link to="/landscape">{t.landscape.clear}</Link>
        </p>
      ) : null}
    </form>
  );
}

function Legend() {
  const t = useT();
  return (
    <dl className="landscape-legend" aria-label={t.landscape.legend}>
      {KINDS.map((kind) => (
        <div key={kind}>
          <dt>
            <span className={`landscape-chip kind-${kind} is-sample`}>
              <KindTag kind={kind} />
            </span>
          </dt>
          <dd>{t.landscape.kinds[kind]}</dd>
        </div>
      ))}
      <div>
        <dt>
          <span className="landscape-chip-mark">{t.landscape.catalogMark}</span>
        </dt>
        <dd>{t.landscape.catalogLegend}</dd>
      </div>
      <div>
        <dt>
          <span className="landscape-chip-recall">{t.landscape.confidenceLevels.recall}</span>
        </dt>
        <dd>{t.landscape.confidenceNotes.recall}</dd>
      </div>
    </dl>
  );
}

function Grid({ data }: { data: LandscapeAnswer }) {
  const t = useT();
  const localize = useLocalize();
  const rows = data.filter.sector ? data.sectors.filter((s) => s.id === data.filter.sector) : data.sectors;
  const columns = data.filter.level ? data.levels.filter((l) => l.id === data.filter.level) : data.levels;
  return (
    <div className="card card-flush landscape-grid-card" id="landscape-grid">
      <ScrollTable className="landscape-grid">
        <caption className="visually-hidden">{t.landscape.gridCaption}</caption>
        <thead>
          <tr>
            <th scope="col" className="landscape-corner">
              {t.landscape.sectorHeading}
            </th>
            {columns.map((level) => (
              <th key={level.id} scope="col">
                {localize(level.label)}
                {level.description ? <span className="landscape-axis-note">{localize(level.description)}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((sector) => (
            <tr key={sector.id}>
              <th scope="row">{localize(sector.label)}</th>
              {columns.map((level) => {
                const inCell = data.entries.filter((e) => e.sectors.includes(sector.id) && e.levels.includes(level.id));
                return (
                  <td key={level.id}>
                    {inCell.length ? (
                      <ul className="landscape-chips">
                        {inCell.map((entry) => (
                          <li key={entry.id}>
                            <EntryChip entry={entry} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      <span className="landscape-empty">
                        <span aria-hidden="true">—</span>
                        <span className="visually-hidden">{t.landscape.emptyCell}</span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </div>
  );
}

function EntryDetail({ entry, data }: { entry: LandscapeEntryView; data: LandscapeAnswer }) {
  const t = useT();
  const localize = useLocalize();
  const label = (axis: LandscapeAxis[], id: string) => localize(axis.find((a) => a.id === id)?.label) || id;
  return (
    <article className={`landscape-entry kind-${entry.kind}`} id={entryAnchor(entry.id)} aria-labelledby={`${entryAnchor(entry.id)}-name`}>
      <header className="landscape-entry-head">
        <h3 id={`${entryAnchor(entry.id)}-name`}>{entry.name}</h3>
        <span className={`badge landscape-kind-badge kind-${entry.kind}`}>{t.landscape.kinds[entry.kind]}</span>
        <ConfidenceBadge confidence={entry.confidence} wording={t.landscape} />
      </header>
      {entry.title ? (
        <p className="landscape-entry-title">
          <span className="muted">{t.landscape.fullTitle}: </span>
          {entry.title}
        </p>
      ) : null}
      <p>{localize(entry.description)}</p>
      <dl className="landscape-facts">
        <dt>{t.browse.publisher}</dt>
        <dd>{localize(entry.publisher)}</dd>
        <dt>{t.landscape.sectors}</dt>
        <dd>{entry.sectors.map((id) => label(data.sectors, id)).join(t.landscape.listSeparator)}</dd>
        <dt>{t.landscape.levels}</dt>
        <dd>{entry.levels.map((id) => label(data.levels, id)).join(t.landscape.listSeparator)}</dd>
        {entry.catalog ? (
          <>
            <dt>{t.landscape.catalogMark}</dt>
            <dd>{entry.catalog.loaded ? <Link to={standardPath(entry.catalog.id)}>{t.landscape.openCatalog}</Link> : t.landscape.catalogNotLoaded}</dd>
          </>
        ) : null}
        {entry.related.length ? (
          <>
            <dt>{t.landscape.related}</dt>
            <dd className="landscape-related">
              {entry.related.map((r) =>
                // A related entry outside the current filter has no description on the page to jump to.
                data.entries.some((e) => e.id === r.id) ? (
                  <a key={r.id} href={`#${entryAnchor(r.id)}`}>
                    {r.name}
                  </a>
                ) : (
                  <span key={r.id}>
                    {r.name}
                    <span className="muted">{t.landscape.outsideFilter}</span>
                  </span>
                ),
              )}
            </dd>
          </>
        ) : null}
        {entry.source ? (
          <>
            <dt>{t.landscape.source}</dt>
            <dd className="landscape-source">{entry.source}</dd>
          </>
        ) : null}
      </dl>
    </article>
  );
}

function LandscapeBody() {
  const t = useT();
  const localize = useLocalize();
  const who = useSession().user?.id ?? 'anonymous';
  const { search } = useLocation();
  const filter = readFilter(search);
  const answer = useApi<LandscapeAnswer>(`/api/landscape${filterQuery(filter)}`, who);
  if (answer.status === 'loading') return <Loading />;
  if (answer.status === 'error') {
    if (answer.error.status !== 400) return <ErrorView error={answer.error} onRetry={answer.retry} />;
    // Only the filter can be wrong here: say which value, and offer the way out.
    return (
      <>
        <Notice kind="error">{t.landscape.unknownFilter([filter.sector, filter.level].filter(Boolean).join(', '))}</Notice>
        <p className="landscape-clear">
          <Link to="/landscape">{t.landscape.clear}</Link>
        </p>
      </>
    );
  }
  const data = answer.data;
  return (
    <>
      <Filters data={data} filter={filter} />
      <p className="landscape-edition muted">{data.edition ? t.landscape.basedOn(localize(data.edition.title)) : t.landscape.noEdition}</p>
      <Legend />
      <Grid data={data} />
      <section className="landscape-entries" aria-labelledby="landscape-entries-title">
        <div className="section-head">
          <h2 id="landscape-entries-title">{t.landscape.entriesTitle}</h2>
          <p className="total" role="status">
            {t.landscape.entryCount(data.total)}
          </p>
        </div>
        {data.entries.length === 0 ? <p>{t.landscape.noEntries}</p> : data.entries.map((entry) => <EntryDetail key={entry.id} entry={entry} data={data} />)}
        <p className="landscape-back">
          <a href="#landscape-grid">{t.landscape.backToGrid}</a>
        </p>
      </section>
    </>
  );
}

/** 標準規格マップ: standards, regulations and certification schemes by sector × level. */
export function LandscapePage() {
  const t = useT();
  return (
    <PageSection title={t.landscape.title} sub={t.landscape.intro}>
      <LandscapeBody />
    </PageSection>
  );
}
