import { describe, expect, it } from 'vitest';
import { COMMAND_TABLE } from '../../bot/commands/table.ts';
import { helpModel } from '../../bot/help.ts';
import { CARD_SIZE_LIMIT_BYTES, cardSizeBytes } from '../../cards/common/size.ts';
import { helpCard } from '../../cards/help.ts';
import type { HelpModel } from '../../src/notices/types.ts';
import { ROLES, type Role } from '../../src/people/roles.ts';
import { actionByTitle, cardActions, cardText, cardTexts, parseCard } from '../support/cards.ts';

/** The help card as the bot builds it: the model's commands come from the command table, filtered by roles. */
function help(roles: Role[], extra: Partial<HelpModel> = {}) {
  const model = helpModel(COMMAND_TABLE, { name: 'Anna', roles }, extra.scope ?? 'personal', extra.unknownText ?? false);
  return helpCard({ ...model, ...extra });
}

/** The command names the card lists (lines starting with a bold command and a dash). */
function commands(roles: Role[], extra: Partial<HelpModel> = {}): string[] {
  return cardTexts(help(roles, extra)).flatMap((t) => /^\*\*(.+?)\*\* – /.exec(t)?.[1] ?? []);
}

describe('help card', () => {
  it('parses without problems and stays small for every role and scope', () => {
    for (const scope of ['personal', 'channel', 'groupChat'] as const) {
      for (const roles of [[], ...ROLES.map((r) => [r]), [...ROLES]]) {
        for (const unknownText of [false, true]) {
          const card = help(roles, { scope, unknownText });
          expect(parseCard(card).problems, `${scope} ${roles.join('|')}`).toEqual([]);
          expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
        }
      }
    }
  });

  it('shows a VPA hilfe, abgeben, melden, status and kunden, but no kanal commands, and offers the two forms', () => {
    expect(commands(['vpa'])).toEqual(['hilfe', 'abgeben', 'melden', 'status', 'kunden']);
    const card = help(['vpa']);
    expect(cardText(card)).not.toContain('kanal freigabe');
    expect(actionByTitle(card, 'Kunde abgeben').verb).toBe('handover.form');
    expect(actionByTitle(card, 'Kunden melden').verb).toBe('conduct.form');
    expect(card).toMatchSnapshot();
  });

  it('shows each role exactly its commands (no command that does not exist)', () => {
    expect(commands(['community'])).toEqual(['hilfe', 'status', 'inaktiv', 'inaktiv bericht']);
    expect(commands(['vpa_manager'])).toEqual(['hilfe', 'status', 'schichtplan', 'schicht bericht', 'kanal freigabe', 'kanal betreuung', 'kanal schicht', 'kanal admin']);
    expect(commands(['client_manager'])).toEqual(commands(['vpa_manager']));
    expect(commands(['shift'])).toEqual(['hilfe', 'schichtplan', 'schicht bericht']);
    expect(commands(['admin'])).toEqual(['hilfe', 'inaktiv', 'inaktiv bericht', 'umfragen', 'kanal freigabe', 'kanal betreuung', 'kanal schicht', 'kanal admin']);
    expect(commands(['vpa', 'shift', 'admin'])).toEqual(['hilfe', 'abgeben', 'melden', 'status', 'kunden', 'inaktiv', 'inaktiv bericht', 'umfragen', 'schichtplan', 'schicht bericht', 'kanal freigabe', 'kanal betreuung', 'kanal schicht', 'kanal admin']);
  });

  it('lays out exactly the model’s commands and buttons, nothing of its own', () => {
    const card = helpCard({
      name: undefined,
      roles: ['shift'],
      unknownText: false,
      scope: 'personal',
      commands: [
        { usage: 'eins', description: 'Erster Befehl.', channelOnly: false, personalOnly: false },
        { usage: 'zwei', description: 'Zweiter Befehl.', channelOnly: true, personalOnly: false, button: { title: 'Zwei', verb: 'test.zwei' } },
      ],
    });
    expect(parseCard(card).problems).toEqual([]);
    expect(cardTexts(card).flatMap((t) => /^\*\*(.+?)\*\* – /.exec(t)?.[1] ?? [])).toEqual(['eins', 'zwei']);
    expect(cardText(card)).toContain('**Nur in einem Team-Kanal**');
    expect(cardActions(card).map((a) => a.verb)).toEqual(['test.zwei']);
  });

  it('marks the kanal commands as channel-only, after an @mention', () => {
    const card = help(['vpa_manager']);
    expect(cardText(card)).toContain('**Nur in einem Team-Kanal**, nach @Staffelstab:');
    expect(card).toMatchSnapshot();
  });

  it('tells a person without roles to contact the admin team and shows only hilfe', () => {
    const card = help([], { name: undefined });
    expect(commands([], { name: undefined })).toEqual(['hilfe']);
    expect(cardText(card)).toContain('Bitte wende dich an das Admin-Team');
    expect(cardActions(card)).toEqual([]);
    expect(card).toMatchSnapshot();
  });

  it('answers unknown text with a short "not understood" line first', () => {
    const card = help(['vpa'], { unknownText: true });
    expect(cardText(card).startsWith('Das habe ich nicht verstanden.')).toBe(true);
    expect(cardText(help(['vpa']))).not.toContain('nicht verstanden');
  });

  it('in a channel explains the @mention, that client matters are answered 1:1, and offers no personal forms', () => {
    const card = help(['vpa'], { scope: 'channel' });
    expect(cardText(card)).toContain('Hier im Kanal erwähnst du mich zuerst');
    expect(cardText(card)).toContain('Was du mit **abgeben**, **melden**, **status** und **kunden** anforderst, schicke ich dir in unseren 1:1-Chat');
    expect(cardText(help(['vpa']))).not.toContain('1:1-Chat');
    expect(cardActions(card)).toEqual([]);
    expect(cardText(help(['vpa'], { scope: 'groupChat' }))).toContain('Hier im Gruppenchat');
  });
});
