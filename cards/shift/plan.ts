// `schichtplan`: today's and tomorrow's shift plan (who, which shift, lead, times, absences). The shift lead of the
// day and the managers get "entfernen" per entry and a form to add one.
import type { ShiftPlanDay, ShiftPlanModel } from '../../src/notices/shift.ts';
import { card, container, executeAction, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardAction, CardElement, ColumnSet } from '../common/types.ts';
import { VERBS } from '../common/verbs.ts';

const TIME_REGEX = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

function row(r: ShiftPlanDay['rows'][number], canEdit: boolean): CardElement {
  const label = `**${r.person.name}**${r.lead ? ' (Schichtleitung)' : ''}${r.absenceText ? ` – ${r.absenceText}` : ''}`;
  const line: ColumnSet = {
    type: 'ColumnSet',
    spacing: 'small',
    columns: [
      { type: 'Column', width: 'stretch', items: [text(label, { spacing: 'none', ...(r.absenceText ? { color: 'attention' as const } : {}) }), note(`${r.shift} · ${r.timeText}`, { spacing: 'none' })] },
      ...(canEdit
        ? [{ type: 'Column' as const, width: 'auto' as const, verticalContentAlignment: 'center' as const, items: [{ type: 'ActionSet' as const, actions: [executeAction('entfernen', VERBS.shiftPlanRemove, { assignmentId: r.assignmentId })] }] }]
        : []),
    ],
  };
  return line;
}

function day(d: ShiftPlanDay, canEdit: boolean): CardElement[] {
  const status = d.workingDay ? '' : ' (kein Arbeitstag: keine Schicht-Checks)';
  return [
    text(`**${d.dateText}**${status}`, { spacing: 'large', separator: true }),
    ...(d.rows.length > 0 ? d.rows.map((r) => row(r, canEdit)) : [note('Noch niemand eingetragen.', { spacing: 'small' })]),
  ];
}

export function shiftPlanCard(model: ShiftPlanModel): AdaptiveCard {
  const body: CardElement[] = [heading('Schichtplan Konto Conny')];
  if (model.notice) body.push(container([text(model.notice, { weight: 'bolder' })], { style: 'good', spacing: 'small' }));
  for (const d of model.days) body.push(...day(d, model.canEdit));
  const actions: CardAction[] = [executeAction('Aktualisieren', VERBS.shiftPlanShow, {})];
  if (model.canEdit) {
    body.push(note('Ohne Zeiten gilt ein Eintrag den ganzen Tag. Wer abwesend ist, wird nicht angepingt.', { spacing: 'medium' }));
    actions.unshift({
      type: 'Action.ShowCard',
      title: 'Eintrag hinzufügen',
      card: {
        type: 'AdaptiveCard',
        body: [
          { type: 'Input.ChoiceSet', id: 'date', label: 'Tag', isRequired: true, errorMessage: 'Bitte wähle den Tag.', choices: model.dateChoices.map((c) => ({ title: c.label, value: c.value })), value: model.dateChoices[0]?.value ?? '' },
          { type: 'Input.ChoiceSet', id: 'personId', label: 'Wer', isRequired: true, errorMessage: 'Bitte wähle eine Person.', style: 'filtered', choices: model.people.map((p) => ({ title: p.label, value: p.value })) },
          { type: 'Input.Text', id: 'shift', label: 'Schicht', isRequired: true, errorMessage: 'Bitte gib den Namen der Schicht an.', placeholder: 'z. B. früh', maxLength: 40 },
          { type: 'Input.Text', id: 'from', label: 'Von (HH:MM, optional)', placeholder: '08:00', maxLength: 5, regex: TIME_REGEX },
          { type: 'Input.Text', id: 'until', label: 'Bis (HH:MM, optional)', placeholder: '14:00', maxLength: 5, regex: TIME_REGEX },
          { type: 'Input.Toggle', id: 'lead', title: 'Schichtleitung', value: 'false', valueOn: 'true', valueOff: 'false' },
        ],
        actions: [executeAction('eintragen', VERBS.shiftPlanAdd, {}, { style: 'positive' })],
      },
    });
  }
  return card(body, actions, { fallbackText: 'Schichtplan Konto Conny' });
}
