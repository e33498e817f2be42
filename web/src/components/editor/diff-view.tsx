import { useLocalize, useT } from '../../i18n/i18n';
import { Link } from '../../router/router';
import { Notice } from '../status';
import { type EditionDiff, editorPaths, type FieldChange, type ItemRef } from './editor-api';
import { TableHead } from '../tables/table-head';
import { ScrollTable } from '../tables/scroll-table';
import { Fact } from '../fact';

/** Any content value, readable: both languages of a text, lists as lists, records as terms. */
export function ValueView({ value }: { value: unknown }) {
  if (value === null || value === undefined || value === '') return <span className="diff-empty">—</span>;
  if (typeof value !== 'object') return <span>{String(value)}</span>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <span className="diff-empty">—</span>;
    if (value.every((v) => typeof v === 'string')) return <span>{value.join(', ')}</span>;
    return (
      <ol className="diff-list">
        {value.map((v, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a read-only rendering of a list snapshot.
          <li key={i}>
            <ValueView value={v} />
          </li>
        ))}
      </ol>
    );
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 2 && typeof record.ja === 'string' && typeof record.en === 'string') {
    return (
      <span className="diff-text">
        <span lang="ja">{record.ja}</span>
        <span lang="en">{record.en}</span>
      </span>
    );
  }
  return (
    <dl className="diff-record">
      {keys.map((k) => (
        <Fact key={k} label={k}>
          <ValueView value={record[k]} />
        </Fact>
      ))}
    </dl>
  );
}

