// The two charts of the budget screen, fed from the core's figures (strings), with a table as the
// text alternative of the projection.
import type { BudgetResultOut, ProjectionOut } from '../../../shared/contract/budget';
import { ComparisonChart, type Bar } from '../../components/charts/ComparisonChart';
import { ProjectionChart } from '../../components/charts/ProjectionChart';
import { DataTable, NumCell, numCol } from '../../components/DataTable';
import { euro, isNegative, monthLabel } from './view';

export function BudgetCharts({ result: r }: { result: BudgetResultOut }) {
  const bars: Bar[] = [
    { id: 'inkomen', label: 'Inkomen per maand', value: r.income.total.value, tone: 'income' },
    { id: 'beslagbaar', label: 'Beslagbaar inkomen', value: r.income.attachable.value, tone: 'income' },
    { id: 'norm', label: 'Bijstandsnorm', value: r.bijstandsnorm.value, tone: 'norm' },
    { id: 'vtlb', label: 'VTLB', value: r.vtlb.total.value, tone: 'vtlb' },
    { id: 'uitgaven', label: 'Uitgaven per maand', value: r.budget.expensesTotal.value, tone: 'expense' },
  ];
  return (
    <section className="card" aria-labelledby="h-vergelijking">
      <h3 id="h-vergelijking" className="visually-hidden">
        Vergelijking
      </h3>
      <ComparisonChart title="Inkomen tegenover bijstandsnorm, VTLB en uitgaven (per maand)" bars={bars} />
    </section>
  );
}

export function ProjectionSection({ projection }: { projection: ProjectionOut }) {
  const months = projection.months;
  const first = months[0];
  const last = months[months.length - 1];
  // Saldo = inkomen + kostenvergoedingen − uitgaven: with cost allowances in any month their column stands beside it.
  const withAllowances = months.some((m) => m.kostenvergoedingen != null && !/^-?0(\.0+)?$/.test(m.kostenvergoedingen));
  return (
    <section className="card" aria-labelledby="h-projectie">
      <h3 id="h-projectie">Verwachting voor de komende {months.length} maanden</h3>
      <p className="small">
        {projection.firstNegativeMonth ? (
          <strong className="negative-amount">Tekort vanaf {monthLabel(projection.firstNegativeMonth)}.</strong>
        ) : (
          'Het saldo blijft in de berekende maanden positief.'
        )}{' '}
        {projection.firstProvisionalMonth ? `Vanaf ${monthLabel(projection.firstProvisionalMonth)} zijn de normen voorlopig (*). ` : null}
        {projection.firstUncoveredMonth
          ? `Vanaf ${monthLabel(projection.firstUncoveredMonth)} zijn de normen nog niet bekend: inkomen, uitgaven en saldo zijn berekend, de afloscapaciteit niet.`
          : null}
      </p>
      <ProjectionChart
        title={first && last ? `Saldo per maand, ${monthLabel(first.month)} t/m ${monthLabel(last.month)}` : 'Saldo per maand'}
        points={months.map((m) => ({ month: m.month, covered: m.covered, saldo: m.saldo, negative: m.negative }))}
      />
      <details className="projection-details">
        <summary>Tabel per maand</summary>
        <DataTable
          caption="Verwachting per maand"
          columns={['Maand', numCol('Inkomen'), ...(withAllowances ? [numCol('Kostenvergoedingen')] : []), numCol('Uitgaven'), numCol('Saldo'), numCol('Afloscapaciteit'), 'Wijzigingen']}
        >
          {months.map((m) => (
            <tr key={m.month} className={m.covered ? undefined : 'uncovered-row'}>
              <th scope="row" className="nowrap">
                {monthLabel(m.month)}
              </th>
              {/* Every month has income, expenses and saldo; norm-based figures only where norms are known. */}
              <NumCell>{euro(m.inkomen)}</NumCell>
              {withAllowances ? <NumCell>{euro(m.kostenvergoedingen ?? null)}</NumCell> : null}
              <NumCell>{euro(m.uitgaven)}</NumCell>
              <td className={`num nowrap${isNegative(m.saldo) ? ' negative-amount' : ''}`}>
                {euro(m.saldo)}
                {m.negative ? <span className="visually-hidden"> (tekort)</span> : null}
              </td>
              <td className={`num nowrap${m.covered ? '' : ' muted small'}`}>
                {m.covered ? euro(m.afloscapaciteit) : 'normen nog niet bekend'}
                {m.provisional ? <abbr title={m.provisional}> *</abbr> : null}
              </td>
              <td className="small">{[m.provisional ? 'voorlopige normen.' : null, ...m.changes].filter(Boolean).join(' ')}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </section>
  );
}
