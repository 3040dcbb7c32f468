/**
 * What a lesson's printed products are made of, recorded while the loader reads and checks it: the bytes of its text,
 * of each picture it shows, and the titles its site links print. The kit cache builds its keys from this record
 * (src/kit/cache.ts), so a run over a thousand lessons neither reads their files nor walks their trees a second time,
 * and a key always stands for the very bytes that were checked.
 */
import { createHash } from 'node:crypto';

/** A lesson's inputs as the loader met them. */
export interface LessonInputs {
  /** SHA-256 of the lesson's text as read (the file's bytes, or the UTF-8 of a text given directly). */
  text: string;
  /** Each picture the body shows, by its URL as written: SHA-256 of the bytes the picture check read. */
  pictures: Map<string, string>;
  /** The title (after its language) each link into the site prints beside its text, in reading order. */
  linkedTitles: string[];
}

/** SHA-256 of bytes or of a text's UTF-8, hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** A record for a lesson whose text hashes to `textHash`, to be filled in as its body is checked. */
export function newInputs(textHash: string): LessonInputs {
  return { text: textHash, pictures: new Map(), linkedTitles: [] };
}
