// Pre-filling a new signal from the place the problem shows (two clicks: "Meld systeemfout", then "Opslaan"):
// a budget warning, a debt, or the dossier itself. Only codes and amounts; the professional checks and saves.
import { Money } from '../money';
import type { SignalDataInput } from './schema';
import type { InstantieCode, MechanismCode } from './vocabulary';

/** Budget warnings that point at a systeemfout, with the codes they suggest. */
const FROM_WARNING: Record<string, { instantie: InstantieCode; mechanism: MechanismCode; ref: string }> = {
  TEKORT: { instantie: 'gemeente', mechanism: 'M1.9', ref: 'tekort_bijstandsnorm' },
  BVV_ONDER_ONDERGRENS: { instantie: 'deurwaarder', mechanism: 'M1.1', ref: 'onder_bvv' },
  BVV_OPGAVE_WIJKT_AF: { instantie: 'deurwaarder', mechanism: 'M1.1', ref: 'onder_bvv' },
  MOGELIJK_NIET_GEBRUIK_KINDERBIJSLAG: { instantie: 'svb', mechanism: 'M12.1', ref: 'kinderbijslag_ontbreekt' },
  MOGELIJK_NIET_GEBRUIK_KGB: { instantie: 'toeslagen', mechanism: 'M12.1', ref: 'kgb_ontbreekt' },
};

/**
 * Whether a warning can be reported as a systeemfout. `statedBvvDifference` is the budget's "Houvast minus the
 * stated BVV" ("100.00" or "-100.00"): the stated BVV differing is a systeemfout (M1.1, the BVV set too low) only
 * when it is below Houvast's; a stated BVV above it leaves the family more and suggests nothing.
 */
export function canReportWarning(code: string, ctx: { statedBvvDifference?: string | null | undefined } = {}): boolean {
  if (!Object.prototype.hasOwnProperty.call(FROM_WARNING, code)) return false;
  if (code === 'BVV_OPGAVE_WIJKT_AF' && ctx.statedBvvDifference != null) return new Money(ctx.statedBvvDifference).greaterThan(0);
  return true;
}

/** `shortfall`: the monthly shortfall the budget shows ("123.45", positive), when there is one. */
export function prefillFromWarning(code: string, opts: { date?: string | null; shortfall?: string | null } = {}): SignalDataInput | null {
  const m = FROM_WARNING[code];
  if (!m) return null;
  return {
    instantie: m.instantie,
    mechanism: m.mechanism,
    effects: code === 'TEKORT' ? ['materieel'] : [],
    source: 'budget',
    sourceRef: m.ref,
    occurredOn: opts.date ?? null,
    monthlyShortfall: opts.shortfall ?? null,
  };
}

const CREDITOR_HINTS: [RegExp, InstantieCode][] = [
  [/toeslag/i, 'toeslagen'],
  [/belastingdienst/i, 'belastingdienst'],
  [/cjib/i, 'cjib'],
  [/\bcak\b/i, 'cak'],
  [/\bduo\b/i, 'duo'],
  [/\buwv\b/i, 'uwv'],
  [/\bsvb\b/i, 'svb'],
  [/\blbio\b/i, 'lbio'],
  [/\brdw\b/i, 'rdw'],
  [/zorgverzeker/i, 'zorgverzekeraar'],
  [/energie|stroom|gas|eneco|vattenfall|essent|netbeheer/i, 'energie'],
  // A waterschap (or hoogheemraadschap) levies a tax and is no drinking-water company; the vocabulary has no code
  // of its own for it.
  [/waterschap|hoogheemraadschap|wetterskip/i, 'overig'],
  [/water/i, 'water'],
  [/woning|wonen|woonstichting|wooncorporatie|verhuur|huur/i, 'verhuurder'],
  [/deurwaard|incasso/i, 'deurwaarder'],
  [/gemeente/i, 'gemeente'],
  [/telecom|mobiel|kpn|vodafone|odido/i, 'telecom'],
  [/klarna|afterpay|achteraf|krediet|postorder|lening/i, 'krediet'],
  // ING as a whole word only: a bare "ing" matched every word ending in -ing (Woonstichting, Vereniging).
  [/\bbank\b|\babn\b|\bing\b|rabo/i, 'bank'],
];

const MECHANISM_FOR: Partial<Record<InstantieCode, MechanismCode>> = {
  toeslagen: 'M2.1',
  belastingdienst: 'M4.1',
  cjib: 'M3.1',
  cak: 'M3.3',
  zorgverzekeraar: 'M3.3',
  energie: 'M8.1',
  water: 'M8.1',
  verhuurder: 'M8.2',
  deurwaarder: 'M3.2',
  krediet: 'M11.1',
};

/** The creditor's free text is used only to suggest a code here; it is never stored in the signal. */
export function instantieFromCreditor(creditor: string, collector?: string | null): InstantieCode {
  for (const text of [creditor, collector ?? '']) for (const [re, code] of CREDITOR_HINTS) if (re.test(text)) return code;
  return 'overig';
}

export function prefillFromDebt(debt: { id?: string | undefined; creditor: string; collector?: string | undefined | null; currentAmount: string; since?: string | null | undefined }): SignalDataInput {
  const instantie = instantieFromCreditor(debt.creditor, debt.collector);
  return {
    instantie,
    mechanism: MECHANISM_FOR[instantie] ?? 'M4.9',
    effects: ['nieuwe_schulden'],
    source: 'debt',
    sourceRef: debt.id ?? null,
    occurredOn: debt.since ?? null,
    impactAmount: debt.currentAmount,
  };
}
