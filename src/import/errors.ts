/**
 * The one error the importer throws on purpose: a file it cannot read. It carries its catalogue
 * entry (`reason`, src/errors/import-messages.ts); the CLI prints the file and the reason
 * (IMPORT_FILE_REFUSED) and no stack trace, and its closing table shows the reason alone.
 */
import { say, sentence, UserError, type Said } from '../errors/user-error.ts';

export class ImportError extends UserError {
  override name = 'ImportError';
  readonly file: string;
  /** Why the file could not be read, without the file's name. */
  readonly reason: Said;
  constructor(file: string, reason: Said) {
    super(say('IMPORT_FILE_REFUSED', { file, reason: sentence(reason) }));
    this.file = file;
    this.reason = reason;
  }
}
