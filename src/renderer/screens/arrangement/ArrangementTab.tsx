// Dossier → Regeling: the schuldregeling proposal with what-if (term, preferent factor, variant, leaving a
// creditor out). Every change asks the core for a preview after a short pause; the percentages and amounts
// shown are the engine's, each with its Toelichting. Saving makes the what-if the dossier's proposal, from
// which the letters (per creditor) and the schuldenoverzicht are made and stored in the dossier.
import { Fragment, useCallback, useEffect, useId, useRef, useState } from 'react';
import { ARRANGEMENT_VARIANTS, ARRANGEMENT_VARIANT_LABELS } from '../../../shared/arrangement/types';
import type { ArrangementParamsIn, ArrangementView, SchemeFamilyOut } from '../../../shared/contract/arrangements';
import type { LetterSummary } from '../../../shared/contract/creditor-board';
import { AppError } from '../../../shared/contract/errors';
import { DataTable, hiddenCol, NumCell, numCol } from '../../components/DataTable';
import { Alert, Loading, Success } from '../../components/Status';
import { downloadBase64 } from '../../components/download';
import { formatSize, showDate, showDateTime } from '../../format';
import { errorMessage, useCall } from '../../state/session';
import { ExplanationView, FigureTable, type FigureRow } from '../budget/Toelichting';
import { euro } from '../budget/view';
import './arrangement.css';

/** Pause after the last keystroke before the core is asked for a new preview. */
export const PREVIEW_DEBOUNCE_MS = 300;

type Proposal = ArrangementView['proposal'];
const pct = (v: string | null) => (v === null ? 'niet te berekenen' : `${v.replace('.', ',')} %`);
const STATUS_TEXT: Record<Proposal['status'], string> = {
  voorstel: 'Voorstel',
  nul_aanbod: 'Nul-aanbod (schuldregeling zonder afloscapaciteit)',
  ontbreekt: 'Gegevens ontbreken',
};

interface Draft {
  months: string;
  monthsReason: string;
  factor: string;
  variant: (typeof ARRANGEMENT_VARIANTS)[number];
  leaveOut: string[];
}

function draftOf(p: ArrangementView['params'], proposal: Proposal): Draft {
  return {
    months: String(p.months ?? proposal.months),
    monthsReason: p.monthsReason ?? '',
    factor: (p.factor ?? proposal.factor).replace('.', ','),
    variant: p.variant ?? proposal.variant,
    leaveOut: [...(p.leaveOut ?? [])],
  };
}

/** Draft → contract parameters; the other saved parameters (start date, overrides) are kept as they are. */
function paramsOf(draft: Draft, saved: ArrangementView['params']): ArrangementParamsIn {
  const months = /^\d{1,3}$/.test(draft.months.trim()) ? Number(draft.months.trim()) : Number.NaN;
  const out: ArrangementParamsIn = { ...saved, months, factor: draft.factor.trim().replace(',', '.'), variant: draft.variant, leaveOut: draft.leaveOut };
  if (draft.monthsReason.trim()) out.monthsReason = draft.monthsReason.trim();
  else delete out.monthsReason;
  return out;
}

const sameDraft = (a: Draft, b: Draft) => JSON.stringify({ ...a, leaveOut: [...a.leaveOut].sort() }) === JSON.stringify({ ...b, leaveOut: [...b.leaveOut].sort() });

