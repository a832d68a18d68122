// The files a build writes, in order. A new output is a module in this folder and one entry here.

import type { OutputFile } from '../../model/output-file.js';
import { diwooOutput } from './diwoo.js';
import { htmlOutput } from './html.js';
import { jsonOutput } from './json.js';
import type { Output, OutputInput } from './output.js';
import { pdfOutput } from './pdf.js';

export const OUTPUTS: readonly Output[] = [pdfOutput, jsonOutput, htmlOutput, diwooOutput];

export async function makeOutputs(input: OutputInput): Promise<OutputFile[]> {
  const files: OutputFile[] = [];
  for (const output of OUTPUTS) if (output.when?.(input) ?? true) files.push({ path: output.path(input.pdfPath), data: await output.make(input) });
  return files;
}
