// The shift duty cards, one per notice kind, typed by ShiftNoticeModels: a kind added there without a card here
// fails to compile. render-notice.ts merges this table into its own.
import type { AdaptiveCard } from '../../cards/common/types.ts';
import { shiftAlertCard } from '../../cards/shift/alert.ts';
import { shiftCheckCard } from '../../cards/shift/check.ts';
import { shiftEscalationCard } from '../../cards/shift/escalation.ts';
import { shiftPlanCard } from '../../cards/shift/plan.ts';
import { shiftReportCard } from '../../cards/shift/report.ts';
import type { ShiftNoticeModels } from '../../src/notices/shift.ts';

export type ShiftRenderers = { [K in keyof ShiftNoticeModels]: (model: ShiftNoticeModels[K]) => AdaptiveCard };

export const SHIFT_RENDERERS: ShiftRenderers = {
  shiftCheck: shiftCheckCard,
  shiftEscalation: shiftEscalationCard,
  shiftAlert: shiftAlertCard,
  shiftPlan: shiftPlanCard,
  shiftReport: shiftReportCard,
};
