/** The side effects a command may have, passed in so that tests need no terminal. */
import { progressDisplay, type ProgressDisplay, type ProgressOut } from '../progress.ts';

export interface Io {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
  /** Where progress is drawn (stderr); without it, progress comes as lines through `err`. */
  progress?: ProgressOut | undefined;
}

export const processIo = (): Io => ({
  cwd: process.cwd(),
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
  // In place only on a live terminal: CI logs and redirected output get plain lines.
  progress: { write: (t) => process.stderr.write(t), tty: Boolean(process.stderr.isTTY) && !process.env.CI, columns: process.stderr.columns },
});

/** The progress display of a command (src/progress.ts), none with --quiet. */
export function progressOf(io: Io, quiet: boolean): ProgressDisplay | undefined {
  if (quiet) return undefined;
  return progressDisplay(io.progress ?? { tty: false, write: (text) => text.split('\n').forEach((l) => l && io.err(l)) });
}
