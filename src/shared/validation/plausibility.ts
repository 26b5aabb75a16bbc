// Data that cannot be true (refused) or is unlikely to be true (questioned: the user may confirm it).
// Pure: the caller passes today's date, so forms, import, CLI and tests all judge the same way.
//
// Reading of "a child born more than 18 years before the parent": a child born before every adult of
// the household (older than anyone who could be its parent) is refused; a child born when even the
// oldest adult was younger than QUESTION_PARENT_AGE is questioned.
import { ageOn, formatNlDate, isIsoDate } from '../dates';
import { DOSSIER_STATUSES, DOSSIER_STATUS_LABELS, type DossierStatus } from '../dossier/schema';

export const MIN_ADULT_AGE = 16;
/** Older than anyone alive: a birth date this far back is a typing error (e.g. "31-12-0026" for 1926 or 2026). */
export const MAX_AGE = 120;
export const QUESTION_PARENT_AGE = 15;

/** A path into the dossier data ("children.1.birthDate") and the Dutch reason. */
export interface PlausibilityIssue {
  path: string;
  message: string;
}

interface Person {
  birthDate: string;
}
export interface PlausibilityInput {
  adults: readonly Person[];
  children: readonly Person[];
  statusDates: Partial<Record<DossierStatus, string | null | undefined>>;
}

const label = (s: DossierStatus) => DOSSIER_STATUS_LABELS[s].toLowerCase();
const valid = (d: string | null | undefined): d is string => typeof d === 'string' && isIsoDate(d);

/** Facts that cannot be true: saving or importing them is refused. */
export function impossibleFacts(d: PlausibilityInput, today: string): PlausibilityIssue[] {
  const out: PlausibilityIssue[] = [];
  d.adults.forEach((a, i) => {
    if (!valid(a.birthDate)) return;
    const path = `adults.${i}.birthDate`;
    if (a.birthDate > today) out.push({ path, message: `${formatNlDate(a.birthDate)} ligt in de toekomst: dat kan geen geboortedatum zijn.` });
    else {
      const age = ageOn(a.birthDate, today);
      if (age < MIN_ADULT_AGE) {
        out.push({ path, message: `Een volwassene in een dossier is minstens ${MIN_ADULT_AGE} jaar; met deze geboortedatum is deze persoon ${age}.` });
      } else if (age > MAX_AGE) {
        out.push({ path, message: `Met geboortedatum ${formatNlDate(a.birthDate)} is deze persoon ${age} jaar: controleer het jaartal.` });
      }
    }
  });
  const adultDates = d.adults.map((a) => a.birthDate).filter(valid);
  const oldestAdult = adultDates.length > 0 ? adultDates.reduce((x, y) => (y < x ? y : x)) : null;
  d.children.forEach((c, i) => {
    if (!valid(c.birthDate)) return;
    const path = `children.${i}.birthDate`;
    if (c.birthDate > today) {
      out.push({ path, message: `${formatNlDate(c.birthDate)} ligt in de toekomst: een kind wordt pas opgenomen als het geboren is.` });
    } else if (oldestAdult && c.birthDate <= oldestAdult) {
      out.push({ path, message: 'Dit kind is niet later geboren dan de volwassenen in het dossier: controleer de geboortedatums.' });
    }
  });
  // Every phase starts on or after the aanmelding and on or before the afsluiting.
  const dates = d.statusDates;
  const first = dates.aanmelding;
  const last = dates.afgesloten;
  for (const s of DOSSIER_STATUSES) {
    const date = dates[s];
    if (!valid(date)) continue;
    if (s !== 'aanmelding' && valid(first) && date < first) {
      out.push({ path: `statusDates.${s}`, message: `De datum ${label(s)} (${formatNlDate(date)}) ligt voor de aanmelding (${formatNlDate(first)}).` });
    } else if (s !== 'afgesloten' && s !== 'aanmelding' && valid(last) && date > last) {
      // (An aanmelding after the afsluiting is already named above, on the afsluiting.)
      out.push({ path: `statusDates.afgesloten`, message: `De afsluiting (${formatNlDate(last)}) ligt voor de datum ${label(s)} (${formatNlDate(date)}).` });
    }
  }
  return out;
}

/** Facts that are unlikely: the user is asked to confirm them before they are saved. */
export function questionableFacts(d: PlausibilityInput, today: string): PlausibilityIssue[] {
  const out: PlausibilityIssue[] = [];
  const adultDates = d.adults.map((a) => a.birthDate).filter(valid);
  const oldestAdult = adultDates.length > 0 ? adultDates.reduce((x, y) => (y < x ? y : x)) : null;
  d.children.forEach((c, i) => {
    if (!valid(c.birthDate) || !oldestAdult || c.birthDate > today || c.birthDate <= oldestAdult) return;
    const age = ageOn(oldestAdult, c.birthDate);
    if (age < QUESTION_PARENT_AGE) {
      out.push({
        path: `children.${i}.birthDate`,
        message: `Bij de geboorte van dit kind was de oudste volwassene in het dossier ${age} jaar. Klopt de geboortedatum?`,
      });
    }
  });
  // The middle phases may be passed through again, so an order that looks reversed is asked about, not refused.
  const middle: DossierStatus[] = ['stabilisatie', 'schuldregeling', 'nazorg'];
  for (let i = 0; i < middle.length; i++) {
    for (let j = i + 1; j < middle.length; j++) {
      const early = middle[i]!;
      const late = middle[j]!;
      const a = d.statusDates[early];
      const b = d.statusDates[late];
      if (valid(a) && valid(b) && b < a) {
        out.push({
          path: `statusDates.${late}`,
          message: `De datum ${label(late)} (${formatNlDate(b)}) ligt voor de datum ${label(early)} (${formatNlDate(a)}). Klopt dat?`,
        });
      }
    }
  }
  return out;
}
