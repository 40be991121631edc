// Regions by their English name, with the names Spanish and French texts use. Kept as data.
export const REGIONS: Record<string, string[]> = {
  // UK summary sheets' name for a programme covering several countries.
  'Multiple/Regional': ['Multiple/Regional'],
  'Central America': ['Central America', 'Centroamérica', 'América Central', 'Amérique centrale'],
  'Latin America': ['Latin America', 'América Latina', 'Amérique latine'],
  'Latin America and the Caribbean': [
    'Latin America and the Caribbean',
    'América Latina y el Caribe',
    'Amérique latine et Caraïbes',
  ],
  Caribbean: ['Caribbean', 'Caribe', 'Caraïbes'],
  'South America': ['South America', 'América del Sur', 'Sudamérica', 'Amérique du Sud'],
  'West Africa': [
    'West Africa',
    'Western Africa',
    "Afrique de l'Ouest",
    'Afrique de l’Ouest',
    'África Occidental',
    'África del Oeste',
  ],
  'East Africa': ['East Africa', "Afrique de l'Est", 'Afrique de l’Est', 'África Oriental'],
  'Central Africa': ['Central Africa', 'Afrique centrale', 'África Central'],
  'North Africa': ['North Africa', 'Afrique du Nord', 'África del Norte'],
  'Southern Africa': ['Southern Africa', 'Afrique australe', 'África Austral'],
  Sahel: ['Sahel'],
  Africa: ['Africa', 'Afrique', 'África'],
  'Western Balkans': ['Western Balkans', 'Balkans occidentaux', 'Balcanes Occidentales'],
  'Central Asia': ['Central Asia', 'Asie centrale', 'Asia Central'],
  'South-East Asia': ['South-East Asia', 'Southeast Asia', 'Asie du Sud-Est', 'Sudeste Asiático'],
  'Middle East': ['Middle East', 'Moyen-Orient', 'Oriente Medio'],
  'Eastern Europe': ['Eastern Europe', "Europe de l'Est", 'Europa del Este'],
};
