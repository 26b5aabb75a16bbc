// Income and expenses with their monthly equivalents and monthly totals. The figures come from the core
// (dossier.monthlyLines): each line rounded to cents once, half-up, and each total the sum of exactly those lines.
// This screen only formats them, and never shows figures of an older version of the dossier beside newer amounts.
import { useEffect, useState } from 'react';
import type { MonthlyLinesOut } from '../../../shared/contract/monthly-lines';
import {
  EXPENSE_CATEGORY_LABELS,
  INCOME_CATEGORY_LABELS,
  type ExpenseCategory,
  type IncomeCategory,
} from '../../../shared/dossier/categories';
import type { Dossier, Expense, Income } from '../../../shared/dossier/schema';
import { frequencyLabel } from '../../../shared/frequency';
import { formatEuro } from '../../../shared/money';
import { Flash, useFlash, useFocusAfterRender } from '../../components/Flash';
import { DataTable, hiddenCol, NumCell, numCol } from '../../components/DataTable';
import { Alert } from '../../components/Status';
import { showDate } from '../../format';
import { BudgetItemForm, type BudgetKind } from './BudgetItemForm';
import { useRemoval } from './removal';
import { PENDING, useDossierFigures } from './dossier-figures';

type Editing = { kind: BudgetKind; index: number | null } | null;

export function BudgetTab({ dossier, onChange }: { dossier: Dossier; onChange: (d: Dossier) => void }) {
  const [editing, setEditing] = useState<Editing>(null);
  const [flash, showFlash] = useFlash();
  const focusLater = useFocusAfterRender();
  const { figures, error } = useDossierFigures('dossier.monthlyLines', dossier);
  // A saved item's total is brought into view again once its new figures have arrived: they can move it.
  const [reveal, setReveal] = useState<string | null>(null);
  useEffect(() => {
    if (!reveal || !figures) return;
    document.getElementById(reveal)?.scrollIntoView?.({ block: 'nearest' });
    setReveal(null);
  }, [reveal, figures]);
  const shown = (amount: string | undefined) => (amount === undefined ? PENDING : formatEuro(amount));

  // Removing asks first and can be undone; only the one item is sent.
  const removal = useRemoval(dossier, onChange);

  return (
    <div className="stack">
      <div role="group" aria-label="Totalen per maand" aria-busy={!figures && !error}>
      <dl className="totals">
        <div>
          <dt>Inkomsten per maand</dt>
          <dd>{shown(figures?.totalIncome)}</dd>
        </div>
        <div>
          <dt>Uitgaven per maand</dt>
          <dd>{shown(figures?.totalExpenses)}</dd>
        </div>
        <div className={figures?.difference.startsWith('-') ? 'negative' : ''}>
          <dt>Verschil per maand</dt>
          <dd>{shown(figures?.difference)}</dd>
        </div>
      </dl>
      </div>
      <Alert>{error ? `De bedragen per maand zijn niet berekend. ${error}` : null}</Alert>
      {removal.ui}
      <Flash message={flash} />
      {(['income', 'expense'] as const).map((kind) => {
        const items: (Income | Expense)[] = kind === 'income' ? dossier.incomes : dossier.expenses;
        const lines = kind === 'income' ? figures?.incomes : figures?.expenses;
        const title = kind === 'income' ? 'Inkomsten' : 'Uitgaven';
        const noun = kind === 'income' ? 'inkomst' : 'uitgave';
        const label = (c: string) =>
          kind === 'income' ? INCOME_CATEGORY_LABELS[c as IncomeCategory] : EXPENSE_CATEGORY_LABELS[c as ExpenseCategory];
        return (
          <section key={kind} aria-labelledby={`h-${kind}`}>
            <div className="section-head">
              <h2 id={`h-${kind}`}>{title}</h2>
              {editing?.kind !== kind ? (
                <button type="button" id={`${kind}-toevoegen`} className="button" onClick={() => setEditing({ kind, index: null })}>
                  {kind === 'income' ? 'Inkomst toevoegen' : 'Uitgave toevoegen'}
                </button>
              ) : null}
            </div>
            {editing?.kind === kind ? (
              <BudgetItemForm
                kind={kind}
                dossier={dossier}
                index={editing.index}
                onDone={(d) => {
                  const index = editing.index ?? (d ? d[kind === 'income' ? 'incomes' : 'expenses'].length - 1 : null);
                  if (d) {
                    onChange(d);
                    setReveal(`${kind}-totaal`);
                    showFlash(`${capitalize(noun)} opgeslagen. De totalen zijn bijgewerkt.`);
                  }
                  setEditing(null);
                  // Back to the row that was saved or edited, or to the add button after cancelling a new item;
                  // the monthly total that changed comes into view with it.
                  focusLater(index === null ? `${kind}-toevoegen` : `${kind}-bewerken-${index}`, () =>
                    d ? document.getElementById(`${kind}-totaal`) : null,
                  );
                }}
              />
            ) : null}
            {items.length === 0 ? (
              <p className="muted">Geen {title.toLowerCase()} vastgelegd.</p>
            ) : (
              <DataTable
                caption={title}
                columns={['Omschrijving', 'Categorie', numCol('Bedrag'), 'Frequentie', numCol('Per maand'), 'Periode', ...(kind === 'income' ? ['Ontvanger'] : []), hiddenCol('Acties')]}
                foot={
                  <tr id={`${kind}-totaal`}>
                    <th scope="row" colSpan={4}>
                      Totaal per maand
                    </th>
                    <NumCell total>{shown(kind === 'income' ? figures?.totalIncome : figures?.totalExpenses)}</NumCell>
                    <td colSpan={kind === 'income' ? 3 : 2} />
                  </tr>
                }
              >
                {items.map((item, i) => (
                  <tr key={item.id ?? i}>
                    <td>{item.description}</td>
                    <td>{label(item.category)}</td>
                    <NumCell>{formatEuro(item.amount)}</NumCell>
                    <td>{frequencyLabel(item.frequency, item.instalments)}</td>
                    <NumCell>{shown(lineOf(lines, i, item))}</NumCell>
                    <td className="nowrap">{period(item.startDate, item.endDate)}</td>
                    {kind === 'income' ? <td>{receiver((item as Income).personRole)}</td> : null}
                    <td className="row-actions">
                      <button
                        type="button"
                        id={`${kind}-bewerken-${i}`}
                        className="button small"
                        aria-label={`${capitalize(noun)} ${item.description} bewerken`}
                        onClick={() => setEditing({ kind, index: i })}
                      >
                        Bewerken
                      </button>
                      <button
                        type="button"
                        className="button small danger-quiet"
                        aria-label={`${capitalize(noun)} ${item.description} verwijderen`}
                        onClick={() => removal.ask(kind, item.id, `${capitalize(noun)} ‘${item.description}’`)}
                      >
                        Verwijderen
                      </button>
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** The core's line for the item in row `i` (lines come in the dossier's order; the id confirms the match). */
function lineOf(lines: MonthlyLinesOut['incomes'] | undefined, i: number, item: Income | Expense): string | undefined {
  const line = lines?.[i];
  return line && line.id === (item.id ?? null) ? line.monthly : undefined;
}

function period(start?: string | null, end?: string | null): string {
  if (!start && !end) return 'Doorlopend';
  if (start && !end) return `vanaf ${showDate(start)}`;
  if (!start && end) return `tot en met ${showDate(end)}`;
  return `${showDate(start)} t/m ${showDate(end)}`;
}

function receiver(role: Income['personRole']): string {
  return role === 'aanvrager' ? 'Aanvrager' : role === 'partner' ? 'Partner' : 'Huishouden';
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
