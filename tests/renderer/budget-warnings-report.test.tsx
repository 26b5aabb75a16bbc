// "Meld systeemfout" beside a budget warning: a stated BVV that differs from Houvast's is a systeemfout (M1.1, the
// BVV set too low) only when the stated one is the lower; above it the family keeps more, and no button shows.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BudgetWarnings } from '../../src/renderer/screens/budget/BudgetWarnings';

afterEach(cleanup);

const differs = { code: 'BVV_OPGAVE_WIJKT_AF', message: 'De beslagvrije voet van de deurwaarder wijkt af van de berekening van Houvast.', figure: 'beslagvrijeVoet' };
const shortfall = { code: 'TEKORT', message: 'Het huishouden komt tekort.' };

function buttonsFor(statedBvvDifference: string | null) {
  render(<BudgetWarnings warnings={[differs, shortfall]} onReport={() => undefined} statedBvvDifference={statedBvvDifference} />);
  const item = (code: string) => document.querySelector(`li[data-code="${code}"]`) as HTMLElement;
  return {
    differs: within(item('BVV_OPGAVE_WIJKT_AF')).queryByRole('button', { name: 'Meld systeemfout' }),
    shortfall: within(item('TEKORT')).queryByRole('button', { name: 'Meld systeemfout' }),
  };
}

describe('Meld systeemfout on a stated BVV', () => {
  it('is offered when the stated BVV is € 100,00 below Houvast\'s', () => {
    const b = buttonsFor('100.00');
    expect(b.differs).not.toBeNull();
    expect(b.shortfall).not.toBeNull();
  });

  it('is not offered when the stated BVV is € 100,00 above it; the shortfall still is', () => {
    const b = buttonsFor('-100.00');
    expect(b.differs).toBeNull();
    expect(b.shortfall).not.toBeNull();
    expect(screen.getByText(/wijkt af van de berekening/)).toBeTruthy();
  });
});
