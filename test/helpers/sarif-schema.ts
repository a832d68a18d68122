// The OASIS SARIF 2.1.0 schema (draft-04, vendored in test/vendor/sarif) as a validator.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';

const schema = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../vendor/sarif/sarif-schema-2.1.0.json'), 'utf8')) as object;
// CommonJS modules: their default export sits on `.default` under NodeNext.
const ajv = new AjvDraft04.default({ allErrors: true, strict: false });
ajvFormats.default(ajv);

/** True when `log` is a valid SARIF 2.1.0 log; else `validateSarif.errors` says why. */
export const validateSarif = ajv.compile(schema);
