// Response times (Reaktionszeiten) per item kind, counted in working time (src/shift/calendar.ts): an item's
// deadline is its receipt plus the kind's working hours; its alert comes when the configured share of that time
// has passed (default 75 %).
import type { Config } from '../config/config.ts';
import type { ShiftItemKind } from '../notices/shift.ts';
import { addWorkingHours } from '../time/working-hours.ts';

export type ShiftRules = Pick<Config, 'businessTimeZone' | 'shift'> & { inactivity: Pick<Config['inactivity'], 'holidaysState'> };

export const KIND_LABELS: Record<ShiftItemKind, string> = { chat: 'Chat', mail: 'Mail', task: 'Neue Aufgabe' };
export const KIND_PLURALS: Record<ShiftItemKind, string> = { chat: 'Unbeantwortete Chats', mail: 'Unbeantwortete Mails', task: 'Neue Aufgaben' };
export const SHIFT_KINDS: readonly ShiftItemKind[] = ['chat', 'mail', 'task'];

export function asKind(kind: string): ShiftItemKind {
  return kind === 'mail' || kind === 'task' ? kind : 'chat';
}

export function responseHours(kind: string, rules: ShiftRules): number {
  return rules.shift.responseHours[asKind(kind)];
}

export function deadlineOf(item: { kind: string; receivedAt: Date }, rules: ShiftRules): Date {
  return addWorkingHours(item.receivedAt, responseHours(item.kind, rules), rules.businessTimeZone, rules.inactivity.holidaysState);
}

export function alertAtOf(item: { kind: string; receivedAt: Date }, rules: ShiftRules): Date {
  return addWorkingHours(item.receivedAt, responseHours(item.kind, rules) * rules.shift.alertShare, rules.businessTimeZone, rules.inactivity.holidaysState);
}

/** "4 Std.", "8 Std. (1 Arbeitstag)", "30 Min." */
export function hoursText(hours: number): string {
  const minutes = Math.round(hours * 60);
  const base = minutes % 60 === 0 ? `${minutes / 60} Std.` : minutes < 60 ? `${minutes} Min.` : `${Math.floor(minutes / 60)} Std. ${minutes % 60} Min.`;
  return minutes > 0 && minutes % 480 === 0 ? `${base} (${minutes / 480} ${minutes === 480 ? 'Arbeitstag' : 'Arbeitstage'})` : base;
}

export function responseText(rules: ShiftRules): string {
  const h = rules.shift.responseHours;
  const text = `Reaktionszeiten (Arbeitszeit Mo–Fr 9–17 Uhr): Chats ${hoursText(h.chat)}, Mails ${hoursText(h.mail)}, neue Aufgaben ${hoursText(h.task)}`;
  // "4 Std." ends the sentence already: no second full stop.
  return text.endsWith('.') ? text : `${text}.`;
}

/** "2 Std. 10 Min.", "45 Min.", "3 Tagen 2 Std." – a wall-clock duration for "seit …" / "in …". */
export function durationText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return `${days} ${days === 1 ? 'Tag' : 'Tagen'}${hours > 0 ? ` ${hours} Std.` : ''}`;
  if (hours > 0) return `${hours} Std.${mins > 0 ? ` ${mins} Min.` : ''}`;
  return `${mins} Min.`;
}
