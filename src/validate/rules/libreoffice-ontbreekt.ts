// libreoffice-ontbreekt: reports the loader's findings with code(s) mapped to this rule in SOURCE_PROBLEM_RULES
// (src/convert/problems.ts); see docs/rules/libreoffice-ontbreekt.md.

import { sourceProblemRule } from './attachment-problem.js';

export const libreofficeOntbreekt = sourceProblemRule(
  'libreoffice-ontbreekt',
  'Een Office-bijlage (Word, Excel, PowerPoint, OpenDocument, RTF) kan worden omgezet: LibreOffice is geïnstalleerd.',
);
