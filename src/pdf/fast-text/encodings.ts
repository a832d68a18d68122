// The base encodings of simple fonts (StandardEncoding, WinAnsiEncoding, MacRomanEncoding) as glyph
// names per code, and the glyph names that matter for Western European text with their Unicode
// values (a compact part of the Adobe Glyph List; `uniXXXX` and `uXXXX[XX]` are read as well). A
// name not known here makes the caller fall back to pdfjs, so a short list costs speed, not text.

const ASCII_NAMES =
  'space exclam quotedbl numbersign dollar percent ampersand quotesingle parenleft parenright asterisk plus comma hyphen period slash ' +
  'zero one two three four five six seven eight nine colon semicolon less equal greater question at ' +
  'A B C D E F G H I J K L M N O P Q R S T U V W X Y Z bracketleft backslash bracketright asciicircum underscore grave ' +
  'a b c d e f g h i j k l m n o p q r s t u v w x y z braceleft bar braceright asciitilde';

/** U+00A1 … U+00FF in order. */
const LATIN1_NAMES =
  'exclamdown cent sterling currency yen brokenbar section dieresis copyright ordfeminine guillemotleft logicalnot hyphen registered macron ' +
  'degree plusminus twosuperior threesuperior acute mu paragraph periodcentered cedilla onesuperior ordmasculine guillemotright onequarter ' +
  'onehalf threequarters questiondown Agrave Aacute Acircumflex Atilde Adieresis Aring AE Ccedilla Egrave Eacute Ecircumflex Edieresis ' +
  'Igrave Iacute Icircumflex Idieresis Eth Ntilde Ograve Oacute Ocircumflex Otilde Odieresis multiply Oslash Ugrave Uacute Ucircumflex ' +
  'Udieresis Yacute Thorn germandbls agrave aacute acircumflex atilde adieresis aring ae ccedilla egrave eacute ecircumflex edieresis ' +
  'igrave iacute icircumflex idieresis eth ntilde ograve oacute ocircumflex otilde odieresis divide oslash ugrave uacute ucircumflex ' +
  'udieresis yacute thorn ydieresis';

/** WinAnsiEncoding 0x80 … 0x9F (`-`: no glyph). */
const WIN_HIGH =
  'Euro - quotesinglbase florin quotedblbase ellipsis dagger daggerdbl circumflex perthousand Scaron guilsinglleft OE - Zcaron - ' +
  '- quoteleft quoteright quotedblleft quotedblright bullet endash emdash tilde trademark scaron guilsinglright oe - zcaron Ydieresis';

/** MacRomanEncoding 0x80 … 0xFF. */
const MAC_HIGH =
  'Adieresis Aring Ccedilla Eacute Ntilde Odieresis Udieresis aacute agrave acircumflex adieresis atilde aring ccedilla eacute egrave ' +
  'ecircumflex edieresis iacute igrave icircumflex idieresis ntilde oacute ograve ocircumflex odieresis otilde uacute ugrave ucircumflex udieresis ' +
  'dagger degree cent sterling section bullet paragraph germandbls registered copyright trademark acute dieresis notequal AE Oslash ' +
  'infinity plusminus lessequal greaterequal yen mu partialdiff summation product pi integral ordfeminine ordmasculine Omega ae oslash ' +
  'questiondown exclamdown logicalnot radical florin approxequal Delta guillemotleft guillemotright ellipsis space Agrave Atilde Otilde OE oe ' +
  'endash emdash quotedblleft quotedblright quoteleft quoteright divide lozenge ydieresis Ydieresis fraction currency guilsinglleft guilsinglright fi fl ' +
  'daggerdbl periodcentered quotesinglbase quotedblbase perthousand Acircumflex Ecircumflex Aacute Edieresis Egrave Iacute Icircumflex Idieresis Igrave Oacute Ocircumflex ' +
  'apple Ograve Uacute Ucircumflex Ugrave dotlessi circumflex tilde macron breve dotaccent ring cedilla hungarumlaut ogonek caron';

/** StandardEncoding above ASCII: code (hex) and name. */
const STANDARD_HIGH =
  'a1 exclamdown a2 cent a3 sterling a4 fraction a5 yen a6 florin a7 section a8 currency a9 quotesingle aa quotedblleft ab guillemotleft ' +
  'ac guilsinglleft ad guilsinglright ae fi af fl b1 endash b2 dagger b3 daggerdbl b4 periodcentered b6 paragraph b7 bullet b8 quotesinglbase ' +
  'b9 quotedblbase ba quotedblright bb guillemotright bc ellipsis bd perthousand bf questiondown c1 grave c2 acute c3 circumflex c4 tilde ' +
  'c5 macron c6 breve c7 dotaccent c8 dieresis ca ring cb cedilla cd hungarumlaut ce ogonek cf caron d0 emdash e1 AE e3 ordfeminine ' +
  'e8 Lslash e9 Oslash ea OE eb ordmasculine f1 ae f5 dotlessi f8 lslash f9 oslash fa oe fb germandbls';

