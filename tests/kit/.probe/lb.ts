import { breakLines } from '../../../src/kit/text/linebreak.ts'
import { hyphenateUk } from '../../../src/kit/text/hyphenate.ts'
import { loadFonts, fontMetrics } from '../../../src/kit/text/fonts.ts'
const m = fontMetrics(loadFonts())
const text = 'Безпека дітей в інтернеті: кібергрумінг, секстинг і сексторшн — це теми, про які варто говорити з дітьми відверто й спокійно. Посилання: https://www.example.com/very/long/path/to/some/resource?with=query&and=more. '
let t = performance.now()
const lines = breakLines([{ text: text.repeat(3), font: 'regular' }, {text: 'Жирний текст наприкінці.', font: 'bold'}], { width: 200, size: 11, measure: m.measure, hyphenate: hyphenateUk })
console.log(performance.now() - t)
for (const l of lines) console.log(l.width.toFixed(1).padStart(6), l.joint, JSON.stringify(l.fragments.map(f => f.text).join('|')))
t = performance.now()
for (let i=0;i<100;i++) breakLines([{ text: text.repeat(3), font: 'regular' }], { width: 200, size: 11, measure: m.measure, hyphenate: hyphenateUk })
console.log('100x', performance.now() - t)
