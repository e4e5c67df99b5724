/** The side effects a command may have, passed in so that tests need no terminal. */
export interface Io {
  cwd: string;
  out(line: string): void;
  err(line: string): void;
}

export const processIo = (): Io => ({
  cwd: process.cwd(),
  out: (l) => process.stdout.write(`${l}\n`),
  err: (l) => process.stderr.write(`${l}\n`),
});
