/**
 * A view's timed text in Teams words. Adaptive Cards have no per-reader time token in
 * plain text, so the time is written in the zone the view names (the reader's own for a
 * card only they see, else the SLA calendar's); formatInZone names the offset.
 */
import { formatInZone } from '../../../src/domain/sla/index.js';
import type { Timed } from '../../../src/presentation/card-parts.js';
import { escapeCardText } from './card.js';

export const teamsTimed = (timed: Timed, timeZone: string): string =>
  escapeCardText(
    `${timed.text}${timed.at ? ` ${formatInZone(timed.at, timeZone)}` : ''}${timed.after ?? ''}`,
  );
