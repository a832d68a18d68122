// Run by ../wasm-lexer.mjs: the bench meeting's 2000 page content streams tokenized by the JavaScript
// lexer (src/pdf/fast-text/lexer.ts) and by lexer.c compiled to WebAssembly, in turns, CPU per pass;
// both must find the same operators and the same string bytes.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from '@cantoo/pdf-lib';
import { prepareTextJob } from '../../../src/pdf/fast-text/extract.js';
import { ContentLexer, Kind, Op } from '../../../src/pdf/fast-text/lexer.js';

const cpu = (): number => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const [dir, wasmFile, passesArg] = process.argv.slice(2);
const contents: Uint8Array[] = [];
for (const f of readdirSync(dir).filter((name) => name.endsWith('.pdf')).sort()) {
  const bytes = readFileSync(path.join(dir, f));
  const prepared = prepareTextJob(await PDFDocument.load(bytes, { ignoreEncryption: true, throwOnInvalidObject: false, updateMetadata: false }), bytes.length);
  if (prepared.ok) for (const page of prepared.job.pages) if (page.content) contents.push(page.content);
}
const total = contents.reduce((n, c) => n + c.length, 0);

interface Probe {
  memory: WebAssembly.Memory;
  init(): void;
  add_operator(key: number, code: number): void;
  lex(data: number, length: number, tape: number, arena: number): number;
  __heap_base: WebAssembly.Global;
}
const wasm = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasmFile)), {}).exports as unknown as Probe;
wasm.init();
for (const [i, word] of ['Tj', 'TJ', 'Tf', 'Tm', 'Td', 'BT', 'ET', 'q', 'Q', 'cm', 'Do', 'gs', 'BDC', 'EMC'].entries()) {
  const b = [...word].map((ch) => ch.charCodeAt(0));
  wasm.add_operator(word.length | (b[0] << 2) | ((b[1] ?? 0) << 10) | ((b[2] ?? 0) << 18), i + 1);
}
const largest = Math.max(...contents.map((c) => c.length));
const data = (Number(wasm.__heap_base.value) + 15) & ~15;
const tapeAt = (data + largest + 16 + 15) & ~15;
const arenaAt = (tapeAt + 12 * largest + 64 + 15) & ~15;
const needed = arenaAt + largest + 64;
if (needed > wasm.memory.buffer.byteLength) wasm.memory.grow(Math.ceil((needed - wasm.memory.buffer.byteLength) / 65536));

console.log(`${contents.length} content streams, ${(total / 1e6).toFixed(1)} MB`);
for (let pass = 1; pass <= Number(passesArg ?? 6); pass++) {
  let from = cpu();
  let wasmOps = 0;
  let wasmBytes = 0;
  const memory = new Uint8Array(wasm.memory.buffer);
  const tape = new Int32Array(wasm.memory.buffer, tapeAt);
  for (const c of contents) {
    memory.set(c, data);
    const words = wasm.lex(data, c.length, tapeAt, arenaAt);
    for (let i = 0; i < words; ) {
      const kind = tape[i];
      if (kind < 0) wasmOps++;
      else if (kind === 2) wasmBytes += tape[i + 2] - tape[i + 1];
      i += kind === 1 || kind === 2 || kind === 3 ? 3 : 1;
    }
  }
  const wasmMs = cpu() - from;
  from = cpu();
  let jsOps = 0;
  let jsBytes = 0;
  const lexer = new ContentLexer(new Uint8Array(0));
  for (const c of contents) {
    lexer.reset(c);
    for (let op = lexer.next(); op !== Op.End; op = lexer.next()) {
      jsOps++;
      const o = lexer.operands;
      for (let i = 0; i < o.length; i++) if (o.kinds[i] === Kind.String) jsBytes += o.to[i] - o.from[i];
      const it = lexer.items;
      for (let i = 0; i < it.length; i++) if (it.kinds[i] === Kind.String) jsBytes += it.to[i] - it.from[i];
    }
  }
  const jsMs = cpu() - from;
  const same = wasmOps === jsOps && wasmBytes === jsBytes ? 'the same operators and string bytes' : `DIFFERENT: ${wasmOps}/${jsOps} operators, ${wasmBytes}/${jsBytes} bytes`;
  console.log(`pass ${pass}: WebAssembly ${wasmMs.toFixed(0)} ms, JavaScript ${jsMs.toFixed(0)} ms CPU (${jsOps} operators; ${same})`);
}
