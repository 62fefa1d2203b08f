// Starts the real entry point (bot/main.ts) as a child process, the way `npm start` does, for tests
// of start-up, configuration failures, signals and crashes.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface SpawnedServer {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  /** Resolves with the URL once the server logs that it listens. */
  listening(timeoutMs?: number): Promise<string>;
}

export function spawnServer(options: { env: Record<string, string>; cwd?: string }): SpawnedServer {
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(root, 'bot', 'main.ts')], {
    cwd: options.cwd ?? root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    listening(timeoutMs = 30_000) {
      return new Promise((resolve, reject) => {
        const started = Date.now();
        const timer = setInterval(() => {
          const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
          if (m?.[1]) {
            clearInterval(timer);
            resolve(m[1]);
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(timer);
            reject(new Error(`server did not start: exit ${child.exitCode}; stderr: ${err.slice(0, 2000)}; stdout: ${out.slice(0, 2000)}`));
          }
        }, 50);
      });
    },
  };
}
