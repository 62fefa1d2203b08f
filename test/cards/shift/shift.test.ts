// The shift cards, parsed by the adaptivecards SDK (Teams host config), with snapshots; the @mentions carry Teams
// mention entities that match the `<at>…</at>` texts.
import { describe, expect, it } from 'vitest';
import { shiftAlertCard } from '../../../cards/shift/alert.ts';
import { shiftCheckCard } from '../../../cards/shift/check.ts';
import { shiftEscalationCard } from '../../../cards/shift/escalation.ts';
import { shiftPlanCard } from '../../../cards/shift/plan.ts';
import { shiftReportCard } from '../../../cards/shift/report.ts';
import { cardActions, cardText } from '../../support/cards.ts';
import { executeByVerb, executeVerbs, expectValidCard, inputById } from '../handover/helpers.ts';
import { acknowledgedCheck, alertModel, allDoneCheck, answeredAlert, checkModel, escalationModel, itemView, planModel, reportModel } from './models.ts';

/** Every `<at>…</at>` of the card's texts has exactly one mention entity, and every entity is used. */
function expectMentionsMatch(card: { msteams?: { entities?: { text: string }[] } }, text: string): void {
  const used = [...text.matchAll(/<at>[^<]+<\/at>/g)].map((m) => m[0]);
  expect((card.msteams?.entities ?? []).map((e) => e.text).sort()).toEqual([...new Set(used)].sort());
}

describe('shift check card', () => {
  it('mentions the people on shift, shows counts, the oldest items and the urgent ones, the checklist, links and "geprüft"', () => {
    const card = shiftCheckCard(checkModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('<at>Anna Früh</at>, Tom Ohne-Id: bitte prüft jetzt das Konto Conny.');
    expectMentionsMatch(card, text);
    expect(card.msteams?.entities).toEqual([{ type: 'mention', text: '<at>Anna Früh</at>', mentioned: { id: '29:anna', name: 'Anna Früh' } }]);
    expect(text).toContain('2 (älteste: 10023 · Müller GmbH, seit 3 Std. 20 Min.)');
    expect(text).toContain('überfällig seit 25 Min.');
    expect(text).toContain('- Chats\n- Mails (wie du die Anfragen bearbeitest, steht in der Anleitung)\n- Neue Aufgaben');
    expect(text).toContain('2x täglich, aber mindestens innerhalb der Reaktionszeiten');
    expect(executeByVerb(card, 'shift.check.ack')).toMatchObject({ title: 'geprüft', data: { checkId: 'chk_1', version: 1 } });
    expect(text).toContain('[Video zum Prozess](https://wiki.example.de/conny/video) · [Anleitung: Mails beantworten](https://wiki.example.de/conny/mails)');
    // Only "geprüft" is a button (more buttons in a row cut its title short in Teams).
    expect(cardActions(card).map((a) => a.title)).toEqual(['geprüft']);
    expect(card).toMatchSnapshot();
  });

  it('says "alles erledigt" when nothing is open, and who checked once acknowledged (no button)', () => {
    const done = shiftCheckCard(allDoneCheck());
    expectValidCard(done);
    expect(cardText(done)).toContain('Alles erledigt');
    const acked = shiftCheckCard(acknowledgedCheck());
    expectValidCard(acked);
    expect(cardText(acked)).toContain('Geprüft von Anna Früh am 22.03.2027, 14:12 Uhr');
    expect(executeVerbs(acked)).toEqual([]);
    expect(acked).toMatchSnapshot();
  });

  it('says when nobody is on shift, and stays small with many urgent items', () => {
    const card = shiftCheckCard(checkModel({ unstaffed: true, onShift: [], mentions: [], urgent: Array.from({ length: 8 }, (_, i) => itemView({ id: `c-${i}`, subject: 'x'.repeat(400) })), urgentMore: 30 }));
    expectValidCard(card);
    expect(cardText(card)).toContain('Niemand ist für diese Zeit in der Schicht eingeteilt');
    expect(cardText(card)).toContain('… und 30 weitere.');
    expect(card.msteams?.entities).toBeUndefined();
  });
});

describe('escalation, alert, plan and report cards', () => {
  it('escalation: the reason, the check, "geprüft"; no mentions', () => {
    const card = shiftEscalationCard(escalationModel());
    expectValidCard(card);
    expect(cardText(card)).toContain('seit 60 Minuten nicht geprüft');
    expect(cardText(card)).not.toContain('<at>');
    expect(executeVerbs(card)).toEqual(['shift.check.ack']);
    expect(card).toMatchSnapshot();
  });

  it('alert: the item, the share of the response time, the mentions and "erledigt"; answered: no button, no mentions', () => {
    const card = shiftAlertCard(alertModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Schon 75 % der Reaktionszeit');
    expectMentionsMatch(card, text);
    expect(executeByVerb(card, 'shift.item.done')).toMatchObject({ title: 'erledigt', data: { itemId: 'chat-1' } });
    expect(card).toMatchSnapshot();
    const answered = shiftAlertCard(answeredAlert());
    expectValidCard(answered);
    expect(cardText(answered)).toContain('Beantwortet am 22.03.2027, 12:05 Uhr (in Teams).');
    expect(executeVerbs(answered)).toEqual([]);
    expect(answered.msteams?.entities).toBeUndefined();
    expect(answered).toMatchSnapshot();
  });

  it('plan: both days, the lead and absences; editors get "entfernen" and the form', () => {
    const card = shiftPlanCard(planModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('**Ben Spät** (Schichtleitung)');
    expect(text).toContain('**Carla Krank** – abwesend');
    expect(text).toContain('Noch niemand eingetragen.');
    expect(executeVerbs(card).sort()).toEqual(['shift.plan.add', 'shift.plan.remove', 'shift.plan.remove', 'shift.plan.remove', 'shift.plan.show']);
    expect(inputById(card, 'date')).toMatchObject({ isRequired: true, value: '2027-03-22' });
    expect(inputById(card, 'from')).toMatchObject({ regex: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });
    expect(card).toMatchSnapshot();
    const readOnly = shiftPlanCard(planModel({ canEdit: false, people: [] }));
    expectValidCard(readOnly);
    expect(executeVerbs(readOnly)).toEqual(['shift.plan.show']);
  });

  it('report: totals, response-time misses per kind, who checked, the checks', () => {
    const card = shiftReportCard(reportModel());
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('72 Min. / 150 Min.');
    expect(text).toContain('3 eingegangen · 2 rechtzeitig · 1 verpasst (0 zu spät, 1 offen überfällig) · 0 offen');
    expect(text).toContain('Di 23.03.2027 09:00: geprüft von Ben Spät nach 150 Min. · eskaliert an VPA-Manager');
    expect(card).toMatchSnapshot();
  });
});
