// Dossier → Budget: the figures of the budget engine on a peildatum (each with its derivation on demand, fetched
// when the first Toelichting is opened), the warnings, a chart of income against the norm, VTLB and expenses, the
// 24-month projection, the inputs that are not part of the dossier, and the budget plan PDF. The core computes;
// this screen only shows.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import { explainedView, resolveBudgetView, sameFigures, type BudgetView, type BudgetViewWire } from '../../../shared/contract/budget';
import { isoDate } from '../../../shared/dossier/schema';
import { formatNlDate } from '../../../shared/dates';
import { ErrorSummary } from '../../components/ErrorSummary';
import { TextField } from '../../components/fields';
import { errorOf, fieldId, mappedResolver } from '../../components/form-helpers';
import { Loading } from '../../components/Status';
import { dateInputToIso, isoToDateInput, today } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { BudgetCharts, ProjectionSection } from './BudgetCharts';
import { BudgetFigures, KeyFigures } from './BudgetFigures';
import { BudgetInputsForm, SAVE_BUTTON_ID } from './BudgetInputsForm';
import { AddsUpSection, EntitlementsSection, ProvisionalBanner } from './BudgetChecks';
import { BudgetPlans } from './BudgetPlans';
import { BudgetWarnings } from './BudgetWarnings';
import { ChangedFiguresProvider, useRecalculationChanges } from './changes';
import { ExplanationsProvider } from './Toelichting';
import { prefillFromWarning } from '../../../shared/signals/prefill';
import type { SignalDataInput } from '../../../shared/signals/schema';
import './budget.css';

type Failure = { code: string; message: string };

export function BudgetPanel({
  dossierId,
  version,
  onEditItems,
  onReportSignal,
}: {
  dossierId: string;
  /** "Meld systeemfout" beside a budget warning: opens the signal form pre-filled. */
  onReportSignal?: ((prefill: SignalDataInput) => void) | undefined;
  /** The dossier's updatedAt: a change (income or expense edited) recomputes the budget. */
  version?: number;
  /** Opens the "Inkomsten en uitgaven" tab. */
  onEditItems?: () => void;
}) {
  const call = useCall();
  /** null: the core's default (saved peildatum, else today). */
  const [date, setDate] = useState<string | null>(null);
  const [view, setView] = useState<BudgetView | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  /** The answer on screen as it came (the explanations fetched later must come with the same figures). */
  const shown = useRef<BudgetViewWire | null>(null);
  /** Counts the answers with new figures: what the recalculation marks compare (never a fetch of explanations). */
  const [figures, setFigures] = useState(0);
  /** The fetch of the explanations under way, shared by every Toelichting opened meanwhile. */
  const explaining = useRef<{ base: BudgetViewWire; done: Promise<void> } | null>(null);

  const load = useCallback(
    async (on: string | null) => {
      const mine = ++seq.current;
      setLoading(true);
      try {
        // Figures only (issue 10 §1): the explanations follow when a Toelichting is opened (loadExplanations).
        const v = await call('budget.get', { id: dossierId, ...(on ? { date: on } : {}), explanations: false });
        if (mine !== seq.current) return;
        shown.current = v;
        // The answer lists each norm table once; the explanations show them in full.
        setView(resolveBudgetView(v));
        setFigures((n) => n + 1);
        setFailure(null);
      } catch (err) {
        if (mine !== seq.current) return;
        shown.current = null;
        setView(null);
        setFailure({ code: err instanceof AppError ? err.code : 'INTERNAL', message: errorMessage(err) });
      } finally {
        if (mine === seq.current) setLoading(false);
      }
    },
    [call, dossierId],
  );

  useEffect(() => {
    void load(date);
  }, [load, date, version]);

  // The full answer for the same dossier and peildatum as the figures on screen; it replaces them unless a new
  // calculation started or arrived meanwhile (that one shows figures only again; an open row then asks anew).
  const loadExplanations = useCallback((): Promise<void> => {
    const mine = seq.current;
    const base = shown.current;
    if (!base || explainedView(base)) return Promise.resolve();
    if (explaining.current?.base === base) return explaining.current.done;
    const fetchFull = async (): Promise<void> => {
      try {
        const full = await call('budget.get', { id: base.dossierId, date: base.referenceDate, explanations: true });
        if (mine !== seq.current || shown.current !== base) return;
        shown.current = full;
        setView(resolveBudgetView(full));
        // Saved elsewhere in between: other figures, so marked as a recalculation would mark them.
        if (!sameFigures(base, full)) setFigures((n) => n + 1);
      } catch (err) {
        throw new Error(errorMessage(err));
      } finally {
        if (explaining.current?.base === base) explaining.current = null;
      }
    };
    const done = fetchFull();
    explaining.current = { base, done };
    return done;
  }, [call]);

  const shownDate = date ?? view?.referenceDate ?? today();
  // Figures that changed in a recalculation: marked, scrolled into view and announced (issue 7).
  const root = useRef<HTMLDivElement>(null);
  const { changed, announcement } = useRecalculationChanges(root, view ? figures : null, dossierId, view ? `voor peildatum ${formatNlDate(view.referenceDate)}` : '');
  // After saving the inputs the form is rebuilt from the stored ones: confirm it and give the focus back to its button.
  const [justSaved, setJustSaved] = useState(false);
  const savedFrom = useRef<BudgetView | null>(null);
  useEffect(() => {
    if (!justSaved || view === savedFrom.current) return;
    document.getElementById(SAVE_BUTTON_ID)?.focus({ preventScroll: true });
    setJustSaved(false);
  }, [justSaved, view]);

  return (
    <div className="budget stack" aria-busy={loading} ref={root}>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="budget-top">
        <div>
          <h2 className="budget-title">Budget</h2>
          <p className="muted small budget-intro">
            Inkomsten en uitgaven staan in het tabblad{' '}
            {onEditItems ? (
              <button type="button" className="button link-button inline-link" onClick={onEditItems}>
                Inkomsten en uitgaven
              </button>
            ) : (
              '“Inkomsten en uitgaven”'
            )}; daar past u ze aan.
          </p>
        </div>
        <PeildatumForm
          value={shownDate}
          onSubmit={(d) => {
            setJustSaved(false);
            if (d === date) void load(d);
            else setDate(d);
          }}
          busy={loading}
        />
      </div>
      {loading && !view && !failure ? <Loading>Budget wordt berekend…</Loading> : null}
      {failure ? (
        <div className="alert budget-failure" role="alert">
          <p className="alert-title">
            {failure.code === 'NORM_NOT_COVERED' ? 'Geen normtabel voor deze peildatum' : 'Het budget kon niet worden berekend'}
          </p>
          <p>{failure.message}</p>
        </div>
      ) : null}
      {view ? (
        <ChangedFiguresProvider value={changed}>
          <ExplanationsProvider value={loadExplanations}>
            <BudgetBody
              view={view}
              justSaved={justSaved}
              onInputsSaved={() => {
                savedFrom.current = view;
                setJustSaved(true);
                void load(date);
              }}
              onReportSignal={onReportSignal}
            />
          </ExplanationsProvider>
        </ChangedFiguresProvider>
      ) : null}
      <BudgetPlans dossierId={dossierId} referenceDate={view ? view.referenceDate : date} disabled={!view || loading} />
    </div>
  );
}

