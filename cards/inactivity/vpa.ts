// To the VPA, 1:1, when a client of theirs has had no new task for the configured weeks: the wiki's red question
// mark, with everything important about the client, the message the client gets in the VPA's name, and the tips
// for reactivating the client oneself.
import type { InactivityVpaModel } from '../../src/notices/inactivity.ts';
import { card, executeAction, facts, heading, note, text } from '../common/build.ts';
import { VERBS } from '../common/verbs.ts';
import type { AdaptiveCard } from '../common/types.ts';
import { quoted } from '../handover/parts.ts';

export function inactivityVpaCard(model: InactivityVpaModel): AdaptiveCard {
  const c = model.client;
  const rows: [string, string][] = [
    ['Kunde', `${c.nameWithClass} · ${c.number}`],
    ['Aufgaben', c.workTypeLabel],
    ['Letzte Aufgabe', model.lastTaskText],
  ];
  if (model.servingSinceText) rows.push(['Du betreust ihn', model.servingSinceText]);
  return card(
    [
      heading(`❓ ${c.name} ist inaktiv`),
      text('Seit längerer Zeit hat dieser Kunde keine neue Aufgabe eingestellt. Er ist in deiner Kundenliste jetzt mit dem roten Fragezeichen markiert.', { spacing: 'small' }),
      facts(...rows),
      quoted(`Diese Nachricht erhält der Kunde ${model.clientMessageWhen} in deinem Namen:`, model.clientMessage),
      text('**So kannst du den Kunden selbst wieder aktivieren**', { spacing: 'medium' }),
      ...model.tips.map((tip) => text(`• ${tip}`, { spacing: 'small' })),
      note(model.nextStepText, { spacing: 'medium' }),
    ],
    // Standalone nobody else sees the client's chat: the VPA records a reply, so the reminders pause.
    [executeAction('Kunde hat geantwortet', VERBS.inactivityReplied, { cycleId: model.ref.cycleId }, { associatedInputs: 'none' })],
    { fallbackText: `${c.nameWithClass} ist inaktiv: keine neue Aufgabe seit ${model.lastTaskText}.` },
  );
}
