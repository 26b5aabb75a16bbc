// "Periode met de hand invoeren": a new period for one norm group with its figures and source, as a Dutch form:
// readable labels grouped in sections (norm-form.ts), prefilled from the previous period, with a "copy and index
// by x %" helper. The figure names come from the group's latest period (so nothing is misspelt); empty figures
// are left out and reported as missing by the engine when a calculation needs them. The core validates and
// stores it as a user file.
import { useMemo, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { z } from 'zod';
import { NORM_STATUSES, NORM_STATUS_LABELS, type NormGroup } from '../../../shared/budget/norm-schema';
import { indexAmount, normFormField, parsePercentage } from '../../../shared/budget/norm-form';
import { nextIndexationDate } from '../../../shared/budget/norms';
import { formatNlDate } from '../../../shared/dates';
import { isoDate } from '../../../shared/dossier/schema';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextArea, TextField, optionsOf } from '../../components/fields';
import { errorOf, fieldId, mappedResolver } from '../../components/form-helpers';
import { dateInputToIso, isoToDateInput, optionalDateInputToIso } from '../../format';
import { useCall } from '../../state/session';
import { Rejection, rejectionOf, type RejectionInfo } from './Rejection';
import type { NormGroupView } from './NormsSection';

const FIGURE_VALUE = /^\d{1,9}(\.\d{1,6})?$/;

/**
 * "1.419,46" -> "1419.46", "0,0760" -> "0.0760", "67" -> "67"; "2.511" is two thousand five hundred eleven in nl-NL
 * (and what figureToInput writes for "2511") -> "2511"; other text is passed on to be refused.
 */
export function figureInputToCanonical(input: string): string {
  const s = input.trim().replace(/^€\s*/, '');
  if (s.includes(',') || /^[1-9]\d{0,2}(\.\d{3})+$/.test(s)) return s.replace(/\./g, '').replace(',', '.');
  return s;
}

const formSchema = z
  .object({
    group: z.string().min(1, { message: 'Kies een normgroep.' }),
    start: isoDate,
    validTo: isoDate.nullable(),
    status: z.enum(NORM_STATUSES),
    figures: z.array(
      z.object({
        name: z.string(),
        value: z
          .string()
          .refine((v) => v === '' || FIGURE_VALUE.test(v), { message: 'Een bedrag zoals 1.419,46 (hoogstens zes decimalen, niet negatief).' }),
      }),
    ),
    source: z.string().trim().min(1, { message: 'Noem de bron van de bedragen (URL of omschrijving).' }).max(2000),
    note: z.string().trim().max(2000),
  })
  .refine((v) => v.figures.some((f) => f.value !== ''), { message: 'Vul minstens één bedrag in.', path: ['figures'] })
  .refine((v) => v.validTo === null || v.validTo >= v.start, { message: 'De einddatum ligt voor de ingangsdatum.', path: ['validTo'] });
type FormOut = z.output<typeof formSchema>;

interface PeriodForm {
  group: string;
  start: string;
  validTo: string;
  status: string;
  figures: { name: string; label: string; section: string; indexable: boolean; prev: string | null; value: string }[];
  source: string;
  note: string;
}

const P = 'normperiode';

/** "1419.46" → "1.419,46" (every decimal kept), as a user would type it. */
export function figureToInput(value: string): string {
  const [int = '', frac] = value.split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, '.') + (frac !== undefined ? `,${frac}` : '');
}

/** The fields of the group's latest period, in Dutch, prefilled with its values unless `withValues` is false. */
function figuresOf(groups: readonly NormGroupView[], group: string, withValues = true): PeriodForm['figures'] {
  const g = groups.find((x) => x.group === group);
  const last = g?.periods[g.periods.length - 1];
  return (last?.figures ?? []).map((f) => {
    const field = normFormField(group as NormGroup, f.name, f.label);
    return { name: f.name, label: field.label, section: field.section, indexable: field.indexable, prev: f.value, value: withValues ? figureToInput(f.value) : '' };
  });
}

