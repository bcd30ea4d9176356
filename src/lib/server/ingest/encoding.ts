// Text encodings of the files units send, turned into NFC Unicode before anything else reads them.
// Called by the ingest readers (CSV: decodeText on the raw bytes; XLSX: the cell's font through
// fontEncoding / isTcvn3UpperFont or convertFontText, detectLegacy over a sheet with no such font)
// and by the test-data generator (encodeText / unicodeToLegacy, to write Windows-1258, TCVN3 and
// VNI files). RULES.md, Decisions, "encodings".
//
// What arrives:
// - Unicode, NFC or NFD (UTF-8 with or without BOM, UTF-16 with BOM).
// - Windows-1258, what Vietnamese Excel writes to CSV: precomposed letters where the code page has
//   them, otherwise base letter + combining tone mark; decoded, then NFC-normalised.
// - TCVN3 (ABC; fonts .VnTime, .VnArial, .VnTimeH…) and VNI (fonts VNI-Times, VNI-Helve…): 8-bit
//   font encodings. One char per byte: in CSV the bytes themselves, in XLSX cells Unicode text whose
//   code points are the bytes (mojibake such as "§¶ng viªn" for "Đảng viên"), the font naming it.
//
// The CSV pipeline is  bytes → decodeBytes → detectLegacy → legacyToUnicode  (decodeText does it all).
// The trap: decoding TCVN3/VNI bytes as Windows-1258 and NFC-normalising loses bytes for good —
// 0xCC, 0xD2, 0xDE, 0xEC, 0xF2 are combining marks in Windows-1258 but letters in TCVN3/VNI, and
// NFC glues them onto the letter before. So decodeBytes, for bytes that are neither UTF-8 nor
// UTF-16, first reads them one char per byte (windows-1252) and asks detectLegacy; when the bytes
// read better as TCVN3/VNI than as Windows-1258 it returns that one-char-per-byte text (flagged
// `legacy`), which detectLegacy recognises again and legacyToUnicode converts. UTF-8 files holding
// legacy mojibake (Excel "CSV UTF-8" of a .VnTime sheet) take the same route after decoding.
import { isUtf8 } from 'node:buffer';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
export type LegacyEncoding = 'tcvn3' | 'vni';

export interface DecodedBytes {
	text: string;
	encoding: TextEncoding;
	/** Set when single-byte data reads as TCVN3/VNI: `text` then holds one char per byte
	 * (windows-1252, NFC-stable) for legacyToUnicode, not Windows-1258. */
	legacy?: LegacyEncoding;
}

// ---------------------------------------------------------------------------------------------
// Tables. Vowels in the order plain, sắc, huyền, hỏi, ngã, nặng.

const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
/** base vowel as NFD (letter + shape mark) → its 6 toned forms, NFC */
const VOWELS: Record<string, string> = {
	a: 'a', ă: 'a\u0306', â: 'a\u0302', e: 'e', ê: 'e\u0302', i: 'i',
	o: 'o', ô: 'o\u0302', ơ: 'o\u031b', u: 'u', ư: 'u\u031b', y: 'y'
};
const toned = (v: string, t: number) => (VOWELS[v] + TONE_MARKS[t]).normalize('NFC');

