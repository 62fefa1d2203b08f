// Pieces the tender cards share: the task and the client as facts.
import type { ClientInfo } from '../../src/notices/common.ts';
import type { TenderTaskView } from '../../src/notices/tender.ts';
import { facts } from '../common/build.ts';
import type { FactSet } from '../common/types.ts';

/** The task and the client, as every tender card shows them. */
export function taskFacts(task: TenderTaskView, client: ClientInfo, extra: readonly (readonly [string, string])[] = []): FactSet {
  return facts(
    ['Aufgabe', task.title],
    ['Kompetenz', task.competence ?? 'keine besondere'],
    ['Eingestellt am', task.createdAtText],
    ['Kunde', client.label],
    ['Kundenklasse', client.class],
    ['Aufgabenart', client.workTypeLabel],
    ...extra,
  );
}
