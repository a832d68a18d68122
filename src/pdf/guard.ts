// Load a PDF with pdf-lib inside limits that pdf-lib itself does not have: a time budget, a
// decompression guard on the streams pdf-lib decodes while parsing (object streams; cross-reference
// streams are not decoded at all) and a quiet console. pdf-lib is patched once, at import, in three
// places; every patch is inert unless a guarded load is running. Loads run one at a time: pdf-lib
// parses synchronously anyway, and the guard's state is per load.

import { PDFArray, PDFDocument, PDFName, PDFNumber, PDFObjectParser, PDFObjectStreamParser, PDFRawStream, PDFXRefStreamParser, ParseSpeeds } from '@cantoo/pdf-lib';
import { DecodeBudget, decodeBounded, decodeLimit } from './decode.js';

export type GuardFailure =
  | { kind: 'wachtwoord'; wrongPassword: boolean }
  | { kind: 'versleuteld'; detail: string }
  | { kind: 'bom'; encoded: number; limit: number; total: boolean }
  | { kind: 'tijd'; budgetMs: number }
  | { kind: 'onleesbaar'; detail: string };

export type GuardedLoad =
  | { ok: true; doc: PDFDocument; encryption: 'none' | 'owner' | 'user'; budget: DecodeBudget; warnings: string[] }
  | { ok: false; failure: GuardFailure; warnings: string[] };

export interface GuardOptions {
  password?: string;
  /** Wall-clock budget for parsing, in milliseconds. */
  timeBudgetMs?: number;
}

/** 5 s plus 1 s per MiB: a sound 20 MB file parses in well under a second. */
export function defaultTimeBudgetMs(size: number): number {
  return 5000 + Math.ceil(size / (1024 * 1024)) * 1000;
}

class ParseTimeout extends Error {}
class StreamBomb extends Error {}

interface LoadState {
  deadline: number;
  calls: number;
  expired: boolean;
  budget: DecodeBudget;
  bomb?: { encoded: number; limit: number; total: boolean };
}

let active: LoadState | undefined;

// --- The patches -------------------------------------------------------------------------------

interface KeywordMatcher {
  matchKeyword(keyword: number[]): boolean;
}
type StreamParserFactory<T> = (raw: PDFRawStream, ...rest: unknown[]) => T;

function installPatches(): void {
  // Every scanning loop in pdf-lib's parser calls matchKeyword: the one place a runaway parse
  // (quadratic rescans of a damaged file) can be stopped. Checked every 256 calls; once the time is
  // up it throws on every call, which ends the parse.
  const baseProto = Object.getPrototypeOf(PDFObjectParser.prototype) as KeywordMatcher;
  const matchKeyword = baseProto.matchKeyword;
  baseProto.matchKeyword = function (this: KeywordMatcher, keyword: number[]): boolean {
    const state = active;
    if (state) {
      if (state.expired) throw new ParseTimeout();
      if ((++state.calls & 255) === 0 && performance.now() > state.deadline) {
        state.expired = true;
        throw new ParseTimeout();
      }
    }
    return matchKeyword.call(this, keyword);
  };

  // Object streams are decoded during load: decode them here first, bounded, and hand pdf-lib the
  // decoded bytes (so nothing is decoded twice) with an object count that fits them.
  const objStm = PDFObjectStreamParser as unknown as { forStream: StreamParserFactory<unknown> };
  const forObjStm = objStm.forStream;
  objStm.forStream = (raw: PDFRawStream, ...rest: unknown[]) => {
    const state = active;
    if (!state) return forObjStm(raw, ...rest);
    const limit = state.budget.limitFor(raw.contents.length);
    const decoded = decodeBounded(raw, limit);
    if (!decoded.ok) {
      if (decoded.reason === 'bom') {
        state.bomb ??= { encoded: decoded.encoded, limit, total: limit < decodeLimit(raw.contents.length) };
        throw new StreamBomb();
      }
      return forObjStm(raw, ...rest);
    }
    state.budget.spend(decoded.bytes.length);
    const dict = raw.dict.clone(raw.dict.context);
    dict.delete(PDFName.of('Filter'));
    dict.delete(PDFName.of('DecodeParms'));
    // Each entry of the header takes at least four bytes (`1 0 `): /N cannot be more than that.
    const n = raw.dict.lookup(PDFName.of('N'));
    const declared = n instanceof PDFNumber && Number.isFinite(n.asNumber()) ? Math.max(0, Math.floor(n.asNumber())) : 0;
    dict.set(PDFName.of('N'), PDFNumber.of(Math.min(declared, Math.ceil(decoded.bytes.length / 4) + 1)));
    return forObjStm(PDFRawStream.of(dict, decoded.bytes), ...rest);
  };

  // pdf-lib reads only the trailer entries of a cross-reference stream (it finds objects by
  // scanning): give it the dictionary with no entries, so a huge /Size or a bomb costs nothing.
  const xrefStm = PDFXRefStreamParser as unknown as { forStream: StreamParserFactory<unknown> };
  const forXRef = xrefStm.forStream;
  xrefStm.forStream = (raw: PDFRawStream, ...rest: unknown[]) => {
    if (!active) return forXRef(raw, ...rest);
    const dict = raw.dict.clone(raw.dict.context);
    dict.delete(PDFName.of('Filter'));
    dict.delete(PDFName.of('DecodeParms'));
    dict.set(PDFName.of('Index'), PDFArray.withContext(raw.dict.context));
    if (!(dict.lookup(PDFName.of('W')) instanceof PDFArray)) dict.set(PDFName.of('W'), raw.dict.context.obj([1, 1, 1]));
    return forXRef(PDFRawStream.of(dict, new Uint8Array(0)), ...rest);
  };
}

