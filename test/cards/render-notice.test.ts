import { describe, expect, it } from 'vitest';
import { ADAPTIVE_CARD_CONTENT_TYPE, cardAttachment, renderNotice, renderNoticeCard } from '../../bot/render/render-notice.ts';
import { errorCard } from '../../cards/error.ts';
import { helpCard } from '../../cards/help.ts';
import { COMMAND_TABLE } from '../../bot/commands/table.ts';
import { helpModel } from '../../bot/help.ts';
import { welcomeCard } from '../../cards/welcome.ts';
import type { Notice } from '../../src/notices/types.ts';
import { cardText, parseCard } from '../support/cards.ts';

describe('renderNotice', () => {
  it('sends card notices as one Adaptive Card attachment built by the kind’s card function', () => {
    const cases: [Notice, unknown][] = [
      [{ kind: 'welcome', model: { scope: 'personal', name: 'Anna', roles: ['vpa'] } }, welcomeCard({ scope: 'personal', name: 'Anna', roles: ['vpa'] })],
      [{ kind: 'help', model: helpModel(COMMAND_TABLE, { name: 'Anna', roles: ['shift'] }, 'personal', true) }, helpCard(helpModel(COMMAND_TABLE, { name: 'Anna', roles: ['shift'] }, 'personal', true))],
      [{ kind: 'error', model: { code: 'FORBIDDEN_ROLE', message: 'Dafür fehlt dir die Berechtigung.' } }, errorCard({ code: 'FORBIDDEN_ROLE', message: 'Dafür fehlt dir die Berechtigung.' })],
    ];
    for (const [notice, expected] of cases) {
      const activity = renderNotice(notice);
      expect(activity).toEqual({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: expected }] });
      expect(parseCard(activity.attachments?.[0]?.content).problems).toEqual([]);
    }
  });

  it('sends text notices as a plain message', () => {
    expect(renderNotice({ kind: 'text', model: { text: 'Danke, ist notiert.' } })).toEqual({ type: 'message', text: 'Danke, ist notiert.' });
  });

  it('gives every notice as a card for invoke responses, text as a one-line card', () => {
    const textCard = renderNoticeCard({ kind: 'text', model: { text: 'Erledigt.' } });
    expect(cardText(textCard)).toBe('Erledigt.');
    expect(parseCard(textCard).problems).toEqual([]);
    expect(renderNoticeCard({ kind: 'error', model: { code: 'X', message: 'Y' } })).toEqual(errorCard({ code: 'X', message: 'Y' }));
  });

  it('wraps a card as an attachment', () => {
    const card = errorCard({ code: 'X', message: 'Y' });
    expect(cardAttachment(card)).toEqual({ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: card });
    expect(ADAPTIVE_CARD_CONTENT_TYPE).toBe('application/vnd.microsoft.card.adaptive');
  });
});
