// "Gegevens voor de berekening": the budget inputs that are not part of the dossier: the BVV stated on a
// beslaglegger's mededeling, the number of kostendelers and the VTLB correction lines (each with a note).
// Validated with the shared budgetInputsSchema; amounts and dates as the user types them (nl-NL).
import { useEffect, useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  BESLAG_OP,
  BESLAG_OP_LABELS,
  budgetInputsSchema,
  VTLB_CORRECTION_KINDS,
  VTLB_CORRECTION_LABELS,
  VTLB_NEGATIVE_ALLOWED,
  type BudgetInputs,
  type VtlbCorrectionKind,
} from '../../../shared/budget/inputs';
import type { budgetInputsOut } from '../../../shared/contract/budget';
import { ErrorSummary } from '../../components/ErrorSummary';
import { CheckboxField, SelectField, TextField, optionsOf } from '../../components/fields';
import { applyServerError, errorOf, fieldId, mappedResolver } from '../../components/form-helpers';
import { amountInputToCanonical, canonicalToAmountInput, dateInputToIso, isoToDateInput } from '../../format';
import { useCall } from '../../state/session';
import { FLASH_MS } from '../../components/Flash';
import { monthName } from '../../../shared/presenter';

export type StoredInputs = z.infer<typeof budgetInputsOut>;

/** What the user types; field names follow the schema's paths so its issues land on the right field. */
export interface InputsForm {
  statedBvv: { amount: string; date: string; statedBy: string };
  kostendelers: string;
  vtlbCorrections: { kind: VtlbCorrectionKind; amount: string; note: string }[];
  // --- beslagvrije voet above the norm (issue 6 part 1) ---
  belastbaarInkomenPerJaar: { aanvrager: string; partner: string };
  beslagOp: (typeof BESLAG_OP)[number];
  nietBeslagenEigenInkomenPerMaand: string;
  loonheffingAutoVanDeZaakPerMaand: string;
  woonkostenverhoging: boolean;
  // --- art. 475da lid 7 and art. 475e lid 2 (issue 6, second pass) ---
  verhogingEigenWoning: { bedragPerMaand: string; bron: string };
  inrichting: { prijsPerMaand: string; bron: string };
  // --- entitlement checks and vakantiegeld (issue 6 parts 5-6) ---
  toetsingsinkomenPerJaar: string;
  vakantiegeld: { bedragPerJaar: string; maand: string; reden: string };
  /** Art. 20 lid 3 Participatiewet: an 18-20-year-old who cannot fall back on the parents. */
  geenBeroepOpOuders: boolean;
}

const optionalAmountIn = (v: string | null | undefined): string => (v ? canonicalToAmountInput(v) : '');
// An empty field means "not entered" (null); anything else the schema judges.
const optionalAmountOut = (v: string): string | null => (v.trim() === '' ? null : amountInputToCanonical(v));

export const P = 'berekening';

export function toFormValues(inputs: StoredInputs): InputsForm {
  return {
    statedBvv: {
      amount: inputs.statedBvv ? canonicalToAmountInput(inputs.statedBvv.amount) : '',
      date: isoToDateInput(inputs.statedBvv?.date),
      statedBy: inputs.statedBvv?.statedBy ?? '',
    },
    kostendelers: String(inputs.kostendelers ?? 0),
    vtlbCorrections: inputs.vtlbCorrections.map((c) => ({ kind: c.kind, amount: canonicalToAmountInput(c.amount), note: c.note })),
    belastbaarInkomenPerJaar: {
      aanvrager: optionalAmountIn(inputs.belastbaarInkomenPerJaar?.aanvrager),
      partner: optionalAmountIn(inputs.belastbaarInkomenPerJaar?.partner),
    },
    beslagOp: inputs.beslagOp ?? 'huishouden',
    nietBeslagenEigenInkomenPerMaand: optionalAmountIn(inputs.nietBeslagenEigenInkomenPerMaand),
    loonheffingAutoVanDeZaakPerMaand: optionalAmountIn(inputs.loonheffingAutoVanDeZaakPerMaand),
    woonkostenverhoging: inputs.woonkostenverhoging ?? false,
    verhogingEigenWoning: { bedragPerMaand: optionalAmountIn(inputs.verhogingEigenWoning?.bedragPerMaand), bron: inputs.verhogingEigenWoning?.bron ?? '' },
    inrichting: { prijsPerMaand: optionalAmountIn(inputs.inrichting?.prijsPerMaand), bron: inputs.inrichting?.bron ?? '' },
    toetsingsinkomenPerJaar: optionalAmountIn(inputs.toetsingsinkomenPerJaar),
    vakantiegeld: { bedragPerJaar: optionalAmountIn(inputs.vakantiegeld?.bedragPerJaar), maand: String(inputs.vakantiegeld?.maand ?? 5), reden: inputs.vakantiegeld?.reden ?? '' },
    geenBeroepOpOuders: inputs.geenBeroepOpOuders ?? false,
  };
}

