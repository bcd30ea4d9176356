// Encodings of unit files. The expected bytes and legacy strings here are NOT derived from the
// module's own tables: they come from glibc iconv on the development machine (TCVN, WINDOWS-1258,
// stored as hex), from published TCVN3/VNI samples and tables (the VNI table of the xvnkb input
// method, widely quoted sample sentences), and from the alphabet typed out by hand.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
	convertFontText,
	decodeBytes,
	decodeText,
	detectLegacy,
	encodeText,
	fontEncoding,
	isTcvn3UpperFont,
	legacyToUnicode,
	unicodeToLegacy
} from '$lib/server/ingest/encoding';

// every Vietnamese letter, every vowel with every tone (plain, huyền, hỏi, ngã, sắc, nặng), typed by hand
const LOWER =
	'a à ả ã á ạ ă ằ ẳ ẵ ắ ặ â ầ ẩ ẫ ấ ậ b c d đ e è ẻ ẽ é ẹ ê ề ể ễ ế ệ g h i ì ỉ ĩ í ị k l m n ' +
	'o ò ỏ õ ó ọ ô ồ ổ ỗ ố ộ ơ ờ ở ỡ ớ ợ p q r s t u ù ủ ũ ú ụ ư ừ ử ữ ứ ự v x y ỳ ỷ ỹ ý ỵ';
const UPPER =
	'A À Ả Ã Á Ạ Ă Ằ Ẳ Ẵ Ắ Ặ Â Ầ Ẩ Ẫ Ấ Ậ B C D Đ E È Ẻ Ẽ É Ẹ Ê Ề Ể Ễ Ế Ệ G H I Ì Ỉ Ĩ Í Ị K L M N ' +
	'O Ò Ỏ Õ Ó Ọ Ô Ồ Ổ Ỗ Ố Ộ Ơ Ờ Ở Ỡ Ớ Ợ P Q R S T U Ù Ủ Ũ Ú Ụ Ư Ừ Ử Ữ Ứ Ự V X Y Ỳ Ỷ Ỹ Ý Ỵ';

// `printf "$LOWER" | iconv -f utf-8 -t TCVN | xxd -p` (glibc TCVN-5712 equals VN3 on lower case)
const LOWER_TCVN3_HEX =
	'6120b520b620b720b820b920a820bb20bc20bd20be20c620a920c720c820c920ca20cb20622063206420ae206520cc20ce20cf20d020d1' +
	'20aa20d220d320d420d520d620672068206920d720d820dc20dd20de206b206c206d206e206f20df20e120e220e320e420ab20e520e620' +
	'e720e820e920ac20ea20eb20ec20ed20ee20702071207220732074207520ef20f120f220f320f420ad20f520f620f720f820f920762078' +
	'207920fa20fb20fc20fd20fe';
// `printf "$LOWER" | iconv -f utf-8 -t WINDOWS-1258 | xxd -p`, and the same for UPPER
const LOWER_CP1258_HEX =
	'6120e02061d22061de20e12061f220e320e3cc20e3d220e3de20e3ec20e3f220e220e2cc20e2d220e2de20e2ec20e2f220622063206420' +
	'f0206520e82065d22065de20e92065f220ea20eacc20ead220eade20eaec20eaf22067206820692069cc2069d22069de20ed2069f2206b' +
	'206c206d206e206f206fcc206fd2206fde20f3206ff220f420f4cc20f4d220f4de20f4ec20f4f220f520f5cc20f5d220f5de20f5ec20f5' +
	'f220702071207220732074207520f92075d22075de20fa2075f220fd20fdcc20fdd220fdde20fdec20fdf22076207820792079cc2079d2' +
	'2079de2079ec2079f2';
