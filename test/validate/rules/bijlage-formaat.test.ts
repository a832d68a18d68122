import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ruleTester, md, VOORSTEL } from '../helpers.js';
import { bijlageFormaat } from '../../../src/validate/rules/bijlage-formaat.js';
import { ole2File } from '../../helpers/office-files.js';

const BIJLAGEN = path.resolve(import.meta.dirname, '../../../fixtures/office/vergaderingen/2025-06-11/bijlagen');
const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(path.join(BIJLAGEN, name)));
const withBijlage = (bestand: string) => md(`${VOORSTEL}bijlagen:\n  - titel: Stuk\n    bestand: ${bestand}\n`);
// bestand's value starts on line 10, column 14.
const AT = { line: 10, column: 14 };

ruleTester(bijlageFormaat, {
  valid: [
    { name: 'a real .docx', files: { 'a.md': withBijlage('notitie.docx'), 'notitie.docx': fixture('notitie.docx') } },
    { name: 'a real .tif', files: { 'a.md': withBijlage('scan.tif'), 'scan.tif': fixture('scan.tif') } },
    { name: 'a real .jpg, upper-case extension', files: { 'a.md': withBijlage('foto.JPG'), 'foto.JPG': fixture('foto.jpg') } },
  ],
  invalid: [
    {
      name: 'an Excel file named .docx',
      files: { 'a.md': withBijlage('notitie.docx'), 'notitie.docx': fixture('begroting.xlsx') },
      errors: [{ ...AT, message: 'Het bestand `notitie.docx` heeft de extensie `.docx`, maar is een Excel-bestand (.xlsx).' }],
    },
    {
      name: 'a web page named .xlsx',
      files: { 'a.md': withBijlage('begroting.xlsx'), 'begroting.xlsx': '<html><body>404</body></html>' },
      errors: [{ ...AT, message: 'maar is een webpagina (HTML)' }],
    },
    {
      name: 'a password-protected .pptx',
      files: { 'a.md': withBijlage('dia.pptx'), 'dia.pptx': ole2File(['EncryptionInfo', 'EncryptedPackage']) },
      errors: [{ ...AT, message: 'Het bestand `dia.pptx` is een PowerPoint-bestand dat met een wachtwoord is beveiligd' }],
    },
    {
      name: 'a TIFF cut short',
      files: { 'a.md': withBijlage('scan.tif'), 'scan.tif': fixture('scan.tif').subarray(0, 300) },
      errors: [{ ...AT, message: 'De afbeelding `scan.tif` kan niet worden gelezen als TIFF-afbeelding' }],
    },
  ],
});
