// A `bestand` from front matter may only name a file inside the meeting folder, exactly as it is
// spelled on disk: no `..`, absolute, drive-letter or network paths, no symlinks out, no case that
// only works on macOS or Windows.

import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPathSyntax, resolveAttachment } from '../../src/load/attachment-path.js';
import { writeRepo } from '../helpers/repo.js';
import { tempDir } from '../helpers/temp.js';

function meeting(): { root: string; dir: string; outside: string } {
  const root = writeRepo({
    'vergaderingen/2025-03-05/vergadering.yaml': 'orgaan: AB\n',
    'vergaderingen/2025-03-05/bijlagen/brief.pdf': '%PDF-1.7\n',
    'vergaderingen/2025-03-05/bijlagen/Notitie Café.pdf': '%PDF-1.7\n',
    'vergaderingen/2025-03-05/bijlagen/sub/diep.pdf': '%PDF-1.7\n',
    'vergaderingen/geheim.pdf': '%PDF-1.7\n',
  });
  const outside = tempDir();
  writeFileSync(path.join(outside, 'passwd.pdf'), '%PDF-1.7\n');
  return { root, dir: path.join(root, 'vergaderingen/2025-03-05'), outside };
}

const resolve = async (bestand: string, setup?: (m: ReturnType<typeof meeting>) => void) => {
  const m = meeting();
  setup?.(m);
  return { m, result: await resolveAttachment(m.dir, m.dir, bestand) };
};

describe('paths refused before the file system is touched', () => {
  it.each([
    ['../geheim.pdf', 'pad-buiten-map'],
    ['bijlagen/../../geheim.pdf', 'pad-buiten-map'],
    ['./../geheim.pdf', 'pad-buiten-map'],
    ['bijlagen/../../../../../../etc/passwd', 'pad-buiten-map'],
    ['/etc/passwd', 'pad-buiten-map'],
    ['C:\\Windows\\win.ini', 'pad-buiten-map'],
    ['C:/Windows/win.ini', 'pad-buiten-map'],
    ['c:brief.pdf', 'pad-buiten-map'],
    ['\\\\server\\share\\brief.pdf', 'pad-buiten-map'],
    ['//server/share/brief.pdf', 'pad-buiten-map'],
    ['bijlagen\\brief.pdf', 'pad-ongeldig'],
    ['bijlagen/brief.pdf\0.txt', 'pad-ongeldig'],
    ['', 'pad-leeg'],
    ['   ', 'pad-leeg'],
    ['.', 'pad-buiten-map'],
  ])('%j -> %s', async (bestand, code) => {
    const { result } = await resolve(bestand);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problem.code).toBe(code);
      expect(result.problem.message).not.toMatch(/!|^Fout/);
      expect(result.problem.hint).toBeTruthy();
    }
  });

  it('syntax checks name the path in backticks', () => {
    expect(checkPathSyntax('/etc/passwd')?.message).toContain('`/etc/passwd`');
  });
});

describe('paths resolved on disk', () => {
  it('a plain relative path inside the folder is fine, also through `..` that stays inside', async () => {
    for (const bestand of ['bijlagen/brief.pdf', './bijlagen/brief.pdf', 'bijlagen/sub/../brief.pdf', 'bijlagen/sub/diep.pdf']) {
      const { m, result } = await resolve(bestand);
      expect(result, bestand).toMatchObject({ ok: true });
      if (result.ok) expect(result.absPath.startsWith(m.root) || result.absPath.includes('bundel-test-')).toBe(true);
    }
  });

  it('wrong case is an error with the right spelling in the hint', async () => {
    const { result } = await resolve('Bijlagen/Brief.pdf');
    expect(result).toMatchObject({ ok: false, problem: { code: 'bestand-hoofdletters' } });
    if (!result.ok) expect(result.problem.hint).toContain('`bijlagen/Brief.pdf`');
  });

  it('a missing file suggests the nearest name', async () => {
    const { result } = await resolve('bijlagen/brieff.pdf');
    expect(result).toMatchObject({ ok: false, exists: false, problem: { code: 'bestand-ontbreekt' } });
    if (!result.ok) expect(result.problem.hint).toContain('bijlagen/brief.pdf');
  });

  it('a name that merely starts with two dots stays inside', async () => {
    const { result } = await resolve('..notities/stuk.pdf', (m) => {
      mkdirSync(path.join(m.dir, '..notities'));
      writeFileSync(path.join(m.dir, '..notities/stuk.pdf'), '%PDF-1.7\n');
    });
    expect(result).toMatchObject({ ok: true });
  });

  it('a folder is not a file', async () => {
    const { result } = await resolve('bijlagen/sub');
    expect(result).toMatchObject({ ok: false, problem: { code: 'bestand-geen-bestand' } });
  });

  it('a name typed in another Unicode form (é as e + accent, as macOS writes it) still finds the file', async () => {
    const { result } = await resolve('bijlagen/Notitie Cafe\u0301.pdf');
    expect(result).toMatchObject({ ok: true });
  });
});

describe('symlinks', () => {
  it('a symlink to a file outside the folder is refused', async () => {
    const { result } = await resolve('bijlagen/link.pdf', (m) => symlinkSync(path.join(m.outside, 'passwd.pdf'), path.join(m.dir, 'bijlagen/link.pdf')));
    expect(result).toMatchObject({ ok: false, exists: true, problem: { code: 'pad-buiten-map' } });
  });

  it('a symlinked folder that leads outside is refused', async () => {
    const { result } = await resolve('extern/passwd.pdf', (m) => symlinkSync(m.outside, path.join(m.dir, 'extern')));
    expect(result).toMatchObject({ ok: false, problem: { code: 'pad-buiten-map' } });
  });

  it('a symlink to the parent folder is refused', async () => {
    const { result } = await resolve('omhoog/geheim.pdf', (m) => symlinkSync('..', path.join(m.dir, 'omhoog')));
    expect(result).toMatchObject({ ok: false, problem: { code: 'pad-buiten-map' } });
  });

  it('a symlink that stays inside is fine', async () => {
    const { result } = await resolve('bijlagen/alias.pdf', (m) => symlinkSync('brief.pdf', path.join(m.dir, 'bijlagen/alias.pdf')));
    expect(result).toMatchObject({ ok: true });
  });

  it('a broken symlink says so', async () => {
    const { result } = await resolve('bijlagen/weg.pdf', (m) => symlinkSync('bestaat-niet.pdf', path.join(m.dir, 'bijlagen/weg.pdf')));
    expect(result).toMatchObject({ ok: false, problem: { code: 'bestand-ontbreekt' } });
  });

  it('a meeting folder reached through a symlink works as usual', async () => {
    const m = meeting();
    const via = path.join(tempDir(), 'vergadering');
    symlinkSync(m.dir, via);
    expect(await resolveAttachment(via, via, 'bijlagen/brief.pdf')).toMatchObject({ ok: true });
  });
});
