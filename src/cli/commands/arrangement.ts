// `houvast arrangement <dossier.json> [--months 18] [--factor 2] [--date JJJJ-MM-DD] [--start JJJJ-MM-DD] [--pot <bedrag>] [--json]`:
// the schuldregeling proposal of a dossier in the interchange format, over its budget computed with the
// bundled norm tables. No vault: the same pure computation the app runs (computeBudget + proposalForDossier),
// so the figures are the same. stdout carries the result (asked for by the user); stderr Dutch messages
// without personal data.
import {
  ARRANGEMENT_VARIANTS,
  proposalForDossier,
  standardTermFor,
  toArrangementJson,
  type ArrangementJson,
  type ArrangementParams,
  type ArrangementVariant,
} from '../../shared/arrangement';
import { computeBudget, NormNotCoveredError } from '../../shared/budget';
import { AppError } from '../../shared/contract/errors';
import { formatNlDate, isIsoDate } from '../../shared/dates';
import { CREDITOR_KIND_LABELS, type CreditorKind } from '../../shared/dossier/schema';
import { formatEuro, parseEuroInput } from '../../shared/money';
import { runDossierCommand, type DossierCommandIo, type DossierCommandOptions } from './dossier-command';

export const ARRANGEMENT_USAGE =
  'houvast arrangement <dossier.json> [--months 18] [--factor 2] [--date JJJJ-MM-DD] [--start JJJJ-MM-DD] [--pot <bedrag>] [--variant schuldbemiddeling|saneringskrediet] [--reason <tekst>] [--inputs <invoer.json>] [--dossier <n>] [--json]';

export const ARRANGEMENT_HELP = [
  `Gebruik: ${ARRANGEMENT_USAGE}`,
  '',
  'Berekent het voorstel voor een minnelijke schuldregeling uit een uitwisselbestand (docs/interchange.md): het',
  'totaal voor de schuldeisers (afloscapaciteit × looptijd + vakantiegeld), één percentage voor concurrente en',
  'factor × dat percentage voor preferente schuldeisers (hoogstens 100 %), en het bedrag per schuldeiser in centen',
  'die precies optellen tot het totaal. Schulden buiten de regeling (zoals CJIB en DUO) staan er met hun reden bij.',
  'Er is geen kluis nodig. Formaat van --json: docs/arrangement-json.md.',
  '',
  'Opties:',
  '  --months <n>          Looptijd in maanden (standaard 18, 36 bij een start vóór 1 juli 2023; een andere looptijd vraagt --reason).',
  '  --factor <getal>      Factor voor preferente schuldeisers (standaard 2; praktijk, geen wet), 1 t/m 5.',
  '  --date JJJJ-MM-DD     Peildatum van het budget (standaard: de peildatum in --inputs, anders vandaag).',
  '  --start JJJJ-MM-DD    Startdatum van de regeling (standaard: de eerste van de maand na de peildatum). De',
  '                        standaardlooptijd en, vóór 1 juli 2024, de minimale afdracht volgen de startdatum.',
  '  --pot <bedrag>        Verdeel dit totaal in plaats van het berekende (saneringskrediet, werkelijke reservering).',
  '  --variant <soort>     schuldbemiddeling (standaard) of saneringskrediet.',
  '  --reason <tekst>      Reden voor een afwijkende looptijd of een opgegeven totaal (komt in de toelichting).',
  '  --inputs <bestand>    Budgetinvoer als JSON (opgegeven beslagvrije voet, kostendelers, VTLB-correcties).',
  '  --dossier <n>         Welk dossier uit het bestand (volgnummer vanaf 1 of dossiernummer).',
  '  --json                Toon het resultaat als JSON.',
  '',
  'Afsluitcodes: 0 gelukt, 1 fout (ongeldig bestand, geen normtabel voor de peildatum), 2 verkeerd gebruik.',
  '',
].join('\n');

export type ArrangementCommandIo = DossierCommandIo;
export type ArrangementCommandOptions = DossierCommandOptions;

const SPEC = {
  name: 'arrangement',
  usage: ARRANGEMENT_USAGE,
  help: ARRANGEMENT_HELP,
  example: '--months 18',
  options: ['months', 'factor', 'pot', 'variant', 'reason', 'start'] as const,
};

