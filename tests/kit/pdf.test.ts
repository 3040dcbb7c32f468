import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, test } from 'vitest'
import { renderSample, sampleBlocks } from '../../scripts/kit-sample.ts'

/** Whether poppler and qpdf are installed (CI's .ci/run installs them; a bare machine skips these tests). */
const hasTools = ['pdftotext', 'pdffonts', 'pdfinfo', 'qpdf'].every((tool) => {
  try {
    execFileSync('which', [tool])
    return true
  } catch {
    return false
  }
})

const run = (cmd: string, args: string[]): string => execFileSync(cmd, args, { encoding: 'utf8' })
/** Whitespace collapsed and line-end hyphens joined, as the round-trip check in the kit issue asks. */
const normalize = (s: string): string => s.replace(/-\n/g, '').replace(/\s+/g, ' ').trim()

describe.skipIf(!hasTools)('the sample kit as a real PDF', () => {
  let file = ''
  let bytes: Uint8Array
  beforeAll(async () => {
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
    for (const r of rows) expect(r).toMatch(/^[A-Z]{6}\+PTSans-\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/)
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

  test('the same input gives the same bytes', async () => {
    const again = await renderSample('a4')
    const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex')
    expect(sha(again)).toBe(sha(bytes))
  })
})
