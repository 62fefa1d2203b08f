// The gateway without a platform (no PLATFORM_BASE_URL). Every client message becomes a to-do card for whoever can
// send it by hand, with the German text ready to copy and "erledigt" (src/platform/complete-todo.ts):
//   - a chat in a VPA's name (or anyone else's but Conny's) -> 1:1 to that person;
//   - a chat or e-mail in Conny's name (the sender holds the role `conny`) -> the staff who operate the Conny account:
//     the `schicht` channel when one is bound, else every person with the role `shift` 1:1, and when there is nobody
//     the admin team 1:1, so a message to a client is never lost;
//   - a reassignment -> the admin team (the `admin` channel, or every admin 1:1): "bitte im Plattform-Dashboard neu
//     zuweisen".
// The red question mark is the bot's own ClientMark row (no card). Everything is written in the caller's transaction.
// Idempotent: the caller's key is PlatformTodo.idempotencyKey; a second call with it finds the to-do and does
// nothing (two concurrent calls with one key: the unique key lets one commit). One audit event per to-do created,
// with ids only (never the text).
import { recordAudit } from '../audit/record.ts';
import type { DbOrTx, Tx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import { randomId, type IdGenerator } from '../ids.ts';
import { peopleWithRoles, personAudience, type Audience } from '../notices/audience.ts';
import type { ChannelPurpose } from '../notices/types.ts';
import type { PlatformTodoKind } from '../notices/platform.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { CONNY_ROLE, type Role } from '../people/roles.ts';
import type { ChatToClient, EmailToClient, PlatformGateway, Reassignment } from './gateway.ts';
import { loadTodo, platformTodoModel, type TodoCard } from './todo-card.ts';

export interface StandaloneGatewayOptions {
  /** Id generator for the to-dos (tests pass a deterministic one). */
  newId?: IdGenerator;
}

/** The card's key: its outbox idempotency key, which "erledigt" updates (`<key>:done`). */
export function todoCardKey(todoId: string, suffix: string): string {
  return `platform-todo:${todoId}:${suffix}`;
}

async function channelOr(db: DbOrTx, purpose: ChannelPurpose, roles: readonly Role[]): Promise<Audience[]> {
  const binding = await db.channelBinding.findUnique({ where: { purpose }, select: { purpose: true } });
  if (binding) return [{ recipient: { type: 'channel', purpose }, suffix: 'channel', personId: null }];
  return (await peopleWithRoles(db, roles)).map((p) => personAudience(p.id));
}

/** Who sends messages in Conny's name: the `schicht` channel, or each shift person; nobody there: the admins. */
export async function connyOperators(db: DbOrTx): Promise<Audience[]> {
  const shift = await channelOr(db, 'schicht', ['shift']);
  if (shift.length > 0) return shift;
  return (await peopleWithRoles(db, ['admin'])).map((p) => personAudience(p.id));
}

/** The admin team: the `admin` channel, or every admin 1:1. */
function adminTeam(db: DbOrTx): Promise<Audience[]> {
  return channelOr(db, 'admin', ['admin']);
}

interface TodoInput {
  kind: PlatformTodoKind;
  clientId: string;
  senderId: string | null;
  subject: string;
  text: string;
  idempotencyKey: string;
}

export function createStandaloneGateway(options: StandaloneGatewayOptions = {}): PlatformGateway {
  const newId = options.newId ?? randomId;

  /** Creates the to-do and queues its cards, unless a to-do with this key exists. */
  async function createTodo(tx: Tx, input: TodoInput, audienceOf: () => Promise<Audience[]>, now: Date): Promise<void> {
    const existing = await tx.platformTodo.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } });
    if (existing) return;
    const client = await tx.client.findUnique({ where: { id: input.clientId }, select: { id: true } });
    if (!client) throw new AppError('CLIENT_NOT_FOUND', { detail: input.clientId });
    const audience = await audienceOf();
    const id = newId();
    const cards: TodoCard[] = audience.map((a) => ({ key: todoCardKey(id, a.suffix), personId: a.personId }));
    await tx.platformTodo.create({
      data: { id, kind: input.kind, clientId: input.clientId, senderId: input.senderId, subject: input.subject, text: input.text, status: 'open', cards: JSON.stringify(cards), idempotencyKey: input.idempotencyKey, createdAt: now },
    });
    await recordAudit(tx, {
      at: now,
      actorId: null,
      action: 'platform.todo_created',
      subjectType: 'platform_todo',
      subjectId: id,
      data: { kind: input.kind, clientId: input.clientId, senderId: input.senderId, recipients: audience.map((a) => (a.recipient.type === 'channel' ? `channel:${a.recipient.purpose}` : a.personId)) },
    });
    // The model needs no time zone while the to-do is open (only "erledigt am …" does).
    const model = platformTodoModel(await loadTodo(tx, id), 'UTC');
    for (const [i, a] of audience.entries()) {
      const card = cards[i];
      if (!card) continue;
      await enqueue(tx, { idempotencyKey: card.key, message: { mode: 'send', recipient: a.recipient, notice: { kind: 'platformTodo', model } }, now });
    }
  }

  /** The sender in whose name a message goes out, and whether that is the Conny account. */
  async function senderOf(tx: Tx, senderId: string): Promise<{ isConny: boolean }> {
    const sender = await tx.person.findUnique({ where: { id: senderId }, select: { roles: { select: { role: true } } } });
    if (!sender) throw new AppError('PERSON_NOT_FOUND', { detail: `sender ${senderId} of a client message` });
    return { isConny: sender.roles.some((r) => r.role === CONNY_ROLE) };
  }

  async function messageAudience(tx: Tx, senderId: string): Promise<Audience[]> {
    return (await senderOf(tx, senderId)).isConny ? connyOperators(tx) : [personAudience(senderId)];
  }

  return {
    async sendChat(tx: Tx, message: ChatToClient, now: Date): Promise<void> {
      await createTodo(tx, { kind: 'chat', clientId: message.clientId, senderId: message.senderId, subject: '', text: message.text, idempotencyKey: message.idempotencyKey }, () => messageAudience(tx, message.senderId), now);
    },

    async sendEmail(tx: Tx, message: EmailToClient, now: Date): Promise<void> {
      await createTodo(
        tx,
        { kind: 'email', clientId: message.clientId, senderId: message.senderId, subject: message.subject, text: message.text, idempotencyKey: message.idempotencyKey },
        () => messageAudience(tx, message.senderId),
        now,
      );
    },

    async markInactive(tx: Tx, mark: { clientId: string; vpaId: string | null }, now: Date): Promise<void> {
      // Marked already: it stays marked since then (only the VPA it shows for may change).
      await tx.clientMark.upsert({ where: { clientId: mark.clientId }, create: { clientId: mark.clientId, vpaId: mark.vpaId, markedAt: now }, update: { vpaId: mark.vpaId } });
    },

    async clearInactiveMark(tx: Tx, clientId: string): Promise<void> {
      await tx.clientMark.deleteMany({ where: { clientId } });
    },

    async reassignClient(tx: Tx, change: Reassignment, now: Date): Promise<void> {
      const names = async (ids: string[]) => new Map((await tx.person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((p) => [p.id, p.name]));
      const known = await names([change.toVpaId, ...(change.fromVpaId ? [change.fromVpaId] : [])]);
      const to = known.get(change.toVpaId);
      if (!to) throw new AppError('PERSON_NOT_FOUND', { detail: `new VPA ${change.toVpaId} of a reassignment` });
      const from = change.fromVpaId ? (known.get(change.fromVpaId) ?? 'unbekannt') : 'niemand';
      const text = `Neuer VPA: ${to}\nBisher: ${from}`;
      await createTodo(tx, { kind: 'reassign', clientId: change.clientId, senderId: null, subject: '', text, idempotencyKey: change.idempotencyKey }, () => adminTeam(tx), now);
    },
  };
}
