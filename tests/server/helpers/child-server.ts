// Runs the real server (`node --import tsx src/server/main.ts`) as a child process, for crash tests.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../../..');

export type ChildServer = { url: string; child: ChildProcess; stderr: () => string; kill(signal?: NodeJS.Signals): Promise<void> };

/** `onStderr` sees the stderr so far each time more arrives, also before the server listens. */
export function startChildServer(env: Record<string, string>, options: { onStderr?: (soFar: string) => void } = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', STATIC_DIR: path.join(ROOT, 'no-such-dist'), SEED_DIRECTORY: 'off', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => {
    err += d;
    options.onStderr?.(err);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void kill();
      reject(new Error(`server did not start within 30 s. stdout: ${out} stderr: ${err}`));
    }, 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const match = /Listening on http:\/\/localhost:(\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve({ url: `http://127.0.0.1:${match[1]}`, child, stderr: () => err, kill });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening. stderr: ${err}`));
    });
  });
}

/** Resolves once the child's stderr contains `text` at least `times` times. */
export async function waitForStderr(server: ChildServer, text: string, times = 1, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (server.stderr().split(text).length - 1 < times) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for "${text}" on the server's stderr: ${server.stderr()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
