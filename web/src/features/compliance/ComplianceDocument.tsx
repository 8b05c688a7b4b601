import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Answer } from '../../api/client';
import { DOCUMENT_LANGUAGE, documentFormat as f, signatureFingerprint } from './document-format';
import './document.css';

export type SignedComplianceReport = Answer<'/v1/regulator/compliance-report', 'get'>;
type Report = SignedComplianceReport['report'];
type Order = Report['orders'][number];
type Tally = Report['totals']['byUrgency']['urgent'];

/**
 * The signed compliance report as a document to print or save as PDF: always in Bahasa Indonesia
 * (its own fixed translation, whatever the console's language), all times in WIB.
 */
export function ComplianceDocument({ signed, fileName, generatedByName }: { signed: SignedComplianceReport; fileName: string; generatedByName?: string | undefined }) {
  const { i18n } = useTranslation();
  const t = i18n.getFixedT(DOCUMENT_LANGUAGE, 'compliance', 'doc');
  const { report } = signed;
  const fingerprint = useQuery({ queryKey: ['signature-fingerprint', signed.signature], queryFn: () => signatureFingerprint(signed.signature), staleTime: Infinity });
  const totals = report.totals;
  const categories = Object.entries(totals.byCategory).sort(([a], [b]) => a.localeCompare(b));
  const category = (c: string) => t(`categories.${c}`, { defaultValue: c });

  return (
    <article className="compliance-document" lang={DOCUMENT_LANGUAGE} aria-label={t('label')}>
      <header className="doc-title">
        <h2>{t('title')}</h2>
        <p>{t('subtitle')}</p>
      </header>

      <section aria-labelledby="doc-header">
        <h3 id="doc-header">{t('header')}</h3>
        <dl className="doc-facts">
          <dt>{t('period')}</dt>
          <dd>{t('periodValue', { from: f.firstDay(report.period.from), to: f.lastDay(report.period.to) })}</dd>
          <dt>{t('organisation')}</dt>
          <dd>{report.organisation ?? t('allOrganisations')}</dd>
          <dt>{t('generatedAt')}</dt>
          <dd>{f.dateTime(report.generatedAt)}</dd>
          <dt>{t('generatedBy')}</dt>
          <dd>{generatedByName ? t('generatedByValue', { name: generatedByName, actor: report.generatedBy }) : report.generatedBy}</dd>
          <dt>{t('keyId')}</dt>
          <dd className="doc-code">{signed.keyId}</dd>
          {fingerprint.data === null ? (
            <>
              <dt>{t('signature')}</dt>
              <dd className="doc-code">{signed.signature}</dd>
            </>
          ) : (
            <>
              <dt>{t('fingerprint')}</dt>
              <dd className="doc-code">{fingerprint.data ?? '…'}</dd>
            </>
          )}
        </dl>
        <p className="doc-note">{t('timeNote')}</p>
      </section>

      <section aria-labelledby="doc-summary">
        <h3 id="doc-summary">{t('summary')}</h3>
        <dl className="doc-figures">
          <Figure label={t('orders')} value={f.number(totals.orders)} />
          <Figure label={t('targets')} value={f.number(totals.targets)} />
          <Figure label={t('onTime')} value={f.number(totals.onTime)} />
          <Figure label={t('breached')} value={f.number(totals.breached)} />
          <Figure label={t('open')} value={f.number(totals.open)} />
          <Figure label={t('onTimeRate')} value={f.percent(totals.onTimeRate)} />
        </dl>
        <dl className="doc-facts">
          <dt>{t('warnings')}</dt>
          <dd>{t('warningsValue', { st1: f.number(totals.warnings.st1), st2: f.number(totals.warnings.st2), st3: f.number(totals.warnings.st3) })}</dd>
          <dt>{t('fines')}</dt>
          <dd>{t('finesValue', { count: totals.fines, n: f.number(totals.fines), total: f.rupiah(totals.finesIdr) })}</dd>
        </dl>
        <div>
          <TallyTable caption={t('byCategory')} first={t('category')} rows={categories.map(([c, v]) => [category(c), v])} t={t} />
          <TallyTable
            caption={t('byUrgency')}
            first={t('urgency')}
            rows={[
              [t('urgent'), totals.byUrgency.urgent],
              [t('standard'), totals.byUrgency.standard],
            ]}
            t={t}
          />
        </div>
      </section>

      <section aria-labelledby="doc-details">
        <h3 id="doc-details">{t('details')}</h3>
        {report.orders.length === 0 && <p>{t('none')}</p>}
        {report.orders.map((o) => (
          <OrderBlock key={o.id} order={o} category={category(o.category)} t={t} />
        ))}
      </section>

      <footer className="doc-footer">
        <p>{t('verification', { command: `saring report verify ${fileName}` })}</p>
      </footer>
    </article>
  );
}

