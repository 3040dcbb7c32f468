/**
 * File names of the print products inside a kits folder, one place for the build, the CLI, the site and the print guide:
 * `<slug>.pdf` (the teacher's kit), `<slug>.pupils.pdf` (the pupil pack), `band-<id>.pdf` (a band's bundle); a
 * translation adds its language (`<slug>.en.pdf`), US Letter adds `letter` (`<slug>.letter.pdf`), so every product of
 * every paper can share one folder.
 */
import type { Lang } from '../model/formats.ts';
import type { Paper } from './layout/types.ts';

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

/** Every kit of a band in one file: `band-<id>.pdf`, `band-<id>.en.pdf`. */
export function bandBundleFileName(band: string, lang: Lang, paper: Paper = 'a4'): string {
  return `band-${band}${suffix(lang, paper)}.pdf`;
}
