// "fortsetzen": the client's reply paused the automatic reminders; whoever handles the client lets them go on. On the
// reply card the answer is a short card saying so; on the VPA's `kunden` card (1:1) it is the refreshed list.
import { z } from 'zod';
import { VERBS } from '../../../cards/common/verbs.ts';
import { RESUME_ROLES, resumeAnswerText, resumeInactivity } from '../../../src/inactivity/index.ts';
import { hasRole } from '../../../src/people/access.ts';
import { scopeOf } from '../../activity.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { clientsCardFor } from './clients.ts';
import { cycleRef, useCaseBase } from './shared.ts';

export const resumeInactiveClient = defineAction({
  verb: VERBS.inactivityResume,
  data: cycleRef.extend({ view: z.enum(['clients']).optional() }).loose(),
  roles: RESUME_ROLES,
  mutating: true,
  async handle(ctx, data) {
    await resumeInactivity({ ...useCaseBase(ctx), cycleId: data.cycleId, expectedVersion: data.version });
    ctx.kickOutbox();
    // The VPA's client list only where it was sent: their own 1:1 chat.
    if (data.view === 'clients' && scopeOf(ctx.turn.activity) === 'personal' && hasRole(ctx.actor, ['vpa'])) return { card: await clientsCardFor(ctx) };
    return { card: renderNoticeCard({ kind: 'text', model: { text: await resumeAnswerText(ctx.db.prisma, data.cycleId, ctx.config.businessTimeZone) } }) };
  },
});
