// The admin team's card (the `admin` channel, or each admin 1:1) for a reactivated client's new task: the task, the
// client's history and the last VPA, then "Umfrage starten" (deadline, and the recorded reason when the last VPA
// cannot be offered the task); once open, who is invited and who applied, "vergeben" and "Frist verlängern"; in
// review or open, "Umfrage abbrechen" (with a reason); once awarded, the winner; once cancelled, who, when and why.
// The same card is updated in place at every change.
import type { TenderReviewModel } from '../../src/notices/tender.ts';
import { card, container, executeAction, facts, heading, note, text } from '../common/build.ts';
import type { ActionData, AdaptiveCard, CardAction, CardElement } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';
import { callout, choices, fitList, labeledText } from '../handover/parts.ts';
import { awardAction, cancelAction, extendAction, showCard } from './actions.ts';
import { taskFacts } from './parts.ts';

const yesNo = (v: boolean): string => (v ? 'ja' : 'nein');

export function tenderReviewCard(model: TenderReviewModel): AdaptiveCard {
  // Long lists (many invitees) are cut at the size budget; the applicants and the choices always stay.
  return fitList(model.invitees, (shown, hidden) => reviewCard(model, shown, hidden));
}

function lastVpaBlock(model: TenderReviewModel): CardElement[] {
  const v = model.lastVpa;
  if (!v) return [text('Letzter VPA', { weight: 'bolder', spacing: 'medium' }), text(model.lastVpaText, { spacing: 'small' })];
  const rows: [string, string][] = [
    ['Name', v.person.name],
    ['Abwesend', v.absentNow ? `${v.absentLong ? 'ja, länger' : 'ja, kurz'} (${v.absenceText ?? ''})` : 'nein'],
    ['Nimmt neue Kunden', yesNo(v.takesNewClients)],
    ['Hat die Kompetenz', v.hasCompetence === null ? '– (keine verlangt)' : yesNo(v.hasCompetence)],
  ];
  if (!v.isVpa) rows.push(['Rolle VPA', 'nein']);
  if (v.invited !== null) rows.push(['Eingeladen', yesNo(v.invited)]);
  if (v.appliedAtText) rows.push(['Beworben am', v.appliedAtText]);
  const style = v.leaveOutReasons.length > 0 ? 'warning' : 'emphasis';
  const out: CardElement[] = [
    text('Letzter VPA', { weight: 'bolder', spacing: 'medium' }),
    facts(...rows),
    container([text(model.lastVpaText, { size: 'small' })], { style, spacing: 'small' }),
  ];
  if (v.leftOut) out.push(...labeledText(`Nicht eingeladen: ${v.leftOut.reasonLabel}`, v.leftOut.note));
  return out;
}

function reviewCard(model: TenderReviewModel, invitees: readonly TenderReviewModel['invitees'][number][], hiddenInvitees: number): AdaptiveCard {
  const history: [string, string][] = [
    ['Letzte Nachricht', model.history.lastStepText ?? '–'],
    ['Letzte Aufgabe davor', model.history.lastTaskBeforeText ?? '–'],
  ];
  const body: CardElement[] = [
    container([text('Reaktivierter Kunde · Neue Aufgabe', { weight: 'bolder', size: 'small', color: 'accent' }), heading(model.client.nameWithClass)], { bleed: true }),
    text(`Status: **${model.statusLabel}**`, { spacing: 'small' }),
    taskFacts(model.task, model.client, history),
    ...lastVpaBlock(model),
  ];
  if (model.status !== 'review') {
    const lines: [string, string][] = [];
    if (model.deadlineText) lines.push(['Frist', `${model.deadlineText}${model.deadlinePassed ? ' (abgelaufen)' : ''}`]);
    if (model.startedText) lines.push(['Gestartet', model.startedText]);
    body.push(text('Umfrage', { weight: 'bolder', spacing: 'medium' }));
    if (lines.length > 0) body.push(facts(...lines));
    const names = invitees.map((i) => (i.isLastVpa ? `${i.person.name} (letzter VPA)` : i.person.name));
    body.push(text(`Eingeladen (${model.invitees.length}): ${names.join(', ') || '–'}${hiddenInvitees > 0 ? ` und ${hiddenInvitees} weitere` : ''}`, { size: 'small', spacing: 'small' }));
    body.push(text(`Bewerbungen (${model.applicants.length})`, { weight: 'bolder', spacing: 'medium' }));
    if (model.applicants.length === 0) body.push(note(model.deadlinePassed ? 'Niemand hat sich bis zur Frist beworben.' : 'Noch keine Bewerbungen.', { spacing: 'none' }));
    for (const a of model.applicants) body.push(text(`${a.person.name}${a.isLastVpa ? ' (letzter VPA)' : ''} – ${a.atText}`, { size: 'small', spacing: 'none' }));
  }
  if (model.award) body.push(callout('good', model.award.text, [text('Der Kunde ist neu zugewiesen und erhält eine Nachricht im Namen der neuen Ansprechperson.', { size: 'small', spacing: 'small' })]));
  if (model.cancellation) body.push(callout('warning', model.cancellation.text, labeledText('Grund', model.cancellation.reason)));
  body.push(note('Nur für das Admin-Team.', { spacing: 'medium' }));
  return card(body, actions(model), { fallbackText: `Neue Aufgabe von ${model.client.nameWithClass}: ${model.statusLabel}` });
}

function actions(model: TenderReviewModel): CardAction[] {
  const data: ActionData = { tenderId: model.tenderId, version: model.version };
  const out: CardAction[] = [];
  if (model.actions.start) {
    const items: CardElement[] = [
      text('Alle passenden VPAs werden eingeladen (Kompetenz, anwesend, nehmen neue Kunden) – und immer der letzte VPA.', { size: 'small' }),
      {
        type: 'Input.Date',
        id: 'deadline',
        label: 'Bewerbungen bis (einschließlich)',
        isRequired: true,
        errorMessage: 'Bitte gib eine Frist an.',
        value: model.deadlineInput.value,
        min: model.deadlineInput.min,
      },
    ];
    const reasons = model.lastVpa?.leaveOutReasons ?? [];
    if (model.lastVpa && reasons.length > 0) {
      items.push(
        {
          type: 'Input.ChoiceSet',
          id: 'leaveOutReason',
          label: `${model.lastVpa.person.name} nicht einladen, weil …`,
          isRequired: true,
          errorMessage: 'Bitte haltet fest, warum der letzte VPA nicht eingeladen wird.',
          choices: choices(reasons),
          style: 'expanded',
        },
        {
          type: 'Input.Text',
          id: 'leaveOutNote',
          label: 'Notiz',
          isRequired: true,
          errorMessage: 'Bitte schreibt eine kurze Notiz.',
          isMultiline: true,
          maxLength: 1000,
          placeholder: 'z. B. in Elternzeit bis Ende Januar',
        },
      );
    }
    out.push(showCard('Umfrage starten', items, executeAction('Umfrage starten', VERBS.tenderStart, data, { style: 'positive', associatedInputs: 'auto' })));
  }
  if (model.actions.award) out.push(awardAction(data, model.awardChoices));
  if (model.actions.extend) out.push(extendAction(data, model.deadlineInput));
  if (model.actions.cancel) out.push(cancelAction(data));
  return out;
}
