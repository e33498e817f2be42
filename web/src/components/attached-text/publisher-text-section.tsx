import { apiPath } from '../../api/client';
import type { StandardDetail } from '../../api/browse.types';
import { useApi } from '../../api/use-api';
import { useEdition } from '../../edition/edition';
import { useLanguage, useLocalize } from '../../i18n/i18n';
import { attachedTextMessages } from '../../i18n/messages-attached-text';
import { standardRequirementPath } from '../../router/browse-paths';
import { Link } from '../../router/router';
import { useSession } from '../../session/session';
import type { AttachedTextAnswer, RequirementText } from './attached-text.types';
import { StatementView } from './statement-view';
import { TableHead } from '../tables/table-head';
import '../../styles/attached-text.css';

/**
 * The publisher's own text per requirement on a standard's page, where the
 * standard allows it and an operator attached the catalog; always with the
 * citation, our Japanese title beside the English original.
 */
export function PublisherTextSection({ detail }: { detail: StandardDetail }) {
  const { current } = useEdition();
  const session = useSession();
  const who = session.user?.id ?? 'anonymous';
  const m = attachedTextMessages[useLanguage().lang];
  const id = detail.standard.id;
  const result = useApi<AttachedTextAnswer>(current ? apiPath('editions', current.id, 'standards', id, 'attached-text') : null, who);
  if (result.status !== 'ok' || !result.data.allowed) return null;
  const { catalog, correspondence } = result.data;
  if (!catalog) {
    return session.user?.role === 'admin' ? (
      <p className="attach-link">
        <Link to={`/admin/standards/attach?standard=${encodeURIComponent(id)}`}>{m.attachLink}</Link>
      </p>
    ) : null;
  }
  return (
    <section className="card publisher-text" aria-labelledby="publisher-text-title">
      <h2 id="publisher-text-title">{m.sectionTitle}</h2>
      <p className="muted">{m.sectionNote}</p>
      <p className="publisher-citation">
        {m.citation}: <cite lang="en">{catalog.citation}</cite>
      </p>
      <ol className="publisher-text-list">
        {catalog.texts.map((text) => (
          <PublisherTextEntry key={text.requirementId} standardId={id} text={text} detail={detail} />
        ))}
      </ol>
      {correspondence ? <Correspondence standardId={id} correspondence={correspondence} /> : null}
    </section>
  );
}

function PublisherTextEntry({ standardId, text, detail }: { standardId: string; text: RequirementText; detail: StandardDetail }) {
  const localize = useLocalize();
  const m = attachedTextMessages[useLanguage().lang];
  const row = detail.requirements.find((r) => r.id === text.requirementId);
  return (
    <li className="publisher-text-entry" id={`text-${text.requirementId}`}>
      <h3>
        <Link to={standardRequirementPath(standardId, text.requirementId)}>
          <code>{text.requirementId}</code>
        </Link>{' '}
        <span className="our-title">{row ? localize(row.title) : ''}</span>
      </h3>
      {text.withdrawal ? (
        <p className="withdrawn-note">
          <span className="badge badge-plain">{m.withdrawn}</span> {m.withdrawnInto(text.withdrawal.relation, text.withdrawal.targets.join(', '))}
        </p>
      ) : (
        <StatementView part={text.statement} />
      )}
      {text.discussion ? (
        <details className="publisher-discussion">
          <summary>{m.discussion}</summary>
          <p lang="en">{text.discussion}</p>
        </details>
      ) : null}
    </li>
  );
}

function Correspondence({ standardId, correspondence }: { standardId: string; correspondence: NonNullable<AttachedTextAnswer['correspondence']> }) {
  const m = attachedTextMessages[useLanguage().lang];
  const rev2First = standardId.endsWith('r2');
  return (
    <details className="nist-correspondence">
      <summary>{m.correspondenceTitle}</summary>
      <p className="muted">{m.correspondenceNote}</p>
      <p className="publisher-citation">
        {m.citation}: <cite lang="en">{correspondence.citation}</cite>
      </p>
      <table className="data-table">
        <TableHead columns={[rev2First ? 'Rev. 2' : 'Rev. 3', rev2First ? 'Rev. 3' : 'Rev. 2', '']} />
        <tbody>
          {correspondence.pairs.map((p) => (
            <tr key={p.rev2}>
              <td>
                <code>{rev2First ? p.rev2 : p.rev3}</code>
              </td>
              <td>
                <code>{rev2First ? p.rev3 : p.rev2}</code>
              </td>
              <td>{p.withdrawal ? m.withdrawnInto(p.withdrawal.relation, p.withdrawal.targets.join(', ')) : m.carried}</td>
            </tr>
          ))}
          {correspondence.newInRev3.map((id) => (
            <tr key={id}>
              <td>{rev2First ? '—' : <code>{id}</code>}</td>
              <td>{rev2First ? <code>{id}</code> : '—'}</td>
              <td>{m.newInRev3}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
