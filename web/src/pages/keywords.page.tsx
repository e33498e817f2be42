import { useState } from 'react';
import { apiPath } from '../api/client';
import type { EditionSummary } from '../api/types';
import { useApi } from '../api/use-api';
import { EditionGate } from '../components/guards/edition-gate';
import { ErrorView, Loading, Notice } from '../components/status';
import { useEdition } from '../edition/edition';
import { useLocalize, useT } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { requirementPath } from '../router/paths';
import { Link } from '../router/router';
import { useSession } from '../session/session';
import { Options } from '../components/forms/options';
import { TableHead } from '../components/tables/table-head';
import { PageSection } from '../components/page-section';
import '../styles/keywords.css';

/** GET /api/editions/:id/keywords, as the page reads it. */
interface KeywordOccurrence {
  requirementId: string;
  number: string;
  field: string;
}
interface KeywordCandidate {
  term: string;
  lang: 'ja' | 'en';
  count: number;
  requirements: number;
  occurrences: KeywordOccurrence[];
}
interface KeywordList {
  edition: string;
  candidates: KeywordCandidate[];
}

type LangFilter = 'all' | 'ja' | 'en';
const PAGE = 200;
const MAX = 5000;

/** A field path of a requirement (criteria[2], interpretation[0].countermeasures[1]) in words, counting from 1. */
export function fieldLabel(t: Messages, field: string): string {
  const n = [...field.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]) + 1);
  if (field === 'title') return t.keywords.fieldTitle;
  if (field.startsWith('criteria')) return t.keywords.fieldCriterion(n[0] ?? 1);
  if (field.includes('countermeasures')) return t.keywords.fieldCountermeasure(n[0] ?? 1, n[1] ?? 1);
  if (field.startsWith('interpretation')) return t.keywords.fieldAttack(n[0] ?? 1);
  if (field.startsWith('verification')) return t.keywords.fieldStep(n[0] ?? 1);
  return field;
}

/** Requirement links shown before the rest fold away: frequent words occur in a hundred items. */
const SHOWN_PLACES = 12;

function PlaceLinks({ places }: { places: [string, { number: string; fields: string[] }][] }) {
  const t = useT();
  return (
    <ul className="keyword-places">
      {places.map(([id, place]) => (
        <li key={id}>
          <Link to={requirementPath(id)} title={place.fields.join(', ')} aria-label={t.keywords.placeLabel(place.number, place.fields.join(', '))}>
            {place.number}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** The requirements a candidate occurs in, once each, with the texts it occurs in. */
function Places({ candidate }: { candidate: KeywordCandidate }) {
  const t = useT();
  const byRequirement = new Map<string, { number: string; fields: string[] }>();
  for (const o of candidate.occurrences) {
    const entry = byRequirement.get(o.requirementId) ?? { number: o.number, fields: [] };
    entry.fields.push(fieldLabel(t, o.field));
    byRequirement.set(o.requirementId, entry);
  }
  const places = [...byRequirement];
  if (places.length <= SHOWN_PLACES) return <PlaceLinks places={places} />;
  return (
    <>
      <PlaceLinks places={places.slice(0, SHOWN_PLACES)} />
      <details className="keyword-more-places">
        <summary>{t.keywords.morePlaces(places.length - SHOWN_PLACES)}</summary>
        <PlaceLinks places={places.slice(SHOWN_PLACES)} />
      </details>
    </>
  );
}

function KeywordTable({ candidates }: { candidates: KeywordCandidate[] }) {
  const t = useT();
  return (
    <div className="card card-flush table-scroll">
      <table className="data-table keyword-table">
        <caption className="visually-hidden">{t.keywords.caption}</caption>
        <TableHead
          columns={[
            t.keywords.term,
            { label: t.keywords.count, className: 'keyword-num' },
            { label: t.keywords.requirements, className: 'keyword-num' },
            t.keywords.places,
          ]}
        />
        <tbody>
          {candidates.map((c) => (
            <tr key={`${c.lang}|${c.term}`}>
              <th scope="row" className="keyword-term" lang={c.lang}>
                {c.term}
                <span className="keyword-lang">{c.lang === 'ja' ? t.keywords.langJa : t.keywords.langEn}</span>
              </th>
              <td className="keyword-num">{c.count}</td>
              <td className="keyword-num">{c.requirements}</td>
              <td>
                <Places candidate={c} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function LangSwitch({ value, onChange }: { value: LangFilter; onChange: (value: LangFilter) => void }) {
  const t = useT();
  const labels: Record<LangFilter, string> = { all: t.keywords.langAll, ja: t.keywords.langJa, en: t.keywords.langEn };
  return (
    <fieldset className="keyword-filter">
      <legend>{t.keywords.langFilter}</legend>
      {(['all', 'ja', 'en'] as const).map((option) => (
        <button key={option} type="button" className="button button-ghost" aria-pressed={value === option} onClick={() => onChange(option)}>
          {labels[option]}
        </button>
      ))}
    </fieldset>
  );
}

function Keywords({ edition }: { edition: EditionSummary }) {
  const t = useT();
  const localize = useLocalize();
  const who = useSession().user?.id ?? 'anonymous';
  const { editions } = useEdition();
  const [editionId, setEditionId] = useState(edition.id);
  const [limit, setLimit] = useState(PAGE);
  const [lang, setLang] = useState<LangFilter>('all');
  const result = useApi<KeywordList>(`${apiPath('editions', editionId, 'keywords')}?limit=${limit}`, who);
  const choices = editions.status === 'ok' ? editions.data.editions : [edition];

  let body = <Loading />;
  if (result.status === 'error') body = <ErrorView error={result.error} onRetry={result.retry} />;
  else if (result.status === 'ok') {
    const shown = result.data.candidates.filter((c) => lang === 'all' || c.lang === lang);
    body =
      result.data.candidates.length === 0 ? (
        <Notice kind="info">{t.keywords.none}</Notice>
      ) : (
        <>
          <p className="total" role="status">
            {t.keywords.total(shown.length)}
          </p>
          <KeywordTable candidates={shown} />
          {result.data.candidates.length >= limit && limit < MAX ? (
            <button type="button" className="button" onClick={() => setLimit((n) => Math.min(MAX, n + PAGE))}>
              {t.keywords.more}
            </button>
          ) : null}
        </>
      );
  }

  return (
    <>
      <div className="keyword-controls">
        {choices.length > 1 ? (
          <label className="field keyword-edition">
            <span>{t.edition}</span>
            <select value={editionId} onChange={(event) => setEditionId(event.target.value)}>
              <Options of={choices} value={(e) => e.id} label={(e) => `${localize(e.title)} (${e.id})`} />
            </select>
          </label>
        ) : null}
        <LangSwitch value={lang} onChange={setLang} />
      </div>
      {body}
    </>
  );
}

/** /editor/keywords: terms the requirement texts use that the glossary lacks (キーワード抽出), for editors. */
export function KeywordsPage() {
  const t = useT();
  return (
    <PageSection title={t.keywords.title} parents={[{ label: t.editor.homeTitle, to: '/editor' }]} sub={t.keywords.intro} className="keywords">
      <EditionGate>{(edition) => <Keywords edition={edition} />}</EditionGate>
    </PageSection>
  );
}
