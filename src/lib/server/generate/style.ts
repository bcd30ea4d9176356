// How one generated file looks, drawn from its own random stream at the configured rates of mess:
// CSV or XLSX, separator, BOM, encoding (UTF-8, Windows-1258, TCVN3, VNI; NFD), title lines, legacy
// fonts in cells, date spellings, level spellings (full, abbreviated, lower-case), header variants,
// bare birth years, card numbers left out or dotted, stray spaces. writers.ts asks it for every cell.
import { alnumKey, fieldOfHeader } from '$lib/server/ingest/fields';
import { fold } from '$lib/domain/anomaly';
import { fmtDate, type DateStyle } from './dates';
import { Rng } from './prng';
import type { Lv } from './types';

export interface Mess {
	xlsx: number;
	/** share of XLSX files with title lines and merged cells */
	titles: number;
	/** share of titled XLSX files whose year is only in the title */
	yearFromTitle: number;
	csvTitles: number;
	nfd: number;
	semicolonBom: number;
	utf8Bom: number;
	cp1258: number;
	tcvn3: number;
	vni: number;
	/** share of XLSX files typed in a legacy font */
	xlsxLegacy: number;
	bareBirthYear: number;
	noCard: number;
	cardDots: number;
	lowerLevels: number;
	abbrevLevels: number;
	stray: number;
	dateCells: number;
	/** XLSX member lists of agency đảng bộ grouped under "Chi bộ …" section rows */
	sectionRows: number;
	/** a second, summary sheet in XLSX lists */
	summarySheet: number;
}

export const DEFAULT_MESS: Mess = {
	xlsx: 0.3,
	titles: 0.8,
	yearFromTitle: 0.4,
	csvTitles: 0.05,
	nfd: 0.08,
	semicolonBom: 0.15,
	utf8Bom: 0.2,
	cp1258: 0.05,
	tcvn3: 0.025,
	vni: 0.025,
	xlsxLegacy: 0.06,
	bareBirthYear: 0.12,
	noCard: 0.08,
	cardDots: 0.15,
	lowerLevels: 0.15,
	abbrevLevels: 0.4,
	stray: 0.1,
	dateCells: 0.35,
	sectionRows: 0.4,
	summarySheet: 0.1
};

export type Enc = 'utf-8' | 'windows-1258' | 'tcvn3' | 'vni';

export interface FileStyle {
	rng: Rng;
	fmt: 'csv' | 'xlsx';
	sep: ',' | ';';
	bom: boolean;
	enc: Enc;
	nfd: boolean;
	legacy: 'tcvn3' | 'vni' | null;
	titles: boolean;
	yearFromTitle: boolean;
	dateCells: boolean;
	dateStyle: DateStyle;
	bareYear: boolean;
	noCard: boolean;
	cardDots: boolean;
	levels: string[];
	stray: boolean;
	commaDecimal: boolean;
}

const LEVEL_SETS: string[][] = [
	['', 'Không hoàn thành nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành xuất sắc nhiệm vụ'],
	['', 'KHTNV', 'HTNV', 'HTTNV', 'HTXSNV'],
	['', 'KHT', 'HT', 'HTT', 'HTXS'],
	['', 'Không hoàn thành', 'Hoàn thành', 'Tốt', 'Xuất sắc'],
	['', 'Không HTNV', 'HTNV', 'HT tốt NV', 'HT xuất sắc NV'],
	['', 'Không hoàn thành', 'Hoàn thành', 'Hoàn thành tốt', 'Hoàn thành xuất sắc']
];

/** Every level spelling the generator can write (the test checks each maps through level_alias.csv). */
export const ALL_LEVEL_SPELLINGS = LEVEL_SETS.flat().filter(Boolean);

const DATE_STYLES: DateStyle[] = ['dmy', 'dmy', 'dmy', 'dmy', 'd/m', 'd/m', 'iso', 'dash', 'dot'];

