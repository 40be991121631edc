// Dates as precise as their source ("2015", "Apr 2015", "1 June 2015") are stored as a date plus
// a precision: a start as the first day of its period, an end as the last, so overlaps work.
export type Precision = 'year' | 'month' | 'day';

export function precisionOf(partial: string): Precision {
  return partial.length === 4 ? 'year' : partial.length === 7 ? 'month' : 'day';
}

export function startOf(partial: string): string {
  return partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial;
}

export function endOf(partial: string): string {
  if (partial.length === 4) return `${partial}-12-31`;
  if (partial.length === 7) {
    const [y, m] = partial.split('-').map(Number) as [number, number];
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${partial}-${String(last).padStart(2, '0')}`;
  }
  return partial;
}

export function formatPartial(date: string | null, precision: Precision | null): string | null {
  if (!date) return null;
  return precision === 'year' ? date.slice(0, 4) : precision === 'month' ? date.slice(0, 7) : date;
}
