/**
 * The one class for an error a user can act on (a bad option, an output folder in the way, a
 * build that was refused): the CLI prints its message — a sentence of the catalogue
 * (messages.ts) that says what state the files are in and what to do — and exits 1, never with a
 * stack trace. Anything else is a bug in jixiao.
 *
 * It is made from a catalogue entry: `new UserError(say('OUT_IS_ROOT', { shown }))`. `said`
 * travels where the error cannot (from a build's child process, as plain data). A plain string is
 * still taken where a sentence is passed through whole (test/errors/catalogue.test.ts allows
 * no sentence written inline)
 * (test/errors/catalogue.test.ts allows it nowhere else).
 */
import { sentence, type Said } from './messages.ts';

export class UserError extends Error {
  override name = 'UserError';
  /** The catalogue entry and its parameters; undefined for a sentence written elsewhere (see above). */
  readonly said: Said | undefined;
  constructor(said: Said | string) {
    super(typeof said === 'string' ? said : sentence(said));
    this.said = typeof said === 'string' ? undefined : said;
  }
}

/**
 * A UserError, also one thrown by a copy of this class that Astro bundled into the pages (an
 * attachment refused while the pages are rendered): `instanceof` does not see those.
 */
export const isUserError = (err: unknown): err is UserError => err instanceof UserError || (err instanceof Error && err.name === 'UserError');

/** What a child process sends for a UserError: its entry when it has one, else its sentence. */
export const portableUserError = (err: UserError): Said | string => err.said ?? err.message;

export { say, sentence, type Said } from './messages.ts';
