// "Zo telt het op" (the shared presenter's sections: each total under the parts it is the sum of, the same as in
// the PDF and the CLI) and the entitlement checks (expected against received). Only engine figures are shown.
import type { BudgetView } from '../../../shared/contract/budget';
import { DataTable, NumCell, numCol } from '../../components/DataTable';
import { isNegative } from './view';

const VERDICTS: Record<string, string> = {
  in_orde: 'In orde',
  mogelijk_niet_gebruik: 'Mogelijk niet-gebruik',
  automatische_wijziging: 'Automatische wijziging',
  meer_dan_verwacht: 'Meer dan verwacht',
  niet_te_beoordelen: 'Niet te beoordelen',
};

/** Issue 7: computed with the last known norms past their period. */
export function ProvisionalBanner({ view }: { view: BudgetView }) {
  const p = view.result.provisional;
  if (!p) return null;
  return (
    <div className="alert provisional-banner" role="status">
      <p className="alert-title">{`${p.message[0]!.toUpperCase()}${p.message.slice(1)}`}</p>
      <p>Er is gerekend met de laatst bekende normen. Elk bedrag dat op een norm rust, is gemarkeerd met * en is voorlopig.</p>
    </div>
  );
}

export function AddsUpSection({ view }: { view: BudgetView }) {
  // The presenter's sections, built in the core from the engine's figures and validated on the way out.
  const sections = view.sections;
  return (
    <section className="card" aria-labelledby="h-telt-op">
      <h3 id="h-telt-op">Zo telt het op</h3>
      <p className="muted small">Elk bedrag per maand is één keer op centen afgerond; elk totaal is de som van de bedragen erboven.</p>
      <div className="adds-up">
        {sections.map((s) => (
          <div key={s.id} className="table-wrap">
            <table className="table adds-up-table" aria-label={s.title}>
              <caption>
                {s.title}
                {s.provisional ? <span className="figure-note provisional-note"> ({s.provisional})</span> : null}
              </caption>
              <tbody>
                {s.rows.map((r) => (
                  <tr key={r.id} className={r.sign === '=' ? 'figure-total' : undefined}>
                    <td aria-hidden="true" className="adds-up-sign">
                      {r.sign === '=' ? '' : r.sign}
                    </td>
                    <th scope="row">
                      {r.sign === '−' ? <span className="visually-hidden">min </span> : null}
                      {r.label}
                    </th>
                    <td className={`num nowrap${r.sign === '=' && isNegative(r.amount) ? ' negative-amount' : ''}`}>{r.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ))}
      </div>
    </section>
  );
}

export function EntitlementsSection({ view }: { view: BudgetView }) {
  const checks = view.result.entitlements?.checks ?? [];
  if (checks.length === 0) return null;
  const sections = view.sections.filter((s) => s.id.startsWith('aanspraak-'));
  return (
    <section className="card" aria-labelledby="h-aanspraken">
      <h3 id="h-aanspraken">Toeslagen en kinderregelingen: verwacht en ontvangen</h3>
      <DataTable
        caption="Toeslagen en kinderregelingen: verwacht en ontvangen"
        columns={['Regeling', numCol('Verwacht'), numCol('Ontvangen'), numCol('Verschil'), 'Oordeel']}
      >
        {checks.map((c) => {
          const rows = sections.find((s) => s.id === `aanspraak-${c.scheme}`)?.rows ?? [];
          const text = (id: string) => rows.find((r) => r.id === id)?.text ?? '';
          return (
            <tr key={c.scheme}>
              <th scope="row">{c.label}</th>
              <td className="num nowrap">
                {text('verwacht')}
                {c.expected.provisional ? <abbr title={c.expected.provisional}> *</abbr> : null}
              </td>
              <NumCell>{text('ontvangen')}</NumCell>
              <td className={`num nowrap${isNegative(c.difference.value) ? ' negative-amount' : ''}`}>{text('verschil')}</td>
              <td>
                <strong>{VERDICTS[c.verdict] ?? c.verdict}</strong>
                <span className="figure-note">{c.message}</span>
              </td>
            </tr>
          );
        })}
      </DataTable>
    </section>
  );
}
