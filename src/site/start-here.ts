/**
 * START-HERE.html at the top of the offline bundle (src/site/bundle.ts): for the person who copies it, in Ukrainian
 * and English — how to open the copy from disk, serve it on the school network, and check that it is complete.
 * One self-contained page (styles inline, no script), readable from a USB stick on any computer.
 */
import { t } from '../i18n/index.ts';
import { plural } from '../i18n/uk.ts';

/** What START-HERE says about the copy. */
export interface CopyFacts {
  /** The bundle's top folder, `lesson-kits-<version>`. */
  folder: string;
  version: string;
  commit?: string;
  commitDate?: string;
  builtOn: string;
  /** Lesson pages (Ukrainian). */
  lessons: number;
  /** PDF files under kits/ (kits and whatever else is printed from there). */
  kits: number;
}

/**
 * The PowerShell line that checks MANIFEST.sha256 on Windows (where sha256sum is missing): every file's SHA-256
 * against the manifest, naming each missing or changed file. `-ne` on strings ignores case (Get-FileHash prints
 * upper-case hex).
 */
export const POWERSHELL_CHECK =
  "$bad = 0; Get-Content MANIFEST.sha256 | ForEach-Object { $hash, $file = $_ -split '  ', 2; " +
  "if (-not (Test-Path -LiteralPath $file) -or (Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash -ne $hash) { $bad++; \"FAILED: $file\" } }; " +
  "if ($bad) { \"$bad file(s) missing or changed\" } else { 'All files OK' }";

