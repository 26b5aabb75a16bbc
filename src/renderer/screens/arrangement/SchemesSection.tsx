// Instellingen → Regelingen zorgpremie: the bundled scheme examples and the user's own, editable like the norm
// tables. Editing a bundled example saves a user copy with the same id, which replaces it; removing that copy
// brings the bundled example back. The core validates (schemes.save) and its Dutch messages land on the fields.
import { useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { SCHEME_FORMAT, SCHEME_ROUTES, SCHEME_ROUTE_LABELS, SCHEME_VERSION, type Scheme } from '../../../shared/arrangement/scheme';
import type { StoredSchemeOut } from '../../../shared/contract/arrangements';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextArea, TextField, optionsOf } from '../../components/fields';
import { applyServerError, errorOf, fieldId } from '../../components/form-helpers';
import { DataTable, hiddenCol, NumCell, numCol } from '../../components/DataTable';
import { Alert, Loading, Success } from '../../components/Status';
import { amountInputToCanonical, canonicalToAmountInput, isoToDateInput, dateInputToIso, optionalDateInputToIso, showDateTime } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { euro } from '../budget/view';

export function SchemesSection() {
  const call = useCall();
  const [schemes, setSchemes] = useState<StoredSchemeOut[] | null>(null);
  const [editing, setEditing] = useState<Scheme | 'new' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const load = useCallback(() => call('schemes.list', {}).then((r) => setSchemes(r.schemes)), [call]);
  useEffect(() => {
    load().catch((err: unknown) => setError(errorMessage(err)));
  }, [load]);

  const remove = async (s: StoredSchemeOut) => {
    setError(null);
    try {
      await call('schemes.remove', { id: s.scheme.id });
      setMessage(s.replacesBundled ? `Uw aanpassing van "${s.scheme.name}" is verwijderd; het meegeleverde voorbeeld geldt weer.` : `"${s.scheme.name}" is verwijderd.`);
      await load();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <section aria-labelledby="h-regelingen" className="card">
      <div className="section-head">
        <h2 id="h-regelingen">Regelingen zorgpremie</h2>
        {editing === null ? (
          <button type="button" className="button" onClick={() => setEditing('new')}>
            Regeling toevoegen
          </button>
        ) : null}
      </div>
      <p className="muted small">
        Afspraken met een zorgverzekeraar en een gemeente over premieachterstanden. Houvast levert voorbeelden mee; pas ze aan naar de afspraak die u werkelijk hebt.
      </p>
      <Alert>{error}</Alert>
      <Success>{message}</Success>
      {editing !== null ? (
        <SchemeForm
          initial={editing === 'new' ? null : editing}
          onDone={async (saved) => {
            setEditing(null);
            if (saved) {
              setMessage(`"${saved.name}" is opgeslagen.`);
              await load();
            }
          }}
        />
      ) : null}
      {!schemes ? (
        error ? null : <Loading />
      ) : (
        <DataTable
          caption="Regelingen zorgpremie"
          columns={['Regeling', 'Schuldeiser', 'Gemeente', 'Looptijd', numCol('Minimum per maand'), 'Herkomst', hiddenCol('Acties')]}
        >
          {schemes.map((s) => (
            <tr key={s.scheme.id}>
              <th scope="row">{s.scheme.name}</th>
              <td>{s.scheme.creditor.name}</td>
              <td>{s.scheme.gemeente}</td>
              <td className="nowrap">{s.scheme.maxMonths} maanden</td>
              <NumCell>{euro(s.scheme.minMonthly)}</NumCell>
              <td>
                {s.origin === 'bundled' ? 'meegeleverd voorbeeld' : s.replacesBundled ? 'aangepast door gebruiker' : 'door gebruiker ingevoerd'}
                {s.updatedAt ? <span className="muted small"> ({showDateTime(s.updatedAt)})</span> : null}
              </td>
              <td className="row-actions">
                <button type="button" className="button small" aria-label={`${s.scheme.name} aanpassen`} onClick={() => setEditing(s.scheme)}>
                  Aanpassen
                </button>
                {s.origin === 'user' ? (
                  <button type="button" className="button small danger-quiet" aria-label={`${s.scheme.name} verwijderen`} onClick={() => void remove(s)}>
                    {s.replacesBundled ? 'Aanpassing verwijderen' : 'Verwijderen'}
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}

interface SchemeValues {
  id: string;
  name: string;
  creditorName: string;
  matchNames: string;
  gemeente: string;
  route: Scheme['route'];
  maxMonths: string;
  minMonthly: string;
  maxMonthly: string;
  currentPremiumPaid: boolean;
  noNewArrears: boolean;
  other: string;
  forgiveRemainder: boolean;
  onBreach: string;
  validFrom: string;
  validUntil: string;
  source: string;
  notes: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean);

/** Server paths ("scheme.creditor.name") → form fields. */
const FIELD_OF: Record<string, keyof SchemeValues> = {
  'creditor.name': 'creditorName',
  'creditor.matchNames': 'matchNames',
  'conditions.other': 'other',
};

function SchemeForm({ initial, onDone }: { initial: Scheme | null; onDone: (saved: Scheme | null) => void | Promise<void> }) {
  const call = useCall();
  const [serverError, setServerError] = useState<string | null>(null);
  const form = useForm<SchemeValues>({
    defaultValues: {
      id: initial?.id ?? '',
      name: initial?.name ?? '',
      creditorName: initial?.creditor.name ?? '',
      matchNames: initial?.creditor.matchNames.join('\n') ?? '',
      gemeente: initial?.gemeente ?? '',
      route: initial?.route ?? 'bewind',
      maxMonths: String(initial?.maxMonths ?? 36),
      minMonthly: initial ? canonicalToAmountInput(initial.minMonthly) : '',
      maxMonthly: initial?.maxMonthly ? canonicalToAmountInput(initial.maxMonthly) : '',
      currentPremiumPaid: initial?.conditions.currentPremiumPaid ?? true,
      noNewArrears: initial?.conditions.noNewArrears ?? true,
      other: initial?.conditions.other.join('\n') ?? '',
      forgiveRemainder: initial?.forgiveRemainder ?? true,
      onBreach: initial?.onBreach?.join('\n') ?? '',
      validFrom: isoToDateInput(initial?.validFrom),
      validUntil: isoToDateInput(initial?.validUntil),
      source: initial?.source.join('\n') ?? '',
      notes: initial?.notes.join('\n') ?? '',
    },
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const P = 'regeling';
  const f = (name: keyof SchemeValues) => ({ id: fieldId(P, name), registration: form.register(name), error: errorOf(errors, name) });

  const onSubmit = form.handleSubmit(async (v) => {
    setServerError(null);
    const scheme = {
      format: SCHEME_FORMAT,
      version: SCHEME_VERSION,
      id: v.id.trim(),
      name: v.name,
      creditor: { name: v.creditorName, matchNames: lines(v.matchNames) },
      gemeente: v.gemeente,
      route: v.route,
      maxMonths: /^\d+$/.test(v.maxMonths.trim()) ? Number(v.maxMonths.trim()) : Number.NaN,
      minMonthly: amountInputToCanonical(v.minMonthly),
      maxMonthly: v.maxMonthly.trim() ? amountInputToCanonical(v.maxMonthly) : null,
      conditions: { currentPremiumPaid: v.currentPremiumPaid, noNewArrears: v.noNewArrears, other: lines(v.other) },
      forgiveRemainder: v.forgiveRemainder,
      ...(lines(v.onBreach).length > 0 ? { onBreach: lines(v.onBreach) } : {}),
      validFrom: dateInputToIso(v.validFrom),
      validUntil: optionalDateInputToIso(v.validUntil),
      source: lines(v.source),
      notes: lines(v.notes),
    };
    try {
      const saved = await call('schemes.save', { scheme: scheme as Scheme });
      await onDone(saved.scheme);
    } catch (err) {
      const message = applyServerError(form, err, 'scheme.');
      // Nested paths have their own field names in this form.
      for (const [path, field] of Object.entries(FIELD_OF)) {
        const issue = (err as { issues?: { path: string; message: string }[] }).issues?.find((i) => i.path.startsWith(`scheme.${path}`));
        if (issue) form.setError(field, { type: 'server', message: issue.message });
      }
      setServerError(message);
    }
  });

  return (
    <form className="item-form subcard" onSubmit={onSubmit} noValidate aria-labelledby="h-regeling-form">
      <h3 id="h-regeling-form">{initial ? `Regeling aanpassen: ${initial.name}` : 'Regeling toevoegen'}</h3>
      <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} />
      <div className="grid-2">
        <TextField label="Naam" {...f('name')} />
        <TextField label="Code" hint="Kleine letters, cijfers en streepjes; een aangepast voorbeeld houdt zijn code" readOnly={initial !== null} {...f('id')} />
        <TextField label="Schuldeiser" {...f('creditorName')} />
        <TextArea label="Herkennen aan (één naam per regel)" hint="Een schuld hoort bij de regeling als de naam van de schuldeiser of incassant dit bevat" {...f('matchNames')} />
        <TextField label="Gemeente" {...f('gemeente')} />
        <SelectField label="Route" options={optionsOf(SCHEME_ROUTES, SCHEME_ROUTE_LABELS)} {...f('route')} />
        <TextField label="Looptijd hoogstens (maanden)" inputMode="numeric" className="field-short" {...f('maxMonths')} />
        <TextField label="Minimum per maand" inputMode="decimal" className="field-short" {...f('minMonthly')} />
        <TextField label="Maximum per maand (optioneel)" inputMode="decimal" className="field-short" {...f('maxMonthly')} />
        <TextField label="Geldig vanaf" hint="dd-mm-jjjj" className="field-date" {...f('validFrom')} />
        <TextField label="Geldig tot (optioneel)" hint="dd-mm-jjjj" className="field-date" {...f('validUntil')} />
      </div>
      <CheckboxField label="De lopende premie moet betaald worden" {...f('currentPremiumPaid')} />
      <CheckboxField label="Geen nieuwe achterstand tijdens de regeling" {...f('noNewArrears')} />
      <CheckboxField label="Restant wordt kwijtgescholden na nakoming" {...f('forgiveRemainder')} />
      <TextArea label="Overige voorwaarden (één per regel)" {...f('other')} />
      <TextArea
        label="Als een voorwaarde wordt geschonden (één per regel, optioneel)"
        hint="Wat er volgens de afspraak gebeurt bij een gemiste maand of een nieuwe achterstand. Leeg: Houvast toont wat de wet regelt."
        {...f('onBreach')}
      />
      <TextArea label="Bronnen (één per regel)" {...f('source')} />
      <TextArea label="Notities (één per regel)" {...f('notes')} />
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          Regeling opslaan
        </button>
        <button type="button" className="button" onClick={() => void onDone(null)}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
