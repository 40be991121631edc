// The regions projects name, as data: their names in three languages, their IATI Region codes and
// the UN subregions (as `world-countries` names them) they are made of. Read by regions.ts.
export interface RegionDefinition {
  /** The name Tacit shows (English). */
  name: string;
  /** Other names projects use for it, in any of the three languages. */
  aliases: string[];
  /** IATI Region codes (vocabulary 1) that mean this region. */
  iati: string[];
  /** UN subregions (as world-countries names them) it is made of. */
  subregions: string[];
  /** Countries beyond (or instead of) whole subregions. */
  plus?: string[];
}

const LATIN_CARIBBEAN = ['CU', 'DO', 'HT', 'PR'];

export const DEFINITIONS: RegionDefinition[] = [
  {
    name: 'Latin America and the Caribbean',
    aliases: ['América Latina y el Caribe', 'Amérique latine et Caraïbes', 'LAC'],
    iati: [],
    subregions: ['South America', 'Central America', 'Caribbean'],
    plus: ['MX'],
  },
  {
    name: 'Latin America',
    aliases: ['América Latina', 'Latinoamérica', 'Amérique latine'],
    iati: [],
    subregions: ['South America', 'Central America'],
    plus: ['MX', ...LATIN_CARIBBEAN],
  },
  {
    name: 'Central America',
    aliases: ['América Central', 'Centroamérica', 'Amérique centrale'],
    iati: ['1032'],
    subregions: ['Central America'],
  },
  {
    name: 'South America',
    aliases: ['América del Sur', 'Sudamérica', 'Amérique du Sud'],
    iati: ['489'],
    subregions: ['South America'],
  },
  {
    name: 'North America',
    aliases: ['América del Norte', 'Amérique du Nord'],
    iati: [],
    subregions: ['North America'],
  },
  {
    name: 'Caribbean',
    aliases: ['Caribe', 'Caraïbes', 'West Indies'],
    iati: ['1031', '380'],
    subregions: ['Caribbean'],
  },
  {
    name: 'Caribbean and Central America',
    aliases: ['Caribbean & Central America'],
    iati: ['389'],
    subregions: ['Caribbean', 'Central America'],
  },
  {
    name: 'America',
    aliases: ['Americas', 'Américas', 'Amériques'],
    iati: ['498'],
    subregions: ['South America', 'Central America', 'Caribbean', 'North America'],
  },
  {
    name: 'Andean region',
    aliases: ['Región Andina', 'Région andine'],
    iati: [],
    subregions: [],
    plus: ['BO', 'CO', 'EC', 'PE', 'VE'],
  },
  {
    name: 'Southern Cone',
    aliases: ['Cono Sur', 'Cône Sud'],
    iati: [],
    subregions: [],
    plus: ['AR', 'BR', 'CL', 'PY', 'UY'],
  },
  {
    name: 'West Africa',
    aliases: ['Western Africa', 'África Occidental', "Afrique de l'Ouest", 'Afrique de l’Ouest'],
    iati: ['1030'],
    subregions: ['Western Africa'],
  },
  {
    name: 'East Africa',
    aliases: ['Eastern Africa', 'África Oriental', "Afrique de l'Est", 'Afrique de l’Est'],
    iati: ['1027'],
    subregions: ['Eastern Africa'],
  },
  {
    name: 'Central Africa',
    aliases: ['Middle Africa', 'África Central', 'Afrique centrale'],
    iati: ['1028'],
    subregions: ['Middle Africa'],
  },
  {
    name: 'Southern Africa',
    aliases: ['África Austral', 'Afrique australe'],
    iati: ['1029'],
    subregions: ['Southern Africa'],
  },
  {
    name: 'North Africa',
    aliases: ['Northern Africa', 'North of Sahara', 'África del Norte', 'Afrique du Nord'],
    iati: ['189'],
    subregions: ['Northern Africa'],
  },
  {
    name: 'Sub-Saharan Africa',
    aliases: ['South of Sahara', 'África Subsahariana', 'Afrique subsaharienne'],
    iati: ['289'],
    subregions: ['Western Africa', 'Eastern Africa', 'Middle Africa', 'Southern Africa'],
  },
  {
    name: 'Africa',
    aliases: ['África', 'Afrique'],
    iati: ['298'],
    subregions: ['Western Africa', 'Eastern Africa', 'Middle Africa', 'Southern Africa', 'Northern Africa'],
  },
  { name: 'Sahel', aliases: [], iati: [], subregions: [], plus: ['BF', 'ML', 'MR', 'NE', 'TD'] },
  {
    name: 'Horn of Africa',
    aliases: ['Cuerno de África', 'Corne de l’Afrique'],
    iati: [],
    subregions: [],
    plus: ['DJ', 'ER', 'ET', 'SO'],
  },
  {
    name: 'Middle East',
    aliases: ['Oriente Medio', 'Medio Oriente', 'Moyen-Orient'],
    iati: ['589'],
    subregions: [],
    plus: ['BH', 'EG', 'IR', 'IQ', 'IL', 'JO', 'KW', 'LB', 'OM', 'PS', 'QA', 'SA', 'SY', 'TR', 'AE', 'YE'],
  },
  {
    name: 'Gulf',
    aliases: ['Golfo', 'Golfe'],
    iati: [],
    subregions: [],
    plus: ['BH', 'KW', 'OM', 'QA', 'SA', 'AE'],
  },
  {
    name: 'Central Asia',
    aliases: ['Asia Central', 'Asie centrale'],
    iati: ['619'],
    subregions: ['Central Asia'],
  },
  {
    name: 'South Asia',
    aliases: ['Southern Asia', 'Asia del Sur', 'Asie du Sud'],
    iati: ['679'],
    subregions: ['Southern Asia'],
  },
  {
    name: 'South and Central Asia',
    aliases: ['South & Central Asia'],
    iati: ['689'],
    subregions: ['Southern Asia', 'Central Asia'],
  },
  {
    name: 'South-East Asia',
    aliases: ['South East Asia', 'Southeast Asia', 'Sudeste Asiático', 'Asie du Sud-Est'],
    iati: [],
    subregions: ['South-Eastern Asia'],
  },
  {
    name: 'East Asia',
    aliases: ['Eastern Asia', 'Asia Oriental', "Asie de l'Est"],
    iati: [],
    subregions: ['Eastern Asia'],
  },
  { name: 'Far East Asia', aliases: [], iati: ['789'], subregions: ['Eastern Asia', 'South-Eastern Asia'] },
  {
    name: 'Asia',
    aliases: ['Asie'],
    iati: ['798'],
    subregions: ['Central Asia', 'Southern Asia', 'South-Eastern Asia', 'Eastern Asia', 'Western Asia'],
  },
  {
    name: 'Europe',
    aliases: ['Europa'],
    iati: ['89'],
    subregions: [
      'Northern Europe',
      'Southeast Europe',
      'Southern Europe',
      'Central Europe',
      'Western Europe',
      'Eastern Europe',
    ],
  },
  {
    name: 'Eastern Europe',
    aliases: ['Europa del Este', "Europe de l'Est"],
    iati: [],
    subregions: ['Eastern Europe'],
  },
  {
    name: 'Central and Eastern Europe',
    aliases: ['Europa Central y Oriental', 'Europe centrale et orientale'],
    iati: [],
    subregions: ['Central Europe', 'Eastern Europe', 'Southeast Europe'],
    plus: ['EE', 'LV', 'LT'],
  },
  {
    name: 'Western Balkans',
    aliases: ['Balcanes Occidentales', 'Balkans occidentaux'],
    iati: [],
    subregions: [],
    plus: ['AL', 'BA', 'XK', 'ME', 'MK', 'RS'],
  },
  {
    name: 'Balkans',
    aliases: ['Balcanes'],
    iati: [],
    subregions: [],
    plus: ['AL', 'BA', 'BG', 'HR', 'XK', 'ME', 'MK', 'RO', 'RS'],
  },
  {
    name: 'States Ex-Yugoslavia',
    aliases: [],
    iati: ['88'],
    subregions: [],
    plus: ['BA', 'HR', 'XK', 'ME', 'MK', 'RS', 'SI'],
  },
  {
    name: 'Pacific',
    aliases: ['Pacífico', 'Pacifique'],
    iati: [],
    subregions: ['Melanesia', 'Micronesia', 'Polynesia'],
  },
  {
    name: 'Oceania',
    aliases: ['Océanie'],
    iati: ['889'],
    subregions: ['Melanesia', 'Micronesia', 'Polynesia', 'Australia and New Zealand'],
  },
  { name: 'Melanesia', aliases: ['Mélanésie'], iati: ['1033'], subregions: ['Melanesia'] },
  { name: 'Micronesia', aliases: ['Micronésie'], iati: ['1034'], subregions: ['Micronesia'] },
  { name: 'Polynesia', aliases: ['Polinesia', 'Polynésie'], iati: ['1035'], subregions: ['Polynesia'] },
];
