// New and edit dossier: one react-hook-form over the shared dossier schema; the core's issues come back
// onto the same fields.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm, type UseFormReturn } from 'react-hook-form';
import {
  ADDRESS_KINDS,
  ADDRESS_KIND_LABELS,
  CO_PARENTING,
  CO_PARENTING_LABELS,
  DOSSIER_STATUSES,
  DOSSIER_STATUS_LABELS,
  HELP_TYPES,
  HELP_TYPE_LABELS,
  dossierDataSchema,
  type Dossier,
  type DossierData,
  type DossierStatus,
} from '../../../shared/dossier/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextField, optionsOf } from '../../components/fields';
import { applyServerError, errorOf, fieldId, mappedResolver } from '../../components/form-helpers';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useDraft } from '../../components/useDraft';
import { useNavigate } from '../../state/route';
import { useCall } from '../../state/session';
import { emptyAdult, emptyChild, fromFormValues, toFormValues, type DossierFormValues } from './model';
import type { DossierWarning } from '../../../shared/contract/procedures';
import { SaveWarnings } from './Warnings';
import { useFieldRemoval } from './field-removal';
import { checkInput, saveChanges } from './save-changes';

const P = 'dossier';
const DATE_HINT = 'dd-mm-jjjj';
type Form = UseFormReturn<DossierFormValues, unknown, DossierData>;

export function DossierFormScreen({
  dossier,
  onSaved,
  onCancel,
}: {
  /** Absent for a new dossier. */
  dossier?: Dossier;
  onSaved?: (d: Dossier) => void;
  onCancel?: () => void;
}) {
  const call = useCall();
  const navigate = useNavigate();
  const [serverError, setServerError] = useState<string | null>(null);
  // Questions the core asked about the data last submitted; saving them needs a confirmation.
  const [warnings, setWarnings] = useState<{ list: DossierWarning[]; data: DossierData } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const resolver = useMemo(() => mappedResolver(dossierDataSchema, (v: DossierFormValues) => fromFormValues(v, dossier)), [dossier]);
  const form = useForm<DossierFormValues, unknown, DossierData>({
    resolver,
    defaultValues: toFormValues(dossier),
    shouldFocusError: true,
  });
  const { errors, isSubmitting, submitCount } = form.formState;
  // Half-filled work is kept as a draft in the vault (navigation, Annuleren, auto-lock) and offered back here.
  const draft = useDraft(form, dossier ? { form: `dossier:${dossier.id}`, label: `Dossier ${dossier.number} bewerken`, dossierId: dossier.id } : { form: 'dossier:nieuw', label: 'Nieuw dossier' });

  // A new dossier is usually for the person who enters it.
  useEffect(() => {
    if (dossier) return;
    call('settings.get', {}).then(
      (s) => {
        if (!form.getValues('professional')) form.setValue('professional', s.userName);
      },
      () => undefined,
    );
  }, [call, dossier, form]);

  const save = async (data: DossierData) => {
    setServerError(null);
    try {
      // An edit sends only what changed, item by item, each with the stamp it was read with (save-changes.ts).
      const saved = dossier ? await saveChanges(call, dossier, data) : await call('dossier.create', { data });
      await draft.discard();
      if (onSaved) onSaved(saved);
      else navigate({ name: 'dossier', id: saved.id, created: !dossier });
    } catch (err) {
      setWarnings(null);
      setServerError(applyServerError(form, err));
    }
  };

  const onSubmit = form.handleSubmit(async (data) => {
    setServerError(null);
    setWarnings(null);
    try {
      // Only the changed persons' birth dates and BSNs cross, never the whole dossier (save-changes.ts).
      const { warnings: list } = await call('dossier.check', checkInput(dossier, data));
      if (list.length > 0) {
        setWarnings({ list, data });
        return;
      }
    } catch (err) {
      setServerError(applyServerError(form, err));
      return;
    }
    await save(data);
  });

  const context = (n: string) => contextOf(n, form.getValues('adults'));

  const cancel = () =>
    draft.leave(() => {
      if (onCancel) onCancel();
      else navigate({ name: 'dossiers' });
    });

  const title = dossier ? 'Dossier bewerken' : 'Nieuw dossier';
  return (
    <>
      <ScreenHeading title={title}>{title}</ScreenHeading>
      {dossier ? <p className="muted">Dossiernummer {dossier.number}</p> : null}
      {draft.ui}
      <form noValidate onSubmit={onSubmit} className="dossier-form" aria-busy={isSubmitting}>
        <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} context={context} />
        {warnings ? (
          <SaveWarnings
            warnings={warnings.list}
            prefix={P}
            context={context}
            busy={confirming}
            onConfirm={() => {
              setConfirming(true);
              void save(warnings.data).finally(() => setConfirming(false));
            }}
            onCorrect={() => setWarnings(null)}
          />
        ) : null}
        <AdultsSection form={form} />
        <ChildrenSection form={form} />
        <AddressSection form={form} />
        <fieldset className="card">
          <legend>Contact</legend>
          <div className="grid-2">
            <TextField {...reg(form, 'contact.phone')} label="Telefoon" type="tel" autoComplete="off" />
            <TextField {...reg(form, 'contact.email')} label="E-mail" type="email" autoComplete="off" />
          </div>
        </fieldset>
        <BankSection form={form} />
        <fieldset className="card">
          <legend>Dossier</legend>
          <div className="grid-3">
            <SelectField {...reg(form, 'status')} label="Status" options={optionsOf(DOSSIER_STATUSES, DOSSIER_STATUS_LABELS)} />
            <SelectField {...reg(form, 'typeOfHelp')} label="Soort hulp" options={optionsOf(HELP_TYPES, HELP_TYPE_LABELS)} />
            <TextField {...reg(form, 'professional')} label="Verantwoordelijk medewerker" autoComplete="off" />
          </div>
        </fieldset>
        <StatusDatesSection form={form} />
        <div className="actions form-actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            Opslaan
          </button>
          <button type="button" className="button" onClick={cancel}>
            Annuleren
          </button>
          {isSubmitting ? (
            <span role="status" className="muted">
              Bezig met opslaan…
            </span>
          ) : null}
        </div>
      </form>
    </>
  );
}

