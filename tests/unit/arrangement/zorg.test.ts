// The wanbetalersregeling stage of a zorgverzekeraar debt (RULES.md e.1) with what happens next and the exit
// routes (e.3). Boundaries from the law: 2 maandpremies -> betalingsregeling (art. 18a), 4 -> aankondiging
// (art. 18b), 6 or more -> melding bij het CAK (art. 18c lid 1); once reported, the bestuursrechtelijke premie
// (art. 18d) until an exit of art. 18d lid 2 (a-d), restarting when the debtor drops out (lid 4).
import { describe, expect, it } from 'vitest';
import { debtPremiumStage, premiumStage, worstPremiumStage } from '../../../src/shared/arrangement/zorg';
import type { Debt } from '../../../src/shared/dossier/schema';

describe('wanbetalersregeling stage', () => {
  it('follows the arrears in maandpremies: < 2 none, 2-3 betalingsregeling, 4-5 aankondiging, 6+ melding', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 12].map((m) => premiumStage(m, false).stage)).toEqual([
      'geen',
      'geen',
      'betalingsregeling',
      'betalingsregeling',
      'aankondiging',
      'aankondiging',
      'melding',
      'melding',
      'melding',
    ]);
  });

  it('is at the CAK once reported, whatever the count (the CAK decides)', () => {
    const s = premiumStage(3, true);
    expect(s.stage).toBe('cak');
    expect(s.now).toMatch(/bestuursrechtelijke premie \(110 % tot 130 % van de gemiddelde premie\)/);
    expect(s.now).toMatch(/bronheffing/);
    expect(s.next).toMatch(/start de bestuursrechtelijke premie opnieuw \(art\. 18d lid 4\)/);
  });

  it('says what happens next at each stage', () => {
    expect(premiumStage(1, false).next).toMatch(/^Bij 2 maandpremies achterstand moet de zorgverzekeraar een betalingsregeling aanbieden/);
    expect(premiumStage(2, false).next).toMatch(/^Bij 4 maandpremies achterstand kondigt de verzekeraar de aanmelding bij het CAK aan/);
    expect(premiumStage(4, false).next).toMatch(/^Bij 6 maandpremies achterstand volgt de melding bij het CAK/);
    expect(premiumStage(6, false).next).toMatch(/bestuursrechtelijke premie aan het CAK/);
    expect(premiumStage(6, false).next).toMatch(/stabilisatie-overeenkomst via een schuldhulpverlener \(art\. 18c lid 2\)/);
  });

  it('lists the exit routes of art. 18d lid 2 (a-d), the bijstand and bewind routes and the kwijtschelding by the CAK', () => {
    const exits = premiumStage(8, true).exits.join('\n');
    expect(exits).toMatch(/art\. 18d lid 2 onder a/);
    expect(exits).toMatch(/Wsnp\) is van toepassing \(art\. 18d lid 2 onder b\)/);
    expect(exits).toMatch(/stabilisatie-overeenkomst .* schuldregeling .* betalingsregeling .*art\. 18d lid 2 onder c/s);
    expect(exits).toMatch(/Bijstand langer dan 1 jaar of een premieschuld onder € 600: .*gemeentepolis.*hoogstens 3 jaar.*kwijt/);
    expect(exits).toMatch(/Beschermingsbewind: .*hoogstens 36 maanden; de rest wordt kwijtgescholden/);
    expect(exits).toMatch(/art\. 18g lid 5/);
    // Before a melding the routes prevent it: a betalingsregeling (18a) and a stabilisatie-overeenkomst (18c lid 2).
    expect(premiumStage(4, false).exits.join('\n')).toMatch(/art\. 18a[\s\S]*art\. 18c lid 2/);
  });

  it('applies only to a zorgverzekeraar debt with recorded arrears, and a family is as far as its worst policy', () => {
    const base: Debt = { creditor: 'Zorgverzekeraar Zuid', originalAmount: '900.00', currentAmount: '900.00', kind: 'concurrent', status: 'open' } as Debt;
    expect(debtPremiumStage(base)).toBeNull();
    expect(debtPremiumStage({ ...base, creditorKind: 'energie', premiumArrears: { months: 6, monthlyPremium: null, reportedToCak: false, reportedToCakOn: null } })).toBeNull();
    const four = debtPremiumStage({ ...base, creditorKind: 'zorgverzekeraar', premiumArrears: { months: 4, monthlyPremium: '150.00', reportedToCak: false, reportedToCakOn: null } });
    expect(four?.stage).toBe('aankondiging');
    expect(worstPremiumStage([premiumStage(2, false), null, premiumStage(7, false), four])?.stage).toBe('melding');
    expect(worstPremiumStage([null])).toBeNull();
  });
});
