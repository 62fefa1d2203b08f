// The German labels of the handover domain, in one place so cards, messages and status lists agree.

export const REASON_CATEGORIES = ['needs_changed', 'collaboration', 'long_inactive', 'other'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

/** The wiki's three valid reasons, plus "anderer Grund". */
export const REASON_CATEGORY_LABELS: Record<ReasonCategory, string> = {
  needs_changed: 'Bedarf des Kunden hat sich geändert',
  collaboration: 'Zusammenarbeit klappt nicht',
  long_inactive: 'Kunde war länger inaktiv',
  other: 'Anderer Grund',
};

export const ONBOARDING_EFFORTS = ['hoch', 'mittel', 'gering'] as const;
export type OnboardingEffort = (typeof ONBOARDING_EFFORTS)[number];

export const HANDOVER_STATUSES = [
  'submitted',
  'in_review',
  'clarifying',
  'awaiting_approval',
  'approved',
  'completed',
  'returned',
  'rejected',
  'withdrawn',
  'resolved',
  'cancelled',
] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const HANDOVER_STATUS_LABELS: Record<HandoverStatus, string> = {
  submitted: 'Eingereicht – wartet auf das Community-Team',
  in_review: 'In Prüfung beim Community-Team',
  clarifying: 'Klärung mit dem Kunden',
  awaiting_approval: 'Wartet auf Freigabe',
  approved: 'Freigegeben – Übergabe läuft',
  completed: 'Abgeschlossen',
  returned: 'Zurückgespielt – bitte betreue den Kunden weiter',
  rejected: 'Abgelehnt',
  withdrawn: 'Zurückgezogen',
  resolved: 'Geklärt – der VPA behält den Kunden',
  cancelled: 'Abgebrochen – der VPA behält den Kunden',
};

export function isHandoverStatus(value: string): value is HandoverStatus {
  return (HANDOVER_STATUSES as readonly string[]).includes(value);
}

export function isReasonCategory(value: string): value is ReasonCategory {
  return (REASON_CATEGORIES as readonly string[]).includes(value);
}

export function isOnboardingEffort(value: string): value is OnboardingEffort {
  return (ONBOARDING_EFFORTS as readonly string[]).includes(value);
}

export function yesNo(value: boolean): string {
  return value ? 'ja' : 'nein';
}