/** Which part of the form a field belongs to, for the error summary. */
function contextOf(name: string, adults: DossierFormValues['adults']): string | null {
  const [part, index] = name.split('.');
  const i = Number(index);
  if (part === 'adults' && Number.isInteger(i)) return adults[i]?.role === 'partner' ? 'Partner' : 'Aanvrager';
  if (part === 'children' && Number.isInteger(i)) return `Kind ${i + 1}`;
  if (part === 'bankAccounts' && Number.isInteger(i)) return `Rekening ${i + 1}`;
  if (part === 'address') return 'Adres';
  if (part === 'contact') return 'Contact';
  if (part === 'statusDates' && (DOSSIER_STATUSES as readonly string[]).includes(index ?? '')) {
    return `Datum ${DOSSIER_STATUS_LABELS[index as DossierStatus].toLowerCase()}`;
  }
  return null;
}

/** id, registration and inline error of one field. */
function reg(form: Form, name: string) {
  return {
    id: fieldId(P, name),
    registration: form.register(name as never),
    error: errorOf(form.formState.errors, name),
  };
}

function AdultsSection({ form }: { form: Form }) {
  const { fields, append, remove, insert } = useFieldArray({ control: form.control, name: 'adults', keyName: 'fieldKey' });
  const removal = useFieldRemoval({ remove, insert, valueAt: (i) => form.getValues(`adults.${i}`) });
  const partnerIndex = fields.findIndex((f) => f.role === 'partner');
  return (
    <>
      {removal.ui}
      {fields.map((f, i) => (
        <fieldset key={f.fieldKey} className="card">
          <legend>{f.role === 'aanvrager' ? 'Aanvrager' : 'Partner'}</legend>
          <PersonFields form={form} base={`adults.${i}`} withBsn />
          <CheckboxField
            {...reg(form, `adults.${i}.insuredInNl`)}
            label="Verzekerd voor de zorgverzekering in Nederland"
            hint="Uitvinken als deze persoon niet onder de Zorgverzekeringswet valt (bijvoorbeeld verzekerd in het buitenland): dan geen zorgtoeslag en geen eigen risico voor deze persoon."
          />
          {f.role === 'partner' ? (
            <div className="actions">
              <button type="button" className="button danger-quiet" onClick={() => removal.ask(i, 'De partner')}>
                Partner verwijderen
              </button>
            </div>
          ) : null}
        </fieldset>
      ))}
      {partnerIndex < 0 ? (
        <div className="actions section-actions">
          <button type="button" className="button" onClick={() => append(emptyAdult('partner'), { focusName: `adults.${fields.length}.firstName` })}>
            Partner toevoegen
          </button>
        </div>
      ) : null}
    </>
  );
}

