// The successor confirms they received the training. With the VPA's confirmation the handover completes.
// Repeated clicks change nothing.
import { randomId } from '../ids.ts';
import type { ConfirmTrainingOptions } from './confirm-training-given.ts';

import { confirmTraining, type TrainingChange } from './training.ts';
import { requireActor } from '../people/access.ts';

export async function confirmTrainingReceived(options: ConfirmTrainingOptions): Promise<TrainingChange> {
  const actor = requireActor(options.actor);
  return options.db.$transaction((tx) => confirmTraining(tx, actor, options.requestId, 'received', options.now, options.timeZone, options.newId ?? randomId));
}
