import { filesOf } from '../../../../adapters/teams/files.js';
import { timeZoneOf } from '../../../../adapters/teams/time-zone.js';

describe('timeZoneOf', () => {
  it('takes the clientInfo entity first, then localTimezone', () => {
    expect(
      timeZoneOf({
        entities: [{ type: 'mention' }, { type: 'clientInfo', timezone: 'Asia/Tokyo' }],
        localTimezone: 'Europe/Paris',
      }),
    ).toBe('Asia/Tokyo');
    expect(timeZoneOf({ entities: [{ type: 'mention' }], localTimezone: 'Europe/Paris' })).toBe(
      'Europe/Paris',
    );
  });

  it('ignores what is not an IANA zone', () => {
    expect(
      timeZoneOf({ entities: [{ type: 'clientInfo', timezone: 'Mars/Olympus' }] }),
    ).toBeUndefined();
    expect(timeZoneOf({ localTimezone: '' })).toBeUndefined();
    expect(timeZoneOf({})).toBeUndefined();
  });
});

describe('filesOf', () => {
  it('keeps uploads, SharePoint references and images with their contentUrl, nothing else', () => {
    expect(
      filesOf([
        { contentType: 'text/html', content: '<p>hi</p>' },
        { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
        {
          contentType: 'application/vnd.microsoft.teams.file.download.info',
          contentUrl: 'https://x.sharepoint.com/a/b.pdf',
          name: 'b.pdf',
          content: { downloadUrl: 'https://x.sharepoint.com/download?tempauth=secret' },
        },
        { contentType: 'reference', contentUrl: 'https://x.sharepoint.com/c%20d.docx' },
        { contentType: 'image/png', contentUrl: 'javascript:alert(1)' },
        'not an attachment',
      ]),
    ).toEqual([
      { name: 'b.pdf', url: 'https://x.sharepoint.com/a/b.pdf' },
      { name: 'c d.docx', url: 'https://x.sharepoint.com/c%20d.docx' },
    ]);
  });
});
