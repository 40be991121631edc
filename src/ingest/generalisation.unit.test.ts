// Rules found on public documents that were not in the fixtures (the texts here are written for the
// test): team tables that print a job title after each name, an acronym the document spells out as
// another body, a region alone on a cover line or ending an office's name, and a body that met under
// a chair in a news write-up.
import { describe, expect, it } from 'vitest';
import { extractDocument } from './extract.ts';
import { findOrganisations } from './recognise/organisations.ts';

const extract = async (text: string) =>
  (await extractDocument({ bytes: Buffer.from(text), filename: 'doc.txt' })).record;

describe('generalisation', () => {
  it('reads names from a team table without their job titles, and no country as a person', async () => {
    const record = await extract(
      [
        'Evaluation finale du Projet d’appui aux tribunaux de paix',
        'Atlas Project Number: 00123456',
        'Evaluation Type: Final Project',
        'Evaluation Team members:',
        'Name Title Email Nationality',
        'MBAYE Aïssatou Consultante internationale amb@example.org',
        'TOURÉ Ibrahim Consultant national ito@example.org CENTRAL AFRICAN REPUBLIC',
        'GEF Evaluation: No',
      ].join('\n'),
    );
    expect(record.people?.map((p) => p.name)).toEqual(['MBAYE Aïssatou', 'TOURÉ Ibrahim']);
  });

  it('takes an acronym for the body the document spells out, not the gazetteer’s', () => {
    const text = 'Appui à la Cour Pénale Spéciale. Les juges de la CPS ont siégé en 2020.';
    const names = findOrganisations(text).map((o) => o.name);
    expect(names).not.toContain('Crown Prosecution Service');
    // Where the document spells out nothing else, the acronym is the gazetteer's body.
    expect(findOrganisations('The CPS charged 40 suspects.').map((o) => o.name)).toEqual([
      'Crown Prosecution Service',
    ]);
  });

  it('reads a region alone on a cover line, and none from an office’s name', async () => {
    const cover = await extract(
      [
        'UNITED NATIONS OFFICE ON DRUGS AND CRIME',
        '',
        'Final Independent Project Evaluation of',
        '',
        '“Border liaison offices for the detection of illicit flows”',
        '',
        'XYZ/K12',
        'West Africa',
        '',
        'March 2021',
      ].join('\n'),
    );
    expect(cover.regions).toEqual(['West Africa']);
    const office = await extract(
      'Programa de las Naciones Unidas para el Desarrollo Centro Regional para América Latina y el Caribe Informe de progreso anual del proyecto Apoyo a la Policía Comunitaria en Honduras. Título del proyecto: Apoyo a la Policía Comunitaria. País: Honduras.',
    );
    expect(office.regions ?? []).not.toContain('Latin America and the Caribbean');
  });

  it('classes a write-up of a committee that met under a chair as a meeting report', async () => {
    const record = await extract(
      [
        'Comité de pilotage du projet d’appui à la chaîne pénale : bilan de l’année',
        '',
        'Le 4 mars dernier, le ministère de la Justice a réuni les partenaires du projet dans le cadre du troisième comité de pilotage, sous la présidence du Secrétaire général du ministère.',
        'Les membres ont examiné le rapport d’activités et le plan de travail de l’année suivante.',
      ].join('\n'),
    );
    expect(record.kind).toBe('meeting_report');
  });
});