/** Form values -> schema input. An empty BVV block means "no stated BVV"; a partly filled one is validated. */
export function toSchemaInput(v: InputsForm, referenceDate: string | null | undefined): unknown {
  const b = v.statedBvv;
  const bvvEmpty = !b.amount.trim() && !b.date.trim() && !b.statedBy.trim();
  const k = v.kostendelers.trim();
  return {
    referenceDate: referenceDate ?? null,
    statedBvv: bvvEmpty ? null : { amount: amountInputToCanonical(b.amount), date: dateInputToIso(b.date), statedBy: b.statedBy },
    // Number('') is 0 and Number('1,5') NaN: an empty field means none, anything else the schema judges.
    kostendelers: k === '' ? 0 : /^-?\d+([.,]\d+)?$/.test(k) ? Number(k.replace(',', '.')) : Number.NaN,
    vtlbCorrections: v.vtlbCorrections.map((c) => ({ kind: c.kind, amount: amountInputToCanonical(c.amount), note: c.note })),
    belastbaarInkomenPerJaar: { aanvrager: optionalAmountOut(v.belastbaarInkomenPerJaar.aanvrager), partner: optionalAmountOut(v.belastbaarInkomenPerJaar.partner) },
    beslagOp: v.beslagOp,
    nietBeslagenEigenInkomenPerMaand: optionalAmountOut(v.nietBeslagenEigenInkomenPerMaand),
    loonheffingAutoVanDeZaakPerMaand: optionalAmountOut(v.loonheffingAutoVanDeZaakPerMaand),
    woonkostenverhoging: v.woonkostenverhoging,
    // Empty block = not entered; a partly filled one is validated (amount and source belong together).
    ...(v.verhogingEigenWoning.bedragPerMaand.trim() || v.verhogingEigenWoning.bron.trim()
      ? { verhogingEigenWoning: { bedragPerMaand: optionalAmountOut(v.verhogingEigenWoning.bedragPerMaand) ?? '', bron: v.verhogingEigenWoning.bron } }
      : {}),
    ...(v.inrichting.prijsPerMaand.trim() || v.inrichting.bron.trim()
      ? { inrichting: { prijsPerMaand: optionalAmountOut(v.inrichting.prijsPerMaand) ?? '', bron: v.inrichting.bron } }
      : {}),
    toetsingsinkomenPerJaar: optionalAmountOut(v.toetsingsinkomenPerJaar),
    // The vakantiegeld comes from the dossier's yearly income lines; here only its month and, with a reason, an override.
    vakantiegeld: {
      maand: Number(v.vakantiegeld.maand),
      bedragPerJaar: optionalAmountOut(v.vakantiegeld.bedragPerJaar),
      reden: v.vakantiegeld.reden.trim() === '' ? null : v.vakantiegeld.reden,
    },
    ...(v.geenBeroepOpOuders ? { geenBeroepOpOuders: true } : {}),
  };
}

const BESLAG_OP_OPTIONS = optionsOf(BESLAG_OP, BESLAG_OP_LABELS);

const KIND_OPTIONS = optionsOf(VTLB_CORRECTION_KINDS, VTLB_CORRECTION_LABELS);
const MONTH_OPTIONS = Array.from({ length: 12 }, (_, i) => ({ value: String(i + 1), label: monthName(i + 1) }));

/** The submit button, focused again after the form is rebuilt from the saved inputs. */
export const SAVE_BUTTON_ID = 'budget-invoer-opslaan';

