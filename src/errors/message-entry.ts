/** The shape of an entry of the terminal's message catalogue (messages.ts), apart so that its parts can share it. */
export interface MessageEntry<P> {
  /** What happened, and in what state it left the user's files. */
  message: (p: P) => string;
  /** What to do next, printed after the message; a function when it depends on the parameters. */
  hint?: string | ((p: P) => string);
}

/** An entry typed by its parameters (`void` for a message that takes none). */
export const entry = <P = void>(e: MessageEntry<P>) => e;
