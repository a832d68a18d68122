// Every command, in the order `bundel --help` lists them. A new command is a file in this folder
// (see ../command.ts) and one entry here.

import type { CliCommand } from '../command.js';
import { agendapuntCommand } from './agendapunt.js';
import { buildCommand } from './build.js';
import { initCommand } from './init.js';
import { lintCommand } from './lint.js';
import { nieuwCommand } from './nieuw.js';
import { schemaCommand } from './schema.js';
import { statusCommand } from './status.js';
import { verzondenCommand } from './verzonden.js';

export const COMMANDS: readonly CliCommand[] = [initCommand, lintCommand, buildCommand, verzondenCommand, nieuwCommand, agendapuntCommand, statusCommand, schemaCommand];
