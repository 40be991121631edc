// A country brief: the active assistance by theme and donor, where active projects overlap,
// the gaps, open recommendations and recurring lessons, in one reply or one printable page.
import type { Viewer } from '../access/viewer.ts';
import { scopedProjects } from '../coordination/analytics.repository.ts';
import { analyticsService } from '../coordination/analytics.service.ts';
import type { Queryable } from '../db/client.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import { errors } from '../server/errors.ts';
import { countryLessons, openRecommendations } from './brief.repository.ts';

const ACTIVE = ['active', 'finalisation'];
const LIST_LIMIT = 50;

export type CountryBrief = Awaited<ReturnType<typeof countryBriefService.brief>>;

function sumBy<T>(items: T[], keys: (item: T) => string[], budget: (item: T) => number | null) {
  const out = new Map<string, { projects: number; budget: number }>();
  for (const item of items) {
    for (const key of keys(item)) {
      const cell = out.get(key) ?? { projects: 0, budget: 0 };
      cell.projects++;
      cell.budget += budget(item) ?? 0;
      out.set(key, cell);
    }
  }
  return [...out].sort((a, b) => b[1].budget - a[1].budget || b[1].projects - a[1].projects);
}

export const countryBriefService = {
  async brief(db: Queryable, viewer: Viewer, code: string, currency: string) {
    const country = vocabularies.countries().get(code);
    if (!country)
      throw errors.invalidField('code', 'is not an ISO 3166-1 alpha-2 country code (e.g. PE, CO)');
    const q = { country: [code], status: ACTIVE, currency };
    const [projects, gaps, recommendations, lessons] = await Promise.all([
      scopedProjects(db, viewer, q),
      analyticsService.gaps(db, viewer, { ...q, by: 'country' }),
      openRecommendations(db, viewer, code, LIST_LIMIT),
      countryLessons(db, viewer, code, LIST_LIMIT),
    ]);
    const themes = vocabularies.themes();
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
      generated_at: new Date().toISOString(),
      active: {
        projects,
        by_theme: sumBy(
          projects,
          (p) => p.themes,
          (p) => (p.budget ?? 0) / Math.max(p.themes.length, 1),
        ).map(([theme, c]) => ({
          theme,
          label: themes.get(theme)?.labels.en ?? theme,
          ...c,
          budget: Math.round(c.budget),
        })),
        by_donor: sumBy(
          projects,
          (p) => p.donors.map((d) => d.id),
          (p) => (p.budget ?? 0) / Math.max(p.donors.length, 1),
        ).map(([id, c]) => ({
          org_id: id,
          name: donorNames.get(id) ?? id,
          ...c,
          budget: Math.round(c.budget),
        })),
      },
      overlaps: overlaps.slice(0, LIST_LIMIT),
      gaps: (gaps.countries[0]?.themes ?? [])
        .filter((t) => t.gap !== null)
        .map((t) => ({ theme: t.theme, label: t.label, gap: t.gap! })),
      concentration: (gaps.countries[0]?.themes ?? []).filter((t) => t.projects > 0),
      open_recommendations: recommendations,
      recurring_lessons: lessons,
    };
  },
};
