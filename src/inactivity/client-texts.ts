// ───────────────────────────────────────────────────────────────────────────────────────────────────────────────
// THE MESSAGES TO CLIENTS. This is the one file to edit when the wording should change.
//
// Every text here goes to a client of the company (Sie-form), in the platform chat or by e-mail: either in the VPA's
// name (`week8`) or in the name of the inactive-management account Conny Meindl (the rest). Each text is a small
// function of these placeholders (write them as ${p.clientName} and so on):
//   p.clientName       the client's name as the platform shows it, e.g. "Müller GmbH"
//   p.senderFirstName  first name of the person the message goes out in the name of, for the greeting at the end
//   p.senderName       their full name, e.g. "Conny Meindl"
//   p.vpaName          connyIntro: the VPA who served the client until now (optional);
//                      newContact: the client's new VPA (required there)
//   p.weeks            connyYearEmail: how many weeks the client's last task lies back (optional; 52 = one year)
// Keep the chat texts short: they are read in a chat window. Friendly, never pushy; no placeholders other than these.
// After a change, `npx vitest run test/inactivity/client-texts.test.ts -u` shows the new texts in its snapshot.
// ───────────────────────────────────────────────────────────────────────────────────────────────────────────────

export interface ClientTextParams {
  clientName: string;
  senderFirstName: string;
  senderName: string;
  vpaName?: string;
  weeks?: number;
}

/** An e-mail: its subject and its text. */
export interface ClientEmailText {
  subject: string;
  text: string;
}

/** 8 weeks without a new task: in the VPA's name, offering support and asking for new tasks. */
export function week8(p: ClientTextParams): string {
  return [
    'Guten Tag,',
    '',
    `ich hoffe, bei Ihnen ist alles gut! Ich bin weiterhin gern für ${p.clientName} da. Gibt es etwas, das ich Ihnen abnehmen kann? ` +
      'Schicken Sie mir einfach Ihre nächste Aufgabe – ich freue mich darauf.',
    '',
    'Viele Grüße',
    p.senderFirstName,
  ].join('\n');
}

/** Conny introduces herself as the contact while no VPA is assigned, and offers to take tasks right away. */
export function connyIntro(p: ClientTextParams): string {
  const meanwhile = p.vpaName ? `Da ${p.vpaName} Ihnen derzeit nicht fest zugeordnet ist, bin ich in der Zwischenzeit für Sie da` : 'Solange Ihnen keine feste Assistenz zugeordnet ist, bin ich für Sie da';
  return [
    'Guten Tag,',
    '',
    `mein Name ist ${p.senderName}, ich bin ab sofort Ihre Ansprechpartnerin für ${p.clientName}. ${meanwhile}: ` +
      'Schicken Sie mir gern jederzeit eine neue Aufgabe – ich sorge dafür, dass sie schnell in gute Hände kommt. Was darf ich für Sie erledigen?',
    '',
    'Herzliche Grüße',
    p.senderFirstName,
  ].join('\n');
}

/** Conny's first reminder (16 weeks): a short, friendly check-in. */
export function connyReminder16(p: ClientTextParams): string {
  return [
    'Guten Tag,',
    '',
    `hier ist noch einmal ${p.senderFirstName}. Ich wollte kurz nachfragen, ob wir Ihnen bei ${p.clientName} gerade etwas abnehmen können – ` +
      'ob klein oder groß. Eine kurze Nachricht hier im Chat genügt.',
    '',
    'Viele Grüße',
    p.senderFirstName,
  ].join('\n');
}

/** Conny's second reminder (20 weeks): different from the first, with ideas, and without pressure. */
export function connyReminder20(p: ClientTextParams): string {
  return [
    'Guten Tag,',
    '',
    'falls sich bei Ihnen wieder etwas angesammelt hat – Recherchen, Termine, Organisation oder Büroarbeit –, übernehmen wir das gern. ' +
      'Melden Sie sich einfach, wann immer es für Sie passt; wir sind weiterhin für Sie da.',
    '',
    'Beste Grüße',
    p.senderFirstName,
  ].join('\n');
}

/** "ein Jahr", "2 Jahre", "30 Wochen": how long the last task lies back (default: one year). */
function periodText(weeks: number | undefined): string {
  if (weeks === undefined || weeks === 52) return 'ein Jahr';
  if (weeks > 52 && weeks % 52 === 0) return `${weeks / 52} Jahre`;
  return `${weeks} Wochen`;
}

/** Conny's one e-mail (one year): the offer stands. */
export function connyYearEmail(p: ClientTextParams): ClientEmailText {
  return {
    subject: `Wir sind weiterhin für ${p.clientName} da`,
    text: [
      'Guten Tag,',
      '',
      `Ihre letzte Aufgabe bei uns liegt nun etwa ${periodText(p.weeks)} zurück. Ich wollte mich kurz in Erinnerung rufen: Unser Angebot steht weiterhin. ` +
        'Wenn Sie wieder Unterstützung brauchen, schicken Sie uns einfach eine neue Aufgabe über die Plattform oder antworten Sie auf diese E-Mail.',
      '',
      'Wir würden uns freuen, wieder von Ihnen zu hören.',
      '',
      'Herzliche Grüße',
      p.senderName,
    ].join('\n'),
  };
}

/** After a tender (the client's new task went to a new VPA): who the client's contact is from now on. */
export function newContact(p: ClientTextParams & { vpaName: string }): string {
  return [
    'Guten Tag,',
    '',
    `schön, dass Sie wieder eine Aufgabe für uns haben! Ihre neue Ansprechperson für ${p.clientName} ist ab sofort ${p.vpaName} ` +
      'und meldet sich in Kürze persönlich bei Ihnen, um Ihre Aufgabe zu übernehmen.',
    '',
    'Viele Grüße',
    p.senderFirstName,
  ].join('\n');
}

/** Every text by name (for tests and previews). */
export const CLIENT_TEXTS = { week8, connyIntro, connyReminder16, connyReminder20, connyYearEmail, newContact } as const;

export type ClientTextName = keyof typeof CLIENT_TEXTS;
