/**
 * The two things Astro takes only from the process, never as values: the one place in src that
 * sets process state for Astro (test/astro/process.test.ts fails when an upgrade of Astro
 * changes either, and says so; then look again for a value to pass instead).
 *
 * 1. Telemetry. Astro's build() records a session event (and writes an anonymous id into the
 *    user's ~/.config/astro) unless ASTRO_TELEMETRY_DISABLED is set in process.env: its config
 *    has no option for it, @astrojs/telemetry reads the environment of the process, and
 *    `astro telemetry disable` would change the user's own settings. So it is set in the process
 *    that runs Astro, before Astro is loaded.
 * 2. The working folder. Astro 7 writes a static build's server chunks into the output folder
 *    when that lies inside process.cwd(), else into `.astro/` of process.cwd(), and no option
 *    names that folder. So Astro runs from a scratch folder (run-astro.ts), the working folder
 *    given back when it is done.
 *
 * A BASE_URL variable in the environment no longer needs removing: the pages take the base from
 * the build (src/site/routes.ts), never from import.meta.env (test/build/build.test.ts builds
 * under a stray BASE_URL).
 */

/** Astro's own switch: a build never phones home. */
export function telemetryOff(): void {
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
}

/**
 * For `jixiao dev` as well: Astro's dev server looks for a newer Astro on npm at start unless
 * ASTRO_DISABLE_UPDATE_CHECK is set (or the user's own Astro preferences say so) — no config
 * value turns it off, and an intranet machine must not reach for another host.
 */
export function updateCheckOff(): void {
  process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';
}

/** Runs `work` with `dir` as the working folder, and gives the old one back whatever happens. */
export async function fromFolder<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return await work();
  } finally {
    process.chdir(cwd);
  }
}