installPatches();

// --- One load at a time ------------------------------------------------------------------------

let queue: Promise<unknown> = Promise.resolve();

function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

type ConsoleMethods = Pick<Console, 'warn' | 'error' | 'log'>;

function silence(messages: string[]): ConsoleMethods {
  const saved: ConsoleMethods = { warn: console.warn, error: console.error, log: console.log };
  const collect = (...args: unknown[]): void => {
    messages.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  };
  console.warn = collect;
  console.error = collect;
  console.log = collect;
  return saved;
}

/**
 * Run `fn` with console.warn, console.error and console.log collected instead of printed: pdf-lib
 * reports load warnings and some recoverable errors (with stack traces) on the console. Only
 * serialised loads use the async form; anything else uses quietlySync, which cannot interleave.
 */
async function quietly<T>(messages: string[], fn: () => Promise<T>): Promise<T> {
  const saved = silence(messages);
  try {
    return await fn();
  } finally {
    Object.assign(console, saved);
  }
}

export function quietlySync<T>(messages: string[], fn: () => T): T {
  const saved = silence(messages);
  try {
    return fn();
  } finally {
    Object.assign(console, saved);
  }
}

const firstLine = (err: unknown): string => {
  const message = err instanceof Error ? err.message : String(err);
  // pdf-lib prefixes parse errors with a position nobody needs: keep the reason.
  return (message.split('\n')[0] ?? '').replace(/^Failed to parse PDF document \([^)]*\):\s*/, '').trim() || 'onbekende fout';
};

async function attempt(bytes: Uint8Array, password: string, state: LoadState): Promise<PDFDocument> {
  active = state;
  try {
    return await PDFDocument.load(bytes, {
      password,
      updateMetadata: false,
      throwOnInvalidObject: false,
      warnOnInvalidObjects: false,
      // No ticks: the time budget is enforced inside the parser, and ticks cost a millisecond each.
      parseSpeed: ParseSpeeds.Fastest,
    });
  } finally {
    active = undefined;
  }
}

const PASSWORD_ERROR = /^(NEEDS PASSWORD|Password incorrect)$/;
const CRYPTO_ERROR = /encryption|crypt filter|crypto method|key length/i;

/** Parse `bytes` within the limits; never throws. */
export function loadGuarded(bytes: Uint8Array, options: GuardOptions = {}): Promise<GuardedLoad> {
  const budgetMs = options.timeBudgetMs ?? defaultTimeBudgetMs(bytes.length);
  return exclusive(async () => {
    const warnings: string[] = [];
    const state: LoadState = { deadline: performance.now() + budgetMs, calls: 0, expired: false, budget: new DecodeBudget(bytes.length) };
    const judge = (err: unknown, triedPassword: boolean): GuardedLoad => {
      if (state.bomb) return { ok: false, failure: { kind: 'bom', ...state.bomb }, warnings };
      if (state.expired || err instanceof ParseTimeout) return { ok: false, failure: { kind: 'tijd', budgetMs }, warnings };
      const detail = firstLine(err);
      if (PASSWORD_ERROR.test(detail)) return { ok: false, failure: { kind: 'wachtwoord', wrongPassword: triedPassword }, warnings };
      if (CRYPTO_ERROR.test(detail) || (err instanceof TypeError && Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes('/Encrypt'))) {
        return { ok: false, failure: { kind: 'versleuteld', detail }, warnings };
      }
      return { ok: false, failure: { kind: 'onleesbaar', detail }, warnings };
    };
    return quietly(warnings, async () => {
      let doc: PDFDocument;
      let encryption: 'none' | 'owner' | 'user';
      try {
        // Always the empty password first: owner-only files (restrictions, no password to open)
        // open with it, even when the user gave a password meant for another file.
        doc = await attempt(bytes, '', state);
        encryption = doc.context.isDecrypted ? 'owner' : 'none';
      } catch (err) {
        const first = judge(err, false);
        if (first.ok || first.failure.kind !== 'wachtwoord' || !options.password) return first;
        try {
          doc = await attempt(bytes, options.password, state);
          encryption = 'user';
        } catch (err2) {
          return judge(err2, true);
        }
      }
      if (state.bomb || state.expired) return judge(undefined, false);
      if (doc.isEncrypted) return { ok: false, failure: { kind: 'versleuteld', detail: 'niet ontsleuteld' }, warnings };
      return { ok: true, doc, encryption, budget: state.budget, warnings };
    });
  });
}
