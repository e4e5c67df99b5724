/**
 * The catalogue of every sentence jixiao writes on a clerk's terminal that is not a finding: the
 * errors of the commands (an output folder in the way, a file that cannot be written, a build or
 * a package refused) and what the commands report when they succeed. Findings have their own
 * catalogue beside it (catalogue.ts); the two are the only places such sentences are written
 * (test/errors/catalogue.test.ts fails on a Chinese string anywhere else in src that reaches the
 * terminal).
 *
 * An entry is a stable code, the message as a function of typed parameters — what state the
 * user's files are in — and the hint: what to do next. They are printed as one sentence, the hint
 * after the message (`sentence`). Code elsewhere never writes the words: it throws
 * `new UserError(say('OUT_IS_ROOT', { shown }))` (src/errors/user-error.ts), or prints
 * `sentence(say('BUILD_DONE', { … }))`. Adding a message is one entry here (docs/developing.md,
 * "Messages on the terminal").
 */
import { BUILD_MESSAGES } from './build-messages.ts';
import { COMMAND_MESSAGES } from './command-messages.ts';
import { DEV_MESSAGES } from './dev-messages.ts';
import { IMPORT_MESSAGES } from './import-messages.ts';
import type { MessageEntry } from './message-entry.ts';
import { OUTPUT_MESSAGES } from './output-messages.ts';
import { PACKAGE_MESSAGES } from './package-messages.ts';

export const MESSAGES = {
  ...OUTPUT_MESSAGES,
  ...BUILD_MESSAGES,
  ...PACKAGE_MESSAGES,
  ...COMMAND_MESSAGES,
  ...DEV_MESSAGES,
  ...IMPORT_MESSAGES,
};

export type MessageCode = keyof typeof MESSAGES;
export type MessageParams<C extends MessageCode> = Parameters<(typeof MESSAGES)[C]['message']>[0];

/** A message chosen, not yet written out: what a UserError carries, and what passes between processes. */
export interface Said<C extends MessageCode = MessageCode> {
  code: C;
  params: MessageParams<C>;
}

/** `say('OUT_IS_ROOT', { shown })`; `say('PACKAGE_NO_REPORTS')` for a message without parameters. */
export function say<C extends MessageCode>(code: C, ...params: MessageParams<C> extends void ? [] : [MessageParams<C>]): Said<C> {
  return { code, params: params[0] as MessageParams<C> };
}

/** The message and its hint, as the terminal shows them. */
export function sentence(said: Said): string {
  const e = MESSAGES[said.code] as MessageEntry<unknown>;
  const hint = typeof e.hint === 'function' ? e.hint(said.params) : (e.hint ?? '');
  return e.message(said.params) + hint;
}
