// The webhook signature (CONTRACT.md): HMAC-SHA256 with PLATFORM_WEBHOOK_SECRET over `<timestamp>.<raw body>`,
// headers `X-Staffelstab-Timestamp: <unix seconds>` and `X-Staffelstab-Signature: sha256=<hex>`, accepted within
// five minutes either side of the bot's clock. The raw bytes are signed, so the body is checked before it is parsed.
// The comparison takes the same time however many leading characters match (crypto.timingSafeEqual on digests of
// equal length), so a forger learns nothing from how fast a wrong signature is refused.
import crypto from 'node:crypto';

export const TIMESTAMP_HEADER = 'x-staffelstab-timestamp';
export const SIGNATURE_HEADER = 'x-staffelstab-signature';
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

export type SignatureCheck = { ok: true } | { ok: false; reason: 'missing' | 'malformed' | 'stale' | 'mismatch' };

export function signatureHex(secret: string, timestamp: string, rawBody: Buffer): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

/** The two headers for a body signed at `at` (the platform's side; used by tests and the bench). */
export function signWebhook(secret: string, rawBody: Buffer | string, at: Date): Record<string, string> {
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const body = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
  return { 'X-Staffelstab-Timestamp': timestamp, 'X-Staffelstab-Signature': `sha256=${signatureHex(secret, timestamp, body)}` };
}

export interface SignedRequest {
  timestamp: string | undefined;
  signature: string | undefined;
  rawBody: Buffer;
}

export function verifyWebhookSignature(secret: string, request: SignedRequest, now: Date): SignatureCheck {
  const { timestamp, signature } = request;
  if (!timestamp || !signature) return { ok: false, reason: 'missing' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed' };
  const match = /^sha256=([0-9a-fA-F]*)$/.exec(signature.trim());
  if (!match) return { ok: false, reason: 'malformed' };
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > SIGNATURE_TOLERANCE_SECONDS) return { ok: false, reason: 'stale' };
  const expected = Buffer.from(signatureHex(secret, timestamp, request.rawBody), 'hex');
  const given = Buffer.from((match[1] ?? '').toLowerCase().padEnd(expected.length * 2, '0').slice(0, expected.length * 2), 'hex');
  // A truncated or over-long signature is compared in full (padded) and then refused: no early exit on its length.
  const equal = crypto.timingSafeEqual(expected, given);
  return equal && (match[1] ?? '').length === expected.length * 2 ? { ok: true } : { ok: false, reason: 'mismatch' };
}
