/**
 * File names of the print products inside a kits folder, one place for the build, the CLI, the site and the print guide:
 * `<slug>.pdf` (the teacher's kit), `<slug>.pupils.pdf` (the pupil pack), `band-<id>.pdf` (a band's bundle), or, for a
 * band of more than VOLUME_LESSONS lessons, `band-<id>.vol-01.pdf`, `band-<id>.vol-02.pdf` … (its volumes); a translation
 * adds its language (`<slug>.en.pdf`), US Letter adds `letter` (`<slug>.letter.pdf`), so every product of every paper can
 * share one folder.
 */
import type { Lang } from '../model/formats.ts';
import type { Paper } from './layout/types.ts';

/**
 * Lessons in one volume of a band's bundle: a band with more is split into volumes of this many, in the band's order.
 * Chosen by measurement (docs/ARCHITECTURE.md, "Band bundles in volumes"): one print job a school copier takes, a render
 * well inside a one-lesson rebuild, a few hundred MB.
 */
export const VOLUME_LESSONS = 12;

/** Which volume of a band's bundle a file is, and how many the band has (the number's width in file names). */
export interface VolumeNumber {
  number: number;
  count: number;
}

/** A band's lessons in the files of its bundle: one file for up to VOLUME_LESSONS lessons, else consecutive volumes. */
export function bundleVolumes<T>(lessons: readonly T[], size = VOLUME_LESSONS): { lessons: T[]; volume?: VolumeNumber }[] {
  if (lessons.length <= size) return [{ lessons: [...lessons] }];
  const count = Math.ceil(lessons.length / size);
  return Array.from({ length: count }, (_, i) => ({ lessons: lessons.slice(i * size, (i + 1) * size), volume: { number: i + 1, count } }));
}

/**
 * The order of a band's lessons in its bundle (and so in its volumes), as the site lists them: by title, then by slug
 * (two lessons with one title must not swap volumes between runs).
 */
export function compareBundleLessons(a: { title: string; slug: string }, b: { title: string; slug: string }): number {
  return a.title.localeCompare(b.title, 'uk') || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
}

/** The part of a name that says the language and the paper: '' for a Ukrainian A4 file. */
function suffix(lang: Lang, paper: Paper): string {
  return `${lang === 'uk' ? '' : `.${lang}`}${paper === 'a4' ? '' : `.${paper}`}`;
}

/** The teacher's kit of a lesson: `<slug>.pdf`, `<slug>.en.pdf`, `<slug>.letter.pdf`. */
export function kitFileName(slug: string, lang: Lang, paper: Paper = 'a4'): string {
  return `${slug}${suffix(lang, paper)}.pdf`;
}

/** The pupil pack of a lesson: `<slug>.pupils.pdf`, `<slug>.en.pupils.pdf`. */
export function pupilPackFileName(slug: string, lang: Lang, paper: Paper = 'a4'): string {
  return `${slug}${suffix(lang, paper)}.pupils.pdf`;
}

/**
 * Every kit of a band in one file, `band-<id>.pdf`, `band-<id>.en.pdf`; or one volume of them,
 * `band-<id>.vol-01.pdf`, `band-<id>.en.letter.vol-02.pdf`: numbered with two digits (more only past 99 volumes, then
 * for every volume of the band), so the volumes sort in order.
 */
export function bandBundleFileName(band: string, lang: Lang, paper: Paper = 'a4', volume?: VolumeNumber): string {
  const digits = volume ? Math.max(2, String(volume.count).length) : 0;
  return `band-${band}${suffix(lang, paper)}${volume ? `.vol-${String(volume.number).padStart(digits, '0')}` : ''}.pdf`;
}
