import { describe, expect, it } from 'vitest';
import { CARD_SIZE_LIMIT_BYTES, cardSizeBytes } from '../../cards/common/size.ts';
import { welcomeCard } from '../../cards/welcome.ts';
import { ROLES } from '../../src/people/roles.ts';
import { actionByTitle, cardActions, cardText, parseCard } from '../support/cards.ts';

describe('welcome card', () => {
  const vpa = welcomeCard({ scope: 'personal', name: 'Anna', roles: ['vpa'] });

  it('parses with the adaptivecards SDK and the Teams host config without problems', () => {
    for (const card of [
      vpa,
      welcomeCard({ scope: 'personal', name: undefined, roles: [] }),
      welcomeCard({ scope: 'personal', name: 'Boris', roles: [...ROLES] }),
      welcomeCard({ scope: 'channel', name: undefined, roles: [] }),
      welcomeCard({ scope: 'groupChat', name: 'Anna', roles: ['vpa'] }),
    ]) {
      expect(parseCard(card).problems).toEqual([]);
      expect(cardSizeBytes(card)).toBeLessThan(CARD_SIZE_LIMIT_BYTES);
    }
  });

  it('greets a VPA by name, says what the bot does and offers Hilfe, Kunde abgeben and Kunden melden', () => {
    const text = cardText(vpa);
    expect(text).toContain('Hallo Anna!');
    expect(text).toContain('Kundenabgaben, inaktive Kunden und den Schichtdienst');
    expect(text).toContain('**VPA:**');
    expect(text).not.toContain('Community-Team:');
    expect(actionByTitle(vpa, 'Hilfe')).toMatchObject({ type: 'Action.Execute', verb: 'help.show' });
    expect(actionByTitle(vpa, 'Kunde abgeben')).toMatchObject({ type: 'Action.Execute', verb: 'handover.form' });
    expect(actionByTitle(vpa, 'Kunden melden')).toMatchObject({ type: 'Action.Execute', verb: 'conduct.form' });
    expect(vpa).toMatchSnapshot();
  });

  it('lists what each of the person’s roles can do, in a fixed order, once each', () => {
    const card = welcomeCard({ scope: 'personal', name: 'Boris', roles: ['shift', 'vpa_manager', 'shift'] });
    const text = cardText(card);
    expect(text.indexOf('**VPA-Manager:**')).toBeGreaterThan(-1);
    expect(text.indexOf('**Schicht:**')).toBeGreaterThan(text.indexOf('**VPA-Manager:**'));
    expect(text.split('**Schicht:**')).toHaveLength(2);
    // Only VPAs hand clients over.
    expect(cardActions(card).map((a) => a.title)).toEqual(['Hilfe']);
  });

  it('tells a person without roles to contact the admin team', () => {
    const card = welcomeCard({ scope: 'personal', name: undefined, roles: [] });
    expect(cardText(card)).toContain('Hallo!');
    expect(cardText(card)).toContain('wende dich an das Admin-Team');
    expect(cardActions(card).map((a) => a.title)).toEqual(['Hilfe']);
    expect(card).toMatchSnapshot();
  });

  it('in a channel explains every role to everyone, shows how to set up the channel, and no personal forms', () => {
    const card = welcomeCard({ scope: 'channel', name: 'Anna', roles: ['vpa'] });
    const text = cardText(card);
    expect(text).toContain('Hallo zusammen!');
    expect(text).not.toContain('Anna');
    for (const phrase of ['VPAs schlagen', 'Community-Team prüft', 'VPA-Manager und Kundenmanager', 'Die Schicht prüft', 'Admin-Team prüft']) expect(text).toContain(phrase);
    expect(text).toContain('@Staffelstab kanal freigabe');
    expect(cardActions(card).map((a) => a.title)).toEqual(['Hilfe']);
    expect(card).toMatchSnapshot();
  });

  it('in a group chat does not mention the channel-only kanal commands', () => {
    const text = cardText(welcomeCard({ scope: 'groupChat', name: undefined, roles: [] }));
    expect(text).toContain('@Staffelstab hilfe');
    expect(text).not.toContain('kanal');
  });
});
