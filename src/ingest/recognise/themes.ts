// Themes (slugs of reference/themes.json) from the words a text uses for them, in English,
// Spanish and French. A theme counts when one of its terms occurs; the first occurrence is its
// provenance and the number of occurrences its weight.
import { vocabularies } from '../../reference/vocabularies.ts';
import type { Span } from '../text-model.ts';
import { allMatches } from './regex.ts';

const TERMS: Record<string, string[]> = {
  'organised-crime': [
    'organi[sz]ed crime',
    'organi[sz]ed criminal',
    'criminal networks?',
    'criminal groups?',
    'crimen organizado',
    'delincuencia organizada',
    'criminalité organisée',
    'crime organisé',
    'transnational crime',
    '\\bSOC\\b',
  ],
  'drug-trafficking': [
    'drug[- ]trafficking',
    'drug[- ]traffickers?',
    'narcotics?',
    'cocaine',
    'counter[- ]narcotics',
    'tráfico de drogas',
    'narcotráfico',
    'trafic de drogues',
    'stupéfiants',
  ],
  corruption: [
    'corruption',
    'anti-corruption',
    'integrity',
    'bribery',
    'vetting',
    'corrupción',
    'integridad',
    'intégrité',
  ],
  'money-laundering': [
    'money[- ]laundering',
    'asset recovery',
    'financial investigations?',
    'criminal financ\\w*',
    'illicit financ\\w*',
    'lavado de (?:activos|dinero)',
    'blanchiment',
  ],
  'human-trafficking': [
    'human trafficking',
    'trafficking in persons',
    'trafficking of persons',
    'trata de personas',
    'traite des (?:personnes|êtres humains)',
  ],
  'migrant-smuggling': [
    'migrant smuggling',
    'smuggling of migrants',
    'trafficking in migrants',
    'migrant trafficking',
    'organised immigration crime',
    'tráfico ilícito de migrantes',
    'trafic illicite de migrants',
  ],
  'border-security': [
    'border security',
    'border management',
    'border control',
    'border areas?',
    'frontline officers',
    'seguridad fronteriza',
    'sécurité des frontières',
    'customs',
  ],
  terrorism: ['terroris[mt]\\w*', 'violent extremism', 'terrorismo', 'terrorisme'],
  cybercrime: [
    'cyber[- ]?crime',
    'cybercriminal\\w*',
    'ciberdelito',
    'ciberdelincuencia',
    'cybercriminalité',
  ],
  firearms: ['firearms?', 'small arms', 'armas de fuego', 'armes à feu'],
  policing: ['police', 'policing', 'law enforcement', 'policía', 'policial'],
  intelligence: ['intelligence', 'inteligencia', 'renseignement'],
  forensics: ['forensics?', 'DNA evidence', 'forense', 'criminalistique', 'médico-légal'],
  prosecution: [
    'prosecut\\w+',
    'prosecutors?',
    'fiscal[ií]a',
    'fiscales?',
    'ministerio público',
    'parquet',
    'procureurs?',
  ],
  judiciary: [
    'judiciary',
    'judges?',
    'judicial',
    'courts?',
    'poder judicial',
    'jueces',
    'tribunal(?:es)?',
    'magistrature',
    'juges',
  ],
  prisons: ['prisons?', 'correctional', 'non-custodial', 'penitentiar\\w+', 'cárcel(?:es)?', 'prisiones'],
  'access-to-justice': [
    'access to justice',
    'legal aid',
    'acceso a la justicia',
    'accès à la justice',
    'aide juridique',
  ],
  'crime-prevention': [
    'crime prevention',
    'prevention of crime',
    'prevent(?:ing)? crime',
    'community safety',
    'prevención del delito',
    'prévention du crime',
    'prévention de la criminalité',
  ],
  victims: ['victims?', 'witness(?:es)?', 'víctimas?', 'victimes?'],
  'juvenile-justice': [
    'juvenile justice',
    'children in conflict with the law',
    'justicia juvenil',
    'justice pour mineurs',
  ],
  'gender-human-rights': [
    'human rights',
    'gender',
    'women',
    'derechos humanos',
    'género',
    'droits (?:de l.homme|humains)',
  ],
  'legal-reform': [
    'legal reform',
    'law reform',
    'legislative reform',
    'legislation',
    'reforma legal',
    'réforme juridique',
  ],
  'international-cooperation': [
    'international cooperation',
    'international co-operation',
    'mutual legal assistance',
    'extradition',
    'regional cooperation',
    'cooperación internacional',
    'coopération internationale',
  ],
  'civil-society': ['civil society', 'sociedad civil', 'société civile', 'NGOs?'],
};

export interface ThemeMention extends Span {
  slug: string;
  count: number;
}

const patterns = Object.entries(TERMS).map(
  ([slug, terms]) => [slug, new RegExp(`(?<![\\p{L}])(?:${terms.join('|')})(?![\\p{L}])`, 'giu')] as const,
);

/** Themes found in `text`, most mentioned first. */
export function findThemes(text: string, base = 0): ThemeMention[] {
  const found: ThemeMention[] = [];
  for (const [slug, pattern] of patterns) {
    if (!vocabularies.isTheme(slug)) continue;
    let first: RegExpMatchArray | undefined;
    let count = 0;
    for (const m of allMatches(pattern, text)) {
      first ??= m;
      count++;
    }
    if (first)
      found.push({ slug, count, start: base + first.index!, end: base + first.index! + first[0].length });
  }
  return found.sort((a, b) => b.count - a.count);
}
