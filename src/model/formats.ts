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

/**
 * What a handout is for, which decides how it prints: `worksheet` (default: name and date line), `private` (a sheet
 * the pupil keeps and never hands in: no name line, a note saying so), `poster` (large type, pictures filling the
 * page, to be read from across a room).
 */
export const HANDOUT_KINDS = ['worksheet', 'private', 'poster'] as const;

/** A handout kind id. */
export type HandoutKind = (typeof HANDOUT_KINDS)[number];

/**
 * How large a `<Picture>` is printed: `small` (beside the text, at most about 8 × 5 cm), `half` (the column's width, at
 * most half a page), `page` (a page of its own to show the class, or the rest of a handout's page: a sheet to draw on).
 */
export const PICTURE_SIZES = ['small', 'half', 'page'] as const;

/** A picture size id. */
export type PictureSize = (typeof PICTURE_SIZES)[number];

/** Languages a lesson may be written in; the first is the default. */
export const LANGS = ['uk', 'en'] as const;

/** A language code. */
export type Lang = (typeof LANGS)[number];
