// Reminders and notes about a request: overdue review, decision, follow-up and steps after approval, the
// VPA's answer to a clarification, a failed completion, a cancellation.
import type { HandoverReminderModel, HandoverReminderReason } from '../../notices/handover.ts';
import type { HandoverContext } from '../context.ts';
import { clientInfo } from '../../clients/client-info.ts';
import { allows } from '../states.ts';
import { at, name, reasonCategoryLabel, ref } from './shared.ts';

export function reminderModel(ctx: HandoverContext, reason: HandoverReminderReason, since: Date, workingDays: number): HandoverReminderModel {
  const r = ctx.request;
  const client = clientInfo(ctx.client);
  const days = `${workingDays} ${workingDays === 1 ? 'Arbeitstag' : 'Arbeitstagen'}`;
  const successor = name(ctx.successor);
  const open = r.status === 'approved' && !r.clientInformedAt ? '„Kunde informiert“' : !r.trainingGivenAt ? '„Einarbeitung erfolgt“' : '„Einarbeitung erhalten“';
  const texts: Record<HandoverReminderReason, [string, string]> = {
    review: ['Abgabe-Anfrage wartet auf Prüfung', `Die Anfrage von ${ctx.vpa.name} zur Abgabe von ${client.nameWithClass} wartet seit ${days} auf eine Prüfung durch das Community-Team.`],
    decision: ['Freigabe ausstehend', `Der vorgeschlagene VPA-Wechsel für ${client.nameWithClass} (${ctx.vpa.name} → ${successor}) wartet seit ${days} auf eine Entscheidung.`],
    followUp: ['Wiedervorlage: Klärung mit dem Kunden', `Heute ist die Wiedervorlage für die Klärung zwischen ${ctx.vpa.name} und ${client.nameWithClass}. Bitte frag nach, wie es steht, und entscheide über den weiteren Weg.`],
    clarificationResolved: ['Geklärt: der VPA behält den Kunden', `${ctx.vpa.name} hat die Probleme mit ${client.nameWithClass} geklärt und betreut den Kunden weiter. Die Anfrage ist abgeschlossen.`],
    clarificationUnresolved: ['Nicht geklärt: die Anfrage liegt wieder bei dir', `${ctx.vpa.name} konnte die Probleme mit ${client.nameWithClass} nicht klären. Bitte sieh dir die Rückmeldung an und entscheide über den weiteren Weg.`],
    inform: ['Bitte informiere den Kunden', `Der Wechsel von ${client.nameWithClass} zu ${successor} ist seit ${days} freigegeben. Bitte informiere den Kunden und bestätige „Kunde informiert“.`],
    trainingGiven: ['Einarbeitung noch nicht bestätigt', `Bitte arbeite ${successor} für ${client.nameWithClass} ein und bestätige danach „Einarbeitung erfolgt“.`],
    trainingReceived: ['Erhalt der Einarbeitung noch nicht bestätigt', `${ctx.vpa.name} hat die Einarbeitung für ${client.nameWithClass} bestätigt. Bitte bestätige, dass du sie erhalten hast.`],
    stepOverdueManagers: ['Übergabe stockt', `Die freigegebene Übergabe von ${client.nameWithClass} (${ctx.vpa.name} → ${successor}) wartet trotz Erinnerung auf ${open}. Bitte hakt nach – oder schließt die Übergabe ab bzw. brecht sie ab.`],
    completionFailed: ['Übergabe konnte nicht abgeschlossen werden', `Die Zuordnung von ${client.nameWithClass} konnte nicht zu ${successor} wechseln. ${r.completionError ?? ''} Bitte schließt die Übergabe ab oder brecht sie ab.`.trim()],
    cancelled: ['Übergabe abgebrochen', `Die Übergabe von ${client.nameWithClass} an ${successor} wurde abgebrochen. ${ctx.vpa.name} betreut den Kunden weiterhin.`],
  };
  const [title, text] = texts[reason];
  const forManagers = reason === 'stepOverdueManagers' || reason === 'completionFailed';
  return {
    ref: ref(ctx),
    reason,
    title,
    text,
    client,
    vpa: ctx.vpa,
    reasonCategoryLabel: reasonCategoryLabel(r.reasonCategory),
    sinceText: `seit ${at(ctx, since)}`,
    mediationNote: reason === 'followUp' || reason === 'clarificationUnresolved' ? r.mediationNote : null,
    note: reason === 'clarificationUnresolved' ? r.clarificationNote : reason === 'cancelled' ? r.closeReason : null,
    closeActions: forManagers && allows(r.status, 'complete'),
    statusAction: true,
  };
}
