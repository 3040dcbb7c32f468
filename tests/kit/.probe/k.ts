import { loadFonts, fontMetrics } from '/work/main/src/kit/text/fonts.ts'
import fontkit from '@pdf-lib/fontkit'
let t = performance.now()
const fonts = loadFonts()
console.log('load', performance.now() - t)
const m = fontMetrics(fonts)
for (const id of ['regular','bold','italic','boldItalic'] as const) {
  const f = fontkit.create(fonts[id].bytes)
  let bad = 0, n = 0
  const s = 'AVТУАУ Ta Ту Ya, Yo. «Гра» — LT ЛТ Г. г. Р. ТАКОЖ Привіт, світе! Безпека дітей в інтернеті. Ґанок.'
  const run = f.layout(s, ['kern'])
  const fk = run.positions.reduce((a, p) => a + p.xAdvance, 0)
  const mine = m.measure(s, id, 1000)
  console.log(id, fk, mine, run.glyphs.length, [...s].length)
}
t = performance.now()
const text = 'Безпека дітей в інтернеті: кібергрумінг, секстинг і сексторшн. Довірений дорослий. '.repeat(100)
for (let i = 0; i < 10; i++) m.measure(text, 'regular', 11)
console.log('measure 10x8400 chars', performance.now() - t)
t = performance.now()
for (let i = 0; i < 10; i++) m.measure(text, 'regular', 11)
console.log('measure 10x8400 chars warm', performance.now() - t)
