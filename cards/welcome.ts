// The greeting after the app is installed. In a personal chat it speaks to the person and lists what
// their roles let them do; in a channel or group chat everyone reads it, so it explains every role
// and never shows one person's roles (model.roles is ignored there).
import type { WelcomeModel } from '../src/notices/types.ts';
import { card, executeAction, heading, note, text } from './common/build.ts';
import { BOT_NAME } from './common/bot-name.ts';
import { ALL_ROLES, ROLE_TEXT, sortedRoles } from './common/roles.ts';
import type { AdaptiveCard, CardAction, CardElement } from './common/types.ts';
import { VERBS } from './common/verbs.ts';

export function welcomeCard(model: WelcomeModel): AdaptiveCard {
  return model.scope === 'personal' ? personalWelcome(model) : teamWelcome(model);
}

function personalWelcome(model: WelcomeModel): AdaptiveCard {
  const roles = sortedRoles(model.roles);
  const body: CardElement[] = [
    heading(model.name ? `Hallo ${model.name}!` : 'Hallo!'),
    text(
      `Ich bin **${BOT_NAME}**, dein Assistent für Kundenabgaben, inaktive Kunden und den Schichtdienst rund um das Konto Conny. ` +
        'Ich begleite eine Kundenabgabe von der Anfrage bis zur Freigabe und sorge dafür, dass nichts liegen bleibt.',
    ),
  ];
  if (roles.length === 0) {
    body.push(text('Du hast noch keine Rolle. Bitte wende dich an das Admin-Team, damit es dich einträgt.', { color: 'attention', spacing: 'medium' }));
  } else {
    body.push(text('**Was du mit mir tun kannst**', { spacing: 'medium' }));
    for (const role of roles) body.push(text(`**${ROLE_TEXT[role].label}:** ${ROLE_TEXT[role].canDo}`, { spacing: 'small' }));
  }
  body.push(note('Schreib mir jederzeit **hilfe**, dann zeige ich dir alle Befehle.', { spacing: 'medium' }));

  const actions: CardAction[] = [executeAction('Hilfe', VERBS.helpShow)];
  if (roles.includes('vpa')) {
    actions.push(executeAction('Kunde abgeben', VERBS.handoverForm), executeAction('Kunden melden', VERBS.conductForm));
  }
  return card(body, actions, { fallbackText: `Hallo! Ich bin ${BOT_NAME}. Schreib mir „hilfe“, um zu sehen, was ich für dich tun kann.` });
}

function teamWelcome(model: WelcomeModel): AdaptiveCard {
  const body: CardElement[] = [
    heading('Hallo zusammen!'),
    text(
      `Ich bin **${BOT_NAME}**, euer Assistent für Kundenabgaben, inaktive Kunden und den Schichtdienst rund um das Konto Conny. ` +
        'Ich begleite eine Kundenabgabe von der Anfrage bis zur Freigabe und sorge dafür, dass nichts liegen bleibt.',
    ),
    text('**Wer was mit mir tun kann**', { spacing: 'medium' }),
  ];
  for (const role of ALL_ROLES) {
    const line = ROLE_TEXT[role].inTeam;
    if (line !== null) body.push(text(`• ${line}`, { spacing: 'small' }));
  }
  body.push(note(`Erwähnt mich zuerst, zum Beispiel: **@${BOT_NAME} hilfe**.`, { spacing: 'medium' }));
  if (model.scope === 'channel') {
    body.push(
      note(`Manager und das Admin-Team legen mit **@${BOT_NAME} kanal freigabe** (oder betreuung, schicht, admin) fest, wofür dieser Kanal da ist.`, { spacing: 'small' }),
    );
  }
  // Forms with personal content (Kundenabgabe, Meldung) belong in the personal chat, not here.
  return card(body, [executeAction('Hilfe', VERBS.helpShow)], {
    fallbackText: `Hallo zusammen! Ich bin ${BOT_NAME}. Erwähnt mich mit „hilfe“, um zu sehen, was ich tun kann.`,
  });
}
