// `staffelstab demo`: fills the database with the demo company (demo-data.ts) through the same checks and
// writes as the CSV import. It only adds what is missing and never changes what exists, so running it again,
// also after trying flows in the Emulator (a completed handover, a granted role), changes nothing. Dates are
// relative to the anchor: the instant of the first run, kept in its audit event, so a later run produces the
// very same rows instead of a second, shifted history.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { recordAudit } from '../audit/record.ts';
import type { Db } from '../db/client.ts';
import { assignmentsImport, type AssignmentRow } from '../import/assignments.ts';
import { clientsImport, type ClientRow } from '../import/clients.ts';
import type { ApplyCounts, ImportKind, ImportRow } from '../import/kind.ts';
import { peopleImport, type PersonRow } from '../import/people.ts';
import { applyRows } from '../import/run-import.ts';
import { tasksImport, type TaskRow } from '../import/tasks.ts';
import type { Role } from '../people/roles.ts';
import type { Config } from '../config/config.ts';
import type { Logger } from '../log/logger.ts';
import { DEMO_CLIENTS, DEMO_PEOPLE, DEMO_TASKS } from './demo-data.ts';
import { playDemoStory } from './demo-story.ts';
import { seedShiftDemo } from './shift-demo.ts';

export const DEMO_AUDIT_ACTION = 'demo.seeded';

export interface DemoPersonInfo {
  name: string;
  email: string;
  aadObjectId: string;
  roles: Role[];
  hint: string;
}

export interface DemoResult {
  anchor: Date;
  /** False when an earlier run set the anchor. */
  firstRun: boolean;
  counts: { people: ApplyCounts; clients: ApplyCounts; assignments: ApplyCounts; tasks: ApplyCounts };
  people: DemoPersonInfo[];
  /** True when this run played process 2's story (demo-story.ts); false when an earlier run did, or without config. */
  storyPlayed: boolean;
}

export interface SeedDemoOptions {
  now: Date;
  timeZone: string;
  /** With the configuration (and a logger), the story of process 2 is played after the data is in. */
  story?: { config: Config; logger: Logger };
}

export async function seedDemo(prisma: Db, options: SeedDemoOptions): Promise<DemoResult> {
  const result = await seedData(prisma, options);
  const storyPlayed = options.story ? await playDemoStory(prisma, { anchor: result.anchor, config: options.story.config, logger: options.story.logger }) : false;
  await seedShiftDemo(prisma, { anchor: result.anchor, timeZone: options.timeZone });
  return { ...result, storyPlayed };
}

async function seedData(prisma: Db, options: SeedDemoOptions): Promise<Omit<DemoResult, 'storyPlayed'>> {
  return prisma.$transaction(
    async (tx) => {
      const earlier = await tx.auditEvent.findFirst({ where: { action: DEMO_AUDIT_ACTION }, orderBy: { at: 'asc' }, select: { data: true } });
      const storedAnchor = earlier ? anchorOf(earlier.data) : undefined;
      const anchor = storedAnchor ?? options.now;
      const day = (daysAgo: number, hour = 0, minute = 0) =>
        DateTime.fromJSDate(anchor, { zone: options.timeZone }).startOf('day').minus({ days: daysAgo }).set({ hour, minute }).toJSDate();

      const people: PersonRow[] = DEMO_PEOPLE.map((p) => ({
        aadObjectId: p.aadObjectId,
        name: p.name,
        email: p.email,
        roles: p.roles,
        competences: p.competences,
        takesNewClients: p.takesNewClients,
        absentFrom: p.absent ? day(p.absent.fromDaysAgo) : undefined,
        absentUntil: p.absent ? day(p.absent.untilDaysAgo) : undefined,
      }));
      const clients: ClientRow[] = DEMO_CLIENTS.map((c) => ({ number: c.number, name: c.name, class: c.class, workType: c.workType, notes: c.notes }));
      const assignments: AssignmentRow[] = DEMO_CLIENTS.flatMap((c) =>
        c.history.map((h) => ({ clientNumber: c.number, vpaEmail: h.vpa, from: day(h.fromDaysAgo), to: h.toDaysAgo === null ? undefined : day(h.toDaysAgo) })),
      );
      const tasks: TaskRow[] = DEMO_CLIENTS.flatMap((c, ci) => [
        ...c.taskDaysAgo.map((daysAgo, i) => {
          const t = DEMO_TASKS[(ci * 3 + i) % DEMO_TASKS.length] ?? { title: 'Aufgabe', competence: '' };
          return { clientNumber: c.number, createdAt: day(daysAgo, 8 + ((ci + i * 3) % 9), (i * 17) % 60), title: t.title, competence: t.competence };
        }),
        ...(c.comesBack ? [{ clientNumber: c.number, createdAt: day(c.comesBack.daysAgo, 8, 40), title: c.comesBack.title, competence: c.comesBack.competence }] : []),
      ]);

      const fill = <T>(kind: ImportKind<T>, values: T[]) =>
        applyRows(tx, kind, asRows(values), { columns: new Set(kind.optional), updateExisting: false, timeZone: options.timeZone });
      const counts = {
        people: await fill(peopleImport, people),
        clients: await fill(clientsImport, clients),
        assignments: await fill(assignmentsImport, assignments),
        tasks: await fill(tasksImport, tasks),
      };
      const created = Object.values(counts).reduce((n, c) => n + c.created, 0);
      if (created > 0) {
        await recordAudit(tx, { at: options.now, actorId: null, action: DEMO_AUDIT_ACTION, subjectType: 'demo', subjectId: 'demo', data: { anchor: anchor.toISOString(), counts } });
      }
      return {
        anchor,
        firstRun: storedAnchor === undefined,
        counts,
        people: DEMO_PEOPLE.map((p) => ({ name: p.name, email: p.email, aadObjectId: p.aadObjectId, roles: p.roles, hint: p.hint })),
      };
    },
    { maxWait: 15_000, timeout: 120_000 },
  );
}

/** Line numbers as if the rows came from a file with a header, for the (unexpected) error report. */
function asRows<T>(values: T[]): ImportRow<T>[] {
  return values.map((value, i) => ({ line: i + 2, value }));
}

const auditData = z.object({ anchor: z.iso.datetime() });

function anchorOf(data: string): Date | undefined {
  try {
    const parsed = auditData.safeParse(JSON.parse(data));
    return parsed.success ? new Date(parsed.data.anchor) : undefined;
  } catch {
    return undefined;
  }
}
