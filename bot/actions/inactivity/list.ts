// The actions on the `inaktiv` list (community and admin teams, in a channel or 1:1): "an Conny übergeben",
// "verschieben" (reason and date), "ausnehmen" (reason, an optional last day of an agreed break), and "Aktualisieren".
// Each answers with the refreshed list. The inputs of a row carry the row number in their ids (one card may not
// repeat an id; cards/inactivity/list.ts); the action's data names the row.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { listInputIds } from '../../../cards/inactivity/list.ts';
import { AppError } from '../../../src/errors/catalogue.ts';
import { excludeInactive, handOverToConny, INACTIVE_MANAGEMENT_ROLES, postponeInactive } from '../../../src/inactivity/index.ts';
import { gatewayFor } from '../../../src/platform/index.ts';
import { parseLocalDateTime } from '../../../src/time/format.ts';
import { defineAction } from '../registry.ts';
import { answerWithList, cycleRef, inputValue, useCaseBase } from './shared.ts';

const rowRef = cycleRef.extend({ row: z.coerce.number().int().min(0).max(999) }).loose();

/** A date input (YYYY-MM-DD) as the start of that local day; a German error when malformed. */
function localDay(value: string, timeZone: string, message: string): Date {
  const at = parseLocalDateTime(value, '00:00', timeZone);
  if (!at) throw new AppError('INACTIVITY_INPUT_INVALID', { detail: `date '${value}'`, userMessage: message });
  return at;
}

function requireReason(value: string): string {
  if (value === '') throw new AppError('INACTIVITY_INPUT_INVALID', { detail: 'reason missing', userMessage: 'Bitte gib einen Grund an.' });
  return value;
}

export const handOverInactive = defineAction({
  verb: VERBS.inactivityHandover,
  data: cycleRef.loose(),
  roles: INACTIVE_MANAGEMENT_ROLES,
  mutating: true,
  async handle(ctx, data) {
    await handOverToConny({ ...useCaseBase(ctx), cycleId: data.cycleId, expectedVersion: data.version, gateway: gatewayFor(ctx.config) });
    return answerWithList(ctx, { action: 'handover', cycleId: data.cycleId });
  },
});

export const postponeInactiveClient = defineAction({
  verb: VERBS.inactivityPostpone,
  data: rowRef,
  roles: INACTIVE_MANAGEMENT_ROLES,
  mutating: true,
  async handle(ctx, data) {
    const ids = listInputIds(data.row);
    const reason = requireReason(inputValue(data, ids.postponeReason));
    const date = inputValue(data, ids.postponeUntil);
    if (date === '') throw new AppError('INACTIVITY_INPUT_INVALID', { detail: 'date missing', userMessage: 'Bitte gib an, wann der Kunde wieder auf die Liste kommt.' });
    const until = localDay(date, ctx.config.businessTimeZone, 'Bitte gib ein gültiges Datum an, ab dem der Kunde wieder auf die Liste kommt.');
    await postponeInactive({ ...useCaseBase(ctx), cycleId: data.cycleId, expectedVersion: data.version, until, reason });
    return answerWithList(ctx, { action: 'postpone', cycleId: data.cycleId, until });
  },
});

export const excludeInactiveClient = defineAction({
  verb: VERBS.inactivityExclude,
  data: rowRef.extend({ clientId: z.string().min(1).max(100) }).loose(),
  roles: INACTIVE_MANAGEMENT_ROLES,
  mutating: true,
  async handle(ctx, data) {
    const ids = listInputIds(data.row);
    const reason = requireReason(inputValue(data, ids.excludeReason));
    const date = inputValue(data, ids.excludeUntil);
    const tz = ctx.config.businessTimeZone;
    // "bis einschließlich": the break ends when the day after the given one begins.
    const until = date === '' ? null : DateTime.fromJSDate(localDay(date, tz, 'Bitte gib ein gültiges Datum für das Ende der Pause an.'), { zone: tz }).plus({ days: 1 }).toJSDate();
    await excludeInactive({ ...useCaseBase(ctx), clientId: data.clientId, reason, until, gateway: gatewayFor(ctx.config) });
    return answerWithList(ctx, { action: 'exclude', clientId: data.clientId, until });
  },
});

export const showInactiveList = defineAction({
  verb: VERBS.inactivityList,
  data: z.object({}).loose(),
  roles: INACTIVE_MANAGEMENT_ROLES,
  async handle(ctx) {
    return answerWithList(ctx);
  },
});
