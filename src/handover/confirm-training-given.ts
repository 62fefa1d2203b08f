// "Einarbeitung erfolgt": the requesting VPA confirms they trained the successor (wiki step 4). With the
// successor's confirmation the handover completes. Repeated clicks change nothing.
import { randomId } from '../ids.ts';

import { confirmTraining, type TrainingChange } from './training.ts';
import type { RequestActionOptions, WithIds } from './use-case.ts';
import { requireActor } from '../people/access.ts';

export type ConfirmTrainingOptions = Omit<RequestActionOptions, 'expectedVersion'> & WithIds;

export async function confirmTrainingGiven(options: ConfirmTrainingOptions): Promise<TrainingChange> {
  const actor = requireActor(options.actor);
  return options.db.$transaction((tx) => confirmTraining(tx, actor, options.requestId, 'given', options.now, options.timeZone, options.newId ?? randomId));
}
