// Dossier → Schuldeisers: the creditor board (Schuldenknooppunt steps per creditor with dates), reply
// reminders, the clock against the deadline for reaching a regeling, the regeling state, the options and
// dwangakkoord figures when creditors refuse, and the payments with their progress. Every figure comes from
// the core (board.get); this screen only formats it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { addBoardEventInput, boardSettingsInput, recordPaymentInput, type BoardView } from '../../../shared/contract/creditor-board';
import { BOARD_STEPS, BOARD_STEP_LABELS, type BoardStep } from '../../../shared/creditor-board/board';
import { formatEuro } from '../../../shared/money';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField, type Option } from '../../components/fields';
import { applyServerError, errorOf, fieldId, mappedResolver } from '../../components/form-helpers';
import { DataTable, hiddenCol, NumCell, numCol } from '../../components/DataTable';
import { Alert, Loading, Success } from '../../components/Status';
import { amountInputToCanonical, dateInputToIso, isoToDateInput, optionalDateInputToIso, showDate, today } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { monthLabel } from '../budget/view';
import { SchemeConditionsPanel } from './SchemeConditionsPanel';
import './arrangement.css';

type Creditor = BoardView['creditors'][number];
const KIND_LABELS = { concurrent: 'Concurrent', preferent: 'Preferent' } as const;
const pctText = (s: string) => `${s.replace('.', ',')} %`;

