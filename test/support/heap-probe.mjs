/**
 * Loaded with `node --expose-gc --import` into a child process whose memory a test
 * measures; the child's own code is not changed at all. Every 250 ms it runs a full
 * garbage collection and reads V8's used heap: what the process holds live, not the
 * garbage V8 has not yet had a reason to collect (that varies run to run with the
 * machine's load: unforced peaks of one streaming export ranged from 50 to 109 MB).
 * At exit it writes the largest value seen to the file named by HEAP_PROBE_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.HEAP_PROBE_FILE;
const collect = globalThis.gc;
if (file) {
  if (typeof collect !== 'function') throw new Error('heap-probe needs node --expose-gc');
  let peak = 0;
  const sample = () => {
    collect();
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  setInterval(sample, 250).unref();
  process.on('exit', () => writeFileSync(file, JSON.stringify({ peakHeapUsed: peak })));
}
