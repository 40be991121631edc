// Recurring lessons and recommendations: the items the viewer may see, read in their own language
// and tied across projects by shared concepts, themes and wording (grouping.ts).
import type { Viewer } from '../access/viewer.ts';
import type { Database } from '../db/client.ts';
import { detectLanguage } from '../ingest/language.ts';
import { conceptByKey, conceptsOf, isConceptWord } from './concepts.ts';
import { type GroupItem, groupRecurring, labelOf } from './grouping.ts';
import { type RecurringFilters, type RecurringRow, recurringRepository } from './recurring.repository.ts';
import type { RecurringGroups } from './recurring.schema.ts';

/** The most recent items compared in one request: grouping compares items with each other. */
export const MAX_ITEMS = 3000;
const MAX_WORDS = 8;

const languageOf = (text: string) => {
  const { language } = detectLanguage(text);
  return language === 'es' || language === 'fr' ? language : 'en';
};

async function toGroupItems(db: Database, rows: RecurringRow[]): Promise<GroupItem[]> {
  const languages = new Map(rows.map((r) => [r.id, languageOf(r.text)]));
  const stems = await recurringRepository.stems(
    db,
    rows.map((r) => ({ id: r.id, text: r.text, language: languages.get(r.id)! })),
  );
  const byId = new Map(rows.map((r) => [r.id, new Map<string, string>()]));
  for (const s of stems) {
    const words = byId.get(s.id)!;
    if (!words.has(s.stem) && !isConceptWord(s.word)) words.set(s.stem, s.word);
  }
  return rows.map((r) => ({
    id: r.id,
    unit: r.unit,
    language: languages.get(r.id)!,
    themes: r.themes,
    concepts: conceptsOf(r.text),
    stems: byId.get(r.id)!,
  }));
}

export const recurringService = {
  async groups(
    db: Database,
    viewer: Viewer,
    kind: 'lesson' | 'recommendation',
    q: RecurringFilters & { min_projects: number; limit: number },
  ): Promise<RecurringGroups> {
    const read = kind === 'lesson' ? recurringRepository.lessons : recurringRepository.recommendations;
    const rows = await read(db, viewer, q, MAX_ITEMS + 1);
    const considered = rows.slice(0, MAX_ITEMS);
    const items = await toGroupItems(db, considered);
    const rowById = new Map(considered.map((r) => [r.id, r]));
    const itemById = new Map(items.map((i) => [i.id, i]));
    const groups = groupRecurring(items, q.min_projects).slice(0, q.limit);
    return {
      kind,
      items_considered: considered.length,
      truncated: rows.length > MAX_ITEMS,
      groups: groups.map((g) => ({
        label: labelOf(g),
        projects: g.units,
        ties: {
          concepts: g.concepts.map((c) => ({
            key: c.key,
            projects: c.units,
            label: conceptByKey.get(c.key)!.label,
          })),
          words: g.words.slice(0, MAX_WORDS).map((w) => ({ key: w.key, word: w.word, projects: w.units })),
          themes: g.themes.map((t) => ({ key: t.key, projects: t.units })),
        },
        sources: g.items.map((id) => {
          const r = rowById.get(id)!;
          return {
            id,
            text: r.text,
            project: r.project_id && r.project_title ? { id: r.project_id, title: r.project_title } : null,
            source_type: r.source_type,
            source_id: r.source_id,
            owner_org: { id: r.owner_org_id, name: r.owner_name },
            concepts: itemById.get(id)!.concepts,
            themes: r.themes,
          };
        }),
      })),
    };
  },
};
