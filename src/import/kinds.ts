// The import kinds of CONTRACT.md that exist so far. `shifts` and `inbox` arrive with their tables in a
// later issue; they are listed so that `import shifts` says so instead of "unknown".
import { assignmentsImport } from './assignments.ts';
import { clientsImport } from './clients.ts';
import type { ImportKind } from './kind.ts';
import { peopleImport } from './people.ts';
import { tasksImport } from './tasks.ts';

/** Runs one kind with its row type hidden, so kinds of different row types fit in one table. */
export interface AnyImportKind {
  kind: string;
  labelDe: string;
  use<R>(f: <T>(kind: ImportKind<T>) => R): R;
}

function erase<T>(k: ImportKind<T>): AnyImportKind {
  return { kind: k.kind, labelDe: k.labelDe, use: (f) => f(k) };
}

export const IMPORT_KINDS: readonly AnyImportKind[] = [erase(peopleImport), erase(clientsImport), erase(assignmentsImport), erase(tasksImport)];

export const PLANNED_IMPORT_KINDS: readonly string[] = ['shifts', 'inbox'];

export function findImportKind(name: string): AnyImportKind | undefined {
  return IMPORT_KINDS.find((k) => k.kind === name);
}
