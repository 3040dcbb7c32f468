/**
 * Streams of finished bytes (deflated already, or stored as they are). pdf-lib's PDFRawStream writes its contents byte
 * by byte and makes its /Length number again on every size query and write; these are copied in one block and get
 * their /Length once. The bytes written are the same.
 */
import { PDFName, PDFNumber, PDFStream, type PDFContext, type PDFDict } from 'pdf-lib'

/** `\nstream\n` and `\nendstream` around the contents (ISO 32000 §7.3.8.1), as pdf-lib writes them. */
const STREAM_START = new TextEncoder().encode('\nstream\n')
const STREAM_END = new TextEncoder().encode('\nendstream')

/** A stream whose contents are final: its dictionary's /Length is set to their size when it is made. */
export class FinishedStream extends PDFStream {
  readonly contents: Uint8Array

  constructor(dict: PDFDict, contents: Uint8Array) {
    super(dict)
    this.contents = contents
    dict.set(PDFName.of('Length'), PDFNumber.of(contents.length))
  }

  /** A stream of these contents with this dictionary. */
  static of(dict: PDFDict, contents: Uint8Array): FinishedStream {
    return new FinishedStream(dict, contents)
  }

  override clone(context?: PDFContext): FinishedStream {
    return new FinishedStream(this.dict.clone(context), this.contents.slice())
  }

  override getContents(): Uint8Array {
    return this.contents
  }

  override getContentsSize(): number {
    return this.contents.length
  }

  override getContentsString(): string {
    return Buffer.from(this.contents.buffer, this.contents.byteOffset, this.contents.byteLength).toString('latin1')
  }

  /** Nothing to update: the contents never change, and /Length was set when the stream was made. */
  override updateDict(): void {}

  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    let at = offset + this.dict.copyBytesInto(buffer, offset)
    buffer.set(STREAM_START, at)
    at += STREAM_START.length
    buffer.set(this.contents, at)
    at += this.contents.length
    buffer.set(STREAM_END, at)
    return at + STREAM_END.length - offset
  }
}
