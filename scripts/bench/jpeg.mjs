// A minimal baseline JPEG encoder for 8-bit grayscale images, so the bench can make scan-like pages
// without an image library. Scanners and copiers store pages as DCT (JPEG) images; a bundler has to
// pass those bytes through untouched, which is exactly what this exercises.

const LUMA_QUANT = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22,
  37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];
// Huffman tables of JPEG Annex K (luminance). Whatever we write in DHT is what decoders use.
const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
const AC_BITS = [0, 2, 1, 3, 3, 2, 4, 3, 5, 5, 4, 4, 0, 0, 1, 0x7d];
const AC_VALS = [
  0x01, 0x02, 0x03, 0x00, 0x04, 0x11, 0x05, 0x12, 0x21, 0x31, 0x41, 0x06, 0x13, 0x51, 0x61, 0x07, 0x22, 0x71, 0x14, 0x32, 0x81, 0x91, 0xa1,
  0x08, 0x23, 0x42, 0xb1, 0xc1, 0x15, 0x52, 0xd1, 0xf0, 0x24, 0x33, 0x62, 0x72, 0x82, 0x09, 0x0a, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x25, 0x26,
  0x27, 0x28, 0x29, 0x2a, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0x3a, 0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x53, 0x54, 0x55, 0x56,
  0x57, 0x58, 0x59, 0x5a, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x73, 0x74, 0x75, 0x76, 0x77, 0x78, 0x79, 0x7a, 0x83, 0x84, 0x85,
  0x86, 0x87, 0x88, 0x89, 0x8a, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7, 0xa8, 0xa9, 0xaa,
  0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9, 0xba, 0xc2, 0xc3, 0xc4, 0xc5, 0xc6, 0xc7, 0xc8, 0xc9, 0xca, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6,
  0xd7, 0xd8, 0xd9, 0xda, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9, 0xea, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9,
  0xfa,
];

/** ZIGZAG[k] is the row-major index of the k-th coefficient in zigzag order. */
const ZIGZAG = (() => {
  const order = [];
  for (let s = 0; s < 15; s++) {
    const cells = [];
    for (let y = 0; y < 8; y++) {
      const x = s - y;
      if (x >= 0 && x < 8) cells.push(y * 8 + x);
    }
    order.push(...(s % 2 === 0 ? cells.reverse() : cells));
  }
  return order;
})();

function huffmanCodes(bits, vals) {
  const codes = new Map();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < bits[len - 1]; i++) codes.set(vals[k++], { code: code++, len });
    code <<= 1;
  }
  return codes;
}
const DC_CODES = huffmanCodes(DC_BITS, DC_VALS);
const AC_CODES = huffmanCodes(AC_BITS, AC_VALS);

// C[u][x] = c(u)/2 * cos((2x+1)uπ/16): the separable 8-point DCT-II.
const COS = new Float64Array(64);
for (let u = 0; u < 8; u++) {
  for (let x = 0; x < 8; x++) COS[u * 8 + x] = (u === 0 ? Math.SQRT1_2 : 1) * 0.5 * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
}

class BitWriter {
  constructor() {
    this.bytes = [];
    this.acc = 0;
    this.n = 0;
  }
  write(code, len) {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >> i) & 1);
      if (++this.n === 8) {
        this.bytes.push(this.acc);
        if (this.acc === 0xff) this.bytes.push(0); // byte stuffing
        this.acc = 0;
        this.n = 0;
      }
    }
  }
  flush() {
    if (this.n > 0) this.write((1 << (8 - this.n)) - 1, 8 - this.n);
  }
}

function magnitude(v) {
  const a = Math.abs(v);
  let size = 0;
  while (a >> size) size++;
  return { size, bits: v < 0 ? v + (1 << size) - 1 : v };
}

/**
 * Encode `pixels` (width*height bytes, 0 = black) as a baseline grayscale JPEG.
 * @param {Uint8Array} pixels @param {number} width @param {number} height @param {number} quality 1..100
 */
export function encodeGrayJpeg(pixels, width, height, quality = 60) {
  const scale = quality < 50 ? 5000 / quality : 200 - quality * 2;
  const quant = LUMA_QUANT.map((q) => Math.min(255, Math.max(1, Math.floor((q * scale + 50) / 100))));
  const out = [];
  const u16 = (v) => out.push((v >> 8) & 0xff, v & 0xff);
  out.push(0xff, 0xd8); // SOI
  out.push(0xff, 0xe0); u16(16); out.push(0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0); u16(1); u16(1); out.push(0, 0); // APP0 JFIF
  out.push(0xff, 0xdb); u16(67); out.push(0); for (let k = 0; k < 64; k++) out.push(quant[ZIGZAG[k]]); // DQT
  out.push(0xff, 0xc0); u16(11); out.push(8); u16(height); u16(width); out.push(1, 1, 0x11, 0); // SOF0
  out.push(0xff, 0xc4); u16(3 + 16 + DC_VALS.length); out.push(0x00, ...DC_BITS, ...DC_VALS); // DHT DC
  out.push(0xff, 0xc4); u16(3 + 16 + AC_VALS.length); out.push(0x10, ...AC_BITS, ...AC_VALS); // DHT AC
  out.push(0xff, 0xda); u16(8); out.push(1, 1, 0x00, 0, 63, 0); // SOS

  const bw = new BitWriter();
  const block = new Float64Array(64);
  const tmp = new Float64Array(64);
  let prevDc = 0;
  for (let by = 0; by < height; by += 8) {
    for (let bx = 0; bx < width; bx += 8) {
      for (let y = 0; y < 8; y++) {
        const row = Math.min(by + y, height - 1) * width;
        for (let x = 0; x < 8; x++) block[y * 8 + x] = pixels[row + Math.min(bx + x, width - 1)] - 128;
      }
      for (let y = 0; y < 8; y++) {
        for (let u = 0; u < 8; u++) {
          let s = 0;
          for (let x = 0; x < 8; x++) s += COS[u * 8 + x] * block[y * 8 + x];
          tmp[y * 8 + u] = s;
        }
      }
      for (let u = 0; u < 8; u++) {
        for (let v = 0; v < 8; v++) {
          let s = 0;
          for (let y = 0; y < 8; y++) s += COS[v * 8 + y] * tmp[y * 8 + u];
          block[v * 8 + u] = s;
        }
      }
      const dc = Math.round(block[0] / quant[0]);
      const d = magnitude(dc - prevDc);
      prevDc = dc;
      const dcCode = DC_CODES.get(d.size);
      bw.write(dcCode.code, dcCode.len);
      if (d.size) bw.write(d.bits, d.size);
      let run = 0;
      for (let k = 1; k < 64; k++) {
        const idx = ZIGZAG[k];
        const c = Math.round(block[idx] / quant[idx]);
        if (c === 0) {
          run++;
          continue;
        }
        while (run > 15) {
          const zrl = AC_CODES.get(0xf0);
          bw.write(zrl.code, zrl.len);
          run -= 16;
        }
        const m = magnitude(c);
        const ac = AC_CODES.get((run << 4) | m.size);
        bw.write(ac.code, ac.len);
        bw.write(m.bits, m.size);
        run = 0;
      }
      if (run > 0) {
        const eob = AC_CODES.get(0x00);
        bw.write(eob.code, eob.len);
      }
    }
  }
  bw.flush();
  for (const b of bw.bytes) out.push(b);
  out.push(0xff, 0xd9); // EOI
  return Uint8Array.from(out);
}
