// The plan card (`schichtplan`): "Aktualisieren", "eintragen" and "entfernen". Who may change which day is the use
// case's rule (the day's shift lead and the managers); each answers with the plan as it is now.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { addPlanEntry, removePlanEntry, SHIFT_DUTY_ROLES, SHIFT_NAME_MAX, shiftPlan } from '../../../src/shift/index.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction, type ActionContext, type ActionResult } from '../registry.ts';
import { optionalText, useCaseBase } from '../handover/shared.ts';

async function planCard(ctx: ActionContext, notice: string | null): Promise<ActionResult> {
  const model = await shiftPlan({ ...useCaseBase(ctx), holidaysState: ctx.config.inactivity.holidaysState, notice });
  return { card: renderNoticeCard({ kind: 'shiftPlan', model }) };
}

export const showShiftPlanAction = defineAction({
  verb: VERBS.shiftPlanShow,
  data: z.object({}).loose(),
  roles: SHIFT_DUTY_ROLES,
  handle: (ctx) => planCard(ctx, null),
});

export const addShiftPlanEntryAction = defineAction({
  verb: VERBS.shiftPlanAdd,
  data: z
    .object({
      date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      shift: z.string().trim().min(1).max(SHIFT_NAME_MAX),
      personId: z.string().min(1).max(100),
      lead: z.preprocess((v) => v === true || v === 'true', z.boolean()).optional(),
      from: optionalText(5),
      until: optionalText(5),
    })
    .loose(),
  mutating: true,
  async handle(ctx, data) {
    const notice = await addPlanEntry({ ...useCaseBase(ctx), date: data.date, shift: data.shift, personId: data.personId, lead: data.lead === true, from: data.from, until: data.until });
    return planCard(ctx, notice);
  },
});

export const removeShiftPlanEntryAction = defineAction({
  verb: VERBS.shiftPlanRemove,
  data: z.object({ assignmentId: z.string().min(1).max(100) }).loose(),
  mutating: true,
  async handle(ctx, data) {
    const notice = await removePlanEntry({ ...useCaseBase(ctx), assignmentId: data.assignmentId });
    return planCard(ctx, notice);
  },
});
