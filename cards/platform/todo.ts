// A to-do while Staffelstab has no connection to the VPA platform (src/platform/standalone-gateway.ts): a message
// to a client to send by hand — to the VPA 1:1 when it goes out in the VPA's name, to the `schicht` channel (or each
// shift person) when it goes out in Conny's name — or a new assignment to enter in the platform's dashboard (admin
// team). The text to send is shown exactly as it must go out, in a quoted block (a TextRun: Teams does not read
// it as markdown, so nothing in it changes). "erledigt" closes the to-do; every copy then shows who did it and when.
import type { PlatformTodoModel } from '../../src/notices/platform.ts';
import { card, container, executeAction, facts, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement, RichTextBlock } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';

/** The text to copy, unchanged but for line endings, set off in a box. */
function copyBlock(label: string, value: string): CardElement[] {
  const exact: RichTextBlock = { type: 'RichTextBlock', inlines: [{ type: 'TextRun', text: value.replace(/\r\n?/g, '\n') }] };
  return [text(label, { weight: 'bolder', spacing: 'medium' }), container([exact], { style: 'emphasis', spacing: 'small' })];
}

function senderLabel(model: PlatformTodoModel): string {
  if (!model.sender) return '–';
  return model.sender.isConny ? `${model.sender.name} (Account Conny)` : model.sender.name;
}

function headingOf(model: PlatformTodoModel): string {
  switch (model.kind) {
    case 'chat':
      return `Bitte sende diese Chat-Nachricht an ${model.client.name}`;
    case 'email':
      return `Bitte sende diese E-Mail an ${model.client.name}`;
    case 'reassign':
      return `Bitte im Plattform-Dashboard neu zuweisen: ${model.client.name}`;
  }
}

function instructionOf(model: PlatformTodoModel): string {
  const inName = model.sender?.isConny ? `im Namen von ${senderLabel(model)}` : 'in deinem Namen';
  switch (model.kind) {
    case 'chat':
      return `Kopiere den Text unten und sende ihn ${inName} im Plattform-Chat an den Kunden. Klicke danach auf „erledigt“.`;
    case 'email':
      return `Sende die E-Mail ${inName} an den Kunden: Betreff und Text unten kopieren. Klicke danach auf „erledigt“.`;
    case 'reassign':
      return 'Trage die neue Zuordnung im Plattform-Dashboard ein und klicke danach auf „erledigt“.';
  }
}

export function platformTodoCard(model: PlatformTodoModel): AdaptiveCard {
  const isMessage = model.kind !== 'reassign';
  const body: CardElement[] = [
    container([text('Aufgabe · ohne Plattform-Anbindung', { weight: 'bolder', color: 'accent', size: 'small' }), heading(headingOf(model))], { style: 'accent', bleed: true }),
    text(instructionOf(model), { spacing: 'small' }),
    isMessage
      ? facts(['Kunde', model.client.label], ['Kanal', model.kind === 'email' ? 'E-Mail' : 'Chat'], ['Absender', senderLabel(model)])
      : facts(['Kunde', model.client.label], ['Wo', 'Plattform-Dashboard']),
  ];
  if (model.kind === 'email') body.push(...copyBlock('Betreff', model.subject));
  body.push(...copyBlock(isMessage ? 'Text' : 'Neue Zuordnung', model.text));
  if (model.done) {
    body.push(container([text(`Erledigt von ${model.done.by.name} am ${model.done.atText}`, { weight: 'bolder' })], { style: 'good', spacing: 'medium' }));
  } else {
    body.push(note('Staffelstab ist noch nicht mit der Plattform verbunden, deshalb geht das von Hand.', { spacing: 'medium' }));
  }
  const actions: CardAction[] = !model.done && model.actions.done ? [executeAction('erledigt', VERBS.platformTodoDone, { todoId: model.todoId }, { style: 'positive', associatedInputs: 'none' })] : [];
  const what = model.kind === 'reassign' ? `${model.client.name} im Plattform-Dashboard neu zuweisen` : `${model.kind === 'email' ? 'E-Mail' : 'Chat-Nachricht'} an ${model.client.name} senden`;
  return card(body, actions, { fallbackText: model.done ? `Erledigt: ${what}` : `Aufgabe: ${what}` });
}
