// A shipped gazetteer of international bodies working on crime, justice, security and development,
// with their acronyms and the names Spanish and French texts use. Kept as data: the registry and
// its aliases come first at run time; this list lets a fresh installation recognise the bodies a
// document of this family names. Names a text writes in capitals are matched regardless of case.
import type { KnownOrganisation } from '../recognise/organisations.ts';
import { PROGRAMME_NETWORK } from './gazetteer-institutes.ts';
import { MISSIONS_AND_FUNDS } from './gazetteer-missions.ts';

// The organisations every Tacit network meets; the database registry grows from here.
export const KNOWN_ORGANISATIONS: KnownOrganisation[] = [
  { name: 'National Crime Agency', acronym: 'NCA', type: 'donor' },
  {
    name: 'Foreign and Commonwealth Office',
    acronym: 'FCO',
    aliases: ['Foreign & Commonwealth Office', 'Foreign Office'],
    type: 'donor',
  },
  {
    name: 'Foreign, Commonwealth and Development Office',
    acronym: 'FCDO',
    aliases: ['Foreign, Commonwealth & Development Office'],
    type: 'donor',
  },
  { name: 'Crown Prosecution Service', acronym: 'CPS', type: 'donor' },
  { name: 'Home Office', type: 'donor' },
  { name: 'Department for International Development', acronym: 'DFID', type: 'donor' },
  { name: 'Conflict, Stability and Security Fund', acronym: 'CSSF', type: 'donor' },
  { name: 'Global Affairs Canada', acronym: 'GAC', type: 'donor' },
  { name: 'Canadian International Development Agency', acronym: 'CIDA', type: 'donor' },
  { name: 'United States Agency for International Development', acronym: 'USAID', type: 'donor' },
  { name: 'Bureau of International Narcotics and Law Enforcement Affairs', acronym: 'INL', type: 'donor' },
  { name: 'Deutsche Gesellschaft für Internationale Zusammenarbeit', acronym: 'GIZ', type: 'donor' },
  {
    name: 'United Nations Office on Drugs and Crime',
    acronym: 'UNODC',
    aliases: [
      'Office des Nations Unies contre la drogue et le crime',
      'Oficina de las Naciones Unidas contra la Droga y el Delito',
      'ONUDD',
      'ONUDC',
    ],
    type: 'multilateral',
  },
  { name: 'United Nations Development Programme', acronym: 'UNDP', aliases: ['PNUD'], type: 'multilateral' },
  {
    name: 'United Nations Interregional Crime and Justice Research Institute',
    acronym: 'UNICRI',
    type: 'research',
  },
  {
    name: 'International Organization for Migration',
    acronym: 'IOM',
    aliases: ['International Organisation for Migration', 'OIM'],
    type: 'multilateral',
  },
  {
    name: 'European Union',
    acronym: 'EU',
    aliases: ['Unión Europea', 'Union européenne', 'UE'],
    type: 'donor',
  },
  { name: 'European Commission', acronym: 'EC', type: 'donor' },
  {
    name: 'INTERPOL',
    aliases: ['International Criminal Police Organization', 'Interpol'],
    type: 'multilateral',
  },
  {
    name: 'Europol',
    aliases: ['European Union Agency for Law Enforcement Cooperation'],
    type: 'multilateral',
  },
  { name: 'Transparency International', type: 'ngo' },
  {
    name: 'World Customs Organization',
    acronym: 'WCO',
    aliases: ['World Customs Organisation'],
    type: 'multilateral',
  },
  { name: 'World Bank', type: 'multilateral' },
  {
    name: 'Organisation for Economic Co-operation and Development',
    acronym: 'OECD',
    aliases: ['Organization for Economic Cooperation and Development', 'OCDE'],
    type: 'multilateral',
  },
  { name: 'Organization for Security and Co-operation in Europe', acronym: 'OSCE', type: 'multilateral' },
  {
    name: 'Organization of American States',
    acronym: 'OAS',
    aliases: ['OEA', 'Organización de los Estados Americanos', 'Organisation des États américains'],
    type: 'regional',
  },
  { name: 'African Union', acronym: 'AU', type: 'regional' },
  {
    name: 'Economic Community of West African States',
    acronym: 'ECOWAS',
    aliases: ['CEDEAO'],
    type: 'regional',
  },
  {
    name: 'Central American Integration System',
    acronym: 'SICA',
    aliases: ['Sistema de la Integración Centroamericana'],
    type: 'regional',
  },
  {
    name: 'Central American and Caribbean Council of Public Prosecutors',
    acronym: 'CCCMP',
    aliases: ['Consejo Centroamericano y del Caribe de Ministerios Públicos'],
    type: 'recipient',
  },
  {
    name: 'European Institute for Crime Prevention and Control, affiliated with the United Nations',
    acronym: 'HEUNI',
    type: 'research',
  },
  {
    name: 'International Centre for the Prevention of Crime',
    acronym: 'ICPC',
    aliases: ['Centre international pour la prévention de la criminalité'],
    type: 'research',
  },
  {
    name: 'International Centre for Criminal Law Reform and Criminal Justice Policy',
    acronym: 'ICCLR',
    type: 'research',
  },
  { name: 'Institute for Security Studies', acronym: 'ISS', type: 'research' },
];

