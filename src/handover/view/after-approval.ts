// After approval (wiki step 4): the VPA's "inform the client" card, the successor's card, the training
// reminders and the completion notices.
import type { HandoverCompletedModel, HandoverInformClientModel, HandoverSuccessorModel, HandoverTrainingReminderModel } from '../../notices/handover.ts';
import type { HandoverContext } from '../context.ts';
import { clientInfo } from '../../clients/client-info.ts';
import { at, name, ref, trainingView, trainingWanted } from './shared.ts';

export function howToInform(ctx: HandoverContext): string[] {
  const successor = name(ctx.successor);
  const lines = [
    `Informiere ${ctx.client.name} bitte selbst und persönlich über den Wechsel – am besten auf eurem gewohnten Weg (Chat oder Telefon), bevor sich ${successor} meldet.`,
    `Stelle ${successor} als neuen VPA vor und nenne den Zeitpunkt der Übergabe.`,
    'Erkläre den Grund kurz, sachlich und wertschätzend, und sag dazu, dass die Betreuung nahtlos weitergeht.',
  ];
  lines.push('Frag den Kunden, ob er eine umfassende Einarbeitung von ' + successor + ' durch dich wünscht, und bestätige dann „Kunde informiert“ mit seiner Antwort.');
  lines.push(`Wünscht er eine Einarbeitung, arbeite ${successor} umfassend ein (laufende Aufgaben, Zugänge, Gepflogenheiten des Kunden) und bestätige danach „Einarbeitung erfolgt“. Bis zur Übergabe bist du weiter für den Kunden da.`);
  return lines;
}

export function informClientModel(ctx: HandoverContext): HandoverInformClientModel {
  const r = ctx.request;
  return {
    ref: ref(ctx),
    client: clientInfo(ctx.client),
    successor: ctx.successor ?? { id: '', name: 'unbekannt' },
    decidedBy: ctx.decidedBy ?? { id: '', name: 'unbekannt' },
    decidedAtText: r.decidedAt ? at(ctx, r.decidedAt) : '',
    howToInform: howToInform(ctx),
    training: trainingView(ctx),
    informed: { done: !!r.clientInformedAt, atText: r.clientInformedAt ? at(ctx, r.clientInformedAt) : null, trainingWantedDefault: trainingWanted(ctx) },
    actions: {
      confirmClientInformed: r.status === 'approved' && !r.clientInformedAt,
      confirmTrainingGiven: r.status === 'approved' && !!r.clientInformedAt && trainingWanted(ctx) && !r.trainingGivenAt,
    },
  };
}

export function successorModel(ctx: HandoverContext): HandoverSuccessorModel {
  const r = ctx.request;
  return {
    ref: ref(ctx),
    client: clientInfo(ctx.client),
    previousVpa: ctx.vpa,
    successorNotes: r.successorNotes,
    onboardingEffort: r.onboardingEffort ?? '–',
    trainingIntro: !r.clientInformedAt
      ? `${ctx.vpa.name} informiert den Kunden jetzt über den Wechsel und klärt, ob er eine Einarbeitung wünscht. Du bekommst Bescheid.`
      : trainingWanted(ctx)
        ? `Der Kunde wünscht eine Einarbeitung durch ${ctx.vpa.name}. Bitte bestätige, sobald du sie erhalten hast.`
        : 'Der Kunde wünscht keine Einarbeitung; du betreust ihn ab der Übergabe.',
    training: trainingView(ctx),
    actions: { confirmTrainingReceived: r.status === 'approved' && !!r.clientInformedAt && trainingWanted(ctx) && !r.trainingReceivedAt },
  };
}

export function trainingReminderModel(ctx: HandoverContext, step: 'given' | 'received'): HandoverTrainingReminderModel {
  const r = ctx.request;
  const successor = ctx.successor ?? { id: '', name: 'unbekannt' };
  const text =
    step === 'given'
      ? `Der Wechsel von ${ctx.client.name} zu ${successor.name} ist freigegeben. Bitte arbeite ${successor.name} ein und bestätige danach „Einarbeitung erfolgt“.`
      : `${ctx.vpa.name} hat die Einarbeitung für ${ctx.client.name} als erfolgt bestätigt. Bitte bestätige, dass du sie erhalten hast – dann wird der Kunde dir zugeordnet.`;
  const open = r.status === 'approved' && !!r.clientInformedAt && trainingWanted(ctx);
  return {
    ref: ref(ctx),
    client: clientInfo(ctx.client),
    step,
    otherPerson: step === 'given' ? successor : ctx.vpa,
    text,
    training: trainingView(ctx),
    actions: { confirmTrainingGiven: step === 'given' && open && !r.trainingGivenAt, confirmTrainingReceived: step === 'received' && open && !r.trainingReceivedAt },
  };
}

export function completedModel(ctx: HandoverContext, audience: 'vpa' | 'successor'): HandoverCompletedModel {
  const successor = ctx.successor ?? { id: '', name: 'unbekannt' };
  const completedAtText = ctx.request.completedAt ? at(ctx, ctx.request.completedAt) : '';
  const text =
    audience === 'vpa'
      ? `Die Übergabe von ${ctx.client.name} an ${successor.name} ist abgeschlossen.${ctx.request.trainingGivenAt ? ' Danke für die Einarbeitung.' : ''}`
      : `Die Übergabe ist abgeschlossen: Du betreust ${ctx.client.name} (${ctx.client.class}) ab jetzt.`;
  return { ref: ref(ctx), client: clientInfo(ctx.client), previousVpa: ctx.vpa, successor, completedAtText, audience, text };
}
