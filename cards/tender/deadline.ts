// To the admin team once, when an open tender's application deadline has passed: who applied (or that nobody did),
// what the last VPA did, what to do now, and "vergeben" / "Frist verlängern" / "Umfrage abbrechen" right here.
// Updated in place at every later change; then it shows the outcome and no buttons.
import type { TenderDeadlineModel } from '../../src/notices/tender.ts';
import { card, container, facts, heading, note, text } from '../common/build.ts';
import type { ActionData, AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { callout } from '../handover/parts.ts';
import { awardAction, cancelAction, extendAction } from './actions.ts';
import { taskFacts } from './parts.ts';

export function tenderDeadlineCard(model: TenderDeadlineModel): AdaptiveCard {
  const open = model.actions.award || model.actions.cancel || model.actions.extend;
  const body: CardElement[] = [
    container([text('Umfrage · Frist abgelaufen', { weight: 'bolder', size: 'small', color: 'attention' }), heading(model.client.nameWithClass)], { bleed: true }),
    text(`Status: **${model.statusLabel}**`, { spacing: 'small' }),
    taskFacts(model.task, model.client, [['Frist', model.deadlineText]]),
    text(`Bewerbungen (${model.applicants.length} von ${model.invitedCount} Eingeladenen)`, { weight: 'bolder', spacing: 'medium' }),
  ];
  if (model.applicants.length === 0) body.push(note('Niemand hat sich bis zur Frist beworben.', { spacing: 'none' }));
  else body.push(facts(...model.applicants.map((a): [string, string] => [`${a.person.name}${a.isLastVpa ? ' (letzter VPA)' : ''}`, `beworben am ${a.atText}`])));
  body.push(text('Letzter VPA', { weight: 'bolder', spacing: 'medium' }), text(model.lastVpaText, { size: 'small', spacing: 'small' }));
  if (model.adviceText) body.push(container([text(model.adviceText)], { style: model.applicants.length > 0 ? 'accent' : 'warning', spacing: 'medium' }));
  if (model.outcomeText) body.push(callout(model.status === 'cancelled' ? 'warning' : 'good', model.outcomeText));
  body.push(note('Nur für das Admin-Team.', { spacing: 'medium' }));
  const data: ActionData = { tenderId: model.tenderId, version: model.version, view: 'deadline' };
  const actions: CardAction[] = [];
  if (open) {
    if (model.actions.award) actions.push(awardAction(data, model.awardChoices));
    if (model.actions.extend) actions.push(extendAction(data, model.deadlineInput));
    if (model.actions.cancel) actions.push(cancelAction(data));
  }
  return card(body, actions, { fallbackText: `Frist abgelaufen: ${model.client.nameWithClass}, ${model.applicants.length} Bewerbung(en)` });
}
