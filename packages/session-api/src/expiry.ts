/**
 * DynamoDB's TTL deletes expired items eventually (typically within days), never at the moment
 * they expire, and local DynamoDB servers may never delete them. So the service treats a session
 * whose `expiresAt` has passed as gone on every read, whatever DynamoDB still holds.
 */

/** The attribute holding a session's expiry, in epoch seconds (the table's TTL attribute). */
export const EXPIRES_AT = 'expiresAt';

/** The current time in epoch seconds, the unit DynamoDB's TTL uses. */
export function nowInSeconds(now: Date = new Date()): number {
  return Math.floor(now.getTime() / 1000);
}

/** Whether a session expiring at `expiresAt` (epoch seconds) is still live at `now`. */
export function isLive(expiresAt: number, now: number): boolean {
  return expiresAt > now;
}
