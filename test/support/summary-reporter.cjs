// Prints one plain closing line ("N passed, N failed, N skipped") as the very last line of
// a run, after jest's own summary, so tools that read only the last line see the totals.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const line = `${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`;
    process.once('exit', () => process.stdout.write(`\n${line}\n`));
  }
}
module.exports = SummaryReporter;
