// client.reassigned: the platform moved the client to another VPA. The bot's assignment history follows, as when
// the bot itself reassigns (src/tender/award.ts): every current row of someone else ends at the event's instant and
// the new VPA's row starts then (kept when they already serve the client). Nothing is sent back to the platform: it
// is where the change came from. A move to the Conny account hands the running inactivity cycle over (Conny's
// messages follow). An event older than the client's newest current assignment is outdated (a later
// change is known already) and changes nothing; unknown clients and people fail the event with a coded reason.
import { currentAssignments } from '../../../assignments/current.ts';
import { connyId } from '../../../assignments/last-vpa.ts';
import { moveAssignment } from '../../../assignments/move.ts';
import { AppError } from '../../../errors/catalogue.ts';
import { randomId } from '../../../ids.ts';
import { recordHandOverOnPlatform } from '../../../inactivity/index.ts';
import type { ClientReassigned } from '../../webhooks/events.ts';
import { notAfter, type Effects, type EventHandler } from '../handler.ts';

export const clientReassigned: EventHandler<ClientReassigned> = {
  async apply(tx, data, ctx): Promise<Effects> {
    const client = await tx.client.findUnique({ where: { number: data.clientNumber }, select: { id: true } });
    if (!client) throw new AppError('PLATFORM_EVENT_UNKNOWN_CLIENT', { detail: `reassignment of client ${data.clientNumber}` });
    const vpa = await tx.person.findUnique({ where: { email: data.vpaEmail.trim().toLowerCase() }, select: { id: true } });
    if (!vpa) throw new AppError('PLATFORM_EVENT_UNKNOWN_PERSON', { detail: `new VPA of client ${data.clientNumber} (e-mail not known)` });
    const at = notAfter(new Date(data.at), ctx.now);
    const current = await currentAssignments(tx, client.id, ctx.now);
    if (current.some((a) => a.vpaId === vpa.id)) return { clientId: client.id, vpaId: vpa.id, changed: false, outdated: false };
    if (current.some((a) => a.from.getTime() > at.getTime())) return { clientId: client.id, vpaId: vpa.id, changed: false, outdated: true };
    const fromVpaIds = [...new Set(current.map((a) => a.vpaId))];
    let newAssignmentId: string | null = null;
    let closed = 0;
    for (const fromVpaId of fromVpaIds) {
      const moved = await moveAssignment(tx, { clientId: client.id, fromVpaId, toVpaId: vpa.id }, at, randomId);
      closed += moved.closedAssignmentIds.length;
      newAssignmentId ??= moved.newAssignmentId;
    }
    if (fromVpaIds.length === 0) {
      newAssignmentId = randomId();
      await tx.assignment.create({ data: { id: newAssignmentId, clientId: client.id, vpaId: vpa.id, from: at, to: null } });
    }
    // Moved to the Conny account on the platform: the inactivity cycle is with Conny from then on.
    const handedToConnyCycleId = vpa.id === (await connyId(tx)) ? await recordHandOverOnPlatform(tx, client.id, at, ctx.now) : null;
    return { clientId: client.id, vpaId: vpa.id, changed: true, outdated: false, fromVpaIds: fromVpaIds.join(','), closedAssignments: closed, newAssignmentId, handedToConnyCycleId };
  },
};
