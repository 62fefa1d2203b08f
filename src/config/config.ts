// The one place that reads the environment. Read once at start, validated with zod; an empty value
// counts as unset (CONTRACT.md). A failure names the variable so an operator can fix it at once.
import { z } from 'zod';


const emptyAsUnset = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const optionalString = z.preprocess(emptyAsUnset, z.string().optional());
const url = (what: string) => z.preprocess(emptyAsUnset, z.url({ message: `${what} must be an absolute URL` }).optional());

const schema = z.object({
  NODE_ENV: z.preprocess(emptyAsUnset, z.string().default('development')),
  PORT: z.preprocess(emptyAsUnset, z.coerce.number().int().min(0).max(65535).default(3978)),
  PUBLIC_URL: url('PUBLIC_URL'),
  DATABASE_URL: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .default('file:./data/staffelstab.db')
      .refine((v) => v.startsWith('file:') || v.startsWith('postgresql://') || v.startsWith('postgres://'), {
        message: 'DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)',
      }),
  ),
  MICROSOFT_APP_ID: optionalString,
  MICROSOFT_APP_PASSWORD: optionalString,
  MICROSOFT_APP_TENANT_ID: optionalString,
  MICROSOFT_APP_TYPE: z.preprocess(emptyAsUnset, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
  PLATFORM_BASE_URL: url('PLATFORM_BASE_URL'),
  PLATFORM_API_TOKEN: optionalString,
  PLATFORM_WEBHOOK_SECRET: optionalString,
  PLATFORM_RECONCILE_MINUTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(1440).default(15)),
  PLATFORM_STALE_AFTER_MINUTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(2).max(10_080).optional()),
  PLATFORM_TIMEOUT_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).max(50_000).default(10_000)),
  TZ_BUSINESS: z.preprocess(
    emptyAsUnset,
    z.string().default('Europe/Berlin').refine((tz) => isValidTimeZone(tz), { message: 'TZ_BUSINESS must be an IANA time zone such as Europe/Berlin' }),
  ),
  LOG_LEVEL: z.preprocess(emptyAsUnset, z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')),
  HANDOVER_REMINDER_WORKING_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(30).default(2)),
  HANDOVER_TRAINING_REMINDER_WORKING_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(60).default(5)),
  OUTBOX_POLL_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(10).max(60_000).default(1000)),
  CONDUCT_ESCALATION_WORKING_HOURS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(80).default(4)),
  INVOKE_RECEIPT_RETENTION_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(365).default(7)),
  STOP_DEADLINE_MS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(100).max(600_000).default(10_000)),
  INACTIVE_AFTER_WEEKS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(52).default(8)),
  INACTIVE_LIST_AFTER_WEEKS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(104).default(12)),
  CONNY_REMINDER_WEEKS: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .default('16,20')
      .transform((v) => v.split(',').map((x) => Number(x.trim())))
      .refine((weeks) => weeks.length <= 6 && weeks.every((w) => Number.isInteger(w) && w >= 1 && w <= 104), { message: 'CONNY_REMINDER_WEEKS must be a comma-separated list of week numbers, e.g. 16,20' }),
  ),
  CONNY_EMAIL_AFTER_WEEKS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(260).default(52)),
  INACTIVE_AUTO_HANDOVER: z.preprocess(emptyAsUnset, z.enum(['true', 'false']).default('false')),
  HOLIDAYS_STATE: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .regex(/^(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)$/, { message: 'HOLIDAYS_STATE must be a German state code such as BY or NW' })
      .optional(),
  ),
  CLIENT_SEND_WINDOW: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .default('09:00-17:00')
      .refine((v) => /^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/.test(v) && v.slice(0, 5) < v.slice(6), { message: 'CLIENT_SEND_WINDOW must look like 09:00-17:00' }),
  ),
  TENDER_DEADLINE_WORKING_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(30).default(2)),
  LONG_ABSENCE_DAYS: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(365).default(28)),
  SHIFT_CHECK_TIMES: z.preprocess(
    emptyAsUnset,
    z
      .string()
      .default('09:00,14:00')
      .transform((v) => [...new Set(v.split(',').map((x) => x.trim()))].sort())
      .refine((times) => times.length >= 1 && times.length <= 12 && times.every((t) => /^([01]\d|2[0-3]):[0-5]\d$/.test(t)), { message: 'SHIFT_CHECK_TIMES must be a comma-separated list of local times, e.g. 09:00,14:00' }),
  ),
  SHIFT_RESPONSE_HOURS_CHAT: z.preprocess(emptyAsUnset, z.coerce.number().min(0.25).max(400).default(4)),
  SHIFT_RESPONSE_HOURS_MAIL: z.preprocess(emptyAsUnset, z.coerce.number().min(0.25).max(400).default(8)),
  SHIFT_RESPONSE_HOURS_TASK: z.preprocess(emptyAsUnset, z.coerce.number().min(0.25).max(400).default(4)),
  SHIFT_ALERT_SHARE: z.preprocess(emptyAsUnset, z.coerce.number().gt(0, { message: 'SHIFT_ALERT_SHARE must be a share between 0 and 1, e.g. 0.75' }).max(1).default(0.75)),
  SHIFT_ESCALATE_LEAD_MINUTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(1440).default(60)),
  SHIFT_ESCALATE_MANAGERS_MINUTES: z.preprocess(emptyAsUnset, z.coerce.number().int().min(1).max(1440).default(60)),
  SHIFT_VIDEO_URL: url('SHIFT_VIDEO_URL'),
  SHIFT_MAIL_HOWTO_URL: url('SHIFT_MAIL_HOWTO_URL'),
});

