import type { WebClient } from '@slack/web-api';
import type { DigestImage, DigestPost } from '../../src/ports/notifier.js';
import { weeklyDigestView } from '../../src/presentation/weekly-digest-view.js';
import { slackChannelOf } from './identity.js';
import { renderWeeklyDigest } from './render/digest.js';

type Auth = { token?: string };
type SlackCall = <T>(call: () => Promise<T>) => Promise<T>;

/** Puts one image's bytes where Slack said (the second step of the external upload flow). */
const uploadBytes = async (url: string, image: DigestImage): Promise<void> => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'image/png' },
    body: image.png,
  });
  if (!response.ok) throw new Error(`Slack file upload answered ${response.status}`);
};

/**
 * Posts a weekly digest to a Slack channel: the figures as blocks, and the charts with the
 * files upload flow (`files.getUploadURLExternal`, the bytes to its `upload_url`, then one
 * `files.completeUploadExternal` that shares them all in the channel, under the figures). `files.upload` is
 * retired. Channels of other chats are left alone (false).
 */
export const makePostSlackDigest =
  (client: WebClient, auth: () => Promise<Auth>, slackCall: SlackCall) =>
  async (digest: DigestPost): Promise<boolean> => {
    const channel = slackChannelOf(digest.channel);
    if (!channel) return false;
    const token = await auth();
    const view = weeklyDigestView(digest.report);
    // Uploaded files stay private until shared: a failure before the message leaves nothing
    // in the channel, so the retry starts clean.
    const files: { id: string; title: string }[] = [];
    for (const image of digest.images) {
      const target = await slackCall(() =>
        client.files.getUploadURLExternal({
          ...token,
          filename: `${digest.report.target.key}-${digest.report.week.label}-${image.id}.png`,
          length: image.png.byteLength,
          alt_text: image.alt,
        }),
      );
      if (!target.upload_url || !target.file_id)
        throw new Error('files.getUploadURLExternal gave no upload_url');
      await uploadBytes(target.upload_url, image);
      files.push({ id: target.file_id, title: image.title });
    }
    await slackCall(() =>
      client.chat.postMessage({ ...token, channel, ...renderWeeklyDigest(view) }),
    );
    const [first, ...more] = files;
    if (first)
      await slackCall(() =>
        client.files.completeUploadExternal({
          ...token,
          files: [first, ...more],
          channel_id: channel,
          initial_comment: `Charts · ${view.title}`,
        }),
      );
    return true;
  };
