// The one error model every package raises and every loop reads. A failure has a
// stable code from a closed list (never matched on message text) and a kind that
// says what to do about it:
// - transient: the backend is away or slow; the same work later will succeed, so
//   wait and try again, holding the input;
// - permanent: this input can never be handled; set it aside as a dead letter and
//   go on with the rest;
// - configuration: nothing will work until an operator acts (a refused password,
//   a denied topic); stop the process and say so.
export type ErrorKind = 'transient' | 'permanent' | 'configuration';

export class WireError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    readonly kind: ErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WireError';
  }

  /** The same work may succeed later. */
  get retryable(): boolean {
    return this.kind === 'transient';
  }
}
