import { z } from 'zod';
import type { SharedFile } from '../shared/files.js';

const FILE_INFO = 'application/vnd.microsoft.teams.file.download.info';

const attachmentSchema = z.looseObject({
  contentType: z.string(),
  contentUrl: z.string().optional(),
  name: z.string().max(500).optional(),
});

const webLink = z.url({ protocol: /^https?$/ });

/** The last path segment of a link, for files Teams sends without a name (pasted images). */
const nameFromUrl = (url: string): string | undefined => {
  try {
    return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean).at(-1) ?? '');
  } catch {
    return undefined;
  }
};

/**
 * The files of a Teams message: uploads in a personal chat (`…file.download.info`),
 * SharePoint files in channels and group chats (`reference`) and pasted images. The
 * message's own HTML copy and cards are not files. The link kept is `contentUrl` (it needs
 * the reader's sign-in), never the short-lived pre-authenticated `downloadUrl`.
 */
export const filesOf = (attachments: readonly unknown[] | undefined): SharedFile[] =>
  (attachments ?? []).flatMap((raw) => {
    const parsed = attachmentSchema.safeParse(raw);
    if (!parsed.success) return [];
    const { contentType, contentUrl, name } = parsed.data;
    const isFile =
      contentType === FILE_INFO || contentType === 'reference' || contentType.startsWith('image/');
    const url = webLink.safeParse(contentUrl);
    if (!isFile || (!url.success && !name)) return [];
    const label =
      name?.trim() ||
      (url.success ? nameFromUrl(url.data) : undefined) ||
      (contentType.startsWith('image/') ? 'image' : 'file');
    return [{ name: label, ...(url.success ? { url: url.data } : {}) }];
  });
