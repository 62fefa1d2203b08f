// `staffelstab demo`
import type { Command } from 'commander';
import { DEMO_STORY } from '../../demo/demo-data.ts';
import { seedDemo } from '../../demo/seed-demo.ts';
import { ROLE_LABELS } from '../../people/roles.ts';
import type { CommandContext } from '../context.ts';
import { formatDate } from '../format.ts';

export function registerDemo(program: Command, ctx: CommandContext): void {
  program
    .command('demo')
    .description('füllt die Datenbank mit einer Demo-Firma (Personen, Kunden, Verlauf), um alles im Emulator auszuprobieren')
    .action(async () => {
      const config = ctx.config();
      const r = await seedDemo(await ctx.db(), { now: ctx.clock.now(), timeZone: config.businessTimeZone, story: { config, logger: ctx.logger() } });
      const c = r.counts;
      const created = c.people.created + c.clients.created + c.assignments.created + c.tasks.created;
      ctx.out.line(
        created > 0
          ? `Demo-Daten angelegt (Stichtag ${formatDate(r.anchor, config.businessTimeZone)}): ${c.people.created} Personen, ${c.clients.created} Kunden, ${c.assignments.created} Zuordnungen, ${c.tasks.created} Aufgaben.`
          : `Die Demo-Daten sind bereits vollständig vorhanden (Stichtag ${formatDate(r.anchor, config.businessTimeZone)}); nichts geändert.`,
      );
      ctx.out.line('');
      ctx.out.line('Wer ist wer (im Bot Framework Emulator unter Einstellungen die aadObjectId als „User ID“ eintragen):');
      const width = Math.max(...r.people.map((p) => p.name.length));
      for (const p of r.people) {
        ctx.out.line(`  ${p.name.padEnd(width)}  ${p.aadObjectId}  ${p.roles.map((x) => ROLE_LABELS[x]).join(', ')}`);
        ctx.out.line(`  ${''.padEnd(width)}  ${p.email} · ${p.hint}`);
      }
      ctx.out.line('');
      ctx.out.line(r.storyPlayed ? 'Inaktive Kunden an jedem Schritt (die letzten Wochen wurden mit den echten Tick-Jobs nachgespielt):' : 'Inaktive Kunden an jedem Schritt:');
      for (const s of DEMO_STORY) ctx.out.line(`  ${s.client}  ${s.step} – ${s.tryAs}`);
    });
}
