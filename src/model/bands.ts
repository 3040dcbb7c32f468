/** The six age bands fixed by the source project, youngest first. */
export const BANDS = [
  { id: '4-6', uk: '4–6 років', en: 'Ages 4–6', who: { uk: 'дошкільнята', en: 'preschool' } },
  { id: '1-2', uk: '1–2 клас', en: 'Grades 1–2', who: { uk: 'молодша школа', en: 'primary school' } },
  { id: '3-4', uk: '3–4 клас', en: 'Grades 3–4', who: { uk: 'молодша школа', en: 'primary school' } },
  { id: '5-6', uk: '5–6 клас', en: 'Grades 5–6', who: { uk: 'середня школа', en: 'middle school' } },
  { id: '7-8', uk: '7–8 клас', en: 'Grades 7–8', who: { uk: 'середня школа', en: 'middle school' } },
  { id: '9-11', uk: '9–11 клас', en: 'Grades 9–11', who: { uk: 'старша школа', en: 'high school' } },
] as const;

/** An age-band id such as `7-8`. */
export type BandId = (typeof BANDS)[number]['id'];

/** Every band id, in age order. */
export const BAND_IDS = BANDS.map((band) => band.id) as [BandId, ...BandId[]];

/** Bands that get larger type and pictures in handouts (pre-readers and early readers). */
export const YOUNG_BANDS: readonly BandId[] = ['4-6', '1-2'];

/** The band record for an id. */
export function bandById(id: BandId): (typeof BANDS)[number] {
  return BANDS.find((band) => band.id === id)!;
}

/** Position of a band in age order (0 = youngest). */
export function bandOrder(id: BandId): number {
  return BAND_IDS.indexOf(id);
}

/** A copy of the ids sorted youngest first, without duplicates. */
export function sortBands(ids: readonly BandId[]): BandId[] {
  return [...new Set(ids)].sort((a, b) => bandOrder(a) - bandOrder(b));
}
