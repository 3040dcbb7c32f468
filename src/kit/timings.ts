/**
 * Where a render's time goes: milliseconds per stage, summed over the renders that share one record. The
 * benchmark prints them (`npm run bench`); a render without a record pays nothing.
 */

/** Milliseconds per stage name. */
export type StageTimes = Record<string, number>

/** A stopwatch: each call adds the time since the previous call (or since it was made) to that stage. */
export type Lap = (stage: string) => void

const ignore: Lap = () => {}

/** A stopwatch over `times`, or one that does nothing when there is no record to fill. */
export function stopwatch(times: StageTimes | undefined): Lap {
  if (!times) return ignore
  let last = performance.now()
  return (stage) => {
    const now = performance.now()
    times[stage] = (times[stage] ?? 0) + now - last
    last = now
  }
}
