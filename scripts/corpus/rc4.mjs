// The PDF standard security handler with RC4 (revisions 2 and 3), written out so the corpus can hold
// encrypted files that qpdf will not make: one without /ID, one whose encryption dictionary lost its
// /Length. Empty user password; the owner password does not matter here. ISO 32000-1, 7.6.3.

import { createHash } from 'node:crypto';

const PADDING = Buffer.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e, 0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

const md5 = (...parts) => createHash('md5').update(Buffer.concat(parts)).digest();

export function rc4(key, data) {
  const s = Array.from({ length: 256 }, (_, i) => i);
  for (let i = 0, j = 0; i < 256; i++) {
    j = (j + s[i] + key[i % key.length]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
  }
  const out = Buffer.alloc(data.length);
  for (let k = 0, i = 0, j = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]) & 0xff;
    [s[i], s[j]] = [s[j], s[i]];
    out[k] = data[k] ^ s[(s[i] + s[j]) & 0xff];
  }
  return out;
}

const padded = (password) => Buffer.concat([Buffer.from(password, 'latin1'), PADDING]).subarray(0, 32);
const xorKey = (key, i) => Buffer.from(key.map((b) => b ^ i));

/**
 * Keys and dictionary values for the empty user password.
 * @param {{revision: 2|3, bits: number, id: Buffer, owner: string, permissions: number}} o
 */
export function standardSecurity({ revision, bits, id, owner, permissions }) {
  const n = bits / 8;
  // O: algorithm 3.
  let ownerHash = md5(padded(owner));
  if (revision === 3) for (let i = 0; i < 50; i++) ownerHash = md5(ownerHash.subarray(0, n));
  const ownerKey = ownerHash.subarray(0, n);
  let O = rc4(ownerKey, padded(''));
  if (revision === 3) for (let i = 1; i <= 19; i++) O = rc4(xorKey(ownerKey, i), O);
  // The file key: algorithm 2.
  const p = Buffer.alloc(4);
  p.writeInt32LE(permissions);
  let hash = md5(padded(''), O, p, id);
  if (revision === 3) for (let i = 0; i < 50; i++) hash = md5(hash.subarray(0, n));
  const key = hash.subarray(0, n);
  // U: algorithm 4 (revision 2) or 5 (revision 3).
  let U;
  if (revision === 2) U = rc4(key, PADDING);
  else {
    U = rc4(key, md5(PADDING, id));
    for (let i = 1; i <= 19; i++) U = rc4(xorKey(key, i), U);
    U = Buffer.concat([U, Buffer.alloc(16)]);
  }
  return { key, O, U };
}

/** Encrypt one string or stream of object `num` `gen` (algorithm 1). */
export function encryptFor(key, num, gen, data) {
  const salt = Buffer.from([num & 0xff, (num >> 8) & 0xff, (num >> 16) & 0xff, gen & 0xff, (gen >> 8) & 0xff]);
  const objectKey = md5(key, salt).subarray(0, Math.min(key.length + 5, 16));
  return rc4(objectKey, data);
}
