import { REPORT_FORMATS, reportUrl } from '../api/assessments';
import { useT } from '../i18n/i18n';
import { LANGS } from '../i18n/messages';

/** Every report format in both languages; HTML opens in a new tab, the rest download. */
export function ReportLinks({ assessmentId }: { assessmentId: string }) {
  const t = useT();
  return (
    <section className="card report-links" aria-labelledby="report-links-title">
      <h2 id="report-links-title">{t.assessments.reports}</h2>
      <table className="data-table">
        <tbody>
          {LANGS.map((lang) => (
            <tr key={lang}>
              <th scope="row">{t.assessments.reportIn(t.assessments.langNames[lang])}</th>
              <td>
                <ul className="link-row">
                  {REPORT_FORMATS.map((format) => {
                    const name = `${t.assessments.reportFormats[format]} (${t.assessments.langNames[lang]})`;
                    return (
                      <li key={format}>
                        {format === 'html' ? (
                          <a href={reportUrl(assessmentId, format, lang)} target="_blank" rel="noopener" aria-label={name}>
                            {t.assessments.reportFormats[format]}
                          </a>
                        ) : (
                          <a href={reportUrl(assessmentId, format, lang)} download aria-label={name}>
                            {t.assessments.reportFormats[format]}
                          </a>
                        )}
                      </li>
                    );
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
