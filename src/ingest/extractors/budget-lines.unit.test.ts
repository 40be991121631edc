// Known answers for sums and budgets, in lines written for this test (en, es, fr): the ways amounts
// are written, and which sums of a cover form are the project's budget.
import { describe, expect, it } from 'vitest';
import { findMoney } from '../recognise/money.ts';
import { findFormBudgets } from './budget-lines.ts';

describe('sums as budgets write them', () => {
  it.each([
    ['USD 3,334,127', 3334127, 'USD'],
    ['USD: 316,275,739', 316275739, 'USD'],
    ['3.334.127 USD', 3334127, 'USD'],
    ['1.250.000,00 EUR', 1250000, 'EUR'],
    ['US$ 4.08 million', 4080000, 'USD'],
    ['US$ 1,5 millones', 1500000, 'USD'],
    ['3,5 millones de dólares', 3500000, 'USD'],
    ['5 millions de dollars', 5000000, 'USD'],
    ['2 000 000 FCFA', 2000000, 'XOF'],
    ['1\u202f200\u202f000 €', 1200000, 'EUR'],
    ['US$ 3205316', 3205316, 'USD'],
  ])('%s', (text, amount, currency) => {
    expect(findMoney(text).map((m) => [m.amount, m.currency])).toEqual([[amount, currency]]);
  });

  it('reads no sum in counts, percentages and years', () => {
    expect(findMoney('En 2015, el 30 % de 1.500 casos; 2.345.000 personas')).toEqual([]);
  });
});

describe('budgets of a cover form', () => {
  const amounts = (text: string) => findFormBudgets(text).map((m) => [m.amount, m.currency]);

  it('reads a column of values under a column of labels, leaving out what the project lacks', () => {
    const form = [
      'Project number:',
      'Total budget:',
      'Unfunded:',
      '00012345',
      'USD: 2,500,000',
      'USD: 900,000: projected shortfall',
    ].join('\n');
    expect(amounts(form)).toEqual([[2500000, 'USD']]);
  });

  it('reads sums run into a line with the words that say what they are', () => {
    expect(amounts('Funds committed: UNDP: $1,200,000 UNICEF: $800,000 Expenditure: US$ 950000')).toEqual([
      [1200000, 'USD'],
      [800000, 'USD'],
      [950000, 'USD'],
    ]);
    expect(amounts('Presupuesto total: 3.200.000 USD\nDéficit de financiamiento: 400.000 USD')).toEqual([
      [3200000, 'USD'],
    ]);
    expect(amounts('Montant du financement : 2 000 000 €\nBesoins non couverts : 500 000 €')).toEqual([
      [2000000, 'EUR'],
    ]);
  });

  it('leaves alone sums with no budget word near them, and the narrative after the contents', () => {
    expect(amounts('Seizures reached USD 4 million in street value in 2016.')).toEqual([]);
    expect(amounts('Project title: Courts\nContents\nThe total budget was USD 2 million.')).toEqual([]);
  });
});
