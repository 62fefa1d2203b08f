// `staffelstab import <kind> <file.csv>`
import fs from 'node:fs/promises';
import type { Command } from 'commander';
import { AppError } from '../../errors/catalogue.ts';
import { IMPORT_KINDS, PLANNED_IMPORT_KINDS, findImportKind } from '../../import/kinds.ts';
import { importCsv, unknownImportKind } from '../../import/run-import.ts';
import type { CommandContext } from '../context.ts';

const HELP = `
Dateien: CSV, UTF-8 (mit oder ohne BOM), durch Kommas getrennt, mit Kopfzeile; weitere Spalten werden
ignoriert; Datumsangaben in ISO-8601 (2026-03-01 oder 2026-03-01T09:30:00+01:00; ohne Zeitzone gilt TZ_BUSINESS).

  people       aadObjectId, name, email, roles [absentFrom, absentUntil, competences, takesNewClients]
               roles und competences mit | getrennt. Die Spalte roles ist der vollständige Rollensatz der
               Person: Rollen, die dort nicht stehen, werden ihr entzogen.
  clients      number, name, class, workType (continuous oder one-off) [notes]
  assignments  clientNumber, vpaEmail, from [to]  (to leer = aktuelle Zuordnung)
  tasks        clientNumber, createdAt [title, competence]
  shifts       date, shift, email [lead, from, until]  (Schichtplan; date JJJJ-MM-TT, from/until HH:MM Ortszeit,
               lead true für die Schichtleitung; ohne Zeiten gilt der ganze Tag)
  inbox        id, kind (chat, mail oder task), receivedAt, clientNumber [subject, answeredAt]
               (Einträge im Konto Conny ohne Plattform-Anbindung; eine Antwort wird nie zurückgenommen)

Alles oder nichts: Enthält die Datei einen Fehler, wird nichts übernommen, und jede fehlerhafte Zeile wird
genannt. Dieselbe Datei ein zweites Mal zu importieren ändert nichts. Fehlt eine optionale Spalte ganz,
bleiben diese Angaben bei vorhandenen Einträgen unverändert; eine leere Zelle löscht sie.`;

export function registerImport(program: Command, ctx: CommandContext): void {
  program
    .command('import')
    .description('importiert Personen, Kunden, Zuordnungen, Aufgaben, Schichten oder Einträge im Konto Conny aus einer CSV-Datei (alles oder nichts)')
    .argument('<kind>', `${IMPORT_KINDS.map((k) => k.kind).join(' | ')}${PLANNED_IMPORT_KINDS.length ? ` (später: ${PLANNED_IMPORT_KINDS.join(', ')})` : ''}`)
    .argument('<file>', 'Pfad der CSV-Datei')
    .addHelpText('after', HELP)
    .action(async (kind: string, file: string) => {
      if (!findImportKind(kind)) throw unknownImportKind(kind);
      let content: Buffer;
      try {
        content = await fs.readFile(file);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new AppError('IMPORT_FILE_UNREADABLE', {
          detail: `${file}: ${code ?? String(e)}`,
          userMessage: code === 'ENOENT' ? `Die Datei „${file}“ gibt es nicht.` : `Die Datei „${file}“ lässt sich nicht lesen (${code ?? 'unbekannter Fehler'}).`,
        });
      }
      const config = ctx.config();
      const prisma = await ctx.db();
      const s = await importCsv(prisma, { kind, content, fileName: file, now: ctx.clock.now(), timeZone: config.businessTimeZone });
      ctx.out.line(`${s.labelDe} importiert (${s.rows} ${s.rows === 1 ? 'Zeile' : 'Zeilen'}): ${s.created} neu, ${s.updated} aktualisiert, ${s.unchanged} unverändert.`);
      if (s.created + s.updated === 0) ctx.out.line('Keine Änderungen.');
    });
}