function BudgetBody({
  view,
  justSaved,
  onInputsSaved,
  onReportSignal,
}: {
  view: BudgetView;
  justSaved: boolean;
  onInputsSaved: () => void;
  onReportSignal?: ((prefill: SignalDataInput) => void) | undefined;
}) {
  const r = view.result;
  const report = onReportSignal
    ? (code: string) => {
        const saldo = r.budget.saldo.value;
        const shortfall = saldo !== null && saldo.startsWith('-') ? saldo.slice(1) : null;
        const prefill = prefillFromWarning(code, { date: view.referenceDate, shortfall: code === 'TEKORT' ? shortfall : null });
        if (prefill) onReportSignal(prefill);
      }
    : undefined;
  const periods = useMemo(
    () => r.normPeriods.map((t) => `${t.title.split(' (')[0]?.split(',')[0]}: ${formatNlDate(t.periodStart)} t/m ${formatNlDate(t.periodEnd)}${t.origin === 'user' ? ' (door gebruiker ingevoerd)' : ''}`),
    [r.normPeriods],
  );
  return (
    <>
      <p className="budget-basis small">
        Berekend voor peildatum <strong>{formatNlDate(view.referenceDate)}</strong>. Normtabellen: {periods.join('; ')}.
      </p>
      <ProvisionalBanner view={view} />
      <BudgetWarnings warnings={r.warnings} onReport={report} statedBvvDifference={r.bvvBerekening?.opgave?.difference ?? null} />
      <KeyFigures result={r} />
      <BudgetCharts result={r} />
      <BudgetFigures result={r} />
      <EntitlementsSection view={view} />
      <AddsUpSection view={view} />
      <ProjectionSection projection={view.projection} />
      <BudgetInputsForm
        key={view.inputsUpdatedAt ?? 0}
        dossierId={view.dossierId}
        inputs={view.inputs}
        updatedAt={view.inputsUpdatedAt}
        onSaved={onInputsSaved}
        justSaved={justSaved}
      />
    </>
  );
}

const peildatumSchema = z.object({ peildatum: isoDate });
type PeildatumForm = { peildatum: string };

function PeildatumForm({ value, onSubmit, busy }: { value: string; onSubmit: (iso: string) => void; busy: boolean }) {
  const resolver = useMemo(
    () => mappedResolver<PeildatumForm, z.output<typeof peildatumSchema>>(peildatumSchema, (v) => ({ peildatum: dateInputToIso(v.peildatum) })),
    [],
  );
  const form = useForm<PeildatumForm, unknown, z.output<typeof peildatumSchema>>({ resolver, defaultValues: { peildatum: isoToDateInput(value) } });
  const { errors, submitCount } = form.formState;
  // Before the user picks a date the core answers for its default (the saved peildatum, else today): show
  // that date, unless the user has started typing.
  useEffect(() => {
    if (!form.getFieldState('peildatum').isDirty && dateInputToIso(form.getValues('peildatum')) !== value) {
      form.reset({ peildatum: isoToDateInput(value) });
    }
  }, [form, value]);
  return (
    <form
      noValidate
      className="peildatum-form"
      aria-label="Peildatum kiezen"
      onSubmit={form.handleSubmit((v) => {
        if (!busy) onSubmit(v.peildatum);
      })}
    >
      <ErrorSummary errors={errors} prefix="budget" show={submitCount > 0} />
      <div className="peildatum-row">
        <TextField
          id={fieldId('budget', 'peildatum')}
          label="Peildatum"
          registration={form.register('peildatum')}
          error={errorOf(errors, 'peildatum')}
          placeholder="dd-mm-jjjj"
          inputMode="numeric"
          autoComplete="off"
          className="field-date"
        />
        {/* aria-disabled, not disabled: a disabled button drops the keyboard focus while the core computes. */}
        <button type="submit" className="button" aria-disabled={busy}>
          Berekenen
        </button>
      </div>
    </form>
  );
}
