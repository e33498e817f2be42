import { useId, useState } from 'react';
import { assessmentApi } from '../api/assessments';
import { useApi } from '../api/use-api';
import { ErrorView, Notice } from '../components/status';
import { useLanguage, useT } from '../i18n/i18n';
import { LANGS } from '../i18n/messages';
import { packMessages } from '../i18n/messages-packs';
import { Options } from '../components/forms/options';

const SCHEMES = ['jc-star-1', 'etsi-en-303-645', 'eu-cra'] as const;
type Scheme = (typeof SCHEMES)[number];

interface PackCheck {
  scheme: Scheme;
  state: 'complete' | 'draft';
  gaps: { code: string; target: string | null; message: { ja: string; en: string } }[];
}

/** Choose a scheme and a language, see the self-check's gaps, download the zip. Only a final assessment makes a pack. */
export function PackPanel({ assessmentId, final }: { assessmentId: string; final: boolean }) {
  const { lang: uiLang } = useLanguage();
  const t = useT();
  const m = packMessages[uiLang];
  const id = useId();
  const [scheme, setScheme] = useState<Scheme>('jc-star-1');
  const [lang, setLang] = useState<'ja' | 'en'>(uiLang);
  const check = useApi<PackCheck>(final ? `${assessmentApi(assessmentId, 'pack-check')}?${new URLSearchParams({ scheme }).toString()}` : null);
  const href = `${assessmentApi(assessmentId, 'pack')}?${new URLSearchParams({ scheme, lang }).toString()}`;
  return (
    <section className="card pack-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{m.title}</h2>
      <p>{m.intro}</p>
      {!final ? (
        <Notice kind="info">{m.notFinal}</Notice>
      ) : (
        <>
          <p>
            <label htmlFor={`${id}-scheme`}>{m.scheme}</label>{' '}
            <select id={`${id}-scheme`} value={scheme} onChange={(event) => setScheme(event.target.value as Scheme)}>
              <Options of={SCHEMES} label={(s) => m.schemes[s]} />
            </select>{' '}
            <label htmlFor={`${id}-lang`}>{m.lang}</label>{' '}
            <select id={`${id}-lang`} value={lang} onChange={(event) => setLang(event.target.value as 'ja' | 'en')}>
              <Options of={LANGS} label={(l) => t.assessments.langNames[l]} />
            </select>
          </p>
          {check.status === 'loading' ? <p role="status">{m.checking}</p> : null}
          {check.status === 'error' ? <ErrorView error={check.error} onRetry={check.retry} /> : null}
          {check.status === 'ok' ? (
            <div className={`notice notice-${check.data.state === 'complete' ? 'info' : 'error'}`} role="status">
              <p>{check.data.state === 'complete' ? m.complete : m.draft(check.data.gaps.length)}</p>
              {check.data.gaps.length > 0 ? (
                <ul className="pack-gaps">
                  {check.data.gaps.map((g) => (
                    <li key={`${g.code}|${g.target ?? ''}`}>{g.message[uiLang]}</li>
                  ))}
                </ul>
              ) : null}
            </div>
          ) : null}
          <p>
            <a className="button" href={href} download>
              {m.download}
            </a>
          </p>
        </>
      )}
    </section>
  );
}
