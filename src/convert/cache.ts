// The conversion cache: converted PDFs stored under the sha256 of (source sha256, converter), so a
// rebuild converts only files that changed, and a new LibreOffice converts everything again.
// Entries are written atomically (temporary name, then rename); a damaged or missing entry is a miss.
// The folder carries its own `.gitignore` (`*`), so it never ends up in the repository.

import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const DEFAULT_CACHE_DIR = '.bundel-cache';

export function cacheKey(sourceSha256: string, converter: string): string {
  return createHash('sha256').update(`bundel-omzetting/1\n${sourceSha256}\n${converter}\n`).digest('hex');
}

export class ConversionCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.pdf`);
  }

  /** The cached PDF, or undefined. A cached entry must still look like a PDF. */
  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const bytes = new Uint8Array(await readFile(this.file(key)));
      return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-' ? bytes : undefined;
    } catch {
      return undefined;
    }
  }

  /** Store; failing to write the cache (read-only checkout, full disk) never fails a build. */
  async put(key: string, pdf: Uint8Array): Promise<boolean> {
    const target = this.file(key);
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(path.join(this.dir, '.gitignore'), '# Made by bundel: converted attachments, safe to delete.\n*\n', { flag: 'wx' }).catch(() => {});
      await writeFile(temp, pdf);
      await rename(temp, target);
      return true;
    } catch {
      await rm(temp, { force: true }).catch(() => {});
      return false;
    }
  }
}
