/**
 * One-time sign-in links to the desk page. Only a hash of each token is stored, so the
 * database never holds a working link; a link is used at most once (one atomic update).
 */
export type DeskLinkRedemption =
  | { readonly outcome: 'signed-in'; readonly agentId: string }
  | { readonly outcome: 'used' | 'expired' | 'unknown' };

export interface DeskLinkStore {
  /** Stores a new link for the agent and returns its token (for the URL, never stored). */
  issue(agentId: string, issuedAt: Date, expiresAt: Date): Promise<string>;
  /** What the link would do now, without using it (the page that asks to sign in). */
  peek(token: string, now: Date): Promise<DeskLinkRedemption>;
  /** Uses the link if it is unused and unexpired at `now`; a second call says `used`. */
  redeem(token: string, now: Date): Promise<DeskLinkRedemption>;
}
