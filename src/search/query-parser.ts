// Reads what people type into a search box: words, "quoted phrases", -exclusions and OR.
// The result is a small tree that the repository turns into a tsquery in three languages.

export interface QueryClause {
  type: 'term' | 'phrase';
  text: string;
}

/** Every group must match; a group matches when any of its clauses does. */
export interface ParsedQuery {
  groups: QueryClause[][];
  excluded: QueryClause[];
}

const TOKEN = /(-?)"([^"]*)"?|(\S+)/g;

export function parseSearchQuery(input: string): ParsedQuery {
  const groups: QueryClause[][] = [];
  const excluded: QueryClause[] = [];
  let joinNext = false;
  for (const m of input.matchAll(TOKEN)) {
    const [, quotedMinus, phrase, bare] = m;
    let clause: QueryClause;
    let negated = false;
    if (phrase !== undefined) {
      negated = quotedMinus === '-';
      clause = { type: 'phrase', text: phrase.trim() };
    } else {
      const word = bare!;
      if (word === 'OR' || word === '|') {
        joinNext = groups.length > 0;
        continue;
      }
      negated = word.length > 1 && word.startsWith('-');
      clause = { type: 'term', text: negated ? word.slice(1) : word };
    }
    if (!clause.text) continue;
    if (negated) excluded.push(clause);
    else if (joinNext) groups[groups.length - 1]!.push(clause);
    else groups.push([clause]);
    joinNext = false;
  }
  return { groups, excluded };
}
