// bundel schema [--out map]: the JSON Schemas of the three files bundel reads, for editors.

import path from 'node:path';
import { jsonSchemas } from '../../model/schema.js';
import { writeAtomically } from '../../write/atomic.js';
import type { CliCommand } from '../command.js';

export const schemaCommand: CliCommand = {
  register(program, { io }) {
    program
      .command('schema')
      .description('JSON Schema van de front matter, vergadering.yaml en bundel.yaml (voor editors)')
      .option('--out <map>', 'schrijf agendapunt.schema.json, vergadering.schema.json en bundel.schema.json in deze map')
      .action(async (opts: { out?: string }) => {
        const schemas = jsonSchemas();
        if (!opts.out) {
          io.stdout(`${JSON.stringify(schemas, null, 2)}\n`);
          return;
        }
        const dir = opts.out;
        await writeAtomically(
          Object.entries(schemas).map(([name, schema]) => ({ path: path.resolve(dir, `${name}.schema.json`), data: `${JSON.stringify(schema, null, 2)}\n` })),
          { subject: 'Het schema' },
        );
        io.stdout(`Schema's geschreven in ${opts.out}\n`);
      });
  },
};
