// Debts: creditor, collecting party, reference, amounts, preferent/concurrent, status and since when, with totals;
// debts v2: creditor kind, verification and re-check date, in/out of the regeling with a reason, the dated statement
// (hoofdsom, rente, kosten) and a zorgverzekeraar's premium arrears with its wanbetalersregeling stage.
import { useMemo, useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { AppError } from '../../../shared/contract/errors';
import { DEFAULT_EXCLUSION_REASONS } from '../../../shared/arrangement/inclusion';
import { debtPremiumStage } from '../../../shared/arrangement/zorg';
import {
  ARRANGEMENT_INCLUSIONS,
  ARRANGEMENT_INCLUSION_LABELS,
  CREDITOR_KINDS,
  CREDITOR_KIND_LABELS,
  DEBT_KINDS,
  DEBT_STATUSES,
  DEBT_STATUS_LABELS,
  DEBT_V2_DEFAULTS,
  VERIFICATION_STATUSES,
  VERIFICATION_STATUS_LABELS,
  debtSchema,
  type Debt,
  type Dossier,
} from '../../../shared/dossier/schema';
import { formatEuro } from '../../../shared/money';
import { DataTable, hiddenCol, NumCell, numCol } from '../../components/DataTable';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useDraft } from '../../components/useDraft';
import { CheckboxField, SelectField, TextField, optionsOf } from '../../components/fields';
import { errorOf, fieldId, mappedResolver } from '../../components/form-helpers';
import { Flash, useFlash, useFocusAfterRender } from '../../components/Flash';
import { amountInputToCanonical, canonicalToAmountInput, dateInputToIso, isoToDateInput, optionalDateInputToIso, showDate } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { closeOnEscape } from './inline-form';
import { useRemoval } from './removal';
import { PENDING, useDossierFigures } from './dossier-figures';
import { Alert } from '../../components/Status';
import { prefillFromDebt } from '../../../shared/signals/prefill';
import type { SignalDataInput } from '../../../shared/signals/schema';

const KIND_LABELS: Record<(typeof DEBT_KINDS)[number], string> = { concurrent: 'Concurrent', preferent: 'Preferent' };

