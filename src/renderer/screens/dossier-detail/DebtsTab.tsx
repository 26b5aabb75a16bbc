// Debts: creditor, collecting party, reference, amounts, preferent/concurrent, status and since when, with totals.
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { AppError } from '../../../shared/contract/errors';
import {
  DEBT_KINDS,
  DEBT_STATUSES,
  DEBT_STATUS_LABELS,
  debtSchema,
  type Debt,
  type Dossier,
} from '../../../shared/dossier/schema';
import { formatEuro, money, sum } from '../../../shared/money';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useDraft } from '../../components/useDraft';
import { SelectField, TextField, optionsOf } from '../../components/fields';
import { errorOf, fieldId, mappedResolver } from '../../components/form-helpers';
import { Flash, useFlash, useFocusAfterRender } from '../../components/Flash';
import { Alert } from '../../components/Status';
import { amountInputToCanonical, canonicalToAmountInput, isoToDateInput, optionalDateInputToIso, showDate } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { stripStored } from '../dossier-form/model';
import { closeOnEscape } from './inline-form';
import { useRemoval } from './removal';
import { useDossierSaver } from './useDossierSaver';

const KIND_LABELS: Record<(typeof DEBT_KINDS)[number], string> = { concurrent: 'Concurrent', preferent: 'Preferent' };

export function DebtsTab({ dossier, onChange }: { dossier: Dossier; onChange: (d: Dossier) => void }) {
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const { save, error } = useDossierSaver(dossier, onChange);
  const [flash, showFlash] = useFlash();
  const focusLater = useFocusAfterRender();
  // Removing asks first and can be undone; only the one item is sent.
  const removal = useRemoval(dossier, onChange);
  const totalOriginal = sum(dossier.debts.map((d) => money(d.originalAmount)));
  const totalCurrent = sum(dossier.debts.map((d) => money(d.currentAmount)));
  const open = dossier.debts.filter((d) => d.status !== 'betaald');

  return (
    <div className="stack">
      <div role="group" aria-label="Totalen schulden">
      <dl className="totals">
        <div>
          <dt>Aantal schulden</dt>
          <dd>
            {dossier.debts.length} ({open.length} niet betaald)
          </dd>
        </div>
        <div>
          <dt>Oorspronkelijk totaal</dt>
          <dd>{formatEuro(totalOriginal)}</dd>
        </div>
        <div>
          <dt>Huidig totaal</dt>
          <dd>{formatEuro(totalCurrent)}</dd>
        </div>
      </dl>
      </div>
      <Alert>{error}</Alert>
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
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">Schulden</caption>
              <thead>
                <tr>
                  <th scope="col">Schuldeiser</th>
                  <th scope="col">Incassant</th>
                  <th scope="col">Kenmerk</th>
                  <th scope="col" className="num">
                    Oorspronkelijk
                  </th>
                  <th scope="col" className="num">
                    Huidig
                  </th>
                  <th scope="col">Soort</th>
                  <th scope="col">Status</th>
                  <th scope="col">Ontstaan op</th>
                  <th scope="col">
                    <span className="visually-hidden">Acties</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {dossier.debts.map((d, i) => (
                  <tr key={d.id ?? i}>
                    <td>{d.creditor}</td>
                    <td>{d.collector || '—'}</td>
                    <td className="mono">{d.reference || '—'}</td>
                    <td className="num nowrap">{formatEuro(d.originalAmount)}</td>
                    <td className="num nowrap">{formatEuro(d.currentAmount)}</td>
                    <td>{KIND_LABELS[d.kind]}</td>
                    <td>{DEBT_STATUS_LABELS[d.status]}</td>
                    <td className="nowrap">{showDate(d.since)}</td>
                    <td className="row-actions">
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
              </tbody>
              <tfoot>
                <tr id="schuld-totaal">
                  <th scope="row" colSpan={3}>
                    Totaal
                  </th>
                  <td className="num nowrap total">{formatEuro(totalOriginal)}</td>
                  <td className="num nowrap total">{formatEuro(totalCurrent)}</td>
                  <td colSpan={4} />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}

interface DebtFormValues {
  creditor: string;
  collector: string;
  reference: string;
  originalAmount: string;
  currentAmount: string;
  kind: Debt['kind'];
  status: Debt['status'];
  since: string;
}

function DebtForm({ dossier, index, onDone }: { dossier: Dossier; index: number | null; onDone: (d: Dossier | null) => void }) {
  const call = useCall();
  const [serverError, setServerError] = useState<string | null>(null);
  const existing = index === null ? undefined : dossier.debts[index];
  const resolver = useMemo(
    () =>
      mappedResolver<DebtFormValues, Debt>(debtSchema as never, (v) => ({
        ...(existing?.id ? { id: existing.id } : {}),
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
    },
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const P = 'schuld';
  const title = index === null ? 'Schuld toevoegen' : 'Schuld bewerken';
  // Half-filled work is kept as a draft in the vault (navigation, auto-lock) and offered back when this form opens.
  const draft = useDraft(form, { form: `debt:${dossier.id}:${existing?.id ?? 'nieuw'}`, label: `${title} (dossier ${dossier.number})`, dossierId: dossier.id });
  const f = (name: keyof DebtFormValues) => ({ id: fieldId(P, name), registration: form.register(name), error: errorOf(errors, name) });

  const onSubmit = form.handleSubmit(async (debt) => {
    setServerError(null);
    const list = [...dossier.debts];
    if (index === null) list.push(debt);
    else list[index] = debt;
    try {
      const saved = (await call('dossier.update', { id: dossier.id, data: { ...stripStored(dossier), debts: list } })) as Dossier;
      await draft.discard();
      onDone(saved);
    } catch (err) {
      const at = `data.debts.${index ?? list.length - 1}.`;
      if (err instanceof AppError) {
        for (const issue of err.issues ?? []) {
          if (issue.path.startsWith(at)) form.setError(issue.path.slice(at.length) as keyof DebtFormValues, { type: 'server', message: issue.message });
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
      </div>
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
