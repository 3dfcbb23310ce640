/**
 * What `promise` rejected with, checked to be an instance of `type`. Throws — failing the test — when
 * the promise resolves or rejects with anything else.
 * @example const error = await rejectionOf(provider.generate(call), LlmProviderError);
 */
export async function rejectionOf<T>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => T,
): Promise<T> {
  const outcome = await promise.then(
    () => ({ rejected: false as const }),
    (reason: unknown) => ({ rejected: true as const, reason }),
  );
  if (!outcome.rejected) throw new Error(`expected a rejection with ${type.name}, but the promise resolved`);
  if (!(outcome.reason instanceof type)) throw new Error(`expected a ${type.name}, got ${String(outcome.reason)}`);
  return outcome.reason;
}
