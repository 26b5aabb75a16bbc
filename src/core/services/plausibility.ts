// The vault's side of "data that cannot be true": refusing impossible facts on save and import, the
// questions a professional confirms before saving (a BSN already used in another dossier, an unlikely
// birth), and recognising an imported household that is already in the vault.
import { AppError, type IssueDetail } from '../../shared/contract/errors';
import type { DossierWarning } from '../../shared/contract/procedures';
import type { DossierData } from '../../shared/dossier/schema';
import { impossibleFacts, questionableFacts, type PlausibilityInput, type PlausibilityIssue } from '../../shared/validation/plausibility';
import type { Db } from '../db/driver';
import { foldForSearch } from './dossiers';
import { cachedStatement } from '../db/statements';

type Facts = Pick<DossierData, 'adults' | 'children' | 'statusDates'>;

/**
 * Throws VALIDATION when the data holds facts that cannot be true. `before` (an update) excuses facts
 * already stored on the same field, so an old dossier never blocks saving an unrelated change.
 */
export function refuseImpossible(data: Facts, today: string, prefix: string, before?: Facts): void {
  const excused = new Set(before ? impossibleFacts(before, today).map((i) => `${i.path}=${valueAt(before, i.path)}`) : []);
  const issues = impossibleFacts(data, today).filter((i) => !excused.has(`${i.path}=${valueAt(data, i.path)}`));
  if (issues.length === 0) return;
  throw new AppError('VALIDATION', impossibleMessage(issues.length), issues.map((i) => ({ path: `${prefix}${i.path}`, message: i.message })));
}

/** Every impossible fact of an import file, with paths into the file ("dossiers.1.children.0.birthDate"). */
export function impossibleInFile(dossiers: readonly Facts[], today: string): IssueDetail[] {
  return dossiers.flatMap((d, n) => impossibleFacts(d, today).map((i) => ({ path: `dossiers.${n}.${i.path}`, message: i.message })));
}

function impossibleMessage(n: number): string {
  return `${n === 1 ? 'Eén gegeven kan' : `${n} gegevens kunnen`} niet kloppen. Er is niets gewijzigd.`;
}

function valueAt(data: Facts, path: string): string {
  let v: unknown = data;
  for (const part of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return String(v ?? '');
}

/** What the questions read: birth dates, the adults' BSNs and the status dates. */
export type QuestionFacts = Pick<PlausibilityInput, 'children' | 'statusDates'> & { adults: readonly { birthDate: string; bsn?: string | null | undefined }[] };

/**
 * What dossier.check is given (src/shared/contract/dossier-check.ts): per person either its facts or, for a stored
 * person the form did not change, only its id; the status dates when they changed or the dossier is new.
 */
export interface CheckInput {
  adults: readonly ({ id: string } | QuestionFacts['adults'][number])[];
  children: readonly ({ id: string } | QuestionFacts['children'][number])[];
  statusDates?: QuestionFacts['statusDates'] | undefined;
}

/** The facts to question: the persons named by id are read from the stored dossier, in the order given. */
export function resolveCheckInput(input: CheckInput, stored: QuestionFacts & { adults: readonly { id?: string }[]; children: readonly { id?: string }[] } | null): QuestionFacts {
  const resolve = <T extends { birthDate: string }>(list: 'adults' | 'children', sent: readonly ({ id: string } | T)[], from: readonly (T & { id?: string })[]): T[] =>
    sent.map((x, i) => {
      if ('birthDate' in x) return x;
      const hit = from.find((s) => s.id === x.id);
      if (hit) return hit;
      throw stored
        ? new AppError('CONFLICT', 'Een persoon in dit formulier staat niet (meer) in het dossier, bijvoorbeeld verwijderd in een ander venster. Laad het dossier opnieuw.', [
            { path: `${list}.${i}`, message: 'Staat niet (meer) in het dossier.' },
          ])
        : new AppError('VALIDATION', 'Een nieuw dossier heeft nog geen opgeslagen personen: geef van elke persoon de gegevens mee.', [
            { path: `${list}.${i}`, message: 'Geen opgeslagen persoon.' },
          ]);
    });
  return {
    adults: resolve('adults', input.adults, stored?.adults ?? []),
    children: resolve('children', input.children, stored?.children ?? []),
    statusDates: input.statusDates ?? stored?.statusDates ?? {},
  };
}

/** Questions to confirm before saving: unlikely facts, and a BSN that another dossier already uses. */
export function dossierWarnings(db: Db, data: QuestionFacts, today: string, exceptId?: string): DossierWarning[] {
  const out: DossierWarning[] = questionableFacts(data, today).map((i: PlausibilityIssue) => ({ path: i.path, message: i.message }));
  const other = cachedStatement(db,
    `SELECT d.id, d.number FROM persons p JOIN dossiers d ON d.id = p.dossier_id
     WHERE p.bsn = ? AND p.dossier_id <> ? ORDER BY d.number LIMIT 1`,
  );
  data.adults.forEach((a, i) => {
    if (!a.bsn) return;
    const hit = other.get(a.bsn, exceptId ?? '') as { id: string; number: string } | undefined;
    if (hit) {
      out.push({
        path: `adults.${i}.bsn`,
        message: `Dit BSN staat al in dossier ${hit.number}. Is dit dezelfde persoon?`,
        dossierId: hit.id,
        dossierNumber: hit.number,
      });
    }
  });
  return out;
}

/**
 * The dossier in the vault that holds the same household, if any: the same aanvrager, known by BSN or,
 * without one, by name and birth date (case and accents ignored).
 */
export function findDuplicate(db: Db, data: Pick<DossierData, 'adults'>): { id: string; number: string } | null {
  const aanvrager = data.adults.find((a) => a.role === 'aanvrager');
  if (!aanvrager) return null;
  if (aanvrager.bsn) {
    const hit = cachedStatement(
      db,
      `SELECT d.id, d.number FROM persons p JOIN dossiers d ON d.id = p.dossier_id
       WHERE p.kind = 'adult' AND p.role = 'aanvrager' AND p.bsn = ? ORDER BY d.number LIMIT 1`,
    ).get(aanvrager.bsn) as { id: string; number: string } | undefined;
    if (hit) return hit;
  }
  const name = foldForSearch(`${aanvrager.firstName.trim()} ${aanvrager.lastName.trim()}`);
  // Only the index of aanvragers by birth date is read (migration 021); a dossier's number only for a match.
  const candidates = cachedStatement(
    db,
    `SELECT dossier_id, first_name, last_name, bsn FROM persons INDEXED BY persons_aanvrager_birth_date
     WHERE kind = 'adult' AND role = 'aanvrager' AND birth_date = ?`,
  ).all(aanvrager.birthDate) as { dossier_id: string; first_name: string; last_name: string; bsn: string | null }[];
  // Two different BSNs are two different people, whatever their names.
  const matches = candidates.filter(
    (c) => foldForSearch(`${c.first_name.trim()} ${c.last_name.trim()}`) === name && !(c.bsn && aanvrager.bsn && c.bsn !== aanvrager.bsn),
  );
  if (matches.length === 0) return null;
  // The lowest dossier number among the matches, as before.
  const numberOf = cachedStatement(db, 'SELECT number FROM dossiers WHERE id = ?');
  const found = matches.map((m) => ({ id: m.dossier_id, number: (numberOf.get(m.dossier_id) as { number: string }).number }));
  found.sort((a, b) => (a.number < b.number ? -1 : a.number > b.number ? 1 : 0));
  return found[0]!;
}
