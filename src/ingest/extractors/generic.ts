// What any document yields, whatever its kind: a title, countries, regions, organisations with the
// role the text gives them, themes, and a date. Kind-specific extractors build on top of this.
import { distinctCountries, findCountries, findRegions } from '../recognise/countries.ts';
import { findDates } from '../recognise/dates.ts';
import { findOrganisations } from '../recognise/organisations.ts';
import { findThemes } from '../recognise/themes.ts';
import type { TextModel } from '../text-model.ts';
import type { Draft } from './draft.ts';
import { findLabelled, titleCase } from './fields.ts';
import { type RoledOrganisation, roleFromContext } from './organisations.ts';

// Web-archive banners and document-type lines are not titles.
const NOT_A_TITLE =
  /archiv|^(?:summary|contents|table of contents|evaluation brief|executive summary|background note)$/i;

export function extractGenericTitle(model: TextModel, draft: Draft) {
  const headings = model.blocks.filter((b) => b.type === 'heading' && !NOT_A_TITLE.test(b.text));
  const top = Math.min(...headings.map((h) => (h.type === 'heading' ? h.level : 9)));
  const title = headings.find((h) => h.type === 'heading' && h.level === top);
  if (title && title.type === 'heading') {
    draft.set('title', titleCase(title.text).replace(/\.$/, ''), title, 0.6);
    return;
  }
  const first = model.blocks.find((b) => b.type === 'paragraph' && b.text.length < 200);
  if (first && first.type === 'paragraph') draft.set('title', first.text, first, 0.3);
}

export function extractCountriesAndRegions(model: TextModel, draft: Draft) {
  const countries = distinctCountries(findCountries(model.text));
  draft.set(
    'countries',
    countries.map((c) => c.code),
    countries[0],
    0.5,
  );
  countries.forEach((c, i) => {
    draft.trace(`countries.${i}`, c);
  });
  const regions = findRegions(model.text);
  draft.set(
    'regions',
    regions.map((r) => r.name),
    regions[0],
    0.5,
  );
  regions.forEach((r, i) => {
    draft.trace(`regions.${i}`, r);
  });
}

/** Organisations named anywhere; `patterns` adds those found by shape alone (see organisation-patterns.ts). */
export function mentionedOrganisations(model: TextModel, patterns = true): RoledOrganisation[] {
  return findOrganisations(model.text, 0, { patterns }).map((org) => ({
    ...org,
    role: roleFromContext(model.text, org),
  }));
}

export function extractThemes(model: TextModel, draft: Draft) {
  const themes = findThemes(model.text);
  draft.set(
    'themes',
    themes.map((t) => t.slug),
    undefined,
    0.7,
  );
  themes.forEach((t, i) => {
    draft.trace(`themes.${i}`, t);
  });
}

export function extractDate(model: TextModel, draft: Draft) {
  const labelled = findLabelled(model, 'date|dated|date of (?:the )?(?:meeting|workshop|event)');
  const source = labelled ?? { value: model.text.slice(0, 3000), start: 0 };
  const date = findDates(source.value, source.start).find((d) => d.iso.length === 10);
  if (!date) return;
  draft.set('period', { start: date.iso, end: date.iso }, date, labelled ? 0.8 : 0.4);
  draft.trace('period.start', date);
}

export function extractGeneric(model: TextModel, draft: Draft): RoledOrganisation[] {
  extractGenericTitle(model, draft);
  extractCountriesAndRegions(model, draft);
  extractDate(model, draft);
  return mentionedOrganisations(model);
}
