// The controlled vocabularies as clients read them: labels in the language asked for, sorted for
// a form's list where the order is the reader's.
import { OrganisationType } from '../organisations/organisations.schema.ts';
import { EVALUATION_CRITERIA, SIX_POINT, WEAK_SIX_POINT } from './scales.ts';
import type { Language } from './vocabularies.ts';
import { vocabularies } from './vocabularies.ts';

export const referenceService = {
  countries: (lang: Language) =>
    [...vocabularies.countries().values()]
      .map((c) => ({ code: c.code, name: c.names[lang] }))
      .sort((a, b) => a.name.localeCompare(b.name, lang)),

  themes: (lang: Language) =>
    [...vocabularies.themes().values()].map((t) => ({
      slug: t.slug,
      label: t.labels[lang],
      dac_codes: t.dacCodes,
    })),

  dacCodes: () =>
    [...vocabularies.dacCodes().values()].map((d) => ({
      code: d.code,
      name: d.name,
      category: d.category ?? null,
    })),

  currencies: () => [...vocabularies.currencies()].map(([code, name]) => ({ code, name })),

  lists: () => ({
    six_point: [...SIX_POINT],
    six_point_weak: [...WEAK_SIX_POINT],
    evaluation_criteria: [...EVALUATION_CRITERIA],
    organisation_types: [...OrganisationType.options],
  }),
};