export function DebtsTab({
  dossier,
  onChange,
  onReportSignal,
}: {
  dossier: Dossier;
  onChange: (d: Dossier) => void;
  /** "Meld systeemfout" on a debt: opens the signal form pre-filled from it. */
  onReportSignal?: ((prefill: SignalDataInput) => void) | undefined;
}) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [flash, showFlash] = useFlash();
  const focusLater = useFocusAfterRender();
  // Removing asks first and can be undone; only the one item is sent.
  const removal = useRemoval(dossier, onChange);
  // The counts and totals are the core's (dossier.debtTotals), each total the sum of the rows; this tab only formats.
  const { figures, error } = useDossierFigures('dossier.debtTotals', dossier);
  const shown = (amount: string | undefined) => (amount === undefined ? PENDING : formatEuro(amount));

  return (
    <div className="stack">
      <div role="group" aria-label="Totalen schulden" aria-busy={!figures && !error}>
      <dl className="totals">
        <div>
          <dt>Aantal schulden</dt>
          <dd>{figures ? `${figures.count} (${figures.unpaid} niet betaald)` : PENDING}</dd>
        </div>
        <div>
          <dt>Oorspronkelijk totaal</dt>
          <dd>{shown(figures?.totalOriginal)}</dd>
        </div>
        <div>
          <dt>Huidig totaal</dt>
          <dd>{shown(figures?.totalCurrent)}</dd>
        </div>
      </dl>
      </div>
      <Alert>{error ? `De totalen van de schulden zijn niet berekend. ${error}` : null}</Alert>
      {removal.ui}
      <Flash message={flash} />
      <section aria-labelledby="h-schulden">
        <div className="section-head">
          <h2 id="h-schulden">Schulden</h2>
          {editing === null ? (
            <button type="button" id="schuld-toevoegen" className="button" onClick={() => setEditing('new')}>
              Schuld toevoegen
            </button>
          ) : null}
        </div>
        {editing !== null ? (
          <DebtForm
            dossier={dossier}
            index={editing === 'new' ? null : editing}
            onDone={(d) => {
              const index = editing === 'new' ? (d ? d.debts.length - 1 : null) : editing;
              if (d) {
                onChange(d);
                showFlash('Schuld opgeslagen. De totalen zijn bijgewerkt.');
              }
              setEditing(null);
              // Back to the saved row (or the add button after cancelling), with the changed totals in view.
              focusLater(index === null ? 'schuld-toevoegen' : `schuld-bewerken-${index}`, () => (d ? document.getElementById('schuld-totaal') : null));
            }}
          />
        ) : null}
        {dossier.debts.length === 0 ? (
          <p className="muted">Geen schulden vastgelegd.</p>
        ) : (
          <DataTable
            caption="Schulden"
            columns={['Schuldeiser', 'Incassant', 'Kenmerk', numCol('Oorspronkelijk'), numCol('Huidig'), 'Soort', 'Status', 'Ontstaan op', hiddenCol('Acties')]}
            foot={
              <tr id="schuld-totaal">
                <th scope="row" colSpan={3}>
                  Totaal
                </th>
                <NumCell total>{shown(figures?.totalOriginal)}</NumCell>
                <NumCell total>{shown(figures?.totalCurrent)}</NumCell>
                <td colSpan={4} />
              </tr>
            }
          >
                {dossier.debts.map((d, i) => (
                  <tr key={d.id ?? i}>
                    <td>
                      {d.creditor}
                      <br />
                      <DebtDetails debt={d} />
                    </td>
                    <td>{d.collector || '—'}</td>
                    <td className="mono">{d.reference || '—'}</td>
                    <NumCell>{formatEuro(d.originalAmount)}</NumCell>
                    <NumCell>{formatEuro(d.currentAmount)}</NumCell>
                    <td>{KIND_LABELS[d.kind]}</td>
                    <td>{DEBT_STATUS_LABELS[d.status]}</td>
                    <td className="nowrap">{showDate(d.since)}</td>
                    <td className="row-actions stacked-actions">
                      {onReportSignal ? (
                        <button type="button" className="button small" aria-label={`Systeemfout melden bij schuld ${d.creditor}`} onClick={() => onReportSignal(prefillFromDebt(d))}>
                          Meld systeemfout
                        </button>
                      ) : null}{' '}
                      <button type="button" id={`schuld-bewerken-${i}`} className="button small" aria-label={`Schuld ${d.creditor} bewerken`} onClick={() => setEditing(i)}>
                        Bewerken
                      </button>
                      <button
                        type="button"
                        className="button small danger-quiet"
                        aria-label={`Schuld ${d.creditor} verwijderen`}
                        onClick={() => removal.ask('debt', d.id, `Schuld bij ${d.creditor}`)}
                      >
                        Verwijderen
                      </button>
                    </td>
                  </tr>
                ))}
          </DataTable>
        )}
      </section>
      {/* With debts of two or more statuses: what each status adds to the totals (one status would repeat them). */}
      {figures && figures.byStatus.length > 1 ? (
        <section aria-labelledby="h-schulden-status">
          <h3 id="h-schulden-status">Per status</h3>
          <DataTable
            caption="Schulden per status"
            columns={['Status', numCol('Aantal'), numCol('Oorspronkelijk'), numCol('Huidig')]}
            foot={
              <tr>
                <th scope="row">Totaal</th>
                <NumCell total>{figures.count}</NumCell>
                <NumCell total>{formatEuro(figures.totalOriginal)}</NumCell>
                <NumCell total>{formatEuro(figures.totalCurrent)}</NumCell>
              </tr>
            }
          >
            {figures.byStatus.map((s) => (
              <tr key={s.status}>
                <td>{DEBT_STATUS_LABELS[s.status]}</td>
                <NumCell>{s.count}</NumCell>
                <NumCell>{formatEuro(s.original)}</NumCell>
                <NumCell>{formatEuro(s.current)}</NumCell>
              </tr>
            ))}
          </DataTable>
        </section>
      ) : null}
    </div>
  );
}