export interface AppCredentials {
  appId: string;
  appPassword: string | undefined;
  tenantId: string | undefined;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
}

export interface Config {
  nodeEnv: string;
  port: number;
  publicUrl: string | undefined;
  databaseUrl: string;
  /** `local`: no app credentials, Emulator-style unauthenticated activities. */
  mode: 'local' | 'authenticated';
  credentials: AppCredentials | undefined;
  /** The VPA platform (PLATFORM_BASE_URL); undefined = standalone. `timeoutMs` bounds each HTTP request (below the outbox lease). */
  platform: { baseUrl: string; apiToken: string | undefined; timeoutMs: number } | undefined;
  platformWebhookSecret: string | undefined;
  /** The reconciliation with the platform (src/platform/reconcile): how often it pulls, and when /readyz calls it stale. */
  platformSync: { reconcileMinutes: number; staleAfterMinutes: number };
  businessTimeZone: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  handoverReminderWorkingDays: number;
  /** Working days after approval (and after "Einarbeitung erfolgt") before an open training step reminds once. */
  handoverTrainingReminderWorkingDays: number;
  outboxPollMs: number;
  /** Working hours an urgent conduct report may stay unacknowledged before every manager is reminded (then the admin team). */
  conductEscalationWorkingHours: number;
  /** Days a processed card invoke's receipt is kept (re-deliveries come within seconds; the rest is pruned). */
  invokeReceiptRetentionDays: number;
  /** One hard deadline for a graceful stop (SIGTERM/SIGINT): after it the process exits regardless. */
  stopDeadlineMs: number;
  /** Process 2 (inactive clients, Conny): durations in weeks from the client's last task, and the rules around them. */
  inactivity: InactivityConfig;
  /** Process 3 (shift duty for the Conny account, docs/schichtdienst.md). */
  shift: ShiftConfig;
}

export interface ShiftConfig {
  /** Local times (HH:mm, sorted) of the scheduled checks on working days. */
  checkTimes: string[];
  /** Response times in working hours (Mon–Fri 09:00–17:00, no public holiday of HOLIDAYS_STATE) per item kind. */
  responseHours: { chat: number; mail: number; task: number };
  /** Share of the response time after which the people on shift get an alert card for an open item. */
  alertShare: number;
  /** Minutes after a check was posted, still not "geprüft": the shift lead is told. */
  escalateLeadMinutes: number;
  /** Minutes after the lead was told, still not "geprüft": the VPA managers are told. */
  escalateManagersMinutes: number;
  /** The wiki's process video and the how-to for answering mails, linked on the check card (optional). */
  videoUrl: string | undefined;
  mailHowtoUrl: string | undefined;
}