export function BudgetInputsForm({
  dossierId,
  inputs,
  updatedAt,
  onSaved,
  justSaved = false,
}: {
  dossierId: string;
  inputs: StoredInputs;
  updatedAt: number | null;
  onSaved: (inputs: StoredInputs) => void;
  /** The form was just saved (it is rebuilt from the stored inputs): confirm it for a few seconds. */
  justSaved?: boolean;
}) {
  const call = useCall();
  const [serverError, setServerError] = useState<string | null>(null);
  const [saved, setSaved] = useState(justSaved);
  useEffect(() => {
    if (!saved) return;
    const t = setTimeout(() => setSaved(false), FLASH_MS);
    return () => clearTimeout(t);
  }, [saved]);
  const resolver = useMemo(
    () => mappedResolver<InputsForm, BudgetInputs>(budgetInputsSchema as unknown as z.ZodType<BudgetInputs>, (v) => toSchemaInput(v, inputs.referenceDate)),
    [inputs.referenceDate],
  );
  const form = useForm<InputsForm, unknown, BudgetInputs>({ resolver, defaultValues: toFormValues(inputs) });
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'vtlbCorrections' });
  const { errors, submitCount, isSubmitting } = form.formState;
  const f = (name: string) => ({
    id: fieldId(P, name),
    registration: form.register(name as never),
    error: errorOf(errors, name),
  });

  const onSubmit = form.handleSubmit(async (values) => {
    setServerError(null);
    setSaved(false);
    try {
      const out = await call('budget.saveInputs', { id: dossierId, inputs: values });
      form.reset(toFormValues(out.inputs));
      setSaved(true);
      onSaved(out.inputs);
    } catch (err) {
      setServerError(applyServerError(form, err, 'inputs.'));
    }
  });

  const context = (name: string): string | null => {
    const m = /^vtlbCorrections\.(\d+)\./.exec(name);
    return m ? `Correctie ${Number(m[1]) + 1}` : null;
  };

  return (
    <form noValidate onSubmit={onSubmit} className="card" aria-labelledby="h-berekening">
      <h2 id="h-berekening">Gegevens voor de berekening</h2>
      <p className="muted small">
        Deze gegevens staan niet in het dossier zelf. {updatedAt ? null : 'Er zijn nog geen gegevens opgeslagen.'}
      </p>
      <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} context={context} />
      <fieldset className="subcard">
        <legend>Beslagvrije voet: belastbaar inkomen en beslag</legend>
        <p className="hint">
          Boven de bijstandsnorm berekent Houvast de beslagvrije voet met de formule van art. 475da Rv. Daarvoor is het
          belastbaar inkomen per jaar nodig. U vindt het op de jaaropgave (fiscaal loon), op de loonstrook (loon voor de
          loonheffing, maal 12 of 13) of op de modelmededeling van de beslaglegger.
        </p>
        <div className="grid-3">
          <TextField
            {...f('belastbaarInkomenPerJaar.aanvrager')}
            label="Belastbaar inkomen aanvrager per jaar"
            inputMode="decimal"
            autoComplete="off"
            hint="Bijvoorbeeld 33.600,00"
          />
          <TextField
            {...f('belastbaarInkomenPerJaar.partner')}
            label="Belastbaar inkomen partner per jaar"
            inputMode="decimal"
            autoComplete="off"
            hint="Alleen met een partner; 0,00 als de partner geen inkomen heeft."
          />
          <SelectField {...f('beslagOp')} label="Wie is schuldenaar?" options={BESLAG_OP_OPTIONS} />
        </div>
        <div className="grid-3">
          <TextField
            {...f('nietBeslagenEigenInkomenPerMaand')}
            label="Eigen inkomen zonder beslag per maand"
            inputMode="decimal"
            autoComplete="off"
            hint="Netto, incl. vakantiegeld; wordt afgetrokken (art. 475db lid 1 b Rv)."
          />
          <TextField
            {...f('loonheffingAutoVanDeZaakPerMaand')}
            label="Loonheffing auto van de zaak per maand"
            inputMode="decimal"
            autoComplete="off"
            hint="Staat op de loonstrook; wordt afgetrokken (art. 475db lid 1 c Rv)."
          />
          <CheckboxField
            {...f('woonkostenverhoging')}
            label="Woonkostenverhoging gevraagd (art. 475da lid 5 Rv)"
            hint="Huur of hypotheek uit het dossier boven 110 % van de maximale huurgrens."
          />
        </div>
        <div className="grid-3">
          <TextField
            {...f('verhogingEigenWoning.bedragPerMaand')}
            label="Verhoging eigen woning per maand (art. 475da lid 7 Rv)"
            inputMode="decimal"
            autoComplete="off"
            hint="Het bedrag uit de berekening van de beslaglegger; Houvast rekent het niet zelf uit."
          />
          <TextField {...f('verhogingEigenWoning.bron')} label="Bron verhoging eigen woning" autoComplete="off" hint="Bijvoorbeeld: mededeling CJIB van 12-05-2026." />
        </div>
        <div className="grid-3">
          <TextField
            {...f('inrichting.prijsPerMaand')}
            label="Verblijf in een inrichting: prijs zorg per maand (art. 475e lid 2 Rv)"
            inputMode="decimal"
            autoComplete="off"
            hint="Alleen bij verblijf in een zorginstelling: de prijs voor verpleging en verzorging. De beslagvrije voet is dan die prijs + 2/3 van de inrichtingsnorm + de toeslag (art. 23 Participatiewet)."
          />
          <TextField {...f('inrichting.bron')} label="Bron prijs inrichting" autoComplete="off" hint="Bijvoorbeeld de beschikking van het CAK." />
        </div>
      </fieldset>
      <fieldset className="subcard">
        <legend>Beslagvrije voet volgens de beslaglegger</legend>
        <p className="hint">
          Ter controle: Houvast vergelijkt dit bedrag met de eigen berekening. Laat leeg als er geen mededeling is.
        </p>
        <div className="grid-3">
          <TextField
            {...f('statedBvv.amount')}
            label="Beslagvrije voet volgens mededeling"
            inputMode="decimal"
            autoComplete="off"
            hint="Per maand, bijvoorbeeld 1.350,00"
          />
          <TextField {...f('statedBvv.date')} label="Datum mededeling" placeholder="dd-mm-jjjj" inputMode="numeric" autoComplete="off" />
          <TextField {...f('statedBvv.statedBy')} label="Vastgesteld door" autoComplete="off" hint="Bijvoorbeeld de deurwaarder of het CJIB." />
        </div>
      </fieldset>
      <TextField
        {...f('kostendelers')}
        label="Aantal kostendelers (27+)"
        inputMode="numeric"
        autoComplete="off"
        className="field-short"
        hint="Medebewoners van 27 jaar of ouder, naast de aanvrager en partner."
      />
      <CheckboxField
        {...f('geenBeroepOpOuders')}
        label="18 t/m 20 jaar: geen beroep op de ouders mogelijk (verhoging art. 20 lid 3 Participatiewet)"
        hint="Alleen voor een alleenstaande (ouder) van 18 t/m 20 jaar; norm plus verhoging is hoogstens de norm voor 21 jaar en ouder."
      />
      <fieldset className="subcard">
        <legend>Toeslagen controleren en vakantiegeld</legend>
        <p className="hint">
          Met het toetsingsinkomen (bruto per jaar, aanvrager en partner samen, zoals Dienst Toeslagen het gebruikt) controleert
          Houvast het kindgebonden budget en de zorgtoeslag. Het vakantiegeld komt uit het dossier: zet het daar als inkomen
          &quot;per jaar&quot; (netto, bij wie het ontvangt). Het wordt per maand gereserveerd, komt in de vooruitblik in de gekozen
          maand binnen en is het vakantiegelddeel van de afloscapaciteit.
        </p>
        <div className="grid-3">
          <TextField {...f('toetsingsinkomenPerJaar')} label="Toetsingsinkomen huishouden per jaar" inputMode="decimal" autoComplete="off" hint="Bruto, bijvoorbeeld 28.500,00" />
          <SelectField {...f('vakantiegeld.maand')} label="Maand vakantiegeld" options={MONTH_OPTIONS} />
        </div>
        <div className="grid-3">
          <TextField
            {...f('vakantiegeld.bedragPerJaar')}
            label="Afwijkend vakantiegeld per jaar (netto)"
            inputMode="decimal"
            autoComplete="off"
            hint="Alleen als niet alles uit de jaarlijkse posten in één keer komt, bijvoorbeeld 0,00 als de werkgever het per maand uitbetaalt. Anders leeg laten."
          />
          <TextField {...f('vakantiegeld.reden')} label="Reden voor het afwijkende bedrag" autoComplete="off" />
        </div>
      </fieldset>
      <fieldset className="subcard">
        <legend>Correcties op het VTLB</legend>
        {fields.length === 0 ? <p className="muted small">Geen correcties.</p> : null}
        {fields.map((field, i) => (
          <div key={field.id} role="group" aria-label={`Correctie ${i + 1}`} className="correction-row">
            <div className="grid-3">
              <SelectField {...f(`vtlbCorrections.${i}.kind`)} label="Soort" options={KIND_OPTIONS} />
              <TextField
                {...f(`vtlbCorrections.${i}.amount`)}
                label="Bedrag"
                inputMode="decimal"
                autoComplete="off"
                hint={VTLB_NEGATIVE_ALLOWED.has(form.watch(`vtlbCorrections.${i}.kind`)) ? 'Per maand; mag negatief zijn.' : 'Per maand.'}
              />
              <TextField {...f(`vtlbCorrections.${i}.note`)} label="Toelichting" autoComplete="off" />
            </div>
            <button type="button" className="button small danger-quiet" onClick={() => remove(i)}>
              Correctie {i + 1} verwijderen
            </button>
          </div>
        ))}
        <button type="button" className="button" onClick={() => append({ kind: 'woonlasten', amount: '', note: '' })}>
          Correctie toevoegen
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" id={SAVE_BUTTON_ID} className="button primary" disabled={isSubmitting}>
          Gegevens opslaan en herberekenen
        </button>
      </div>
      <p role="status" className={saved ? 'success' : 'visually-hidden'}>
        {saved ? 'De gegevens zijn opgeslagen; het budget is herberekend.' : ''}
      </p>
    </form>
  );
}
