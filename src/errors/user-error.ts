/**
 * The one class for an error a user can act on (a bad option, an output folder in the way, a
 * build that was refused): the CLI prints its message — a Chinese sentence that says what state
 * the files are in — and exits 1, never with a stack trace. Anything else is a bug in jixiao.
 */
export class UserError extends Error {
  override name = 'UserError';
}
