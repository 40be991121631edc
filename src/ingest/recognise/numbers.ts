// Numbers written as digits or words ("50", "Thirty-three", "four"), in English.
const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

export function parseNumberWord(word: string): number | null {
  const w = word.toLowerCase().replace(/,/g, '');
  if (/^\d+$/.test(w)) return Number(w);
  if (w in UNITS) return UNITS[w]!;
  if (w in TENS) return TENS[w]!;
  const [tens, unit] = w.split('-');
  if (tens && unit && tens in TENS && unit in UNITS && UNITS[unit]! < 10) return TENS[tens]! + UNITS[unit]!;
  return null;
}