/** Suggested start: the next indexation date after the latest period (dd-mm-jjjj), or empty. */
function suggestedStart(groups: readonly NormGroupView[], group: string): string {
  const g = groups.find((x) => x.group === group);
  const last = g?.periods[g.periods.length - 1];
  return last && g.indexationDates.length > 0 ? isoToDateInput(nextIndexationDate(last.start, g.indexationDates)) : '';
}

export function NormPeriodForm({ groups, onDone }: { groups: readonly NormGroupView[]; onDone: (savedMessage: string | null) => void }) {
  const call = useCall();
  const [serverError, setServerError] = useState<RejectionInfo | null>(null);
  const first = groups[0]?.group ?? '';
  const resolver = useMemo(
    () =>
      mappedResolver<PeriodForm, FormOut>(formSchema, (v) => ({
        group: v.group,
        start: dateInputToIso(v.start),
        validTo: optionalDateInputToIso(v.validTo),
        status: v.status,
        figures: v.figures.map((f) => ({ name: f.name, value: figureInputToCanonical(f.value) })),
        source: v.source,
        note: v.note,
      })),
    [],
  );
  const form = useForm<PeriodForm, unknown, FormOut>({
    resolver,
    defaultValues: { group: first, start: suggestedStart(groups, first), validTo: '', status: 'official', figures: figuresOf(groups, first), source: '', note: '' },
  });
  const { fields, replace } = useFieldArray({ control: form.control, name: 'figures' });
  const { errors, submitCount, isSubmitting } = form.formState;
  const f = (name: string) => ({ id: fieldId(P, name), registration: form.register(name as never), error: errorOf(errors, name) });
  const groupReg = form.register('group', {
    onChange: (e: { target: { value: string } }) => {
      replace(figuresOf(groups, e.target.value));
      form.setValue('start', suggestedStart(groups, e.target.value));
    },
  });
  const [pct, setPct] = useState('');
  const [pctError, setPctError] = useState<string | null>(null);
  const [indexed, setIndexed] = useState<string | null>(null);
  // Copy the previous period and raise every amount by the percentage (Decimal, half-up to cents); percentages,
  // fractions and ages are copied unchanged.
  const copyAndIndex = () => {
    const p = parsePercentage(pct);
    setIndexed(null);
    if (p === null) {
      setPctError('Vul een percentage in tussen -50 en 50, bijvoorbeeld 2,5.');
      return;
    }
    setPctError(null);
    const list = form.getValues('figures');
    list.forEach((x, i) => {
      if (x.prev === null) return;
      form.setValue(`figures.${i}.value`, figureToInput(x.indexable ? indexAmount(x.prev, p) : x.prev), { shouldDirty: true });
    });
    setIndexed(`De bedragen van de vorige periode zijn overgenomen en met ${pct.trim().replace('%', '').trim()} % verhoogd (half-up afgerond op centen). Controleer ze met de publicatie.`);
  };

  const onSubmit = form.handleSubmit(async (v) => {
    setServerError(null);
    const figures = Object.fromEntries(v.figures.filter((x) => x.value !== '').map((x) => [x.name, x.value]));
    try {
      const stored = await call('norms.addPeriod', {
        group: v.group as never,
        start: v.start,
        ...(v.validTo ? { validTo: v.validTo } : {}),
        status: v.status,
        figures,
        source: v.source,
        ...(v.note ? { note: v.note } : {}),
      });
      onDone(
        `De periode vanaf ${formatNlDate(v.start)} is opgeslagen.` +
          (stored.absentFigures.length > 0 ? ` Deze bedragen ontbreken in de nieuwe periode: ${stored.absentFigures.join(', ')}.` : ''),
      );
    } catch (err) {
      setServerError(rejectionOf(err));
    }
  });

  const figureContext = (name: string): string | null => {
    const m = /^figures\.(\d+)\./.exec(name);
    return m ? (fields[Number(m[1])]?.label ?? null) : null;
  };

  return (
    <form noValidate onSubmit={onSubmit} aria-labelledby="h-hand">
      <ErrorSummary errors={errors} prefix={P} show={submitCount > 0} context={figureContext} />
      <Rejection rejection={serverError} />
      <div className="field">
        <label htmlFor={fieldId(P, 'group')}>Normgroep</label>
        <select id={fieldId(P, 'group')} {...groupReg}>
          {groups.map((g) => (
            <option key={g.group} value={g.group}>
              {g.label}
            </option>
          ))}
        </select>
      </div>
      <div className="grid-2">
        <TextField {...f('start')} label="Ingangsdatum" placeholder="dd-mm-jjjj" inputMode="numeric" autoComplete="off" />
        <TextField
          {...f('validTo')}
          label="Einddatum (optioneel)"
          placeholder="dd-mm-jjjj"
          inputMode="numeric"
          autoComplete="off"
          hint="Leeg: tot de volgende periode of indexatiedatum."
        />
      </div>
      <SelectField {...f('status')} label="Status" options={optionsOf(NORM_STATUSES, NORM_STATUS_LABELS)} />
      <fieldset className="subcard">
        <legend>Bedragen</legend>
        <p className="hint">
          Vul de gepubliceerde bedragen in (bijvoorbeeld 1.419,46). De bedragen van de vorige periode staan al ingevuld. Leeg gelaten
          bedragen ontbreken in deze periode.{' '}
          <button type="button" className="button small" onClick={() => replace(figuresOf(groups, form.getValues('group')))}>
            Bedragen van de vorige periode overnemen
          </button>
        </p>
        <div className="grid-2">
          <div className="field">
            <label htmlFor={fieldId(P, 'index')}>Indexeren met (%)</label>
            <input
              id={fieldId(P, 'index')}
              inputMode="decimal"
              autoComplete="off"
              value={pct}
              onChange={(e) => setPct(e.target.value)}
              aria-invalid={pctError ? true : undefined}
              aria-describedby={`${fieldId(P, 'index')}-hint${pctError ? ` ${fieldId(P, 'index')}-fout` : ''}`}
            />
            <p id={`${fieldId(P, 'index')}-hint`} className="hint">
              Bijvoorbeeld 2,5. Alleen bedragen worden verhoogd; percentages en leeftijden blijven gelijk.
            </p>
            {pctError ? (
              <p id={`${fieldId(P, 'index')}-fout`} className="field-error" role="alert">
                {pctError}
              </p>
            ) : null}
          </div>
          <div className="actions">
            <button type="button" className="button" onClick={copyAndIndex}>
              Kopiëren en indexeren
            </button>
          </div>
        </div>
        {indexed ? (
          <p role="status" className="success">
            {indexed}
          </p>
        ) : null}
        {sectionsOf(fields).map((sec) => (
          <fieldset key={sec.title} className="subcard norm-figure-section">
            <legend>{sec.title}</legend>
            <div className="norm-figure-fields">
              {sec.items.map(({ field, i }) => (
                <TextField
                  key={field.id}
                  {...f(`figures.${i}.value`)}
                  label={field.label}
                  hint={field.prev !== null ? `Vorige periode: ${figureToInput(field.prev)}` : undefined}
                  inputMode="decimal"
                  autoComplete="off"
                />
              ))}
            </div>
          </fieldset>
        ))}
      </fieldset>
      <TextArea {...f('source')} label="Bron" rows={2} hint="URL of omschrijving van de publicatie, bijvoorbeeld de Staatscourant." />
      <TextField {...f('note')} label="Opmerking (optioneel)" autoComplete="off" />
      <div className="actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          Periode opslaan
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Annuleren
        </button>
      </div>
    </form>
  );
}

/** Field-array items grouped by their section, keeping each item's index in the array. */
function sectionsOf<T extends { section: string }>(fields: T[]): { title: string; items: { field: T; i: number }[] }[] {
  const out: { title: string; items: { field: T; i: number }[] }[] = [];
  fields.forEach((field, i) => {
    let sec = out.find((x) => x.title === field.section);
    if (!sec) {
      sec = { title: field.section, items: [] };
      out.push(sec);
    }
    sec.items.push({ field, i });
  });
  return out;
}
