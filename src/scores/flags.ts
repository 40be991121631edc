// The rules of practice that flag a project from its reviews, each named and explained in the
// interface's three languages. They read a project's reviews in period order.
import { isAtRisk, isWeak, type RiskValue, type ScoreValue } from './score-scales.ts';

export const FLAG_RULES = ['improvement_plan', 'at_risk', 'risk_rising'] as const;
export type FlagRule = (typeof FLAG_RULES)[number];

export interface ScoredPeriod {
  review_id: string;
  period: string;
  programme: ScoreValue | null;
  outcome: ScoreValue | null;
  outputs: { number: number | null; score: ScoreValue }[];
  risk: RiskValue | null;
}

export interface Flag {
  rule: FlagRule;
  review_id: string;
  period: string;
  explanation: { en: string; es: string; fr: string };
}

const SCORE_NAMES = {
  programme: { en: 'programme', es: 'programa', fr: 'programme' },
  outcome: { en: 'outcome', es: 'resultado', fr: 'effet' },
  output: { en: 'output', es: 'producto', fr: 'produit' },
};

type Rule = (current: ScoredPeriod, previous: ScoredPeriod | undefined) => Flag['explanation'] | null;

const RULES: Record<FlagRule, Rule> = {
  // Two consecutive programme scores at B or worse (on the scale each was given on) call for an
  // improvement plan.
  improvement_plan(current, previous) {
    const now = current.programme;
    const before = previous?.programme;
    if (!now || !before || !previous || !isWeak(now) || !isWeak(before)) return null;
    const marks = `${previous.period}: ${before.mark}; ${current.period}: ${now.mark}`;
    return {
      en: `Two consecutive reviews scored B or worse (${marks}): an improvement plan is called for.`,
      es: `Dos revisiones consecutivas con B o peor (${marks}): se requiere un plan de mejora.`,
      fr: `Deux revues consécutives notées B ou moins (${marks}) : un plan d'amélioration s'impose.`,
    };
  },
  // A C anywhere in the programme or outcome score, or in an output's, puts the project at risk.
  at_risk(current) {
    const scored: [keyof typeof SCORE_NAMES, number | null, ScoreValue | null][] = [
      ['programme', null, current.programme],
      ['outcome', null, current.outcome],
      ...current.outputs.map((o): [keyof typeof SCORE_NAMES, number | null, ScoreValue] => [
        'output',
        o.number,
        o.score,
      ]),
    ];
    const hits = scored.filter(([, , s]) => s && isAtRisk(s));
    if (!hits.length) return null;
    const list = (lang: 'en' | 'es' | 'fr') =>
      hits
        .map(([what, n, s]) => `${SCORE_NAMES[what][lang]}${n === null ? '' : ` ${n}`} ${s?.mark}`)
        .join(', ');
    return {
      en: `${current.period} scored the lowest mark (${list('en')}): the project is at risk.`,
      es: `${current.period} obtuvo la nota más baja (${list('es')}): el proyecto está en riesgo.`,
      fr: `${current.period} a reçu la note la plus basse (${list('fr')}) : le projet est à risque.`,
    };
  },
  // A risk rating two or more steps above the previous review's, on the same ladder.
  risk_rising(current, previous) {
    const now = current.risk;
    const before = previous?.risk;
    if (!now || !before || !previous || now.scale !== before.scale || now.step - before.step < 2) return null;
    const change = `${before.rating} → ${now.rating}`;
    return {
      en: `The risk rating rose two steps or more from ${previous.period} to ${current.period} (${change}).`,
      es: `La calificación de riesgo subió dos niveles o más de ${previous.period} a ${current.period} (${change}).`,
      fr: `La notation du risque a augmenté d'au moins deux niveaux de ${previous.period} à ${current.period} (${change}).`,
    };
  },
};

/** Every flag the rules raise over a project's periods, oldest first. */
export function flagsOf(periods: ScoredPeriod[]): Flag[] {
  const flags: Flag[] = [];
  periods.forEach((current, i) => {
    // Each rule compares with the nearest earlier period that has what it reads.
    for (const rule of FLAG_RULES) {
      const previous = periods
        .slice(0, i)
        .reverse()
        .find((p) => (rule === 'risk_rising' ? p.risk : p.programme));
      const explanation = RULES[rule](current, previous);
      if (explanation)
        flags.push({ rule, review_id: current.review_id, period: current.period, explanation });
    }
  });
  return flags;
}
