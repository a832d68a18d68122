// bundel schema [--uitvoer map]: the JSON Schemas of the three files bundel reads, for editors.

import path from 'node:path';
import { jsonSchemaFiles, jsonSchemasText } from '../../model/schema.js';
import { writeAtomically } from '../../write/atomic.js';
import type { CliCommand } from '../command.js';
import { printable } from '../format/escape.js';

export const schemaCommand: CliCommand = {
  register(program, { io, cwd }) {
    program
      .command('schema')
      .description('JSON Schema (draft-07) van de front matter, vergadering.yaml en bundel.yaml (voor editors)')
      .option('--uitvoer <map>', 'schrijf agendapunt.schema.json, vergadering.schema.json en bundel.schema.json in deze map')
      .action(async (opts: { uitvoer?: string }) => {
        if (!opts.uitvoer) {
          io.stdout(jsonSchemasText());
          return;
        }
        await writeAtomically(jsonSchemaFiles(path.resolve(cwd, opts.uitvoer)), { subject: 'Het schema', cwd });
        io.stdout(`Schema's geschreven in ${printable(opts.uitvoer)}\n`);
      });
  },
};
