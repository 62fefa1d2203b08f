// The import kinds of CONTRACT.md. PLANNED_IMPORT_KINDS lists kinds named in the contract that do not exist yet
// (none at the moment), so that importing one says so instead of "unknown".
import { assignmentsImport } from './assignments.ts';
import { clientsImport } from './clients.ts';
import type { ImportKind } from './kind.ts';
import { peopleImport } from './people.ts';
import { tasksImport } from './tasks.ts';
import { shiftsImport } from './shifts.ts';
import { inboxImport } from './inbox.ts';

/** Runs one kind with its row type hidden, so kinds of different row types fit in one table. */
export interface AnyImportKind {
  kind: string;
  labelDe: string;
  use<R>(f: <T>(kind: ImportKind<T>) => R): R;
}

function erase<T>(k: ImportKind<T>): AnyImportKind {
  return { kind: k.kind, labelDe: k.labelDe, use: (f) => f(k) };
}

export const IMPORT_KINDS: readonly AnyImportKind[] = [erase(peopleImport), erase(clientsImport), erase(assignmentsImport), erase(tasksImport), erase(shiftsImport), erase(inboxImport)];

export const PLANNED_IMPORT_KINDS: readonly string[] = [];

export function findImportKind(name: string): AnyImportKind | undefined {
  return IMPORT_KINDS.find((k) => k.kind === name);
}
