// Known answers for meeting reports and background notes, written for these tests in English,
// Spanish and French (short sentences in the family's layouts, none taken from a real document):
// kind, title, the meeting's dates and venue, the people who chaired or spoke, the countries that
// took part, and what must never come out (a country, an office or a header word as a person; the
// French word for a meeting as Réunion).
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../extract.ts';
import { findPeopleWithRoles } from '../recognise/people-roles.ts';
import { findParticipatingCountries } from './meeting-participants.ts';

const extract = async (text: string) =>
  (await extractDocument({ bytes: Buffer.from(text), filename: 'document.txt' })).record;

describe('kind', () => {
  it.each([
    [
      '1 REUNIÓN DE EXPERTOS OEA/Ser.K/XX Tercera Reunión del Grupo de Trabajo en Extradición 3 y 4 de mayo de 2010 Quito, Ecuador. ESTUDIO SOBRE LA EXTRADICIÓN SIMPLIFICADA (Documento elaborado por la Secretaría)',
      'background_note',
    ],
    [
      'Working paper on prison data\n\nThis working paper prepared by the secretariat sets out options.',
      'background_note',
    ],
    [
      'Nota informativa sobre la reunión regional\n\nEsta nota resume los temas que se tratarán.',
      'background_note',
    ],
    [
      'A/CONF.1/7 Point 3 de l’ordre du jour provisoire Atelier sur la justice pour mineurs Document de travail Résumé Le présent document décrit les enjeux.',
      'background_note',
    ],
    [
      'Compte rendu de la réunion du groupe\n\nL’ordre du jour a été adopté. La réunion s’est tenue à Lomé.',
      'meeting_report',
    ],
    [
      'Acta de la reunión del comité\n\nLa reunión fue presidida por el señor Juan Pérez Soto.',
      'meeting_report',
    ],
  ])('%s → %s', async (text, kind) => {
    expect((await extract(text)).kind).toBe(kind);
  });
});

it('a long UN cover does not push the note’s own name out of its opening', async () => {
  const text = [
    'Nations Unies A/CONF.999/12 Quinzième Congrès des Nations Unies pour la prévention du crime et la justice pénale',
    'Kyoto (Japon), 3-10 mai 2025 Distr. générale 2 février 2025 Français Original: anglais V.25-00123 (F) *2500123*',
    'Point 3 de l’ordre du jour provisoire* Coopération internationale et assistance technique',
    'Atelier sur l’enseignement de la justice pénale internationale au service de l’état de droit** Document d’information',
    'Résumé Le présent document décrit la manière dont les participants à l’atelier pourront examiner les méthodes de formation.',
    'Une réunion de groupe d’experts s’est tenue à Vienne du 2 au 4 décembre 2024; elle était présidée par M. Hans Gruber.',
    'Les délégations et les participants ont débattu des recommandations.',
  ].join(' ');
  const result = await extractDocument({ bytes: Buffer.from(text), filename: 'note.txt' });
  expect(text.indexOf('Document d’information')).toBeGreaterThan(400);
  expect(result.kind).toBe('background_note');
  expect(result.kindConfidence).toBeGreaterThan(0.8);
  expect(result.record.title).toBe(
    'Atelier sur l’enseignement de la justice pénale internationale au service de l’état de droit',
  );
});

