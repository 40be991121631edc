// The registry in numbers, for the dashboard: exact counts of the projects a viewer may see, per
// country, theme and donor, with names from the vocabularies.
import type { Viewer } from '../access/viewer.ts';
import type { Queryable } from '../db/client.ts';
import { vocabularies } from '../reference/vocabularies.ts';
import type { SummaryQuery } from './coordination.schema.ts';
import { registrySummary } from './summary.repository.ts';

export const summaryService = {
  async summary(db: Queryable, viewer: Viewer, q: SummaryQuery) {
    const s = await registrySummary(db, viewer, q);
    const countries = vocabularies.countries();
    const themes = vocabularies.themes();
    return {
      ...s,
      countries: s.countries.map((c) => ({ ...c, name: countries.get(c.country)?.names.en ?? c.country })),
      themes: s.themes.map((t) => ({ ...t, label: themes.get(t.theme)?.labels.en ?? t.theme })),
    };
  },
};
