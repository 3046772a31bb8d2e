// Preloaded (`node --import`) into a Sot process that has no HTTP port, such as `sot start --role
// worker`, to measure its event-loop delay the way prom-client does for the web role
// (perf_hooks.monitorEventLoopDelay). Every 200 ms it writes the delay since the process started
// to BENCH_LOOP_FILE; SIGUSR2 resets the histogram, so the benchmark can start a fresh window.
import { renameSync, writeFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';

const file = process.env.BENCH_LOOP_FILE;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const write = () => {
    const ms = (ns) => (Number.isFinite(ns) ? ns / 1e6 : 0);
    // Written aside and renamed, so the benchmark never reads a file half written.
    writeFileSync(`${file}.part`, JSON.stringify({ p99Ms: ms(histogram.percentile(99)), maxMs: ms(histogram.max), samples: histogram.count }));
    renameSync(`${file}.part`, file);
  };
  setInterval(write, 200).unref();
  process.on('SIGUSR2', () => histogram.reset());
  process.on('exit', write);
}
