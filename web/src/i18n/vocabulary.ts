// The controlled vocabularies' values the API gives in English (region names, risk ratings, audit
// actions, the DAC purpose codes of the themes), named in Spanish and French. The unit test
// (test/i18n.unit.test.ts) fails when a value the server knows has no name here.
type Names = { es: string; fr: string };

export const REGION_NAMES: Record<string, Names> = {
  'Latin America and the Caribbean': { es: 'América Latina y el Caribe', fr: 'Amérique latine et Caraïbes' },
  'Latin America': { es: 'América Latina', fr: 'Amérique latine' },
  'Central America': { es: 'América Central', fr: 'Amérique centrale' },
  'South America': { es: 'América del Sur', fr: 'Amérique du Sud' },
  'North America': { es: 'América del Norte', fr: 'Amérique du Nord' },
  Caribbean: { es: 'Caribe', fr: 'Caraïbes' },
  'Caribbean and Central America': { es: 'Caribe y América Central', fr: 'Caraïbes et Amérique centrale' },
  America: { es: 'América', fr: 'Amérique' },
  'Andean region': { es: 'Región andina', fr: 'Région andine' },
  'Southern Cone': { es: 'Cono Sur', fr: 'Cône Sud' },
  'West Africa': { es: 'África Occidental', fr: 'Afrique de l’Ouest' },
  'East Africa': { es: 'África Oriental', fr: 'Afrique de l’Est' },
  'Central Africa': { es: 'África Central', fr: 'Afrique centrale' },
  'Southern Africa': { es: 'África Austral', fr: 'Afrique australe' },
  'North Africa': { es: 'África del Norte', fr: 'Afrique du Nord' },
  'Sub-Saharan Africa': { es: 'África Subsahariana', fr: 'Afrique subsaharienne' },
  Africa: { es: 'África', fr: 'Afrique' },
  Sahel: { es: 'Sahel', fr: 'Sahel' },
  'Horn of Africa': { es: 'Cuerno de África', fr: 'Corne de l’Afrique' },
  'Middle East': { es: 'Oriente Medio', fr: 'Moyen-Orient' },
  Gulf: { es: 'Golfo', fr: 'Golfe' },
  'Central Asia': { es: 'Asia Central', fr: 'Asie centrale' },
  'South Asia': { es: 'Asia Meridional', fr: 'Asie du Sud' },
  'South and Central Asia': { es: 'Asia Meridional y Central', fr: 'Asie du Sud et centrale' },
  'South-East Asia': { es: 'Sudeste Asiático', fr: 'Asie du Sud-Est' },
  'East Asia': { es: 'Asia Oriental', fr: 'Asie de l’Est' },
  'Far East Asia': { es: 'Lejano Oriente', fr: 'Extrême-Orient' },
  Asia: { es: 'Asia', fr: 'Asie' },
  Europe: { es: 'Europa', fr: 'Europe' },
  'Eastern Europe': { es: 'Europa del Este', fr: 'Europe de l’Est' },
  'Central and Eastern Europe': { es: 'Europa Central y del Este', fr: 'Europe centrale et orientale' },
  'Western Balkans': { es: 'Balcanes Occidentales', fr: 'Balkans occidentaux' },
  Balkans: { es: 'Balcanes', fr: 'Balkans' },
  'States Ex-Yugoslavia': { es: 'Estados de la antigua Yugoslavia', fr: 'États de l’ex-Yougoslavie' },
  Pacific: { es: 'Pacífico', fr: 'Pacifique' },
  Oceania: { es: 'Oceanía', fr: 'Océanie' },
  Melanesia: { es: 'Melanesia', fr: 'Mélanésie' },
  Micronesia: { es: 'Micronesia', fr: 'Micronésie' },
  Polynesia: { es: 'Polinesia', fr: 'Polynésie' },
};

