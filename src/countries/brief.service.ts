// A country brief: the active assistance by theme and donor, where active projects overlap,
// the gaps, open recommendations and recurring lessons, in one reply or one printable page.
import type { Viewer } from '../access/viewer.ts';
import { scopedProjects } from '../coordination/analytics.repository.ts';
import { analyticsService } from '../coordination/analytics.service.ts';
import type { Queryable } from '../db/client.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import { errors } from '../server/errors.ts';
import { countryLessons, openRecommendations } from './brief.repository.ts';

const LIST_LIMIT = 50;
/** Every open recommendation is listed; this only bounds a reply for a country with thousands. */
const RECOMMENDATION_LIMIT = 2000;

export type BriefLanguage = 'en' | 'es' | 'fr';
export type CountryBrief = Awaited<ReturnType<typeof countryBriefService.brief>>;

/**
 * Projects and budget per key. A budget is null where no project counted states one, so "no
 * budget recorded" is never shown as 0 (the page, the print and the exports say the same).
 */
function sumBy<T>(items: T[], keys: (item: T) => string[], budget: (item: T) => number | null) {
  const out = new Map<string, { projects: number; budget: number | null }>();
  for (const item of items) {
    for (const key of keys(item)) {
      const cell = out.get(key) ?? { projects: 0, budget: null };
      const b = budget(item);
      cell.projects++;
      if (b !== null) cell.budget = (cell.budget ?? 0) + b;
      out.set(key, cell);
    }
  }
  return [...out].sort((a, b) => (b[1].budget ?? -1) - (a[1].budget ?? -1) || b[1].projects - a[1].projects);
}

const rounded = (n: number | null) => (n === null ? null : Math.round(n));

const themes = vocabularies.themes();

export const countryBriefService = {
  async brief(db: Queryable, viewer: Viewer, code: string, currency: string, lang: BriefLanguage = 'en') {
    const country = vocabularies.countries().get(code);
    if (!country)
      // Named as the other path parameters are (params.id), so a client finds the part of the URL at fault.
      throw errors.invalidField('params.code', 'is not an ISO 3166-1 alpha-2 country code (e.g. PE, CO)');
    // Active today: dates say the project runs, its status that it is under way (no finalisation).
    const q = { country: [code], currency };
    const [projects, gaps, recommendations, lessons] = await Promise.all([
      scopedProjects(db, viewer, { ...q, activeToday: true }),
      analyticsService.gaps(db, viewer, { ...q, by: 'country' }),
      openRecommendations(db, viewer, code, RECOMMENDATION_LIMIT),
      countryLessons(db, viewer, code, LIST_LIMIT),
    ]);
    const themeLabel = (slug: string) => themes.get(slug)?.labels[lang] ?? slug;
    const budgets = projects.map((p) => p.budget).filter((b): b is number => b !== null);
    const donorNames = new Map(projects.flatMap((p) => p.donors.map((d) => [d.id, d.name] as const)));
    const overlaps = projects.flatMap((a, i) =>
      projects.slice(i + 1).flatMap((b) => {
        const shared = a.themes.filter((t) => b.themes.includes(t));
        return shared.length
          ? [{ a: { id: a.id, title: a.title }, b: { id: b.id, title: b.title }, themes: shared }]
          : [];
      }),
    );
    return {
      country: { code, name: country.names.en, names: country.names },
      currency,
      language: lang,
      generated_at: new Date().toISOString(),
      active: {
        projects,
        budget: budgets.length ? Math.round(budgets.reduce((a, b) => a + b, 0)) : null,
        by_theme: sumBy(
          projects,
          (p) => p.themes,
          (p) => (p.budget === null ? null : p.budget / Math.max(p.themes.length, 1)),
        ).map(([theme, c]) => ({ theme, label: themeLabel(theme), ...c, budget: rounded(c.budget) })),
        by_donor: sumBy(
          projects,
          (p) => p.donors.map((d) => d.id),
          (p) => (p.budget === null ? null : p.budget / Math.max(p.donors.length, 1)),
        ).map(([id, c]) => ({ org_id: id, name: donorNames.get(id) ?? id, ...c, budget: rounded(c.budget) })),
      },
      overlaps: overlaps.slice(0, LIST_LIMIT),
      gaps: (gaps.countries[0]?.themes ?? [])
        .filter((t) => t.gap !== null)
        .map((t) => ({ theme: t.theme, label: themeLabel(t.theme), gap: t.gap! })),
      concentration: (gaps.countries[0]?.themes ?? [])
        .filter((t) => t.projects > 0)
        .map((t) => ({ ...t, label: themeLabel(t.theme) })),
      open_recommendations: recommendations,
      recurring_lessons: lessons,
    };
  },
};
