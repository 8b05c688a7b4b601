import { useTranslation } from 'react-i18next';
import '../compliance/document.css';
import { ACTIONS, type SweepReport } from './api';

export type DocumentLanguage = 'id' | 'en';

/** How the document writes numbers and times: in its own language, always in WIB (Asia/Jakarta). */
function documentFormat(language: DocumentLanguage) {
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const dateTime = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'Asia/Jakarta', timeZoneName: 'short' });
  const date = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Asia/Jakarta' });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  return {
    dateTime: (iso: string | null | undefined) => (iso ? dateTime.format(new Date(iso)) : '–'),
    date: (iso: string) => date.format(new Date(iso)),
    number: (n: number) => number.format(n),
    percent: (share: number | null | undefined) => (share === null || share === undefined ? '–' : percent.format(share)),
  };
}

/**
 * A finished sweep's report as a document to hand to the regulator as proof of cleaning (print or
 * save as PDF): what was scanned, against which policy, what changed, what was done, how the
 * verdicts agree with people's decisions, and the report's SHA-256 — in Bahasa Indonesia by
 * default (or English), times in WIB.
 */
export function SweepDocument({ report: r, language, fileName, createdByName }: { report: SweepReport; language: DocumentLanguage; fileName: string; createdByName?: string | undefined }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(language, 'sweeps');
  const f = documentFormat(language);
  const s = r.sweep;
  const action = (a: string | null | undefined) => (a ? t(`actions.${a}`, { defaultValue: a }) : t('actions.none'));
  const category = (c: string) => t(`categories.${c}`, { defaultValue: c });
  const categories = Object.entries(r.counts.byCategory).sort(([, a], [, b]) => b - a);
  const actions = [...ACTIONS.filter((a) => a in r.counts.byAction), ...Object.keys(r.counts.byAction).filter((a) => !(ACTIONS as readonly string[]).includes(a))];
  const changed = r.transitions.reduce((n, x) => n + x.count, 0);
  const filter = Object.entries(s.filter ?? {}).filter(([, v]) => v !== undefined && v !== null && v !== '');
  const filterValue = (k: string, v: unknown) => {
    const text = String(v);
    if (k === 'category') return category(text);
    if (k === 'kind') return t(`kinds.${text}`, { defaultValue: text });
    if (k === 'status') return t(`contentStatus.${text}`, { defaultValue: text });
    if (/^created/.test(k) && !Number.isNaN(Date.parse(text))) return f.dateTime(text);
    return text;
  };
  const lexicons = Object.entries(s.candidate?.lexicons ?? {});

  return (
    <article className="compliance-document" lang={language} aria-label={t('doc.label')}>
      <header className="doc-title">
        <h2>{t('doc.title')}</h2>
        <p>{t(`doc.subtitle.${s.mode}`)}</p>
      </header>

      <section aria-labelledby="doc-sweep">
        <h3 id="doc-sweep">{t('doc.sweep')}</h3>
        <dl className="doc-facts">
          <dt>{t('doc.id')}</dt>
          <dd className="doc-code">{s.id}</dd>
          <dt>{t('doc.mode')}</dt>
          <dd>{t(`mode.${s.mode}`)}</dd>
          <dt>{t('doc.status')}</dt>
          <dd>{t(`status.${s.status}`)}</dd>
          <dt>{t('doc.policy')}</dt>
          <dd className="doc-code">{s.policyVersion}</dd>
          {s.candidate?.policy && (
            <>
              <dt>{t('detail.candidatePolicy')}</dt>
              <dd className="doc-code">{'version' in s.candidate.policy ? t('detail.storedPolicy', { version: s.candidate.policy.version }) : t('detail.pastedPolicy', { sha256: s.candidate.policy.sha256 })}</dd>
            </>
          )}
          {lexicons.length > 0 && (
            <>
              <dt>{t('doc.lexicons')}</dt>
              <dd>{lexicons.map(([name, v]) => t('detail.lexiconVersion', { name, version: v })).join(', ')}</dd>
            </>
          )}
          <dt>{t('doc.filter')}</dt>
          <dd>{filter.length ? filter.map(([k, v]) => `${t(`filter.${k}`, { defaultValue: k })}: ${filterValue(k, v)}`).join('; ') : t('filter.all')}</dd>
          {s.mode === 'apply' && (
            <>
              <dt>{t('doc.overrideHuman')}</dt>
              <dd>{s.overrideHuman ? t('detail.overrideYes') : t('detail.overrideNo')}</dd>
            </>
          )}
          {s.note && (
            <>
              <dt>{t('doc.note')}</dt>
              <dd>{s.note}</dd>
            </>
          )}
          <dt>{t('doc.createdBy')}</dt>
          <dd>{createdByName ? t('doc.createdByValue', { name: createdByName, actor: s.createdBy }) : s.createdBy}</dd>
          <dt>{t('doc.created')}</dt>
          <dd>{f.dateTime(s.createdAt)}</dd>
          <dt>{t('doc.started')}</dt>
          <dd>{f.dateTime(s.startedAt)}</dd>
          <dt>{t('doc.finished')}</dt>
          <dd>{f.dateTime(s.finishedAt)}</dd>
          <dt>{t('doc.generatedAt')}</dt>
          <dd>{f.dateTime(r.generatedAt)}</dd>
        </dl>
        <p className="doc-note">{t('doc.timeNote')}</p>
      </section>

      <section aria-labelledby="doc-summary">
        <h3 id="doc-summary">{t('doc.summary')}</h3>
        <dl className="doc-figures">
          <Figure label={t('doc.total')} value={f.number(s.progress.total)} />
          <Figure label={t('doc.scanned')} value={f.number(s.progress.processed)} />
          <Figure label={t('doc.changed')} value={f.number(changed)} />
          <Figure label={t('doc.decisions')} value={r.acted ? f.number(r.acted.decisions) : '–'} />
          <Figure label={t('doc.keptHuman')} value={r.acted ? f.number(r.acted.keptHuman) : '–'} />
          <Figure label={t('doc.wouldLift')} value={r.acted ? f.number(r.acted.wouldLift) : '–'} />
        </dl>
        <p>{s.mode === 'apply' ? t('doc.applyNote') : t('doc.backtestNote')}</p>
        {s.progress.total === 0 && <p>{t('detail.nothingMatched')}</p>}
        <CountTable
          caption={t('report.byCategory')}
          heading={t('report.category')}
          itemsHeading={t('report.items')}
          rows={categories.map(([c, n]) => [category(c), n])}
          empty={t('report.noneFound')}
          format={f.number}
        />
        <CountTable
          caption={t('report.byAction')}
          heading={t('report.action')}
          itemsHeading={t('report.items')}
          rows={actions.map((a) => [action(a), r.counts.byAction[a] ?? 0])}
          format={f.number}
        />
      </section>

      <section aria-labelledby="doc-transitions">
        <h3 id="doc-transitions">{t('report.transitions')}</h3>
        <p className="doc-note">{t('report.transitionsHelp')}</p>
        <table className="doc-table">
          <thead>
            <tr>
              <th scope="col">{t('report.from')}</th>
              <th scope="col">{t('report.to')}</th>
              <th scope="col" className="num">
                {t('report.items')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.transitions.length === 0 && (
              <tr>
                <td colSpan={3}>{t('report.noTransitions')}</td>
              </tr>
            )}
            {r.transitions.map((x) => (
              <tr key={`${x.from}-${x.to}`}>
                <td>{action(x.from)}</td>
                <td>{action(x.to)}</td>
                <td className="num">{f.number(x.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {r.samples.map((group) => (
          <table className="doc-table" key={`${group.from}-${group.to}`}>
            <caption>{t('doc.samplesOf', { from: action(group.from), to: action(group.to) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('report.content')}</th>
                <th scope="col">{t('report.excerpt')}</th>
                <th scope="col">{t('report.category')}</th>
                <th scope="col" className="num">
                  {t('report.score')}
                </th>
              </tr>
            </thead>
            <tbody>
              {group.items.map((item) => (
                <tr key={item.contentId}>
                  <td className="doc-target">
                    {item.externalId}
                    <div className="doc-kind doc-code">{item.contentId}</div>
                  </td>
                  <td className="doc-target">{item.excerpt}</td>
                  <td>{item.category ? category(item.category) : '–'}</td>
                  <td className="num">{f.percent(item.score)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      </section>

      <section aria-labelledby="doc-agreement">
        <h3 id="doc-agreement">{t('report.agreement')}</h3>
        <p className="doc-note">{t('report.agreementHelp')}</p>
        {r.agreement ? (
          <>
            <p>{t('report.decided', { count: r.agreement.decided, n: f.number(r.agreement.decided) })}</p>
            <table className="doc-table">
              <thead>
                <tr>
                  <th scope="col">{t('report.verdicts')}</th>
                  <th scope="col" className="num">
                    {t('report.precision')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.recall')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.tp')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.fp')}
                  </th>
                  <th scope="col" className="num">
                    {t('report.fn')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {(['candidate', 'current'] as const).map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`report.${k}`)}</th>
                    <td className="num">{f.percent(r.agreement![k].precision)}</td>
                    <td className="num">{f.percent(r.agreement![k].recall)}</td>
                    <td className="num">{f.number(r.agreement![k].tp)}</td>
                    <td className="num">{f.number(r.agreement![k].fp)}</td>
                    <td className="num">{f.number(r.agreement![k].fn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>{t('report.noHumanDecisions')}</p>
        )}
      </section>

      {r.acted && (
        <section aria-labelledby="doc-acted">
          <h3 id="doc-acted">{t('report.acted')}</h3>
          <p className="doc-note">{t('report.actedHelp')}</p>
          <dl className="doc-facts">
            <dt>{t('report.actedDecisionsRow')}</dt>
            <dd>{f.number(r.acted.decisions)}</dd>
            <dt>{t('report.actedReviews')}</dt>
            <dd>{f.number(r.acted.reviews)}</dd>
            <dt>{t('report.keptHuman')}</dt>
            <dd>{f.number(r.acted.keptHuman)}</dd>
            <dt>{t('report.wouldLift')}</dt>
            <dd>{f.number(r.acted.wouldLift)}</dd>
          </dl>
        </section>
      )}

      <footer className="doc-footer">
        <p>
          {t('report.sha256')} <span className="doc-code">{r.sha256}</span>
        </p>
        {r.signature && (
          <p>
            {t('doc.signed')} <span className="doc-code">{r.signature.keyId}</span>
          </p>
        )}
        <p>{t('doc.verify', { file: fileName })}</p>
      </footer>
    </article>
  );
}

/** A table of items counted per label (a category, an action), with a line when there is none. */
function CountTable({ caption, heading, itemsHeading, rows, empty, format }: { caption: string; heading: string; itemsHeading: string; rows: [string, number][]; empty?: string; format: (n: number) => string }) {
  return (
    <table className="doc-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col" className="num">
            {itemsHeading}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 && empty && (
          <tr>
            <td colSpan={2}>{empty}</td>
          </tr>
        )}
        {rows.map(([label, n]) => (
          <tr key={label}>
            <th scope="row">{label}</th>
            <td className="num">{format(n)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
