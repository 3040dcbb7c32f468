/** Lesson formats: урок, квест (stations, teams), заняття (preschool session). */
export const FORMATS = {
  lesson: { uk: 'Урок', en: 'Lesson' },
  quest: { uk: 'Квест', en: 'Quest' },
  session: { uk: 'Заняття', en: 'Session' },
} as const;

/** A format id. */
export type FormatId = keyof typeof FORMATS;

/** Every format id. */
export const FORMAT_IDS = Object.keys(FORMATS) as [FormatId, ...FormatId[]];

/** How many copies a printable is for: the print guide on the kit cover reads this. */
export const AUDIENCES = ['pupil', 'pair', 'team', 'class', 'leader'] as const;

/** An audience id. */
export type AudienceId = (typeof AUDIENCES)[number];

/** Languages a lesson may be written in; the first is the default. */
export const LANGS = ['uk', 'en'] as const;

/** A language code. */
export type Lang = (typeof LANGS)[number];
