// The institutes of the United Nations crime prevention and criminal justice programme network and
// the research bodies UN congress and commission papers thank or cite, with the names Spanish and
// French texts give them (which French writes mostly in lower case, so that no pattern finds them).
// Kept as data beside the main gazetteer.
import type { KnownOrganisation } from '../recognise/organisations.ts';

export const PROGRAMME_NETWORK: KnownOrganisation[] = [
  {
    name: 'United Nations Asia and Far East Institute for the Prevention of Crime and the Treatment of Offenders',
    acronym: 'UNAFEI',
    aliases: [
      "Institut des Nations Unies pour l'Asie et l'Extrême-Orient pour la prévention du crime et le traitement des délinquants",
      'Instituto de Asia y el Lejano Oriente para la Prevención del Delito y el Tratamiento del Delincuente',
    ],
    type: 'research',
  },
  {
    name: 'United Nations Latin American Institute for the Prevention of Crime and the Treatment of Offenders',
    acronym: 'ILANUD',
    aliases: [
      'Instituto Latinoamericano de las Naciones Unidas para la Prevención del Delito y el Tratamiento del Delincuente',
      'Institut latino-américain des Nations Unies pour la prévention du crime et le traitement des délinquants',
    ],
    type: 'research',
  },
  {
    name: 'United Nations African Institute for the Prevention of Crime and the Treatment of Offenders',
    acronym: 'UNAFRI',
    aliases: [
      'Institut africain des Nations Unies pour la prévention du crime et le traitement des délinquants',
      'Instituto Africano de las Naciones Unidas para la Prevención del Delito y el Tratamiento del Delincuente',
    ],
    type: 'research',
  },
  {
    name: 'International Institute of Higher Studies in Criminal Sciences',
    acronym: 'ISISC',
    aliases: [
      'Institut international des hautes études en sciences criminelles',
      'Instituto Superior Internacional de Ciencias Criminales',
      'Siracusa International Institute for Criminal Justice and Human Rights',
    ],
    type: 'research',
  },
  {
    name: 'Australian Institute of Criminology',
    aliases: ['Institut australien de criminologie', 'Instituto Australiano de Criminología'],
    type: 'research',
  },
  {
    name: 'Korean Institute of Criminology',
    aliases: ['Institut coréen de criminologie', 'Instituto de Criminología de Corea'],
    type: 'research',
  },
  {
    name: 'Raoul Wallenberg Institute of Human Rights and Humanitarian Law',
    aliases: [
      "Institut Raoul Wallenberg des droits de l'homme et du droit humanitaire",
      'Instituto Raoul Wallenberg de Derechos Humanos y Derecho Humanitario',
    ],
    type: 'research',
  },
  {
    name: 'International Scientific and Professional Advisory Council',
    acronym: 'ISPAC',
    aliases: [
      'Conseil consultatif scientifique et professionnel international',
      'Consejo Consultivo Científico y Profesional Internacional',
    ],
    type: 'research',
  },
  {
    name: 'Naif Arab University for Security Sciences',
    acronym: 'NAUSS',
    aliases: [
      'Université arabe Naïf des sciences de sécurité',
      'Universidad Árabe Naif de Ciencias de Seguridad',
    ],
    type: 'research',
  },
  {
    name: 'Basel Institute on Governance',
    aliases: ['Institut de Bâle sur la gouvernance'],
    type: 'research',
  },
];
