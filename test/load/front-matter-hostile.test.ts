// Hostile agenda-item files: front matter that would run code, blow up the parser or the process,
// pollute prototypes, or be misread; each ends in a diagnostic at the right line, or in plain data.

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/load/config.js';
import { splitFrontMatter } from '../../src/load/front-matter.js';
import { loadMeeting } from '../../src/load/meeting.js';
import { readTextFile } from '../../src/load/text-file.js';
import { parseYamlSource } from '../../src/load/yaml-source.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';
import { writeRepo } from '../helpers/repo.js';
import { CORPUS, manifest } from '../helpers/corpus.js';

const ITEM = 'vergadering: 2025-03-05\nagendapunt: "7"\nonderwerp: Vijandige invoer\nsoort: mondeling';

/** The loader's path for one item file: read, split, parse. */
async function lintFile(abs: string, name: string): Promise<{ diagnostics: Diagnostic[]; data?: Record<string, unknown> }> {
  const read = await readTextFile(abs, name);
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  const split = splitFrontMatter(read.text, name);
  if (!split.ok) return { diagnostics: [split.diagnostic] };
  const parsed = parseYamlSource(split.split.yaml, { file: name });
  return { diagnostics: parsed.diagnostics, data: parsed.data as Record<string, unknown> | undefined };
}

const lintText = (content: string | Uint8Array): ReturnType<typeof lintFile> => lintFile(path.join(writeRepo({ 'punt.md': content }), 'punt.md'), 'punt.md');

const corpus = (name: string): Buffer => readFileSync(path.join(CORPUS, 'md', name));

describe('front matter that would run code', () => {
  const marker = (name: string): string => path.join(tmpdir(), `bundel-pwned-${name}`);

  it.each([
    ['js-front-matter.md', 'js'],
    ['javascript-front-matter.md', 'javascript'],
    ['javascript-upper-front-matter.md', 'JavaScript'],
  ])('%s is refused before gray-matter sees it', async (file, name) => {
    rmSync(marker(name), { force: true });
    const { diagnostics } = await lintText(corpus(file));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'front-matter', severity: 'error', line: 1 });
    expect(existsSync(marker(name))).toBe(false);
  });

  it.each(['---coffee', '--- js ', '---JS', '\ufeff---javascript'])('%j is refused too', async (opening) => {
    rmSync(marker('variant'), { force: true });
    const { diagnostics } = await lintText(`${opening}\nrequire('fs').writeFileSync(${JSON.stringify(marker('variant'))}, 'x')\n---\n`);
    expect(diagnostics.map((d) => d.rule)).toEqual(['front-matter']);
    expect(existsSync(marker('variant'))).toBe(false);
  });

  it('a whole meeting with such a file loads without running it', async () => {
    rmSync(marker('js'), { force: true });
    const root = writeRepo({
      'vergaderingen/2025-03-05/vergadering.yaml': 'orgaan: AB\ndatum: 2025-03-05\n',
      'vergaderingen/2025-03-05/01.md': corpus('js-front-matter.md'),
    });
    const { config } = await loadConfig(root);
    const { meeting } = await loadMeeting(config, path.join(root, 'vergaderingen/2025-03-05'));
    expect(meeting.loadDiagnostics.map((d) => d.rule)).toContain('front-matter');
    expect(existsSync(marker('js'))).toBe(false);
  });
});

