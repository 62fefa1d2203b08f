// The demo's shift duty (process 3): a plan for the anchor day and the day after (Katharina Schmidt on the early
// shift, Tobias Krause on the late one as shift lead) and a few open items of each kind in the Conny account, one of
// them close to its response deadline when the demo runs in working hours. Relative to the demo's anchor, and only
// what is missing is added, so a second run changes nothing. Items go through the inbox kernel, as an import would.
import { DateTime } from 'luxon';
import type { Db } from '../db/client.ts';
import { randomId } from '../ids.ts';
import { receiveInboxItem, type InboxKind } from '../inbox/index.ts';
import { DEMO_PEOPLE } from './demo-data.ts';

const PLAN: readonly { name: string; shift: string; from: string; until: string; lead: boolean }[] = [
  { name: 'Katharina Schmidt', shift: 'früh', from: '08:00', until: '14:00', lead: false },
  { name: 'Tobias Krause', shift: 'spät', from: '13:00', until: '19:00', lead: true },
];

/** Minutes before the anchor each item came in. */
const ITEMS: readonly { id: string; kind: InboxKind; client: string; subject: string; minutesAgo: number }[] = [
  { id: 'demo-chat-1', kind: 'chat', client: 'K-1001', subject: 'Rückfrage zur Rechnung', minutesAgo: 195 },
  { id: 'demo-chat-2', kind: 'chat', client: 'K-1003', subject: 'Termin nächste Woche', minutesAgo: 25 },
  { id: 'demo-mail-1', kind: 'mail', client: 'K-1002', subject: 'Angebot Jahresabschluss', minutesAgo: 300 },
  { id: 'demo-mail-2', kind: 'mail', client: 'K-1004', subject: 'Neue Lieferadresse', minutesAgo: 60 },
  { id: 'demo-task-1', kind: 'task', client: 'K-1005', subject: 'Messestand planen', minutesAgo: 90 },
];

export async function seedShiftDemo(prisma: Db, options: { anchor: Date; timeZone: string }): Promise<void> {
  const today = DateTime.fromJSDate(options.anchor, { zone: options.timeZone }).startOf('day');
  const dates = [today, today.plus({ days: 1 })].map((d) => d.toFormat('yyyy-LL-dd'));
  await prisma.$transaction(async (tx) => {
    for (const entry of PLAN) {
      const email = DEMO_PEOPLE.find((p) => p.name === entry.name)?.email;
      const person = email ? await tx.person.findUnique({ where: { email }, select: { id: true } }) : null;
      if (!person) continue;
      for (const date of dates) {
        const key = { date_shift_personId: { date, shift: entry.shift, personId: person.id } };
        if (await tx.shiftAssignment.findUnique({ where: key, select: { id: true } })) continue;
        await tx.shiftAssignment.create({ data: { id: randomId(), date, shift: entry.shift, personId: person.id, lead: entry.lead, from: entry.from, until: entry.until, createdAt: options.anchor } });
      }
    }
    for (const item of ITEMS) {
      const receivedAt = new Date(options.anchor.getTime() - item.minutesAgo * 60_000);
      await receiveInboxItem(tx, { id: item.id, kind: item.kind, clientNumber: item.client, subject: item.subject, receivedAt, source: 'import' }, options.anchor);
    }
  });
}
