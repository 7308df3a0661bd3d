/**
 * Times in Slack words. `<!date>` shows each reader the time in their own zone; the
 * fallback is the time in the given zone (the SLA calendar's). The card's words around a
 * time come from the view (src/presentation/card-parts.ts).
 */
import { formatInZone } from '../../../src/domain/sla/index.js';

export const slackDate = (at: Date, timeZone: string): string =>
  `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${formatInZone(at, timeZone)}>`;
