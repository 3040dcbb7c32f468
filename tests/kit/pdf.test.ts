import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { renderSample, sampleBlocks } from '../../scripts/kit-sample.ts'
import { loadFonts } from '../../src/kit/text/fonts.ts'
import { requireTools } from './tools.ts'

/** The integers from `first` to `last`, both included. */
const range = (first: number, last: number): number[] => Array.from({ length: last - first + 1 }, (_, i) => first + i)
const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' })
/** Whitespace collapsed and line-end hyphens joined, as the round-trip check in the kit issue asks. */
const normalize = (s: string): string => s.replace(/-\n/g, '').replace(/\s+/g, ' ').trim()

describe('the sample kit as a real PDF', () => {
  let file = ''
  let bytes: Uint8Array
  beforeAll(async () => {
    requireTools('pdftotext', 'pdffonts', 'pdfinfo', 'qpdf')
    bytes = await renderSample('a4')
    file = join(mkdtempSync(join(tmpdir(), 'kit-')), 'sample.pdf')
    writeFileSync(file, bytes)
  })

  test('qpdf finds no errors', () => {
    expect(run('qpdf', ['--check', file])).toContain('No syntax or stream encoding errors')
  })

  test('only embedded subset fonts, with Unicode maps', () => {
    const rows = run('pdffonts', [file]).trim().split('\n').slice(2)
    expect(rows.length).toBeGreaterThan(0)
    // "Custom": the embedded one-byte CMap (paint/fonts.ts).
    for (const r of rows) expect(r).toMatch(/^[A-Z]{6}\+PTSans-\S+\s+CID TrueType\s+Custom\s+yes yes yes/)
  })

  test('A4 pages, title and language', () => {
    const info = run('pdfinfo', [file])
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/)
    expect(info).toContain('Title:           Кібергрумінг: як розпізнати і що робити')
    const objects = JSON.stringify(JSON.parse(run('qpdf', ['--json', file])))
    expect(objects).toContain('"/Lang":"u:uk"')
    expect(objects).toContain('"/Outlines"')
    expect(objects).toContain('"title":"Роздатка 1"')
  })

  test('US Letter when asked', async () => {
    const letter = join(mkdtempSync(join(tmpdir(), 'kit-')), 'letter.pdf')
    writeFileSync(letter, await renderSample('letter'))
    expect(run('pdfinfo', [letter])).toMatch(/Page size:\s+612 x 792 pts \(letter\)/)
  })

  test('pdftotext gives back every paragraph in order, as real Ukrainian text', () => {
    const text = normalize(run('pdftotext', [file, '-']))
    let from = 0
    for (const b of sampleBlocks()) {
      if (b.kind !== 'paragraph' && b.kind !== 'heading') continue
      // A link's address is printed after its text (a printed page cannot be clicked).
      const want = normalize(b.runs.map((r) => (r.href ? `${r.text} (${r.href})` : r.text)).join(''))
      const at = text.indexOf(want, from)
      expect(at, want).toBeGreaterThanOrEqual(0)
      from = at + want.length
    }
    // No ligature glyphs: "fi" and "fl" survive copying.
    expect(text).not.toMatch(/\uFB01|\uFB02/)
  })

  test('a face with more than 255 characters is written with two-byte codes, and copies back as the same text', async () => {
    // Latin-1, Latin Extended-A and Cyrillic letters PT Sans has: more characters than one-byte codes hold.
    const regular = loadFonts().regular
    const letters = [...range(0xc0, 0x17f), ...range(0x400, 0x4ff)]
      .filter((cp) => regular.has(cp))
      .map((cp) => String.fromCodePoint(cp))
      .filter((ch) => /\p{L}/u.test(ch))
    expect(letters.length).toBeGreaterThan(255)
    const words = Array.from({ length: Math.ceil(letters.length / 8) }, (_, i) => letters.slice(i * 8, i * 8 + 8).join(''))
    const wide = join(mkdtempSync(join(tmpdir(), 'kit-')), 'wide.pdf')
    writeFileSync(wide, await renderSample('a4', [{ kind: 'paragraph', runs: [{ text: words.join(' ') }] }]))
    expect(run('qpdf', ['--check', wide])).toContain('No syntax or stream encoding errors')
    expect(run('pdffonts', [wide])).toMatch(/PTSans-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/)
    expect(normalize(run('pdftotext', [wide, '-']))).toContain(words.join(' '))
  })

  test('the same input gives the same bytes', async () => {
    const again = await renderSample('a4')
    const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')
    expect(sha(again)).toBe(sha(bytes))
  })
})