export function fileStyle(seed: string, name: string, m: Mess, opts: { allowXlsx: boolean; allowLegacy: boolean }): FileStyle {
	const rng = new Rng(`${seed}|file|${name}`);
	const fmt = opts.allowXlsx && rng.chance(m.xlsx) ? 'xlsx' : 'csv';
	const semi = rng.chance(m.semicolonBom);
	let enc: Enc = 'utf-8';
	const e = rng.next();
	if (fmt === 'csv' && opts.allowLegacy) {
		if (e < m.tcvn3) enc = 'tcvn3';
		else if (e < m.tcvn3 + m.vni) enc = 'vni';
		else if (e < m.tcvn3 + m.vni + m.cp1258) enc = 'windows-1258';
	}
	const legacy = fmt === 'xlsx' && opts.allowLegacy && rng.chance(m.xlsxLegacy) ? (rng.chance(0.6) ? 'tcvn3' : 'vni') : null;
	const titles = fmt === 'xlsx' ? rng.chance(m.titles) : rng.chance(m.csvTitles);
	const abbrev = rng.chance(m.abbrevLevels);
	let set = abbrev ? LEVEL_SETS[rng.pick([1, 1, 1, 2, 4])] : LEVEL_SETS[rng.pick([0, 0, 0, 0, 3, 5])];
	if (rng.chance(m.lowerLevels)) set = set.map((s) => s.toLowerCase());
	return {
		rng,
		fmt,
		sep: semi ? ';' : ',',
		bom: enc === 'utf-8' && (semi || rng.chance(m.utf8Bom)),
		enc,
		nfd: enc === 'utf-8' && rng.chance(m.nfd),
		legacy,
		titles,
		yearFromTitle: fmt === 'xlsx' && titles && rng.chance(m.yearFromTitle),
		dateCells: fmt === 'xlsx' && rng.chance(m.dateCells),
		dateStyle: rng.pick(DATE_STYLES),
		bareYear: rng.chance(m.bareBirthYear),
		noCard: rng.chance(m.noCard),
		cardDots: rng.chance(m.cardDots),
		levels: set,
		stray: rng.chance(m.stray),
		commaDecimal: rng.chance(0.6)
	};
}

/** Header spellings per field, first most common. Each must map back to its field (tested). */
export const HEADERS: Record<string, string[]> = {
	stt: ['STT', 'STT', 'TT', 'Số thứ tự'],
	full_name: ['Họ và tên', 'Họ và tên', 'Họ tên', 'Họ và tên đảng viên', 'HỌ VÀ TÊN'],
	birth: ['Ngày sinh', 'Ngày sinh', 'Ngày tháng năm sinh', 'Sinh ngày'],
	birth_year: ['Năm sinh'],
	sex: ['Giới tính', 'Nam/Nữ'],
	card_no: ['Số thẻ đảng viên', 'Số thẻ ĐV', 'Số thẻ', 'Mã đảng viên'],
	position: ['Chức vụ', 'Chức danh', 'Chức vụ, chức danh'],
	is_head: ['Người đứng đầu', 'Là người đứng đầu', 'Đứng đầu'],
	unit_code: ['Mã đơn vị', 'Mã chi bộ', 'Mã tổ chức đảng', 'Mã TCĐ'],
	unit_name_cb: ['Chi bộ', 'Tên chi bộ', 'Chi bộ sinh hoạt', 'Nơi sinh hoạt'],
	unit_name_org: ['Tên tổ chức đảng', 'Tổ chức đảng', 'Tên đơn vị'],
	status: ['Tình trạng', 'Trạng thái', 'Tình trạng đảng viên'],
	joined_party_on: ['Ngày vào Đảng', 'Ngày kết nạp', 'Ngày kết nạp Đảng'],
	joined_unit_on: ['Ngày chuyển đến', 'Chuyển đến ngày', 'Ngày đến'],
	year: ['Năm', 'Năm đánh giá', 'Năm xếp loại'],
	period: ['Kỳ đánh giá', 'Quý', 'Kỳ'],
	score: ['Điểm', 'Tổng điểm', 'Điểm đánh giá'],
	decider: ['Cấp quyết định', 'Cơ quan quyết định', 'Cấp có thẩm quyền', 'Mã cấp quyết định'],
	self_level: ['Tự xếp loại', 'Tự nhận mức xếp loại', 'Tự đánh giá', 'Tự nhận xếp loại'],
	proposed_level: ['Chi bộ đề xuất', 'Đề xuất', 'Đề xuất xếp loại', 'Tổ đảng đề xuất'],
	final_level: ['Xếp loại', 'Kết quả xếp loại', 'Mức xếp loại', 'Quyết định xếp loại', 'Xếp loại chất lượng'],
	cs_level: ['Xếp loại viên chức', 'Xếp loại CBCCVC', 'Xếp loại công chức, viên chức', 'Kết quả xếp loại CBCCVC'],
	reviewed_on: ['Ngày kiểm điểm', 'Kiểm điểm ngày'],
	sick_days: ['Số ngày nghỉ ốm', 'Nghỉ ốm (ngày)', 'Ngày nghỉ ốm'],
	decided_on: ['Ngày quyết định', 'Ngày xếp loại', 'Ngày ra quyết định', 'Ngày ký'],
	subject_kind: ['Đối tượng', 'Loại đối tượng', 'Đối tượng xếp loại'],
	not_rated_reason: ['Lý do không xếp loại', 'Lý do chưa xếp loại'],
	note: ['Ghi chú'],
	agency: ['Cơ quan công tác', 'Cơ quan, đơn vị công tác', 'Nơi công tác'],
	discipline_form: ['Hình thức kỷ luật', 'Hình thức'],
	self_remedied: ['Tự phát hiện, khắc phục', 'Tự phát hiện khắc phục', 'Tự phát hiện và khắc phục'],
	issuing_body: ['Cấp kỷ luật', 'Cơ quan ra quyết định', 'Cấp ra quyết định'],
	unit_kind: ['Loại', 'Loại hình', 'Loại tổ chức'],
	parent: ['Mã đơn vị cấp trên', 'Trực thuộc', 'Cấp trên'],
	province: ['Tỉnh/Thành phố', 'Tỉnh/TP', 'Tỉnh'],
	locality: ['Huyện/Xã', 'Địa bàn'],
	founded_on: ['Ngày thành lập', 'Thành lập'],
	dissolved_on: ['Ngày giải thể', 'Giải thể'],
	merged_into: ['Sáp nhập vào', 'Hợp nhất vào'],
	split_from: ['Tách từ', 'Chia tách từ'],
	renamed_from: ['Đổi tên từ', 'Mã cũ'],
	lineage_on: ['Ngày hiệu lực', 'Ngày biến động']
};