export function ArrangementTab({ dossierId, version }: { dossierId: string; version: number }) {
  const call = useCall();
  const [saved, setSaved] = useState<ArrangementView | null>(null);
  const [shown, setShown] = useState<ArrangementView | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [pending, setPending] = useState(false);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const v = await call('arrangement.get', { id: dossierId });
    setSaved(v);
    setShown(v);
    setDraft(draftOf(v.params, v.proposal));
  }, [call, dossierId]);

  useEffect(() => {
    load().catch((err: unknown) => setError(errorMessage(err)));
  }, [load, version]);

  // What-if: a preview after a short pause; an older answer never overwrites a newer one.
  useEffect(() => {
    if (!saved || !draft) return;
    if (sameDraft(draft, draftOf(saved.params, saved.proposal))) {
      setShown(saved);
      setPending(false);
      setPreviewError(null);
      return;
    }
    const mine = ++seq.current;
    setPending(true);
    const timer = setTimeout(() => {
      call('arrangement.preview', { id: dossierId, params: paramsOf(draft, saved.params) }).then(
        (v) => {
          if (mine !== seq.current) return;
          setShown(v);
          setPending(false);
          setPreviewError(null);
        },
        (err: unknown) => {
          if (mine !== seq.current) return;
          setPending(false);
          setPreviewError(err instanceof AppError ? err.message : errorMessage(err));
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [call, dossierId, draft, saved]);

  if (!saved || !shown || !draft) return error ? <Alert>{error}</Alert> : <Loading>Voorstel wordt berekend…</Loading>;

  const dirty = !sameDraft(draft, draftOf(saved.params, saved.proposal));
  const p = shown.proposal;
  const set = (patch: Partial<Draft>) => {
    setMessage(null);
    setDraft({ ...draft, ...patch });
  };

  const save = async () => {
    setError(null);
    try {
      await call('arrangement.saveInputs', { id: dossierId, params: paramsOf(draft, saved.params) });
      await load();
      setMessage('Het voorstel is opgeslagen. Brieven en het schuldenoverzicht gebruiken nu dit voorstel.');
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const allDebts = [...saved.proposal.creditors.map((c) => ({ id: c.debtId, creditor: c.creditor })), ...saved.proposal.excluded.map((e) => ({ id: e.debtId, creditor: e.creditor }))];
  const leftOutByUser = new Set(draft.leaveOut);

  return (
    <div className="stack arrangement">
      <Alert>{error}</Alert>
      <Success>{message}</Success>
      <section aria-labelledby="h-whatif" className="card">
        <h2 id="h-whatif">Wat als?</h2>
        <p className="muted small">De cijfers hieronder rekenen direct mee. Pas na "Voorstel opslaan" worden ze het voorstel van dit dossier.</p>
        <div className="whatif-grid">
          <div className="field field-short">
            <label htmlFor="wi-months">Looptijd (maanden)</label>
            <input id="wi-months" inputMode="numeric" value={draft.months} onChange={(e) => set({ months: e.target.value })} />
          </div>
          {draft.months.trim() !== '18' ? (
            <div className="field field-grow">
              <label htmlFor="wi-reason">Reden voor een andere looptijd dan 18 maanden</label>
              <input id="wi-reason" value={draft.monthsReason} onChange={(e) => set({ monthsReason: e.target.value })} />
            </div>
          ) : null}
          <div className="field field-short">
            <label htmlFor="wi-factor">Factor preferente schuldeisers</label>
            <input id="wi-factor" inputMode="decimal" aria-describedby="wi-factor-hint" value={draft.factor} onChange={(e) => set({ factor: e.target.value })} />
            <p id="wi-factor-hint" className="hint">
              Praktijk, geen wet: standaard 2
            </p>
          </div>
          <div className="field">
            <label htmlFor="wi-variant">Soort regeling</label>
            <select id="wi-variant" value={draft.variant} onChange={(e) => set({ variant: e.target.value as Draft['variant'] })}>
              {ARRANGEMENT_VARIANTS.map((v) => (
                <option key={v} value={v}>
                  {ARRANGEMENT_VARIANT_LABELS[v]}
                </option>
              ))}
            </select>
          </div>
        </div>
        {allDebts.length > 0 ? (
          <fieldset className="plain-fieldset">
            <legend>Schuldeisers in het voorstel</legend>
            {allDebts.map((d) => {
              const excludedByRule = saved.proposal.excluded.some((e) => e.debtId === d.id) && !leftOutByUser.has(d.id);
              return (
                <div className="field-check" key={d.id}>
                  <div className="check-row">
                    <input
                      id={`wi-in-${d.id}`}
                      type="checkbox"
                      checked={!leftOutByUser.has(d.id) && !excludedByRule}
                      disabled={excludedByRule}
                      onChange={(e) => set({ leaveOut: e.target.checked ? draft.leaveOut.filter((x) => x !== d.id) : [...draft.leaveOut, d.id] })}
                    />
                    <label htmlFor={`wi-in-${d.id}`}>
                      {d.creditor}
                      {excludedByRule ? <span className="muted"> (buiten de regeling, zie hieronder)</span> : null}
                    </label>
                  </div>
                </div>
              );
            })}
          </fieldset>
        ) : null}
        {previewError ? (
          <div className="alert" role="alert">
            {previewError} De cijfers hieronder horen nog bij de vorige invoer.
          </div>
        ) : null}
        <p className="visually-hidden" role="status" aria-live="polite">
          {pending ? 'Berekenen…' : ''}
        </p>
        <div className="form-actions">
          <button type="button" className="button primary" disabled={!dirty || pending || previewError !== null} onClick={() => void save()}>
            Voorstel opslaan
          </button>
          <button type="button" className="button" disabled={!dirty} onClick={() => setDraft(draftOf(saved.params, saved.proposal))}>
            Terug naar het opgeslagen voorstel
          </button>
        </div>
      </section>
      <div className={pending ? 'pending-update' : undefined} aria-busy={pending}>
        <ProposalView view={shown} />
      </div>
      <FamilySchemes dossierId={dossierId} version={version} />
      <Letters dossierId={dossierId} saved={saved} dirty={dirty} />
    </div>
  );
}

/** The zorgpremie schemes this family has arrears under: amount, term, forgiveness, CAK stage, in plain Dutch. */
function FamilySchemes({ dossierId, version }: { dossierId: string; version: number }) {
  const call = useCall();
  const [found, setFound] = useState<{ name: string; family: SchemeFamilyOut }[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let alive = true;
    (async () => {
      const { schemes } = await call('schemes.list', {});
      const out: { name: string; family: SchemeFamilyOut }[] = [];
      for (const s of schemes) {
        const family = await call('schemes.family', { schemeId: s.scheme.id, dossierId });
        if (family.debtIds.length > 0) out.push({ name: s.scheme.name, family });
      }
      return out;
    })().then(
      (out) => alive && setFound(out),
      (err: unknown) => alive && setError(errorMessage(err)),
    );
    return () => {
      alive = false;
    };
  }, [call, dossierId, version]);
  if (error) return <Alert>{error}</Alert>;
  if (!found || found.length === 0) return null;
  return (
    <section aria-labelledby="h-zorgregeling">
      <h2 id="h-zorgregeling">Regeling zorgpremie voor dit gezin</h2>
      {found.map(({ name, family: f }) => (
        <div key={f.schemeId} className="subcard">
          <h3>{name}</h3>
          <p>{f.summary}</p>
          <FigureTable
            caption={`Regeling ${name}`}
            rows={[
              { id: 'achterstand', label: f.arrears.label, value: f.arrears.value, explanation: f.arrears.explanation },
              { id: 'maand', label: f.monthly.label, value: f.monthly.value, explanation: f.monthly.explanation },
              { id: 'looptijd', label: 'Looptijd', value: null, text: f.months === null ? '—' : `${f.months} maanden` },
              { id: 'betaald', label: f.paid.label, value: f.paid.value, explanation: f.paid.explanation },
              // The total is arrears − paid (what stays owed); what the scheme forgives of it stands under it.
              ...(f.remainder ? [{ id: 'restant', label: f.remainder.label, value: f.remainder.value, explanation: f.remainder.explanation, total: true }] : []),
              { id: 'kwijt', label: f.forgiven.label, value: f.forgiven.value, explanation: f.forgiven.explanation, total: !f.remainder },
            ]}
          />
          {/* The exit routes are listed once, under "Zorgpremie: wanbetalersregeling" above. */}
          {f.premiumStage ? (
            <p>
              <strong>{f.premiumStage.label}.</strong> {f.premiumStage.next}
            </p>
          ) : null}
          {[...f.missing.map((m) => m.message), ...f.warnings].map((w) => (
            <p key={w} className="notice">
              {w}
            </p>
          ))}
        </div>
      ))}
    </section>
  );
}

function ProposalView({ view }: { view: ArrangementView }) {
  const p = view.proposal;
  const overTerm = p.capacityOverTerm;
  const rows: FigureRow[] = [
    { id: 'capaciteit', label: 'Afloscapaciteit per maand', value: p.monthlyCapacity.value, explanation: p.monthlyCapacity.explanation },
    // The parts of the computed total: monthly × months and the holiday pay (a stated total has no parts).
    ...(overTerm && overTerm.value !== null ? [{ id: 'capaciteit-looptijd', label: overTerm.label, value: overTerm.value, explanation: overTerm.explanation }] : []),
    { id: 'vakantiegeld', label: 'Vakantiegeld over de looptijd', value: p.holidayPay.value, explanation: p.holidayPay.explanation },
    { id: 'pot', label: `Totaal voor de schuldeisers (${p.months} maanden)`, value: p.pot.value, explanation: p.pot.explanation, total: overTerm?.value != null },
    { id: 'pct-c', label: 'Percentage concurrente schuldeisers', value: p.percentages.concurrent.value, text: pct(p.percentages.concurrent.value), explanation: p.percentages.concurrent.explanation },
    { id: 'pct-p', label: 'Percentage preferente schuldeisers', value: p.percentages.preferent.value, text: pct(p.percentages.preferent.value), explanation: p.percentages.preferent.explanation },
  ];
  return (
    <div className="stack">
      <section aria-labelledby="h-voorstel">
        <h2 id="h-voorstel">
          {STATUS_TEXT[p.status]}: {p.months} maanden vanaf {showDate(p.startDate)}
        </h2>
        <p className="muted small">
          {ARRANGEMENT_VARIANT_LABELS[p.variant]} · peildatum budget {showDate(view.referenceDate)} · {p.source}
        </p>
        {p.nulAanbodText ? <p className="notice">{p.nulAanbodText}</p> : null}
        {p.missing.length > 0 ? (
          <div className="warning" role="alert">
            <h3 className="warning-title">Nodig voor een voorstel</h3>
            <ul>
              {p.missing.map((m) => (
                <li key={m.figure}>{m.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {p.warnings.length > 0 ? (
          <div className="warning">
            <h3 className="warning-title">Let op</h3>
            <ul>
              {p.warnings.map((w) => (
                <li key={w.code + w.message}>{w.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <FigureTable caption="Kerncijfers van het voorstel" rows={rows} />
      </section>
      <section aria-labelledby="h-verdeling">
        <h2 id="h-verdeling">Verdeling over de schuldeisers</h2>
        <CreditorTable proposal={p} />
        <p className="muted small">{p.centRule}</p>
      </section>
      {p.excluded.length > 0 ? (
        <section aria-labelledby="h-buiten">
          <h2 id="h-buiten">Buiten de regeling</h2>
          <ul>
            {p.excluded.map((e) => (
              <li key={e.debtId}>
                <strong>{e.creditor}</strong> ({euro(e.claim)}): {e.reason}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.premiumStages.length > 0 ? (
        <section aria-labelledby="h-cak">
          <h2 id="h-cak">Zorgpremie: wanbetalersregeling</h2>
          {view.premiumStages.map((s) => (
            <div key={s.debtId} className="subcard">
              <h3>
                {s.creditor}: {s.stage.label}
              </h3>
              <p>{s.stage.now}</p>
              <p>
                <strong>Daarna:</strong> {s.stage.next}
              </p>
              <ul>
                {s.stage.exits.map((x) => (
                  <li key={x}>{x}</li>
                ))}
              </ul>
              <p className="muted small">{s.stage.articles}</p>
            </div>
          ))}
        </section>
      ) : null}
    </div>
  );
}

function CreditorTable({ proposal }: { proposal: Proposal }) {
  if (proposal.creditors.length === 0) return <p className="muted">Geen schuldeisers in het voorstel.</p>;
  return (
    <DataTable
      caption="Voorstel per schuldeiser"
      columns={['Schuldeiser', 'Soort', numCol('Vordering'), numCol('Percentage'), numCol('Aangeboden'), hiddenCol('Toelichting')]}
      foot={
        <tr>
          <th scope="row" colSpan={2}>
            Totaal
          </th>
          <NumCell total>{euro(proposal.totals.claims.value)}</NumCell>
          <td />
          <NumCell total>{euro(proposal.totals.amounts.value)}</NumCell>
          <td />
        </tr>
      }
    >
      {proposal.creditors.map((c) => (
        <CreditorRow key={c.debtId} c={c} />
      ))}
    </DataTable>
  );
}

function CreditorRow({ c }: { c: Proposal['creditors'][number] }) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  return (
    <Fragment>
      <tr>
        <th scope="row">{c.creditor}</th>
        <td>{c.kind === 'preferent' ? 'Preferent' : 'Concurrent'}</td>
        <NumCell>{euro(c.claim)}</NumCell>
        <NumCell>{pct(c.percentage.value)}</NumCell>
        <NumCell>{euro(c.amount.value)}</NumCell>
        <td className="row-actions">
          <button type="button" className="button small toelichting-button" aria-expanded={open} aria-controls={panel} onClick={() => setOpen((o) => !o)}>
            Toelichting<span className="visually-hidden"> bij {c.creditor}</span>
          </button>
        </td>
      </tr>
      <tr className="explanation-row" id={panel} hidden={!open}>
        <td colSpan={6}>{open ? <ExplanationView explanation={c.amount.explanation} label={`het bedrag voor ${c.creditor}`} /> : null}</td>
      </tr>
    </Fragment>
  );
}

function Letters({ dossierId, saved, dirty }: { dossierId: string; saved: ArrangementView; dirty: boolean }) {
  const call = useCall();
  const [letters, setLetters] = useState<LetterSummary[] | null>(null);
  const [includeBsn, setIncludeBsn] = useState(false);
  const [recordSent, setRecordSent] = useState(true);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  const refresh = useCallback(() => call('letters.list', { dossierId }).then(setLetters), [call, dossierId]);
  useEffect(() => {
    refresh().catch((err: unknown) => setError(errorMessage(err)));
  }, [refresh]);

  const make = async (kind: 'voorstel' | 'schuldenoverzicht', debtId?: string) => {
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const r = await call('letters.create', { dossierId, kind, ...(debtId ? { debtId } : {}), includeBsn, recordSent: kind === 'voorstel' && recordSent });
      downloadBase64(r.letter.fileName, r.contentBase64);
      setMessage(`${r.letter.fileName} is gemaakt, bewaard in het dossier en gedownload.`);
      await refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const download = async (l: LetterSummary) => {
    try {
      const doc = await call('letters.get', { id: l.id });
      downloadBase64(doc.fileName, doc.contentBase64, doc.mime);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  // Every stored letter of the dossier into a folder the user names (as an external backup is), never over a file.
  const [folder, setFolder] = useState('');
  const exportAll = async () => {
    setError(null);
    setMessage(null);
    try {
      const r = await call('letters.exportToFolder', { dossierId, folder: folder.trim() });
      setMessage(`${r.files.length} ${r.files.length === 1 ? 'brief' : 'brieven'} opgeslagen in ${r.folder}: ${r.files.join(', ')}.`);
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const blocked = dirty ? 'Sla eerst het voorstel op: brieven gebruiken het opgeslagen voorstel.' : saved.proposal.status === 'ontbreekt' ? 'Vul eerst aan wat voor het voorstel nodig is.' : null;
  return (
    <section aria-labelledby="h-brieven">
      <h2 id="h-brieven">Brieven</h2>
      <Alert>{error}</Alert>
      <Success>{message}</Success>
      {blocked ? <p className="notice">{blocked}</p> : null}
      <div className="field-check">
        <div className="check-row">
          <input id="brief-bsn" type="checkbox" checked={includeBsn} onChange={(e) => setIncludeBsn(e.target.checked)} />
          <label htmlFor="brief-bsn">BSN in de brief opnemen</label>
        </div>
        <p className="hint">Alleen als de schuldeiser het nodig heeft; standaard staat het BSN er niet in.</p>
      </div>
      <div className="field-check">
        <div className="check-row">
          <input id="brief-verstuurd" type="checkbox" checked={recordSent} onChange={(e) => setRecordSent(e.target.checked)} />
          <label htmlFor="brief-verstuurd">Op het schuldeisersbord vastleggen als "betaalvoorstel verstuurd"</label>
        </div>
      </div>
      <ul className="plain-list letter-actions">
        {saved.proposal.creditors.map((c) => (
          <li key={c.debtId}>
            <button type="button" className="button small" disabled={busy || blocked !== null} onClick={() => void make('voorstel', c.debtId)}>
              Brief aan {c.creditor} maken
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="button small" disabled={busy || blocked !== null} onClick={() => void make('schuldenoverzicht')}>
            Schuldenoverzicht maken
          </button>
        </li>
      </ul>
      {letters && letters.length > 0 ? (
        <DataTable caption="Bewaarde brieven" columns={['Bestand', 'Gemaakt', 'Grootte', 'BSN', hiddenCol('Acties')]}>
          {letters.map((l) => (
            <tr key={l.id}>
              <td className="mono">{l.fileName}</td>
              <td className="nowrap">{showDateTime(l.createdAt)}</td>
              <td className="nowrap">{formatSize(l.size)}</td>
              <td>{l.includesBsn ? 'ja' : 'nee'}</td>
              <td className="row-actions">
                <button type="button" className="button small" aria-label={`${l.fileName} downloaden`} onClick={() => void download(l)}>
                  Downloaden
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : letters ? (
        <p className="muted">Nog geen brieven gemaakt.</p>
      ) : null}
      {letters && letters.length > 0 ? (
        <div className="whatif-grid">
          <div className="field">
            <label htmlFor="brieven-map">Map voor de brieven</label>
            <input id="brieven-map" value={folder} onChange={(e) => setFolder(e.target.value)} aria-describedby="brieven-map-hint" />
            <p className="hint" id="brieven-map-hint">
              Een bestaande map buiten de kluis, bijvoorbeeld /home/naam/Brieven of C:\Brieven. Bestaande bestanden worden niet overschreven.
            </p>
          </div>
          <button type="button" className="button small" disabled={folder.trim() === ''} onClick={() => void exportAll()}>
            Alle brieven naar deze map exporteren
          </button>
        </div>
      ) : null}
    </section>
  );
}
