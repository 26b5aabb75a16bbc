// The beslagvrije voet step by step, as the rekenmodule builds it (art. 475da-475dc Rv), the check of the
// beslaglegger's stated figure, and the afloscapaciteit over the term of an arrangement. Shows the engine's
// figures only (never recomputed here).
import type { BudgetFigureOut, BudgetResultOut } from '../../../shared/contract/budget';
import { FigureTable, type FigureRow } from './Toelichting';
import { euro } from './view';
import { formatNlDate } from '../../../shared/dates';

const row = (id: string, f: BudgetFigureOut, extra: Partial<FigureRow> = {}): FigureRow => ({ id, label: f.label, value: f.value, explanation: f.explanation, ...extra });

export function BvvBerekening({ result: r }: { result: BudgetResultOut }) {
  const b = r.bvvBerekening;
  if (!b) return null;
  // Without a woonadres (art. 475da lid 4) neither the leefsituatie nor C enters the computation: not shown.
  const noAddress = r.beslagvrijeVoet.regime === 'geen_vast_adres';
  const rows: FigureRow[] = [
    ...(noAddress
      ? []
      : [
          { id: 'bvv-leefsituatie', label: 'Leefsituatie', value: null, text: b.leefsituatieLabel },
          row('bvv-c', b.belastbaarInkomen, { note: 'per jaar', ...(b.belastbaarInkomen.value === null ? { text: 'niet ingevuld (zie Gegevens voor de berekening)' } : {}) }),
        ]),
    row('bvv-inkomen', b.inkomenSchuldenaar),
    ...(b.beslagOp !== 'huishouden' ? [row('bvv-partner', b.inkomenPartnerNietBeslagen)] : []),
    ...b.steps.map((s) => row(`bvv-stap-${s.kind}`, s.figure, { total: s.kind === 'formule' || s.kind === 'uitkomst', signed: s.kind.startsWith('aftrek_') || s.kind === 'afronding' })),
  ];
  const o = b.opgave;
  const check: FigureRow[] = o
    ? [
        { id: 'bvv-opgave', label: `Opgave ${o.statedBy} (${formatNlDate(o.date)})`, value: o.amount },
        { id: 'bvv-eigen', label: 'Berekening Houvast', value: r.beslagvrijeVoet.value },
        ...(o.difference !== null
          ? [{ id: 'bvv-verschil', label: 'Verschil (Houvast − opgave)', value: o.difference, signed: true, total: true, note: o.differs ? 'Meer dan € 1 verschil: vraag een herberekening.' : 'Niet meer dan € 1 verschil.' }]
          : []),
      ]
    : [];
  return (
    <section className="card figure-card" aria-labelledby="h-fig-bvv-berekening">
      <h3 id="h-fig-bvv-berekening">Berekening beslagvrije voet (art. 475da-475dc Rv)</h3>
      <p className="muted small">
        {noAddress
          ? 'Geen woonadres in Nederland: 47,5 % van de gehuwdennorm (art. 475da lid 4 Rv), min de aftrek van art. 475db Rv, getoetst aan 95 % van het inkomen (art. 475dc lid 1 Rv).'
          : b.vorm === 'lineair'
          ? 'Formule vanaf 1 januari 2026 (lineaire woonterm), zoals de rekenmodule van de beslaglegger.'
          : b.vorm === 'kwadratisch'
            ? 'Formule 2021-2025 (kwadratische woonterm).'
            : r.beslagvrijeVoet.regime === 'inkomen_tot_norm'
              ? 'Inkomen tot de norm, zonder belastbaar inkomen: 95 % van de norm, getoetst aan 95 % van het inkomen.'
              : 'De formule is niet toegepast; zie de waarschuwingen.'}
      </p>
      {rows.length > (noAddress ? 1 : 3) || b.steps.length > 0 ? <FigureTable caption="Berekening beslagvrije voet" rows={rows} /> : null}
      {o ? (
        <>
          <h4>Controle van de opgave van de beslaglegger</h4>
          <FigureTable caption="Controle opgave beslagvrije voet" rows={check} />
          {o.differs ? (
            <p className="warning small" role="note">
              De opgegeven beslagvrije voet wijkt {euro(o.difference?.replace('-', '') ?? null)} af. Vraag de beslaglegger om een
              herberekening (art. 475d lid 3 Rv) en stuur deze berekening mee.
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function AflosLooptijd({ result: r }: { result: BudgetResultOut }) {
  const a = r.afloscapaciteitDetail;
  if (!a || r.afloscapaciteit.value === null) return null;
  const rows: FigureRow[] = [
    row('aflos-maand', r.afloscapaciteit, { label: 'Per maand' }),
    row('aflos-vakantiegeld', a.vakantiegeldPerMaand),
    row('aflos-maandelijks', a.maandelijks, { total: true }),
    // The total over the term is monthly × months; the holiday pay over the term is part of it ("waarvan"), not a
    // part it is the sum of, so the total comes first and is not set as the sum of the rows above it.
    row('aflos-totaal-looptijd', a.totaalOverLooptijd),
    row('aflos-vakantiegeld-looptijd', a.vakantiegeldOverLooptijd, { label: `waarvan ${a.vakantiegeldOverLooptijd.label.charAt(0).toLowerCase()}${a.vakantiegeldOverLooptijd.label.slice(1)}` }),
  ];
  return (
    <section className="card figure-card" aria-labelledby="h-fig-aflos-looptijd">
      <h3 id="h-fig-aflos-looptijd">Afloscapaciteit over de looptijd ({a.looptijdMaanden} maanden)</h3>
      <FigureTable caption="Afloscapaciteit over de looptijd" rows={rows} />
    </section>
  );
}
