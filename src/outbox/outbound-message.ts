// Reads the OutboundMessage stored in an outbox row. The row was written by enqueue(), but a row may
// also come from an older version of the app or a hand-edited database: anything unreadable is a
// permanent failure of that row, never a crash of the sender.
import { z } from 'zod';
import { CHANNEL_PURPOSES, type OutboundMessage } from '../notices/types.ts';

const recipientSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('person'), personId: z.string().min(1) }),
  z.object({ type: z.literal('channel'), purpose: z.enum(CHANNEL_PURPOSES as [string, ...string[]]) }),
  z.object({ type: z.literal('conversation'), conversationId: z.string().min(1) }),
]);

// The model of each kind is checked where it is rendered (bot/render): src/ knows only the envelope.
const noticeSchema = z.object({ kind: z.string().min(1), model: z.record(z.string(), z.unknown()) });

const messageSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('send'), recipient: recipientSchema, notice: noticeSchema }),
  z.object({ mode: z.literal('update'), updatesKey: z.string().min(1), notice: noticeSchema }),
]);

export type ParsedOutbound = { ok: true; message: OutboundMessage } | { ok: false; reason: string };

export function parseOutboundMessage(json: string): ParsedOutbound {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'stored notice is not valid JSON' };
  }
  const parsed = messageSchema.safeParse(raw);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'message';
    return { ok: false, reason: `stored notice is malformed at ${where}` };
  }
  // The notice's model is validated against its kind when rendered; here it is carried through as is.
  return { ok: true, message: parsed.data as unknown as OutboundMessage };
}
