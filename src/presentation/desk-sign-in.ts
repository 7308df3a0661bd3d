/**
 * `desk`: a one-time link to the desk page, told only to the asker (Slack ephemeral, the
 * Teams personal chat: where it is asked is decided by `mayAnswerHere`).
 */
import type { Actor } from '../domain/case/types.js';
import type { Result } from '../domain/result.js';
import { utcMinute } from './support-answers.js';

export type DeskLinkAnswer =
  | { readonly kind: 'link'; readonly url: string; readonly text: string }
  | { readonly kind: 'refused'; readonly text: string };

export interface DeskLinkDeps {
  readonly mintDeskLink: (
    input: unknown,
  ) => Promise<Result<{ readonly token: string; readonly expiresAt: Date }>>;
  /** Where the desk page is reached from outside: `http.publicUrl`, else the local port. */
  readonly publicUrl: () => string;
}

/** The path a link opens; the token is a path segment so no query string logs it twice. */
export const DESK_SIGN_IN_PATH = '/desk/sign-in/';

export const makeAnswerDeskLink =
  (deps: DeskLinkDeps) =>
  async (actor: Actor): Promise<DeskLinkAnswer> => {
    const minted = await deps.mintDeskLink({ actor });
    if (!minted.ok) return { kind: 'refused', text: minted.message };
    const url = `${deps.publicUrl().replace(/\/+$/, '')}${DESK_SIGN_IN_PATH}${minted.value.token}`;
    return {
      kind: 'link',
      url,
      text: `Your link to the desk page works once, until ${utcMinute(minted.value.expiresAt)}. It signs you in as yourself: do not pass it on.`,
    };
  };

export type AnswerDeskLink = ReturnType<typeof makeAnswerDeskLink>;

/** `desk` asked where others read along (a Teams channel or group chat). */
export const ASK_FOR_DESK_LINK_PRIVATELY =
  'A desk link signs in whoever opens it: ask me for it in our personal chat.';
