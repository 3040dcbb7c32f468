/** Inline stage: glyph coverage checks and runs → styled text for the line breaker. */
import type { Block, Run, SourcePos } from '../blocks.ts'
import type { StyledText } from '../text/linebreak.ts'
import { fontFor, type FontId, type TextMetrics } from '../text/types.ts'
import type { LayoutError } from './types.ts'

/** Characters that never need a glyph: layout turns them into space or drops them. */
const IGNORABLE = /[\s\u00AD\u200B]/u

/** Styled text for the breaker; with `printUrls`, a link's address follows its text when the two differ. */
export function toStyled(runs: readonly Run[], printUrls: boolean, force?: { bold?: boolean; italic?: boolean }): StyledText[] {
  const out: StyledText[] = []
  for (const r of runs) {
    const font = fontFor({ bold: r.bold || force?.bold, italic: r.italic || force?.italic })
    const s: StyledText = { text: r.text, font: r.code ? (force?.bold ? 'bold' : 'regular') : font }
    if (r.code) s.code = true
    if (r.href !== undefined) s.href = r.href
    out.push(s)
    if (printUrls && r.href && !sameAddress(r.text, r.href)) {
      out.push({ text: ` (${r.href})`, font: fontFor({ italic: r.italic || force?.italic }), href: r.href })
    }
  }
  return out
}

/** Whether a link's text already shows its address (ignoring the scheme and a trailing slash). */
function sameAddress(text: string, href: string): boolean {
  const norm = (s: string): string => s.trim().replace(/^(https?:\/\/|mailto:|tel:)/i, '').replace(/\/$/, '')
  return norm(text) === norm(href)
}

/** Every character a face must draw for these blocks, with where it stands; one error per character and face. */
export function resolveGlyphs(blocks: readonly Block[], metrics: TextMetrics, printUrls: boolean, extra: readonly string[]): LayoutError[] {
  const errors: LayoutError[] = []
  const seen = new Set<string>()
  const check = (text: string, font: FontId, pos: SourcePos | undefined): void => {
    for (const ch of text) {
      if (IGNORABLE.test(ch)) continue
      const cp = ch.codePointAt(0)!
      const key = `${font}:${cp}`
      if (seen.has(key)) continue
      seen.add(key)
      if (!metrics.hasGlyph(cp, font)) {
        const hex = cp.toString(16).toUpperCase().padStart(4, '0')
        errors.push({
          kind: 'missing-glyph',
          char: ch,
          codePoint: cp,
          font,
          pos,
          message: `the kit font (PT Sans, ${font}) has no glyph for "${ch}" (U+${hex}); replace it or remove it`,
        })
      }
    }
  }
  const runs = (rs: readonly Run[] | undefined, pos: SourcePos | undefined, force?: { bold?: boolean; italic?: boolean }): void => {
    for (const s of toStyled(rs ?? [], printUrls, force)) check(s.text, s.font, pos)
  }
  const visit = (list: readonly Block[]): void => {
    for (const b of list) {
      switch (b.kind) {
        case 'heading':
          runs(b.runs, b.pos, { bold: true })
          break
        case 'paragraph':
          runs(b.runs, b.pos)
          break
        case 'list':
          for (const item of b.items) visit(item)
          break
        case 'table':
          for (const cell of b.header) runs(cell, b.pos, { bold: true })
          for (const row of b.rows) for (const cell of row) runs(cell, b.pos)
          break
        case 'image':
          runs(b.caption, b.pos, { italic: true })
          break
        case 'box':
          runs(b.title, b.pos, { bold: true })
          visit(b.children)
          break
        case 'cards':
          runs(b.title, b.pos, { bold: true })
          for (const c of b.cards) runs(c, b.pos)
          break
        case 'nameLine':
          check(b.nameLabel + b.dateLabel, 'regular', b.pos)
          break
        case 'rule':
        case 'pageBreak':
          break
      }
    }
  }
  visit(blocks)
  for (const s of extra) {
    check(s, 'regular', undefined)
    check(s, 'bold', undefined)
  }
  return errors
}
