// Counts as a secretariat reads them: "1 pagina", "2 pagina's", "1 voorstel", "4 voorstellen".
// Every count the CLI prints goes through here, so none of them can say "1 waarschuwingen".

const PLURALS: Readonly<Record<string, string>> = {
  pagina: "pagina's",
  agendapunt: 'agendapunten',
  bijlage: 'bijlagen',
  bestand: 'bestanden',
  voorstel: 'voorstellen',
  memo: "memo's",
  fout: 'fouten',
  waarschuwing: 'waarschuwingen',
  vergadering: 'vergaderingen',
  stuk: 'stukken',
  probleem: 'problemen',
};

/** `count(1, 'pagina')` → "1 pagina"; `count(2, 'pagina')` → "2 pagina's". */
export function count(n: number, word: keyof typeof PLURALS & string): string {
  return `${n} ${n === 1 ? word : PLURALS[word]}`;
}

/** A duration as a Dutch reader writes it: "4,28 s" (decimal comma). */
export function seconds(ms: number, digits = 1): string {
  return `${(ms / 1000).toFixed(digits).replace('.', ',')} s`;
}
