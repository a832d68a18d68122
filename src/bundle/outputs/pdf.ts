// The bundle itself.

import type { Output } from './output.js';

export const pdfOutput: Output = {
  path: (pdfPath) => pdfPath,
  // objectsPerTick: pdf-lib otherwise yields with setTimeout every 50 objects (about 0.4 s per 2000 pages).
  make: ({ doc }) => doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: Infinity }),
};
