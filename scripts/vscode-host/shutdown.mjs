// Cleanup that must also happen on Ctrl+C: servers run in their own process group (so they can be killed with
// their children), which also means the terminal's SIGINT never reaches them.
const cleanups = new Set();
let hooked = false;

function runCleanups() {
  for (const cleanup of [...cleanups].reverse()) {
    try {
      cleanup();
    } catch {
      // Best effort: one failed cleanup must not keep the others from running.
    }
  }
  cleanups.clear();
}

/** Registers a synchronous cleanup for exit, SIGINT and SIGTERM; returns a function that unregisters it. */
export function onShutdown(cleanup) {
  cleanups.add(cleanup);
  if (!hooked) {
    hooked = true;
    process.once('exit', runCleanups);
    for (const [signal, code] of [
      ['SIGINT', 130],
      ['SIGTERM', 143],
    ]) {
      process.once(signal, () => {
        runCleanups();
        process.exit(code);
      });
    }
  }
  return () => cleanups.delete(cleanup);
}
