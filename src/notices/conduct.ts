// View models of the conduct-report notices (`melden`): a VPA reports a client who insults, disrespects,
// discriminates or harasses; every VPA manager and client manager gets it 1:1. Ids for Action.Execute data
// travel in the model: `reportId` + `version`.
import type { ChoiceOption, ClientInfo, PersonInfo } from './common.ts';

export type ConductField = 'clientId' | 'whatHappened' | 'occurredDate' | 'occurredTime' | 'evidence';

export interface ConductFormValues {
  clientId: string;
  whatHappened: string;
  /** YYYY-MM-DD (Input.Date). */
  occurredDate: string;
  /** HH:mm (Input.Time), optional. */
  occurredTime: string;
  evidence: string;
}

export interface ConductFormModel {
  /** The VPA's current and former clients. */
  clients: ChoiceOption[];
  noClients: boolean;
  values: ConductFormValues;
  fieldErrors: Partial<Record<ConductField, string>>;
  limits: { whatHappenedMinLength: number; textMaxLength: number };
  /** YYYY-MM-DD of today in the business time zone, the Input.Date max. */
  today: string;
  /**
   * This form instance, sent back with the submit (and kept when the form comes back with field errors):
   * one form makes at most one report, however often "Meldung senden" is clicked.
   */
  formId: string;
}

/** Back to the reporting VPA, as the answer to the form. */
export interface ConductReceivedModel {
  reportId: string;
  client: ClientInfo;
  /** How many managers were told. */
  managerCount: number;
  text: string;
}

/** To each VPA manager and client manager, 1:1, urgent. */
export interface ConductReportModel {
  reportId: string;
  version: number;
  urgent: true;
  client: ClientInfo;
  reporter: PersonInfo;
  whatHappened: string;
  occurredAtText: string;
  /** Optional text or link; "" when none. */
  evidence: string;
  reportedAtText: string;
  acknowledgements: { person: PersonInfo; atText: string }[];
  /** The manager this copy is for. */
  recipientId: string;
  acknowledgedByRecipient: boolean;
  actions: { acknowledge: boolean };
}

/** To the reporting VPA once the first manager acknowledged. */
export interface ConductAcknowledgedModel {
  reportId: string;
  client: ClientInfo;
  acknowledgedBy: PersonInfo;
  atText: string;
  text: string;
}

/** The kinds of this module, merged into NoticeModels (src/notices/types.ts). */
export interface ConductNoticeModels {
  conductForm: ConductFormModel;
  conductReceived: ConductReceivedModel;
  conductReport: ConductReportModel;
  conductAcknowledged: ConductAcknowledgedModel;
  conductReminder: ConductReminderModel;
  conductEscalation: ConductEscalationModel;
}

/**
 * To each VPA manager and client manager, 1:1, once: an urgent report nobody acknowledged within the configured
 * working hours (src/conduct/escalation.ts). Carries the report and the same acknowledge action.
 */
export interface ConductReminderModel {
  reportId: string;
  version: number;
  client: ClientInfo;
  reporter: PersonInfo;
  whatHappened: string;
  occurredAtText: string;
  /** Optional text or link; "" when none. */
  evidence: string;
  reportedAtText: string;
  /** The configured working hours (CONDUCT_ESCALATION_WORKING_HOURS). */
  workingHours: number;
  /** "4 Arbeitsstunden" */
  workingHoursText: string;
  text: string;
  /** The manager this copy is for. */
  recipientId: string;
  actions: { acknowledge: boolean };
}

/**
 * To the admin team (the `admin` channel, or every admin 1:1), once: no manager acknowledged the report,
 * not even after the reminder. Keeps the reporter's text: the admin team must act on it.
 */
export interface ConductEscalationModel {
  reportId: string;
  client: ClientInfo;
  reporter: PersonInfo;
  whatHappened: string;
  occurredAtText: string;
  /** Optional text or link; "" when none. */
  evidence: string;
  reportedAtText: string;
  /** When the managers were reminded. */
  remindedAtText: string;
  /** The managers who were told and did not react. */
  managers: PersonInfo[];
  workingHours: number;
  workingHoursText: string;
  text: string;
}
