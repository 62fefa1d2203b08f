// What the shift cards share: the @mention line (Teams needs `<at>Name</at>` in the text and a matching entity in
// the card's `msteams.entities`), one item of the Conny account, and the acknowledgement banner.
import type { PersonInfo } from '../../src/notices/common.ts';
import type { ShiftItemView, ShiftMention } from '../../src/notices/shift.ts';
import { container, note, text } from '../common/build.ts';
import type { CardElement, MentionEntity, TeamsCardProperties, TextColor } from '../common/types.ts';

/** `<at>Anna Schneider</at>` for each mentioned person, the plain name for the others (no Teams id known). */
export function peopleText(people: readonly PersonInfo[], mentions: readonly ShiftMention[]): string {
  const mentioned = new Set(mentions.map((m) => m.name));
  return people.map((p) => (mentioned.has(p.name) ? `<at>${p.name}</at>` : p.name)).join(', ');
}

export function mentionEntities(mentions: readonly ShiftMention[]): MentionEntity[] {
  return mentions.map((m) => ({ type: 'mention', text: `<at>${m.name}</at>`, mentioned: { id: m.id, name: m.name } }));
}

/** The card's `msteams` part: full width, and the mention entities when there are any. */
export function teamsProperties(mentions: readonly ShiftMention[]): TeamsCardProperties {
  return mentions.length > 0 ? { width: 'Full', entities: mentionEntities(mentions) } : { width: 'Full' };
}

const STATE_COLOR: Record<ShiftItemView['state'], TextColor> = { overdue: 'attention', near: 'warning', ok: 'default', answered: 'good' };

/** One item: kind, client and subject, then received / age / deadline state. */
export function itemBlock(item: ShiftItemView, options: { separator?: boolean } = {}): CardElement {
  const subject = item.subject ? ` – ${item.subject}` : '';
  return container(
    [
      text(`**${item.kindLabel}** · ${item.clientText}${subject}`, { spacing: 'none' }),
      text(`eingegangen ${item.receivedText} (${item.ageText}) · ${item.stateText}`, { size: 'small', spacing: 'none', color: STATE_COLOR[item.state] }),
    ],
    { spacing: 'small', ...(options.separator ? { separator: true } : {}) },
  );
}

export function doneBanner(line: string): CardElement {
  return container([text(line, { weight: 'bolder' })], { style: 'good', spacing: 'medium' });
}

export function hint(line: string): CardElement {
  return note(line, { spacing: 'medium' });
}
