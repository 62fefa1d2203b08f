// The turn harness: the whole app in-process (restify on a random port, a fresh database, a fixed
// clock) talking to a fake Bot Connector. Activities are posted to /api/messages the way the Bot
// Framework Emulator or Teams post them; replies and proactive messages arrive at the fake connector.
//
//   const h = await startHarness();
//   const anna = await h.person('Anna Schneider', ['vpa']);
//   await h.message('hilfe', { from: anna });
//   const reply = h.lastCardTo(h.personalConversationOf(anna));
//   const res = await h.invoke('help.show', {}, { from: anna });
//   await h.drainOutbox();
//   await h.close();
import crypto from 'node:crypto';
import type { Activity } from 'botbuilder';
import { loadConfig } from '../../src/config/config.ts';
import { silentLogger } from '../../src/log/logger.ts';
import type { Role } from '../../src/people/roles.ts';
import { FixedClock } from '../../src/time/clock.ts';
import { platformDeliveryFor } from '../../src/platform/index.ts';
import { createServer, type App } from '../../bot/server.ts';
import type { ActionDefinition } from '../../bot/actions/registry.ts';
import { createConnectorTransport } from '../../bot/outbox/connector-transport.ts';
import { createOutboxSender, type DrainResult } from '../../bot/outbox/sender.ts';
import { startFakeConnector, type FakeConnector, type RecordedRequest } from './fake-connector.ts';
import { testDatabase, type TestDatabase } from './db.ts';
import { createPerson, type TestPerson } from './people.ts';

export const BOT_ID = '28:staffelstab-bot';

export interface ConversationSpec {
  id: string;
  type: 'personal' | 'channel' | 'groupChat';
  teamId?: string;
}

export interface Sender {
  name: string;
  aadObjectId?: string;
  teamsUserId?: string;
}

export interface PostOptions {
  from: Sender | TestPerson;
  conversation?: ConversationSpec;
  /** Teams (default) sends aadObjectId and 29: ids; the Emulator sends neither. */
  channelId?: 'msteams' | 'emulator';
  /** Extra activity fields (e.g. a fixed `id` to simulate a re-delivered invoke). */
  extra?: Partial<Activity>;
}

export interface InvokeResult {
  httpStatus: number;
  body: { statusCode?: number; type?: string; value?: unknown } | undefined;
}

export interface HarnessOptions {
  kind?: 'sqlite' | 'postgres';
  env?: Record<string, string>;
  now?: Date;
  extraActions?: readonly ActionDefinition[];
}

export interface Harness {
  url: string;
  connector: FakeConnector;
  db: TestDatabase;
  clock: FixedClock;
  app: App;
  person(name: string, roles: Role[], extra?: { email?: string }): Promise<TestPerson>;
  personalConversationOf(p: Sender | TestPerson): ConversationSpec;
  channel(name?: string): ConversationSpec;
  post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }>;
  message(text: string, options: PostOptions): Promise<number>;
  invoke(verb: string, data: Record<string, unknown>, options: PostOptions): Promise<InvokeResult>;
  /** The conversationUpdate Teams/the Emulator send when the bot is added to a conversation. */
  install(options: PostOptions): Promise<number>;
  /** Requests the connector answered 2xx for one conversation, oldest first. */
  deliveredTo(conversationId: string): RecordedRequest[];
  /** Attachments' card content of the activities delivered to a conversation. */
  cardsTo(conversationId: string): Record<string, unknown>[];
  textsTo(conversationId: string): string[];
  /** Sends everything due now, in as many rounds as it takes. */
  drainOutbox(): Promise<DrainResult>;
  close(): Promise<void>;
}

