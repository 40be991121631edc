// United Nations peace operations and political missions (which record pages and reports name by
// acronym only: "Joint with MPTF, MINUSCA"), pooled funds, and bilateral agencies under their
// earlier names. Kept as data beside the main gazetteer.
import type { KnownOrganisation } from '../recognise/organisations.ts';

const mission = (acronym: string, name: string, aliases: string[] = []): KnownOrganisation => ({
  name,
  acronym,
  ...(aliases.length ? { aliases } : {}),
  type: 'multilateral',
});

export const MISSIONS_AND_FUNDS: KnownOrganisation[] = [
  mission(
    'MINUSCA',
    'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
  ),
  mission('MINUSMA', 'United Nations Multidimensional Integrated Stabilization Mission in Mali'),
  mission(
    'MONUSCO',
    'United Nations Organization Stabilization Mission in the Democratic Republic of the Congo',
  ),
  mission('MINUSTAH', 'United Nations Stabilization Mission in Haiti'),
  mission('MINUJUSTH', 'United Nations Mission for Justice Support in Haiti'),
  mission('BINUH', 'United Nations Integrated Office in Haiti'),
  mission('UNMISS', 'United Nations Mission in South Sudan'),
  mission('UNAMA', 'United Nations Assistance Mission in Afghanistan'),
  mission('UNAMI', 'United Nations Assistance Mission for Iraq'),
  mission('UNSMIL', 'United Nations Support Mission in Libya'),
  mission('UNMIL', 'United Nations Mission in Liberia'),
  mission('UNOCI', 'United Nations Operation in Côte d’Ivoire', ['ONUCI']),
  mission('UNMIK', 'United Nations Interim Administration Mission in Kosovo'),
  mission('UNIOGBIS', 'United Nations Integrated Peacebuilding Office in Guinea-Bissau'),
  mission('UNSOM', 'United Nations Assistance Mission in Somalia'),
  mission('UNOCA', 'United Nations Regional Office for Central Africa'),
  mission('UNRCCA', 'United Nations Regional Centre for Preventive Diplomacy for Central Asia'),
  {
    name: 'Multi-Partner Trust Fund Office',
    acronym: 'MPTF',
    aliases: ['MPTF Office', 'Bureau des fonds d’affectation spéciale pluripartenaires'],
    type: 'multilateral',
  },
  {
    name: 'Belgian Technical Cooperation',
    acronym: 'BTC',
    aliases: ['Coopération Technique Belge', 'CTB', 'Cooperación Técnica Belga'],
    type: 'donor',
  },
];
