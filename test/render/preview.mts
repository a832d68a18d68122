// Renders the sample documents to /tmp/render-preview (PDF + PNG) for looking at them by eye:
//   [LOGO=/abs/logo.svg] [DPI=70] npx vite-node test/render/preview.mts [folder]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRenderer } from '../../src/render/index.js';
import { completeAgenda, evaluatieMemo, lobbyMemo, longAgenda, seedAgenda, withheldBijlage } from './samples.js';

const out = process.argv[2] ?? '/tmp/render-preview';
mkdirSync(out, { recursive: true });
const t0 = performance.now();
const renderer = await createRenderer({ creationDate: new Date('2025-03-05T00:00:00Z') });
const t1 = performance.now();
const logo = process.env.LOGO;
const docs = {
  agenda: renderer.renderAgenda({ ...seedAgenda(), logo }),
  'agenda-compleet': renderer.renderAgenda({ ...completeAgenda(), logo }),
  'memo-lobby': renderer.renderMemo({ ...lobbyMemo(), logo }),
  'memo-evaluatie': renderer.renderMemo(evaluatieMemo()),
  withheld: renderer.renderWithheld(withheldBijlage()),
  'agenda-60': renderer.renderAgenda(longAgenda(60)),
};
const t2 = performance.now();
console.log(`create ${(t1 - t0).toFixed(0)} ms, six documents ${(t2 - t1).toFixed(0)} ms`);
for (const [name, doc] of Object.entries(docs)) {
  writeFileSync(`${out}/${name}.pdf`, doc.pdf);
  execFileSync('pdftoppm', ['-png', '-r', process.env.DPI ?? '70', `${out}/${name}.pdf`, `${out}/${name}`]);
  console.log(name, doc.pageCount, 'pages', doc.missingGlyphs ?? '');
}
