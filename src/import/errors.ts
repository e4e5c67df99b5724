/**
 * The one error the importer throws on purpose: a file it cannot read. The CLI prints its
 * message (file named, in Chinese) and no stack trace.
 */
import { UserError } from '../errors/user-error.ts';

export class ImportError extends UserError {
  override name = 'ImportError';
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}：${message}`);
    this.file = file;
  }
}
