// Recording or changing a signal: codes from the vocabulary (selects and checkboxes) plus a private note.
// Pre-filled from where it was opened (budget warning, debt); the core validates again on save.
import { useState, type FormEvent } from 'react';
import { AppError } from '../../../shared/contract/errors';
import { signalDataSchema, type SignalDataInput } from '../../../shared/signals/schema';
import { EFFECTS, INSTANTIES, MECHANISMS, MECHANISM_GROUPS, ROUTES, ROUTE_RESULTS } from '../../../shared/signals/vocabulary';
import { amountInputToCanonical, canonicalToAmountInput, isoToDateInput, optionalDateInputToIso } from '../../format';
import { errorMessage } from '../../state/session';

export function SignalForm({
  initial,
  onSave,
  onCancel,
  title,
}: {
  initial: SignalDataInput;
  onSave: (data: SignalDataInput) => Promise<void>;
  onCancel: () => void;
  title: string;
}) {
  const [instantie, setInstantie] = useState<string>(initial.instantie);
  const [mechanism, setMechanism] = useState<string>(initial.mechanism);
  const [effects, setEffects] = useState<string[]>([...(initial.effects ?? [])]);
  const [route, setRoute] = useState<string>(initial.route ?? 'geen');
  const [routeResult, setRouteResult] = useState<string>(initial.routeResult ?? 'nvt');
  const [occurredOn, setOccurredOn] = useState(isoToDateInput(initial.occurredOn ?? null));
  const [impact, setImpact] = useState(initial.impactAmount ? canonicalToAmountInput(initial.impactAmount) : '');
  const [shortfall, setShortfall] = useState(initial.monthlyShortfall ? canonicalToAmountInput(initial.monthlyShortfall) : '');
  const [note, setNote] = useState(initial.note ?? '');
  const [errors, setErrors] = useState<{ id: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const data = {
      instantie,
      mechanism,
      effects,
      route,
      routeResult,
      occurredOn: optionalDateInputToIso(occurredOn),
      impactAmount: impact.trim() ? amountInputToCanonical(impact) : null,
      monthlyShortfall: shortfall.trim() ? amountInputToCanonical(shortfall) : null,
      source: initial.source ?? 'dossier',
      sourceRef: initial.sourceRef ?? null,
      note,
    };
    const parsed = signalDataSchema.safeParse(data);
    if (!parsed.success) {
      setErrors(parsed.error.issues.map((i) => ({ id: `signal-${String(i.path[0] ?? 'form')}`, message: i.message })));
      return;
    }
    setBusy(true);
    try {
      await onSave(data as SignalDataInput);
    } catch (err) {
      setErrors([{ id: 'signal-instantie', message: err instanceof AppError ? err.message : errorMessage(err) }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack signal-form" onSubmit={(e) => void submit(e)} aria-labelledby="signal-form-title" noValidate>
      <h3 id="signal-form-title">{title}</h3>
      {errors.length > 0 ? (
        <div className="error-summary" role="alert">
          <ul>
            {errors.map((er, i) => (
              <li key={i}>
                <a href={`#${er.id}`}>{er.message}</a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="small">Alleen de codes kunnen (geanonimiseerd en geteld) in het systeemfouten-rapport komen. De notitie blijft in de kluis.</p>
      <div className="field">
        <label htmlFor="signal-instantie">Instantie</label>
        <select id="signal-instantie" value={instantie} onChange={(e) => setInstantie(e.target.value)}>
          {INSTANTIES.map((i) => (
            <option key={i.code} value={i.code}>
              {i.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="signal-mechanism">Mechanisme</label>
        <select id="signal-mechanism" value={mechanism} onChange={(e) => setMechanism(e.target.value)}>
          {MECHANISM_GROUPS.map((g) => (
            <optgroup key={g.code} label={`${g.code} ${g.label}`}>
              {MECHANISMS.filter((m) => m.group === g.code).map((m) => (
                <option key={m.code} value={m.code}>
                  {m.code} {m.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>Gevolgen voor huishouden en kinderen</legend>
        {EFFECTS.map((x) => (
          <label key={x.code} className="checkbox">
            <input
              type="checkbox"
              checked={effects.includes(x.code)}
              onChange={(e) => setEffects((prev) => (e.target.checked ? [...prev, x.code] : prev.filter((c) => c !== x.code)))}
            />{' '}
            {x.label}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor="signal-route">Geprobeerde route</label>
        <select id="signal-route" value={route} onChange={(e) => setRoute(e.target.value)}>
          {ROUTES.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="signal-result">Resultaat</label>
        <select id="signal-result" value={routeResult} onChange={(e) => setRouteResult(e.target.value)}>
          {ROUTE_RESULTS.map((r) => (
            <option key={r.code} value={r.code}>
              {r.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="signal-occurredOn">Wanneer gebeurd (dd-mm-jjjj, optioneel)</label>
        <input id="signal-occurredOn" value={occurredOn} onChange={(e) => setOccurredOn(e.target.value)} inputMode="numeric" />
      </div>
      <div className="field">
        <label htmlFor="signal-impactAmount">Financiële schade, eenmalig (€, optioneel)</label>
        <input id="signal-impactAmount" value={impact} onChange={(e) => setImpact(e.target.value)} inputMode="decimal" />
      </div>
      <div className="field">
        <label htmlFor="signal-monthlyShortfall">Tekort per maand onder het minimum (€, optioneel)</label>
        <input id="signal-monthlyShortfall" value={shortfall} onChange={(e) => setShortfall(e.target.value)} inputMode="decimal" />
      </div>
      <div className="field">
        <label htmlFor="signal-note">Notitie (privé, verlaat de kluis nooit)</label>
        <textarea id="signal-note" value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
      </div>
      <div className="actions">
        <button type="submit" className="button primary" disabled={busy}>
          Opslaan
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Annuleren
        </button>
      </div>
    </form>
  );
}