function PersonFields({ form, base, withBsn }: { form: Form; base: string; withBsn?: boolean }) {
  return (
    <div className="grid-4">
      <TextField {...reg(form, `${base}.firstName`)} label="Voornaam" autoComplete="off" />
      <TextField {...reg(form, `${base}.lastName`)} label="Achternaam" autoComplete="off" />
      <TextField
        {...reg(form, `${base}.birthDate`)}
        label="Geboortedatum"
        placeholder={DATE_HINT}
        inputMode="numeric"
        autoComplete="off"
        className="field-date"
      />
      {withBsn ? (
        <TextField {...reg(form, `${base}.bsn`)} label="BSN" inputMode="numeric" autoComplete="off" spellCheck={false} />
      ) : null}
    </div>
  );
}

function ChildrenSection({ form }: { form: Form }) {
  const { fields, append, remove, insert } = useFieldArray({ control: form.control, name: 'children', keyName: 'fieldKey' });
  const removal = useFieldRemoval({ remove, insert, valueAt: (i) => form.getValues(`children.${i}`) });
  return (
    <fieldset className="card">
      <legend>Kinderen</legend>
      {removal.ui}
      {fields.length === 0 ? <p className="muted">Nog geen kinderen toegevoegd.</p> : null}
      {fields.map((f, i) => (
        <fieldset key={f.fieldKey} className="subcard">
          <legend>{`Kind ${i + 1}`}</legend>
          <PersonFields form={form} base={`children.${i}`} />
          <SelectField
            {...reg(form, `children.${i}.coParenting`)}
            label="Co-ouderschap"
            options={optionsOf(CO_PARENTING, CO_PARENTING_LABELS)}
            hint="Wie ontvangt de kinderbijslag? Alleen dan verwacht Houvast kinderbijslag en kindgebonden budget voor dit kind."
          />
          <div className="row-between">
            <CheckboxField {...reg(form, `children.${i}.livingInHousehold`)} label="Woont thuis" />
            <CheckboxField {...reg(form, `children.${i}.fosterChild`)} label="Pleegkind (met pleegvergoeding)" />
            <button type="button" className="button danger-quiet" onClick={() => removal.ask(i, `Kind ${i + 1}`)}>
              Kind verwijderen
            </button>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button
          type="button"
          className="button"
          // The new child's first field takes the focus, so typing can start at once.
          onClick={() => append(emptyChild(form.getValues('adults.0.lastName') ?? ''), { focusName: `children.${fields.length}.firstName` })}
          disabled={fields.length >= 20}
        >
          Kind toevoegen
        </button>
      </div>
    </fieldset>
  );
}

function AddressSection({ form }: { form: Form }) {
  const noAddress = form.watch('noFixedAddress');
  // Ticking "geen vast woonadres" (or unticking it) moves the woonsituatie along; a briefadres is then chosen by hand.
  const previous = useRef(noAddress);
  useEffect(() => {
    if (previous.current === noAddress) return;
    previous.current = noAddress;
    form.setValue('addressKind', noAddress ? 'geen_woonadres' : 'woonadres');
  }, [noAddress, form]);
  return (
    <fieldset className="card">
      <legend>Adres</legend>
      <CheckboxField {...reg(form, 'noFixedAddress')} label="Geen vast woonadres" />
      <SelectField
        {...reg(form, 'addressKind')}
        label="Woonsituatie (voor de beslagvrije voet)"
        options={optionsOf(ADDRESS_KINDS, ADDRESS_KIND_LABELS)}
        hint="Met een briefadres geldt de gewone beslagvrije voet als de cliënt de deurwaarder volledig inzicht geeft (art. 475e lid 1 Rv); anders 47,5 % van de gehuwdennorm."
      />
      {noAddress ? null : (
        <div className="grid-address">
          <TextField {...reg(form, 'address.street')} label="Straat" autoComplete="off" />
          <TextField {...reg(form, 'address.houseNumber')} label="Huisnummer" autoComplete="off" className="field-short" />
          <TextField {...reg(form, 'address.postcode')} label="Postcode" autoComplete="off" className="field-short" placeholder="1234 AB" />
          <TextField {...reg(form, 'address.city')} label="Plaats" autoComplete="off" />
        </div>
      )}
    </fieldset>
  );
}

function BankSection({ form }: { form: Form }) {
  const { fields, append, remove, insert } = useFieldArray({ control: form.control, name: 'bankAccounts', keyName: 'fieldKey' });
  const removal = useFieldRemoval({ remove, insert, valueAt: (i) => form.getValues(`bankAccounts.${i}`) });
  return (
    <fieldset className="card">
      <legend>Bankrekeningen</legend>
      {removal.ui}
      {fields.length === 0 ? <p className="muted">Nog geen rekeningen toegevoegd.</p> : null}
      {fields.map((f, i) => (
        <fieldset key={f.fieldKey} className="subcard">
          <legend>{`Rekening ${i + 1}`}</legend>
          <div className="grid-2">
            <TextField
              {...reg(form, `bankAccounts.${i}.iban`)}
              label="IBAN"
              autoComplete="off"
              spellCheck={false}
              className="mono-input"
              placeholder="NL00 BANK 0123 4567 89"
            />
            <TextField {...reg(form, `bankAccounts.${i}.description`)} label="Omschrijving" autoComplete="off" hint="Bijvoorbeeld beheerrekening of leefgeldrekening." />
          </div>
          <div className="actions">
            <button type="button" className="button danger-quiet" onClick={() => removal.ask(i, `Rekening ${i + 1}`)}>
              Rekening verwijderen
            </button>
          </div>
        </fieldset>
      ))}
      <div className="actions">
        <button type="button" className="button" onClick={() => append({ iban: '', description: '' })} disabled={fields.length >= 10}>
          Rekening toevoegen
        </button>
      </div>
    </fieldset>
  );
}

/** The date each status began; empty fields are not set (the status being entered gets today's date). */
function StatusDatesSection({ form }: { form: Form }) {
  return (
    <fieldset className="card">
      <legend>Datums</legend>
      <p className="hint">Leeg laten als onbekend. Een nieuwe status zonder datum krijgt de datum van vandaag.</p>
      <div className="grid-4">
        {DOSSIER_STATUSES.map((s) => (
          <TextField
            key={s}
            {...reg(form, `statusDates.${s}`)}
            label={DOSSIER_STATUS_LABELS[s]}
            placeholder={DATE_HINT}
            inputMode="numeric"
            autoComplete="off"
            className="field-date"
          />
        ))}
      </div>
    </fieldset>
  );
}
