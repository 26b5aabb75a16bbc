// `houvast budget <dossier.json> [--date JJJJ-MM-DD] [--json] [--inputs <invoer.json>] [--dossier <n>]`:
// the budget of a dossier in the interchange format, computed over the bundled norm tables. No vault is
// involved: it is the same pure computation the app runs (computeBudgetView), so the figures are the same.
// stdout carries the result (it holds the household's figures, asked for by the user); stderr carries Dutch
// messages without personal data.
import type { BudgetJson } from '../../shared/budget';
import { NORM_GROUP_LABELS, NORM_STATUS_LABELS, type NormGroup, type NormStatus } from '../../shared/budget/norm-schema';
import { formatNlDate } from '../../shared/dates';
import { budgetSections, euro as presentEuro, explanationText, monthLabel, normFigureText, presentInputs, presentSource, sectionsText } from '../../shared/presenter';
import { runDossierCommand, type DossierCommandIo, type DossierCommandOptions } from './dossier-command';

export const BUDGET_USAGE = 'houvast budget <dossier.json> [--date JJJJ-MM-DD] [--json] [--inputs <invoer.json>] [--dossier <n>]';

export const BUDGET_HELP = [
  `Gebruik: ${BUDGET_USAGE}`,
  '',
  'Berekent het budget van een huishouden uit een uitwisselbestand (docs/interchange.md) met de meegeleverde',
  'normtabellen: bijstandsnorm, beslagvrije voet, VTLB, afloscapaciteit, inkomsten, uitgaven, kinderbijslag,',
  'waarschuwingen en de toelichting van elk bedrag. Er is geen kluis nodig.',
  '',
  'Opties:',
  '  --date JJJJ-MM-DD     Peildatum (standaard: de peildatum in --inputs, anders vandaag).',
  '  --json                Toon het resultaat als JSON (formaat: docs/budget-json.md).',
  '  --inputs <bestand>    Budgetinvoer als JSON: opgegeven beslagvrije voet, kostendelers, VTLB-correcties.',
  '  --dossier <n>         Welk dossier uit het bestand (volgnummer vanaf 1 of dossiernummer); nodig als het',
  '                        bestand meer dan één dossier bevat.',
  '',
  'Afsluitcodes: 0 gelukt, 1 fout (ongeldig bestand, geen normtabel voor de peildatum), 2 verkeerd gebruik.',
  '',
].join('\n');

export type BudgetCommandIo = DossierCommandIo;
export type BudgetCommandOptions = DossierCommandOptions;

/** Runs the command; returns the exit code. `argv` is everything after the word "budget". */
export async function runBudgetCommand(argv: string[], io: BudgetCommandIo, options: BudgetCommandOptions = {}): Promise<number> {
  return runDossierCommand(argv, io, options, { name: 'budget', usage: BUDGET_USAGE, help: BUDGET_HELP, example: '--date 2026-07-01', options: [] }, async ({ load }) => {
    // Loaded here so `--help` and usage errors answer at once.
    const { computeBudgetView } = await import('../../core/services/budget');
    const { dossier, inputs, referenceDate, norms } = await load();
    return { json: computeBudgetView(dossier, inputs, norms, referenceDate).json, text: formatBudgetText };
  });
}

// ---------------------------------------------------------------------------------------------- text output

/** Norm-based rows of the text report (marked * when the norms are provisional). */
const PROVISIONAL_ROWS = new Set(['Bijstandsnorm (incl. vakantietoeslag)', 'Bijstandsnorm (excl. vakantietoeslag)', 'Beslagvrije voet', 'VTLB (vrij te laten bedrag)', 'Afloscapaciteit', 'Verschil met de bijstandsnorm', 'Kinderbijslag verwacht', 'Kindgebonden budget verwacht']);

const euro = (v: string | null) => presentEuro(v);
const statusLabel = (s: string) => NORM_STATUS_LABELS[s as NormStatus] ?? s;
const originLabel = (o: string) => (o === 'user' ? 'door gebruiker ingevoerd' : 'meegeleverd');

