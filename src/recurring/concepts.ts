// The points that come back in reviews and evaluations of criminal justice assistance, each named
// by its words in English, Spanish and French, so that "the judiciary", "los jueces" and "les
// juges" tie two lessons written in different words or languages. Kept as data: a concept is
// added here, never as a rule in code. A term ending in `*` matches any word it begins; the others
// match whole words or phrases. Terms are written without accents (text is compared unaccented).
export interface Concept {
  key: string;
  label: { en: string; es: string; fr: string };
  terms: string[];
}

export const CONCEPTS: Concept[] = [
  {
    key: 'judges',
    label: { en: 'Judges and the judiciary', es: 'Jueces y poder judicial', fr: 'Juges et magistrature' },
    terms: [
      'judge',
      'judges',
      'judiciary',
      'judicial',
      'judicature',
      'magistrate*',
      'juez',
      'jueces',
      'jueza*',
      'judicatura',
      'poder judicial',
      'magistrad*',
      'juge',
      'juges',
      'judiciaire*',
      'magistrat',
      'magistrats',
      'magistrature',
    ],
  },
  {
    key: 'engagement',
    label: {
      en: 'Involvement of stakeholders',
      es: 'Participación de los actores',
      fr: 'Implication des acteurs',
    },
    terms: [
      'involv*',
      'participat*',
      'stakeholder*',
      'engag*',
      'relations with',
      'particip*',
      'involucr*',
      'partes interesadas',
      'actores',
      'relaciones con',
      'impliqu*',
      'implication',
      'parties prenantes',
      'relations avec',
    ],
  },
  {
    key: 'prosecutors',
    label: { en: 'Prosecutors', es: 'Fiscales', fr: 'Procureurs' },
    terms: [
      'prosecutor*',
      'prosecution service*',
      'fiscal',
      'fiscales',
      'fiscalia*',
      'ministerio publico',
      'procureur*',
      'parquet*',
      'ministere public',
    ],
  },
  {
    key: 'police',
    label: { en: 'Police', es: 'Policía', fr: 'Police' },
    terms: ['police', 'policing', 'policia*', 'policial*', 'policier*', 'gendarmer*'],
  },
  {
    key: 'theory-of-change',
    label: { en: 'Theory of change', es: 'Teoría del cambio', fr: 'Théorie du changement' },
    terms: ['theory of change', 'teoria del cambio', 'teoria de cambio', 'theorie du changement'],
  },
  {
    key: 'results-framework',
    label: {
      en: 'Results framework and indicators',
      es: 'Marco de resultados e indicadores',
      fr: 'Cadre de résultats et indicateurs',
    },
    terms: [
      'results framework',
      'logframe',
      'logical framework',
      'indicator*',
      'baseline*',
      'marco de resultados',
      'marco logico',
      'indicador*',
      'linea de base',
      'linea base',
      'cadre de resultats',
      'cadre logique',
      'indicateur*',
      'situation de reference',
    ],
  },
  {
    key: 'donor-coordination',
    label: {
      en: 'Coordination among donors',
      es: 'Coordinación entre donantes',
      fr: 'Coordination des bailleurs',
    },
    terms: ['donor', 'donors', 'donante*', 'bailleur*', 'donateur*'],
  },
  {
    key: 'ownership',
    label: {
      en: 'National ownership and political will',
      es: 'Apropiación nacional y voluntad política',
      fr: 'Appropriation nationale et volonté politique',
    },
    terms: [
      'ownership',
      'political will',
      'apropiacion',
      'voluntad politica',
      'appropriation',
      'volonte politique',
    ],
  },
  {
    key: 'sustainability',
    label: { en: 'Sustainability', es: 'Sostenibilidad', fr: 'Durabilité' },
    terms: ['sustainab*', 'sostenib*', 'sustentab*', 'durabilite', 'perenn*'],
  },
  {
    key: 'training-of-trainers',
    label: { en: 'Training of trainers', es: 'Formación de formadores', fr: 'Formation de formateurs' },
    terms: [
      'training of trainers',
      'trainers',
      'formacion de formadores',
      'formadores',
      'capacitadores',
      'formation de formateurs',
      'formateurs',
    ],
  },
  {
    key: 'victims',
    label: { en: 'Victims', es: 'Víctimas', fr: 'Victimes' },
    terms: ['victim*', 'victima*', 'victime*'],
  },
  {
    key: 'gender',
    label: { en: 'Gender and women', es: 'Género y mujeres', fr: 'Genre et femmes' },
    terms: ['gender', 'women', 'genero', 'mujeres', 'femmes', 'egalite des sexes'],
  },
  {
    key: 'civil-society',
    label: { en: 'Civil society', es: 'Sociedad civil', fr: 'Société civile' },
    terms: ['civil society', 'ngo', 'ngos', 'sociedad civil', 'ong', 'ongs', 'societe civile'],
  },
  {
    key: 'regional-cooperation',
    label: {
      en: 'Regional and cross-border cooperation',
      es: 'Cooperación regional y transfronteriza',
      fr: 'Coopération régionale et transfrontalière',
    },
    terms: [
      'regional integration',
      'regional cooperation',
      'cross-border',
      'several countries',
      'integracion regional',
      'cooperacion regional',
      'transfronteriz*',
      'varios paises',
      'integration regionale',
      'cooperation regionale',
      'transfrontali*',
      'plusieurs pays',
    ],
  },
  {
    key: 'staff-turnover',
    label: { en: 'Staff turnover', es: 'Rotación de personal', fr: 'Rotation du personnel' },
    terms: ['turnover', 'rotacion de personal', 'rotation du personnel', 'rotation des effectifs'],
  },
  {
    key: 'legal-framework',
    label: {
      en: 'Legislation and legal framework',
      es: 'Legislación y marco jurídico',
      fr: 'Législation et cadre juridique',
    },
    terms: [
      'legislation',
      'legal framework',
      'law reform',
      'legislacion',
      'marco juridico',
      'marco legal',
      'cadre juridique',
      'cadre legal',
    ],
  },
  {
    key: 'data',
    label: { en: 'Data and statistics', es: 'Datos y estadísticas', fr: 'Données et statistiques' },
    terms: ['data', 'statistic*', 'datos', 'estadistica*', 'donnees', 'statistique*'],
  },
  {
    key: 'forensics',
    label: { en: 'Forensic evidence', es: 'Prueba forense', fr: 'Preuve médico-légale' },
    terms: ['forensic*', 'dna', 'forense*', 'adn', 'medico-legal*', 'police scientifique'],
  },
  {
    key: 'integrity',
    label: { en: 'Corruption and integrity', es: 'Corrupción e integridad', fr: 'Corruption et intégrité' },
    terms: ['corrupt*', 'integrity', 'corrupcion', 'integridad', 'integrite'],
  },
  {
    key: 'interagency',
    label: {
      en: 'Cooperation between institutions',
      es: 'Cooperación interinstitucional',
      fr: 'Coopération interinstitutionnelle',
    },
    terms: [
      'inter-institutional',
      'interinstitutional',
      'inter-agency',
      'interagency',
      'interinstitucional*',
      'interinstitutionnel*',
    ],
  },
  {
    key: 'funding',
    label: { en: 'Funding and budget', es: 'Financiación y presupuesto', fr: 'Financement et budget' },
    terms: [
      'funding',
      'budget*',
      'financing',
      'financiacion',
      'financiamiento',
      'presupuesto*',
      'financement*',
    ],
  },
];

