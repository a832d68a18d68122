import { describe, expect, it } from 'vitest';
import { formatDiagnostics } from '../../src/cli/format/index.js';
import { escapeData, escapeProperty } from '../../src/cli/format/github.js';
import type { Diagnostic } from '../../src/model/diagnostic.js';

const diagnostics: Diagnostic[] = [
  { file: 'vergaderingen/2025-03-05/02-lobby.md', line: 8, column: 1, endLine: 8, endColumn: 18, rule: 'schema', severity: 'error', message: 'Onbekend veld `portefeuilehouder`.', hint: 'Bedoelde u `portefeuillehouder`?' },
  { file: 'vergaderingen/2025-03-05/02-lobby.md', line: 12, column: 29, rule: 'bijlage-verwijzing', severity: 'error', message: 'De tekst verwijst naar bijlage 3, maar dit agendapunt heeft 2 bijlagen.' },
  { file: 'vergaderingen/2025-03-05/vergadering.yaml', rule: 'vergadering-bestand', severity: 'warning', message: 'Waarschuwing, 100%: a,b:c\nregel 2' },
];

describe('stylish', () => {
  it('groups per file, aligns columns, puts the hint below and sums up in Dutch', () => {
    const out = formatDiagnostics(diagnostics, 'stylish', { color: false });
    expect(out).toBe(
      [
        '',
        'vergaderingen/2025-03-05/02-lobby.md',
        '  8:1    fout  Onbekend veld `portefeuilehouder`.                                       schema',
        '               Bedoelde u `portefeuillehouder`?',
        '  12:29  fout  De tekst verwijst naar bijlage 3, maar dit agendapunt heeft 2 bijlagen.  bijlage-verwijzing',
        '',
        'vergaderingen/2025-03-05/vergadering.yaml',
        '    waarschuwing  Waarschuwing, 100%: a,b:c  vergadering-bestand',
        '                  regel 2',
        '',
        '✖ 3 problemen (2 fouten, 1 waarschuwing)',
        '',
      ].join('\n'),
    );
  });

  it('singular forms', () => {
    expect(formatDiagnostics([diagnostics[0]], 'stylish', { color: false })).toContain('✖ 1 probleem (1 fout, 0 waarschuwingen)');
  });

  it('colours only when asked', () => {
    expect(formatDiagnostics(diagnostics, 'stylish', { color: false })).not.toMatch(/\u001b\[/);
    expect(formatDiagnostics(diagnostics, 'stylish', { color: true })).toMatch(/\u001b\[31mfout/);
  });

  it('prints nothing when there is nothing', () => {
    expect(formatDiagnostics([], 'stylish', { color: true })).toBe('');
  });
});

describe('json', () => {
  it('an array with every field, null when unknown', () => {
    const parsed = JSON.parse(formatDiagnostics(diagnostics, 'json', { color: true }));
    expect(parsed[0]).toEqual({ file: 'vergaderingen/2025-03-05/02-lobby.md', line: 8, column: 1, endLine: 8, endColumn: 18, rule: 'schema', severity: 'error', message: 'Onbekend veld `portefeuilehouder`.', hint: 'Bedoelde u `portefeuillehouder`?' });
    expect(parsed[2]).toMatchObject({ line: null, column: null, hint: null });
    expect(JSON.parse(formatDiagnostics([], 'json'))).toEqual([]);
  });
});

describe('github', () => {
  it('one workflow command per diagnostic, hint on a second line', () => {
    const lines = formatDiagnostics(diagnostics, 'github').trimEnd().split('\n');
    expect(lines).toEqual([
      '::error file=vergaderingen/2025-03-05/02-lobby.md,line=8,col=1,endLine=8,endColumn=18,title=schema::Onbekend veld `portefeuilehouder`.%0ABedoelde u `portefeuillehouder`?',
      '::error file=vergaderingen/2025-03-05/02-lobby.md,line=12,col=29,title=bijlage-verwijzing::De tekst verwijst naar bijlage 3, maar dit agendapunt heeft 2 bijlagen.',
      '::warning file=vergaderingen/2025-03-05/vergadering.yaml,title=vergadering-bestand::Waarschuwing, 100%25: a,b:c%0Aregel 2',
    ]);
  });

  it('escapes data and properties like the Actions toolkit', () => {
    expect(escapeData('50% \r\n')).toBe('50%25 %0D%0A');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    expect(formatDiagnostics([{ file: 'map, met:komma.md', rule: 'schema', severity: 'error', message: 'x' }], 'github')).toBe('::error file=map%2C met%3Akomma.md,title=schema::x\n');
  });
});
