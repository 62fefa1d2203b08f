// `schicht bericht`: the shift report for a period – the checks and who acknowledged them, how long it took,
// escalations, and the response-time misses per kind of item. Long periods show the latest checks only.
import type { ShiftReportModel } from '../../src/notices/shift.ts';
import { card, facts, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement } from '../common/types.ts';

/** Check rows on the card; the CLI (`staffelstab shifts report`) lists every one. */
export const REPORT_CHECKS_SHOWN = 40;

const minutesText = (m: number | null) => (m === null ? '–' : `${m} Min.`);

export function shiftReportCard(model: ShiftReportModel): AdaptiveCard {
  const t = model.totals;
  const body: CardElement[] = [
    heading('Schichtbericht Konto Conny'),
    note(`${model.periodText} · Stand ${model.generatedAtText}`, { spacing: 'none' }),
    facts(
      ['Schicht-Checks', String(t.checks)],
      ['geprüft', String(t.acknowledged)],
      ['nicht geprüft', String(t.unacknowledged)],
      ['Zeit bis „geprüft“ (Schnitt / längste)', `${minutesText(t.averageMinutesToAcknowledge)} / ${minutesText(t.maxMinutesToAcknowledge)}`],
      ['Eskaliert an Schichtleitung', String(t.escalatedToLead)],
      ['Eskaliert an VPA-Manager', String(t.escalatedToManagers)],
    ),
    text('**Reaktionszeiten**', { spacing: 'medium' }),
    facts(...model.kinds.map((k) => [`${k.label} (${k.responseHours} Std.)`, `${k.received} eingegangen · ${k.answeredInTime} rechtzeitig · ${k.misses} verpasst (${k.answeredLate} zu spät, ${k.openOverdue} offen überfällig) · ${k.openInTime} offen`] as const)),
  ];
  if (model.byPerson.length > 0) body.push(text('**Geprüft von**', { spacing: 'medium' }), facts(...model.byPerson.map((p) => [p.name, String(p.checks)] as const)));
  body.push(text('**Checks**', { spacing: 'medium' }));
  if (model.checks.length === 0) body.push(note('Keine Schicht-Checks im Zeitraum.'));
  const shown = model.checks.slice(-REPORT_CHECKS_SHOWN);
  for (const c of shown) {
    const esc = c.escalatedToManagers ? ' · eskaliert an VPA-Manager' : c.escalatedToLead ? ' · eskaliert an Schichtleitung' : '';
    body.push(text(`${c.slotText}: ${c.acknowledgedBy ? `geprüft von ${c.acknowledgedBy} nach ${minutesText(c.minutesToAcknowledge)}` : 'nicht geprüft'}${esc}`, { size: 'small', spacing: 'none' }));
  }
  if (model.checks.length > shown.length) body.push(note(`${model.checks.length - shown.length} ältere Checks nicht gezeigt (alle: staffelstab shifts report).`));
  return card(body, [], { fallbackText: `Schichtbericht ${model.periodText}: ${t.checks} Checks, ${t.acknowledged} geprüft` });
}
