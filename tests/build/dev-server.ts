import { spawn } from 'node:child_process';
import { freePort } from '../free-port.ts';

/** An `astro dev` server a test started: its address, everything it has printed so far, and how to stop it. */
export interface DevServer {
  base: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** Start `astro dev` in the project at `cwd` on a free port with `env`; resolves once the server prints its address (60 s at most). */
export async function startDevServer(cwd: string, env: NodeJS.ProcessEnv): Promise<DevServer> {
  const server = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(await freePort())], {
    cwd,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`astro dev did not start in 60 s:\n${log}`)), 60_000);
    const read = (chunk: Buffer) => {
      log += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(log.replace(/\x1b\[[0-9;]*m/g, ''));
      if (match) {
        clearTimeout(timer);
        resolve(`http://127.0.0.1:${match[1]}`);
      }
    };
    server.stdout.on('data', read);
    server.stderr.on('data', read);
  });
  return {
    base,
    log: () => log,
    // Wait until the server has gone: its project copy is removed next.
    stop: async () => {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
    },
  };
}