/** Creditor kind, verification, re-check date, regeling in/out and the wanbetalersregeling stage, under the creditor. */
function DebtDetails({ debt }: { debt: Debt }) {
  const kind = debt.creditorKind ?? DEBT_V2_DEFAULTS.creditorKind;
  const inclusion = debt.inclusion ?? DEBT_V2_DEFAULTS.inclusion;
  const out =
    inclusion === 'uitsluiten' || (inclusion === 'standaard' && DEFAULT_EXCLUSION_REASONS[kind] !== undefined);
  const stage = debtPremiumStage(debt);
  return (
    <span className="hint">
      {CREDITOR_KIND_LABELS[kind]} · Saldo {VERIFICATION_STATUS_LABELS[debt.verification ?? DEBT_V2_DEFAULTS.verification].toLowerCase()}
      {debt.recheckAfter ? ` · opnieuw opvragen na ${showDate(debt.recheckAfter)}` : ''}
      {out ? ' · buiten de schuldregeling' : ''}
      {stage ? ` · ${stage.label}` : ''}
    </span>
  );
}

interface DebtFormValues {
  creditorKind: NonNullable<Debt['creditorKind']>;
  kindReason: string;
  verification: NonNullable<Debt['verification']>;
  recheckAfter: string;
  inclusion: NonNullable<Debt['inclusion']>;
  inclusionReason: string;
  statement: { date: string; principal: string; interest: string; costs: string };
  premiumArrears: { months: string; monthlyPremium: string; reportedToCak: boolean; reportedToCakOn: string };
  creditor: string;
  collector: string;
  reference: string;
  originalAmount: string;
  currentAmount: string;
  kind: Debt['kind'];
  status: Debt['status'];
  since: string;
}

const amountOrZero = (s: string) => (s.trim() === '' ? '0.00' : amountInputToCanonical(s));

/** The debts-v2 part of the form as the schema's input: an empty statement or arrears block means none. */
function v2FromForm(v: DebtFormValues): Partial<Debt> {
  const st = v.statement;
  const hasStatement = [st.date, st.principal, st.interest, st.costs].some((x) => x.trim() !== '');
  const pa = v.premiumArrears;
  const hasArrears = v.creditorKind === 'zorgverzekeraar' && pa.months.trim() !== '';
  return {
    creditorKind: v.creditorKind,
    kindReason: v.kindReason.trim() || undefined,
    verification: v.verification,
    recheckAfter: optionalDateInputToIso(v.recheckAfter),
    inclusion: v.inclusion,
    inclusionReason: v.inclusionReason.trim() || undefined,
    statement: hasStatement
      ? { date: dateInputToIso(st.date), principal: amountOrZero(st.principal), interest: amountOrZero(st.interest), costs: amountOrZero(st.costs) }
      : null,
    premiumArrears: hasArrears
      ? {
          months: /^\d+$/.test(pa.months.trim()) ? Number(pa.months.trim()) : (pa.months as unknown as number),
          monthlyPremium: pa.monthlyPremium.trim() ? amountInputToCanonical(pa.monthlyPremium) : null,
          reportedToCak: pa.reportedToCak,
          reportedToCakOn: optionalDateInputToIso(pa.reportedToCakOn),
        }
      : null,
  };
}

