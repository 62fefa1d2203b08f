// `inaktiv bericht`: the sequence report. Where the inactive clients stand today, per month how many were
// reactivated after which message, and per message its effect over the period, so the company can see whether the
// 16- and 20-week reminders are worth sending. The buckets and figures are defined in src/inactivity/report.ts.
import type { InactivityReportModel } from '../../src/notices/inactivity.ts';
import { card, heading, note, text } from '../common/build.ts';
import type { AdaptiveCard, CardElement, ColumnSet } from '../common/types.ts';

function section(title: string): CardElement {
  return text(title, { weight: 'bolder', size: 'medium', spacing: 'large', separator: true });
}

/** One line of a two-column table: the label left, the figure right. */
function row(label: string, value: string, options: { bold?: boolean } = {}): ColumnSet {
  const weight = options.bold ? ({ weight: 'bolder' } as const) : {};
  return {
    type: 'ColumnSet',
    spacing: 'small',
    columns: [
      { type: 'Column', width: 'stretch', items: [text(label, weight)] },
      { type: 'Column', width: 'auto', items: [text(value, { horizontalAlignment: 'right', ...weight })] },
    ],
  };
}

export function inactivityReportCard(model: InactivityReportModel): AdaptiveCard {
  const body: CardElement[] = [
    heading('Inaktive Kunden: Bericht'),
    note(`${model.asOfText} · Zeitraum ${model.periodText}`, { spacing: 'none' }),
    section('Heute'),
    ...model.today.map((r) => row(r.label, r.paused > 0 ? `${r.clients} (davon ${r.paused} pausiert)` : String(r.clients))),
    row('Summe', String(model.todayTotal), { bold: true }),
    row('ausgenommen', String(model.excludedNow)),
    note('Jeder laufende Vorgang zählt einmal, bei der letzten Nachricht, die der Kunde bekommen hat. „pausiert“: Der Kunde hat geantwortet.', { spacing: 'small' }),
    section('Reaktiviert, je Monat'),
  ];
  for (const m of model.months) {
    body.push(row(m.label, String(m.total), { bold: true }));
    if (m.parts.length > 0) body.push(note(m.parts.map((p) => `${p.label}: ${p.count}`).join(' · '), { spacing: 'none' }));
  }
  body.push(note(`Im Zeitraum ${model.reactivatedTotal} ${model.reactivatedTotal === 1 ? 'Kunde' : 'Kunden'} reaktiviert, jeweils nach der letzten Nachricht vor der neuen Aufgabe.`, { spacing: 'small' }));
  body.push(section('Wirkung der Nachrichten im Zeitraum'));
  for (const e of model.effect) {
    body.push(text(`**${e.label}**: ${e.reactivated} reaktiviert (${e.shareText} aller)`, { spacing: 'small' }));
    if (e.sent !== null) body.push(note(`${e.sent} ${e.sent === 1 ? 'Kunde hat' : 'Kunden haben'} sie bekommen, ${e.reactivatedOfSent ?? 0} davon danach reaktiviert (${e.rateText})`, { spacing: 'none' }));
  }
  body.push(note('„danach reaktiviert“: eine neue Aufgabe, bevor die nächste Nachricht kam.', { spacing: 'small' }));
  return card(body, [], { fallbackText: `Bericht inaktive Kunden: heute ${model.todayTotal} im Ablauf, ${model.reactivatedTotal} reaktiviert im Zeitraum ${model.periodText}.` });
}
