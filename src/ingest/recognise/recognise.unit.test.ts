import { describe, expect, it } from 'vitest';
import { countryOfHeading, findCountries, findRegions } from './countries.ts';
import { findDates, normaliseFinancialYear } from './dates.ts';
import { findMoney } from './money.ts';
import { findOrganisations } from './organisations.ts';

describe('money', () => {
  it.each([
    ['£2.3m', 2300000, 'GBP'],
    ['£1.935m', 1935000, 'GBP'],
    ['GBP 16,000,000', 16000000, 'GBP'],
    ['$705k', 705000, 'USD'],
    ['US$ 3 million', 3000000, 'USD'],
    ['1 500 000 EUR', 1500000, 'EUR'],
    ['€1.2 bn', 1200000000, 'EUR'],
  ])('%s', (text, amount, currency) => {
    expect(findMoney(text).map((m) => [m.amount, m.currency])).toEqual([[amount, currency]]);
  });
});

describe('dates', () => {
  it.each([
    ['Apr 2015', '2015-04'],
    ['March 2020', '2020-03'],
    ['1 June 2015', '2015-06-01'],
    ['June 1, 2015', '2015-06-01'],
    ['01/06/2015', '2015-06-01'],
    ['15 de marzo de 2018', '2018-03-15'],
    ['24th April 2006', '2006-04-24'],
    ['avril 2016', '2016-04'],
  ])('%s', (text, iso) => {
    expect(findDates(text).map((d) => d.iso)).toEqual([iso]);
  });

  it('reads a range and financial years', () => {
    expect(findDates('April 2016-March 2018').map((d) => d.iso)).toEqual(['2016-04', '2018-03']);
    expect(normaliseFinancialYear('15/16')).toBe('2015/16');
    expect(normaliseFinancialYear('2016-17')).toBe('2016/17');
    expect(normaliseFinancialYear('A/B')).toBeNull();
  });
});

describe('countries and regions', () => {
  it('keeps "Central American" from naming a region, and regions from being countries', () => {
    expect(findRegions('the Central American Integration System').map((r) => r.name)).toEqual([]);
    expect(findRegions('Multiple/Regional and West Africa').map((r) => r.name)).toEqual([
      'Multiple/Regional',
      'West Africa',
    ]);
    expect(findCountries('Multiple/Regional')).toEqual([]);
  });

  it('takes the longest name and knows headings that only name a country', () => {
    expect(findCountries('South Sudan and Sudan').map((c) => c.code)).toEqual(['SS', 'SD']);
    expect(countryOfHeading('Colombia')).toBe('CO');
    expect(countryOfHeading('Colombian')).toBeNull();
    expect(countryOfHeading('Colombia and the region: work to date')).toBeNull();
  });
});

describe('organisations', () => {
  it('knows registry names and acronyms, and organisations that introduce themselves', () => {
    const found = findOrganisations(
      'The NCA worked with the Central American Integration System (SICA) and the Regional Council of Judges (RCJ), funded by the Government of Canada Web team.',
    );
    expect(found.map((o) => [o.name, o.acronym])).toEqual([
      ['National Crime Agency', 'NCA'],
      ['Central American Integration System', 'SICA'],
      ['Regional Council of Judges', 'RCJ'],
      ['Government of Canada', undefined],
    ]);
  });
});
