// A check nobody marked "geprüft" in time: to the shift lead (then the VPA managers), 1:1, with the check itself and
// "geprüft"; updated like the check card when someone acknowledges it.
import type { ShiftEscalationModel } from '../../src/notices/shift.ts';
import { card, container, heading, text } from '../common/build.ts';
import type { AdaptiveCard } from '../common/types.ts';
import { shiftCheckActions, shiftCheckBody } from './check.ts';

export function shiftEscalationCard(model: ShiftEscalationModel): AdaptiveCard {
  const who = model.step === 'lead' ? 'an die Schichtleitung' : 'an die VPA-Manager';
  const done = model.check.acknowledged;
  return card(
    [
      container([text(`Schicht-Check nicht geprüft · ${who}`, { weight: 'bolder', color: done ? 'good' : 'attention', size: 'small' }), heading(model.check.slotText)], { style: done ? 'good' : 'attention', bleed: true }),
      text(model.text, { spacing: 'small' }),
      ...shiftCheckBody({ ...model.check, mentions: [] }),
    ],
    shiftCheckActions(model.check),
    { fallbackText: `Schicht-Check ${model.check.slotText} ${done ? `geprüft von ${done.by.name}` : 'nicht geprüft'}` },
  );
}
