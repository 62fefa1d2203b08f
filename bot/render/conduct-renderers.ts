// The conduct-report cards, one per notice kind, typed by ConductNoticeModels: a kind added there without a
// card here fails to compile. render-notice.ts merges this table into its own.
import { conductAcknowledgedCard } from '../../cards/conduct/acknowledged.ts';
import { conductEscalationCard } from '../../cards/conduct/escalation.ts';
import { conductFormCard } from '../../cards/conduct/form.ts';
import { conductReceivedCard } from '../../cards/conduct/received.ts';
import { conductReminderCard } from '../../cards/conduct/reminder.ts';
import { conductReportCard } from '../../cards/conduct/report.ts';
import type { AdaptiveCard } from '../../cards/common/types.ts';
import type { ConductNoticeModels } from '../../src/notices/conduct.ts';

export type ConductRenderers = { [K in keyof ConductNoticeModels]: (model: ConductNoticeModels[K]) => AdaptiveCard };

export const CONDUCT_RENDERERS: ConductRenderers = {
  conductForm: conductFormCard,
  conductReceived: conductReceivedCard,
  conductReport: conductReportCard,
  conductAcknowledged: conductAcknowledgedCard,
  conductReminder: conductReminderCard,
  conductEscalation: conductEscalationCard,
};