/** Lower case, accents removed: the form the terms above are written in. */
export function unaccented(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const MATCHERS = CONCEPTS.map((c) => {
  const alternatives = c.terms.map((t) =>
    t.endsWith('*') ? `${literal(t.slice(0, -1))}[\\p{L}-]*` : `${literal(t)}(?![\\p{L}])`,
  );
  return { key: c.key, pattern: new RegExp(`(?<![\\p{L}])(?:${alternatives.join('|')})`, 'u') };
});

const ONE_WORD = new RegExp(
  `^(?:${CONCEPTS.flatMap((c) => c.terms)
    .filter((t) => !t.includes(' '))
    .map((t) => (t.endsWith('*') ? `${literal(t.slice(0, -1))}[\\p{L}-]*` : literal(t)))
    .join('|')})$`,
  'u',
);

/** Whether a word names a concept by itself: it ties items as the concept, not again as wording. */
export function isConceptWord(word: string): boolean {
  return ONE_WORD.test(unaccented(word));
}

/** The concepts a text names, in the order of CONCEPTS. */
export function conceptsOf(text: string): string[] {
  const plain = unaccented(text);
  return MATCHERS.filter((m) => m.pattern.test(plain)).map((m) => m.key);
}

export const conceptByKey = new Map(CONCEPTS.map((c) => [c.key, c]));
