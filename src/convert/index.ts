// Bijlagen that are not PDFs: the checks lint makes (content matches the extension, not encrypted,
// LibreOffice present, image not a bomb) and the conversion build makes (Office through the cache
// and LibreOffice, images through pdf-lib). Problems come back as values, never as exceptions.

import { availableParallelism } from 'node:os';
import type { PdfProblem } from '../model/pdf-facts.js';
import { cacheKey, ConversionCache } from './cache.js';
import { identify, type SourceFormat } from './formats.js';
import { ImageError, imageToPdf } from './image.js';
import { imageInfo, tooLarge } from './image-info.js';
import { sourceProblem } from './problems.js';
import { ConversionError, convertWithSoffice, findSoffice, sofficeVersion, timeoutSeconds } from './soffice.js';

export { formatOf, SOURCE_FORMATS, type SourceFormat } from './formats.js';
export { isSourceProblem, SOURCE_PROBLEM_RULES } from './problems.js';
export { DEFAULT_CACHE_DIR } from './cache.js';

/** Bumped when bundel converts differently (other options, other profile, other page layout): old cache entries then miss. */
const OFFICE_RECIPE = 'soffice --convert-to pdf, bundel-profiel/2 (UseTaggedPDF)';
export const IMAGE_CONVERTER = 'bundel afbeelding-naar-pdf/1';

/** What lint can say without converting; `typedExt` is the extension as written (`JPG`, `tif`). */
export function checkSource(bytes: Uint8Array, format: SourceFormat, typedExt: string, env: NodeJS.ProcessEnv): PdfProblem | undefined {
  const found = identify(bytes);
  if (found.encrypted && format.kind === 'office' && (found.ext === undefined || found.ext === format.ext)) return sourceProblem.encrypted(format);
  if (found.ext !== format.ext) return sourceProblem.mismatch(typedExt.toLowerCase(), found.label);
  if (format.kind === 'image') {
    const info = imageInfo(bytes, format.ext);
    if (!info.ok) return sourceProblem.imageUnreadable(format, info.detail);
    const large = tooLarge(info.frames);
    return large ? sourceProblem.imageTooLarge(large) : undefined;
  }
  const soffice = findSoffice(env);
  return soffice.ok ? undefined : sourceProblem.noLibreOffice(format, soffice.configured);
}

export interface ConversionEvent {
  /** Relative path of the source file. */
  file: string;
  converter: string;
  cached: boolean;
  ms: number;
}

export interface ConverterOptions {
  env: NodeJS.ProcessEnv;
  /** Absolute path of the cache folder. */
  cacheDir: string;
  onConversion?: (event: ConversionEvent) => void;
}

export type Converted = { ok: true; pdf: Uint8Array; converter: string; cached: boolean } | { ok: false; problem: PdfProblem };

/** Converts the sources of one build; LibreOffice runs at most as often at once as there are cores (max 2). */
export class Converter {
  private readonly cache: ConversionCache;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly slots = Math.max(1, Math.min(2, availableParallelism()));

  constructor(private readonly options: ConverterOptions) {
    this.cache = new ConversionCache(options.cacheDir);
  }

  private async slot<T>(work: () => Promise<T>): Promise<T> {
    if (this.running >= this.slots) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  /** Convert a checked source (checkSource found nothing) to PDF. */
  async convert(bytes: Uint8Array, sha256: string, format: SourceFormat, relPath: string): Promise<Converted> {
    if (format.kind === 'image') {
      return this.cached(sha256, IMAGE_CONVERTER, relPath, async () => {
        try {
          return (await imageToPdf(bytes, format.ext as 'png' | 'jpeg' | 'tiff')).pdf;
        } catch (err) {
          if (!(err instanceof ImageError)) throw err;
          return err.kind === 'too-large' ? sourceProblem.imageTooLarge(err.message) : sourceProblem.imageUnreadable(format, err.message);
        }
      });
    }
    const { env } = this.options;
    const found = findSoffice(env);
    if (!found.ok) return { ok: false, problem: sourceProblem.noLibreOffice(format, found.configured) };
    let version: string;
    try {
      version = await sofficeVersion(found.path, env);
    } catch (err) {
      return { ok: false, problem: sourceProblem.conversionFailed('LibreOffice', (err as Error).message) };
    }
    const seconds = timeoutSeconds(env);
    return this.cached(sha256, version, relPath, async (startClock) => {
      try {
        return await this.slot(() => {
          startClock();
          return convertWithSoffice({ path: found.path, version }, bytes, format.ext, { env, timeoutMs: seconds * 1000 });
        });
      } catch (err) {
        if (!(err instanceof ConversionError)) throw err;
        return err.kind === 'timeout' ? sourceProblem.conversionTimeout(version, seconds) : sourceProblem.conversionFailed(version, err.message);
      }
    });
  }

  /** The cached PDF for (source, converter), else `produce` it and keep it; either way reported once. */
  private async cached(sha256: string, converter: string, relPath: string, produce: (startClock: () => void) => Promise<Uint8Array | PdfProblem>): Promise<Converted> {
    let started = performance.now();
    const key = cacheKey(sha256, converter === IMAGE_CONVERTER ? converter : `${converter}\n${OFFICE_RECIPE}`);
    const hit = await this.cache.get(key);
    let pdf = hit;
    if (!pdf) {
      // The time of a conversion starts when LibreOffice does, not while it waits for a free one.
      const made = await produce(() => (started = performance.now()));
      if (!(made instanceof Uint8Array)) return { ok: false, problem: made };
      pdf = made;
      await this.cache.put(key, pdf);
    }
    this.options.onConversion?.({ file: relPath, converter, cached: hit !== undefined, ms: performance.now() - started });
    return { ok: true, pdf, converter, cached: hit !== undefined };
  }
}
