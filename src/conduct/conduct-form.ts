// The `melden` form: the VPA's current and former clients (a client may misbehave after a handover, too).
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { ChoiceOption } from '../notices/common.ts';
import type { ConductFormModel, ConductFormValues } from '../notices/conduct.ts';
import { formatIsoDate } from '../time/format.ts';
import { formIdOf } from '../invokes/form-id.ts';

import { clientInfo } from '../clients/client-info.ts';
import { CONDUCT_TEXT_MAX_LENGTH, WHAT_HAPPENED_MIN_LENGTH, type ConductFieldErrors } from './validation.ts';
import { hasRole, requireActor } from '../people/access.ts';

export const EMPTY_CONDUCT_VALUES: ConductFormValues = { clientId: '', whatHappened: '', occurredDate: '', occurredTime: '', evidence: '' };

export async function servedClients(db: DbOrTx, vpaId: string, now: Date): Promise<ChoiceOption[]> {
  const rows = await db.assignment.findMany({
    where: { vpaId, from: { lte: now } },
    select: { client: { select: { id: true, number: true, name: true, class: true, workType: true } } },
  });
  const byId = new Map(rows.map((r) => [r.client.id, clientInfo(r.client)]));
  return [...byId.values()].sort((a, b) => a.label.localeCompare(b.label, 'de')).map((c) => ({ value: c.id, label: c.label }));
}

export interface ConductFormOptions {
  db: DbOrTx;
  actor: Actor | null;
  now: Date;
  timeZone: string;
  values?: ConductFormValues;
  fieldErrors?: ConductFieldErrors;
  /** The form instance when the form is shown again with field errors; a new one otherwise. */
  formId?: string;
}

export async function conductForm(options: ConductFormOptions): Promise<ConductFormModel> {
  const actor = requireActor(options.actor);
  if (!hasRole(actor, ['vpa'])) throw new AppError('CONDUCT_VPA_ONLY');
  const clients = await servedClients(options.db, actor.id, options.now);
  return {
    clients,
    noClients: clients.length === 0,
    values: options.values ?? EMPTY_CONDUCT_VALUES,
    fieldErrors: options.fieldErrors ?? {},
    limits: { whatHappenedMinLength: WHAT_HAPPENED_MIN_LENGTH, textMaxLength: CONDUCT_TEXT_MAX_LENGTH },
    today: formatIsoDate(options.now, options.timeZone),
    formId: formIdOf(options.formId),
  };
}
