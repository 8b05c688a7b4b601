import { useTranslation } from 'react-i18next';
import { documentFormat as f, DOCUMENT_LANGUAGE } from '../../compliance/document-format';
import '../../compliance/document.css';
import { ASPECTS, type RiskAssessment } from './api';

/**
 * A version of the risk self-assessment as the document a regulator asks for: always in Bahasa
 * Indonesia (its own fixed translation, whatever the console's language), times in WIB; printed or
 * saved as PDF through the browser. The Markdown download (`format=md`) says the same.
 */
export function RiskDocument({ assessment: a }: { assessment: RiskAssessment }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(DOCUMENT_LANGUAGE, 'risk', 'doc');
  const level = (l: string) => t(`levels.${l}`);
  return (
    <article className="compliance-document" lang={DOCUMENT_LANGUAGE} aria-label={t('label')}>
      <header className="doc-title">
        <h2>{t('title')}</h2>
        <p>{t('subtitle')}</p>
      </header>
      <section aria-labelledby="risk-doc-header">
        <h3 id="risk-doc-header">{t('header')}</h3>
        <dl className="doc-facts">
          <dt>{t('version')}</dt>
          <dd>{a.version}</dd>
          <dt>{t('savedBy')}</dt>
          <dd>
            {a.createdByName} <span className="doc-kind">({a.createdBy})</span>
          </dd>
          <dt>{t('savedAt')}</dt>
          <dd>{f.dateTime(a.createdAt)}</dd>
        </dl>
        {a.summary && <p style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>{a.summary}</p>}
      </section>
      <section aria-labelledby="risk-doc-levels">
        <h3 id="risk-doc-levels">{t('levelsTitle')}</h3>
        <table className="doc-table">
          <caption>{t('levelsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col" className="num">
                {t('no')}
              </th>
              <th scope="col">{t('aspect')}</th>
              <th scope="col">{t('level')}</th>
              <th scope="col" className="num">
                {t('evidenceCount')}
              </th>
              <th scope="col" className="num">
                {t('mitigationCount')}
              </th>
            </tr>
          </thead>
          <tbody>
            {ASPECTS.map((k, i) => (
              <tr key={k}>
                <td className="num">{i + 1}</td>
                <th scope="row">{t(`aspects.${k}`)}</th>
                <td className={a.aspects[k].level === 'high' || a.aspects[k].level === 'very_high' ? 'doc-late' : undefined}>{level(a.aspects[k].level)}</td>
                <td className="num">{a.aspects[k].evidence.length}</td>
                <td className="num">{a.aspects[k].mitigations.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {ASPECTS.map((k, i) => {
        const x = a.aspects[k];
        return (
          <section key={k} aria-labelledby={`risk-doc-${k}`} className="doc-order">
            <div className="doc-order-head">
              <h4 id={`risk-doc-${k}`}>
                {i + 1}. {t(`aspects.${k}`)}
              </h4>
              <span className="doc-outcome">{t('levelValue', { level: level(x.level) })}</span>
            </div>
            <p style={{ whiteSpace: 'pre-wrap' }}>{x.assessment}</p>
            <p>
              <b>{t('evidence')}</b>
            </p>
            {x.evidence.length ? (
              <ul>
                {x.evidence.map((e, j) => (
                  <li key={j}>{e}</li>
                ))}
              </ul>
            ) : (
              <p className="doc-note">{t('noEvidence')}</p>
            )}
            <p>
              <b>{t('mitigations')}</b>
            </p>
            {x.mitigations.length ? (
              <ul>
                {x.mitigations.map((m, j) => (
                  <li key={j}>{m}</li>
                ))}
              </ul>
            ) : (
              <p className="doc-note">{t('noMitigations')}</p>
            )}
          </section>
        );
      })}
      <footer className="doc-footer">{t('footer', { version: a.version })}</footer>
    </article>
  );
}
