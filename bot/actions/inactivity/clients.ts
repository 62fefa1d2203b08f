// "Aktualisieren" on the `kunden` card (and the help card's button): the VPA's own clients as they are now. About
// clients, so answered only in the 1:1 chat.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import type { ActionContext } from '../registry.ts';
import { defineAction } from '../registry.ts';
import { useCaseBase } from './shared.ts';
import { vpaClients } from '../../../src/inactivity/index.ts';

export async function clientsCardFor(ctx: ActionContext) {
  return renderNoticeCard({ kind: 'inactivityClients', model: await vpaClients({ ...useCaseBase(ctx), config: ctx.config.inactivity }) });
}

export const showVpaClients = defineAction({
  verb: VERBS.inactivityClients,
  data: z.object({}).loose(),
  roles: ['vpa'],
  personalOnly: true,
  async handle(ctx) {
    return { card: await clientsCardFor(ctx) };
  },
});
