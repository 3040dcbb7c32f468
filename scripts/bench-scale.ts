/**
 * `npm run bench:scale [-- --lessons 1000] [--keep]`: the build at the size of a large library. Copies the project
 * (without node_modules and dist) into a temporary folder, grows its lessons/ to `--lessons` lesson folders by copying
 * the real lessons under new slugs (with their translations and pictures), builds it twice (cold, with an empty kit
 * cache; then after editing one lesson's text) and prints each step's time and peak memory, and the ratios the build is
 * held to. Memory is sampled from /proc for every process of the build (the build itself, each slice's page build, its
 * kit process, Pagefind's binary) every SAMPLE_MS; a process's peak is its own high-water mark (VmHWM), exact. Compare
 * ratios, not times: the machine is shared.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { copyProject } from './lib/project-copy.ts';

const { values } = parseArgs({
  options: { lessons: { type: 'string', default: '100' }, keep: { type: 'boolean', default: false }, project: { type: 'string', default: '.' } },
});
const LESSON_COUNT = Number(values.lessons);
if (!Number.isInteger(LESSON_COUNT) || LESSON_COUNT < 1) {
  console.error(`--lessons takes a whole number of lesson folders, not "${values.lessons}"`);
  process.exit(2);
}

/** ms between two readings of the build's processes. */
const SAMPLE_MS = 100;
/** The sentence the second build adds to one lesson. */
const EDIT = '\n\nЦей абзац додано, щоб перевірити перебудову одного уроку.\n';

/** The project to copy: this one, or `--project <dir>` (another version of it, to compare). */
const project = resolve(values.project);
const work = mkdtempSync(join(tmpdir(), 'bench-scale-'));

/** lessons/ grown to `count` lesson folders: the real ones, then copies of them in turn under `<slug>-<n>`. */
function growLessons(count: number): { folders: number; files: number } {
  const lessons = join(work, 'lessons');
  const originals = readdirSync(lessons).filter((name) => !name.startsWith('_') && !name.startsWith('.'));
  let folders = originals.length;
  for (let n = 1; folders < count; n++) {
    for (const slug of originals) {
      if (folders >= count) break;
      cpSync(join(lessons, slug), join(lessons, `${slug}-${n}`), { recursive: true });
      folders += 1;
    }
  }
  const files = readdirSync(lessons)
    .filter((name) => !name.startsWith('_'))
    .reduce((sum, slug) => sum + readdirSync(join(lessons, slug)).filter((file) => /^index(\.[a-z]{2})?\.mdx$/.test(file)).length, 0);
  return { folders, files };
}

/** One reading of a process: resident and peak memory (bytes). */
interface ProcessReading {
  name: string;
  rss: number;
  hwm: number;
}

/** The pids below `root` (its children, theirs…), from each process's parent in /proc. */
function descendants(root: number): number[] {
  const parents = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone between listing and reading
    }
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift()!;
    found.push(pid);
    queue.push(...(parents.get(pid) ?? []));
  }
  return found;
}

/** A process's memory now, or undefined once it has gone. */
function readProcess(pid: number): ProcessReading | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0) * 1024;
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    const script = cmdline.find((arg) => /\.(ts|js|mjs)$/.test(arg));
    const name = script ? basename(script) : basename(cmdline[0] ?? /^Name:\s+(.*)$/m.exec(status)?.[1] ?? String(pid));
    return { name, rss: kb('VmRSS'), hwm: kb('VmHWM') };
  } catch {
    return undefined;
  }
}

/** A step of the build as it printed it, placed in time (ms since the build started). */
interface TimedStep {
  name: string;
  ms: number;
  start: number;
  end: number;
  detail: string;
}

/** What one build measured. */
interface BuildRun {
  steps: TimedStep[];
  totalMs: number;
  /** The peak of each process of the build, by name, largest first. */
  processes: { name: string; peak: number }[];
  /** Each process's memory (by name) at each sample, with its time. */
  samples: { at: number; rss: Map<string, number> }[];
  output: string;
}