export const RISK_NAMES: Record<string, Names> = {
  Low: { es: 'Bajo', fr: 'Faible' },
  Medium: { es: 'Medio', fr: 'Moyen' },
  High: { es: 'Alto', fr: 'Élevé' },
  Minor: { es: 'Menor', fr: 'Mineur' },
  Moderate: { es: 'Moderado', fr: 'Modéré' },
  Major: { es: 'Mayor', fr: 'Majeur' },
  Severe: { es: 'Grave', fr: 'Sévère' },
};

export const AUDIT_ACTION_NAMES: Record<string, Names & { en: string }> = {
  create: { en: 'create', es: 'creación', fr: 'création' },
  update: { en: 'update', es: 'modificación', fr: 'modification' },
  delete: { en: 'delete', es: 'eliminación', fr: 'suppression' },
  restore: { en: 'restore', es: 'restauración', fr: 'restauration' },
  purge: { en: 'purge', es: 'purga', fr: 'purge définitive' },
  confirm: { en: 'confirm', es: 'confirmación', fr: 'confirmation' },
  import: { en: 'import', es: 'importación', fr: 'importation' },
  login: { en: 'sign-in', es: 'inicio de sesión', fr: 'connexion' },
  login_failed: { en: 'failed sign-in', es: 'inicio de sesión fallido', fr: 'connexion échouée' },
  lockout: { en: 'account locked', es: 'cuenta bloqueada', fr: 'compte verrouillé' },
  read: { en: 'read', es: 'lectura', fr: 'lecture' },
  export: { en: 'export', es: 'exportación', fr: 'exportation' },
  share: { en: 'sharing', es: 'cambio de uso compartido', fr: 'modification du partage' },
  merge: { en: 'merge', es: 'fusión', fr: 'fusion' },
  unmerge: { en: 'merge undone', es: 'fusión deshecha', fr: 'fusion annulée' },
  created: { en: 'created', es: 'creado', fr: 'créé' },
  updated: { en: 'updated', es: 'modificado', fr: 'modifié' },
  deny: { en: 'denied', es: 'denegado', fr: 'refusé' },
};

/** The DAC CRS purpose codes the themes map to (reference/themes.json). Others keep their English name. */
export const DAC_NAMES: Record<string, Names> = {
  '15113': {
    es: 'Organizaciones e instituciones de lucha contra la corrupción',
    fr: 'Organisations et institutions de lutte contre la corruption',
  },
  '15130': { es: 'Desarrollo legal y judicial', fr: 'Développement juridique et judiciaire' },
  '15131': { es: 'Política de justicia, ley y orden', fr: 'Politique de la justice, du droit et de l’ordre' },
  '15132': { es: 'Policía', fr: 'Police' },
  '15134': { es: 'Asuntos judiciales', fr: 'Affaires judiciaires' },
  '15136': { es: 'Inmigración', fr: 'Immigration' },
  '15137': { es: 'Prisiones', fr: 'Prisons' },
  '15160': { es: 'Derechos humanos', fr: 'Droits de la personne' },
  '15180': {
    es: 'Eliminación de la violencia contra las mujeres y las niñas',
    fr: 'Lutte contre la violence à l’égard des femmes et des filles',
  },
  '15190': {
    es: 'Facilitación de una migración ordenada, segura, regular y responsable',
    fr: 'Faciliter une migration ordonnée, sûre, régulière et responsable',
  },
  '15210': {
    es: 'Gestión y reforma de los sistemas de seguridad',
    fr: 'Gestion et réforme du système de sécurité',
  },
  '15220': { es: 'Construcción de la paz civil', fr: 'Consolidation de la paix civile' },
  '16063': { es: 'Control de narcóticos', fr: 'Lutte contre les stupéfiants' },
};

/** A vocabulary value in the language, else as the API gave it. */
export function vocabularyName(
  table: Record<string, Names & { en?: string }>,
  value: string,
  lang: 'en' | 'es' | 'fr',
): string {
  const names = table[value];
  if (!names) return value;
  return lang === 'en' ? (names.en ?? value) : names[lang];
}