/** The field a HEADERS key stands for (unit_name_cb / unit_name_org -> unit_name, birth_year -> birth). */
export function fieldOf(key: string): string {
	return key === 'unit_name_cb' || key === 'unit_name_org' ? 'unit_name' : key === 'birth_year' ? 'birth' : key;
}

export function header(st: FileStyle, key: string): string {
	const opts = HEADERS[key];
	return st.rng.chance(0.55) ? opts[0] : st.rng.pick(opts);
}

/** Check that a header spelling maps to the intended field (used by the tests). */
export function headerMaps(text: string, field: string): boolean {
	return fieldOfHeader(text) === field || alnumKey(text) === alnumKey(field);
}

export function level(st: FileStyle, lv: Lv): string {
	return lv ? st.levels[lv] : '';
}

export type Cell = string | number | null | { d: number };

export const date = (n: number): Cell => (n ? { d: n } : null);

export function card(st: FileStyle, c: string): string {
	return st.cardDots ? `${c.slice(0, 2)}.${c.slice(2)}` : c;
}

export function score(st: FileStyle, s: number): Cell {
	if (Number.isNaN(s)) return null;
	if (st.fmt === 'xlsx') return s;
	const t = Number.isInteger(s) ? String(s) : s.toFixed(1);
	return st.commaDecimal ? t.replace('.', ',') : t;
}

export function fmtCell(st: FileStyle, c: Cell): string {
	if (c === null) return '';
	if (typeof c === 'object') return fmtDate(c.d, st.dateStyle);
	return typeof c === 'number' ? String(c) : c;
}

/** "Có" / "x" for true; "Không" or blank for false (blank only where the position names no head). */
export function yesNo(st: FileStyle, b: boolean, position = ''): string {
	if (b) return st.rng.chance(0.7) ? 'Có' : 'x';
	return namesHead(position) || st.rng.chance(0.3) ? 'Không' : '';
}

const headWords = new Map<string, boolean>();
/** Might the ingest read this position as a head's ("Bí thư…", "Chủ tịch…") when the cell is blank? (a superset of
 * sql/functions.sql head_title_scopes: "Không" is written where in doubt) */
function namesHead(position: string): boolean {
	let v = headWords.get(position);
	if (v === undefined) {
		v = /^(bi thu|giam doc|chu tich|truong (phong|ban|khoa))/.test(fold(position));
		if (headWords.size < 10_000) headWords.set(position, v);
	}
	return v;
}