function DebtForm({ dossier, index, onDone }: { dossier: Dossier; index: number | null; onDone: (d: Dossier | null) => void }) {
  const call = useCall();
  const [serverError, setServerError] = useState<string | null>(null);
  const existing = index === null ? undefined : dossier.debts[index];
  const resolver = useMemo(
    () =>
      mappedResolver<DebtFormValues, Debt>(debtSchema as never, (v) => ({
        ...(existing?.id ? { id: existing.id } : {}),
        ...v2FromForm(v),
        since: optionalDateInputToIso(v.since),
        creditor: v.creditor,
        collector: v.collector.trim() || undefined,
        reference: v.reference.trim() || undefined,
        originalAmount: amountInputToCanonical(v.originalAmount),
        currentAmount: amountInputToCanonical(v.currentAmount),
        kind: v.kind,
        status: v.status,
      })),
    [existing],
  );
  const form = useForm<DebtFormValues, unknown, Debt>({
    resolver,
    defaultValues: {
      creditor: existing?.creditor ?? '',
      collector: existing?.collector ?? '',
      reference: existing?.reference ?? '',
      originalAmount: existing ? canonicalToAmountInput(existing.originalAmount) : '',
      currentAmount: existing ? canonicalToAmountInput(existing.currentAmount) : '',
      kind: existing?.kind ?? 'concurrent',
      status: existing?.status ?? 'open',
      since: isoToDateInput(existing?.since),
      creditorKind: existing?.creditorKind ?? DEBT_V2_DEFAULTS.creditorKind,
      kindReason: existing?.kindReason ?? '',
      verification: existing?.verification ?? DEBT_V2_DEFAULTS.verification,
      recheckAfter: isoToDateInput(existing?.recheckAfter),
      inclusion: existing?.inclusion ?? DEBT_V2_DEFAULTS.inclusion,
      inclusionReason: existing?.inclusionReason ?? '',
      statement: {
        date: isoToDateInput(existing?.statement?.date),
        principal: existing?.statement ? canonicalToAmountInput(existing.statement.principal) : '',
        interest: existing?.statement ? canonicalToAmountInput(existing.statement.interest) : '',
        costs: existing?.statement ? canonicalToAmountInput(existing.statement.costs) : '',
      },
      premiumArrears: {
        months: existing?.premiumArrears ? String(existing.premiumArrears.months) : '',
        monthlyPremium: existing?.premiumArrears?.monthlyPremium ? canonicalToAmountInput(existing.premiumArrears.monthlyPremium) : '',
        reportedToCak: existing?.premiumArrears?.reportedToCak ?? false,
        reportedToCakOn: isoToDateInput(existing?.premiumArrears?.reportedToCakOn),
      },
    },
  });
  const creditorKind = form.watch('creditorKind');
  const inclusion = form.watch('inclusion');
  const { errors, submitCount, isSubmitting } = form.formState;
  const P = 'schuld';
  const title = index === null ? 'Schuld toevoegen' : 'Schuld bewerken';
  // Half-filled work is kept as a draft in the vault (navigation, auto-lock) and offered back when this form opens.
  const draft = useDraft(form, { form: `debt:${dossier.id}:${existing?.id ?? 'nieuw'}`, label: `${title} (dossier ${dossier.number})`, dossierId: dossier.id });
  const f = (name: Path<DebtFormValues>) => ({ id: fieldId(P, name), registration: form.register(name), error: errorOf(errors, name) });

  const onSubmit = form.handleSubmit(async (debt) => {
    setServerError(null);
    try {
      // Only this debt crosses the contract (with its id when editing), never the rest of the dossier.
      const saved = (await call('dossier.saveItem', { id: dossier.id, kind: 'debt', item: debt })) as Dossier;
      await draft.discard();
      onDone(saved);
    } catch (err) {
      // Issues on this debt ("item.currentAmount") go to the matching field.
      const at = 'item.';
      if (err instanceof AppError) {
        for (const issue of err.issues ?? []) {
          if (issue.path.startsWith(at)) form.setError(issue.path.slice(at.length) as Path<DebtFormValues>, { type: 'server', message: issue.message });
        }
      }
      setServerError(errorMessage(err));
    }
  });

  return (
    <>
    {draft.ui}
    <form noValidate onSubmit={onSubmit} className="card item-form" aria-labelledby={`${P}-titel`} onKeyDown={closeOnEscape(() => draft.leave(() => onDone(null)))}>
      <h3 id={`${P}-titel`}>{title}</h3>
      <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} />
      <div className="grid-3">
        <TextField {...f('creditor')} label="Schuldeiser" autoComplete="off" autoFocus />
        <TextField {...f('collector')} label="Incassant" autoComplete="off" hint="Deurwaarder of incassobureau, als dat er is." />
        <TextField {...f('reference')} label="Kenmerk" autoComplete="off" spellCheck={false} />
        <TextField {...f('originalAmount')} label="Oorspronkelijk bedrag" inputMode="decimal" autoComplete="off" hint="In euro, bijvoorbeeld 1.234,56" />
        <TextField {...f('currentAmount')} label="Huidig bedrag" inputMode="decimal" autoComplete="off" hint="Inclusief rente en kosten." />
        <SelectField {...f('kind')} label="Soort" options={optionsOf(DEBT_KINDS, KIND_LABELS)} />
        <SelectField {...f('status')} label="Status" options={optionsOf(DEBT_STATUSES, DEBT_STATUS_LABELS)} />
        <TextField
          {...f('since')}
          label="Ontstaan op"
          placeholder="dd-mm-jjjj"
          inputMode="numeric"
          autoComplete="off"
          className="field-date"
          hint="Leeg laten als onbekend."
        />
        <SelectField {...f('creditorKind')} label="Soort schuldeiser" options={optionsOf(CREDITOR_KINDS, CREDITOR_KIND_LABELS)} />
        <TextField {...f('kindReason')} label="Reden preferent of concurrent" autoComplete="off" hint="Bijvoorbeeld: voorrecht art. 21 Invorderingswet." />
        <SelectField {...f('verification')} label="Saldo" options={optionsOf(VERIFICATION_STATUSES, VERIFICATION_STATUS_LABELS)} />
        <TextField {...f('recheckAfter')} label="Opnieuw opvragen na" placeholder="dd-mm-jjjj" inputMode="numeric" autoComplete="off" className="field-date" />
        <SelectField
          {...f('inclusion')}
          label="In de schuldregeling"
          options={optionsOf(ARRANGEMENT_INCLUSIONS, ARRANGEMENT_INCLUSION_LABELS)}
          hint={DEFAULT_EXCLUSION_REASONS[creditorKind] && inclusion === 'standaard' ? `Standaard buiten de regeling: ${DEFAULT_EXCLUSION_REASONS[creditorKind]}` : undefined}
        />
        {inclusion !== 'standaard' ? <TextField {...f('inclusionReason')} label="Reden" autoComplete="off" /> : null}
      </div>
      <fieldset className="fieldset">
        <legend>Saldo volgens opgave van de schuldeiser</legend>
        <p className="hint">Hoofdsom, rente en kosten tellen samen op tot het huidige bedrag. Leeg laten als er nog geen opgave is.</p>
        {errorOf(errors, 'statement') ? <p className="field-error">{errorOf(errors, 'statement')}</p> : null}
        <div className="grid-3">
          <TextField {...f('statement.date')} label="Peildatum opgave" placeholder="dd-mm-jjjj" inputMode="numeric" autoComplete="off" className="field-date" />
          <TextField {...f('statement.principal')} label="Hoofdsom" inputMode="decimal" autoComplete="off" />
          <TextField {...f('statement.interest')} label="Rente" inputMode="decimal" autoComplete="off" />
          <TextField {...f('statement.costs')} label="Kosten" inputMode="decimal" autoComplete="off" />
        </div>
      </fieldset>
      {creditorKind === 'zorgverzekeraar' ? (
        <fieldset className="fieldset">
          <legend>Premieachterstand (wanbetalersregeling)</legend>
          <div className="grid-3">
            <TextField {...f('premiumArrears.months')} label="Achterstand in maandpremies" inputMode="numeric" autoComplete="off" hint="Zonder rente en incassokosten." />
            <TextField {...f('premiumArrears.monthlyPremium')} label="Maandpremie" inputMode="decimal" autoComplete="off" />
            <CheckboxField {...f('premiumArrears.reportedToCak')} label="Aangemeld bij het CAK" />
            <TextField {...f('premiumArrears.reportedToCakOn')} label="Aangemeld op" placeholder="dd-mm-jjjj" inputMode="numeric" autoComplete="off" className="field-date" />
          </div>
        </fieldset>
      ) : null}
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          Opslaan
        </button>
        <button type="button" className="button" onClick={() => draft.leave(() => onDone(null))}>
          Annuleren
        </button>
      </div>
    </form>
    </>
  );
}
