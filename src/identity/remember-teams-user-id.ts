// Teams user ids (29:...) are needed for Universal Actions `refresh.userIds` and can only be learned
// from activities or the roster; remember the one a known person acts with.
import type { Db } from '../db/client.ts';
import type { Actor } from './find-actor.ts';

export async function rememberTeamsUserId(db: Db, actor: Actor, teamsUserId: string | undefined): Promise<void> {
  if (!teamsUserId || !teamsUserId.startsWith('29:') || actor.teamsUserId === teamsUserId) return;
  // Another record holding the id (e.g. a person re-created by import) gives it up: the id is unique.
  await db.$transaction([
    db.person.updateMany({ where: { teamsUserId, NOT: { id: actor.id } }, data: { teamsUserId: null } }),
    db.person.update({ where: { id: actor.id }, data: { teamsUserId } }),
  ]);
}
