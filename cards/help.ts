// "hilfe": the commands this person's roles allow, nothing more, so nobody is shown commands that
// would only answer with a missing-permission message. Also the answer to text the bot did not
// understand (unknownText), so a message never goes unanswered.
import type { HelpModel } from '../src/notices/types.ts';
import { card, executeAction, heading, note, text } from './common/build.ts';
import { BOT_NAME } from './common/bot-name.ts';
import type { CardRole } from './common/roles.ts';
import type { AdaptiveCard, CardAction, CardElement, TextBlock } from './common/types.ts';
import { VERBS } from './common/verbs.ts';

interface Command {
  command: string;
  description: string;
  /** Who sees the command; `everyone` includes people without any role. */
  for: 'everyone' | readonly CardRole[];
  /** Works only in a team channel, after @mentioning the bot. */
  channelOnly?: boolean;
}

const CHANNEL_SETTERS: readonly CardRole[] = ['vpa_manager', 'client_manager', 'admin'];

/** In the order the card lists them. */
export const COMMANDS: readonly Command[] = [
  { command: 'hilfe', description: 'Zeigt diese Übersicht.', for: 'everyone' },
  { command: 'abgeben', description: 'Einen deiner Kunden zur Abgabe vorschlagen (Kundenabgabe).', for: ['vpa'] },
  {
    command: 'melden',
    description: 'Einen Kunden melden, der dich beleidigt, respektlos behandelt, diskriminiert oder belästigt. Die Meldung geht sofort an die VPA-Manager und Kundenmanager.',
    for: ['vpa'],
  },
  { command: 'status', description: 'Zeigt den Stand der offenen Vorgänge, die dich betreffen.', for: ['vpa', 'community', 'vpa_manager', 'client_manager'] },
  { command: 'schicht bericht', description: 'Zeigt, was im Konto Conny gerade wartet: Chats, Mails und neue Aufgaben.', for: ['shift'] },
  { command: 'kanal freigabe', description: 'Dieser Kanal erhält die Freigabeanfragen für VPA-Wechsel.', for: CHANNEL_SETTERS, channelOnly: true },
  { command: 'kanal betreuung', description: 'Dieser Kanal ist der Prüfkanal des Community-Teams.', for: CHANNEL_SETTERS, channelOnly: true },
  { command: 'kanal schicht', description: 'Dieser Kanal erhält die Schicht-Erinnerungen zum Konto Conny.', for: CHANNEL_SETTERS, channelOnly: true },
  { command: 'kanal admin', description: 'Dieser Kanal erhält die Prüfungen reaktivierter Kunden.', for: CHANNEL_SETTERS, channelOnly: true },
];

/** The commands a person with these roles may use. */
export function commandsFor(roles: readonly CardRole[]): Command[] {
  return COMMANDS.filter((c) => c.for === 'everyone' || c.for.some((r) => roles.includes(r)));
}

// One text block per command rather than a FactSet: FactSet titles are capped at 150 px and
// "kanal betreuung" wraps there in several fonts.
function commandLines(commands: readonly Command[]): TextBlock[] {
  return commands.map((c, i) => text(`**${c.command}** – ${c.description}`, { spacing: i === 0 ? 'default' : 'small' }));
}

export function helpCard(model: HelpModel): AdaptiveCard {
  const commands = commandsFor(model.roles);
  const anywhere = commands.filter((c) => !c.channelOnly);
  const channelOnly = commands.filter((c) => c.channelOnly);
  const body: CardElement[] = [];

  if (model.unknownText) body.push(text('Das habe ich nicht verstanden.', { weight: 'bolder' }));
  body.push(heading(model.name ? `Das kann ich für dich tun, ${model.name}` : 'Das kann ich für dich tun'));
  if (model.scope !== 'personal') {
    body.push(note(`Hier im ${model.scope === 'channel' ? 'Kanal' : 'Gruppenchat'} erwähnst du mich zuerst, zum Beispiel: **@${BOT_NAME} hilfe**.`, { spacing: 'small' }));
  }
  body.push(...commandLines(anywhere));
  if (channelOnly.length > 0) {
    body.push(text(`**Nur in einem Team-Kanal**, nach @${BOT_NAME}:`, { spacing: 'medium' }), ...commandLines(channelOnly));
  }
  if (model.roles.length === 0) {
    body.push(
      text('Du hast noch keine Rolle, deshalb kann ich dir nur diese Hilfe zeigen. Bitte wende dich an das Admin-Team, damit es dich einträgt.', {
        color: 'attention',
        spacing: 'medium',
      }),
    );
  }

  // The forms carry personal details about a client: offer them in the personal chat only.
  const actions: CardAction[] =
    model.scope === 'personal' && model.roles.includes('vpa')
      ? [executeAction('Kunde abgeben', VERBS.handoverForm), executeAction('Kunden melden', VERBS.conductForm)]
      : [];
  const fallback = `Befehle: ${commands.map((c) => c.command).join(', ')}`;
  return card(body, actions, { fallbackText: model.unknownText ? `Das habe ich nicht verstanden. ${fallback}` : fallback });
}