export const GAZETTEER: KnownOrganisation[] = [
  { name: 'United Nations Office for Project Services', acronym: 'UNOPS', type: 'multilateral' },
  {
    name: 'United Nations Children’s Fund',
    acronym: 'UNICEF',
    aliases: [
      "United Nations Children's Fund",
      'Fondo de las Naciones Unidas para la Infancia',
      'Fonds des Nations Unies pour l’enfance',
    ],
    type: 'multilateral',
  },
  {
    name: 'UN Women',
    aliases: [
      'United Nations Entity for Gender Equality and the Empowerment of Women',
      'ONU Mujeres',
      'ONU Femmes',
    ],
    type: 'multilateral',
  },
  { name: 'United Nations Evaluation Group', acronym: 'UNEG', type: 'multilateral' },
  {
    name: 'Commission on Narcotic Drugs',
    acronym: 'CND',
    aliases: ['Comisión de Estupefacientes', 'Commission des stupéfiants'],
    type: 'multilateral',
  },
  {
    name: 'Economic and Social Council',
    acronym: 'ECOSOC',
    aliases: ['Consejo Económico y Social', 'Conseil économique et social'],
    type: 'multilateral',
  },
  {
    name: 'Commission on Crime Prevention and Criminal Justice',
    acronym: 'CCPCJ',
    aliases: [
      'Comisión de Prevención del Delito y Justicia Penal',
      'Commission pour la prévention du crime et la justice pénale',
    ],
    type: 'multilateral',
  },
  {
    name: 'United Nations Interregional Crime and Justice Research Institute',
    acronym: 'UNICRI',
    aliases: [
      'Instituto Interregional de las Naciones Unidas para Investigaciones sobre la Delincuencia y la Justicia',
      'Institut interrégional de recherche des Nations Unies sur la criminalité et la justice',
    ],
    type: 'research',
  },
  {
    name: 'Peacebuilding Fund',
    acronym: 'PBF',
    aliases: ['Fonds pour la consolidation de la paix', 'Fondo para la Consolidación de la Paz'],
    type: 'donor',
  },
  { name: 'Peacebuilding Support Office', acronym: 'PBSO', type: 'multilateral' },
  { name: 'United Nations Mission in Liberia', acronym: 'UNMIL', type: 'multilateral' },
  {
    name: 'Office of the United Nations High Commissioner for Human Rights',
    acronym: 'OHCHR',
    aliases: ['HCDH', 'ACNUDH'],
    type: 'multilateral',
  },
  {
    name: 'United Nations High Commissioner for Refugees',
    acronym: 'UNHCR',
    aliases: ['HCR', 'ACNUR'],
    type: 'multilateral',
  },
  { name: 'United Nations Population Fund', acronym: 'UNFPA', type: 'multilateral' },
  {
    name: 'Council of Europe',
    aliases: ["Conseil de l'Europe", 'Conseil de l’Europe', 'Consejo de Europa'],
    type: 'regional',
  },
  {
    name: 'European Committee on Crime Problems',
    acronym: 'CDPC',
    aliases: ['Comité européen pour les problèmes criminels', 'Comité Europeo para los Problemas Criminales'],
    type: 'regional',
  },
  {
    name: 'Committee of Experts on the Operation of European Conventions on Co-operation in Criminal Matters',
    acronym: 'PC-OC',
    type: 'regional',
  },
  { name: 'Pompidou Group', aliases: ['Groupe Pompidou', 'Grupo Pompidou'], type: 'regional' },
  {
    name: 'European Public Prosecutor’s Office',
    acronym: 'EPPO',
    aliases: ["European Public Prosecutor's Office", 'Parquet européen', 'Fiscalía Europea'],
    type: 'regional',
  },
  { name: 'Eurojust', type: 'regional' },
  {
    name: 'Inter-American Drug Abuse Control Commission',
    acronym: 'CICAD',
    aliases: [
      'Comisión Interamericana para el Control del Abuso de Drogas',
      "Commission interaméricaine de lutte contre l'abus des drogues",
    ],
    type: 'regional',
  },
  {
    name: 'Meetings of Ministers of Justice or Other Ministers or Attorneys General of the Americas',
    acronym: 'REMJA',
    type: 'regional',
  },
  {
    name: 'Association for the Prevention of Torture',
    acronym: 'APT',
    aliases: ['Association pour la Prévention de la Torture', 'Asociación para la Prevención de la Tortura'],
    type: 'ngo',
  },
  {
    name: 'Global Initiative Against Transnational Organized Crime',
    acronym: 'GI-TOC',
    aliases: ['Global Initiative against Transnational Organized Crime'],
    type: 'ngo',
  },
  { name: 'Wilton Park', type: 'research' },
  { name: 'Save the Children', type: 'ngo' },
  {
    name: 'Action Against Hunger',
    aliases: ['Action contre la Faim', 'Acción contra el Hambre'],
    type: 'ngo',
  },
  { name: 'Oxford Policy Management', acronym: 'OPM', type: 'research' },
  {
    name: 'International Committee of the Red Cross',
    acronym: 'ICRC',
    aliases: ['CICR', 'Comité international de la Croix-Rouge', 'Comité Internacional de la Cruz Roja'],
    type: 'ngo',
  },
  { name: 'Belgian Development Agency', acronym: 'Enabel', type: 'donor' },
  { name: 'Agence Française de Développement', acronym: 'AFD', type: 'donor' },
  { name: 'Spanish Agency for International Development Cooperation', acronym: 'AECID', type: 'donor' },
  {
    name: 'Inter-American Development Bank',
    acronym: 'IDB',
    aliases: ['Banco Interamericano de Desarrollo', 'BID'],
    type: 'multilateral',
  },
  { name: 'Financial Action Task Force', acronym: 'FATF', aliases: ['GAFI'], type: 'multilateral' },
  {
    name: 'International Narcotics Control Board',
    acronym: 'INCB',
    aliases: ['JIFE', 'OICS'],
    type: 'multilateral',
  },
  { name: 'United Nations Office for West Africa and the Sahel', acronym: 'UNOWAS', type: 'multilateral' },
  { name: 'Group of States against Corruption', acronym: 'GRECO', type: 'regional' },
  { name: 'European Union Agency for Criminal Justice Cooperation', type: 'regional' },
  {
    name: 'Delegation of the European Union',
    aliases: [
      'Délégation de l’Union Européenne',
      "Délégation de l'Union européenne",
      'Delegación de la Unión Europea',
    ],
    type: 'donor',
  },
  ...PROGRAMME_NETWORK,
  ...MISSIONS_AND_FUNDS,
];
