import type { Lang } from '../model/formats.ts';

/** The about page's prose, by language: purpose, provenance, licence. Paragraphs in order. */
export const ABOUT: Record<Lang, { purpose: string[]; provenanceTitle: string; provenance: string[]; licenseTitle: string; license: string; offlineTitle: string; offline: string[]; offlineWays: string[] }> = {
  uk: {
    purpose: [
      'Цей сайт — бібліотека готових уроків, квестів і занять про безпеку дітей в інтернеті для вихователів, учителів і шкільних психологів. Уроки розподілено за віковими групами: від 4–6 років до 9–11 класу.',
      'Кожен урок вчить одного й того самого в словах, зрозумілих дітям певного віку: розпізнати маніпуляцію, відмовити, зупинити розмову, зберегти докази, розповісти дорослому, якому довіряєш, і повідомити про порушення. Жоден урок не перекладає відповідальність на дитину.',
      'Для кожного уроку є друкований набір для вчителя: план із часом, слова для вчителя, роздатки, картки для вирізання, ключ відповідей, пам’ятка для батьків і сторінка з телефонами допомоги.',
    ],
    provenanceTitle: 'Звідки ці уроки',
    provenance: [
      'Перелік тем і вікових груп узято з освітнього проєкту #stop_sexting (2018–2021), який розробляв уроки та квести про секстинг, кібергрумінг і сексторшен для дітей від 4 років до 11 класу.',
      'Тексти уроків на цьому сайті — нові, написані для цього видання за переліком уроків того проєкту. Вони не є оригінальними матеріалами #stop_sexting, і цей сайт не стверджує, що його схвалили автори чи партнери того проєкту.',
      'Кожен урок указує своїх авторів і рецензентів. Якщо урок ще не переглянув методист, про це сказано на сторінці уроку й у наборі для друку.',
      'Телефони, адреси й правові норми застарівають. Тому вони зберігаються окремо, з посиланням на джерело й датою останньої перевірки; якщо факт не вдалося перевірити, поруч написано «не перевірено».',
    ],
    licenseTitle: 'Ліцензія',
    license: 'Тексти уроків поширюються за ліцензією Creative Commons «Зазначення авторства — Поширення на тих самих умовах» 4.0 (CC BY-SA 4.0), якщо на сторінці уроку не вказано іншу. Їх можна друкувати, копіювати й адаптувати для своїх учнів, зазначивши джерело.',
    offlineTitle: 'Без інтернету',
    offline: [
      'Сайт не звертається до жодного іншого сервера: шрифти, пошук і набори для друку лежать у ньому самому. Школа може мати власну копію й користуватися нею без інтернету. Розпакуйте архів офлайн-копії (посилання нижче), а далі:',
    ],
    offlineWays: [
      'З флешки чи диска: відкрийте START-HERE.html або site/index.html у браузері. Працює все, лише пошук шукає в назвах, описах і темах уроків, а не в повних текстах.',
      'Для всієї шкільної мережі: на комп’ютері з Node.js 18 або новішим виконайте в теці копії node serve.mjs --lan і відкрийте на інших пристроях адресу, яку він покаже. Тоді працює й повний пошук. Підійде й будь-який вебсервер, навіть у підтеці (наприклад, python3 -m http.server у теці site).',
      'У Kiwix: ці самі сторінки можна зібрати у файл .zim і додати до бібліотеки Kiwix (як — сказано в README проєкту).',
      'Щоб перевірити, що копія повна й не пошкоджена, виконайте в теці копії sha256sum -c MANIFEST.sha256 (у Windows — рядок PowerShell із START-HERE.html).',
    ],
  },
  en: {
    purpose: [
      "This site is a library of ready-to-run lessons, quests and sessions on children's online safety for preschool and school teachers and school psychologists. Lessons are grouped by age, from ages 4–6 to grades 9–11.",
      'Every lesson teaches the same things in words children of that age understand: recognise manipulation, refuse, stop the conversation, keep evidence, tell a trusted adult and report. No lesson puts the blame on the child.',
      'Every lesson has a printable teacher kit: a timed plan, the teacher’s script, handouts, cut-out cards, an answer key, a memo for parents and a page of helplines.',
    ],
    provenanceTitle: 'Where these lessons come from',
    provenance: [
      'The list of topics and age groups comes from the #stop_sexting education project (2018–2021), which developed lessons and quests on sexting, cybergrooming and sextortion for children from age 4 to grade 11.',
      'The lesson texts on this site are new, written for this edition after that project’s list of lessons. They are not original #stop_sexting materials, and this site does not claim endorsement by that project’s authors or partners.',
      'Every lesson names its authors and reviewers. If a methodologist has not yet reviewed a lesson, its page and its printable kit say so.',
      'Phone numbers, addresses and legal statements go out of date, so they are kept as data with their source and the date they were last verified; a fact that could not be verified is marked “not verified”.',
    ],
    licenseTitle: 'Licence',
    license: 'Lesson texts are licensed under Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0) unless a lesson page says otherwise. You may print, copy and adapt them for your pupils, with attribution.',
    offlineTitle: 'Without internet',
    offline: [
      'The site makes no request to any other server: fonts, search and printable kits are inside it. A school can keep its own copy and use it without internet. Unpack the offline copy (link below), then:',
    ],
    offlineWays: [
      'From a USB stick or disk: open START-HERE.html or site/index.html in a browser. Everything works; search looks in lesson titles, summaries and topics rather than the full texts.',
      'For the whole school network: on a computer with Node.js 18 or newer, run node serve.mjs --lan in the copy’s folder and open the address it prints on other devices. Full search works then. Any web server will do too, even in a sub-folder (for example python3 -m http.server in the site folder).',
      'In Kiwix: the same pages can be packed into a .zim file for a Kiwix library (the project’s README says how).',
      'To check that a copy is complete and undamaged, run sha256sum -c MANIFEST.sha256 in the copy’s folder (on Windows, the PowerShell line in START-HERE.html).',
    ],
  },
};
