// The bundle itself.

import { saveBundle } from '../../assemble/raw-write.js';
import type { Output } from './output.js';

export const pdfOutput: Output = {
  path: (pdfPath) => pdfPath,
  // pdf-lib's save (objectsPerTick: Infinity), with the raw-copied attachment objects written in between.
  make: ({ doc }) => saveBundle(doc),
};
