import { createHash, randomBytes } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import { z } from 'zod';
import type { DeskLinkRedemption, DeskLinkStore } from '../../ports/desk-links.js';

/**
 * Desk sign-in links keyed by the SHA-256 of their token: a leaked database (or backup)
 * holds no working link, and every read is an `_id` lookup. 32 random bytes leave nothing
 * to guess, so a plain hash (no salt, no slow hash) is enough.
 */
interface LinkDoc {
  _id: string;
  agentId: string;
  issuedAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

const storedLink = z.object({
  _id: z.string(),
  agentId: z.string(),
  expiresAt: z.date(),
  usedAt: z.date().nullable(),
});

/** Links are kept a day past their expiry (so "expired" is told), then removed. */
const KEEP_MS = 86_400_000;

const hashOf = (token: string): string => createHash('sha256').update(token).digest('hex');

export class MongoDeskLinks implements DeskLinkStore {
  private readonly links: Collection<LinkDoc>;

  constructor(connection: Connection) {
    this.links = connection.collection<LinkDoc>('deskLinks') as unknown as Collection<LinkDoc>;
  }

  async issue(agentId: string, issuedAt: Date, expiresAt: Date): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    // No TTL index on the servers we support: old links go when new ones are made.
    await this.links.deleteMany({ expiresAt: { $lt: new Date(issuedAt.getTime() - KEEP_MS) } });
    await this.links.insertOne({ _id: hashOf(token), agentId, issuedAt, expiresAt, usedAt: null });
    return token;
  }

  async peek(token: string, now: Date): Promise<DeskLinkRedemption> {
    const raw = await this.links.findOne({ _id: hashOf(token) });
    if (!raw) return { outcome: 'unknown' };
    const link = storedLink.parse(raw);
    if (link.usedAt) return { outcome: 'used' };
    if (link.expiresAt <= now) return { outcome: 'expired' };
    return { outcome: 'signed-in', agentId: link.agentId };
  }

  async redeem(token: string, now: Date): Promise<DeskLinkRedemption> {
    const _id = hashOf(token);
    // One conditional update: of two requests with the same link, exactly one matches.
    const taken = await this.links.findOneAndUpdate(
      { _id, usedAt: null, expiresAt: { $gt: now } },
      { $set: { usedAt: now } },
      { returnDocument: 'after' },
    );
    if (taken) return { outcome: 'signed-in', agentId: storedLink.parse(taken).agentId };
    const why = await this.peek(token, now);
    // Not taken by this call, so never a sign-in: another request used it in between.
    return why.outcome === 'signed-in' ? { outcome: 'used' } : why;
  }
}
