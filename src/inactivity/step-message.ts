// The text of each client message of the sequence, from the company's editable texts (src/inactivity/client-texts.ts).
import { firstName } from '../identity/find-actor.ts';
import { connyIntro, connyReminder16, connyReminder20, connyYearEmail, week8, type ClientEmailText } from './client-texts.ts';
import type { Step } from './steps.ts';

const params = (clientName: string, senderName: string, vpaName?: string) => ({ clientName, senderName, senderFirstName: firstName(senderName) ?? senderName, ...(vpaName ? { vpaName } : {}) });

/** The message in the VPA's name when the client becomes inactive. */
export function vpaMessageText(clientName: string, vpaName: string): string {
  return week8(params(clientName, vpaName));
}

/** Conny's chat messages: the introduction and the reminders (first, second). */
export function connyMessageText(step: Exclude<Step, 'vpa_message' | 'conny_email'>, clientName: string, connyName: string, vpaName?: string): string {
  const p = params(clientName, connyName, vpaName);
  if (step === 'conny_intro') return connyIntro(p);
  return step === 'conny_reminder_1' ? connyReminder16(p) : connyReminder20(p);
}

/** Conny's one e-mail after a year. */
export function connyEmail(clientName: string, connyName: string, weeks?: number): ClientEmailText {
  return connyYearEmail({ ...params(clientName, connyName), ...(weeks ? { weeks } : {}) });
}
