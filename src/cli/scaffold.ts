// What `bundel init` puts into a repository of meetings: bundel.yaml, the meetings folder, a
// .gitignore for built bundles, editor settings with the JSON Schemas, the GitHub workflow and the
// pre-commit configuration. The texts live in templates/init/; the schemas come from the zod source.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { jsonSchemaFiles } from '../model/schema.js';
import type { OutputFile } from '../model/output-file.js';
import { TEMPLATES_DIR } from '../util/paths.js';

const FROM_TEMPLATES: readonly (readonly [target: string, template: string])[] = [
  ['bundel.yaml', 'bundel.yaml'],
  // npm leaves files named .gitignore out of a package: the template is stored without the dot.
  ['.gitignore', 'gitignore'],
  ['.vscode/settings.json', 'vscode-settings.json'],
  ['.vscode/extensions.json', 'vscode-extensions.json'],
  ['.github/workflows/bundel.yml', 'workflow.yml'],
  ['.pre-commit-config.yaml', 'pre-commit-config.yaml'],
];

/** The files of a new repository of meetings in `root`, in the order `init` lists them. */
export function scaffold(root: string): OutputFile[] {
  return [
    ...FROM_TEMPLATES.map(([target, template]) => ({ path: path.join(root, ...target.split('/')), data: readFileSync(path.join(TEMPLATES_DIR, 'init', template), 'utf8') })),
    ...jsonSchemaFiles(path.join(root, '.vscode')),
    // Git keeps no empty folders.
    { path: path.join(root, 'vergaderingen', '.gitkeep'), data: '' },
  ];
}
