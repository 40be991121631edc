// The answer scales an instrument's questions may use, with their values, the points each value
// is worth and its label in every interface language. A score is stored as the value's name, so
// it keeps its meaning whatever language it is shown in.
import type { Language } from '../reference/vocabularies.ts';

export const SCALE_IDS = ['yes_partly_no', 'zero_to_four', 'six_point', 'a_to_d', 'free_text'] as const;
export type ScaleId = (typeof SCALE_IDS)[number];

type Labels = Record<Language, string>;

export interface ScaleValue {
  name: string;
  /** Points on the scale; null for a value that says why there is no score. */
  points: number | null;
  label: Labels;
}

export interface Scale {
  id: ScaleId;
  label: Labels;
  values: ScaleValue[];
  /** Highest and lowest points, to put every scale on 0..1. */
  max: number;
  min: number;
}

const value = (name: string, points: number | null, en: string, es: string, fr: string): ScaleValue => ({
  name,
  points,
  label: { en, es, fr },
});

function scale(id: ScaleId, label: Labels, values: ScaleValue[]): Scale {
  const points = values.map((v) => v.points).filter((p): p is number => p !== null);
  return { id, label, values, max: Math.max(0, ...points), min: Math.min(0, ...points) };
}

export const SCALES: Record<ScaleId, Scale> = {
  yes_partly_no: scale(
    'yes_partly_no',
    { en: 'Yes / partly / no', es: 'Sí / en parte / no', fr: 'Oui / en partie / non' },
    [
      value('yes', 2, 'Yes', 'Sí', 'Oui'),
      value('partly', 1, 'Partly', 'En parte', 'En partie'),
      value('no', 0, 'No', 'No', 'Non'),
    ],
  ),
  zero_to_four: scale('zero_to_four', { en: '0 to 4', es: 'De 0 a 4', fr: 'De 0 à 4' }, [
    value('4', 4, '4 – fully', '4 – plenamente', '4 – pleinement'),
    value('3', 3, '3 – largely', '3 – en gran medida', '3 – largement'),
    value('2', 2, '2 – partly', '2 – en parte', '2 – en partie'),
    value('1', 1, '1 – barely', '1 – apenas', '1 – à peine'),
    value('0', 0, '0 – not at all', '0 – en absoluto', '0 – pas du tout'),
  ]),
  six_point: scale(
    'six_point',
    { en: 'Six-point rating', es: 'Calificación de seis puntos', fr: 'Notation en six points' },
    [
      value('highly_satisfactory', 6, 'Highly satisfactory', 'Muy satisfactorio', 'Très satisfaisant'),
      value('satisfactory', 5, 'Satisfactory', 'Satisfactorio', 'Satisfaisant'),
      value(
        'moderately_satisfactory',
        4,
        'Moderately satisfactory',
        'Moderadamente satisfactorio',
        'Moyennement satisfaisant',
      ),
      value(
        'moderately_unsatisfactory',
        3,
        'Moderately unsatisfactory',
        'Moderadamente insatisfactorio',
        'Moyennement insatisfaisant',
      ),
      value('unsatisfactory', 2, 'Unsatisfactory', 'Insatisfactorio', 'Insatisfaisant'),
      value(
        'highly_unsatisfactory',
        1,
        'Highly unsatisfactory',
        'Muy insatisfactorio',
        'Très insatisfaisant',
      ),
    ],
  ),
  a_to_d: scale('a_to_d', { en: 'A to D', es: 'De A a D', fr: 'De A à D' }, [
    value('A', 4, 'A – high performance', 'A – desempeño alto', 'A – performance élevée'),
    value('B', 3, 'B – sound performance', 'B – desempeño sólido', 'B – bonne performance'),
    value('C', 2, 'C – basic performance', 'C – desempeño básico', 'C – performance de base'),
    value('D', 1, 'D – below basic', 'D – por debajo de lo básico', 'D – en deçà du niveau de base'),
    value(
      'insufficient_information',
      null,
      'Insufficient information',
      'Información insuficiente',
      'Informations insuffisantes',
    ),
    value('not_applicable', null, 'Not applicable', 'No aplicable', 'Sans objet'),
  ]),
  free_text: scale('free_text', { en: 'Free text', es: 'Texto libre', fr: 'Texte libre' }, []),
};

/** Ratings an A–D conversion table may give an area: the letters and the half steps between them. */
export const AREA_RATINGS: Record<string, number> = {
  A: 4,
  'B+': 3.5,
  B: 3,
  'C+': 2.5,
  C: 2,
  'D+': 1.5,
  D: 1,
};

export function scaleValue(scaleId: ScaleId, name: string): ScaleValue | undefined {
  return SCALES[scaleId].values.find((v) => v.name === name);
}

/** A value's points on 0..1 (null for free text and for values that carry no score). */
export function normalisedPoints(scaleId: ScaleId, name: string): number | null {
  const s = SCALES[scaleId];
  const v = scaleValue(scaleId, name);
  if (!v || v.points === null) return null;
  const low = s.id === 'six_point' || s.id === 'a_to_d' ? 1 : 0;
  return (v.points - low) / (s.max - low);
}

/** The scored value nearest a fraction of the scale (0 lowest, 1 highest): how pre-fills are expressed. */
export function valueAtFraction(scaleId: ScaleId, fraction: number): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const v of SCALES[scaleId].values) {
    const p = normalisedPoints(scaleId, v.name);
    if (p === null) continue;
    const distance = Math.abs(p - fraction);
    if (!best || distance < best.distance) best = { name: v.name, distance };
  }
  return best?.name ?? null;
}