describe('the title of a meeting report', () => {
  it.each([
    [
      'ORGANIZACIÓN DE LOS ESTADOS AMERICANOS OEA/Ser.L/XIV.2 GT/doc.3/20 Original: español SEGUNDA REUNIÓN DEL GRUPO DE EXPERTOS EN CIBERDELITO 3 y 4 de marzo de 2020 Montevideo, Uruguay INFORME FINAL La reunión se celebró en Montevideo.',
      'SEGUNDA REUNIÓN DEL GRUPO DE EXPERTOS EN CIBERDELITO',
    ],
    [
      'Ministry of Justice\n\nProcès-verbal de la réunion du comité national\n\nLomé, 2 avril 2016\n\nLa séance est ouverte.',
      'Procès-verbal de la réunion du comité national',
    ],
    [
      'Regional Programme for the Sahel\n\nFinal report of the fourth steering committee\n\nBamako, 5 May 2015\n\nThe meeting opened.',
      'Final report of the fourth steering committee',
    ],
  ])('%#', async (text, title) => {
    expect((await extract(text)).title).toBe(title);
  });

  it('a UN paper run into one paragraph: the report after its agenda item, the session before it set aside', async () => {
    const text =
      'United Nations E/CN.15/2099/CRP.3 Economic and Social Council Distr.: General 2 April 2099 English only Commission on Crime Prevention and Criminal Justice Fortieth session Vienna, 20-24 May 2099 Item 6 of the provisional agenda* Use of standards and norms in criminal justice Report of the expert group meeting on the treatment of women offenders, held in Bangkok from 3 to 5 December 2098 I. Introduction 1. The expert group meeting was held in Bangkok from 3 to 5 December 2098. 2. Ms. Laura Bianchi (Italy) was elected Chair.';
    const record = await extract(text);
    expect(record.kind).toBe('meeting_report');
    expect(record.title).toBe('Report of the expert group meeting on the treatment of women offenders');
    expect(record.period).toMatchObject({ start: '2098-12-03', end: '2098-12-05' });
    expect(record.place).toBe('Bangkok');
    expect(record.people).toContainEqual({ name: 'Laura Bianchi', role: 'Chair' });
    expect(record.organisations?.map((o) => o.name)).toContain('Economic and Social Council');
  });

  it('a plenary run into one paragraph is dated by the range after its title', async () => {
    const record = await extract(
      'COUNCIL OF EUROPE Strasbourg, 12 March 2099 PC-XX (2099) 4 COMMITTEE OF EXPERTS ON PRISONS Meeting report 44th plenary meeting 2-4 March 2099 The meeting was chaired by Mr Henrik Olsen (Denmark).',
    );
    expect(record.period).toMatchObject({ start: '2099-03-02', end: '2099-03-04' });
    expect(record.people).toEqual([{ name: 'Henrik Olsen', role: 'Chair' }]);
  });

  it.each([
    [
      "A/CONF.9/12 Point 6 de l'ordre du jour provisoire* Atelier sur la prévention de la criminalité urbaine Guide de discussion Note du Secrétariat I. Introduction 1. L'atelier se tiendra pendant le Congrès.",
      'Atelier sur la prévention de la criminalité urbaine',
    ],
    [
      'A/CONF.9/13 Tema 4 del programa provisional* Taller sobre la reducción de la reincidencia Documento de trabajo preparado por la Secretaría Resumen El presente documento facilita las deliberaciones.',
      'Taller sobre la reducción de la reincidencia',
    ],
  ])('a workshop paper whose agenda item is the workshop is titled by it (%#)', async (text, title) => {
    const record = await extract(text);
    expect(record.kind).toBe('background_note');
    expect(record.title).toBe(title);
    // "Secrétariat" and the heading run into it are not an organisation.
    expect(record.organisations ?? []).toEqual([]);
  });

  it('names the programme network institutes French writes in lower case', async () => {
    const record = await extract(
      "Document de travail établi par le Secrétariat Résumé Le présent document a été rédigé avec l'aide de l'Institut international des hautes études en sciences criminelles et de l'Institut africain des Nations Unies pour la prévention du crime et le traitement des délinquants.",
    );
    expect(record.organisations?.map((o) => o.written)).toEqual([
      'Institut international des hautes études en sciences criminelles',
      'Institut africain des Nations Unies pour la prévention du crime et le traitement des délinquants',
    ]);
  });

  it('a note is titled by itself, not by the meeting it was written for', async () => {
    const record = await extract(
      'E/CN.99/2024/CRP.2 Commission on Crime Prevention and Criminal Justice Thirty-third session Vienna, 13-17 May 2024 Item 5 of the provisional agenda * Thematic discussion Working paper on the use of new technologies in prison management Prepared by the Secretariat 1. This working paper sets out options.',
    );
    expect(record.kind).toBe('background_note');
    expect(record.title).toBe('Working paper on the use of new technologies in prison management');
  });
});

