// The cards of process 2 (inactive clients, Conny), one per notice kind, typed by InactivityNoticeModels: a kind
// added there without a card here fails to compile. render-notice.ts merges this table into its own.
import type { AdaptiveCard } from '../../cards/common/types.ts';
import { inactivityClientsCard } from '../../cards/inactivity/clients.ts';
import { inactivityListCard } from '../../cards/inactivity/list.ts';
import { inactivityReplyCard } from '../../cards/inactivity/reply.ts';
import { inactivityReportCard } from '../../cards/inactivity/report.ts';
import { inactivityVpaCard } from '../../cards/inactivity/vpa.ts';
import type { InactivityNoticeModels } from '../../src/notices/inactivity.ts';

export type InactivityRenderers = { [K in keyof InactivityNoticeModels]: (model: InactivityNoticeModels[K]) => AdaptiveCard };

export const INACTIVITY_RENDERERS: InactivityRenderers = {
  inactivityVpa: inactivityVpaCard,
  inactivityReply: inactivityReplyCard,
  inactivityList: inactivityListCard,
  inactivityClients: inactivityClientsCard,
  inactivityReport: inactivityReportCard,
};
