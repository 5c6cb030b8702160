// Preloaded (`node --require`) into every process the whole-job benchmark times: at exit it
// writes the process's peak resident set (kernel-tracked, KiB) to file descriptor 3.
'use strict';
process.on('exit', () => {
  try {
    require('node:fs').writeSync(3, JSON.stringify({ maxRssKiB: process.resourceUsage().maxRSS }));
  } catch {
    // Not started by the benchmark: nothing to report to.
  }
});
