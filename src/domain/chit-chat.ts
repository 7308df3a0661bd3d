// Short courtesies that should never open a case on their own ("thanks!", "ok 👍").
const COURTESY =
  /^(?:thanks?(?: you)?(?: so much| a lot)?|thx|ty|cheers|ok(?:ay)?|k|great|perfect|cool|got it|noted|sounds good|will do|awesome|nice|yes|no|yep|nope|sure)$/i;

/**
 * True when a message is a pleasantry, not a request: it may join an open case as a
 * comment but does not open a new one.
 */
export const isChitChat = (text: string): boolean => {
  const words = text
    .replace(/:[a-z0-9_+-]+:/gi, ' ')
    .replace(/\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\u200d|\ufe0f/gu, ' ')
    .replace(/[!.,?…]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  return words === '' || COURTESY.test(words);
};
