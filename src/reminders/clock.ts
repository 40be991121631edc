// The time reminders run by: the system's, or one a test sets and moves, so due dates, staleness,
// link expiry and schedules can be checked without waiting.
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until moved. */
export class ManualClock implements Clock {
  private at: Date;
  constructor(iso: string) {
    this.at = new Date(iso);
  }
  now(): Date {
    return new Date(this.at);
  }
  set(iso: string): void {
    this.at = new Date(iso);
  }
  advanceHours(hours: number): void {
    this.at = new Date(this.at.getTime() + hours * 3_600_000);
  }
}

/** The calendar day (UTC) of a moment, as YYYY-MM-DD. */
export function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}
