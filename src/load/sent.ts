// Read the versions sent so far: `verzonden/1.json`, `2.json` … in the meeting folder, oldest first.
// A file that is not such a version is reported (the build and lint then stop) rather than skipped:
// comparing against the wrong version would send the wrong documents.

import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../model/diagnostic.js';
import { LOAD_DIAGNOSTICS } from '../model/diagnostic-ids.js';
import type { BundelConfig } from '../model/meeting.js';
import { SENT_FOLDER, sentVersionSchema, type SentVersion } from '../model/sent.js';
import { toPosix } from '../util/paths.js';
import { readRepoFile } from './repo-file.js';

const MAX_VERSION_BYTES = 16 * 1024 * 1024;
const VERSION_FILE = /^([1-9]\d{0,3})\.json$/;

export async function readSentVersions(config: BundelConfig, dir: string, diagnostics: Diagnostic[]): Promise<SentVersion[]> {
  const folder = path.join(dir, SENT_FOLDER);
  const names = await readdir(folder).catch(() => [] as string[]);
  const relFolder = toPosix(path.relative(config.root, folder));
  const report = (name: string, message: string, hint: string): void => {
    diagnostics.push({ file: `${relFolder}/${name}`, rule: LOAD_DIAGNOSTICS.verzondenVersie.id, severity: 'error', message, hint });
  };
  const found: { n: number; name: string }[] = [];
  for (const name of names.sort()) {
    const m = VERSION_FILE.exec(name);
    if (m) found.push({ n: Number(m[1]), name });
    else if (name.endsWith('.json')) report(name, `\`${name}\` is geen naam van een verzonden versie.`, 'De versies heten `1.json`, `2.json` …; ze worden gemaakt door `bundel verzonden`.');
  }
  found.sort((a, b) => a.n - b.n);
  const versions: SentVersion[] = [];
  for (const [i, { n, name }] of found.entries()) {
    if (n !== i + 1) {
      report(name, `Versie ${n} volgt niet op versie ${i}: de versies lopen op vanaf 1 zonder gat.`, 'Zet het ontbrekende bestand terug uit git (`git checkout -- verzonden/`), of hernoem de versies.');
      break;
    }
    const read = await readRepoFile(path.join(folder, name), config.root, MAX_VERSION_BYTES, 'een verzonden versie is hoogstens 16 MiB');
    if (!read.ok) {
      report(name, read.message, read.hint);
      break;
    }
    let data: unknown;
    try {
      data = JSON.parse(read.bytes.toString('utf8'));
    } catch (err) {
      report(name, `Dit is geen geldige JSON: ${(err as Error).message}.`, 'Zet het bestand terug uit git; `bundel verzonden` schrijft het, met de hand bewerken is niet nodig.');
      break;
    }
    const parsed = sentVersionSchema.safeParse(data);
    if (!parsed.success || parsed.data.versie !== n) {
      const where = parsed.success ? `\`versie\` is ${parsed.data.versie}` : parsed.error.issues.slice(0, 3).map((issue) => `\`${issue.path.join('.') || '(bestand)'}\`: ${issue.message}`).join('; ');
      report(name, `Dit is geen verzonden versie van bundel (${where}).`, 'Zet het bestand terug uit git; `bundel verzonden` schrijft het, met de hand bewerken is niet nodig.');
      break;
    }
    versions.push(parsed.data);
  }
  return versions;
}
