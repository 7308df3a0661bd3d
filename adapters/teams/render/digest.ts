/** The weekly digest (src/presentation/weekly-digest-view.ts) as an Adaptive Card. */
import type { DigestImage } from '../../../src/ports/notifier.js';
import type { WeeklyDigestView } from '../../../src/presentation/weekly-digest-view.js';
import { card, escapeCardText, facts, textBlock, type AdaptiveCard } from './card.js';

/**
 * Charts go in as `data:` URIs: Teams renders those in cards, and its message size limit
 * leaves base64 images out, while a URL would have to be public HTTPS that Teams' image
 * proxy can fetch — which a self-hosted desk behind a firewall often is not.
 */
const image = (chart: DigestImage) => ({
  type: 'Image',
  url: `data:image/png;base64,${Buffer.from(chart.png).toString('base64')}`,
  altText: chart.alt,
  size: 'Stretch',
});

export const renderWeeklyDigest = (
  view: WeeklyDigestView,
  images: readonly DigestImage[],
): AdaptiveCard =>
  card([
    textBlock(escapeCardText(view.title), { weight: 'Bolder', size: 'Medium' }),
    facts(view.facts.map((f) => [f.label, escapeCardText(f.value)] as const)),
    textBlock('Backlog by age', { weight: 'Bolder', spacing: 'Medium' }),
    facts(view.backlog.map((b) => [b.label, b.value] as const)),
    ...(view.recurring.length > 0
      ? [
          textBlock('Recurring problems', { weight: 'Bolder', spacing: 'Medium' }),
          textBlock(view.recurring.map((line) => `- ${escapeCardText(line, 300)}`).join('\n')),
        ]
      : []),
    ...images.map(image),
  ]);