export interface InactivityConfig {
  /** The 8-week message in the VPA's name and the red question mark. */
  afterWeeks: number;
  /** Not reactivated: the client appears on the inactive-management list (`inaktiv`). */
  listAfterWeeks: number;
  /** Conny's reminders (default 16 and 20 weeks). */
  connyReminderWeeks: number[];
  /** Conny's one e-mail (default 52 weeks, one year). */
  connyEmailAfterWeeks: number;
  /** The wiki's "Autoprozess": the bot hands clients over to Conny itself when they reach the list. */
  autoHandover: boolean;
  /** German state whose public holidays are not working days for client messages (undefined: nationwide only). */
  holidaysState: string | undefined;
  /** Client messages go out only in this local window on working days. */
  sendWindow: { from: string; until: string };
  /** Working days a tender stays open for applications. */
  tenderDeadlineWorkingDays: number;
  /** The last VPA counts as absent for a long time when an absence lasts at least this many days. */
  longAbsenceDays: number;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const variable = String(issue?.path[0] ?? 'environment');
    throw new ConfigError(variable, issue?.message ?? 'invalid value');
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  let credentials: AppCredentials | undefined;
  if (e.MICROSOFT_APP_ID) {
    credentials = { appId: e.MICROSOFT_APP_ID, appPassword: e.MICROSOFT_APP_PASSWORD, tenantId: e.MICROSOFT_APP_TENANT_ID, appType: e.MICROSOFT_APP_TYPE };
  }
  if (production) {
    if (!e.MICROSOFT_APP_ID) throw new ConfigError('MICROSOFT_APP_ID', 'is required when NODE_ENV=production (the Azure bot registration\'s app id)');
    if (e.MICROSOFT_APP_TYPE !== 'UserAssignedMSI' && !e.MICROSOFT_APP_PASSWORD) {
      throw new ConfigError('MICROSOFT_APP_PASSWORD', 'is required when NODE_ENV=production (the client secret of the app registration)');
    }
  }
  if (credentials && e.MICROSOFT_APP_TYPE !== 'MultiTenant' && !e.MICROSOFT_APP_TENANT_ID) {
    throw new ConfigError('MICROSOFT_APP_TENANT_ID', `is required when MICROSOFT_APP_TYPE=${e.MICROSOFT_APP_TYPE}`);
  }
  if (e.PLATFORM_STALE_AFTER_MINUTES !== undefined && e.PLATFORM_STALE_AFTER_MINUTES <= e.PLATFORM_RECONCILE_MINUTES) {
    throw new ConfigError('PLATFORM_STALE_AFTER_MINUTES', `must be longer than PLATFORM_RECONCILE_MINUTES (${e.PLATFORM_RECONCILE_MINUTES}), or every pause between two pulls would count as stale`);
  }
  if (e.PLATFORM_BASE_URL && !e.PLATFORM_API_TOKEN) {
    throw new ConfigError('PLATFORM_API_TOKEN', 'is required when PLATFORM_BASE_URL is set');
  }
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    databaseUrl: e.DATABASE_URL,
    mode: credentials ? 'authenticated' : 'local',
    credentials,
    platform: e.PLATFORM_BASE_URL ? { baseUrl: e.PLATFORM_BASE_URL.replace(/\/+$/, ''), apiToken: e.PLATFORM_API_TOKEN, timeoutMs: e.PLATFORM_TIMEOUT_MS } : undefined,
    platformWebhookSecret: e.PLATFORM_WEBHOOK_SECRET,
    platformSync: { reconcileMinutes: e.PLATFORM_RECONCILE_MINUTES, staleAfterMinutes: e.PLATFORM_STALE_AFTER_MINUTES ?? 2 * e.PLATFORM_RECONCILE_MINUTES },
    businessTimeZone: e.TZ_BUSINESS,
    logLevel: e.LOG_LEVEL,
    handoverReminderWorkingDays: e.HANDOVER_REMINDER_WORKING_DAYS,
    handoverTrainingReminderWorkingDays: e.HANDOVER_TRAINING_REMINDER_WORKING_DAYS,
    outboxPollMs: e.OUTBOX_POLL_MS,
    conductEscalationWorkingHours: e.CONDUCT_ESCALATION_WORKING_HOURS,
    invokeReceiptRetentionDays: e.INVOKE_RECEIPT_RETENTION_DAYS,
    stopDeadlineMs: e.STOP_DEADLINE_MS,
    inactivity: {
      afterWeeks: e.INACTIVE_AFTER_WEEKS,
      listAfterWeeks: e.INACTIVE_LIST_AFTER_WEEKS,
      connyReminderWeeks: [...e.CONNY_REMINDER_WEEKS].sort((a, b) => a - b),
      connyEmailAfterWeeks: e.CONNY_EMAIL_AFTER_WEEKS,
      autoHandover: e.INACTIVE_AUTO_HANDOVER === 'true',
      holidaysState: e.HOLIDAYS_STATE,
      sendWindow: { from: e.CLIENT_SEND_WINDOW.slice(0, 5), until: e.CLIENT_SEND_WINDOW.slice(6) },
      tenderDeadlineWorkingDays: e.TENDER_DEADLINE_WORKING_DAYS,
      longAbsenceDays: e.LONG_ABSENCE_DAYS,
    },
    shift: {
      checkTimes: e.SHIFT_CHECK_TIMES,
      responseHours: { chat: e.SHIFT_RESPONSE_HOURS_CHAT, mail: e.SHIFT_RESPONSE_HOURS_MAIL, task: e.SHIFT_RESPONSE_HOURS_TASK },
      alertShare: e.SHIFT_ALERT_SHARE,
      escalateLeadMinutes: e.SHIFT_ESCALATE_LEAD_MINUTES,
      escalateManagersMinutes: e.SHIFT_ESCALATE_MANAGERS_MINUTES,
      videoUrl: e.SHIFT_VIDEO_URL,
      mailHowtoUrl: e.SHIFT_MAIL_HOWTO_URL,
    },
  };
}

/** Every environment variable the app reads (documented in .env.example; a test keeps them in step). */
export const CONFIG_VARIABLES: readonly string[] = Object.keys(schema.shape);
