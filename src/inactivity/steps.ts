// The message steps of an inactivity cycle, in order. Names are stable (they key the exactly-once rows); the
// German labels carry the configured weeks.
import type { InactivityConfig } from '../config/config.ts';

export const STEPS = ['vpa_message', 'conny_intro', 'conny_reminder_1', 'conny_reminder_2', 'conny_email'] as const;
export type Step = (typeof STEPS)[number];

/** The Conny reminder steps, one per configured week (at most two in the wiki; more weeks are ignored). */
export const REMINDER_STEPS = ['conny_reminder_1', 'conny_reminder_2'] as const satisfies readonly Step[];

export function isStep(value: string): value is Step {
  return (STEPS as readonly string[]).includes(value);
}

/** "8-Wochen-Nachricht", "Vorstellung Conny", "Erinnerung nach 16 Wochen", "E-Mail nach 52 Wochen". */
export function stepLabel(step: string, config: InactivityConfig): string {
  switch (step) {
    case 'vpa_message':
      return `${config.afterWeeks}-Wochen-Nachricht`;
    case 'conny_intro':
      return 'Vorstellung Conny';
    case 'conny_reminder_1':
    case 'conny_reminder_2': {
      const weeks = config.connyReminderWeeks[step === 'conny_reminder_1' ? 0 : 1];
      return weeks ? `Erinnerung nach ${weeks} Wochen` : 'Erinnerung';
    }
    case 'conny_email':
      return config.connyEmailAfterWeeks === 52 ? 'E-Mail nach einem Jahr' : `E-Mail nach ${config.connyEmailAfterWeeks} Wochen`;
    default:
      return step;
  }
}
