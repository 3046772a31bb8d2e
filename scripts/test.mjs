#!/usr/bin/env node
// `npm test`: the whole suite, its independent parts side by side. The database tests and the
// browser suite each take some ten minutes one after the other; the browser suite mostly waits
// on pages and the PostgreSQL leg on its server, so run together they finish in little more than
// the longer of the two. The checks (type-check, layering, unit tests) take a minute or two and
// run before them.
//
// What the parts share is made safe before they start or kept apart by construction:
// - dist/ is built here once, first: each vitest run's global setup would otherwise find it stale
//   and build it at the same time as the other (two minutes of CPU twice, for one result).
// - The PostgreSQL leg makes its template and per-file databases under a name with its process id;
//   every server a test starts listens on a port the system handed out; data directories are
//   fresh temporary directories.
//
// Every line of every part is printed, prefixed with the part's name; the exit code is non-zero
// when any part fails, and a summary gives each step's result and time.
//
//   node scripts/test.mjs            the parts side by side
//   node scripts/test.mjs --serial   one step after another (a machine short of memory, timings)
//   node scripts/test.mjs db e2e     only the named parts
import { spawn } from 'node:child_process';
import { builtStamp, ROOT_DIR, sourceStamp } from '../bin/sourceStamp.js';

/** Parts that run side by side; the steps of one part run in order. Each step is a package.json script. */
const PARTS = {
  checks: ['typecheck', 'lint:deps', 'test:unit'],
  db: ['test:db'],
  e2e: ['test:e2e'],
};

const args = process.argv.slice(2);
const serial = args.includes('--serial');
const named = args.filter((arg) => !arg.startsWith('--'));
const unknown = named.filter((name) => !(name in PARTS));
if (unknown.length > 0) {
  console.error(`Unknown part ${unknown.join(', ')}; the parts are ${Object.keys(PARTS).join(', ')}.`);
  process.exit(2);
}
const parts = named.length > 0 ? named : Object.keys(PARTS);
const width = Math.max(...parts.map((name) => name.length), 'build'.length);
const colour = process.stdout.isTTY && !process.env.NO_COLOR;

const running = new Set();
/** @type {{ part: string, step: string, code: number | string, seconds: number }[]} */
const results = [];

/** Runs one package.json script, its output prefixed line by line; resolves to its exit code (or the signal that ended it). */
function runStep(part, step) {
  const started = performance.now();
  const prefix = `[${part.padEnd(width)}] `;
  const env = { ...process.env };
  // Output goes through a pipe here; keep the colours the terminal would have shown.
  if (colour && env.FORCE_COLOR === undefined) env.FORCE_COLOR = '1';
  // A group of its own, so a stop here ends the step's workers and browsers too.
  const child = spawn('npm', ['run', '--silent', step], { cwd: ROOT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  const relay = (stream, out) => {
    let pending = '';
    stream.setEncoding('utf8');
    stream.on('data', (chunk) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      if (lines.length > 0) out.write(lines.map((line) => prefix + line + '\n').join(''));
    });
    stream.on('end', () => {
      if (pending) out.write(prefix + pending + '\n');
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);
  out(`${prefix}> npm run ${step}`);
  return new Promise((resolve) => {
    child.on('error', (error) => {
      running.delete(child);
      out(`${prefix}could not start npm run ${step}: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      running.delete(child);
      const seconds = (performance.now() - started) / 1000;
      const result = code ?? signal ?? 1;
      results.push({ part, step, code: result, seconds });
      out(`${prefix}${step} ${result === 0 ? 'passed' : `FAILED (${result})`} in ${format(seconds)}`);
      resolve(result);
    });
  });
}

function out(line) {
  process.stdout.write(`${line}\n`);
}

function format(seconds) {
  return seconds >= 60 ? `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s` : `${seconds.toFixed(1)} s`;
}

/** A part's steps in order; every step runs even after one fails, so one run shows every failure. */
async function runPart(part) {
  let failed = false;
  for (const step of PARTS[part]) {
    if (stopping) break;
    if ((await runStep(part, step)) !== 0) failed = true;
  }
  return failed;
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    out(`\nStopping (${signal}).`);
    for (const child of running) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
    process.exitCode = 130;
  });
}

const started = performance.now();
if (builtStamp() !== sourceStamp()) {
  if ((await runStep('build', 'build')) !== 0) {
    out('The build failed; no tests were run.');
    process.exit(1);
  }
}
let failures;
if (serial) {
  failures = [];
  for (const part of parts) failures.push(await runPart(part));
} else {
  // The checks go first, on their own: the type check is a minute of both cores, and the unit
  // tests' five-second limits are meant for a machine that is not also running two browsers.
  const first = parts.filter((part) => part === 'checks');
  failures = [];
  for (const part of first) failures.push(await runPart(part));
  failures.push(...(await Promise.all(parts.filter((part) => !first.includes(part)).map(runPart))));
}
const total = (performance.now() - started) / 1000;

out(`\n${'─'.repeat(60)}`);
for (const { part, step, code, seconds } of results) {
  out(`${part.padEnd(width)}  ${step.padEnd(10)} ${(code === 0 ? 'passed' : `FAILED (${code})`).padEnd(18)} ${format(seconds).padStart(12)}`);
}
out(`${serial ? 'one after another' : 'side by side'}, Node ${process.versions.node}: ${format(total)}`);
if (stopping) process.exit(130);
if (failures.some(Boolean) || results.some(({ code }) => code !== 0)) {
  out('npm test FAILED');
  process.exit(1);
}
