/** The shape of the checker's message catalogue: one entry per rule id, each a message and a hint made from the rule's parameters. */

/** One rule's texts in one language: what is wrong (quoting the bad value) and how to fix it. */
export interface MessageEntry<P> {
  message(params: P): string;
  hint(params: P): string;
}

/** An entry whose parameter type is inferred from its functions (the Ukrainian catalogue defines each rule's parameters). */
export function entry<P = Record<string, never>>(texts: MessageEntry<P>): MessageEntry<P> {
  return texts;
}

/** What a file or picture was instead of a regular file (a refusal of `checkInside`). */
export type NotAFile = 'folder' | 'pipe' | 'device' | 'socket' | 'special' | 'missing';

/** Which file a size limit was met by. */
export type SizedFile = 'lesson' | 'data' | 'picture';
