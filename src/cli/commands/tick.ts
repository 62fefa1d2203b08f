// `staffelstab tick [--now <ISO-8601>]`
import type { Command } from 'commander';
import { releaseAheadOfClock } from '../../outbox/admin.ts';
import { parseTickInstant } from '../../tick/parse-now.ts';
import { runTick } from '../../tick/run-tick.ts';
import type { CommandContext } from '../context.ts';
import { formatDateTime } from '../format.ts';

export function registerTick(program: Command, ctx: CommandContext): void {
  program
    .command('tick')
    .description('erledigt einmal alles, was zu diesem Zeitpunkt fällig ist, und zeigt, was getan wurde')
    .option('--now <zeitpunkt>', 'Zeitpunkt in ISO-8601 (Standard: jetzt); ohne Zeitzone gilt TZ_BUSINESS')
    .addHelpText('after', '\nEin zweiter Lauf zum selben Zeitpunkt tut nichts mehr: jede Aufgabe merkt sich, was sie erledigt hat.')
    .action(async (opts: { now?: string }) => {
      const config = ctx.config();
      const now = opts.now !== undefined ? parseTickInstant(opts.now, config.businessTimeZone) : ctx.clock.now();
      const prisma = await ctx.db();
      const results = await runTick({ prisma, now, logger: ctx.logger(), config, ...(ctx.tickJobs ? { jobs: ctx.tickJobs } : {}) });
      // A tick ahead of the clock: its messages go out now, not when the clock reaches the instant.
      const released = await releaseAheadOfClock(prisma, now, ctx.clock.now());
      ctx.out.line(`Tick für ${formatDateTime(now, config.businessTimeZone)} (${config.businessTimeZone}):`);
      let did = 0;
      for (const r of results) {
        for (const line of r.lines) ctx.out.line(`- [${r.job}] ${line}`);
        did += r.lines.length;
        if (r.error) {
          ctx.out.error(`Fehler in „${r.job}“: ${r.error.userMessage}`);
          ctx.out.error(`  [${r.error.code}] ${r.error.message}`);
          ctx.exitCode = 1;
        }
      }
      if (did === 0 && ctx.exitCode === 0) ctx.out.line('Nichts fällig.');
      if (released > 0) ctx.out.line(`${released} Nachricht(en) dieses Ticks gehen jetzt raus (der Zeitpunkt liegt in der Zukunft).`);
    });
}
