import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const SOT = path.resolve('bin/sot.js');

export interface SotProcess {
  child: ChildProcess;
  /** Where it listens; empty for a `worker`, which does not. */
  url: string;
  /** Everything the process wrote so far. */
  output(): string;
  /** Resolves with the exit code (null when killed by a signal) once the process is gone. */
  exited: Promise<number | null>;
}

/**
 * Runs `sot start` (with `--role` when given) as its own process, the way an operator does, and
 * waits until it listens, or for a worker until it says it is ready.
 */
export async function startSotProcess(env: Record<string, string>, { timeoutMs = 90_000, role, nodeOptions = [] }: { timeoutMs?: number; role?: 'web' | 'worker' | 'all'; nodeOptions?: string[] } = {}): Promise<SotProcess> {
  const child = spawn(process.execPath, [...nodeOptions, SOT, 'start', ...(role ? ['--role', role] : [])], {
    env: { ...process.env, NODE_ENV: 'development', DEMO: 'false', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`sot did not start:\n${output}`)), timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`sot exited with ${code} before listening:\n${output}`));
    });
    const watch = () => {
      const match = role === 'worker' ? /"msg":"Sot worker is ready"/.exec(output) : /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', watch);
      resolve(match[1] ?? '');
    };
    child.stdout!.on('data', watch);
  });
  return { child, url, output: () => output, exited };
}