describe('when and where a meeting was held', () => {
  it.each([
    [
      'REPORT OF THE MEETING ON WITNESS PROTECTION\n\nPanama City, Panama, 10-11 April 2018\n\nThe meeting opened.',
      'Panama City',
      '2018-04-10',
      '2018-04-11',
    ],
    [
      'Compte rendu de la réunion des procureurs\n\nCotonou, Bénin, 7-8 juin 2012\n\nLa séance est ouverte.',
      'Cotonou',
      '2012-06-07',
      '2012-06-08',
    ],
    [
      'Vienna, 1 March 2022\n\nREPORT OF THE EXPERT MEETING ON CORRECTIONS\n\nNairobi, Kenya, 15-17 February 2022\n\nThe meeting opened.',
      'Nairobi',
      '2022-02-15',
      '2022-02-17',
    ],
  ])('%#: %s', async (text, place, start, end) => {
    const record = await extract(text);
    expect(record.place).toBe(place);
    expect(record.period).toMatchObject({ start, end });
    const at = record.provenance!.place!;
    expect(text.slice(at.start, at.end)).toBe(place);
  });

  it.each([
    [
      'ORGANIZACIÓN DE LOS ESTADOS AMERICANOS COMISIÓN INTERAMERICANA PARA EL CONTROL DEL ABUSO DE DROGAS XXV REUNIÓN DEL GRUPO DE EXPERTOS EN PRECURSORES 8 al 10 de septiembre de 2099 Montevideo, Uruguay OEA/Ser.L/XIV.4.25 INFORME FINAL La sesión inaugural estuvo a cargo del Presidente del Grupo.',
      'XXV REUNIÓN DEL GRUPO DE EXPERTOS EN PRECURSORES',
      'Montevideo',
    ],
    [
      "ORGANISATION DES ÉTATS AMÉRICAINS COMMISSION INTERAMÉRICAINE DE LUTTE CONTRE L'ABUS DES DROGUES VINGT-CINQUIÈME RÉUNION DU GROUPE D'EXPERTS SUR LES PRÉCURSEURS Du 8 au 10 septembre 2099 Port-au-Prince, Haïti RAPPORT FINAL La séance est ouverte.",
      "VINGT-CINQUIÈME RÉUNION DU GROUPE D'EXPERTS SUR LES PRÉCURSEURS",
      'Port-au-Prince',
    ],
    [
      'ORGANIZATION OF AMERICAN STATES INTER-AMERICAN DRUG ABUSE CONTROL COMMISSION TWENTY-FIFTH MEETING OF THE EXPERT GROUP ON MARITIME NARCOTRAFFICKING September 8-10, 2099 Kingston, Jamaica FINAL REPORT The meeting opened.',
      'TWENTY-FIFTH MEETING OF THE EXPERT GROUP ON MARITIME NARCOTRAFFICKING',
      'Kingston',
    ],
  ])(
    'a cover in capitals run into one paragraph: bodies, meeting, dates, venue (%#)',
    async (text, title, place) => {
      const record = await extract(text);
      expect(record.kind).toBe('meeting_report');
      expect(record.title).toBe(title);
      expect(record.period).toMatchObject({ start: '2099-09-08', end: '2099-09-10' });
      expect(record.place).toBe(place);
      expect(record.organisations?.map((o) => o.acronym)).toEqual(['OAS', 'CICAD']);
    },
  );

  it('a city after a single date run into the cover is not taken for the venue', async () => {
    const record = await extract(
      'XXV REUNIÓN DEL GRUPO DE EXPERTOS EN PRECURSORES 30 septiembre 2099 Washington, Estados Unidos INFORME FINAL El Grupo se reunió.',
    );
    expect(record.place).toBeUndefined();
  });

  it('the issuing city above the title is not the venue, nor a sentence ending in a city', async () => {
    const record = await extract(
      'Washington, 2 June 2021\n\nINFORME DE LA TERCERA REUNIÓN DEL GRUPO DE TRABAJO\n\nLa tercera reunión del grupo de trabajo sobre extradición se celebró en Asunción, Paraguay, del 4 al 6 de mayo de 2021.',
    );
    expect(record.place).toBe('Asunción');
    expect(record.period).toMatchObject({ start: '2021-05-04', end: '2021-05-06' });
  });
});

