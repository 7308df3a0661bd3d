/**
 * Loaded with `node --import` into a child process whose heap a test measures: samples
 * V8's used heap every few milliseconds and, at exit, writes the largest value seen to
 * the file named by HEAP_PROBE_FILE. The child's own code is not changed at all.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.HEAP_PROBE_FILE;
if (file) {
  let peak = process.memoryUsage().heapUsed;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().heapUsed);
  };
  setInterval(sample, 5).unref();
  process.on('exit', () => {
    sample();
    writeFileSync(file, JSON.stringify({ peakHeapUsed: peak }));
  });
}
