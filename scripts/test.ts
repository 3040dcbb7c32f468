/**
 * `npm test [-- <vitest arguments>]`: the type check (`astro sync`, then `tsc`) and the test projects (unit,
 * unit-isolated, e2e, build) side by side: the type check is one core's work for a while and the tests mostly wait on
 * Chromium and child processes, so neither waits for the other. The type check's errors are printed after the tests';
 * the exit code is non-zero when either failed.
 */
import { spawn, spawnSync } from 'node:child_process';

const BIN = 'node_modules/.bin';
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

/** Run a command to its end, its output collected; resolves with its exit code and output. */
function collect(command: string, args: string[]): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/** Run a command with the terminal as its output; resolves with its exit code. */
function run(command: string, args: string[]): Promise<number> {
  return new Promise((resolve) => spawn(command, args, { env, stdio: 'inherit' }).on('close', (code) => resolve(code ?? 1)));
}

// tsc reads the content collections' types that astro sync writes; the tests' own builds write them too, so they are
// written once here, before anything else runs.
const sync = spawnSync(`${BIN}/astro`, ['sync'], { env, encoding: 'utf8' });
if (sync.status !== 0) {
  process.stderr.write(sync.stdout + sync.stderr);
  process.exit(sync.status ?? 1);
}
// Incremental: tsc keeps what it learnt of each file (node_modules/.cache, ignored by git) and checks again only what
// changed and what depends on it (docs/ARCHITECTURE.md, "Tests").
const typecheck = collect(`${BIN}/tsc`, ['-p', '.', '--incremental', '--tsBuildInfoFile', 'node_modules/.cache/tsbuildinfo']);
const tests = run(`${BIN}/vitest`, ['run', '--project', 'unit', '--project', 'unit-isolated', '--project', 'e2e', '--project', 'build', ...process.argv.slice(2)]);
const [checked, tested] = await Promise.all([typecheck, tests]);
if (checked.code !== 0) process.stderr.write(`\nnpm test: the type check failed (tsc -p .):\n${checked.output}`);
else console.log('npm test: the type check passed (tsc -p .)');
process.exit(checked.code || tested);
