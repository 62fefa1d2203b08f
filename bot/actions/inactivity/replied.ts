// "Kunde hat geantwortet" on the VPA's inactivity card: standalone, nobody but the VPA sees the client's chat, so
// the VPA records the reply; the reminders pause until "fortsetzen" or a new task.
import { VERBS } from '../../../cards/common/verbs.ts';
import { reportClientReply } from '../../../src/inactivity/index.ts';
import { renderNoticeCard } from '../../render/render-notice.ts';
import { defineAction } from '../registry.ts';
import { cycleRef, useCaseBase } from './shared.ts';

export const reportInactiveClientReply = defineAction({
  verb: VERBS.inactivityReplied,
  data: cycleRef.loose(),
  mutating: true,
  personalOnly: true,
  async handle(ctx, data) {
    const paused = await reportClientReply({ ...useCaseBase(ctx), cycleId: data.cycleId });
    ctx.kickOutbox();
    const text = paused
      ? 'Danke! Die automatischen Erinnerungen an den Kunden ruhen jetzt. Mit „fortsetzen“ laufen sie weiter; eine neue Aufgabe des Kunden beendet sie.'
      : 'Die Erinnerungen an diesen Kunden ruhen bereits oder sind beendet.';
    return { card: renderNoticeCard({ kind: 'text', model: { text } }) };
  },
});
