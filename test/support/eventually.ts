/**
 * Polls `probe` until it returns something other than undefined, or fails after
 * `timeoutMs` saying what it waited for. A guard against hangs, never a speed check.
 */
export const eventually = async <T>(
  probe: () => Promise<T | undefined>,
  timeoutMs = 5000,
  options: { readonly everyMs?: number; readonly what?: string } = {},
): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) {
      throw new Error(
        options.what ? `timed out waiting for ${options.what}` : 'condition not met in time',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, options.everyMs ?? 50));
  }
};
