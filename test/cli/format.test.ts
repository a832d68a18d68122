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
        '    waarschuwing  Waarschuwing, 100%: a,b:c\\nregel 2  vergadering-bestand',
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
      '::warning file=vergaderingen/2025-03-05/vergadering.yaml,title=vergadering-bestand::Waarschuwing, 100%25: a,b:c\\nregel 2',
    ]);
  });

  it('escapes data and properties like the Actions toolkit', () => {
    expect(escapeData('50% \r\n')).toBe('50%25 %0D%0A');
    expect(escapeProperty('a,b:c%\n')).toBe('a%2Cb%3Ac%25%0A');
    expect(formatDiagnostics([{ file: 'map, met:komma.md', rule: 'schema', severity: 'error', message: 'x' }], 'github')).toBe('::error file=map%2C met%3Akomma.md,title=schema::x\n');
  });
});

// Issue 10 (9): a value is printed, never obeyed, in every format.
describe('hostile values in every format', () => {
  const ESC = '\u001b';
  const hostile: Diagnostic[] = [
    {
      file: 'vergaderingen/2025-03-05/::add-mask::x.md',
      line: 2,
      column: 1,
      rule: 'schema',
      severity: 'error',
      message: `Onbekend veld \`a\n::error file=nep.md,line=1::neppe melding\r\n::stop-commands::kaping\`.`,
      hint: `Bedoelde u \`${ESC}]0;titel\u0007${ESC}[2J\u009b31m\u202e\`?\n  ##[error]ook niet`,
    },
    { file: '::warning::bestand.md', rule: 'bestand-leesbaar', severity: 'warning', message: 'Tab\there, 50%, a:b, c,d.', hint: '\u2028::set-output name=x::y' },
  ];
  /** A line the Actions runner reads as a command (it trims leading white space first). */
  const isCommand = (line: string): boolean => /^(::|##\[)/.test(line.trimStart());

  it('stylish: one line per value, no control characters, no workflow command', () => {
    const out = formatDiagnostics(hostile, 'stylish', { color: false });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    expect(out.split('\n').filter(isCommand)).toEqual([]);
    expect(out).toContain('Onbekend veld `a\\n::error file=nep.md,line=1::neppe melding\\r\\n::stop-commands::kaping`.');
    expect(out).toContain('\\u001b]0;titel\\u0007\\u001b[2J\\u009b31m\\u202e');
    expect(out).toContain('\\::warning::bestand.md');
    // With colours only the formatter's own escape sequences are there.
    const coloured = formatDiagnostics(hostile, 'stylish', { color: true });
    expect(coloured.replace(/\u001b\[\d+m/g, '')).toBe(out);
  });

  it('github: exactly one command per diagnostic, values escaped', () => {
    const out = formatDiagnostics(hostile, 'github');
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.filter(isCommand)).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=vergaderingen\/2025-03-05\/%3A%3Aadd-mask%3A%3Ax\.md,line=2,col=1,title=schema::Onbekend/);
    expect(lines[1]).toMatch(/^::warning file=%3A%3Awarning%3A%3Abestand\.md,title=bestand-leesbaar::Tab\\there, 50%25, a:b, c,d\.%0A\\u2028::set-output/);
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
  });

  it('json: the exact values, with nothing raw that a terminal obeys', () => {
    const out = formatDiagnostics(hostile, 'json');
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    const parsed = JSON.parse(out) as { message: string; hint: string }[];
    expect(parsed[0].message).toBe(hostile[0].message);
    expect(parsed[0].hint).toBe(hostile[0].hint);
    expect(out.split('\n').filter(isCommand)).toEqual([]);
  });
});
