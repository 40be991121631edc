// Words that say where a project works and what a sum of money is, in English, Spanish and French,
// kept as data: the countries-of-operation and budget readers share them. Each entry is the source
// of a pattern read with Unicode word boundaries and without case.

/** Verbs a project's place of work follows: "is implemented in", "se ejecuta en", "mis en œuvre au". */
export const OPERATION_INTROS: string[] = [
  // en
  String.raw`(?:is|are|was|were|being)\s+(?:implemented|carried\s+out|executed|delivered|active)\s+in`,
  String.raw`(?:operates|operating|works|working|intervenes)\s+in`,
  String.raw`(?:implementation|activities|operations|interventions)\s+in`,
  // es
  String.raw`se\s+(?:ejecuta|ejecutó|ejecutará|implementa|implementó|implementará|desarrolla|desarrolló|lleva\s+a\s+cabo|llevó\s+a\s+cabo)\s+en`,
  String.raw`(?:ejecutad[oa]s?|implementad[oa]s?|desarrollad[oa]s?)\s+en`,
  String.raw`(?:ejecución|implementación|intervención|intervenciones|actividades)\s+en`,
  // fr
  String.raw`(?:mis|mise|mises)\s+en\s+(?:œ|oe)uvre\s+(?:au|aux|en|à|dans)`,
  String.raw`(?:exécutée?s?|réalisée?s?|intervient|interviennent|opère|opèrent)\s+(?:au|aux|en|à|dans)`,
  String.raw`(?:mise\s+en\s+(?:œ|oe)uvre|interventions?|activités)\s+(?:au|aux|en)`,
];

/** A region a regional project names: "Regional Programme for West Africa", "programa regional para Centroamérica". */
export const REGIONAL_WORDS = 'r[eé]gional(?:e|es|s)?|regionales?';

/** Words that make a sum a budget: the total, the funds approved or committed, the money spent. */
export const BUDGET_WORDS: string[] = [
  // en
  'budget',
  'budgets',
  'funds',
  'funding',
  'expenditure',
  'expenditures',
  'cost',
  'costs',
  // "value" and "amount" alone are of anything (a seizure's street value): only the project's.
  'project value',
  'programme value',
  'program value',
  'total value',
  'total amount',
  // es
  'presupuesto',
  'presupuestos',
  'fondos',
  'financiamiento',
  'financiación',
  'gasto',
  'gastos',
  'costo',
  'coste',
  'monto total',
  'importe total',
  'valor total',
  // fr
  'fonds',
  'financement',
  'dépenses',
  'coût',
  'montant total',
  'enveloppe',
];

/** Sums that are not the project's money: what it still lacks, hopes for or needs. */
export const NOT_BUDGET_WORDS: string[] = [
  'shortfall',
  'unfunded',
  'requirement',
  'requirements',
  'required',
  'gap',
  'projected',
  'needed',
  'déficit',
  'deficit',
  'faltante',
  'brecha',
  'requerido',
  'necesario',
  'manque',
  'besoin',
  'besoins',
  'requis',
];