describe('people named in prose', () => {
  it.each([
    ['The session was chaired by Ana Lucía Pérez (Colombia).', [['Ana Lucía Pérez', 'Chair']]],
    [
      'La sesión fue presidida por el señor Ramón Benítez Ortiz, de Paraguay.',
      [['Ramón Benítez Ortiz', 'Chair']],
    ],
    [
      'La séance a été présidée par Son Excellence Moussa Abdou, Ministre de la Justice.',
      [['Moussa Abdou', 'Chair']],
    ],
    [
      'Elle était co-présidée par Mme Aïssatou Diallo, représentante régionale.',
      [['Aïssatou Diallo', 'Chair']],
    ],
    [
      'The meeting was chaired by Justice Mary Wanjiru, a judge of the High Court.',
      [['Mary Wanjiru', 'Chair']],
    ],
    [
      'Estuvo presidida por la Ministra de Seguridad, Licda. María Elena Castillo.',
      [['María Elena Castillo', 'Chair']],
    ],
    ['La reunión fue presidida por el Comisionado Arturo Beltrán Cruz.', [['Arturo Beltrán Cruz', 'Chair']]],
    ['Mr. Kofi Boateng (Ghana) was elected Rapporteur.', [['Kofi Boateng', 'Rapporteur']]],
    ['La señora Inés Robles fue elegida Vicepresidenta.', [['Inés Robles', 'Vice-Chair']]],
    ['M. Paul Girard a été élu Président à l’unanimité.', [['Paul Girard', 'Chair']]],
  ])('%s', (sentence, people) => {
    expect(findPeopleWithRoles(sentence).map((p) => [p.name, p.role])).toEqual(people);
  });

  it('never takes an office, a body, a city or a header word for a person', async () => {
    const record = await extract(
      [
        'Nations Unies A/CONF.9/4 Quinzième Congrès des Nations Unies Distr. générale Français Original: anglais',
        'Atelier sur la coopération Document de travail Résumé Le présent document décrit les États Membres.',
        'REPORT OF THE THIRD MEETING\n\nPanama City, Panama, 10-11 April 2018',
        'The meeting was opened by the Permanent Representative of Chile and the Grupo de Trabajo met again.',
        'Prepared by the Secretariat for Member States.',
      ].join('\n\n'),
    );
    const names = (record.people ?? []).map((p) => p.name);
    for (const wrong of [
      'Quinzième Congrès',
      'Français Original',
      'Résumé Le',
      'États Membres',
      'Panama City',
      'Permanent Representative',
      'Grupo de Trabajo',
      'Member States',
    ])
      expect(names).not.toContain(wrong);
  });
});

describe('the countries that took part', () => {
  it.each([
    ['Les délégations du Cameroun, du Gabon et du Tchad y ont pris part.', ['CM', 'GA', 'TD']],
    ['Participaron delegaciones de Argentina, Bolivia y Chile.', ['AR', 'BO', 'CL']],
    ['Experts from Kenya, Uganda and Ethiopia attended.', ['KE', 'UG', 'ET']],
    ['Étaient représentés les pays suivants : BÉNIN, BURKINA FASO, NIGER.', ['BJ', 'BF', 'NE']],
    ['Pays représentés : Bénin, Côte d’Ivoire, Guinée-Bissau et Togo.', ['BJ', 'CI', 'GW', 'TG']],
    [
      'Les points focaux nationaux du Bénin, du Mali et du Niger ont présenté leurs rapports.',
      ['BJ', 'ML', 'NE'],
    ],
    [
      'La réunion a rassemblé des délégués de quatre pays : le Bénin, le Mali, le Niger et le Togo.',
      ['BJ', 'ML', 'NE', 'TG'],
    ],
    ['The delegation of Chile thanked Peru for hosting.', []],
    ['The chair, Ana Pérez (Colombia), welcomed the participants to Lima, Peru.', []],
  ])('%s', (sentence, codes) => {
    expect(findParticipatingCountries(sentence).map((c) => c.value)).toEqual(codes);
  });

  it('a meeting report lists them as its countries, and "Reunión" is a meeting, not Réunion', async () => {
    const record = await extract(
      'INFORME DE LA SEGUNDA REUNIÓN DEL COMITÉ DIRECTIVO\n\nTegucigalpa, 20 y 21 de septiembre de 2016\n\nParticiparon delegaciones de Honduras, Guatemala y El Salvador. La Reunión regional concluyó.',
    );
    expect(record.countries).toEqual(['HN', 'GT', 'SV']);
  });
});

describe('the region of the event a note presents', () => {
  it.each([
    [
      'Note conceptuelle\n\nLe PNUD organisera une conférence régionale sur la justice pour mineurs en Afrique de l’Ouest.',
      ['West Africa'],
    ],
    [
      'Concept note\n\nThis note prepares a regional workshop for Central America on witness protection.',
      ['Central America'],
    ],
    [
      'Nota conceptual\n\nSe celebrará un taller sobre justicia juvenil en Centroamérica en mayo.',
      ['Central America'],
    ],
    [
      'Nota conceptual\n\nLa Reunión de Ministros de Justicia de los países de América Latina examinará el informe.',
      undefined,
    ],
  ])('%s', async (text, regions) => {
    const record = await extract(text);
    expect(record.kind).toBe('background_note');
    expect(record.regions).toEqual(regions);
  });
});
