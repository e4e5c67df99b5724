/**
 * The one error the importer throws on purpose: a file it cannot read. The CLI prints its
 * message (file named, in Chinese) and no stack trace.
 */
export class ImportError extends Error {
  readonly userFacing = true;
  constructor(readonly file: string, message: string) {
    super(`${file}：${message}`);
    this.name = 'ImportError';
  }
}
