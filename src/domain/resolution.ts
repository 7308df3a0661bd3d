import { z } from 'zod';
import { articleSlugSchema } from './kb/article.js';

/** How a case ended. Reports group by type, so the list is closed, with `other` as the escape hatch. */
export const RESOLUTION_TYPES = [
  'fixed',
  'workaround',
  'works-as-designed',
  'cannot-reproduce',
  'duplicate',
  'self-solved',
  'no-response',
  'other',
] as const;
export type ResolutionType = (typeof RESOLUTION_TYPES)[number];

export const RESOLUTION_TEXT_MAX = 4000;

export const resolutionSchema = z
  .object({
    type: z.enum(RESOLUTION_TYPES),
    text: z
      .string()
      .trim()
      .min(1, 'Describe the resolution.')
      .max(RESOLUTION_TEXT_MAX, `Keep the resolution under ${RESOLUTION_TEXT_MAX} characters.`),
    docLink: z
      .url({ protocol: /^https?$/, error: 'The documentation link must be an http or https URL.' })
      .optional(),
    /** The knowledge-base article that answered the case, when one did (learning from use). */
    article: articleSlugSchema.optional(),
  })
  // "Works as designed" without pointing at the documentation leaves the customer with a
  // bare "no"; the link is what lets them see the intended behaviour for themselves.
  .refine((resolution) => resolution.type !== 'works-as-designed' || !!resolution.docLink, {
    path: ['docLink'],
    message:
      'A "works as designed" resolution needs a link to the documentation that describes it.',
  });

export type Resolution = z.infer<typeof resolutionSchema>;
