// Known answers for countries of operation and regions, in sentences written for this test (en, es,
// fr): lists with articles, words that are countries only in a list, verbs of implementation,
// regional projects, a meeting of a programme's countries, and names met in passing.
import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../extraction-record.ts';
import { findLabelValues } from '../layout/labels.ts';
import { findCountriesOfOperation } from './countries-of-operation.ts';

function where(text: string, kind: DocumentKind = 'evaluation') {
  const found = findCountriesOfOperation(text, kind, findLabelValues(text));
  return { countries: found.countries.map((c) => c.value), regions: found.regions.map((r) => r.value) };
}

describe('countries of operation', () => {
  it.each([
    ['Pays couverts : le Bénin, la Côte d’Ivoire, la Gambie et le Togo.', ['BJ', 'CI', 'GM', 'TG']],
    ['Les pays bénéficiaires : du Niger, du Mali et de la Mauritanie.', ['NE', 'ML', 'MR']],
    ['Participating countries: Guinea, Sierra Leone, Liberia and Chad.', ['GN', 'SL', 'LR', 'TD']],
    ['Países beneficiarios: el Perú, Bolivia y el Ecuador.', ['PE', 'BO', 'EC']],
    ['The project is implemented in Kenya, Uganda and Tanzania since 2015.', ['KE', 'UG', 'TZ']],
    ['Este proyecto se ejecuta en Guatemala y Honduras con fondos del donante.', ['GT', 'HN']],
    ['Le programme est mis en œuvre au Mali et au Niger depuis trois ans.', ['ML', 'NE']],
    ['Las actividades en Paraguay comenzaron con retraso.', ['PY']],
    // Names the country catalogue writes only as "Moldova, Republic of" or not at all.
    ['The project is implemented in Moldova and Viet Nam.', ['MD', 'VN']],
    ['Pays : RDC, Centrafrique et Tanzanie.', ['CD', 'CF', 'TZ']],
  ])('%s', (text, countries) => {
    expect(where(text).countries).toEqual(countries);
  });

  it('leaves out countries named in passing, and a word that is a country only in a list', () => {
    // A donor's own country and a city's country said in passing are not where the project works.
    expect(
      where('Liberia\nThe courts of Liberia were strengthened with support from Norway.').countries,
    ).toEqual(['LR']);
    expect(where('Guinea pigs were not harmed. Chad Smith wrote the foreword.').countries).toEqual([]);
  });

  it('names the region of a regional project', () => {
    expect(where('Evaluation of the Regional Programme for West Africa, 2016–2020.').regions).toEqual([
      'West Africa',
    ]);
    expect(where('Informe del programa regional de seguridad para Centroamérica.').regions).toEqual([
      'Central America',
    ]);
    expect(where('Les pays d’Afrique de l’Ouest : Bénin, Togo.').regions).toEqual(['West Africa']);
    // A note's region is that of the event it presents: background-note.ts, tested with the
    // other note cases in meetings.unit.test.ts.
    // A region said in passing, with no "regional" before it, is not the project's.
    expect(where('Lessons from Central America were discussed.').regions).toEqual([]);
  });

  it('reads the countries a regional programme’s meeting lists, not those a report names alone', () => {
    const meeting =
      'Le comité de pilotage a réuni les représentants du Bénin, du Burkina Faso, du Ghana et du Togo. La France a pris la parole.';
    expect(where(meeting, 'meeting_report').countries).toEqual(['BJ', 'BF', 'GH', 'TG']);
    expect(where('Delegates from Peru and Chile spoke at the opening.', 'meeting_report').countries).toEqual(
      [],
    );
  });
});
