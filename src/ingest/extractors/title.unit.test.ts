// Known answers for titles, in documents written for this test (en, es, fr): a title never runs into
// the sentence after it, and a numbered section or a contents entry is never a title.
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract.ts';
import { findLabelValues } from '../layout/labels.ts';
import { cleanTitle, cutRunOnSentence, findTitle } from './title.ts';

const title = (text: string, kind: 'annual_review' | 'evaluation' = 'annual_review') =>
  findTitle(text, kind, findLabelValues(text))?.title ?? null;

describe('titles', () => {
  it.each([
    [
      'Support to Juvenile Justice Reform (JJR Project) The team reviewed all the files and found them complete.',
      'Support to Juvenile Justice Reform (JJR Project)',
    ],
    [
      'Apoyo a la Reforma Policial en Centroamérica El equipo revisó los informes de cada uno de los países.',
      'Apoyo a la Reforma Policial en Centroamérica',
    ],
    [
      'Appui au Renforcement des Tribunaux de Commerce La mission a rencontré les juges et les greffiers du pays.',
      'Appui au Renforcement des Tribunaux de Commerce',
    ],
    // A title in sentence case, or with no sentence after it, stays whole.
    [
      'Fortalecimiento de la justicia penal juvenil en el país.',
      'Fortalecimiento de la justicia penal juvenil en el país.',
    ],
    ['Strengthening Border Management in West Africa', 'Strengthening Border Management in West Africa'],
  ])('%s', (text, expected) => {
    expect(cutRunOnSentence(text)).toBe(expected);
  });

  it('stops a record page’s title where the next sentence begins', () => {
    const page =
      ': Safer Courts Through Accountable Institutions (SCAI Project)\nManagement will consider these findings in the next phase of the work.\n';
    expect(title(page, 'evaluation')).toBe('Safer Courts Through Accountable Institutions (SCAI Project)');
  });

  it('takes no contents entry or numbered section for a title', () => {
    const report = [
      'Enero - Diciembre de 2019',
      '',
      'Contenido',
      '',
      '1.Apoyo a las fiscalías en la investigación de delitos complejos. 4',
      '',
      '1.1. Formación de fiscales y de investigadores de la policía. 7',
      '',
      '2. Rapport sur les activités de formation des magistrats',
    ].join('\n');
    expect(title(report)).toBeNull();
  });

  it('stops a labelled title at the next label of a form whose lines were run together', async () => {
    const form = [
      'PROGRESS REPORT 2021',
      '',
      'Programme title: Safer Ports Through Customs Cooperation',
      'Country: Ecuador',
      'Total budget: USD 1,200,000',
      '',
      'Outcome score: A',
    ].join('\n');
    const { record } = await extractDocument({ bytes: Buffer.from(form), filename: 'form.txt' });
    expect(record.title).toBe('Safer Ports Through Customs Cooperation');
  });

  it.each([
    // A bracket never closed opens the place and date cut off after the title.
    ['3rd meeting of the Group of Experts (Vienna', '3rd meeting of the Group of Experts'],
    // A numbered section run into a flattened first page is not part of the title.
    [
      'Note de synthèse pour la réunion régionale sur la justice pénale II. Contexte',
      'Note de synthèse pour la réunion régionale sur la justice pénale',
    ],
    [
      'Documento de trabajo sobre la trata de personas I. Introducción A. Antecedentes',
      'Documento de trabajo sobre la trata de personas',
    ],
    // A closed bracket and a Roman numeral inside the title stay.
    ['Support to the Border Police (Phase II)', 'Support to the Border Police (Phase II)'],
  ])('cleans %s', (raw, expected) => {
    expect(cleanTitle(raw)).toBe(expected);
  });
});
