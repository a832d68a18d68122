// libreoffice-ontbreekt: reports the loader's findings with code(s) mapped to this rule in SOURCE_PROBLEM_RULES
// (src/convert/problems.ts); see docs/rules/libreoffice-ontbreekt.md.

import { SOURCE_PROBLEM_RULES } from '../../convert/index.js';
import type { Rule } from '../rule.js';
import { reportFileProblems } from './attachment-problem.js';

export const libreofficeOntbreekt: Rule = {
  id: 'libreoffice-ontbreekt',
  description: 'Een Office-bijlage (Word, Excel, PowerPoint, OpenDocument, RTF) kan worden omgezet: LibreOffice is geïnstalleerd.',
  severity: 'error',
  check(context) {
    reportFileProblems(context, (code) => (SOURCE_PROBLEM_RULES as Record<string, string>)[code] === 'libreoffice-ontbreekt');
  },
};
