// The short answer to "fortsetzen": whose reminders go on, and who resumed them when (read from the audit trail, so a
// second click — or a click after a colleague's — names the person who actually resumed).
import type { DbOrTx } from '../db/client.ts';
import { clientInfo } from '../clients/client-info.ts';
import { formatDateTime } from '../time/format.ts';

export async function resumeAnswerText(db: DbOrTx, cycleId: string, timeZone: string): Promise<string> {
  const cycle = await db.inactivityCycle.findUnique({ where: { id: cycleId }, select: { clientId: true, status: true } });
  const client = cycle ? await db.client.findUnique({ where: { id: cycle.clientId }, select: { id: true, number: true, name: true, class: true, workType: true } }) : null;
  const name = client ? clientInfo(client).nameWithClass : 'diesen Kunden';
  if (cycle?.status !== 'running') return `Die automatischen Nachrichten an ${name} laufen nicht mehr: Der Kunde hat inzwischen eine Aufgabe eingestellt oder ist aus dem Ablauf genommen.`;
  const event = await db.auditEvent.findFirst({ where: { subjectType: 'inactivity', subjectId: cycleId, action: 'inactivity.resumed' }, orderBy: { at: 'desc' }, select: { at: true, actorId: true } });
  const by = event?.actorId ? await db.person.findUnique({ where: { id: event.actorId }, select: { name: true } }) : null;
  const who = event ? ` Fortgesetzt${by ? ` von ${by.name}` : ''} am ${formatDateTime(event.at, timeZone)}.` : '';
  return `Die automatischen Erinnerungen an ${name} laufen weiter.${who}`;
}
