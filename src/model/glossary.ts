/**
 * The glossary rule: a term in a lesson's glossary is there because the lesson uses it. A term the text never uses is
 * a warning (left over from a copied lesson, or a word the lesson was meant to teach and does not). Ukrainian words
 * change their endings (секстинг, секстингу, секстингом; фейковий профіль, фейкового профілю), so words are compared
 * by their stems (the Ukrainian and English rule stemmers of @orama/stemmers, the Ukrainian one taught that
 * приватність and приватності are one word) or by a shared beginning.
 */
import type { Nodes, Root } from 'mdast';
import { stemmer as ukrainianStemmer } from '@orama/stemmers/ukrainian';
import { stemmer as englishStemmer } from '@orama/stemmers/english';
import type { Lang } from './formats.ts';
import { warning, type Finding } from './diagnostics.ts';
import { isJsx, isParent } from './mdast.ts';

/** letters: a term word and a text word meet when the text word begins with the term word's stem at least this long. */
const MIN_SHARED_STEM = 4;

/** A word: letters and digits, with apostrophes inside (пам’ятка). */
const WORD = /[\p{L}\p{N}]+(?:['’ʼ][\p{L}\p{N}]+)*/gu;

/** The words of a text, lower case, apostrophes made one. */
function words(text: string): string[] {
  return (text.toLowerCase().replace(/[’ʼ`‘]/g, "'").replace(/ґ/g, 'г').match(WORD) ?? []);
}

/** Everything a reader of the lesson reads: the body's text and the titles written as attributes (stages, handouts). */
function lessonText(node: Nodes, out: string[] = []): string[] {
  if ('value' in node && typeof node.value === 'string' && (node.type === 'text' || node.type === 'inlineCode')) out.push(node.value);
  if (isJsx(node)) for (const attribute of node.attributes) if (attribute.type === 'mdxJsxAttribute' && typeof attribute.value === 'string') out.push(attribute.value);
  if (isParent(node)) for (const child of node.children) lessonText(child as Nodes, out);
  return out;
}

/** A text's words, each stemmed when first compared (most words of a lesson never need to be). */
interface StemmedText {
  words: readonly string[];
  stemAt(i: number): string;
  /** Where words begin with a letter, in order: a term is looked for only there, not at every word of the text. */
  startsWith(letter: string): readonly number[];
}

/** A text's words, indexed by their first letter, with their stems made and kept as they are asked for. */
function stemmedText(words: readonly string[], stem: (word: string) => string): StemmedText {
  const stems = new Map<string, string>();
  const byLetter = new Map<string, number[]>();
  for (const [i, word] of words.entries()) {
    const at = byLetter.get(word[0]!);
    if (at) at.push(i);
    else byLetter.set(word[0]!, [i]);
  }
  return {
    words,
    stemAt: (i) => stems.get(words[i]!) ?? stems.set(words[i]!, stem(words[i]!)).get(words[i]!)!,
    startsWith: (letter) => byLetter.get(letter) ?? [],
  };
}

/**
 * The Ukrainian stemmer, with the і of -ість nouns made the о it becomes in their other forms (приватність,
 * приватності): the rule stemmer leaves the two apart.
 */
function ukrainianStem(word: string): string {
  return ukrainianStemmer(word).replace(/іст$/, 'ост');
}

/** letters: a term word is looked for only where a text word begins with the same letters (any form of it does). */
const SHARED_START = 2;

/** True when the text's word at `i` is a form of a term word (given with its stem). */
function sameWord(term: string, root: string, text: StemmedText, i: number): boolean {
  const word = text.words[i]!;
  if (!word.startsWith(term.slice(0, SHARED_START))) return false;
  return term === word || (root.length >= MIN_SHARED_STEM && word.startsWith(root)) || root === text.stemAt(i);
}

/** True when the words of one wording of a term stand together, in order, somewhere in the text. */
function usedIn(termWords: readonly string[], text: StemmedText, stem: (word: string) => string): boolean {
  if (!termWords.length) return false;
  const roots = termWords.map(stem);
  for (const i of text.startsWith(termWords[0]![0]!)) {
    if (i + termWords.length > text.words.length) return false;
    if (termWords.every((word, k) => sameWord(word, roots[k]!, text, i + k))) return true;
  }
  return false;
}

/**
 * A warning for each glossary term the lesson's text (its body, title, summary and objectives) never uses. A term's
 * wordings in brackets or after a slash count too ("Online grooming (cybergrooming)" is used by either), and so does
 * the last word of a phrase, its head noun ("Цифрові докази" is used where the lesson speaks of докази).
 */
export function checkGlossary(
  tree: Root,
  lesson: { lang: Lang; title: string; summary: string; objectives: readonly string[]; glossary: readonly { term: string }[] },
  locateTerm: (index: number) => { line: number; column: number },
): Finding[] {
  if (!lesson.glossary.length) return [];
  const stem = lesson.lang === 'uk' ? ukrainianStem : englishStemmer;
  const text = stemmedText(words([...lessonText(tree), lesson.title, lesson.summary, ...lesson.objectives].join('\n')), stem);
  return lesson.glossary.flatMap(({ term }, index) => {
    const phrases = term.split(/[()/]/).map(words).filter((list) => list.length);
    // A phrase's last word is its head noun (цифрові докази, особиста інформація): using it uses the term.
    const wordings = [...phrases, ...phrases.filter((phrase) => phrase.length > 1).map((phrase) => phrase.slice(-1))];
    if (wordings.some((wording) => usedIn(wording, text, stem))) return [];
    const { line, column } = locateTerm(index);
    return [warning(line, column, 'glossary-unused', { term })];
  });
}
