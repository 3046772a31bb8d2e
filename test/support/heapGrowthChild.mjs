// Keeps some 30 MB of objects alive while making garbage, and prints the largest heap it saw:
// run with `bound` it first sets the server's heap growth (src/heapGrowth.ts).
import { getHeapStatistics } from 'node:v8';

if (process.argv[2] === 'bound') (await import('../../src/heapGrowth.ts')).boundHeapGrowth();
const live = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `live ${i}` }));
let peak = 0;
let made = 0;
for (let round = 0; round < 200; round++) {
  const garbage = Array.from({ length: 20_000 }, (_, i) => ({ i, s: `garbage ${round} ${i}`, pair: [i, i + 1] }));
  made += garbage.length;
  peak = Math.max(peak, getHeapStatistics().total_heap_size);
}
console.log(JSON.stringify({ peak, live: live.length, made }));
