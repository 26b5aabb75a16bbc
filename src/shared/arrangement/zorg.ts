// The wanbetalersregeling (Zvw art. 18a-18g, RULES.md e.1-e.3) for a zorgverzekeraar debt: which stage the
// arrears in monthly premiums have reached, what happens next and the exit routes, in plain Dutch.
import type { Debt } from '../dossier/schema';

export const PREMIUM_STAGES = ['geen', 'betalingsregeling', 'aankondiging', 'melding', 'cak'] as const;
export type PremiumStage = (typeof PREMIUM_STAGES)[number];
export const PREMIUM_STAGE_LABELS: Record<PremiumStage, string> = {
  geen: 'Minder dan 2 maandpremies achterstand',
  betalingsregeling: '2 maandpremies: betalingsregeling aanbieden',
  aankondiging: '4 maandpremies: aanmelding CAK aangekondigd',
  melding: '6 maandpremies: melding bij het CAK',
  cak: 'Aangemeld bij het CAK: bestuursrechtelijke premie',
};

export interface PremiumStageInfo {
  stage: PremiumStage;
  label: string;
  monthsInArrears: number;
  reportedToCak: boolean;
  /** What this stage means now. */
  now: string;
  /** What happens next if nothing changes. */
  next: string;
  /** Exit or prevention routes (RULES.md e.3), each one sentence. */
  exits: string[];
  /** Article references. */
  articles: string;
}

const EXITS_AFTER_MELDING = [
  'De premieschuld is of wordt afgelost, of vervalt (art. 18d lid 2 onder a Zvw).',
  'De schuldsaneringsregeling (Wsnp) is van toepassing (art. 18d lid 2 onder b).',
  'Via een schuldhulpverlener is een stabilisatie-overeenkomst getekend of een schuldregeling bereikt waaraan ten minste de zorgverzekeraar meedoet, of de zorgverzekeraar en de verzekeringnemer spreken een betalingsregeling af (art. 18d lid 2 onder c).',
  'Bijstand langer dan 1 jaar of een premieschuld onder € 600: de gemeente neemt de klant op in de collectieve gemeentepolis en houdt premie en aflossing in, hoogstens 3 jaar; daarna scheldt de verzekeraar de rest kwijt (Regeling zorgverzekering, art. 18d lid 2 onder d).',
  'Beschermingsbewind: de bewindvoerder betaalt de nieuwe premie en lost de achterstand af in hoogstens 36 maanden; de rest wordt kwijtgescholden (art. 18d lid 2 onder d).',
  'Na de uitstroom kan het CAK de resterende bestuursrechtelijke premie kwijtschelden (art. 18g lid 5).',
];

const PREVENTION = [
  'Een betalingsregeling met de zorgverzekeraar voor de achterstand, met automatische incasso of inhouding van de lopende premie (art. 18a).',
  'Aanmelding bij een schuldhulpverlener en een schriftelijke stabilisatie-overeenkomst voorkomen de melding bij het CAK (art. 18c lid 2).',
];

/** Stage for arrears of `months` monthly premiums; `reportedToCak` wins over the count (the CAK decides). */
export function premiumStage(months: number, reportedToCak: boolean): PremiumStageInfo {
  const base = { monthsInArrears: months, reportedToCak };
  if (reportedToCak) {
    return {
      ...base,
      stage: 'cak',
      label: PREMIUM_STAGE_LABELS.cak,
      now: 'De klant betaalt de bestuursrechtelijke premie (110 % tot 130 % van de gemiddelde premie) aan het CAK, ingehouden op loon of uitkering (bronheffing); de zorgtoeslag gaat naar het CAK. De verzekering loopt door.',
      next: 'Dit blijft zo tot een van de uitstroomroutes geldt; valt de klant daarna uit de regeling, dan start de bestuursrechtelijke premie opnieuw (art. 18d lid 4).',
      exits: EXITS_AFTER_MELDING,
      articles: 'art. 18c, 18d, 18f en 18g Zvw',
    };
  }
  if (months >= 6) {
    return {
      ...base,
      stage: 'melding',
      label: PREMIUM_STAGE_LABELS.melding,
      now: 'Bij 6 of meer maandpremies achterstand (zonder rente en incassokosten) meldt de zorgverzekeraar de klant aan bij het CAK.',
      next: 'Na de melding betaalt de klant vanaf de maand erna de bestuursrechtelijke premie aan het CAK. Geen melding zolang een tijdig bezwaar loopt, of bij een stabilisatie-overeenkomst via een schuldhulpverlener (art. 18c lid 2).',
      exits: [...PREVENTION.slice(1), ...EXITS_AFTER_MELDING],
      articles: 'art. 18c Zvw',
    };
  }
  if (months >= 4) {
    return {
      ...base,
      stage: 'aankondiging',
      label: PREMIUM_STAGE_LABELS.aankondiging,
      now: 'De zorgverzekeraar kondigt de aanmelding bij het CAK aan; de klant heeft 4 weken om de schuld te betwisten.',
      next: 'Bij 6 maandpremies achterstand volgt de melding bij het CAK. Komt er nu een betalingsregeling en worden de nieuwe premies betaald, dan volgt geen melding.',
      exits: PREVENTION,
      articles: 'art. 18b Zvw',
    };
  }
  if (months >= 2) {
    return {
      ...base,
      stage: 'betalingsregeling',
      label: PREMIUM_STAGE_LABELS.betalingsregeling,
      now: 'De zorgverzekeraar moet een betalingsregeling aanbieden; de klant heeft 4 weken om die te accepteren. Zolang de regeling wordt nagekomen, zegt de verzekeraar de polis niet op.',
      next: 'Bij 4 maandpremies achterstand kondigt de verzekeraar de aanmelding bij het CAK aan.',
      exits: PREVENTION,
      articles: 'art. 18a Zvw',
    };
  }
  return {
    ...base,
    stage: 'geen',
    label: PREMIUM_STAGE_LABELS.geen,
    now: 'Nog geen wanbetalersregeling.',
    next: 'Bij 2 maandpremies achterstand moet de zorgverzekeraar een betalingsregeling aanbieden.',
    exits: PREVENTION.slice(0, 1),
    articles: 'art. 18a Zvw',
  };
}

/** The stage of a debt, or null when it is not a zorgverzekeraar debt with recorded premium arrears. */
export function debtPremiumStage(debt: Debt): PremiumStageInfo | null {
  if ((debt.creditorKind ?? 'overig') !== 'zorgverzekeraar' || !debt.premiumArrears) return null;
  return premiumStage(debt.premiumArrears.months, debt.premiumArrears.reportedToCak ?? false);
}

/** The most advanced wanbetalersregeling stage of several debts (a family with two policies is as far as its worst one). */
export function worstPremiumStage(stages: readonly (PremiumStageInfo | null)[]): PremiumStageInfo | null {
  return stages.filter((s): s is PremiumStageInfo => s !== null).sort((a, b) => PREMIUM_STAGES.indexOf(b.stage) - PREMIUM_STAGES.indexOf(a.stage))[0] ?? null;
}
