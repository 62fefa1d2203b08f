// task.created: the client posted a new task. It becomes a Task row keyed by the platform's task id
// (`platform:task:<taskId>`), so a webhook delivered twice, or reported by both the webhook and the reconciliation,
// is one task. The inactivity jobs take it from there on their next run (the server's scheduler, once a minute, or
// `staffelstab tick`, which processes pending events first): a running or paused cycle ends as reactivated and the
// admin team's review opens (src/inactivity/reactivation.ts). While the client is with the Conny account the task is
// also an item in Conny's inbox, for the shift to answer.
import { currentVpaIds } from '../../../assignments/current.ts';
import { connyIds } from '../../../assignments/last-vpa.ts';
import { AppError } from '../../../errors/catalogue.ts';
import { randomId } from '../../../ids.ts';
import { receiveInboxItem } from '../../../inbox/items.ts';
import type { TaskCreated } from '../../webhooks/events.ts';
import { notAfter, type EventHandler } from '../handler.ts';

export function platformTaskKey(taskId: string): string {
  return `platform:task:${taskId}`;
}

export const taskCreated: EventHandler<TaskCreated> = {
  async apply(tx, data, ctx) {
    const client = await tx.client.findUnique({ where: { number: data.clientNumber }, select: { id: true } });
    if (!client) throw new AppError('PLATFORM_EVENT_UNKNOWN_CLIENT', { detail: `task ${data.taskId} of client ${data.clientNumber}` });
    const createdAt = new Date(data.createdAt);
    const sourceKey = platformTaskKey(data.taskId);
    const existing = await tx.task.findUnique({ where: { sourceKey }, select: { id: true } });
    const taskId = existing?.id ?? randomId();
    if (!existing) {
      await tx.task.create({ data: { id: taskId, clientId: client.id, createdAt, title: data.title ?? '', competence: data.competence ?? '', sourceKey } });
    }
    // With Conny when the task came in (the platform's Conny inbox lists it from then on).
    const conny = await connyIds(tx);
    const withConny = (await currentVpaIds(tx, client.id, notAfter(createdAt, ctx.now))).some((id) => conny.has(id));
    const inbox = withConny
      ? await receiveInboxItem(tx, { id: data.taskId, kind: 'task', clientNumber: data.clientNumber, receivedAt: createdAt, subject: data.title ?? '', source: ctx.source }, ctx.now)
      : null;
    return { clientId: client.id, taskId, taskCreated: !existing, inbox };
  },
};
