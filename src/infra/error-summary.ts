/**
 * What a log may say about an error: its type, code, message and stack. Never the error
 * object itself, whose own fields can hold a whole request (bolt's routing errors carry
 * `req` and `res`), headers and all.
 */
export interface ErrorSummary {
  readonly type: string;
  readonly message: string;
  readonly code?: string;
  readonly stack?: string;
}

export const summarizeError = (error: unknown): ErrorSummary => {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    type: error.name,
    message: error.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code: String(code) } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
};