function senderFields(from: Sender | TestPerson, channelId: 'msteams' | 'emulator') {
  if (channelId === 'emulator') return { id: from.aadObjectId ?? `emulator-${from.name}`, name: from.name };
  return { id: from.teamsUserId ?? `29:${crypto.createHash('sha1').update(from.name).digest('hex').slice(0, 16)}`, name: from.name, aadObjectId: from.aadObjectId };
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const connector = await startFakeConnector();
  const db = await testDatabase(options.kind ?? 'sqlite');
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_URL: db.url, ...options.env });
  const clock = new FixedClock(options.now ?? new Date('2026-11-23T09:00:00Z'));
  const app = createServer({ config, db, logger: silentLogger, clock, extraActions: options.extraActions });
  const { port } = await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}`;
  const sender = createOutboxSender({
    prisma: db.prisma,
    provider: db.provider,
    transport: createConnectorTransport(),
    clock,
    logger: silentLogger,
    instanceId: 'harness',
    pollMs: 10,
    random: () => 0.5,
    // The clock stands still in turn tests, so Teams' per-second limits would hold messages back forever;
    // the limits themselves are tested in test/outbox.
    limits: { perConversation: [{ count: 10_000, windowMs: 1_000 }], global: [{ count: 10_000, windowMs: 1_000 }] },
    // With PLATFORM_BASE_URL in `env` (e.g. a fake platform, test/support/fake-platform.ts) platform calls are sent too.
    platform: platformDeliveryFor(config),
    platformLimits: { perConversation: [], global: [] },
  });

  const personalConversationOf = (p: Sender | TestPerson): ConversationSpec => ({ id: `a:personal-${p.aadObjectId ?? p.name}`, type: 'personal' });

  function activityBase(o: PostOptions): Partial<Activity> {
    const channelId = o.channelId ?? 'msteams';
    const conversation = o.conversation ?? personalConversationOf(o.from);
    return {
      id: crypto.randomUUID(),
      timestamp: clock.now(),
      serviceUrl: connector.url,
      channelId,
      from: senderFields(o.from, channelId),
      recipient: { id: BOT_ID, name: 'Staffelstab' },
      conversation: {
        id: conversation.id,
        isGroup: conversation.type !== 'personal',
        conversationType: conversation.type,
        tenantId: 'tenant-1',
        name: '',
      },
      channelData: channelId === 'msteams' ? { tenant: { id: 'tenant-1' }, ...(conversation.teamId ? { team: { id: conversation.teamId } } : {}) } : undefined,
      locale: 'de-DE',
    };
  }

  async function post(activity: Partial<Activity>): Promise<{ status: number; body: unknown }> {
    const res = await fetch(`${url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  const deliveredTo = (conversationId: string) => connector.deliveries().filter((r) => r.conversationId === conversationId);

  return {
    url,
    connector,
    db,
    clock,
    app,
    person: (name, roles, extra) => createPerson(db.prisma, { name, roles, ...extra }),
    personalConversationOf,
    channel: (name = 'freigabe') => ({ id: `19:${name}-${crypto.randomBytes(4).toString('hex')}@thread.tacv2`, type: 'channel', teamId: '19:team@thread.tacv2' }),
    post,
    async message(text, o) {
      const r = await post({ ...activityBase(o), type: 'message', text, ...o.extra });
      return r.status;
    },
    async invoke(verb, data, o) {
      const r = await post({ ...activityBase(o), type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' }, ...o.extra });
      return { httpStatus: r.status, body: r.body as InvokeResult['body'] };
    },
    async install(o) {
      const base = activityBase(o);
      const r = await post({ ...base, type: 'conversationUpdate', membersAdded: [{ id: BOT_ID, name: 'Staffelstab' }, ...(o.channelId === 'emulator' ? [base.from!] : [])], ...o.extra });
      return r.status;
    },
    deliveredTo,
    cardsTo(conversationId) {
      return deliveredTo(conversationId).flatMap((r) => {
        const attachments = (r.body as Partial<Activity> | undefined)?.attachments ?? [];
        return attachments.map((a) => a.content as Record<string, unknown>);
      });
    },
    textsTo(conversationId) {
      return deliveredTo(conversationId).flatMap((r) => {
        const t = (r.body as Partial<Activity> | undefined)?.text;
        return t ? [t] : [];
      });
    },
    // One round sends at most one message per conversation (order is kept per conversation), so drain
    // in rounds until a round sends nothing.
    async drainOutbox() {
      const total: DrainResult = { sent: 0, retried: 0, dead: 0 };
      for (let round = 0; round < 100; round++) {
        const r = await sender.drainOnce();
        total.sent += r.sent;
        total.retried += r.retried;
        total.dead += r.dead;
        if (r.sent + r.retried + r.dead === 0) break;
      }
      return total;
    },
    async close() {
      await sender.stop();
      await app.stop();
      await connector.close();
      await db.destroy();
    },
  };
}