/** Run `npm run build` in the copy, sampling its processes; its steps from its trace (or its summary table). */
async function build(label: string): Promise<BuildRun> {
  const trace = join(work, `steps-${label}.json`);
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts'], {
    cwd: work,
    env: { ...process.env, LESSON_KITS_STEP_TRACE: trace, FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const peaks = new Map<number, ProcessReading>();
  const samples: BuildRun['samples'] = [];
  const sample = () => {
    if (child.pid === undefined) return;
    const rss = new Map<string, number>();
    for (const pid of descendants(child.pid)) {
      const reading = readProcess(pid);
      if (!reading) continue;
      rss.set(reading.name, Math.max(rss.get(reading.name) ?? 0, reading.rss));
      const known = peaks.get(pid);
      if (!known || reading.hwm >= known.hwm) peaks.set(pid, reading);
    }
    samples.push({ at: performance.now() - started, rss });
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const code = await new Promise<number>((done) => child.on('close', (exit) => done(exit ?? 1)));
  clearInterval(timer);
  const totalMs = performance.now() - started;
  if (code !== 0) {
    console.error(output);
    throw new Error(`the ${label} build failed (exit ${code}); the copy is kept in ${work}`);
  }
  const byName = new Map<string, number>();
  for (const reading of peaks.values()) byName.set(reading.name, Math.max(byName.get(reading.name) ?? 0, reading.hwm));
  const processes = [...byName].map(([name, peak]) => ({ name, peak })).sort((a, b) => b.peak - a.peak);
  return { steps: stepsOf(output, trace, totalMs), totalMs, processes, samples, output };
}

/**
 * The build's steps: from the trace it writes (each step's start and end), or, for a build that writes none, from its
 * summary table, placed one after another back from its end.
 */
function stepsOf(output: string, trace: string, totalMs: number): TimedStep[] {
  if (existsSync(trace)) return JSON.parse(readFileSync(trace, 'utf8')) as TimedStep[];
  const rows = [...output.matchAll(/^ {2}(\S+(?: \S+)?)\s{2,}([\d.]+) (ms|s)\s+(.*)$/gm)]
    .map(([, name, value, unit, detail]) => ({ name: name!, ms: Number(value) * (unit === 's' ? 1000 : 1), detail: detail! }))
    .filter((row) => row.name !== 'total');
  let end = totalMs;
  const placed = rows.reverse().map((row) => {
    const step = { ...row, start: end - row.ms, end };
    end -= row.ms;
    return step;
  });
  return placed.reverse();
}

/** The process the kits render in, where they have one of their own (src/kit/process.ts). */
const KITS_PROCESS = 'process.ts';

/**
 * The peak of the largest process doing a step's work while it ran: for the kits, their own process (where they have
 * one); for the other steps, the largest of the others (the build, Pagefind's binary).
 */
function stepPeak(run: BuildRun, step: TimedStep): number {
  const ownProcess = step.name === 'kits' && run.samples.some((s) => s.rss.has(KITS_PROCESS));
  const inside = run.samples
    .filter((s) => s.at >= step.start && s.at <= step.end + SAMPLE_MS)
    .map((s) => Math.max(0, ...[...s.rss].filter(([name]) => (name === KITS_PROCESS) === ownProcess).map(([, rss]) => rss)));
  return Math.max(0, ...inside);
}

const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The edited lesson: the first copy (or the first lesson when none was copied). */
function editOneLesson(): string {
  const lessons = join(work, 'lessons');
  const slugs = readdirSync(lessons).filter((name) => !name.startsWith('_')).sort();
  const slug = slugs.find((name) => /-\d+$/.test(name)) ?? slugs[0]!;
  const file = join(lessons, slug, 'index.mdx');
  writeFileSync(file, readFileSync(file, 'utf8') + EDIT);
  return `${slug}/index.mdx`;
}

try {
  copyProject(project, work, { ownKitCache: true });
  const grown = growLessons(LESSON_COUNT);
  console.log(`bench:scale: ${grown.folders} lesson folders, ${grown.files} lesson files, in ${work}`);
  const cold = await build('cold');
  console.log(cold.output.trim());
  const edited = editOneLesson();
  const warm = await build('one-lesson');
  console.log(warm.output.trim());

  const names = [...new Set([...cold.steps, ...warm.steps].map((step) => step.name))];
  const cell = (run: BuildRun, name: string) => {
    const step = run.steps.find((s) => s.name === name);
    return step ? [seconds(step.ms), gb(stepPeak(run, step))] : ['—', '—'];
  };
  const rows = [
    ['step', 'first build', 'peak', `after editing ${edited}`, 'peak'],
    ...names.map((name) => [name, ...cell(cold, name), ...cell(warm, name)]),
    ['total', seconds(cold.totalMs), gb(Math.max(...cold.processes.map((p) => p.peak))), seconds(warm.totalMs), gb(Math.max(...warm.processes.map((p) => p.peak)))],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  console.log(`\n${grown.folders} lesson folders, ${grown.files} lesson files (peaks: the largest process doing the step's work while it ran; the kits' own process for the kits)`);
  for (const [r, row] of rows.entries()) {
    console.log(row.map((text, i) => (i === 0 ? text.padEnd(widths[i]!) : text.padStart(widths[i]!))).join('  '));
    if (r === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  for (const [label, run] of [['first build', cold], ['one-lesson rebuild', warm]] as const) {
    console.log(`peak by process, ${label}: ${run.processes.slice(0, 4).map((p) => `${p.name} ${gb(p.peak)}`).join(', ')}`);
  }
  const ms = (run: BuildRun, name: string) => run.steps.find((step) => step.name === name)?.ms ?? Number.NaN;
  const ratio = cold.totalMs / (ms(cold, 'pages') + ms(cold, 'search index'));
  console.log(`\ncold ratio (total / (pages + search index)): ${ratio.toFixed(2)}  (target ≤ 1.25)`);
  const kitsDetail = warm.steps.find((step) => step.name === 'kits')?.detail ?? '';
  const lessonsDone = /lessons' kits done after ([\d.]+ m?s)/.exec(kitsDetail)?.[1] ?? '?';
  const bundlesDone = /band bundles after ([\d.]+ m?s)/.exec(kitsDetail)?.[1] ?? '?';
  // What the step did: how many products it rendered and copied, and how many were rendered ahead (src/kit/warm-up.ts).
  const kitsDone = kitsDetail.split('; ')[1] ?? '?';
  console.log(`one-lesson rebuild, kits step: ${seconds(ms(warm, 'kits'))}, ${kitsDone}; lessons' kits done after ${lessonsDone}, band bundles after ${bundlesDone}  (target ≤ 1 s plus copying)`);
  console.log(`peak of the largest process: ${gb(Math.max(...cold.processes.map((p) => p.peak), ...warm.processes.map((p) => p.peak)))}  (target ≤ 1.5 GB)`);
} finally {
  if (values.keep) console.log(`kept: ${work}`);
  else rmSync(work, { recursive: true, force: true });
}
