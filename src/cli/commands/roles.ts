// `staffelstab roles grant|revoke <aadObjectId|email> <role>`
import type { Command } from 'commander';
import { grantRole, revokeRole } from '../../people/change-role.ts';
import { ROLES, ROLE_LABELS } from '../../people/roles.ts';
import type { CommandContext } from '../context.ts';

export function registerRoles(program: Command, ctx: CommandContext): void {
  const roles = program.command('roles').description(`vergibt oder entzieht Rollen (${ROLES.join(', ')})`);
  roles
    .command('grant')
    .description('vergibt einer Person eine Rolle')
    .argument('<person>', 'E-Mail-Adresse oder aadObjectId')
    .argument('<role>', ROLES.join(' | '))
    .action(async (person: string, role: string) => {
      const r = await grantRole(await ctx.db(), { person, role, now: ctx.clock.now() });
      const who = `${r.person.name} (${r.person.email})`;
      ctx.out.line(r.changed ? `Rolle „${ROLE_LABELS[r.role]}“ (${r.role}) an ${who} vergeben.` : `${who} hat die Rolle „${ROLE_LABELS[r.role]}“ (${r.role}) bereits; nichts geändert.`);
      ctx.out.line(`Rollen jetzt: ${inRoleOrder(r.person.roles) || '–'}`);
    });
  roles
    .command('revoke')
    .description('entzieht einer Person eine Rolle')
    .argument('<person>', 'E-Mail-Adresse oder aadObjectId')
    .argument('<role>', ROLES.join(' | '))
    .action(async (person: string, role: string) => {
      const r = await revokeRole(await ctx.db(), { person, role, now: ctx.clock.now() });
      const who = `${r.person.name} (${r.person.email})`;
      ctx.out.line(r.changed ? `Rolle „${ROLE_LABELS[r.role]}“ (${r.role}) von ${who} entzogen.` : `${who} hat die Rolle „${ROLE_LABELS[r.role]}“ (${r.role}) nicht; nichts geändert.`);
      ctx.out.line(`Rollen jetzt: ${inRoleOrder(r.person.roles) || '–'}`);
    });
}

function inRoleOrder(roles: readonly string[]): string {
  const order = (r: string) => (ROLES as readonly string[]).indexOf(r);
  return [...roles].sort((a, b) => order(a) - order(b)).join(', ');
}
