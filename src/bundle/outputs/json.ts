// The machine-readable index beside the bundle (format `bundel-index/1`, see docs/format.md).

import type { Output } from './output.js';
import { besidePdf } from './output.js';

export const jsonOutput: Output = {
  path: (pdfPath) => besidePdf(pdfPath, 'json'),
  make: ({ index }) => `${JSON.stringify(index, null, 2)}\n`,
};
