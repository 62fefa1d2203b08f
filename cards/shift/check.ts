// The scheduled check of the Conny account (09:00 and 14:00 on working days): @mentions of the people on shift, the
// open chats, mails and new tasks with the oldest of each, everything past or near its response deadline, or
// "alles erledigt"; the wiki's checklist, the response times, the links to the video and the mail how-to, and
// "geprüft". After "geprüft" every copy shows who checked and when, without the button.
import type { ShiftCheckModel } from '../../src/notices/shift.ts';
import { card, container, executeAction, facts, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { doneBanner, hint, itemBlock, peopleText, teamsProperties } from './parts.ts';

export function shiftCheckBody(model: ShiftCheckModel): CardElement[] {
  const body: CardElement[] = [];
  if (model.unstaffed) {
    body.push(container([text('Niemand ist für diese Zeit in der Schicht eingeteilt. Schichtleitung und VPA-Manager sind informiert.', { weight: 'bolder' })], { style: 'attention', spacing: 'small' }));
  } else {
    body.push(text(`${peopleText(model.onShift, model.mentions)}: bitte prüft jetzt das Konto Conny.`, { spacing: 'small' }));
  }
  if (model.allDone) {
    body.push(doneBanner('Alles erledigt: keine unbeantworteten Chats, keine unbeantworteten Mails, keine neuen Aufgaben.'));
  } else {
    body.push(
      facts(
        ...model.kinds.map((k) => [k.label, k.open === 0 ? '0' : `${k.open} (älteste: ${k.oldest ? `${k.oldest.clientText}, ${k.oldest.ageText}` : '–'})`] as const),
      ),
    );
    if (model.urgent.length > 0) {
      body.push(text('**Frist überschritten oder bald fällig**', { spacing: 'medium' }));
      body.push(...model.urgent.map((i, n) => itemBlock(i, { separator: n > 0 })));
      if (model.urgentMore > 0) body.push(note(`… und ${model.urgentMore} weitere.`, { spacing: 'small' }));
    } else {
      body.push(note('Keine Frist ist überschritten oder bald fällig.', { spacing: 'small' }));
    }
  }
  body.push(text(`Bitte prüfe in deiner Schicht den Account auf:\n\n${model.checklist.map((c) => `- ${c}`).join('\n')}`, { spacing: 'medium' }));
  body.push(note(`Die Betreuung des Accounts muss 2x täglich, aber mindestens innerhalb der Reaktionszeiten erfolgen. ${model.responseText}`));
  // Links as text, not buttons: three buttons in a row cut "geprüft" short in Teams.
  if (model.links.length > 0) body.push(text(model.links.map((l) => `[${l.title}](${l.url})`).join(' · '), { spacing: 'small' }));
  if (model.acknowledged) body.push(doneBanner(`Geprüft von ${model.acknowledged.by.name} am ${model.acknowledged.atText}`));
  else body.push(hint('Wer das Konto geprüft hat, klickt bitte auf „geprüft“ – dann sehen alle, dass es erledigt ist.'));
  return body;
}

export function shiftCheckActions(model: ShiftCheckModel): CardAction[] {
  return [
    ...(model.actions.acknowledge ? [executeAction('geprüft', VERBS.shiftCheckAck, { checkId: model.checkId, version: model.version }, { style: 'positive' })] : []),
  ];
}

export function shiftCheckCard(model: ShiftCheckModel): AdaptiveCard {
  const body: CardElement[] = [
    container([text('Schicht-Check · Konto Conny', { weight: 'bolder', color: 'accent', size: 'small' }), heading(model.slotText)], { style: 'accent', bleed: true }),
    ...shiftCheckBody(model),
  ];
  const total = model.kinds.reduce((n, k) => n + k.open, 0);
  return card(body, shiftCheckActions(model), {
    msteams: teamsProperties(model.mentions),
    fallbackText: `Schicht-Check ${model.slotText}: ${model.allDone ? 'alles erledigt' : `${total} offen`}${model.acknowledged ? `, geprüft von ${model.acknowledged.by.name}` : ''}`,
  });
}