/** Names outside ASCII and Latin-1, with their code points (hex). */
const OTHER_GLYPHS =
  'Euro 20ac quotesinglbase 201a florin 192 quotedblbase 201e ellipsis 2026 dagger 2020 daggerdbl 2021 circumflex 2c6 perthousand 2030 ' +
  'Scaron 160 guilsinglleft 2039 OE 152 Zcaron 17d quoteleft 2018 quoteright 2019 quotedblleft 201c quotedblright 201d bullet 2022 ' +
  'endash 2013 emdash 2014 tilde 2dc trademark 2122 scaron 161 guilsinglright 203a oe 153 zcaron 17e Ydieresis 178 fraction 2044 ' +
  'fi fb01 fl fb02 ff fb00 ffi fb03 ffl fb04 Lslash 141 lslash 142 dotlessi 131 breve 2d8 dotaccent 2d9 ring 2da hungarumlaut 2dd ' +
  'ogonek 2db caron 2c7 notequal 2260 infinity 221e lessequal 2264 greaterequal 2265 partialdiff 2202 summation 2211 product 220f pi 3c0 ' +
  'integral 222b Omega 2126 radical 221a approxequal 2248 Delta 2206 lozenge 25ca minus 2212 nbspace a0 sfthyphen ad ' +
  'Ccaron 10c ccaron 10d Ecaron 11a ecaron 11b Rcaron 158 rcaron 159 Ncaron 147 ncaron 148 Tcaron 164 tcaron 165 Uring 16e uring 16f ' +
  'Eogonek 118 eogonek 119 Aogonek 104 aogonek 105 Sacute 15a sacute 15b Zacute 179 zacute 17a Zdotaccent 17b zdotaccent 17c Nacute 143 nacute 144 ' +
  'Cacute 106 cacute 107 Gbreve 11e gbreve 11f Idotaccent 130 Scedilla 15e scedilla 15f Ohungarumlaut 150 ohungarumlaut 151 Uhungarumlaut 170 uhungarumlaut 171 ' +
  'Amacron 100 amacron 101 Emacron 112 emacron 113 Imacron 12a imacron 12b Omacron 14c omacron 14d Umacron 16a umacron 16b ' +
  'IJ 132 ij 133 arrowright 2192 arrowleft 2190 checkmark 2713 estimated 212e numero 2116 onesuperior b9 afii61352 2116 ' +
  'uni00A0 a0 periodcentered b7 middot b7 hyphenminus 2d';

const GLYPHS = new Map<string, string>();
ASCII_NAMES.split(' ').forEach((n, i) => GLYPHS.set(n, String.fromCharCode(32 + i)));
LATIN1_NAMES.split(' ').forEach((n, i) => GLYPHS.has(n) || GLYPHS.set(n, String.fromCharCode(0xa1 + i)));
{
  const parts = OTHER_GLYPHS.split(' ');
  for (let i = 0; i + 1 < parts.length; i += 2) GLYPHS.set(parts[i], String.fromCodePoint(parseInt(parts[i + 1], 16)));
}
GLYPHS.set('quoteright', '\u2019');
GLYPHS.set('quoteleft', '\u2018');

/** The Unicode text of a glyph name; undefined when not known (the caller then falls back). */
export function glyphUnicode(name: string): string | undefined {
  const known = GLYPHS.get(name);
  if (known !== undefined) return known;
  let m = /^uni([0-9A-F]{4})$/.exec(name);
  if (m) return codePoint(parseInt(m[1], 16));
  m = /^u([0-9A-F]{4,6})$/.exec(name);
  if (m) return codePoint(parseInt(m[1], 16));
  return undefined;
}

function codePoint(n: number): string | undefined {
  if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
  return String.fromCodePoint(n);
}

export type BaseEncoding = 'StandardEncoding' | 'WinAnsiEncoding' | 'MacRomanEncoding';

function table(high: (names: (string | undefined)[]) => void, ascii: (names: (string | undefined)[]) => void): (string | undefined)[] {
  const names: (string | undefined)[] = new Array(256).fill(undefined);
  ascii(names);
  high(names);
  return names;
}

const asciiInto = (names: (string | undefined)[]): void => ASCII_NAMES.split(' ').forEach((n, i) => (names[32 + i] = n));

const ENCODINGS: Record<BaseEncoding, (string | undefined)[]> = {
  StandardEncoding: table(
    (names) => {
      names[0x27] = 'quoteright';
      names[0x60] = 'quoteleft';
      const parts = STANDARD_HIGH.split(' ');
      for (let i = 0; i + 1 < parts.length; i += 2) names[parseInt(parts[i], 16)] = parts[i + 1];
    },
    asciiInto,
  ),
  WinAnsiEncoding: table((names) => {
    WIN_HIGH.split(' ').forEach((n, i) => (names[0x80 + i] = n === '-' ? undefined : n));
    names[0xa0] = 'space';
    LATIN1_NAMES.split(' ').forEach((n, i) => (names[0xa1 + i] = n));
  }, asciiInto),
  MacRomanEncoding: table((names) => MAC_HIGH.split(' ').forEach((n, i) => (names[0x80 + i] = n)), asciiInto),
};

/** A copy of a base encoding's glyph names per code. */
export function baseEncoding(name: BaseEncoding): (string | undefined)[] {
  return ENCODINGS[name].slice();
}
