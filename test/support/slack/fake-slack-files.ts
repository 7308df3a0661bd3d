/**
 * Slack's external file upload flow for the fake: `files.getUploadURLExternal` hands out a
 * loopback `upload_url`, the bytes are POSTed there, and `files.completeUploadExternal`
 * shares the uploaded files in a channel. As Slack does, completing a file that got no
 * bytes fails, and a file is shared only once completed.
 */
import type { FakeWorkspace, SlackAnswer, SlackArgs } from './fake-slack-methods.js';

export interface FakeUpload {
  readonly id: string;
  readonly filename: string;
  readonly length: number;
  readonly altText?: string;
  bytes?: Buffer;
  title?: string;
  /** Channels it was shared to by `files.completeUploadExternal`. */
  channels: string[];
  initialComment?: string;
}

let uploads = 0;

const getUploadUrl = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const filename = typeof args.filename === 'string' ? args.filename : '';
  const length = Number(args.length);
  if (!filename || !Number.isInteger(length) || length <= 0)
    return { ok: false, error: 'invalid_arguments' };
  const id = `F0UP${String((uploads += 1)).padStart(5, '0')}`;
  ws.uploads.set(id, {
    id,
    filename,
    length,
    ...(typeof args.alt_text === 'string' ? { altText: args.alt_text } : {}),
    channels: [],
  });
  return { ok: true, upload_url: `${ws.uploadBase}upload/${id}`, file_id: id };
};

const completeUpload = (args: SlackArgs, ws: FakeWorkspace): SlackAnswer => {
  const files = typeof args.files === 'string' ? (JSON.parse(args.files) as unknown) : args.files;
  if (!Array.isArray(files) || files.length === 0) return { ok: false, error: 'invalid_arguments' };
  const channel = typeof args.channel_id === 'string' ? args.channel_id : undefined;
  const done: FakeUpload[] = [];
  for (const entry of files as { id?: string; title?: string }[]) {
    const upload = ws.uploads.get(entry.id ?? '');
    if (!upload?.bytes) return { ok: false, error: 'file_not_found' };
    done.push(upload);
  }
  for (const upload of done) {
    const title = (files as { id?: string; title?: string }[]).find(
      (f) => f.id === upload.id,
    )?.title;
    if (title) upload.title = title;
    if (channel) upload.channels.push(channel);
    if (typeof args.initial_comment === 'string') upload.initialComment = args.initial_comment;
  }
  return {
    ok: true,
    files: done.map((u) => ({ id: u.id, title: u.title ?? u.filename, name: u.filename })),
  };
};

export const FILE_UPLOAD_METHODS = {
  'files.getUploadURLExternal': getUploadUrl,
  'files.completeUploadExternal': completeUpload,
};

/** The bytes POSTed to an `upload_url`; Slack answers 200 with `OK - <length>`. */
export const receiveUpload = (ws: FakeWorkspace, id: string, bytes: Buffer): number => {
  const upload = ws.uploads.get(id);
  if (!upload || bytes.length !== upload.length) return 400;
  upload.bytes = bytes;
  return 200;
};
