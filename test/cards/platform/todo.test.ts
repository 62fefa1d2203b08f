// The platform to-do card (cards/platform/todo.ts): parsed by the adaptivecards SDK with the Teams host config,
// snapshots, size. The text to send stays exactly as given (a TextRun, not markdown), "erledigt" until it is done.
import { describe, expect, it } from 'vitest';
import { PLATFORM_RENDERERS } from '../../../bot/render/platform-renderers.ts';
import { renderNotice } from '../../../bot/render/render-notice.ts';
import { platformTodoCard } from '../../../cards/platform/todo.ts';
import type { PlatformTodoModel } from '../../../src/notices/platform.ts';
import { actionByTitle, cardActions, cardInputIds, cardText, cardTexts } from '../../support/cards.ts';
import { expectValidCard } from '../handover/helpers.ts';
import { client, widestText } from '../handover/models.ts';

const TEXT = 'Guten Tag,\n\nich bin weiterhin gern für Müller GmbH da. Schicken Sie mir *einfach* Ihre nächste Aufgabe – [hier](https://x.example) oder im Chat.\n\nViele Grüße\nAnna';

function model(overrides: Partial<PlatformTodoModel> = {}): PlatformTodoModel {
  return {
    todoId: 'todo_1',
    kind: 'chat',
    client,
    sender: { id: 'p_anna', name: 'Anna Beispiel', isConny: false },
    subject: '',
    text: TEXT,
    done: null,
    actions: { done: true },
    ...overrides,
  };
}

const conny = { id: 'p_conny', name: 'Conny Meindl', isConny: true };
const factValue = (texts: string[], title: string) => texts[texts.indexOf(title) + 1];
/** The exact text of the copy block(s): the TextRuns. */
function copyTexts(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) n.forEach(walk);
    else if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (o.type === 'TextRun' && typeof o.text === 'string') out.push(o.text);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

describe('platform to-do card', () => {
  it('a chat in the VPA’s name: the client, the channel, the exact text to copy, "erledigt"', () => {
    const card = platformTodoCard(model());
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts[0]).toBe('Aufgabe · ohne Plattform-Anbindung');
    expect(texts[1]).toBe('Bitte sende diese Chat-Nachricht an Müller GmbH');
    expect(cardText(card)).toContain('sende ihn in deinem Namen im Plattform-Chat');
    expect(factValue(texts, 'Kunde')).toBe('10023 · Müller GmbH');
    expect(factValue(texts, 'Kanal')).toBe('Chat');
    expect(factValue(texts, 'Absender')).toBe('Anna Beispiel');
    // Exactly the text, in a quoted box, not read as markdown.
    expect(copyTexts(card)).toEqual([TEXT]);
    expect(JSON.stringify(card)).toContain('"style":"emphasis"');
    expect(cardActions(card)).toHaveLength(1);
    expect(actionByTitle(card, 'erledigt')).toMatchObject({ type: 'Action.Execute', verb: 'platform.todo.done', data: { todoId: 'todo_1' } });
    expect(cardInputIds(card)).toEqual([]);
    expect(card.fallbackText).toBe('Aufgabe: Chat-Nachricht an Müller GmbH senden');
    expect(card).toMatchSnapshot();
  });

  it('an e-mail in Conny’s name: the subject to copy as well, sent in Conny’s name', () => {
    const card = platformTodoCard(model({ kind: 'email', sender: conny, subject: 'Wir sind weiterhin für Müller GmbH da' }));
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts[1]).toBe('Bitte sende diese E-Mail an Müller GmbH');
    expect(cardText(card)).toContain('im Namen von Conny Meindl (Account Conny)');
    expect(factValue(texts, 'Kanal')).toBe('E-Mail');
    expect(factValue(texts, 'Absender')).toBe('Conny Meindl (Account Conny)');
    expect(texts).toContain('Betreff');
    expect(copyTexts(card)).toEqual(['Wir sind weiterhin für Müller GmbH da', TEXT]);
    expect(card).toMatchSnapshot();
  });

  it('a reassignment for the admin team: enter it in the dashboard', () => {
    const card = platformTodoCard(model({ kind: 'reassign', sender: null, text: 'Neuer VPA: Bernd Nachfolger\nBisher: Anna Beispiel' }));
    expectValidCard(card);
    const texts = cardTexts(card);
    expect(texts[1]).toBe('Bitte im Plattform-Dashboard neu zuweisen: Müller GmbH');
    expect(factValue(texts, 'Wo')).toBe('Plattform-Dashboard');
    expect(texts).toContain('Neue Zuordnung');
    expect(copyTexts(card)).toEqual(['Neuer VPA: Bernd Nachfolger\nBisher: Anna Beispiel']);
    expect(actionByTitle(card, 'erledigt').verb).toBe('platform.todo.done');
    expect(card).toMatchSnapshot();
  });

  it('done: who and when, no button; the text stays', () => {
    const card = platformTodoCard(model({ sender: conny, done: { by: { id: 'p_sam', name: 'Sam Schicht' }, atText: '23.11.2026, 10:05 Uhr' }, actions: { done: false } }));
    expectValidCard(card);
    expect(cardText(card)).toContain('Erledigt von Sam Schicht am 23.11.2026, 10:05 Uhr');
    expect(cardActions(card)).toEqual([]);
    expect(copyTexts(card)).toEqual([TEXT]);
    expect(card.fallbackText).toBe('Erledigt: Chat-Nachricht an Müller GmbH senden');
    expect(card).toMatchSnapshot();
  });

  it('stays under the size budget with a very long text and subject', () => {
    expectValidCard(platformTodoCard(model({ kind: 'email', sender: conny, subject: widestText(300), text: widestText(6000), client: { ...client, name: widestText(200), label: widestText(210) } })));
  });

  it('is the renderer of the platformTodo notice', () => {
    expect(Object.keys(PLATFORM_RENDERERS)).toEqual(['platformTodo']);
    expect(renderNotice({ kind: 'platformTodo', model: model() })).toEqual({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: platformTodoCard(model()) }] });
  });
});
