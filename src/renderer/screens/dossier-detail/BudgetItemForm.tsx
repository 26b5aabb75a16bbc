// Add or edit one income or expense item; amounts as the user types them ("1.234,56"), dates dd-mm-jjjj.
// An income also names who receives it (household, aanvrager or partner), which the attachment rules use.
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import {
  EXPENSE_CATEGORIES,
  EXPENSE_CATEGORY_LABELS,
  INCOME_CATEGORIES,
  INCOME_CATEGORY_LABELS,
} from '../../../shared/dossier/categories';
import { expenseSchema, incomeSchema, type Dossier, type Expense, type Income } from '../../../shared/dossier/schema';
import { FREQUENCIES, FREQUENCY_LABELS, type Frequency } from '../../../shared/frequency';
import { ErrorSummary } from '../../components/ErrorSummary';
import { useDraft } from '../../components/useDraft';
import { SelectField, TextField, optionsOf } from '../../components/fields';
import { errorOf, fieldId, mappedResolver } from '../../components/form-helpers';
import { amountInputToCanonical, canonicalToAmountInput, isoToDateInput, optionalDateInputToIso } from '../../format';
import { AppError } from '../../../shared/contract/errors';
import { errorMessage, useCall } from '../../state/session';
import { closeOnEscape } from './inline-form';

export type BudgetKind = 'income' | 'expense';

interface ItemForm {
  description: string;
  category: string;
  amount: string;
  frequency: Frequency;
  /** Only with frequency "termijnen": instalments per year. */
  instalments: string;
  startDate: string;
  endDate: string;
  /** Income only; '' = the household as a whole (stored as null). */
  personRole: '' | 'aanvrager' | 'partner';
}

const RECEIVER_LABELS = { '': 'Huishouden', aanvrager: 'Aanvrager', partner: 'Partner' } as const;

export function BudgetItemForm({
  kind,
  dossier,
  index,
  onDone,
}: {
  kind: BudgetKind;
  dossier: Dossier;
  /** null: a new item. */
  index: number | null;
  onDone: (saved: Dossier | null) => void;
}) {
  const call = useCall();
  const [serverError, setServerError] = useState<string | null>(null);
  const key = kind === 'income' ? 'incomes' : 'expenses';
  const existing: Income | Expense | undefined = index === null ? undefined : dossier[key][index];
  const schema = kind === 'income' ? incomeSchema : expenseSchema;
  const resolver = useMemo(
    () =>
      mappedResolver<ItemForm, Income | Expense>(schema as never, (v) => ({
        ...(existing?.id ? { id: existing.id } : {}),
        ...(kind === 'income' ? { personRole: v.personRole === '' ? null : v.personRole } : {}),
        description: v.description,
        category: v.category,
        amount: amountInputToCanonical(v.amount),
        frequency: v.frequency,
        ...(v.frequency === 'termijnen' ? { instalments: v.instalments.trim() === '' ? null : Number(v.instalments.trim()) } : {}),
        startDate: optionalDateInputToIso(v.startDate),
        endDate: optionalDateInputToIso(v.endDate),
      })),
    [schema, existing, kind],
  );
  const form = useForm<ItemForm, unknown, Income | Expense>({
    resolver,
    defaultValues: {
      description: existing?.description ?? '',
      category: existing?.category ?? (kind === 'income' ? 'loon' : 'huur'),
      amount: existing ? canonicalToAmountInput(existing.amount) : '',
      frequency: existing?.frequency ?? 'maand',
      instalments: existing?.instalments ? String(existing.instalments) : '',
      startDate: isoToDateInput(existing?.startDate),
      endDate: isoToDateInput(existing?.endDate),
      personRole: (existing && 'personRole' in existing ? existing.personRole : null) ?? '',
    },
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const P = `${kind}-item`;
  const f = (name: keyof ItemForm) => ({ id: fieldId(P, name), registration: form.register(name), error: errorOf(errors, name) });
  const title =
    index === null ? (kind === 'income' ? 'Inkomst toevoegen' : 'Uitgave toevoegen') : kind === 'income' ? 'Inkomst bewerken' : 'Uitgave bewerken';
  // Half-filled work is kept as a draft in the vault (navigation, auto-lock) and offered back when this form opens.
  const draft = useDraft(form, {
    form: `${kind}:${dossier.id}:${existing?.id ?? 'nieuw'}`,
    label: `${title} (dossier ${dossier.number})`,
    dossierId: dossier.id,
  });

  const onSubmit = form.handleSubmit(async (item) => {
    setServerError(null);
    try {
      // Only this item crosses the contract (with its id when editing), never the rest of the dossier.
      const input =
        kind === 'income' ? { id: dossier.id, kind: 'income' as const, item: item as Income } : { id: dossier.id, kind: 'expense' as const, item: item as Expense };
      const saved = (await call('dossier.saveItem', input)) as Dossier;
      await draft.discard();
      onDone(saved);
    } catch (err) {
      // Issues on this item ("item.amount") go to the matching field.
      const at = 'item.';
      if (err instanceof AppError) {
        for (const issue of err.issues ?? []) {
          if (issue.path.startsWith(at)) form.setError(issue.path.slice(at.length) as keyof ItemForm, { type: 'server', message: issue.message });
        }
      }
      setServerError(errorMessage(err));
    }
  });

  // Partner only when the dossier has one; an item already assigned to a partner keeps the option,
  // so editing another field never silently moves the income to someone else.
  const hasPartner = dossier.adults.some((a) => a.role === 'partner');
  const receivers = (['', 'aanvrager', 'partner'] as const)
    .filter((r) => r !== 'partner' || hasPartner || form.getValues('personRole') === 'partner')
    .map((r) => ({ value: r, label: RECEIVER_LABELS[r] }));

  const categories =
    kind === 'income' ? optionsOf(INCOME_CATEGORIES, INCOME_CATEGORY_LABELS) : optionsOf(EXPENSE_CATEGORIES, EXPENSE_CATEGORY_LABELS);

  return (
    <>
    {draft.ui}
    <form noValidate onSubmit={onSubmit} className="card item-form" aria-labelledby={`${P}-titel`} onKeyDown={closeOnEscape(() => draft.leave(() => onDone(null)))}>
      <h3 id={`${P}-titel`}>{title}</h3>
      <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} />
      <div className="grid-3">
        <TextField {...f('description')} label="Omschrijving" autoComplete="off" autoFocus />
        <SelectField {...f('category')} label="Categorie" options={categories} />
        <TextField {...f('amount')} label="Bedrag" inputMode="decimal" autoComplete="off" hint="In euro, bijvoorbeeld 1.234,56" />
        <SelectField {...f('frequency')} label="Frequentie" options={optionsOf(FREQUENCIES, FREQUENCY_LABELS)} />
        {form.watch('frequency') === 'termijnen' ? (
          <TextField {...f('instalments')} label="Aantal termijnen per jaar" inputMode="numeric" autoComplete="off" hint="Bijvoorbeeld 10 voor gemeentelijke belastingen in tien termijnen." />
        ) : null}
        {kind === 'income' ? <SelectField {...f('personRole')} label="Ontvanger" options={receivers} /> : null}
        <TextField {...f('startDate')} label="Ingangsdatum" placeholder="dd-mm-jjjj" inputMode="numeric" autoComplete="off" hint="Leeg laten als onbekend." />
        <TextField {...f('endDate')} label="Einddatum" placeholder="dd-mm-jjjj" inputMode="numeric" autoComplete="off" hint="Leeg laten als doorlopend." />
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
