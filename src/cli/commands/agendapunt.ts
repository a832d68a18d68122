// bundel agendapunt <datum> "<onderwerp>": a new item file in the house form, with the next number
// (or after --na N), the author from git's user.name as contact. Moves other items only as
// new-item.ts describes; never replaces a file.

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { Option } from 'commander';
import { itemSkeleton } from '../../cycle/item-skeleton.js';
import { placeNewItem, renumberFiles } from '../../cycle/new-item.js';
import { itemFileName } from '../../cycle/yaml-text.js';
import { BundelError } from '../../model/errors.js';
import type { Soort } from '../../model/meeting.js';
import { hasErrors } from '../../model/diagnostic.js';
import { loadMeeting, resolveMeetingDir } from '../../load/meeting.js';
import { toPosix } from '../../util/paths.js';
import { writeAtomically } from '../../write/atomic.js';
import type { CliCommand } from '../command.js';

/** git's user.name for `dir`, when git is there and knows it (read from its configuration; no network). */
function gitUserName(dir: string, env: NodeJS.ProcessEnv): string | undefined {
  const r = spawnSync('git', ['config', 'user.name'], { cwd: dir, env, encoding: 'utf8', timeout: 5000 });
  const name = r.status === 0 ? r.stdout.trim() : '';
  return name || undefined;
}

function parseNumber(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new BundelError('optie-ongeldig', `\`--na ${value}\`: verwacht het nummer van een agendapunt, zoals \`4\`.`, { exitCode: 2 });
  return Number(value);
}

export const agendapuntCommand: CliCommand = {
  register(program, { io, cwd, chalk, openRepository, printDiagnostics, setExitCode }) {
    program
      .command('agendapunt')
      .description('voeg een agendapunt toe aan een vergadering: een bestand in de huisstijl met het volgende nummer')
      .argument('<vergadering>', 'datum (JJJJ-MM-DD) of map van de vergadering')
      .argument('<onderwerp>', 'het onderwerp, tussen aanhalingstekens: "Begroting 2026"')
      .addOption(new Option('--soort <soort>', 'voorstel, stukken of mondeling').choices(['voorstel', 'stukken', 'mondeling']).default('voorstel'))
      .option('--na <nummer>', 'zet het nieuwe punt direct na dit agendapunt (als 4a wanneer 5 al bestaat)', parseNumber)
      .option('--hernummer', 'met --na: schuif de volgende agendapunten één nummer op (ook in hun bestandsnaam)')
      .action(async (meetingArg: string, onderwerp: string, opts: { soort: Soort; na?: number; hernummer?: boolean }) => {
        const { config, diagnostics } = await openRepository();
        if (hasErrors(diagnostics)) {
          printDiagnostics(diagnostics, 'stylish', 'stderr');
          setExitCode(1);
          return;
        }
        if (onderwerp.trim() === '') throw new BundelError('onderwerp-leeg', 'Het onderwerp is leeg.', { hint: 'Geef het onderwerp tussen aanhalingstekens, bijvoorbeeld "Begroting 2026".', exitCode: 2 });
        if (opts.hernummer && opts.na === undefined) throw new BundelError('optie-ongeldig', '`--hernummer` hoort bij `--na <nummer>`.', { hint: 'Zeg met `--na` na welk agendapunt het nieuwe komt.', exitCode: 2 });
        const dir = await resolveMeetingDir(config, meetingArg, cwd);
        const { meeting } = await loadMeeting(config, dir);
        const unreadable = meeting.items.find((i) => !i.parsed);
        if (unreadable) {
          throw new BundelError('agendapunt-onleesbaar', `\`${unreadable.file}\` kan niet worden gelezen, dus het volgende nummer is niet zeker.`, { hint: 'Herstel eerst dat bestand (zie `bundel lint`).' });
        }
        const place = placeNewItem(meeting, { na: opts.na, hernummer: opts.hernummer });
        const datum = meeting.vergadering.datum;
        const target = path.join(dir, itemFileName(place.nummer, onderwerp));
        const { files, remove } = renumberFiles(place.moves, (item) => readFileSync(item.absFile, 'utf8'));
        const taken = meeting.items.find((i) => i.absFile === target && !remove.includes(i.absFile));
        if (taken || files.some((f) => f.path === target)) {
          throw new BundelError('bestand-bestaat', `Het bestand \`${toPosix(path.relative(cwd, target))}\` bestaat al.`, { hint: 'Kies een ander onderwerp of een ander nummer (`--na`).' });
        }
        const auteur = gitUserName(dir, io.env);
        const skeleton = itemSkeleton({ vergadering: datum, nummer: place.nummer, onderwerp: onderwerp.trim(), soort: opts.soort, auteur });
        await writeAtomically([{ path: target, data: skeleton }, ...files], { subject: 'Het agendapunt', cwd });
        await Promise.all(remove.map((p) => rm(p, { force: true })));

        const rel = (p: string): string => toPosix(path.relative(cwd, p));
        const lines = [`${chalk.green('✔')} Agendapunt ${place.nummer} aangemaakt: ${rel(target)}`];
        for (const move of place.moves) lines.push(`  agendapunt ${move.item.nummer} → ${move.nummer}: ${path.basename(move.item.absFile)}`);
        lines.push(auteur ? `Contactpersoon: ${auteur} (uit git).` : 'Geen naam in git (`git config user.name`); vul de contactpersoon zelf in.');
        lines.push('Vul de velden met [invullen] in; `bundel lint` zegt wat er nog ontbreekt.');
        io.stdout(`${lines.join('\n')}\n`);
        setExitCode(0);
      });
  },
};
