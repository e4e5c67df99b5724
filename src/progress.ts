/**
 * Where a long command has got (build, validate, import of a folder, package): the library reports
 * events (a stage begins, a count moves), this draws them for a person. On a live terminal one
 * line is redrawn in place (and its clock ticks); written to a file or in CI, each stage start,
 * each quarter of a count and each stage end is a line of its own. The CLI decides which, and
 * whether to draw at all (--quiet): a library call never reads the terminal or the environment.
 * The sentences are in src/errors/progress.ts.
 */
import { PROGRESS, type StageName } from './errors/progress.ts';

export type { StageName } from './errors/progress.ts';

/** A stage begins (its first event) or moves on: `done` of `total`, and the item being worked on. */
export interface ProgressEvent {
  stage: StageName;
  done?: number | undefined;
  total?: number | undefined;
  item?: string | undefined;
}

export type OnProgress = (event: ProgressEvent) => void;

/** Where the progress goes: stderr, as text. `tty`: a live terminal, where one line is redrawn. */
export interface ProgressOut {
  write(text: string): void;
  tty: boolean;
  /** The terminal's width: a longer line would wrap and could not be redrawn. */
  columns?: number | undefined;
}

export interface ProgressDisplay {
  report: OnProgress;
  /** Clears the live line before other output; the next report draws it again. */
  clear(): void;
  /** Ends the display (clears the live line) and returns each stage's seconds, in order. */
  finish(): [StageName, number][];
}

/** How often a live line is redrawn at most, and its clock at least. */
const REDRAW_MS = 100;
const TICK_MS = 1000;

export function progressDisplay(out: ProgressOut, now: () => number = () => performance.now()): ProgressDisplay {
  const times: [StageName, number][] = [];
  let current:
    { stage: StageName; started: number; done?: number | undefined; total?: number | undefined; item?: string | undefined; quarter: number } | undefined;
  let drawn = -Infinity;
  let shown = '';
  const elapsed = () => (current ? (now() - current.started) / 1000 : 0);
  const fit = (line: string) => {
    if (!out.columns) return line;
    let width = 0;
    for (let i = 0; i < line.length; i++) {
      width += line.charCodeAt(i) >= 0x2e80 ? 2 : 1; // CJK characters take two columns
      if (width >= out.columns - 1) return `${line.slice(0, i)}…`;
    }
    return line;
  };
  const draw = () => {
    if (!current) return;
    const c = current;
    const line = fit(`${PROGRESS.at(c.stage, c.done, c.total, elapsed())}${c.item ? `  ${c.item}` : ''}`);
    if (line === shown) return;
    out.write(`\r\x1b[K${line}`);
    shown = line;
    drawn = now();
  };
  const clear = () => {
    if (shown) out.write('\r\x1b[K');
    shown = '';
  };
  const ticker = out.tty ? setInterval(draw, TICK_MS) : undefined;
  ticker?.unref();
  const close = () => {
    if (!current) return;
    const took = elapsed();
    times.push([current.stage, took]);
    if (out.tty) clear();
    else out.write(`${PROGRESS.finished(current.stage, took, current.done)}\n`);
    current = undefined;
  };
  return {
    report(e) {
      if (current?.stage !== e.stage) {
        close();
        drawn = -Infinity; // a new stage is drawn at once
        current = { stage: e.stage, started: now(), quarter: 0 };
        // One item at a time (import): the item lines say enough.
        if (!out.tty && !e.item) out.write(`${PROGRESS.started(e.stage, e.total)}\n`);
      }
      const c = current;
      Object.assign(c, { done: e.done ?? c.done, total: e.total ?? c.total, item: e.item });
      if (out.tty) {
        if (now() - drawn >= REDRAW_MS || e.done === e.total) draw();
        return;
      }
      if (e.item && c.done !== undefined && c.total !== undefined) out.write(`${PROGRESS.item(c.done, c.total, e.item)}\n`);
      else if (c.done !== undefined && c.total) {
        // A line at each quarter passed, not at every page.
        const quarter = Math.floor((c.done / c.total) * 4);
        if (quarter > c.quarter && c.done > 0 && c.done < c.total) {
          c.quarter = quarter;
          out.write(`${PROGRESS.at(c.stage, c.done, c.total, elapsed())}\n`);
        }
      }
    },
    clear,
    finish() {
      close();
      if (ticker) clearInterval(ticker);
      return times;
    },
  };
}

/** Reports nothing: for --quiet, --json on a pipe, and library callers that do not ask. */
export const silent: OnProgress = () => undefined;
