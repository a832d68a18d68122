// bijlage-niet-toegankelijk: an attachment without tags (no structure tree). The bundle takes its
// pages as they are, as one element in its structure; a screen reader gets its text without
// headings, lists or tables, and a scan without text recognition gets nothing at all.

import { at, eachFileOnce, type Rule } from '../rule.js';

export const bijlageNietToegankelijk: Rule = {
  id: 'bijlage-niet-toegankelijk',
  description: 'Een meegezonden bijlage is een toegankelijke PDF (met tags).',
  severity: 'warning',
  check(context) {
    for (const { item, bijlage } of eachFileOnce(context.meeting)) {
      const facts = bijlage.facts;
      if (!facts || facts.problem || facts.pathProblem || facts.pageCount === undefined || facts.tagged !== false) continue;
      const pages = facts.pageCount === 1 ? '1 pagina' : `${facts.pageCount} pagina's`;
      context.report({
        file: item.file,
        range: at(item.positions, `bijlagen.${bijlage.nummer - 1}.bestand`),
        message: `Bijlage ${bijlage.nummer} (\`${bijlage.bestand}\`, ${pages}) is niet toegankelijk: de PDF heeft geen tags. Een schermlezer leest de tekst zonder koppen, lijsten en tabellen; een scan zonder tekstherkenning blijft onleesbaar.`,
        hint: 'Vraag de afzender om een toegankelijke PDF (in Word: Opslaan als PDF met "Labels voor documentstructuur voor toegankelijkheid"); laat een scan eerst door tekstherkenning (OCR) gaan.',
      });
    }
  },
};
