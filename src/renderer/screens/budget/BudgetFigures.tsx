// The figures of one calculation, grouped as a professional reads them, each with its "Toelichting".
import type { BudgetFigureOut, BudgetResultOut } from '../../../shared/contract/budget';
import { NIBUD_GROUPS } from '../../../shared/dossier/categories';
import { AflosLooptijd, BvvBerekening } from './BvvBerekening';
import { useFigureChanged } from './changes';
import { FigureTable, type FigureRow } from './Toelichting';
import { euro, isNegative } from './view';

type Result = BudgetResultOut;

const BVV_REGIME_NOTES: Record<Result['beslagvrijeVoet']['regime'], string> = {
  inkomen_tot_norm: 'Inkomen tot en met de norm: 95 % van het inkomen.',
  inkomen_boven_norm: 'Inkomen boven de norm: berekend met de formule van art. 475da Rv (zie de berekening hieronder).',
  geen_vast_adres: 'Geen vast woonadres: 47,5 % van de gehuwdennorm (art. 475da lid 4 Rv), min de aftrek van art. 475db Rv (zie de berekening hieronder).',
  onbekend: 'Niet te bepalen.',
};

function row(id: string, f: BudgetFigureOut, extra: Partial<FigureRow> = {}): FigureRow {
  return { id, label: f.label, value: f.value, explanation: f.explanation, provisional: f.provisional ?? null, ...extra };
}

/** The four numbers a counsellor looks at first. */
export function KeyFigures({ result: r }: { result: Result }) {
  const tiles = [
    { id: 'norm', label: 'Bijstandsnorm', value: r.bijstandsnorm.value, sub: 'per maand, incl. vakantietoeslag' },
    { id: 'aflos', label: 'Afloscapaciteit', value: r.afloscapaciteit.value, sub: 'per maand' },
    { id: 'saldo', label: 'Saldo', value: r.budget.saldo.value, sub: 'per maand (inkomen − uitgaven)', signed: true },
    { id: 'leefgeld', label: 'Leefgeld', value: r.budget.leefgeldPerWeek.value, sub: 'per week, na vaste lasten en reserveringen', signed: true },
  ];
  return (
    <div role="group" aria-label="Kerncijfers">
      <dl className="key-figures">
        {tiles.map((t) => (
          <KeyFigure key={t.id} {...t} />
        ))}
      </dl>
    </div>
  );
}

function KeyFigure(t: { id: string; label: string; value: string | null; sub: string; signed?: boolean }) {
  const changed = useFigureChanged(`kern-${t.id}`);
  return (
    <div className={`key-figure${t.signed && isNegative(t.value) ? ' negative' : ''}${changed ? ' figure-changed' : ''}`}>
      <dt>
        {t.label}
        {changed ? <span className="changed-badge"> gewijzigd</span> : null}
      </dt>
      <dd>
        <span className="key-value" data-figure-id={`kern-${t.id}`} data-figure-label={t.label}>
          {euro(t.value)}
        </span>
        <span className="key-sub">{t.sub}</span>
      </dd>
    </div>
  );
}

