// The dated exchange-rate table that ships in reference/exchange-rates.json, flattened into
// arrays: the reference loader copies it into the exchange_rates table, where budgets are converted.
import fs from 'node:fs';
import path from 'node:path';
import { REFERENCE_DIR } from '../paths.ts';

interface RateFile {
  source: string;
  base: string;
  rates: Record<string, Record<string, number>>;
}

export interface RateTable {
  source: string;
  currencies: string[];
  years: number[];
  perUsd: number[];
}

let cached: RateTable | undefined;

/** Every (currency, year) rate; USD gets every year any other currency has, at 1. */
export function exchangeRates(): RateTable {
  if (cached) return cached;
  const file = JSON.parse(
    fs.readFileSync(path.join(REFERENCE_DIR, 'exchange-rates.json'), 'utf8'),
  ) as RateFile;
  const table: RateTable = { source: file.source, currencies: [], years: [], perUsd: [] };
  const allYears = new Set<number>();
  for (const [currency, byYear] of Object.entries(file.rates)) {
    for (const [year, rate] of Object.entries(byYear)) {
      allYears.add(Number(year));
      if (currency === file.base) continue;
      table.currencies.push(currency);
      table.years.push(Number(year));
      table.perUsd.push(rate);
    }
  }
  for (const year of allYears) {
    table.currencies.push(file.base);
    table.years.push(year);
    table.perUsd.push(1);
  }
  cached = table;
  return table;
}
