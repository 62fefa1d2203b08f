// The messages to clients (src/inactivity/client-texts.ts, the one file the company edits): German, Sie-form, the
// names where they belong, every placeholder filled, short enough for a chat. The snapshot shows the exact texts.
import { describe, expect, it } from 'vitest';
import { CLIENT_TEXTS, connyIntro, connyReminder16, connyReminder20, connyYearEmail, newContact, week8, type ClientTextName, type ClientTextParams } from '../../src/inactivity/client-texts.ts';

const VPA: ClientTextParams = { clientName: 'Müller GmbH', senderFirstName: 'Anna', senderName: 'Anna Beispiel' };
const CONNY: ClientTextParams = { clientName: 'Müller GmbH', senderFirstName: 'Conny', senderName: 'Conny Meindl' };

/** Every text with the parameters it is sent with, and the names it must contain. */
const CASES: { name: ClientTextName; text: string; subject?: string; names: string[]; chat: boolean }[] = [
  { name: 'week8', text: week8(VPA), names: ['Müller GmbH', 'Anna'], chat: true },
  { name: 'connyIntro', text: connyIntro({ ...CONNY, vpaName: 'Anna Beispiel' }), names: ['Müller GmbH', 'Conny Meindl', 'Anna Beispiel', 'Conny'], chat: true },
  { name: 'connyReminder16', text: connyReminder16(CONNY), names: ['Müller GmbH', 'Conny'], chat: true },
  { name: 'connyReminder20', text: connyReminder20(CONNY), names: ['Conny'], chat: true },
  { name: 'connyYearEmail', ...connyYearEmail({ ...CONNY, weeks: 52 }), names: ['Müller GmbH', 'Conny Meindl'], chat: false },
  { name: 'newContact', text: newContact({ ...CONNY, vpaName: 'Bernd Nachfolger' }), names: ['Müller GmbH', 'Bernd Nachfolger', 'Conny'], chat: true },
];

/** Words of the du-form, which a client is never addressed with. */
const DU = /\b(du|dich|dir|dein|deine|deinen|deinem|deiner|euch|euer|eure)\b/i;
const UNFILLED = /\$\{|\{|\}|undefined|null|NaN|\[object/;

describe('client texts', () => {
  it('covers every text of the file', () => {
    expect(CASES.map((c) => c.name).sort()).toEqual(Object.keys(CLIENT_TEXTS).sort());
  });

  for (const c of CASES) {
    it(`${c.name}: German, Sie-form, friendly, with ${c.names.join(', ')}, no unfilled placeholder`, () => {
      const all = `${c.subject ?? ''}\n${c.text}`;
      expect(c.text.trim().length).toBeGreaterThan(80);
      expect(c.text.startsWith('Guten Tag,\n\n')).toBe(true);
      expect(c.text).toMatch(/\b(Sie|Ihnen|Ihre|Ihr)\b/);
      expect(all).not.toMatch(DU);
      expect(all).toMatch(/Grüße/);
      expect(all).not.toMatch(UNFILLED);
      for (const name of c.names) expect(all, name).toContain(name);
      // Each text ends with the sender's name as the signature.
      expect(c.text.split('\n').at(-1)).toBe(c.name === 'connyYearEmail' ? 'Conny Meindl' : c.name === 'week8' ? 'Anna' : 'Conny');
      // Short: a chat message is read in a chat window.
      if (c.chat) expect(c.text.length).toBeLessThanOrEqual(500);
    });
  }

  it('the e-mail has a subject naming the client', () => {
    const mail = connyYearEmail(CONNY);
    expect(mail.subject).toBe('Wir sind weiterhin für Müller GmbH da');
    expect(mail.text.length).toBeLessThanOrEqual(900);
  });

  it('the two reminders differ from each other and from the introduction', () => {
    const texts = [connyIntro(CONNY), connyReminder16(CONNY), connyReminder20(CONNY)];
    expect(new Set(texts).size).toBe(3);
    expect(connyReminder16(CONNY).split('\n')[2]).not.toBe(connyReminder20(CONNY).split('\n')[2]);
  });

  it('the introduction works without the previous VPA, and the year e-mail says how long it has been', () => {
    expect(connyIntro(CONNY)).toContain('Solange Ihnen keine feste Assistenz zugeordnet ist');
    expect(connyIntro(CONNY)).not.toMatch(UNFILLED);
    expect(connyYearEmail(CONNY).text).toContain('etwa ein Jahr zurück');
    expect(connyYearEmail({ ...CONNY, weeks: 104 }).text).toContain('etwa 2 Jahre zurück');
    expect(connyYearEmail({ ...CONNY, weeks: 40 }).text).toContain('etwa 40 Wochen zurück');
  });

  it('exact texts', () => {
    expect(Object.fromEntries(CASES.map((c) => [c.name, c.subject === undefined ? c.text : { subject: c.subject, text: c.text }]))).toMatchSnapshot();
  });
});