function FieldTable({ fields }: { fields: FieldChange[] }) {
  const t = useT();
  return (
    <ScrollTable className="data-table diff-fields">
      <TableHead columns={[t.editor.field, t.editor.before, t.editor.after]} />
      <tbody>
        {fields.map((f) => (
          <tr key={f.field}>
            <th scope="row">{t.editor.fields[f.field] ?? f.field}</th>
            <td className="diff-before">
              <ValueView value={f.before} />
            </td>
            <td className="diff-after">
              <ValueView value={f.after} />
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

function RefList({ title, items, link }: { title: string; items: ItemRef[]; link?: (id: string) => string }) {
  const localize = useLocalize();
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="diff-refs">
        {items.map((r) => {
          const label = `${r.number ? `${r.number} ` : ''}${localize(r.title)}`;
          return <li key={r.id}>{link ? <Link to={link(r.id)}>{label}</Link> : label}</li>;
        })}
      </ul>
    </>
  );
}

function ChangedItems({ items, link }: { items: (ItemRef & { fields: FieldChange[] })[]; link?: ((id: string) => string) | undefined }) {
  const t = useT();
  const localize = useLocalize();
  if (items.length === 0) return null;
  return (
    <>
      <h3>{t.editor.diffChanged}</h3>
      {items.map((c) => (
        <article key={c.id} className="diff-item" aria-label={`${c.number ?? ''} ${localize(c.title)}`}>
          <h4>
            {link ? (
              <Link to={link(c.id)}>
                {c.number ? `${c.number} ` : ''}
                {localize(c.title)}
              </Link>
            ) : (
              `${c.number ? `${c.number} ` : ''}${localize(c.title)}`
            )}
          </h4>
          <FieldTable fields={c.fields} />
        </article>
      ))}
    </>
  );
}

function MappingChanges({ diff }: { diff: EditionDiff }) {
  const t = useT();
  const rel = (r: string | undefined) => (r ? (t.relationships[r as keyof typeof t.relationships] ?? r) : '—');
  const kind = { added: t.editor.diffAdded, removed: t.editor.diffRemoved, changed: t.editor.diffChanged };
  if (diff.mappings.length === 0) return null;
  return (
    <section className="card" aria-labelledby="diff-mappings">
      <h2 id="diff-mappings">{t.editor.diffMappings}</h2>
      <ScrollTable className="data-table">
        <TableHead columns={[t.editor.diffChanged, t.number, t.standard, t.standardRequirement, t.relationship]} />
        <tbody>
          {diff.mappings.map((m) => (
            <tr key={`${m.kind}|${m.requirementId}|${m.standard}|${m.target}`}>
              <td>{kind[m.kind]}</td>
              <td>{m.number}</td>
              <td>{m.standard}</td>
              <td>{m.target}</td>
              <td>{m.kind === 'changed' ? `${rel(m.before?.relationship)} → ${rel(m.after?.relationship)}` : rel((m.after ?? m.before)?.relationship)}</td>
            </tr>
          ))}
        </tbody>
      </ScrollTable>
    </section>
  );
}

/** Counts of added, removed and changed items, mappings and terms. */
export function DiffSummary({ diff }: { diff: EditionDiff }) {
  const t = useT();
  const s = diff.summary;
  return (
    <dl className="facts">
      <Fact label={t.editor.tabRequirements}>{t.editor.counts(s.requirementsAdded, s.requirementsRemoved, s.requirementsChanged)}</Fact>
      <Fact label={t.mappings}>{t.editor.counts(s.mappingsAdded, s.mappingsRemoved, s.mappingsChanged)}</Fact>
      <Fact label={t.editor.diffGlossary}>{t.editor.counts(s.termsAdded, s.termsRemoved, s.termsChanged)}</Fact>
    </dl>
  );
}

/** What the draft does to each standard's coverage (standards without a change are left out). */
function CoverageChanges({ diff }: { diff: EditionDiff }) {
  const t = useT();
  const changes = (diff.coverage ?? []).filter((c) => c.changed.length > 0 || !c.before || !c.after);
  const counts = (c: Record<string, number> | null) => (c ? `${c.covered ?? 0} · ${c.partial ?? 0} · ${c.gap ?? 0}` : '—');
  return (
    <section className="card" aria-labelledby="diff-coverage">
      <h2 id="diff-coverage">{t.editor.diffCoverage}</h2>
      {changes.length === 0 ? <p>{t.editor.diffCoverageNone}</p> : null}
      {changes.map((c) => (
        <div key={c.standard} className="diff-coverage">
          <h3>
            {c.standard}{' '}
            <small>
              {t.editor.diffCoverageCounts}: {counts(c.before)} → {counts(c.after)}
            </small>
          </h3>
          <ul>
            {c.changed.map((x) => (
              <li key={x.id}>
                <code>{x.id}</code> {x.from ?? '—'} → {x.to ?? '—'}
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

/** One kind of entry's section (requirements, glossary terms): those added, removed and changed, or "no changes". */
function ItemChanges({
  id,
  title,
  changes,
  link,
}: {
  id: string;
  title: string;
  changes: { added: ItemRef[]; removed: ItemRef[]; changed: (ItemRef & { fields: FieldChange[] })[] };
  link: ((id: string) => string) | undefined;
}) {
  const t = useT();
  const none = changes.added.length === 0 && changes.removed.length === 0 && changes.changed.length === 0;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {none ? <p>{t.editor.noChanges}</p> : null}
      <RefList title={t.editor.diffAdded} items={changes.added} link={link} />
      <RefList title={t.editor.diffRemoved} items={changes.removed} />
      <ChangedItems items={changes.changed} link={link} />
    </section>
  );
}

/**
 * The changes between two editions, section by section: a draft against its
 * published edition (with links into the editor), or any two published
 * editions (no draft: plain text).
 */
export function DiffView({ diff, draftId }: { diff: EditionDiff; draftId?: string }) {
  const t = useT();
  const requirementLink = draftId ? (id: string) => editorPaths.requirement(draftId, id) : undefined;
  const termLink = draftId ? (id: string) => editorPaths.term(draftId, id) : undefined;
  if (diff.summary.unchanged) return <Notice kind="info">{t.editor.diffNone}</Notice>;
  return (
    <div className="diff">
      <section className="card" aria-labelledby="diff-summary">
        <h2 id="diff-summary">{t.editor.diffSummary}</h2>
        <DiffSummary diff={diff} />
      </section>
      {diff.meta.length ? (
        <section className="card" aria-labelledby="diff-meta">
          <h2 id="diff-meta">{t.editor.diffMeta}</h2>
          <FieldTable fields={diff.meta} />
        </section>
      ) : null}
      <ItemChanges id="diff-requirements" title={t.editor.tabRequirements} changes={diff.requirements} link={requirementLink} />
      <MappingChanges diff={diff} />
      <ItemChanges id="diff-glossary" title={t.editor.diffGlossary} changes={diff.glossary} link={termLink} />
      <CoverageChanges diff={diff} />
      {diff.other.length ? (
        <section className="card" aria-labelledby="diff-other">
          <h2 id="diff-other">{t.editor.diffOther}</h2>
          <ul>
            {diff.other.map((o) => (
              <li key={o}>{t.editor.fields[o] ?? o}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