const UPPER_CP1258_HEX =
	'4120c02041d22041de20c12041f220c320c3cc20c3d220c3de20c3ec20c3f220c220c2cc20c2d220c2de20c2ec20c2f220422043204420' +
	'd0204520c82045d22045de20c92045f220ca20cacc20cad220cade20caec20caf22047204820492049cc2049d22049de20cd2049f2204b' +
	'204c204d204e204f204fcc204fd2204fde20d3204ff220d420d4cc20d4d220d4de20d4ec20d4f220d520d5cc20d5d220d5de20d5ec20d5' +
	'f220502051205220532054205520d92055d22055de20da2055f220dd20ddcc20ddd220ddde20ddec20ddf22056205820592059cc2059d2' +
	'2059de2059ec2059f2';
// the bytes 0xA1–0xFF less 0xB0–0xB4 (VN1's combining marks), decoded by `iconv -f TCVN -t utf-8`
const TCVN_HIGH_BYTES = [...Array(0x5f).keys()].map((i) => 0xa1 + i).filter((b) => b < 0xb0 || b > 0xb4);
const TCVN_HIGH_ICONV =
	'ĂÂÊÔƠƯĐăâêôơưđẰàảãáạẲằẳẵắẴẮẦẨẪẤỀặầẩẫấậèỂẻẽéẹềểễếệìỉỄẾỒĩíịòỔỏõóọồổỗốộờởỡớợùỖủũúụừửữứựỳỷỹýỵỐ';

// The VNI Windows table as published by the xvnkb input method (vni.h): rows plain, sắc, huyền,
// hỏi, ngã, nặng for A Â Ă E Ê O Ô Ơ U Ư I Y, then Đ.
const VNI_TABLE_UPPER = [
	'A', 'AÙ', 'AØ', 'AÛ', 'AÕ', 'AÏ', 'AÂ', 'AÁ', 'AÀ', 'AÅ', 'AÃ', 'AÄ', 'AÊ', 'AÉ', 'AÈ', 'AÚ', 'AÜ', 'AË',
	'E', 'EÙ', 'EØ', 'EÛ', 'EÕ', 'EÏ', 'EÂ', 'EÁ', 'EÀ', 'EÅ', 'EÃ', 'EÄ',
	'O', 'OÙ', 'OØ', 'OÛ', 'OÕ', 'OÏ', 'OÂ', 'OÁ', 'OÀ', 'OÅ', 'OÃ', 'OÄ', 'Ô', 'ÔÙ', 'ÔØ', 'ÔÛ', 'ÔÕ', 'ÔÏ',
	'U', 'UÙ', 'UØ', 'UÛ', 'UÕ', 'UÏ', 'Ö', 'ÖÙ', 'ÖØ', 'ÖÛ', 'ÖÕ', 'ÖÏ',
	'I', 'Í', 'Ì', 'Æ', 'Ó', 'Ò', 'Y', 'YÙ', 'YØ', 'YÛ', 'YÕ', 'Î', 'Ñ'
];
const VNI_TABLE_LOWER = [
	'a', 'aù', 'aø', 'aû', 'aõ', 'aï', 'aâ', 'aá', 'aà', 'aå', 'aã', 'aä', 'aê', 'aé', 'aè', 'aú', 'aü', 'aë',
	'e', 'eù', 'eø', 'eû', 'eõ', 'eï', 'eâ', 'eá', 'eà', 'eå', 'eã', 'eä',
	'o', 'où', 'oø', 'oû', 'oõ', 'oï', 'oâ', 'oá', 'oà', 'oå', 'oã', 'oä', 'ô', 'ôù', 'ôø', 'ôû', 'ôõ', 'ôï',
	'u', 'uù', 'uø', 'uû', 'uõ', 'uï', 'ö', 'öù', 'öø', 'öû', 'öõ', 'öï',
	'i', 'í', 'ì', 'æ', 'ó', 'ò', 'y', 'yù', 'yø', 'yû', 'yõ', 'î', 'ñ'
];
// the same letters in Unicode, typed by hand in the table's order
const TABLE_UNICODE_UPPER = (
	'A Á À Ả Ã Ạ Â Ấ Ầ Ẩ Ẫ Ậ Ă Ắ Ằ Ẳ Ẵ Ặ E É È Ẻ Ẽ Ẹ Ê Ế Ề Ể Ễ Ệ O Ó Ò Ỏ Õ Ọ Ô Ố Ồ Ổ Ỗ Ộ Ơ Ớ Ờ Ở Ỡ Ợ ' +
	'U Ú Ù Ủ Ũ Ụ Ư Ứ Ừ Ử Ữ Ự I Í Ì Ỉ Ĩ Ị Y Ý Ỳ Ỷ Ỹ Ỵ Đ'
).split(' ');
const TABLE_UNICODE_LOWER = (
	'a á à ả ã ạ â ấ ầ ẩ ẫ ậ ă ắ ằ ẳ ẵ ặ e é è ẻ ẽ ẹ ê ế ề ể ễ ệ o ó ò ỏ õ ọ ô ố ồ ổ ỗ ộ ơ ớ ờ ở ỡ ợ ' +
	'u ú ù ủ ũ ụ ư ứ ừ ử ữ ự i í ì ỉ ĩ ị y ý ỳ ỷ ỹ ỵ đ'
).split(' ');

