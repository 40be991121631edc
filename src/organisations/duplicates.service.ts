// Candidate duplicate organisations: the directory read once, matched by the rules of
// duplicate-candidates.ts, each pair named and explained in words. The directory is public (names
// of agencies are not secret), and the reasons use only its own fields, never the records an
// organisation holds, so a candidate tells nobody anything the directory does not.
import type { Queryable } from '../db/client.ts';
import { closestEntries, type DuplicateReason, findDuplicateCandidates } from './duplicate-candidates.ts';
import { organisationsRepository as repo } from './organisations.repository.ts';

const LANGUAGE_NAMES = { en: 'English', es: 'Spanish', fr: 'French' } as const;

/** A reason as a person reads it: "same IATI ref GB-GOV-1", "acronym of", "same name in French". */
export function explainReason(r: DuplicateReason, names: { a: string; b: string }): string {
  switch (r.kind) {
    case 'same_iati_ref':
      return `same IATI ref ${r.ref}`;
    case 'same_name':
      return 'the same name written differently';
    case 'acronym_of':
      return `${r.acronym} is the acronym of ${r.of === 'a' ? names.a : names.b}`;
    case 'same_name_in_language':
      return `same name in ${LANGUAGE_NAMES[r.language]} (${r.known_as})`;
    case 'similar_spelling':
      return `similar spelling (${Math.round(r.similarity * 100)}% alike)`;
  }
}

export const organisationDuplicatesService = {
  async candidates(db: Queryable, q: { organisation?: string; limit: number }) {
    const entries = await repo.listDirectory(db);
    const byId = new Map(entries.map((e) => [e.id, e]));
    const found = findDuplicateCandidates(entries).filter(
      (c) => !q.organisation || c.a === q.organisation || c.b === q.organisation,
    );
    return {
      items: found.slice(0, q.limit).map((c) => {
        const a = byId.get(c.a)!;
        const b = byId.get(c.b)!;
        return {
          a: { id: a.id, name: a.name },
          b: { id: b.id, name: b.name },
          score: c.score,
          reasons: c.reasons.map((r) => ({ ...r, text: explainReason(r, { a: a.name, b: b.name }) })),
        };
      }),
    };
  },

  /**
   * For each proposed organisation (a draft's) the registry did not match, by its position: the
   * closest registered organisations, so that the person confirming sees them first and registering
   * a new one is a choice they make.
   */
  async closestTo(db: Queryable, proposed: { name: string; acronym?: string; id?: string }[]) {
    if (!proposed.some((o) => !o.id)) return [];
    const entries = await repo.listDirectory(db);
    const byId = new Map(entries.map((e) => [e.id, e]));
    return proposed.flatMap((org, index) => {
      if (org.id) return [];
      const candidates = closestEntries(org, entries).map((c) => {
        const e = byId.get(c.id)!;
        return { id: e.id, name: e.name, acronym: e.acronym, reason: c.reasons[0]!.kind, score: c.score };
      });
      return candidates.length ? [{ index, candidates }] : [];
    });
  },
};
