/**
 * The one class for an error a user can act on (a bad option, an output folder in the way, a
 * build that was refused): the CLI prints its message — a Chinese sentence that says what state
 * the files are in — and exits 1, never with a stack trace. Anything else is a bug in jixiao.
 */
export class UserError extends Error {
  override name = 'UserError';
}

/**
 * A UserError, also one thrown by a copy of this class that Astro bundled into the pages (an
 * attachment refused while the pages are rendered): `instanceof` does not see those.
 */
export const isUserError = (err: unknown): err is UserError => err instanceof UserError || (err instanceof Error && err.name === 'UserError');
