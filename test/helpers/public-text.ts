// Everything a reader of a bundle's outputs can see, as one text: file names, the JSON (also as
// parsed), HTML and XML decoded, and of each PDF its text (pdftotext and pdf.js), annotations,
// bookmarks and document information. Tests search it for what must not be published.

import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const decodeHtml = (s: string): string =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

/** Everything a reader of the public outputs can see, as text. */
export async function publicText(dir: string): Promise<string> {
  const parts: string[] = [];
  for (const name of readdirSync(dir)) {
    parts.push(name);
    const file = path.join(dir, name);
    if (name.endsWith('.json')) parts.push(JSON.stringify(JSON.parse(readFileSync(file, 'utf8'))), readFileSync(file, 'utf8'));
    if (name.endsWith('.html') || name.endsWith('.xml')) parts.push(decodeHtml(readFileSync(file, 'utf8')));
    if (name.endsWith('.pdf')) {
      parts.push(execFileSync('pdftotext', ['-q', file, '-'], { encoding: 'utf8' }));
      const doc = await getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, verbosity: 0 }).promise;
      for (let i = 1; i <= doc.numPages; i++) {
        const page = await doc.getPage(i);
        parts.push((await page.getTextContent()).items.map((t) => ('str' in t ? t.str : '')).join(''));
        parts.push(JSON.stringify(await page.getAnnotations()));
      }
      const walk = (nodes: { title: string; items: unknown[] }[] | null): void => {
        for (const n of nodes ?? []) {
          parts.push(n.title);
          walk(n.items as { title: string; items: unknown[] }[]);
        }
      };
      walk(await doc.getOutline());
      parts.push(JSON.stringify((await doc.getMetadata()).info));
      await doc.destroy();
    }
  }
  return parts.join('\n');
}