/** A readable Dutch report of the budget JSON: the figures, the warnings and the derivation of each figure. */
export function formatBudgetText(j: BudgetJson): string {
  const out: string[] = [];
  const width = 44;
  const marked = new Set(Object.values(j.explanation).filter((e) => e.voorlopig).map((e) => e.label));
  const row = (label: string, value: string) => out.push(`  ${label.padEnd(width)} ${value.padStart(14)}${marked.has(label) || PROVISIONAL_ROWS.has(label) && j.voorlopig ? ' *' : ''}`);
  out.push(`Budget op peildatum ${formatNlDate(j.referenceDate)}`);
  out.push(`Huishouden: ${j.householdTypeLabel}${j.kostendelers > 0 ? `, ${j.kostendelers} kostendeler(s)` : ''} (${j.ageGroups.join('; ')})`);
  // Issue 7: computed with the last known norms past their period; every norm-based figure says so.
  if (j.voorlopig) out.push(`LET OP, ${j.voorlopig}: gerekend met de laatst bekende normen; bedragen met * zijn voorlopig.`);
  out.push('');
  out.push('Normtabellen:');
  for (const [group, p] of Object.entries(j.normPeriod)) {
    out.push(
      `  ${NORM_GROUP_LABELS[group as NormGroup] ?? group}: ${formatNlDate(p.start)} t/m ${formatNlDate(p.end)} (${statusLabel(p.status)}, ${originLabel(p.origin)})` +
        (p.provisionalFrom ? `; voorlopig gebruikt vanaf ${formatNlDate(p.provisionalFrom)}` : ''),
    );
  }
  out.push('');
  out.push(`  ${'Bedrag'.padEnd(width)} ${'per maand'.padStart(14)}`);
  row('Bijstandsnorm (incl. vakantietoeslag)', euro(j.bijstandsnorm));
  row('Bijstandsnorm (excl. vakantietoeslag)', euro(j.bijstandsnormExclVakantietoeslag));
  row('Inkomen', euro(j.inkomenPerMaand));
  row('  waarvan beslagbaar', euro(j.beslagbaarInkomenPerMaand));
  row('  waarvan niet beslagbaar', euro(j.nietBeslagbaarInkomenPerMaand));
  row('Beslagvrije voet', euro(j.beslagvrijeVoet));
  if (j.beslagvrijeVoetGrenzen) {
    row('  ondergrens', euro(j.beslagvrijeVoetGrenzen.ondergrens));
    row('  bovengrens (maximum)', euro(j.beslagvrijeVoetGrenzen.bovengrens));
  }
  bvvSteps(j, row, width);
  row('PGL-correctie', euro(j.pglCorrectie));
  for (const c of j.vtlbCorrecties) row(c.omschrijving.length > width ? `${c.omschrijving.slice(0, width - 1)}…` : c.omschrijving, euro(c.bedrag));
  row('VTLB (vrij te laten bedrag)', euro(j.vtlb));
  row('Afloscapaciteit', euro(j.afloscapaciteit));
  aflosTerm(j, row);
  row('Uitgaven', euro(j.uitgavenPerMaand));
  row('  vaste lasten', euro(j.uitgavenPerGroep.vaste_lasten));
  row('  reserveringsuitgaven', euro(j.uitgavenPerGroep.reserveringsuitgaven));
  row('  huishoudelijke uitgaven', euro(j.uitgavenPerGroep.huishoudelijke_uitgaven));
  // The saldo is income + cost allowances − expenses: the allowances stand beside it when there are any.
  const allowances = j.kostenvergoedingenPerMaand ?? null;
  const withAllowances = allowances !== null && allowances !== '0.00';
  if (withAllowances) row('Kostenvergoedingen (geen inkomen)', euro(allowances));
  row(withAllowances ? 'Saldo (inkomen + kostenverg. − uitgaven)' : 'Saldo (inkomen − uitgaven)', euro(j.saldoPerMaand));
  row('Verschil met de bijstandsnorm', euro(j.verschilMetBijstandsnorm));
  row('Kinderbijslag verwacht', euro(j.kinderbijslagVerwacht));
  row('Kinderbijslag ontvangen', euro(j.kinderbijslagOntvangen));
  row('Kindgebonden budget verwacht', euro(j.kindgebondenBudgetVerwacht));
  row('Kindgebonden budget ontvangen', euro(j.kindgebondenBudgetOntvangen));
  row('Leefgeld per maand (na vaste lasten, reserv., vakantiegeld)', euro(j.leefgeldPerMaand ?? null));
  row('Leefgeld per week', euro(j.leefgeldPerWeek));
  if (j.vakantiegeldReserveringPerMaand && j.vakantiegeldReserveringPerMaand !== '0.00') row('Vakantiegeld: reservering per maand', euro(j.vakantiegeldReserveringPerMaand));
  out.push('');
  // The presenter's sections: every total under the parts it is the sum of (the same on screen and in the PDF).
  out.push('Zo telt het op (per maand):');
  out.push(...sectionsText(budgetSections(j)).map((l) => (l ? `  ${l}` : l)));
  if (j.aanspraken && j.aanspraken.length > 0) {
    out.push('Toeslagen en kinderregelingen: verwacht tegenover ontvangen');
    for (const a of j.aanspraken) out.push(`  - ${a.toelichting}${a.voorlopig ? ` (${a.voorlopig})` : ''}`);
    out.push('');
  }
  if (j.warnings.length > 0) {
    out.push('Waarschuwingen:');
    for (const w of j.warnings) out.push(`  - ${w.message}`);
  } else {
    out.push('Waarschuwingen: geen.');
  }
  if (j.projectie) {
    const uncovered = j.projectie.find((m) => !m.covered);
    const provisional = j.projectie.find((m) => m.voorlopig);
    out.push('');
    out.push(
      `Vooruitblik ${j.projectie.length} maanden: ${j.eersteTekortMaand ? `eerste maand met tekort ${monthLabel(j.eersteTekortMaand)}` : 'geen maand met tekort'}` +
        (provisional ? `; vanaf ${monthLabel(provisional.month)} voorlopige normen` : '') +
        (uncovered ? `; vanaf ${monthLabel(uncovered.month)} normen nog niet bekend (inkomen, uitgaven en saldo wel berekend).` : '.'),
    );
    // Saldo = inkomen + kostenvergoedingen − uitgaven: with cost allowances in any month their column stands beside it.
    const allowanceColumn = j.projectie.some((m) => m.kostenvergoedingen !== null && m.kostenvergoedingen !== '0.00');
    const allowanceHead = allowanceColumn ? ` ${'Kostenvergoed.'.padStart(14)}` : '';
    out.push(`  ${'Maand'.padEnd(16)} ${'Inkomen'.padStart(13)}${allowanceHead} ${'Uitgaven'.padStart(13)} ${'Saldo'.padStart(13)}  Wijzigingen`);
    for (const m of j.projectie) {
      const note = [m.voorlopig ? 'voorlopig' : null, m.covered ? null : 'normen nog niet bekend', ...m.changes].filter(Boolean).join(' ');
      const allowance = allowanceColumn ? ` ${euro(m.kostenvergoedingen).padStart(14)}` : '';
      out.push(`  ${monthLabel(m.month).padEnd(16)} ${euro(m.inkomen).padStart(13)}${allowance} ${euro(m.uitgaven).padStart(13)} ${euro(m.saldo).padStart(13)}  ${note}`.trimEnd());
    }
  }
  out.push('');
  out.push('Toelichting per bedrag:');
  for (const e of Object.values(j.explanation)) {
    out.push('');
    out.push(`${e.label}: ${euro(e.value)}`);
    if (e.voorlopig) out.push(`  ${e.voorlopig[0]!.toUpperCase()}${e.voorlopig.slice(1)}.`);
    out.push(`  Regel: ${explanationText(e.rule)}`);
    // Dutch labels and nl-NL values from the shared presenter, as on the screen and in the PDF (--json keeps the machine values).
    const inputs = presentInputs(Object.fromEntries(Object.entries(e.inputs).filter(([, v]) => v !== null)));
    if (inputs.length > 0) out.push(`  Invoer: ${inputs.map((i) => `${i.label} = ${i.text}`).join('; ')}`);
    for (const t of e.tables) {
      const figs = t.figures.map((f) => `${f.label} ${normFigureText(t.group, f.key, f.value)}`).join('; ');
      out.push(
        `  Tabel: ${t.title}, ${formatNlDate(t.periodStart)} t/m ${formatNlDate(t.periodEnd)} (${statusLabel(t.status)}, ${originLabel(t.origin)})` +
          (figs ? `: ${figs}` : ''),
      );
      out.push(`    Bron: ${t.source.map((x) => presentSource(x)).map((x) => (x.url ? `${x.name}: ${x.url}` : x.name)).join('; ')}`);
    }
  }
  out.push('');
  return out.join('\n');
}