// Published legacy samples (the TCVN3 ones also match `iconv -t TCVN`)
const TCVN3_SAMPLES: [string, string][] = [
	['§¶ng viªn', 'Đảng viên'],
	['Hoµn thµnh xuÊt s¾c nhiÖm vô', 'Hoàn thành xuất sắc nhiệm vụ'],
	['NguyÔn', 'Nguyễn'],
	['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
	['§éc lËp - Tù do - H¹nh phóc', 'Độc lập - Tự do - Hạnh phúc'],
	['quyÕt ®Þnh cña bé tr\u00adëng bé tµi chÝnh', 'quyết định của bộ trưởng bộ tài chính']
];
const VNI_SAMPLES: [string, string][] = [
	['Ñaûng vieân', 'Đảng viên'],
	['Hoaøn thaønh xuaát saéc nhieäm vuï', 'Hoàn thành xuất sắc nhiệm vụ'],
	['Nguyeãn', 'Nguyễn'],
	['Xin chaøo caùc baïn', 'Xin chào các bạn'],
	['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
	['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc']
];

// Sentences from the seed documents (shared/seeds), as written there
const SEED_SENTENCES = [
	'Kiểm điểm tự phê bình, phê bình và đánh giá, xếp loại chất lượng hàng năm để cấp ủy, chi bộ và từng cá nhân tự soi, tự sửa lại mình.',
	'Chi bộ trường THPT Nguyễn Thị Minh Khai xây dựng kế hoạch thực hiện như sau:',
	'Căn cứ Hướng dẫn số 02-HD/QU ngày 21 tháng 10 năm 2021 của Ban Thường vụ Quận ủy Quận 3',
	'tổ chức kiểm điểm, đánh giá, xếp loại chất lượng hàng năm đối với tập thể chi bộ, đảng viên',
	'I. MỤC ĐÍCH, YÊU CẦU',
	'Hoàn thành xuất sắc nhiệm vụ; Hoàn thành tốt nhiệm vụ; Không hoàn thành nhiệm vụ',
	'Lê Bá Tú, Hà Văn Tám, Đỗ Thị Bé'
];

const hex = (h: string) => Buffer.from(h, 'hex');
/** legacy text (one char per byte) → the bytes, as a CSV holds them */
const bytesOf = (s: string) => Buffer.from(s, 'latin1');

describe('the alphabet', () => {
	it('is typed consistently (89 letters per case, NFC)', () => {
		expect(LOWER.split(' ')).toHaveLength(89);
		expect(LOWER.toUpperCase()).toBe(UPPER);
		expect(LOWER.normalize('NFC')).toBe(LOWER);
	});
});

describe('TCVN3', () => {
	it('writes every lower-case letter as iconv does', () => {
		expect(encodeText(LOWER, 'tcvn3').toString('hex')).toBe(LOWER_TCVN3_HEX);
		expect(encodeText('ĂÂÊÔƠƯĐ', 'tcvn3').toString('hex')).toBe('a1a2a3a4a5a6a7'); // iconv too
	});

	it('reads every byte as iconv does', () => {
		expect([...TCVN_HIGH_ICONV]).toHaveLength(TCVN_HIGH_BYTES.length);
		const text = String.fromCharCode(...TCVN_HIGH_BYTES);
		expect(legacyToUnicode(text, 'tcvn3')).toBe(TCVN_HIGH_ICONV);
	});

	it('round-trips every letter; capitals with a tone come back lower-case (no such codes in .VnTime)', () => {
		expect(legacyToUnicode(unicodeToLegacy(LOWER, 'tcvn3'), 'tcvn3')).toBe(LOWER);
		const upper = legacyToUnicode(unicodeToLegacy(UPPER, 'tcvn3'), 'tcvn3');
		expect(upper.toUpperCase()).toBe(UPPER);
		expect(legacyToUnicode(unicodeToLegacy('ĂÂÊÔƠƯĐ', 'tcvn3'), 'tcvn3')).toBe('ĂÂÊÔƠƯĐ'); // these have codes
		expect(unicodeToLegacy('Ấ', 'tcvn3')).toBe(unicodeToLegacy('ấ', 'tcvn3'));
		expect(unicodeToLegacy('ĐẢNG VIÊN', 'tcvn3')).toBe('§¶NG VI£N');
	});

	it.each(TCVN3_SAMPLES)('%s ↔ %s', (legacy, unicode) => {
		expect(legacyToUnicode(legacy, 'tcvn3')).toBe(unicode);
		expect(unicodeToLegacy(unicode, 'tcvn3')).toBe(legacy);
		expect(unicodeToLegacy(unicode.normalize('NFD'), 'tcvn3')).toBe(legacy);
	});

	it('matches iconv on fixed words', () => {
		expect(encodeText('Đảng viên', 'tcvn3').toString('hex')).toBe('a7b66e67207669aa6e');
		expect(encodeText('Hoàn thành xuất sắc nhiệm vụ', 'tcvn3').toString('hex')).toBe('486fb56e207468b56e68207875ca742073be63206e6869d66d2076f4');
		expect(encodeText('Nguyễn', 'tcvn3').toString('hex')).toBe('4e677579d46e');
	});
});

describe('VNI', () => {
	it('matches the published table, both cases', () => {
		TABLE_UNICODE_UPPER.forEach((u, i) => expect(unicodeToLegacy(u, 'vni'), u).toBe(VNI_TABLE_UPPER[i]));
		TABLE_UNICODE_LOWER.forEach((u, i) => expect(unicodeToLegacy(u, 'vni'), u).toBe(VNI_TABLE_LOWER[i]));
		expect(legacyToUnicode(VNI_TABLE_UPPER.join(' '), 'vni')).toBe(TABLE_UNICODE_UPPER.join(' '));
		expect(legacyToUnicode(VNI_TABLE_LOWER.join(' '), 'vni')).toBe(TABLE_UNICODE_LOWER.join(' '));
	});

	it('round-trips every letter in both cases, and NFD input', () => {
		expect(legacyToUnicode(unicodeToLegacy(LOWER, 'vni'), 'vni')).toBe(LOWER);
		expect(legacyToUnicode(unicodeToLegacy(UPPER, 'vni'), 'vni')).toBe(UPPER);
		expect(unicodeToLegacy(UPPER.normalize('NFD'), 'vni')).toBe(unicodeToLegacy(UPPER, 'vni'));
	});

	it.each(VNI_SAMPLES)('%s ↔ %s', (legacy, unicode) => {
		expect(legacyToUnicode(legacy, 'vni')).toBe(unicode);
		expect(unicodeToLegacy(unicode, 'vni')).toBe(legacy);
	});

	it('reads a mark typed in the other case than its letter', () => {
		expect(legacyToUnicode('Aù aÙ ÔÙ ôÙ', 'vni')).toBe('Á á Ớ ớ');
	});
});

describe('Windows-1258', () => {
	it('writes every letter as iconv does (precomposed where the code page has it, else base + tone)', () => {
		expect(encodeText(LOWER, 'windows-1258').toString('hex')).toBe(LOWER_CP1258_HEX);
		expect(encodeText(UPPER, 'windows-1258').toString('hex')).toBe(UPPER_CP1258_HEX);
		expect(encodeText(UPPER.normalize('NFD'), 'windows-1258').toString('hex')).toBe(UPPER_CP1258_HEX);
	});

	it('decodes to NFC', () => {
		expect(decodeBytes(hex(LOWER_CP1258_HEX))).toEqual({ text: LOWER, encoding: 'windows-1258' });
		expect(decodeBytes(hex(UPPER_CP1258_HEX))).toEqual({ text: UPPER, encoding: 'windows-1258' });
		// iconv: “Hoàn thành” – tốt
		expect(decodeText(hex('93486fe06e207468e06e689420962074f4ec74'))).toEqual({ text: '“Hoàn thành” – tốt', encoding: 'windows-1258' });
	});
});

describe('decodeBytes / decodeText', () => {
	// iconv -t TCVN / -t WINDOWS-1258 of the same line; it has the bytes that are letters in TCVN3
	// but combining marks in Windows-1258 (0xCC è, 0xD2 ề, 0xDE ị, 0xEC ỡ, 0xF2 ũ)
	const LINE = 'Nguyễn Thị Hè về quê, chân què, nước lũ, cỡ lớn';
	const LINE_TCVN3 = '4e677579d46e205468de2048cc2076d2207175aa2c206368a96e207175cc2c206eaded63206cf22c2063ec206ced6e';
	const LINE_CP1258 = '4e677579eade6e20546869f22048e82076eacc207175ea2c206368e26e207175e82c206efdf5ec63206c75de2c2063f5de206cf5ec6e';
	// the same line in VNI, written from the published table
	const LINE_VNI = 'Nguyeãn Thò Heø veà queâ, chaân queø, nöôùc luõ, côõ lôùn';

	it('strips a UTF-8 BOM and normalises to NFC', () => {
		const bom = Buffer.concat([hex('efbbbf'), Buffer.from('Đảng viên'.normalize('NFD'), 'utf8')]);
		expect(decodeBytes(bom)).toEqual({ text: 'Đảng viên', encoding: 'utf-8' });
		expect(decodeBytes(Buffer.from(LINE.normalize('NFD'), 'utf8'))).toEqual({ text: LINE, encoding: 'utf-8' });
		expect(decodeBytes(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
	});

	it('reads UTF-16 LE and BE by their BOM', () => {
		const le = Buffer.concat([hex('fffe'), Buffer.from(LINE, 'utf16le')]);
		const be = Buffer.concat([hex('feff'), Buffer.from(LINE, 'utf16le').swap16()]);
		expect(decodeBytes(le)).toEqual({ text: LINE, encoding: 'utf-16le' });
		expect(decodeBytes(be)).toEqual({ text: LINE, encoding: 'utf-16be' });
		expect(encodeText(LINE, 'utf-16le').equals(le)).toBe(true);
		expect(encodeText(LINE, 'utf-16be').equals(be)).toBe(true);
	});

	it('reads Windows-1258 bytes', () => {
		expect(decodeBytes(hex(LINE_CP1258))).toEqual({ text: LINE, encoding: 'windows-1258' });
		expect(decodeText(hex(LINE_CP1258))).toEqual({ text: LINE, encoding: 'windows-1258' });
		expect(encodeText(LINE, 'windows-1258').toString('hex')).toBe(LINE_CP1258);
	});

	it('keeps TCVN3 bytes recoverable: bytes → decodeBytes → detectLegacy → legacyToUnicode', () => {
		const d = decodeBytes(hex(LINE_TCVN3));
		expect(d.encoding).toBe('windows-1258');
		expect(d.legacy).toBe('tcvn3');
		const legacy = detectLegacy(d.text);
		expect(legacy).toBe('tcvn3');
		expect(legacyToUnicode(d.text, legacy!)).toBe(LINE);
		expect(decodeText(hex(LINE_TCVN3))).toEqual({ text: LINE, encoding: 'tcvn3' });
		expect(encodeText(LINE, 'tcvn3').toString('hex')).toBe(LINE_TCVN3);
	});

	it('keeps VNI bytes recoverable', () => {
		const d = decodeBytes(bytesOf(LINE_VNI));
		expect(d.legacy).toBe('vni');
		expect(legacyToUnicode(d.text, detectLegacy(d.text)!)).toBe(LINE);
		expect(decodeText(bytesOf(LINE_VNI))).toEqual({ text: LINE, encoding: 'vni' });
		expect(encodeText(LINE, 'vni').equals(bytesOf(LINE_VNI))).toBe(true);
	});

	it('converts legacy text saved as UTF-8 (Excel "CSV UTF-8" of a .VnTime sheet)', () => {
		const csv = 'Hä vµ tªn,KÕt qu¶\nNguyÔn V¨n An,Hoµn thµnh xuÊt s¾c nhiÖm vô\n';
		expect(decodeText(Buffer.from(csv, 'utf8'))).toEqual({
			text: 'Họ và tên,Kết quả\nNguyễn Văn An,Hoàn thành xuất sắc nhiệm vụ\n',
			encoding: 'tcvn3'
		});
	});

	it('keeps Windows punctuation in legacy files', () => {
		const bytes = encodeText('“Hoàn thành” – tốt', 'tcvn3');
		expect(bytes.toString('hex')).toBe('93486fb56e207468b56e689420962074e874');
		expect(decodeText(Buffer.concat([bytes, encodeText(' Đảng viên Nguyễn Văn An', 'tcvn3')])).text).toBe(
			'“Hoàn thành” – tốt Đảng viên Nguyễn Văn An'
		);
	});
});

describe('encodeText', () => {
	it('adds a UTF-8 BOM only when asked', () => {
		expect(encodeText('Đảng', 'utf-8').toString('hex')).toBe(Buffer.from('Đảng').toString('hex'));
		expect(encodeText('Đảng', 'utf-8', { bom: true }).subarray(0, 3).toString('hex')).toBe('efbbbf');
		expect(encodeText('Đảng', 'utf-16le', { bom: false }).subarray(0, 2).toString('hex')).toBe('1001');
	});

	it('writes "?" for what an 8-bit encoding lacks', () => {
		expect(encodeText('A中', 'tcvn3').toString('hex')).toBe('413f');
		expect(encodeText('A中', 'vni').toString('hex')).toBe('413f');
		expect(encodeText('A中', 'windows-1258').toString('hex')).toBe('413f');
	});
});

describe('detectLegacy', () => {
	it.each(SEED_SENTENCES)('null for Unicode (NFC and NFD): %s', (s) => {
		expect(detectLegacy(s)).toBeNull();
		expect(detectLegacy(s.normalize('NFD'))).toBeNull();
	});

	it('null for ASCII, English and other Latin text', () => {
		for (const s of [
			'',
			'Ho va ten, Ket qua, Hoan thanh xuat sac nhiem vu',
			'The quick brown fox jumps over the lazy dog.',
			'Price £5, © 2024 Acme®, 25°C, 5 µm, ½ cup, café, naïve, Zürich, Señor, Noël',
			"Le café « crème » coûte trop cher à Paris, où l'été est chaud.",
			'Müller, Größe, Straße; São Paulo, João'
		]) {
			expect(detectLegacy(s), s).toBeNull();
		}
	});

	it('finds TCVN3 in one short line', () => {
		expect(detectLegacy('NguyÔn V¨n An, TrÇn ThÞ B×nh, Lª Minh Hoµng')).toBe('tcvn3');
		expect(detectLegacy('§¶ng viªn')).toBe('tcvn3');
		expect(detectLegacy('NGUYÔN V¡N AN')).toBe('tcvn3'); // typed in a .VnTimeH font
		for (const [legacy] of TCVN3_SAMPLES.slice(0, 2)) expect(detectLegacy(legacy)).toBe('tcvn3');
	});

	it('finds VNI in one short line', () => {
		expect(detectLegacy('Nguyeãn Vaên An, Traàn Thò Bình, Leâ Minh Hoaøng')).toBe('vni');
		expect(detectLegacy('Ñaûng vieân')).toBe('vni');
		expect(detectLegacy('NGUYEÃN VAÊN AN')).toBe('vni');
		for (const [legacy] of VNI_SAMPLES.slice(0, 2)) expect(detectLegacy(legacy)).toBe('vni');
	});
});

describe('fonts', () => {
	it('names the encoding', () => {
		for (const f of ['.VnTime', '.VnTimeH', '.VnArial', '.VnArialH', '.VnArial NarrowH', '.VnCentury Schoolbook']) {
			expect(fontEncoding(f), f).toBe('tcvn3');
		}
		for (const f of ['VNI-Times', 'VNI-Helve', 'VNI-Helve-Condense', 'vni-times']) expect(fontEncoding(f), f).toBe('vni');
		for (const f of ['Times New Roman', 'Arial', 'Calibri', 'VnTime', undefined, '']) expect(fontEncoding(f), f).toBeNull();
	});

	it('knows the TCVN3 capitals fonts', () => {
		expect(isTcvn3UpperFont('.VnTimeH')).toBe(true);
		expect(isTcvn3UpperFont('.VnArialH')).toBe(true);
		expect(isTcvn3UpperFont('.VnTime')).toBe(false);
		expect(isTcvn3UpperFont('VNI-Times')).toBe(false);
		expect(isTcvn3UpperFont('Times New Roman')).toBe(false);
		expect(isTcvn3UpperFont(undefined)).toBe(false);
	});

	it('converts a cell by its font; .VnTimeH text is upper-cased', () => {
		expect(convertFontText('§¶ng viªn', '.VnTime')).toBe('Đảng viên');
		expect(convertFontText('§¶ng viªn', '.VnTimeH')).toBe('ĐẢNG VIÊN');
		expect(convertFontText('hoµn thµnh xuÊt s¾c nhiÖm vô', '.VnArialH')).toBe('HOÀN THÀNH XUẤT SẮC NHIỆM VỤ');
		expect(convertFontText('Ñaûng vieân', 'VNI-Times')).toBe('Đảng viên');
		expect(convertFontText('Ñaûng vieân', 'Arial')).toBe('Ñaûng vieân');
		// Unicode typed into a cell still formatted .VnTime stays as typed
		expect(convertFontText('Đảng viên Nguyễn Văn An', '.VnTime')).toBe('Đảng viên Nguyễn Văn An');
		expect(convertFontText('Hoàn thành tốt nhiệm vụ'.normalize('NFD'), '.VnTimeH')).toBe('Hoàn thành tốt nhiệm vụ');
	});
});

// The seed documents themselves, when shared/ sits beside the repository (as on CI)
const SEEDS = fileURLToPath(new URL('../../../../shared/seeds', import.meta.url));
describe.skipIf(!existsSync(SEEDS))('seed documents', () => {
	const docs = existsSync(SEEDS)
		? readdirSync(SEEDS).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(`${SEEDS}/${f}`, 'utf8'))
		: [];

	it('no paragraph reads as legacy (NFC or NFD)', () => {
		for (const doc of docs) {
			for (const p of doc.split(/\n+/)) {
				expect(detectLegacy(p.normalize('NFC')), p).toBeNull();
				expect(detectLegacy(p.normalize('NFD')), p).toBeNull();
			}
		}
	});

	it('each document survives every encoding through decodeText', () => {
		for (const doc of docs) {
			const nfc = doc.normalize('NFC');
			expect(decodeText(encodeText(doc, 'utf-8', { bom: true }))).toEqual({ text: nfc, encoding: 'utf-8' });
			expect(decodeText(encodeText(doc, 'utf-16le'))).toEqual({ text: nfc, encoding: 'utf-16le' });
			expect(decodeText(encodeText(doc, 'windows-1258')).encoding).toBe('windows-1258');
			expect(decodeText(encodeText(doc, 'vni'))).toEqual({ text: nfc, encoding: 'vni' });
			const t = decodeText(encodeText(doc, 'tcvn3'));
			expect(t.encoding).toBe('tcvn3');
			expect(t.text.toLowerCase()).toBe(nfc.toLowerCase());
		}
	});
});
