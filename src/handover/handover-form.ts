// The request form ("abgeben"): the VPA's own current clients (without an open request) and the reason
// categories. Also rebuilt with field errors when a submission is invalid.
import type { DbOrTx } from '../db/client.ts';
import { AppError } from '../errors/catalogue.ts';
import type { Actor } from '../identity/find-actor.ts';
import type { ChoiceOption, HandoverFormModel, HandoverFormValues } from '../notices/handover.ts';
import { formIdOf } from '../invokes/form-id.ts';
import { REASON_CATEGORIES, REASON_CATEGORY_LABELS } from './labels.ts';
import { currentAt } from '../assignments/current.ts';

import { REASON_MIN_LENGTH, TEXT_MAX_LENGTH, type FieldErrors } from './validation.ts';
import { clientInfo } from '../clients/client-info.ts';
import { hasRole, requireActor } from '../people/access.ts';

export const EMPTY_FORM_VALUES: HandoverFormValues = { clientId: '', reasonCategory: '', reason: '', measures: '', clientWantsTraining: null, successorNotes: '' };

/** Clients the VPA serves at `now`, without those that already have an open handover request. */
export async function ownCurrentClients(db: DbOrTx, vpaId: string, now: Date): Promise<ChoiceOption[]> {
  const rows = await db.assignment.findMany({
    where: { vpaId, ...currentAt(now), client: { handoverRequests: { none: { openClientId: { not: null } } } } },
    select: { client: { select: { id: true, number: true, name: true, class: true, workType: true } } },
  });
  const seen = new Set<string>();
  return rows
    .map((r) => clientInfo(r.client))
    .filter((c) => (seen.has(c.id) ? false : (seen.add(c.id), true)))
    .sort((a, b) => a.label.localeCompare(b.label, 'de'))
    .map((c) => ({ value: c.id, label: c.label }));
}

export interface HandoverFormOptions {
  db: DbOrTx;
  actor: Actor | null;
  now: Date;
  timeZone: string;
  values?: HandoverFormValues;
  fieldErrors?: FieldErrors;
  /** The form instance when the form is shown again (field errors, "Bearbeiten"); a new one otherwise. */
  formId?: string;
}

export async function handoverForm({ db, actor, now, values, fieldErrors, formId }: HandoverFormOptions): Promise<HandoverFormModel> {
  const a = requireActor(actor);
  if (!hasRole(a, ['vpa'])) throw new AppError('HANDOVER_VPA_ONLY');
  const clients = await ownCurrentClients(db, a.id, now);
  return {
    clients,
    noClients: clients.length === 0,
    categories: REASON_CATEGORIES.map((c) => ({ value: c, label: REASON_CATEGORY_LABELS[c] })),
    values: values ?? EMPTY_FORM_VALUES,
    fieldErrors: fieldErrors ?? {},
    limits: { reasonMinLength: REASON_MIN_LENGTH, textMaxLength: TEXT_MAX_LENGTH },
    formId: formIdOf(formId),
  };
}
