// What a sign-in starts, and what signing out must stop: every poller and stream registers here
// once, so a second sign-in never finds the first one's timers still running.
const stops = new Set();

export function whileSignedIn(stop) {
  stops.add(stop);
}

/** Runs the task now and then every {@code ms}, until sign-out; one run at a time. */
export function every(ms, task) {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try { await task(); } catch (e) { if (e.name !== 'AbortError') console.warn(e); } finally { running = false; }
  };
  run();
  const timer = setInterval(run, ms);
  whileSignedIn(() => clearInterval(timer));
  return run;
}

export function endSession() {
  stops.forEach((stop) => { try { stop(); } catch (e) { console.warn(e); } });
  stops.clear();
}

/** For the browser test: how many pollers and streams run now. */
export const running = () => stops.size;