/** Text for HTML. */
function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The page. */
export function startHereHtml(facts: CopyFacts): string {
  const build = `${facts.version}${facts.commit ? ` (${facts.commit}${facts.commitDate ? `, ${facts.commitDate}` : ''})` : ''}`;
  const code = (text: string) => `<code>${escape(text)}</code>`;
  const block = (text: string) => `<pre><code>${escape(text)}</code></pre>`;
  const uk = t('uk').siteName;
  const en = t('en').siteName;
  const lessonsUk = `${facts.lessons} ${plural(facts.lessons, 'урок', 'уроки', 'уроків')}`;
  const kitsUk = `${facts.kits} ${plural(facts.kits, 'файл', 'файли', 'файлів')} PDF для друку`;
  return `<!doctype html>
<html lang="uk">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Почніть тут — офлайн-копія «${escape(uk)}» · Start here</title>
<style>
  body { font: 17px/1.55 'PT Sans', 'Segoe UI', Arial, sans-serif; color: #1f2a30; background: #fbfaf6; margin: 0; }
  main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
  h1 { font-size: 1.8rem; line-height: 1.2; } h2 { margin-top: 2rem; }
  a { color: #0d5c63; }
  .open { display: inline-block; background: #0d5c63; color: #fff; font-weight: 700; padding: 0.6rem 1.2rem; border-radius: 8px; text-decoration: none; }
  .facts { color: #46535b; }
  code { background: #eef0ee; padding: 0.05rem 0.3rem; border-radius: 4px; font-size: 0.92em; }
  pre { background: #eef0ee; padding: 0.6rem 0.8rem; border-radius: 6px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; }
  pre code { padding: 0; background: none; }
  section + section { border-top: 2px solid #d9d4c7; margin-top: 2.5rem; }
  li { margin-bottom: 0.6rem; }
</style>
</head>
<body>
<main>
<section>
<h1>Офлайн-копія «${escape(uk)}»</h1>
<p class="facts">Версія ${escape(build)}, збірка від ${escape(facts.builtOn)}: ${lessonsUk}, ${kitsUk}. <a href="#en" lang="en">English below</a></p>
<p><a class="open" href="site/index.html">Відкрити сайт</a></p>

<h2>Як користуватися копією</h2>
<ol>
<li><strong>З флешки чи диска.</strong> Відкрийте ${code('site/index.html')} (або кнопку вище) у будь-якому браузері. Працюють усі сторінки й набори для друку. Пошук без сервера шукає лише в назвах, описах і темах уроків; пошук у повних текстах працює, коли сайт відкрито через сервер (нижче).</li>
<li><strong>Для всієї шкільної мережі — serve.mjs.</strong> Потрібен лише Node.js 18 або новіший (без інтернету й без встановлення пакетів). У цій теці (${code(facts.folder)}) виконайте:
${block('node serve.mjs --lan')}
Він покаже адреси, які відкриваються на інших комп’ютерах і телефонах у тій самій мережі. Без ${code('--lan')} сайт видно лише на цьому комп’ютері: ${code('http://127.0.0.1:8080/')}. Інший порт: ${code('--port 8081')}. Зупинити: Ctrl+C. Сервер лише показує файли сайту, нічого не змінює й не віддає файлів поза текою site.</li>
<li><strong>Python.</strong> Якщо на комп’ютері є Python 3, у цій теці виконайте ${code('python3 -m http.server 8080 --directory site')} (у Windows: ${code('py -m http.server 8080 --directory site')}) і відкрийте ${code('http://localhost:8080/')}. Python відкриває сайт усій мережі.</li>
<li><strong>Будь-який вебсервер.</strong> Скопіюйте вміст теки ${code('site')} на шкільний сервер (Apache, nginx, IIS, мережеве сховище) — у корінь або в будь-яку підтеку, наприклад ${code('https://school.example/uroky/')}. Налаштовувати нічого не треба. Щоб для неіснуючих адрес сервер показував сторінку «Сторінку не знайдено», вкажіть йому ${code('404.html')} із теки site.</li>
<li><strong>Kiwix.</strong> Якщо школа вже користується Kiwix, ці самі сторінки можна отримати файлом ${code('.zim')}: його збирають у репозиторії проєкту командою ${code('npm run zim')} і додають до бібліотеки Kiwix.</li>
</ol>

<h2>Як перевірити, що копія повна</h2>
<p>${code('MANIFEST.sha256')} містить контрольну суму SHA-256 кожного файлу копії. У Linux (у macOS — ${code('shasum -a 256 -c MANIFEST.sha256')}) у теці ${code(facts.folder)} виконайте:</p>
${block('sha256sum -c MANIFEST.sha256')}
<p>Кожен рядок має закінчуватися на «OK». У Windows відкрийте PowerShell у теці ${code(facts.folder)} і вставте цей рядок; він має написати «All files OK»:</p>
${block(POWERSHELL_CHECK)}
</section>

<section id="en" lang="en">
<h1>Offline copy of “${escape(en)}”</h1>
<p class="facts">Version ${escape(build)}, built on ${escape(facts.builtOn)}: ${facts.lessons} lesson${facts.lessons === 1 ? '' : 's'}, ${facts.kits} printable PDF file${facts.kits === 1 ? '' : 's'}. The lessons are in Ukrainian; the site also has an English interface.</p>
<p><a class="open" href="site/index.html">Open the site</a></p>

<h2>How to use the copy</h2>
<ol>
<li><strong>From a USB stick or disk.</strong> Open ${code('site/index.html')} (or the button above) in any browser. Every page and printable kit works. Without a server, search looks only in lesson titles, summaries and topics; full-text search works when the site is opened through a server (below).</li>
<li><strong>For the whole school network: serve.mjs.</strong> It needs only Node.js 18 or newer (no internet, nothing to install). In this folder (${code(facts.folder)}) run:
${block('node serve.mjs --lan')}
It prints the addresses to open on other computers and phones on the same network. Without ${code('--lan')} only this computer can open the site: ${code('http://127.0.0.1:8080/')}. Another port: ${code('--port 8081')}. Stop it with Ctrl+C. The server only shows the site’s files: it changes nothing and serves nothing outside the site folder.</li>
<li><strong>Python.</strong> With Python 3, run ${code('python3 -m http.server 8080 --directory site')} in this folder (on Windows: ${code('py -m http.server 8080 --directory site')}) and open ${code('http://localhost:8080/')}. Python serves the whole network.</li>
<li><strong>Any web server.</strong> Copy the contents of the ${code('site')} folder to a school server (Apache, nginx, IIS, a NAS), at its root or in any sub-folder such as ${code('https://school.example/lessons/')}. Nothing needs configuring. To show the site’s “Page not found” page for missing addresses, point the server to ${code('404.html')} in the site folder.</li>
<li><strong>Kiwix.</strong> Where a school already runs Kiwix, the same pages can be had as a ${code('.zim')} file: built in the project’s repository with ${code('npm run zim')} and added to the Kiwix library.</li>
</ol>

<h2>How to check that the copy is complete</h2>
<p>${code('MANIFEST.sha256')} holds the SHA-256 checksum of every file of the copy. On Linux (on macOS, ${code('shasum -a 256 -c MANIFEST.sha256')}), in the ${code(facts.folder)} folder run:</p>
${block('sha256sum -c MANIFEST.sha256')}
<p>Every line must end in “OK”. On Windows, open PowerShell in the ${code(facts.folder)} folder and paste this line; it must print “All files OK”:</p>
${block(POWERSHELL_CHECK)}
</section>
</main>
</body>
</html>
`;
}
