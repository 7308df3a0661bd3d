/** Readable words for the domain's stable codes, shared by the Teams renderers. */

export { FLAG_LABELS, RESOLUTION_LABELS } from '../../shared/words.js';
