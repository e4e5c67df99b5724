// Astro's log destination under `jixiao dev` (Astro's `logger` setting, loaded by Astro itself,
// hence plain JavaScript). Astro and Vite log in English; staff see one Chinese line instead, and
// the English original goes to a log file for whoever maintains the site. The lines come from the
// catalogue (DEV_ASTRO_SAID), handed over in the config by src/dev/server.ts. A route warning
// about an address with no page is dropped: the browser already shows the 404 page.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * @typedef {{ kept: string, lost: string }} Lines  the line when the original was kept in the log file, and when not
 * @param {{ logFile?: string, lines?: { error: Lines, warn: Lines } }} config
 */
export default function devLogger(config = {}) {
  return {
    /** @param {{ level: string, label?: string | null, message: string }} event */
    write(event) {
      if (event.level !== 'warn' && event.level !== 'error') return;
      if (event.label === 'router') return;
      const stamp = new Date().toTimeString().slice(0, 8);
      let kept = false;
      if (config.logFile) {
        try {
          mkdirSync(dirname(config.logFile), { recursive: true });
          appendFileSync(config.logFile, `${stamp} [${event.level}] [${event.label ?? ''}] ${event.message}\n`);
          kept = true;
        } catch {
          kept = false;
        }
      }
      const lines = config.lines?.[event.level === 'error' ? 'error' : 'warn'];
      process.stderr.write(`[${stamp}] ${lines ? lines[kept ? 'kept' : 'lost'] : event.message}\n`);
    },
  };
}
