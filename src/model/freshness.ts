/**
 * When a verified fact (a helpline, a legal statement) is due to be verified again. Helplines change numbers and hours,
 * services close, laws are amended: the checker warns once a verification is older than STALE_AFTER_MONTHS.
 */

/** months: a verification older than this is worth doing again. */
export const STALE_AFTER_MONTHS = 6;

/** The environment variable that fixes "today" (YYYY-MM-DD), so tests and reproducible checks do not depend on the clock. */
export const TODAY_VARIABLE = 'LESSON_KITS_TODAY';

/** Today as YYYY-MM-DD: `LESSON_KITS_TODAY` when set to a date, else the clock's date (UTC). */
export function today(): string {
  const fixed = process.env[TODAY_VARIABLE];
  return fixed && /^\d{4}-\d{2}-\d{2}$/.test(fixed) ? fixed : new Date().toISOString().slice(0, 10);
}

/** The date `months` calendar months after a YYYY-MM-DD date (31 August + 6 months is the last day of February). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

/** True when a verification date is more than STALE_AFTER_MONTHS before `now`. */
export function isStale(verified: string, now: string = today()): boolean {
  return addMonths(verified, STALE_AFTER_MONTHS) < now;
}