// TCVN 5712:1993 VN3, the set the .VnTime fonts carry: lower-case letters with tones, plus the
// capitals Ă Â Ê Ô Ơ Ư Đ without tone (capitals with tone are typed with the lower-case code, or
// in a ".VnTimeH" font whose lower-case glyphs are capitals).
const TCVN3_VOWELS: Record<string, number[]> = {
	a: [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
	ă: [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
	â: [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb],
	e: [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1],
	ê: [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
	i: [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde],
	o: [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
	ô: [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
	ơ: [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee],
	u: [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4],
	ư: [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
	y: [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe]
};
const TCVN3_OTHER: Record<string, number> = { đ: 0xae, Đ: 0xa7, Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6 };
// Read only: the VN1 capitals that sit in 0xA0–0xFF (no VN3 text uses these bytes otherwise).
// VN1's capitals in 0x80–0x9F and 0x01–0x17 are not read: there .VnTime keeps the Windows
// punctuation (“ ” – …) and the control codes.
const TCVN1_CAPITALS: Record<number, string> = {
	0xaf: 'Ằ', 0xba: 'Ẳ', 0xbf: 'Ẵ', 0xc0: 'Ắ', 0xc1: 'Ầ', 0xc2: 'Ẩ', 0xc3: 'Ẫ', 0xc4: 'Ấ', 0xc5: 'Ề',
	0xcd: 'Ể', 0xd9: 'Ễ', 0xda: 'Ế', 0xdb: 'Ồ', 0xe0: 'Ổ', 0xf0: 'Ỗ', 0xff: 'Ố'
};

/** legacy char (code point = byte) → Unicode */
const TCVN3_DEC = new Map<string, string>();
/** Unicode (NFC) → legacy char */
const TCVN3_ENC = new Map<string, string>();
for (const [v, codes] of Object.entries(TCVN3_VOWELS)) {
	codes.forEach((b, t) => {
		if (b < 0x80) return;
		TCVN3_DEC.set(String.fromCharCode(b), toned(v, t));
		TCVN3_ENC.set(toned(v, t), String.fromCharCode(b));
	});
}
for (const [u, b] of Object.entries(TCVN3_OTHER)) {
	TCVN3_DEC.set(String.fromCharCode(b), u);
	TCVN3_ENC.set(u, String.fromCharCode(b));
}
for (const [b, u] of Object.entries(TCVN1_CAPITALS)) TCVN3_DEC.set(String.fromCharCode(Number(b)), u);

// VNI Windows (VNI-Times…): a base letter followed by a mark char; ơ ư đ and the toned i/ỵ are
// single chars. Marks: tone; circumflex (+tone) on a e o; breve (+tone) on a.
const VNI_LOWER = {
	tone: ['', 'ù', 'ø', 'û', 'õ', 'ï'],
	circ: ['â', 'á', 'à', 'å', 'ã', 'ä'],
	breve: ['ê', 'é', 'è', 'ú', 'ü', 'ë'],
	i: ['i', 'í', 'ì', 'æ', 'ó', 'ò'],
	ơ: 'ô', ư: 'ö', ỵ: 'î', đ: 'ñ'
};
const VNI_UPPER = {
	tone: ['', 'Ù', 'Ø', 'Û', 'Õ', 'Ï'],
	circ: ['Â', 'Á', 'À', 'Å', 'Ã', 'Ä'],
	breve: ['Ê', 'É', 'È', 'Ú', 'Ü', 'Ë'],
	i: ['I', 'Í', 'Ì', 'Æ', 'Ó', 'Ò'],
	ơ: 'Ô', ư: 'Ö', ỵ: 'Î', đ: 'Ñ'
};
const VNI_ENC = new Map<string, string>();
const VNI_DEC = new Map<string, string>(); // keys of one or two chars
for (const [cased, m] of [['lower', VNI_LOWER], ['upper', VNI_UPPER]] as const) {
	const up = (s: string) => (cased === 'upper' ? s.toUpperCase() : s);
	for (let t = 0; t < 6; t++) {
		const forms: [string, string][] = [
			[toned('a', t), up('a') + m.tone[t]], [toned('e', t), up('e') + m.tone[t]],
			[toned('o', t), up('o') + m.tone[t]], [toned('u', t), up('u') + m.tone[t]],
			[toned('y', t), t === 5 ? m.ỵ : up('y') + m.tone[t]],
			[toned('ơ', t), m.ơ + m.tone[t]], [toned('ư', t), m.ư + m.tone[t]],
			[toned('â', t), up('a') + m.circ[t]], [toned('ê', t), up('e') + m.circ[t]],
			[toned('ô', t), up('o') + m.circ[t]], [toned('ă', t), up('a') + m.breve[t]],
			[toned('i', t), m.i[t]]
		];
		for (const [u, v] of forms) {
			VNI_ENC.set(up(u), v);
			if (v.length > 1 || v.charCodeAt(0) >= 0x80) VNI_DEC.set(v, up(u));
		}
	}
	VNI_ENC.set(up('đ'), m.đ);
	VNI_DEC.set(m.đ, up('đ'));
}
// Marks typed in the other case than their letter ("Aù", "aÙ") still read: the letter's case wins.
for (const [key, u] of [...VNI_DEC]) {
	if (key.length !== 2) continue;
	const swapped = key[0] + (key[1] === key[1].toUpperCase() ? key[1].toLowerCase() : key[1].toUpperCase());
	if (!VNI_DEC.has(swapped)) VNI_DEC.set(swapped, u);
}

// Every char a legacy reading knows: a word with another non-ASCII char reads as neither (strict decodeLegacy)
const LEGACY_CHARS = new Set([...TCVN3_DEC.keys(), ...VNI_DEC.keys()].flatMap((k) => [...k]));
const legacyReadable = (word: string) => [...word].every((ch) => ch.charCodeAt(0) < 0x80 || LEGACY_CHARS.has(ch));

// Windows-1258: Node's TextDecoder (full ICU) knows it; the encoder is its inverse.
const CP1258_DECODER = new TextDecoder('windows-1258');
const CP1258_ENC = new Map<string, number>();
{
	const all = Uint8Array.from({ length: 256 }, (_, i) => i);
	[...CP1258_DECODER.decode(all)].forEach((ch, b) => CP1258_ENC.set(ch, b));
}
const CP1258_TONES = new Set(['\u0300', '\u0301', '\u0303', '\u0309', '\u0323']);
// windows-1252, one char per byte (0x80–0x9F as Windows punctuation, the 5 unassigned bytes as
// C1 controls). Written out because Node 20's TextDecoder('windows-1252') decodes latin-1.
const CP1252_HIGH =
	'\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
	'\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const CP1252_ENC = new Map<string, number>([...CP1252_HIGH].map((ch, i) => [ch, 0x80 + i]));
function cp1252(buf: Uint8Array): string {
	return Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength)
		.toString('latin1')
		.replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

// ---------------------------------------------------------------------------------------------
// Conversion

/** Legacy text (one char per byte, as read from CSV bytes or an XLSX cell) → NFC Unicode.
 * Chars outside the table (ASCII, punctuation, anything above U+00FF) pass through. */
export function legacyToUnicode(text: string, enc: LegacyEncoding): string {
	return (decodeLegacy(text, enc, false) as string).normalize('NFC');
}

/** strict: null when a non-ASCII char is not part of the encoding (for detection) */
function decodeLegacy(text: string, enc: LegacyEncoding, strict: boolean): string | null {
	let out = '';
	for (let i = 0; i < text.length; i++) {
		const ch = text[i];
		if (enc === 'vni') {
			const two = i + 1 < text.length ? VNI_DEC.get(text.slice(i, i + 2)) : undefined;
			if (two !== undefined) {
				out += two;
				i++;
				continue;
			}
		}
		const one = enc === 'tcvn3' ? TCVN3_DEC.get(ch) : VNI_DEC.get(ch);
		if (one !== undefined) out += one;
		else if (strict && ch.charCodeAt(0) >= 0x80) return null;
		else out += ch;
	}
	return out;
}

/** NFC Unicode → legacy text (one char per byte). TCVN3 has no toned capitals: they are written
 * with the lower-case code, as real .VnTime text is. Chars the encoding lacks pass through. */
export function unicodeToLegacy(text: string, enc: LegacyEncoding): string {
	const table = enc === 'tcvn3' ? TCVN3_ENC : VNI_ENC;
	let out = '';
	for (const ch of text.normalize('NFC')) {
		const hit = table.get(ch) ?? (enc === 'tcvn3' ? TCVN3_ENC.get(ch.toLowerCase()) : undefined);
		out += hit ?? ch;
	}
	return out;
}

/** Bytes → NFC text. BOM first (UTF-8 BOM stripped, UTF-16 LE/BE), then valid UTF-8, else a
 * single-byte file: Windows-1258, or TCVN3/VNI kept one char per byte (see the header). */
export function decodeBytes(buf: Uint8Array): DecodedBytes {
	if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
		return { text: utf8(buf.subarray(3)), encoding: 'utf-8' };
	}
	if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) {
		return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(buf.subarray(2)).normalize('NFC'), encoding: 'utf-16le' };
	}
	if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) {
		return { text: new TextDecoder('utf-16be', { ignoreBOM: true }).decode(buf.subarray(2)).normalize('NFC'), encoding: 'utf-16be' };
	}
	if (isUtf8(buf)) return { text: utf8(buf), encoding: 'utf-8' };

	const cp1258 = CP1258_DECODER.decode(buf).normalize('NFC');
	const raw = cp1252(buf); // one char per byte; NFC leaves it as is
	const legacy = detectLegacy(raw);
	if (legacy && score(sample(raw), legacy).valid > score(sample(cp1258), null).valid) {
		return { text: raw, encoding: 'windows-1258', legacy };
	}
	return { text: cp1258, encoding: 'windows-1258' };
}

function utf8(buf: Uint8Array): string {
	return new TextDecoder('utf-8', { ignoreBOM: true }).decode(buf).normalize('NFC');
}

/** The whole CSV chain: bytes → NFC Unicode, naming the encoding the text was really in. */
export function decodeText(buf: Uint8Array): { text: string; encoding: TextEncoding | LegacyEncoding } {
	const d = decodeBytes(buf);
	const legacy = d.encoding === 'windows-1258' ? (d.legacy ?? null) : detectLegacy(d.text);
	return legacy ? { text: legacyToUnicode(d.text, legacy), encoding: legacy } : { text: d.text, encoding: d.encoding };
}

/** For the generator: text → file bytes. `bom` defaults to false for UTF-8, true for UTF-16
 * (without it decodeBytes cannot tell UTF-16). Chars an 8-bit encoding lacks become "?". */
export function encodeText(text: string, enc: TextEncoding | LegacyEncoding, opts: { bom?: boolean } = {}): Buffer {
	switch (enc) {
		case 'utf-8': {
			const body = Buffer.from(text, 'utf8');
			return opts.bom ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
		}
		case 'utf-16le':
		case 'utf-16be': {
			const body = Buffer.from(text, 'utf16le');
			if (enc === 'utf-16be') body.swap16();
			if (opts.bom === false) return body;
			return Buffer.concat([Buffer.from(enc === 'utf-16le' ? [0xff, 0xfe] : [0xfe, 0xff]), body]);
		}
		case 'windows-1258': {
			const bytes: number[] = [];
			for (const ch of text.normalize('NFC')) {
				const b = CP1258_ENC.get(ch);
				if (b !== undefined) {
					bytes.push(b);
					continue;
				}
				// not in the code page: base letter + combining tone mark, as Windows writes it
				// (NFD puts the dot below before the breve/circumflex: "Ặ" = A, U+0323, U+0306)
				const nfd = [...ch.normalize('NFD')];
				const tones = nfd.filter((c) => CP1258_TONES.has(c));
				const base = CP1258_ENC.get(nfd.filter((c) => !CP1258_TONES.has(c)).join('').normalize('NFC'));
				if (tones.length === 1 && base !== undefined) bytes.push(base, CP1258_ENC.get(tones[0])!);
				else bytes.push(0x3f);
			}
			return Buffer.from(bytes);
		}
		case 'tcvn3':
		case 'vni': {
			const bytes: number[] = [];
			for (const ch of unicodeToLegacy(text, enc)) {
				const c = ch.codePointAt(0)!;
				bytes.push(c < 0x80 || (c >= 0xa0 && c <= 0xff) ? c : (CP1252_ENC.get(ch) ?? 0x3f));
			}
			return Buffer.from(bytes);
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Fonts (XLSX cells name the encoding through their font)

export function fontEncoding(fontName: string | undefined): LegacyEncoding | null {
	const f = (fontName ?? '').trim();
	if (/^\.vn/i.test(f)) return 'tcvn3';
	if (/^vni[-\s]/i.test(f)) return 'vni';
	return null;
}

/** ".VnTimeH", ".VnArialH"…: the capitals fonts of TCVN3; their text is upper-cased after conversion. */
export function isTcvn3UpperFont(fontName: string | undefined): boolean {
	const f = (fontName ?? '').trim();
	return /^\.vn/i.test(f) && f.endsWith('H');
}

/** One XLSX cell: converted when its font is a legacy one, unless the text is plainly Unicode
 * (people type Unicode into cells still formatted .VnTime); upper-cased for .Vn…H fonts. */
export function convertFontText(text: string, fontName: string | undefined): string {
	const enc = fontEncoding(fontName);
	const nfc = text.normalize('NFC');
	if (!enc) return nfc;
	const s = sample(nfc);
	if (score(s, null).valid > score(s, enc).valid) return nfc;
	const out = legacyToUnicode(nfc, enc);
	return enc === 'tcvn3' && isTcvn3UpperFont(fontName) ? out.toUpperCase() : out;
}

// ---------------------------------------------------------------------------------------------
// Detection: read each word as Unicode, as TCVN3 and as VNI, and count which reading gives real
// Vietnamese syllables. Legacy text read as Unicode gives "§¶ng", "Vieät"; Unicode read as legacy
// gives chars the legacy set lacks (ả, ư, đ… are above U+00FF) or impossible syllables.

const SAMPLE = 64 * 1024;
/** The text looked at; words are NFC-normalised one by one as scored (not the whole sample). */
const sample = (text: string) => text.slice(0, SAMPLE);

/** A word with a non-ASCII char: a run of anything but spaces and ASCII punctuation or digits
 * (only such words weigh in score(); matched lazily, so that scoring stops after ENOUGH of them
 * without splitting the whole sample, and the regex engine skips the ASCII words itself). */
const SEP = '\\s\\u00a0\\u2000-\\u206f\\u3000!-@[-`{-~';
const WORD = new RegExp(`[^${SEP}]*[^\\x00-\\x7f${SEP}][^${SEP}]*`, 'g');
const TONE_RE = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SYLLABLE = new RegExp(
	'^(ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?' +
		'(uyê|uya|uyu|iêu|yêu|oai|oao|oay|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|iê|oa|oă|oe|oi|ôi|ơi|oo|' +
		'ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ưu|ươ|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)' +
		'(ch|c|m|ng|nh|n|p|t)?$'
);

// rhymes ending in a glide (i y o u a) take no final consonant; ă â and the diphthongs need one
const OPEN_ONLY = new Set('ai ao au ay âu ây eo êu ia iu oi ôi ơi ua ui ưa ưi ưu iêu yêu oai oao oay oeo uây uôi ươi ươu uya uyu'.split(' '));
const NEEDS_FINAL = new Set('ă â iê yê uô ươ oă uâ uyê oo'.split(' '));

/** a well-formed Vietnamese syllable: one tone at most; stop finals (c ch p t) take sắc or nặng only */
function isSyllable(word: string): boolean {
	const nfd = word.toLowerCase().normalize('NFD');
	const tones = nfd.match(TONE_RE) ?? [];
	if (tones.length > 1) return false;
	const m = SYLLABLE.exec(nfd.replace(TONE_RE, '').normalize('NFC'));
	if (!m) return false;
	const [, onset, nucleus, coda] = m;
	if (coda ? OPEN_ONLY.has(nucleus) : NEEDS_FINAL.has(nucleus)) return false;
	if ((onset === 'gh' || onset === 'ngh') && !/^[eêi]/.test(nucleus)) return false;
	if (coda && /^(c|ch|p|t)$/.test(coda) && !(tones[0] === '\u0301' || tones[0] === '\u0323')) return false;
	return true;
}

/** Enough evidence to tell the encodings apart: scoring stops after this many weighted words
 * (the same words for every encoding, since the weight does not depend on it). Scoring all 64 KB
 * cost ~4 ms a file, minutes over the 24 000 files of a national year. */
const ENOUGH = 200;

/** Words with at least one ASCII letter and one non-ASCII char (lone symbols like "£" or "©" say
 * nothing); a word weighs its count of non-ASCII chars, at most 2. */
function score(text: string, enc: LegacyEncoding | null): { valid: number; total: number; legacyMost: number } {
	let valid = 0;
	let total = 0;
	// (the most any legacy reading of these words can score: the weight of the words it can read)
	let legacyMost = 0;
	for (const [raw] of text.matchAll(WORD)) {
		if (total >= ENOUGH) break;
		if (!/[A-Za-z]/.test(raw)) continue;
		const word = raw.normalize('NFC');
		const weight = Math.min(2, word.replace(/[\x00-\x7f]/g, '').length);
		total += weight;
		if (readsAsSyllable(word, enc)) valid += weight;
		if (legacyReadable(word)) legacyMost += weight;
	}
	return { valid, total, legacyMost };
}

/** Whether a word read in `enc` (null: as Unicode) is a Vietnamese syllable. Remembered per word:
 * the same few thousand syllables fill every list, and the files of a national year are 24 000. */
const syllableMemo = new Map<string, boolean>();
function readsAsSyllable(word: string, enc: LegacyEncoding | null): boolean {
	const key = `${enc ?? 'unicode'}\u0000${word}`;
	let ok = syllableMemo.get(key);
	if (ok === undefined) {
		const read = enc ? decodeLegacy(word, enc, true) : word;
		ok = read !== null && isSyllable(read.normalize('NFC'));
		if (syllableMemo.size >= 200_000) syllableMemo.clear();
		syllableMemo.set(key, ok);
	}
	return ok;
}

/** TCVN3 or VNI text (one char per byte), or null for Unicode text (NFC or NFD), ASCII, English.
 * Looks at the first 64 KB. */
export function detectLegacy(text: string): LegacyEncoding | null {
	const s = sample(text);
	if (!/[^\x00-\x7f]/.test(s)) return null;
	const uni = score(s, null);
	// no legacy reading can score above the Unicode one: every word a syllable as Unicode (the
	// totals are the same), or too few words readable as legacy at all (Unicode Vietnamese: most
	// words hold a letter above U+00FF, ư ơ đ ạ ả…, that no legacy reading has)
	if (uni.valid === uni.total || uni.legacyMost <= uni.valid) return null;
	const tcvn3 = score(s, 'tcvn3');
	const vni = score(s, 'vni');
	if (tcvn3.valid === vni.valid) return null;
	const [enc, best] = tcvn3.valid > vni.valid ? (['tcvn3', tcvn3] as const) : (['vni', vni] as const);
	if (best.valid >= 2 && best.valid > uni.valid && best.valid * 2 >= best.total) return enc;
	return null;
}
