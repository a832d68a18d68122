// Tests that convert Office files need a real LibreOffice. They fail, loudly and with the reason,
// when it is missing: a skipped conversion test would hide a broken install (CI installs it).

import { findSoffice } from '../../src/convert/soffice.js';

export function requireSoffice(): string {
  const found = findSoffice(process.env);
  if (!found.ok) {
    throw new Error(
      'This test needs LibreOffice, and `soffice` was not found' +
        (found.configured ? ` (BUNDEL_SOFFICE points at ${found.configured}, which does not exist)` : ' on PATH') +
        '. Install it: `apt-get install libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-impress-nogui` ' +
        '(bash .ci/run does this), or set BUNDEL_SOFFICE to the soffice binary.',
    );
  }
  return found.path;
}
