/**
 * Ukrainian → Latin by the official transliteration table (Cabinet of Ministers of Ukraine, resolution No. 55 of
 * 27 January 2010): lesson slugs are ASCII so copies survive zips and FAT32 USB sticks, and `npm run new` suggests one
 * from the title.
 */

/** Letters with one Latin spelling wherever they stand. */
const LETTERS: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', ж: 'zh', з: 'z', и: 'y', і: 'i', к: 'k', л: 'l', м: 'm',
  н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ь: '',
};

/** Letters spelt one way at the start of a word and another elsewhere (Юрій → Yurii, Короп’є → Koropie). */
const BY_POSITION: Readonly<Record<string, { initial: string; inside: string }>> = {
  є: { initial: 'ye', inside: 'ie' },
  ї: { initial: 'yi', inside: 'i' },
  й: { initial: 'y', inside: 'i' },
  ю: { initial: 'yu', inside: 'iu' },
  я: { initial: 'ya', inside: 'ia' },
};

/** Apostrophes Ukrainian text is written with; the table drops them (Знам’янка → Znamianka). */
const APOSTROPHES = /['’ʼ`‘]/;

/** True when a character is a letter (the start of a word follows anything else). */
const isLetter = (ch: string | undefined) => ch !== undefined && /\p{L}/u.test(ch);

/** Ukrainian text in Latin letters by the official table; other characters are kept as they are. */
export function transliterate(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const lower = ch.toLowerCase();
    if (APOSTROPHES.test(ch) && isLetter(text[i - 1]) && isLetter(text[i + 1])) continue;
    // An apostrophe inside a word does not start a new one: Короп’є → Koropie.
    let before = i - 1;
    while (before >= 0 && APOSTROPHES.test(text[before]!)) before--;
    const initial = !isLetter(text[before]);
    let latin: string | undefined;
    if (lower === 'г' && text[i - 1]?.toLowerCase() === 'з') latin = 'gh'; // зг → zgh, to tell it from жг → zhg
    else if (lower in BY_POSITION) latin = initial ? BY_POSITION[lower]!.initial : BY_POSITION[lower]!.inside;
    else latin = LETTERS[lower];
    if (latin === undefined) out += ch;
    else out += ch !== lower && latin ? latin[0]!.toUpperCase() + latin.slice(1) : latin;
  }
  return out;
}

/** characters: a suggested slug is cut at a word boundary at most this long (a title can be a sentence). */
const MAX_SLUG = 50;

/** A lesson slug from a title: transliterated, lower case, words joined with hyphens ("Мої дорослі" → moi-dorosli). */
export function slugFor(title: string): string {
  const words = transliterate(title.toLowerCase()).replace(/[^a-z0-9]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG && slug) break;
    slug = next;
  }
  return slug.slice(0, MAX_SLUG).replace(/-+$/, '');
}