export function BudgetFigures({ result: r }: { result: Result }) {
  const h = r.household;
  const bvv = r.beslagvrijeVoet;
  const household: FigureRow[] = [
    {
      id: 'huishouden',
      label: 'Huishoudtype',
      value: null,
      text: `${h.typeLabel}${h.kostendelers > 0 ? `, ${h.kostendelers} kostendeler${h.kostendelers === 1 ? '' : 's'}` : ''}`,
      explanation: h.explanation,
    },
    row('bijstandsnorm', r.bijstandsnorm),
    row('bijstandsnormExcl', r.bijstandsnormExclVakantietoeslag),
    row('verschil', r.budget.gapToNorm, { signed: true }),
  ];
  const income: FigureRow[] = [
    row('beslagbaar', r.income.attachable, { note: 'loon, uitkering en ander beslagbaar inkomen' }),
    row('nietBeslagbaar', r.income.nonAttachable, { note: 'toeslagen, kinderbijslag, kindgebonden budget' }),
    row('inkomen', r.income.total, { total: true }),
    // Cost allowances are no income; shown apart, they count only in the saldo (Nibud section below).
    ...(r.income.costAllowances && r.income.costAllowances.value !== '0.00'
      ? [row('kostenvergoedingen', r.income.costAllowances, { note: 'pleegvergoeding, bijzondere bijstand, pgb: geen inkomen, telt mee in het saldo' })]
      : []),
  ];
  const vtlb: FigureRow[] = [
    row('bvv', bvv, { note: BVV_REGIME_NOTES[bvv.regime] }),
    ...(bvv.lowerBound ? [row('bvvOnder', bvv.lowerBound)] : []),
    ...(bvv.upperBound ? [row('bvvBoven', bvv.upperBound)] : []),
    ...r.vtlb.lines.map((l, i) => row(`vtlb-${i}`, l.figure, { note: l.note ?? undefined })),
    row('vtlb', r.vtlb.total, { total: true }),
    row('inkomenAflos', r.income.forAfloscapaciteit),
    row('afloscapaciteit', r.afloscapaciteit, { total: true }),
  ];
  const budget: FigureRow[] = [
    ...NIBUD_GROUPS.map((g) => row(`uitgaven-${g}`, r.budget.expensesByGroup[g])),
    row('uitgaven', r.budget.expensesTotal, { total: true }),
    row('saldo', r.budget.saldo, { total: true, signed: true }),
    row('leefgeldMaand', r.budget.leefgeldPerMaand, { signed: true, note: 'inkomen − vaste lasten − reserveringsuitgaven − reservering vakantiegeld' }),
    row('leefgeld', r.budget.leefgeldPerWeek, { signed: true }),
    ...(r.budget.vakantiegeldReservering ? [row('vakantiegeld', r.budget.vakantiegeldReservering, { note: 'reserveren, niet uitgeven als leefgeld' })] : []),
  ];
  const c = r.children;
  const hasChildren = c.perChild.length > 0 || (c.kinderbijslagReceived.value !== null && c.kinderbijslagReceived.value !== '0.00');
  const children: FigureRow[] = [
    row('kbVerwacht', c.kinderbijslagExpected),
    ...c.perChild.map((k) =>
      row(`kb-kind-${k.child}`, k.kinderbijslagPerMonth, {
        label: `Kind ${k.child}${k.band ? ` (${k.band} jaar)` : ''}: kinderbijslag per maand`,
        note: k.ageOnQuarterStart !== null ? `leeftijd op de eerste dag van het kwartaal: ${k.ageOnQuarterStart}` : undefined,
      }),
    ),
    row('kbOntvangen', c.kinderbijslagReceived),
    row('kgbVerwacht', c.kgbExpected),
    row('kgbOntvangen', c.kgbReceived),
  ];

  return (
    <div className="figure-sections">
      <Section id="huishouden" title="Huishouden en bijstandsnorm" rows={household} />
      <Section id="inkomen" title="Inkomen per maand" rows={income} />
      <Section id="vtlb" title="Beslagvrije voet, VTLB en afloscapaciteit" rows={vtlb} />
      <BvvBerekening result={r} />
      <AflosLooptijd result={r} />
      <Section id="uitgaven" title="Uitgaven per Nibud-groep en saldo" rows={budget} />
      {hasChildren ? <Section id="kinderen" title="Kinderbijslag en kindgebonden budget" rows={children} /> : null}
    </div>
  );
}

function Section({ id, title, rows }: { id: string; title: string; rows: FigureRow[] }) {
  return (
    <section className="card figure-card" aria-labelledby={`h-fig-${id}`}>
      <h3 id={`h-fig-${id}`}>{title}</h3>
      <FigureTable caption={title} rows={rows} />
    </section>
  );
}
