// What `bundel init` puts into a repository of meetings: bundel.yaml, the meetings folder, a
// .gitignore for built bundles, editor settings with the JSON Schemas, the GitHub workflow and the
// pre-commit configuration. The texts live in templates/init/; the schemas come from the zod source.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { TEMPLATES_DIR } from '../util/paths.js';
import { jsonSchemas } from '../validate/schema.js';

export interface ScaffoldFile {
  /** Relative to the new repository, forward slashes. */
  path: string;
  content: string;
}

const FROM_TEMPLATES: readonly (readonly [target: string, template: string])[] = [
  ['bundel.yaml', 'bundel.yaml'],
  // npm leaves files named .gitignore out of a package: the template is stored without the dot.
  ['.gitignore', 'gitignore'],
  ['.vscode/settings.json', 'vscode-settings.json'],
  ['.vscode/extensions.json', 'vscode-extensions.json'],
  ['.github/workflows/bundel.yml', 'workflow.yml'],
  ['.pre-commit-config.yaml', 'pre-commit-config.yaml'],
];

/** `<name>.schema.json` for each schema, as `bundel schema --out` and `bundel init` write them. */
export function schemaFiles(): ScaffoldFile[] {
  return Object.entries(jsonSchemas()).map(([name, schema]) => ({ path: `${name}.schema.json`, content: `${JSON.stringify(schema, null, 2)}\n` }));
}

export function scaffold(): ScaffoldFile[] {
  return [
    ...FROM_TEMPLATES.map(([target, template]) => ({ path: target, content: readFileSync(path.join(TEMPLATES_DIR, 'init', template), 'utf8') })),
    ...schemaFiles().map((f) => ({ ...f, path: `.vscode/${f.path}` })),
    // Git keeps no empty folders.
    { path: 'vergaderingen/.gitkeep', content: '' },
  ];
}
