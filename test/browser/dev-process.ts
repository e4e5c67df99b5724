/**
 * `jixiao dev` started as staff start it, for the browser tests: a child process in a project
 * folder, without vitest's variables (VITEST, TEST), which make Astro 7's dev server answer 404;
 * resolves once its output says what the test waits for (the address, by default).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { BIN } from '../helpers/build-site.ts';

export interface DevProcess {
  child: ChildProcess;
  url: string;
  /** Everything it printed so far. */
  output(): string;
}

export function startDevProcess(
  dir: string,
  port: number,
  ready: (output: string) => string | undefined = (o) => /预览地址：(\S+)/.exec(o)?.[1],
): Promise<DevProcess> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(VITEST|TEST$|NODE_ENV$)/.test(k)));
  const child = spawn(process.execPath, [BIN, 'dev', '--port', String(port)], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += String(d)));
  child.stderr!.on('data', (d) => (output += String(d)));
  return new Promise((ok, fail) => {
    const t = setInterval(() => {
      const url = ready(output);
      if (url) {
        clearInterval(t);
        ok({ child, url, output: () => output });
      }
      if (child.exitCode !== null) {
        clearInterval(t);
        fail(new Error(output));
      }
    }, 100);
  });
}
