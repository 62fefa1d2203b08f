// How every card family shows a client: one builder, so handover, conduct and (later) inactivity cards agree.
import type { ClientInfo } from '../notices/common.ts';

/** The client columns the cards show. */
export interface ClientRow {
  id: string;
  number: string;
  name: string;
  class: string;
  workType: string;
}

/** Client.workType in German, as the wiki says it ("kontinuierliche oder einzelne Aufgaben"). */
export function workTypeLabel(workType: string): string {
  if (workType === 'continuous') return 'kontinuierliche Aufgaben';
  if (workType === 'one-off') return 'einzelne Aufgaben';
  return workType;
}

export function clientInfo(c: ClientRow): ClientInfo {
  return {
    id: c.id,
    number: c.number,
    name: c.name,
    class: c.class,
    workType: c.workType,
    workTypeLabel: workTypeLabel(c.workType),
    nameWithClass: `${c.name} (${c.class})`,
    label: `${c.number} · ${c.name}`,
  };
}