/** Runs the command; returns the exit code. `argv` is everything after the word "arrangement". */
export async function runArrangementCommand(argv: string[], io: ArrangementCommandIo, options: ArrangementCommandOptions = {}): Promise<number> {
  return runDossierCommand(argv, io, options, SPEC, async ({ values, usage, load }) => {
    // The parameters are checked before the file is read: a usage mistake answers at once.
    const params: ArrangementParams = {};
    const reason = values.reason?.trim();
    if (values.start !== undefined) {
      if (!isIsoDate(values.start)) throw usage('Geef de startdatum van de regeling als JJJJ-MM-DD, bijvoorbeeld --start 2027-01-01.');
      params.startDate = values.start;
    }
    if (values.months !== undefined) {
      if (!/^\d{1,2}$/.test(values.months) || Number(values.months) < 1 || Number(values.months) > 60) throw usage('Geef de looptijd als een heel aantal maanden van 1 tot en met 60, bijvoorbeeld --months 18.');
      params.months = Number(values.months);
      // The standard term follows the start date (RULES.md d.1).
      if (params.months !== standardTermFor(params.startDate)) params.monthsReason = reason || 'Opgegeven met --months';
    }
    if (values.factor !== undefined) {
      const f = values.factor.replace(',', '.');
      if (!/^\d{1,3}(\.\d{1,4})?$/.test(f) || Number(f) < 1 || Number(f) > 5) throw usage('Geef de factor als een getal van 1 tot en met 5, bijvoorbeeld --factor 2 of --factor 1,5.');
      params.factor = f;
    }
    if (values.variant !== undefined) {
      if (!(ARRANGEMENT_VARIANTS as readonly string[]).includes(values.variant)) throw usage('Kies --variant schuldbemiddeling of --variant saneringskrediet.');
      params.variant = values.variant as ArrangementVariant;
    }
    if (values.pot !== undefined) {
      const amount = parseEuroInput(values.pot);
      if (amount === null || amount.isNegative()) throw usage('Geef het totaal als een bedrag van nul of meer met hoogstens twee decimalen, bijvoorbeeld --pot 2700,00.');
      params.potOverride = { amount, reason: reason || 'Opgegeven met --pot' };
    }

    const { dossier, inputs, referenceDate, norms } = await load();
    let budget;
    try {
      budget = computeBudget(dossier, inputs, norms, referenceDate);
    } catch (e) {
      if (e instanceof NormNotCoveredError) throw new AppError('NORM_NOT_COVERED', e.message);
      throw e;
    }
    const name = dossier.number ? `Budget van dossier ${dossier.number}` : 'Budget van het dossier';
    return { json: toArrangementJson(proposalForDossier(dossier, budget, params, name), referenceDate), text: formatArrangementText };
  });
}

const euro = (v: string | null) => (v === null ? 'niet te berekenen' : formatEuro(v));
const pctText = (v: string | null) => (v === null ? 'niet te berekenen' : `${v.replace('.', ',')} %`);
const STATUS_TEXT: Record<ArrangementJson['status'], string> = {
  voorstel: 'Voorstel',
  nul_aanbod: 'Nul-aanbod (schuldregeling zonder afloscapaciteit)',
  ontbreekt: 'Nog geen voorstel: er ontbreekt een bedrag',
};

/** A readable Dutch report of the proposal. */
export function formatArrangementText(j: ArrangementJson): string {
  const out: string[] = [];
  out.push(`Schuldregeling op peildatum ${formatNlDate(j.referenceDate)}: ${STATUS_TEXT[j.status]}`);
  out.push(`${j.variant === 'saneringskrediet' ? 'Saneringskrediet' : 'Schuldbemiddeling'}, looptijd ${j.months} maanden vanaf ${formatNlDate(j.startDate)}, factor preferent ${j.factor.replace('.', ',')}`);
  out.push('');
  out.push(`  Afloscapaciteit per maand: ${euro(j.afloscapaciteit)}`);
  out.push(`  Totaal voor de schuldeisers: ${euro(j.pot)}`);
  out.push(`  Percentage concurrent: ${pctText(j.percentages.concurrent)}; preferent: ${pctText(j.percentages.preferent)}`);
  out.push('');
  if (j.status === 'ontbreekt') {
    out.push(`  Nog niets verdeeld (zie de waarschuwingen); vorderingen in de regeling samen ${euro(j.totals.claims)}.`);
  }
  const w = Math.max(12, ...j.creditors.map((c) => c.creditor.length));
  if (j.creditors.length > 0) out.push(`  ${'Schuldeiser'.padEnd(w)}  ${'Soort'.padEnd(10)} ${'Vordering'.padStart(14)} ${'%'.padStart(9)} ${'Aanbod'.padStart(14)}`);
  for (const c of j.creditors) {
    out.push(`  ${c.creditor.padEnd(w)}  ${c.kind.padEnd(10)} ${formatEuro(c.claim).padStart(14)} ${pctText(c.percentage).padStart(9)} ${formatEuro(c.amount).padStart(14)}`);
  }
  if (j.creditors.length > 0) {
    out.push(`  ${'Totaal'.padEnd(w)}  ${''.padEnd(10)} ${euro(j.totals.claims).padStart(14)} ${''.padStart(9)} ${euro(j.totals.amounts).padStart(14)}`);
  }
  if (j.excluded.length > 0) {
    out.push('');
    out.push('Buiten de regeling:');
    for (const e of j.excluded) out.push(`  - ${e.creditor} (${CREDITOR_KIND_LABELS[e.creditorKind as CreditorKind] ?? e.creditorKind}, ${formatEuro(e.claim)}): ${e.reason}`);
  }
  out.push('');
  if (j.warnings.length > 0) {
    out.push('Waarschuwingen:');
    for (const x of j.warnings) out.push(`  - ${x.message}`);
  } else {
    out.push('Waarschuwingen: geen.');
  }
  if (j.nulAanbodText) {
    out.push('');
    out.push(j.nulAanbodText);
  }
  out.push('');
  out.push('Toelichting:');
  for (const f of [j.explanation.afloscapaciteit, j.explanation.vakantiegeld, j.explanation.pot, j.explanation.concurrentPercentage, j.explanation.preferentPercentage]) {
    out.push(`  ${f.label}: ${f.value === null ? 'niet te berekenen' : f.value}`);
    out.push(`    Regel: ${f.rule}`);
  }
  out.push(`  ${j.explanation.centRule}`);
  out.push(`  Bron: ${j.explanation.source}`);
  out.push('');
  return out.join('\n');
}