export function CreditorBoardTab({ dossierId, version }: { dossierId: string; version: number }) {
  const call = useCall();
  const [board, setBoard] = useState<BoardView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [stepFor, setStepFor] = useState<string | null>(null);

  useEffect(() => {
    let alive = true;
    call('board.get', { dossierId }).then(
      (b) => alive && setBoard(b),
      (err: unknown) => alive && setError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [call, dossierId, version]);

  const updated = useCallback((b: BoardView, text: string) => {
    setBoard(b);
    setMessage(text);
    setError(null);
  }, []);

  const remove = async (name: 'board.removeEvent' | 'payments.remove', input: { dossierId: string; eventId: string } | { dossierId: string; paymentId: string }, text: string) => {
    try {
      const b = name === 'board.removeEvent' ? await call(name, input as { dossierId: string; eventId: string }) : await call(name, input as { dossierId: string; paymentId: string });
      updated(b, text);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  if (!board) return error ? <Alert>{error}</Alert> : <Loading>Schuldeisersbord wordt geladen…</Loading>;

  return (
    <div className="stack creditor-board">
      <Alert>{error}</Alert>
      <Success>{message}</Success>
      <RegelingStatus board={board} />
      {board.creditors.length === 0 ? (
        <p className="muted">Er staan geen schulden op het bord. Leg eerst de schulden vast (tabblad Schulden); betaalde schulden en schulden buiten de regeling staan er niet op.</p>
      ) : (
        <section aria-labelledby="h-bord">
          <h2 id="h-bord">Schuldeisers</h2>
          <DataTable
            caption="Stand per schuldeiser"
            columns={['Schuldeiser', 'Soort', numCol('Vordering'), 'Stand', 'Laatste stap', 'Reactie uiterlijk', hiddenCol('Acties')]}
            foot={
              <tr>
                <th scope="row" colSpan={2}>
                  Totaal
                </th>
                <NumCell total>{formatEuro(board.totalClaims)}</NumCell>
                <td colSpan={4} />
              </tr>
            }
          >
            {board.creditors.map((c) => (
              <tr key={c.debtId}>
                <th scope="row">{c.creditor}</th>
                <td>{KIND_LABELS[c.kind]}</td>
                <NumCell>
                  {formatEuro(c.claim)}
                  {c.claimSource === 'saldo_schuldeiser' ? <span className="muted small"> (saldo schuldeiser)</span> : null}
                </NumCell>
                <td>
                  <span className={`badge board-state board-state-${c.state}`}>{c.stateLabel}</span>
                </td>
                <td className="nowrap">{showDate(c.lastDate)}</td>
                <td className="nowrap">
                  {c.replyDue ? showDate(c.replyDue) : '—'}
                  {c.daysOverdue > 0 ? <strong className="overdue"> ({c.daysOverdue} d te laat)</strong> : null}
                </td>
                <td className="row-actions">
                  <button
                    type="button"
                    className="button small"
                    aria-label={`Stap vastleggen voor ${c.creditor}`}
                    aria-expanded={stepFor === c.debtId}
                    onClick={() => setStepFor((s) => (s === c.debtId ? null : c.debtId))}
                  >
                    Stap vastleggen
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
          {stepFor ? (
            <StepForm
              key={stepFor}
              board={board}
              creditor={board.creditors.find((c) => c.debtId === stepFor)!}
              onDone={(b, step) => {
                const c = board.creditors.find((x) => x.debtId === stepFor);
                setStepFor(null);
                if (b) updated(b, `Vastgelegd: ${BOARD_STEP_LABELS[step!]} bij ${c?.creditor ?? 'de schuldeiser'}.`);
              }}
            />
          ) : null}
          <History board={board} onRemove={(id) => void remove('board.removeEvent', { dossierId, eventId: id }, 'De stap is verwijderd.')} />
        </section>
      )}
      {board.dwangakkoord ? <Options board={board} /> : null}
      {board.creditors.length > 0 ? (
        <Payments board={board} onChange={updated} onRemove={(id) => void remove('payments.remove', { dossierId, paymentId: id }, 'De betaling is verwijderd.')} />
      ) : null}
      <SchemeConditionsPanel dossierId={dossierId} refresh={board} />
      <SettingsForm board={board} onSaved={(b) => updated(b, 'De termijnen zijn opgeslagen.')} />
    </div>
  );
}

function RegelingStatus({ board }: { board: BoardView }) {
  return (
    <section aria-labelledby="h-regeling" className={board.regeling === 'van_kracht' ? 'success' : 'card'}>
      <h2 id="h-regeling">Regeling: {board.regelingLabel}</h2>
      {board.inForceSince ? <p>Alle schuldeisers zijn akkoord. De regeling is van kracht sinds {showDate(board.inForceSince)}.</p> : null}
      {board.clock ? (
        <p className={board.clock.expired ? 'overdue' : undefined}>
          <strong>Termijn:</strong> {board.clock.text}
        </p>
      ) : (
        <p className="muted">De termijn van {board.settings.deadlineDays} dagen begint bij de eerste stap (meestal het saldoverzoek).</p>
      )}
      <p className="small muted">
        {Object.entries(board.counts)
          .filter(([, n]) => n > 0)
          .map(([state, n]) => `${board.creditors.find((c) => c.state === state)?.stateLabel ?? state}: ${n}`)
          .join(' · ')}
      </p>
      {board.reminders.length > 0 ? (
        <div className="warning" role="alert" aria-labelledby="h-herinneringen">
          <h3 id="h-herinneringen" className="warning-title">
            {board.reminders.length === 1 ? '1 herinnering' : `${board.reminders.length} herinneringen`}
          </h3>
          <ul>
            {board.reminders.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}

interface StepValues {
  step: BoardStep | '';
  date: string;
  amount: string;
  note: string;
}

function StepForm({ board, creditor, onDone }: { board: BoardView; creditor: Creditor; onDone: (b: BoardView | null, step?: BoardStep) => void }) {
  const call = useCall();
  const [serverError, setServerError] = useState<string | null>(null);
  const resolver = useMemo(
    () =>
      mappedResolver<StepValues, ReturnType<typeof addBoardEventInput.parse>>(addBoardEventInput, (v) => ({
        dossierId: board.dossierId,
        debtId: creditor.debtId,
        step: v.step || undefined,
        date: dateInputToIso(v.date),
        note: v.note.trim() || undefined,
        amount: v.step === 'saldo_ontvangen' && v.amount.trim() ? amountInputToCanonical(v.amount) : undefined,
      })),
    [board.dossierId, creditor.debtId],
  );
  const form = useForm<StepValues, unknown, ReturnType<typeof addBoardEventInput.parse>>({
    resolver,
    defaultValues: { step: '', date: isoToDateInput(today()), amount: '', note: '' },
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const P = 'stap';
  const f = (name: keyof StepValues) => ({ id: fieldId(P, name), registration: form.register(name), error: errorOf(errors, name) });
  const step = form.watch('step');
  const options: Option[] = [{ value: '', label: 'Kies een stap' }, ...BOARD_STEPS.map((s) => ({ value: s, label: BOARD_STEP_LABELS[s] }))];

  const onSubmit = form.handleSubmit(async (input) => {
    setServerError(null);
    try {
      onDone(await call('board.addEvent', input), input.step);
    } catch (err) {
      setServerError(applyServerError(form, err, ''));
    }
  });

  return (
    <form className="item-form subcard" onSubmit={onSubmit} noValidate aria-labelledby="h-stap">
      <h3 id="h-stap">Stap vastleggen: {creditor.creditor}</h3>
      <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} />
      <div className="grid-2">
        <SelectField label="Stap" options={options} {...f('step')} />
        <TextField label="Datum" hint="dd-mm-jjjj" className="field-date" {...f('date')} />
        {step === 'saldo_ontvangen' ? <TextField label="Opgegeven saldo" hint="Het saldo volgens de schuldeiser, bijvoorbeeld 1.234,56" inputMode="decimal" {...f('amount')} /> : null}
        <TextField label="Notitie (optioneel)" {...f('note')} />
      </div>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={isSubmitting}>
          Vastleggen
        </button>
        <button type="button" className="button" onClick={() => onDone(null)}>
          Annuleren
        </button>
      </div>
    </form>
  );
}

function History({ board, onRemove }: { board: BoardView; onRemove: (eventId: string) => void }) {
  const withEvents = board.creditors.filter((c) => c.events.length > 0);
  if (withEvents.length === 0) return null;
  return (
    <details className="board-history">
      <summary>Verloop per schuldeiser</summary>
      {withEvents.map((c) => (
        <div key={c.debtId}>
          <h3 className="small">{c.creditor}</h3>
          <ol className="plain-list">
            {c.events.map((e) => (
              <li key={e.id}>
                {showDate(e.date)}: {BOARD_STEP_LABELS[e.step]}
                {e.amount ? ` (${formatEuro(e.amount)})` : ''}
                {e.note ? <span className="muted"> — {e.note}</span> : null}{' '}
                <button type="button" className="link-button small" aria-label={`Stap ${BOARD_STEP_LABELS[e.step]} van ${showDate(e.date)} bij ${c.creditor} verwijderen`} onClick={() => onRemove(e.id)}>
                  Verwijderen
                </button>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </details>
  );
}

function Options({ board }: { board: BoardView }) {
  const d = board.dwangakkoord!;
  return (
    <section aria-labelledby="h-opties" className="warning">
      <h2 id="h-opties">Niet alle schuldeisers gaan akkoord: mogelijkheden</h2>
      <ul>
        {board.options.map((o) => (
          <li key={o}>{o}</li>
        ))}
      </ul>
      <h3>Gegevens voor een verzoek om een dwangakkoord</h3>
      <DataTable
        caption="Cijfers voor een dwangakkoord"
        columns={['Schuldeisers', numCol('Aantal'), numCol('Vorderingen'), numCol('Aandeel')]}
        foot={
          <tr>
            <th scope="row">Totaal</th>
            <td className="num">{d.creditorsTotal}</td>
            <NumCell total>{formatEuro(d.totalClaims)}</NumCell>
            <td />
          </tr>
        }
      >
        <tr>
          <th scope="row">Akkoord</th>
          <td className="num">{d.agreedCount}</td>
          <NumCell>{formatEuro(d.agreedClaims)}</NumCell>
          <NumCell>{pctText(d.agreedSharePct)}</NumCell>
        </tr>
        <tr>
          <th scope="row">Afgewezen of geen reactie</th>
          <td className="num">{d.refusingCount}</td>
          <NumCell>{formatEuro(d.refusingClaims)}</NumCell>
          <NumCell>{pctText(d.refusingSharePct)}</NumCell>
        </tr>
        <tr>
          <th scope="row">Nog geen beslissing</th>
          <td className="num">{d.pendingCount}</td>
          <NumCell>{formatEuro(d.pendingClaims)}</NumCell>
          <NumCell>—</NumCell>
        </tr>
      </DataTable>
      <h3>Weigerende schuldeisers</h3>
      <ul>
        {d.refusing.map((r) => (
          <li key={r.debtId}>
            {r.creditor}: vordering {formatEuro(r.claim)}
            {r.offered ? `, aangeboden ${formatEuro(r.offered)}` : ''} ({r.state === 'afwijzing' ? 'afgewezen' : 'geen reactie'})
          </li>
        ))}
      </ul>
    </section>
  );
}

interface PaymentValues {
  debtId: string;
  month: string;
  amount: string;
  paidOn: string;
  note: string;
}

function Payments({ board, onChange, onRemove }: { board: BoardView; onChange: (b: BoardView, text: string) => void; onRemove: (paymentId: string) => void }) {
  const call = useCall();
  const [serverError, setServerError] = useState<string | null>(null);
  const resolver = useMemo(
    () =>
      mappedResolver<PaymentValues, ReturnType<typeof recordPaymentInput.parse>>(recordPaymentInput, (v) => ({
        dossierId: board.dossierId,
        debtId: v.debtId,
        month: v.month.trim(),
        amount: amountInputToCanonical(v.amount),
        paidOn: dateInputToIso(v.paidOn),
        note: v.note.trim() || undefined,
      })),
    [board.dossierId],
  );
  const form = useForm<PaymentValues, unknown, ReturnType<typeof recordPaymentInput.parse>>({
    resolver,
    defaultValues: { debtId: board.creditors[0]?.debtId ?? '', month: today().slice(0, 7), amount: '', paidOn: isoToDateInput(today()), note: '' },
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const P = 'betaling';
  const f = (name: keyof PaymentValues) => ({ id: fieldId(P, name), registration: form.register(name), error: errorOf(errors, name) });
  const creditorName = (id: string) => board.creditors.find((c) => c.debtId === id)?.creditor ?? 'Onbekende schuldeiser';
  const p = board.progress;

  const onSubmit = form.handleSubmit(async (input) => {
    setServerError(null);
    try {
      const b = await call('payments.record', input);
      form.reset({ ...form.getValues(), amount: '', note: '' });
      onChange(b, `Betaling aan ${creditorName(input.debtId)} vastgelegd.`);
    } catch (err) {
      setServerError(applyServerError(form, err, ''));
    }
  });

  return (
    <section aria-labelledby="h-betalingen">
      <h2 id="h-betalingen">Betalingen en voortgang</h2>
      <p className="muted small">
        {board.targetSource === 'voorstel'
          ? board.recalculation
            ? 'Te ontvangen: wat al betaald is plus wat de resterende maanden met het huidige inkomen opbrengen (zie de herberekening).'
            : 'Te ontvangen: het bedrag dat de schuldeiser volgens het voorstel over de hele looptijd krijgt.'
          : 'Er is nog geen voorstel opgeslagen: de voortgang is gemeten aan de vordering.'}
      </p>
      <DataTable
        caption="Voortgang per schuldeiser"
        columns={['Schuldeiser', numCol('Te ontvangen'), numCol('Betaald'), numCol('Resteert'), numCol('Voortgang')]}
        foot={
          <tr>
            <th scope="row">Regeling totaal</th>
            <NumCell total>{formatEuro(p.target)}</NumCell>
            <NumCell total>{formatEuro(p.paid)}</NumCell>
            <NumCell total>{formatEuro(p.remaining)}</NumCell>
            <NumCell total>{pctText(p.percent)}</NumCell>
          </tr>
        }
      >
        {p.creditors.map((c) => (
          <tr key={c.debtId}>
            <th scope="row">{c.creditor}</th>
            <NumCell>{formatEuro(c.target)}</NumCell>
            <NumCell>{formatEuro(c.paid)}</NumCell>
            <NumCell>{formatEuro(c.remaining)}</NumCell>
            <NumCell>
              <progress max={100} value={Math.min(100, Number(c.percent))} aria-hidden="true" /> {pctText(c.percent)}
            </NumCell>
          </tr>
        ))}
      </DataTable>
      {board.recalculation ? <Recalculation r={board.recalculation} /> : null}
      <form className="item-form subcard" onSubmit={onSubmit} noValidate aria-labelledby="h-betaling-nieuw">
        <h3 id="h-betaling-nieuw">Betaling vastleggen</h3>
        <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} />
        <div className="grid-2">
          <SelectField label="Schuldeiser" options={board.creditors.map((c) => ({ value: c.debtId, label: c.creditor }))} {...f('debtId')} />
          <TextField label="Maand van de regeling" hint="jjjj-mm, bijvoorbeeld 2026-04" className="field-short" {...f('month')} />
          <TextField label="Bedrag" inputMode="decimal" className="field-short" {...f('amount')} />
          <TextField label="Betaald op" hint="dd-mm-jjjj" className="field-date" {...f('paidOn')} />
          <TextField label="Notitie (optioneel)" {...f('note')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={isSubmitting}>
            Betaling vastleggen
          </button>
        </div>
      </form>
      {board.payments.length > 0 ? (
        <details>
          <summary>Alle betalingen ({board.payments.length})</summary>
          <DataTable caption="Vastgelegde betalingen" columns={['Maand', 'Schuldeiser', numCol('Bedrag'), 'Betaald op', hiddenCol('Acties')]} wrap={false}>
            {board.payments.map((x) => (
              <tr key={x.id}>
                <td>{monthLabel(x.month)}</td>
                <td>{creditorName(x.debtId)}</td>
                <NumCell>{formatEuro(x.amount)}</NumCell>
                <td className="nowrap">{showDate(x.paidOn)}</td>
                <td className="row-actions">
                  <button type="button" className="button small danger-quiet" aria-label={`Betaling ${monthLabel(x.month)} aan ${creditorName(x.debtId)} verwijderen`} onClick={() => onRemove(x.id)}>
                    Verwijderen
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        </details>
      ) : null}
    </section>
  );
}

function Recalculation({ r }: { r: NonNullable<BoardView['recalculation']> }) {
  return (
    <div className="subcard" role="region" aria-labelledby="h-herberekening">
      <h3 id="h-herberekening">Herberekening met het huidige inkomen (schuldbemiddeling)</h3>
      <p>
        Betaald in {r.monthsPaid} van {r.term} maanden. Met de huidige afloscapaciteit van {formatEuro(r.monthlyCapacity)} per maand brengen de resterende {r.remainingMonths}{' '}
        {r.remainingMonths === 1 ? 'maand' : 'maanden'} samen {formatEuro(r.remainingPot)} op, verdeeld zoals in het voorstel. Wat al betaald is, blijft betaald.
      </p>
      <DataTable
        caption="Herberekening per schuldeiser"
        columns={['Schuldeiser', numCol('Vordering'), numCol('Betaald'), numCol('Nog verwacht'), numCol('Totaal'), numCol('Percentage')]}
        foot={
          <tr>
            <th scope="row">Totaal</th>
            <NumCell total>{formatEuro(r.totals.claim)}</NumCell>
            <NumCell total>{formatEuro(r.totals.paid)}</NumCell>
            <NumCell total>{formatEuro(r.totals.expected)}</NumCell>
            <NumCell total>{formatEuro(r.totals.total)}</NumCell>
            <td />
          </tr>
        }
      >
        {r.lines.map((l) => (
          <tr key={l.debtId}>
            <th scope="row">{l.creditor}</th>
            <NumCell>{formatEuro(l.claim)}</NumCell>
            <NumCell>{formatEuro(l.paid)}</NumCell>
            <NumCell>{formatEuro(l.expected)}</NumCell>
            <NumCell>{formatEuro(l.total)}</NumCell>
            <NumCell>{pctText(l.percent)}</NumCell>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

interface SettingsValues {
  deadlineDays: string;
  replyDays: string;
  startDate: string;
}

function SettingsForm({ board, onSaved }: { board: BoardView; onSaved: (b: BoardView) => void }) {
  const call = useCall();
  const [serverError, setServerError] = useState<string | null>(null);
  const resolver = useMemo(
    () =>
      mappedResolver<SettingsValues, ReturnType<typeof boardSettingsInput.parse>>(boardSettingsInput, (v) => ({
        dossierId: board.dossierId,
        deadlineDays: v.deadlineDays.trim() === '' ? Number.NaN : Number(v.deadlineDays),
        replyDays: v.replyDays.trim() === '' ? Number.NaN : Number(v.replyDays),
        startDate: optionalDateInputToIso(v.startDate),
      })),
    [board.dossierId],
  );
  const form = useForm<SettingsValues, unknown, ReturnType<typeof boardSettingsInput.parse>>({
    resolver,
    defaultValues: {
      deadlineDays: String(board.settings.deadlineDays),
      replyDays: String(board.settings.replyDays),
      startDate: isoToDateInput(board.settings.startDate),
    },
  });
  const { errors, submitCount, isSubmitting } = form.formState;
  const P = 'termijnen';
  const f = (name: keyof SettingsValues) => ({ id: fieldId(P, name), registration: form.register(name), error: errorOf(errors, name) });
  const onSubmit = form.handleSubmit(async (input) => {
    setServerError(null);
    try {
      onSaved(await call('board.saveSettings', input));
    } catch (err) {
      setServerError(applyServerError(form, err, ''));
    }
  });
  return (
    <details>
      <summary>Termijnen instellen</summary>
      <form className="item-form" onSubmit={onSubmit} noValidate aria-label="Termijnen">
        <ErrorSummary errors={errors} prefix={P} serverError={serverError} show={submitCount > 0} />
        <div className="grid-2">
          <TextField label="Termijn voor een regeling (dagen)" hint="NVVK-norm: 120 dagen" inputMode="numeric" className="field-short" {...f('deadlineDays')} />
          <TextField label="Reactietermijn schuldeisers (dagen)" hint="Daarna volgt een herinnering" inputMode="numeric" className="field-short" {...f('replyDays')} />
          <TextField label="Start schuldeisersfase (optioneel)" hint="dd-mm-jjjj; leeg: de datum van de eerste stap" className="field-date" {...f('startDate')} />
        </div>
        <div className="form-actions">
          <button type="submit" className="button" disabled={isSubmitting}>
            Termijnen opslaan
          </button>
        </div>
      </form>
    </details>
  );
}