describe('front matter that would exhaust the parser or the process', () => {
  it('duplicate keys: an error at the second key', async () => {
    const { diagnostics } = await lintText(corpus('duplicate-keys.md'));
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'yaml-syntax', line: 6 })]);
  });

  it('billion laughs: refused quickly', async () => {
    const t = performance.now();
    const { diagnostics } = await lintText(corpus('alias-bomb.md'));
    expect(diagnostics.map((d) => d.rule)).toEqual(['yaml-syntax']);
    expect(diagnostics[0].message).toMatch(/alias/);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it.each(['deep-block.md', 'deep-flow.md', 'deep-flow-unclosed.md', 'deep-block-mappings.md', 'deep-flow-after-apostrophe.md', 'deep-flow-after-hash.md'])('%s: refused before parsing, the process lives', async (file) => {
    const { diagnostics } = await lintText(corpus(file));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ rule: 'yaml-syntax', severity: 'error' });
    expect(diagnostics[0].message).toMatch(/niveaus diep|KiB/);
  });

  it('deep indentation inside a block scalar is text, not nesting', async () => {
    expect((await lintText(corpus('block-scalar-indented.md'))).diagnostics).toEqual([]);
  });

  it('the depth error points at the line where the nesting is', async () => {
    const { diagnostics } = await lintText(corpus('deep-flow-after-apostrophe.md'));
    expect(diagnostics[0]).toMatchObject({ line: 7 });
  });

  it('huge front matter: refused by size', async () => {
    const { diagnostics } = await lintText(corpus('huge-front-matter.md'));
    expect(diagnostics[0].message).toMatch(/KiB/);
  });

  it('deep nesting hidden in a long quoted string is no nesting', async () => {
    const { diagnostics } = await lintText(`---\n${ITEM}\ntekst: "${'['.repeat(5000)}"\n---\n`);
    expect(diagnostics).toEqual([]);
  });
});

describe('front matter that would be misread', () => {
  it('__proto__ and constructor are plain keys; no prototype is polluted', async () => {
    const { diagnostics, data } = await lintText(corpus('proto-keys.md'));
    expect(diagnostics).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(data, '__proto__')).toBe(true);
    expect((data!.__proto__ as Record<string, unknown>).polluted).toBe('ja');
    expect(Object.getPrototypeOf(data)).toBeNull();
  });

  it('YAML 1.1 values stay as YAML 1.2 reads them', async () => {
    const { diagnostics, data } = await lintText(corpus('yaml11-values.md'));
    expect(diagnostics).toEqual([]);
    expect(data).toMatchObject({ onderwerp: 'no', tijd: '1:30', datum: '2025-03-05', vertrouwelijk: 'off', agendapunt: 10 });
  });

  it('Latin-1 text: an error naming the line of the first bad byte', async () => {
    const { diagnostics } = await lintText(corpus('latin1.md'));
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'bestand-leesbaar', line: 6 })]);
  });

  it('binary garbage: an error, no crash', async () => {
    const { diagnostics } = await lintText(corpus('binary.md'));
    expect(diagnostics.map((d) => d.rule)).toEqual(['bestand-leesbaar']);
  });

  it('a BOM is dropped and does not shift lines or columns', async () => {
    const bom = await lintText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`---\n${ITEM}\nsoort: stukken\n---\n`)]));
    expect(bom.diagnostics).toEqual([expect.objectContaining({ line: 6, column: 1 })]);
    expect((await lintText(corpus('bom.md'))).diagnostics).toEqual([]);
  });

  it('CRLF line ends: the same line numbers as LF', async () => {
    const { diagnostics } = await lintText(corpus('crlf.md'));
    expect(diagnostics).toEqual([expect.objectContaining({ rule: 'yaml-syntax', line: 6, column: 1 })]);
  });

  it('collections as keys and odd directives print nothing on the terminal', async () => {
    const warn = vi.spyOn(process, 'emitWarning');
    const { diagnostics } = await lintText(`---\n${ITEM}\n? [a, b]\n: c\n{ x: 1 }: y\n---\n`);
    expect(diagnostics).toEqual([]);
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });

  it('a missing closing line is an error', async () => {
    const { diagnostics } = await lintText(corpus('no-closing.md'));
    expect(diagnostics.map((d) => d.rule)).toEqual(['front-matter']);
  });
});

describe('the item files of the corpus', () => {
  const items = manifest.filter((e) => e.file.startsWith('md/'));
  it.each(items.map((e) => [e.file, e] as const))('%s', async (_name, entry) => {
    const { diagnostics } = await lintFile(path.join(CORPUS, entry.file), entry.file);
    if (entry.expect === 'ok') expect(diagnostics).toEqual([]);
    else expect(diagnostics.map((d) => d.rule)).toContain(entry.code);
  });
});
