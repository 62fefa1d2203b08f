// "hilfe": the commands this person's roles allow, nothing more, so nobody is shown commands that
// would only answer with a missing-permission message. The list comes with the model (bot/ fills it from its
// command table); this card only lays it out. Also the answer to text the bot did not understand
// (unknownText), so a message never goes unanswered.
import type { HelpCommand, HelpModel } from '../src/notices/types.ts';
import { card, executeAction, heading, note, text } from './common/build.ts';
import { BOT_NAME } from './common/bot-name.ts';
import type { AdaptiveCard, CardAction, CardElement, TextBlock } from './common/types.ts';

// One text block per command rather than a FactSet: FactSet titles are capped at 150 px and
// "kanal betreuung" wraps there in several fonts.
function commandLines(commands: readonly HelpCommand[]): TextBlock[] {
  return commands.map((c, i) => text(`**${c.usage}** – ${c.description}`, { spacing: i === 0 ? 'default' : 'small' }));
}

export function helpCard(model: HelpModel): AdaptiveCard {
  const commands = model.commands;
  const anywhere = commands.filter((c) => !c.channelOnly);
  const channelOnly = commands.filter((c) => c.channelOnly);
  const body: CardElement[] = [];

  if (model.unknownText) body.push(text('Das habe ich nicht verstanden.', { weight: 'bolder' }));
  body.push(heading(model.name ? `Das kann ich für dich tun, ${model.name}` : 'Das kann ich für dich tun'));
  if (model.scope !== 'personal') {
    body.push(note(`Hier im ${model.scope === 'channel' ? 'Kanal' : 'Gruppenchat'} erwähnst du mich zuerst, zum Beispiel: **@${BOT_NAME} hilfe**.`, { spacing: 'small' }));
  }
  body.push(...commandLines(anywhere));
  const privately = anywhere.filter((c) => c.personalOnly);
  if (model.scope !== 'personal' && privately.length > 0) {
    body.push(note(`Was du mit ${andList(privately.map((c) => `**${c.usage}**`))} anforderst, schicke ich dir in unseren 1:1-Chat, weil es um Kunden geht.`, { spacing: 'medium' }));
  }
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

  // The forms carry personal details about a client: offer their buttons in the personal chat only.
  const actions: CardAction[] = model.scope === 'personal' ? commands.flatMap((c) => (c.button ? [executeAction(c.button.title, c.button.verb)] : [])) : [];
  const fallback = `Befehle: ${commands.map((c) => c.usage).join(', ')}`;
  return card(body, actions, { fallbackText: model.unknownText ? `Das habe ich nicht verstanden. ${fallback}` : fallback });
}

/** "a", "a und b", "a, b und c". */
function andList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} und ${items.at(-1)}`;
}
