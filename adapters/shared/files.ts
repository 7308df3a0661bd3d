/**
 * Files a customer shares with a chat message are kept as lines of the message itself
 * (`📎 name link`), so the case history and both cards show them wherever it came from.
 */
export interface SharedFile {
  readonly name: string;
  /** Where the file lives in the chat platform (a link that needs the reader's sign-in). */
  readonly url?: string | undefined;
}

export const withFiles = (text: string, files: readonly SharedFile[]): string =>
  [text, ...files.map((f) => `📎 ${f.name}${f.url ? ` ${f.url}` : ''}`)].filter(Boolean).join('\n');
