// `bundel init [map]`: a new (or existing) folder becomes a repository of meetings. Never replaces
// a file; says what it made and what it left alone.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { toPosix } from '../../util/paths.js';
import { createNewFiles } from '../../write/create-new.js';
import type { CliCommand } from '../command.js';
import { scaffold } from '../scaffold.js';

export const initCommand: CliCommand = {
  register(program, { io, cwd }) {
    program
      .command('init')
      .description('maak van een (lege of bestaande) map een repository met vergaderingen: bundel.yaml, editor- en CI-bestanden')
      .argument('[map]', 'de map (standaard: de huidige map)')
      .action(async (map: string | undefined) => {
        await runInit(map, { stdout: io.stdout, cwd });
      });
  },
};

async function runInit(mapArg: string | undefined, io: { stdout: (text: string) => void; cwd: string }): Promise<void> {
  const root = path.resolve(io.cwd, mapArg ?? '.');
  const shown = (abs: string): string => toPosix(path.relative(io.cwd, abs)) || '.';
  const { created, skipped } = await createNewFiles(scaffold(root));
  const relative = (abs: string): string => toPosix(path.relative(root, abs));

  const out: string[] = [];
  if (created.length > 0) {
    out.push(`Aangemaakt in ${shown(root)}:`, ...created.map((f) => `  ${relative(f)}`));
  }
  if (skipped.length > 0) {
    out.push('', 'Overgeslagen, want het bestand bestaat al (er is niets aan veranderd):', ...skipped.map((f) => `  ${relative(f)}`));
  }
  if (created.length === 0) out.push('', 'Alle bestanden bestonden al; er is niets veranderd.');
  out.push(
    '',
    'Verder:',
    '  1. Vul bundel.yaml in: organisatie, logo, portefeuillehouders.',
    '  2. Maak per vergadering een map vergaderingen/JJJJ-MM-DD met vergadering.yaml en per agendapunt een Markdown-bestand.',
    '  3. Controleer met `npx bundel lint`; maak de bundel met `npx bundel build JJJJ-MM-DD`.',
  );
  if (!existsSync(path.join(root, 'package.json'))) {
    out.push('', 'Er is hier nog geen package.json. Installeer bundel in deze map (`npm init -y`, dan `npm install -D bundel` of het pakketbestand van bundel): de workflow (`npm ci`) en de pre-commit-hook gebruiken die installatie.');
  }
  io.stdout(`${out.join('\n').replace(/^\n+/, '')}\n`);
}