// --- BVV above the norm and VTLB (issue 6 parts 1-2) ---
const fit = (label: string, width: number) => (label.length > width ? `${label.slice(0, width - 1)}…` : label);

/** The BVV computation as the rekenmodule shows it, indented under the BVV row. */
function bvvSteps(j: BudgetJson, row: (label: string, value: string) => void, width: number): void {
  const b = j.beslagvrijeVoetBerekening;
  if (!b) return;
  const bi = j.belastbaarInkomenPerJaar;
  row('  belastbaar inkomen per jaar (C)', bi.totaal !== null ? euro(bi.totaal) : bi.aanvrager === null ? 'niet ingevuld' : 'niet volledig ingevuld');
  for (const st of b.stappen) {
    if (st.soort === 'uitkomst') continue;
    row(fit(`  ${st.omschrijving}`, width), euro(st.bedrag));
  }
  if (b.opgave) {
    row(fit(`  opgave ${b.opgave.door} (${formatNlDate(b.opgave.datum)})`, width), euro(b.opgave.bedrag));
    if (b.opgave.verschil !== null) row('  verschil (Houvast − opgave)', euro(b.opgave.verschil));
  }
}

function aflosTerm(j: BudgetJson, row: (label: string, value: string) => void): void {
  const a = j.afloscapaciteitLooptijd;
  if (j.afloscapaciteit === null) return;
  row('  waarvan vakantiegeld', euro(a.vakantiegeldPerMaand));
  row('  maandelijkse afdracht', euro(a.maandelijkseAfdracht));
  row(`  over ${a.looptijdMaanden} maanden (totaal)`, euro(a.totaalOverLooptijd));
  row(`  waarvan vakantiegeld over ${a.looptijdMaanden} maanden`, euro(a.vakantiegeldOverLooptijd));
}