type DocT = ReturnType<ReturnType<typeof useTranslation>['i18n']['getFixedT']>;

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function TallyTable({ caption, first, rows, t }: { caption: string; first: string; rows: [string, Tally][]; t: DocT }) {
  return (
    <table className="doc-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{first}</th>
          <th scope="col" className="num">
            {t('orders')}
          </th>
          <th scope="col" className="num">
            {t('onTime')}
          </th>
          <th scope="col" className="num">
            {t('breached')}
          </th>
          <th scope="col" className="num">
            {t('open')}
          </th>
          <th scope="col" className="num">
            {t('onTimeRate')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, v]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="num">{f.number(v.orders)}</td>
            <td className="num">{f.number(v.onTime)}</td>
            <td className="num">{f.number(v.breached)}</td>
            <td className="num">{f.number(v.open)}</td>
            <td className="num">{f.percent(v.onTimeRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The order's clock with the hours it had, as its deadline says (the policy's table when it was received); a clock of no whole hours (a test's) unnamed. */
function clockLabel(o: Order, t: DocT): string {
  const hours = (Date.parse(o.dueAt) - Date.parse(o.receivedAt)) / 3_600_000;
  const kind = o.urgentClock ? 'urgent' : 'standard';
  return Number.isInteger(hours) && hours > 0 ? t(`${kind}Clock`, { hours }) : t(`${kind}Plain`);
}

/** One order: its clock, its outcome, what became of each target, the warning letters and fines. */
function OrderBlock({ order: o, category, t }: { order: Order; category: string; t: DocT }) {
  return (
    <div className="doc-order">
      <div className="doc-order-head">
        <h4>{t('orderNumber', { number: o.orderNumber })}</h4>
        <span>{o.organisation}</span>
        <span>{category}</span>
        {o.requestedAction === 'information' && <span>{t('informationRequest')}</span>}
        <span>{clockLabel(o, t)}</span>
        <span className={`doc-outcome doc-outcome-${o.outcome}`}>{t(`outcomes.${o.outcome}`)}</span>
      </div>
      <dl className="doc-clock">
        <div>
          <dt>{t('received')}</dt>
          <dd>{f.dateTime(o.receivedAt)}</dd>
        </div>
        <div>
          <dt>{t('deadline')}</dt>
          <dd>{f.dateTime(o.dueAt)}</dd>
        </div>
        <div>
          <dt>{t('completed')}</dt>
          <dd>{o.completedAt ? f.dateTime(o.completedAt) : t('notYet')}</dd>
        </div>
        {o.breachedAt && (
          <div>
            <dt>{t('breachedAt')}</dt>
            <dd>{f.dateTime(o.breachedAt)}</dd>
          </div>
        )}
      </dl>
      <table className="doc-table">
        <thead>
          <tr>
            <th scope="col">{t('target')}</th>
            <th scope="col">{t('status')}</th>
            <th scope="col">{t('actedAt')}</th>
            <th scope="col">{t('inTime')}</th>
          </tr>
        </thead>
        <tbody>
          {o.targets.map((target, i) => (
            <tr key={i}>
              <td className="doc-target">
                <span className="doc-kind">{t(`kinds.${target.kind}`, { defaultValue: target.kind })}</span> {target.value}
              </td>
              <td>{t(`statuses.${target.status}`, { defaultValue: target.status })}</td>
              <td>{target.actedAt ? f.dateTime(target.actedAt) : '–'}</td>
              <td className={target.onTime === false ? 'doc-late' : undefined}>{target.onTime === null ? '–' : target.onTime ? t('yes') : t('no')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {o.warnings.length > 0 && (
        <table className="doc-table">
          <thead>
            <tr>
              <th scope="col">{t('letter')}</th>
              <th scope="col">{t('letterNumber')}</th>
              <th scope="col">{t('letterDate')}</th>
              <th scope="col">{t('commitment')}</th>
              <th scope="col">{t('fineAmount')}</th>
            </tr>
          </thead>
          <tbody>
            {o.warnings.map((w) => (
              <tr key={w.level}>
                <td>{t('letterLevel', { level: w.level })}</td>
                <td>{w.letterNumber}</td>
                <td>{f.day(w.letterDate)}</td>
                <td>{w.commitmentDate ? f.day(w.commitmentDate) : '–'}</td>
                <td>{w.fines.length ? w.fines.map((fine) => f.rupiah(fine.amountIdr)).join(', ') : t('noFine')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
