// Turns generated records into the files units send: rosters, rating lists, civil-servant lists,
// discipline registers and the unit registry, as CSV or XLSX with the mess style.ts draws (title
// lines, merged cells, header variants, legacy encodings…). Column spellings come from the ingest's
// vocabulary (src/lib/server/ingest/fields.ts). Called by index.ts; the Sink writes the bytes.
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FileKind } from '$lib/domain/levels';
import { fold } from '$lib/domain/anomaly';
import { encodeText, unicodeToLegacy } from '$lib/server/ingest/encoding';
import { excelSerial, fmtDate, parts, yearOf } from './dates';
import { card, date, fmtCell, header, level, score, yesNo, type Cell, type FileStyle } from './style';
import type { CsRating, Discipline, Person, Rating, RosterRow, Unit } from './types';
import { ST, xlsxBuffer, type XValue } from './xlsx';

export class Sink {
	files = 0;
	bytes = 0;
	rows = 0;
	readonly byKind: Record<string, { files: number; rows: number }> = {};
	constructor(readonly dir: string) {
		mkdirSync(dir, { recursive: true });
	}
	write(name: string, buf: Buffer | string, kind: string, rows: number): void {
		writeFileSync(join(this.dir, name), buf);
		this.count(kind, rows, typeof buf === 'string' ? Buffer.byteLength(buf) : buf.length);
	}
	append(name: string, text: string, kind: string, rows: number, newFile: boolean): void {
		if (newFile) writeFileSync(join(this.dir, name), text);
		else appendFileSync(join(this.dir, name), text);
		this.count(kind, rows, Buffer.byteLength(text), newFile);
	}
	private count(kind: string, rows: number, bytes: number, isNew = true): void {
		const k = (this.byKind[kind] ??= { files: 0, rows: 0 });
		if (isNew) {
			this.files++;
			k.files++;
		}
		k.rows += rows;
		this.rows += rows;
		this.bytes += bytes;
	}
}

export interface Table {
	kind: FileKind;
	sheet: string;
	/** left and right heading lines ("ĐẢNG BỘ TỈNH …" / "ĐẢNG CỘNG SẢN VIỆT NAM") */
	top: [string[], string[]];
	title: string[];
	headers: string[];
	rows: Cell[][];
	/** section rows ("Chi bộ Thôn 1") inserted before the given data row, in the name column */
	sections?: Array<{ at: number; label: string; col: number }>;
	summary?: Array<[string, number]>;
}

const NEEDS_QUOTES = /[",;\n\r]/;
function csvQuote(s: string, _sep: string): string {
	return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

function strayed(st: FileStyle, s: string): string {
	if (!st.stray || !s || st.rng.next() > 0.06) return s;
	return st.rng.chance(0.5) ? ` ${s}` : `${s} `;
}

/** The data rows with section rows in place, as cells. */
function grid(t: Table): Cell[][] {
	if (!t.sections?.length) return t.rows;
	const out: Cell[][] = [];
	const at = new Map(t.sections.map((s) => [s.at, s]));
	t.rows.forEach((r, i) => {
		const s = at.get(i);
		if (s) {
			const row: Cell[] = t.headers.map(() => null);
			row[s.col] = s.label;
			out.push(row);
		}
		out.push(r);
	});
	return out;
}

export function renderCsv(st: FileStyle, t: Table): Buffer {
	const nl = st.enc !== 'utf-8' || st.sep === ';' ? '\r\n' : '\n';
	const lines: string[] = [];
	if (st.titles) {
		for (const l of [...t.top[0], '', ...t.title, '']) lines.push(csvQuote(l, st.sep));
	}
	lines.push(t.headers.map((h) => csvQuote(h, st.sep)).join(st.sep));
	for (const r of grid(t)) lines.push(r.map((c) => csvQuote(strayed(st, fmtCell(st, c)), st.sep)).join(st.sep));
	let text = lines.join(nl) + nl;
	if (st.nfd) text = text.normalize('NFD');
	return encodeText(text, st.enc, { bom: st.bom });
}

function xText(st: FileStyle, s: string, styleIdx: number, upper = false): XValue {
	if (st.legacy === 'tcvn3') {
		if (upper) return { v: unicodeToLegacy(s.toLowerCase(), 'tcvn3'), s: ST.vnTimeH };
		return { v: unicodeToLegacy(s, 'tcvn3'), s: ST.vnTime };
	}
	if (st.legacy === 'vni') return { v: unicodeToLegacy(s, 'vni'), s: upper ? ST.vniBold : ST.vni };
	const v = st.nfd ? s.normalize('NFD') : s;
	return styleIdx ? { v, s: styleIdx } : v;
}

export function renderXlsx(st: FileStyle, t: Table): Buffer {
	const w = t.headers.length;
	const last = String.fromCharCode(64 + Math.min(26, w));
	const rows: XValue[][] = [];
	const merges: string[] = [];
	if (st.titles) {
		const half = Math.max(2, Math.floor(w / 2));
		const mid = String.fromCharCode(64 + half);
		const right = String.fromCharCode(65 + half);
		for (let i = 0; i < Math.max(t.top[0].length, t.top[1].length); i++) {
			const row: XValue[] = Array(w).fill(null);
			if (t.top[0][i]) row[0] = xText(st, t.top[0][i], ST.title, true);
			if (t.top[1][i]) row[half] = xText(st, t.top[1][i], i === 0 ? ST.title : ST.normal, i === 0);
			rows.push(row);
			merges.push(`A${rows.length}:${mid}${rows.length}`, `${right}${rows.length}:${last}${rows.length}`);
		}
		rows.push([]);
		t.title.forEach((l, i) => {
			rows.push([xText(st, l, i === 0 ? ST.title : ST.normal, i === 0)]);
			merges.push(`A${rows.length}:${last}${rows.length}`);
		});
		rows.push([]);
	}
	rows.push(t.headers.map((h) => xText(st, h, ST.header)));
	for (const r of grid(t)) {
		rows.push(
			r.map((c): XValue => {
				if (c === null) return null;
				if (typeof c === 'number') return c;
				if (typeof c === 'object') return st.dateCells ? { date: excelSerial(c.d) } : xText(st, fmtDate(c.d, st.dateStyle), 0);
				return xText(st, strayed(st, c), 0);
			})
		);
	}
	const sheets = [{ name: t.sheet, rows, merges, widths: t.headers.map((h) => Math.min(40, Math.max(6, h.length + 2))) }];
	if (t.summary) {
		sheets.push({
			name: 'Tổng hợp',
			rows: [[xText(st, 'Mức xếp loại', ST.header), xText(st, 'Số lượng', ST.header), xText(st, 'Tỷ lệ (%)', ST.header)], ...t.summary.map(([k, n]) => [xText(st, k, 0), n, null])],
			merges: [],
			widths: [30, 10, 10]
		});
	}
	return xlsxBuffer(sheets);
}

export function render(st: FileStyle, t: Table): Buffer {
	return st.fmt === 'xlsx' ? renderXlsx(st, t) : renderCsv(st, t);
}

// ------------------------------------------------------------------ naming helpers

export function upperVi(s: string): string {
	return s.toLocaleUpperCase('vi');
}

/** "Đảng bộ xã Bom Bo" -> "Đảng ủy xã Bom Bo": the body that decides in the organisation's name. */
export function bodyName(u: Unit): string {
	if (u.kind === 'dang_bo_co_so') return u.name.replace(/^Đảng bộ/, 'Đảng ủy');
	return u.name;
}

export function slug(s: string): string {
	return fold(s)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-|-$/g, '')
		.slice(0, 40);
}

function signLine(u: Unit, d: number): string {
	const { y, m, d: dd } = parts(d);
	const place = u.locality.replace(/^(Xã|Phường|Thị trấn|Huyện|Thị xã|Thành phố|Quận)\s+/, '');
	return `${place}, ngày ${dd} tháng ${m} năm ${y}`;
}

export interface Ctx {
	/** "ĐẢNG BỘ TỈNH BÌNH PHƯỚC" / "ĐẢNG BỘ HUYỆN BÙ ĐĂNG": the level above the deciding body */
	upper: string;
}

function top(ctx: Ctx, body: Unit, d: number): [string[], string[]] {
	return [
		[upperVi(ctx.upper), upperVi(bodyName(body))],
		['ĐẢNG CỘNG SẢN VIỆT NAM', signLine(body, d)]
	];
}

function nameCols(st: FileStyle, p: Person, withCard: boolean): { h: string[]; v: Cell[] } {
	const h = [header(st, 'full_name'), st.bareYear && withCard ? header(st, 'birth_year') : header(st, 'birth')];
	const v: Cell[] = [p.name, st.bareYear && withCard ? String(yearOf(p.birth)) : date(p.birth)];
	return { h, v };
}

const SUBJECT_VALUES: Record<string, string[]> = {
	member: ['Đảng viên', 'Đảng viên', 'ĐV'],
	party_org: ['Tổ chức đảng', 'Tổ chức đảng', 'TCĐ'],
	leadership: ['Tập thể lãnh đạo, quản lý', 'Tập thể lãnh đạo', 'Cấp ủy'],
	leader: ['Cá nhân lãnh đạo, quản lý', 'Cán bộ lãnh đạo, quản lý', 'Lãnh đạo quản lý']
};

const STATUS_VALUES: Record<string, string[]> = {
	official: ['Chính thức', 'Chính thức', 'Đảng viên chính thức', 'CT'],
	probationary: ['Dự bị', 'Đảng viên dự bị', 'DB'],
	temporary: ['Sinh hoạt tạm thời', 'Tạm thời', 'SHTT'],
	exempt: ['Miễn sinh hoạt', 'Miễn sinh hoạt đảng', 'Miễn SH'],
	suspended: ['Đình chỉ sinh hoạt', 'Đình chỉ']
};

const SUBJECT_TITLE: Record<string, string> = {
	member: 'ĐẢNG VIÊN',
	party_org: 'TỔ CHỨC ĐẢNG',
	leadership: 'TẬP THỂ LÃNH ĐẠO, QUẢN LÝ',
	leader: 'CÁ NHÂN CÁN BỘ LÃNH ĐẠO, QUẢN LÝ',
	mixed: 'TỔ CHỨC ĐẢNG VÀ TẬP THỂ LÃNH ĐẠO, QUẢN LÝ'
};

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

// ------------------------------------------------------------------ the file kinds

export function rosterTable(st: FileStyle, ctx: Ctx, g: Unit, y: number, rows: RosterRow[], forceCard: boolean): Table {
	const withCard = forceCard || !st.noCard;
	const withYear = !st.yearFromTitle;
	const headers = [header(st, 'stt'), ...nameCols(st, rows[0]?.person ?? ({} as Person), withCard).h, header(st, 'sex')];
	if (withCard) headers.push(header(st, 'card_no'));
	headers.push(header(st, 'position'), header(st, 'is_head'), header(st, 'unit_code'), header(st, 'status'), header(st, 'joined_party_on'), header(st, 'joined_unit_on'));
	if (withYear) headers.push(header(st, 'year'));
	const out: Cell[][] = rows.map((r, i) => {
		const p = r.person;
		const row: Cell[] = [i + 1, ...nameCols(st, p, withCard).v, p.female ? 'Nữ' : 'Nam'];
		if (withCard) row.push(card(st, p.card));
		row.push(
			r.position || null,
			yesNo(st, r.isHead, r.position),
			r.unit.code,
			st.rng.pick(STATUS_VALUES[r.status]),
			date(p.admitted),
			r.joinedUnit !== p.admitted ? date(r.joinedUnit) : null
		);
		if (withYear) row.push(y);
		return row;
	});
	return {
		kind: 'roster',
		sheet: 'Danh sách đảng viên',
		top: top(ctx, g, new Date(Date.UTC(y, 9, 31)).getTime() / 86_400_000),
		title: [`DANH SÁCH ĐẢNG VIÊN ${upperVi(g.name)} NĂM ${y}`],
		headers,
		rows: out
	};
}

export interface ListOpts {
	forceCard: boolean;
	forceSick: boolean;
	/** group rows under "Chi bộ …" section rows instead of a unit column */
	sections: boolean;
	/** under QĐ 366 */
	scored: boolean;
	csColumn: boolean;
	finalHeader: string;
	decisionNo: number;
	/** the roster's "Ngày chuyển đến" of each member */
	joined: Map<Person, number>;
}

/** A member rating list of one deciding body (đảng ủy cơ sở, or a chi bộ cơ sở for itself). */
export function memberListTable(st: FileStyle, ctx: Ctx, decider: Unit, y: number, rs: Rating[], o: ListOpts): Table {
	const withCard = o.forceCard || !st.noCard;
	const withYear = !st.yearFromTitle;
	const optional = (p: number) => st.rng.chance(p);
	const cols = {
		self: optional(0.7),
		proposed: optional(0.75),
		joined: optional(0.3),
		moved: optional(0.2),
		sick: o.forceSick || optional(0.5),
		subject: optional(0.5),
		name: !o.sections && optional(0.3),
		period: o.scored && optional(0.4)
	};
	const headers: string[] = [header(st, 'stt'), ...nameCols(st, rs[0]?.person ?? ({} as Person), withCard).h];
	if (withCard) headers.push(header(st, 'card_no'));
	headers.push(header(st, 'position'), header(st, 'is_head'));
	if (!o.sections) headers.push(header(st, 'unit_code'));
	if (cols.name) headers.push(header(st, 'unit_name_cb'));
	if (cols.joined) headers.push(header(st, 'joined_party_on'));
	if (cols.moved) headers.push(header(st, 'joined_unit_on'));
	if (cols.self) headers.push(header(st, 'self_level'));
	if (cols.proposed) headers.push(header(st, 'proposed_level'));
	headers.push(o.finalHeader);
	if (o.csColumn) headers.push(header(st, 'cs_level'));
	if (o.scored) headers.push(header(st, 'score'));
	headers.push(header(st, 'reviewed_on'), header(st, 'decided_on'));
	if (cols.sick) headers.push(header(st, 'sick_days'));
	if (cols.period) headers.push(header(st, 'period'));
	headers.push(header(st, 'decider'));
	if (cols.subject) headers.push(header(st, 'subject_kind'));
	headers.push(header(st, 'not_rated_reason'));
	if (withYear) headers.push(header(st, 'year'));
	headers.push(header(st, 'note'));
	const sections: Table['sections'] = [];
	let lastUnit: Unit | null = null;
	const rows = rs.map((r, i) => {
		const p = r.person!;
		if (o.sections && r.unit !== lastUnit) sections.push({ at: i, label: r.unit.name, col: 1 });
		lastUnit = r.unit;
		const row: Cell[] = [i + 1, ...nameCols(st, p, withCard).v];
		if (withCard) row.push(card(st, p.card));
		row.push(r.position || null, yesNo(st, r.isHead, r.position));
		if (!o.sections) row.push(r.unit.code);
		if (cols.name) row.push(r.unit.name);
		if (cols.joined) row.push(date(p.admitted));
		if (cols.moved) {
			const j = o.joined.get(p);
			row.push(j && j !== p.admitted ? date(j) : null);
		}
		if (cols.self) row.push(level(st, r.self) || null);
		if (cols.proposed) row.push(level(st, r.proposed) || null);
		row.push(level(st, r.final) || null);
		if (o.csColumn) row.push(level(st, r.csLevel) || null);
		if (o.scored) row.push(score(st, r.score));
		row.push(date(r.reviewed), date(r.decided));
		if (cols.sick) row.push(r.sick ? r.sick : null);
		if (cols.period) row.push('Năm');
		row.push(r.decider.code);
		if (cols.subject) row.push(st.rng.pick(SUBJECT_VALUES.member));
		row.push(r.reason || null);
		if (withYear) row.push(y);
		row.push(null);
		return row;
	});
	const body = bodyName(decider);
	return {
		kind: 'rating',
		sheet: 'Xếp loại đảng viên',
		top: top(ctx, decider, rs[0]?.decided ?? 0),
		title: [
			`DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${y}`,
			`(Kèm theo Quyết định số ${o.decisionNo}-QĐ/ĐU ngày ${fmtDate(rs[0]?.decided ?? 0)} của ${body})`
		],
		headers,
		rows,
		sections: o.sections ? sections : undefined,
		summary: summaryOf(st, rs)
	};
}

function summaryOf(st: FileStyle, rs: Rating[]): Table['summary'] {
	if (st.fmt !== 'xlsx' || !st.rng.chance(0.1)) return undefined;
	const n = [0, 0, 0, 0, 0];
	for (const r of rs) n[r.final]++;
	return [4, 3, 2, 1].map((l) => [st.levels[l], n[l]] as [string, number]);
}

/** Ratings of organisations and/or leadership collectives decided by one body. */
export function orgListTable(st: FileStyle, ctx: Ctx, decider: Unit, y: number, rs: Rating[], o: Pick<ListOpts, 'scored' | 'finalHeader' | 'decisionNo'>, what: 'party_org' | 'leadership' | 'mixed'): Table {
	const withYear = !st.yearFromTitle;
	const self = st.rng.chance(0.6);
	const headers = [header(st, 'stt'), header(st, 'unit_name_org'), header(st, 'unit_code'), header(st, 'subject_kind')];
	if (self) headers.push(header(st, 'self_level'));
	headers.push(o.finalHeader);
	if (o.scored) headers.push(header(st, 'score'));
	headers.push(header(st, 'reviewed_on'), header(st, 'decided_on'), header(st, 'decider'), header(st, 'not_rated_reason'));
	if (withYear) headers.push(header(st, 'year'));
	const rows = rs.map((r, i) => {
		const row: Cell[] = [i + 1, r.kind === 'leadership' ? leadershipName(r.unit) : r.unit.name, r.unit.code, st.rng.pick(SUBJECT_VALUES[r.kind])];
		if (self) row.push(level(st, r.self) || null);
		row.push(level(st, r.final) || null);
		if (o.scored) row.push(score(st, r.score));
		row.push(date(r.reviewed), date(r.decided), r.decider.code, r.reason || null);
		if (withYear) row.push(y);
		return row;
	});
	return {
		kind: 'rating',
		sheet: 'Xếp loại tổ chức',
		top: top(ctx, decider, rs[0]?.decided ?? 0),
		title: [`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ${SUBJECT_TITLE[what]} NĂM ${y}`, `(Kèm theo Quyết định số ${o.decisionNo}-QĐ/${decider.kind === 'tinh_uy' ? 'TU' : 'HU'})`],
		headers,
		rows
	};
}

function leadershipName(u: Unit): string {
	if (u.kind === 'huyen_uy') return `Ban Thường vụ ${u.name}`;
	if (u.kind === 'chi_bo_co_so') return `Chi ủy ${u.name}`;
	return `Ban Chấp hành ${u.name}`;
}

/** Leaders rated by one body, for the year or a quarter. */
export function leaderListTable(st: FileStyle, ctx: Ctx, decider: Unit, y: number, q: number, rs: Rating[], o: Pick<ListOpts, 'scored' | 'finalHeader' | 'decisionNo' | 'forceCard'>): Table {
	const withCard = o.forceCard || !st.noCard;
	const withYear = !st.yearFromTitle;
	const periodCol = q > 0 && (!st.titles || st.rng.chance(0.6));
	const headers = [header(st, 'stt'), ...nameCols(st, rs[0]?.person ?? ({} as Person), withCard).h];
	if (withCard) headers.push(header(st, 'card_no'));
	headers.push(header(st, 'position'), header(st, 'is_head'), header(st, 'unit_code'), header(st, 'subject_kind'), header(st, 'self_level'), o.finalHeader);
	if (o.scored) headers.push(header(st, 'score'));
	headers.push(header(st, 'reviewed_on'), header(st, 'decided_on'));
	if (periodCol) headers.push(header(st, 'period'));
	headers.push(header(st, 'decider'));
	if (withYear) headers.push(header(st, 'year'));
	const rows = rs.map((r, i) => {
		const p = r.person!;
		const row: Cell[] = [i + 1, ...nameCols(st, p, withCard).v];
		if (withCard) row.push(card(st, p.card));
		row.push(r.position, yesNo(st, r.isHead, r.position), r.unit.code, st.rng.pick(SUBJECT_VALUES.leader), level(st, r.self) || null, level(st, r.final) || null);
		if (o.scored) row.push(score(st, r.score));
		row.push(date(r.reviewed), date(r.decided));
		if (periodCol) row.push(st.rng.chance(0.5) ? `Quý ${ROMAN[q]}` : `Quý ${q}`);
		row.push(r.decider.code);
		if (withYear) row.push(y);
		return row;
	});
	return {
		kind: 'rating',
		sheet: q ? `Quý ${ROMAN[q]}` : 'Cán bộ lãnh đạo',
		top: top(ctx, decider, rs[0]?.decided ?? 0),
		title: [`DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ${SUBJECT_TITLE.leader} ${q ? `QUÝ ${ROMAN[q]} ` : ''}NĂM ${y}`],
		headers,
		rows
	};
}

/** Civil-servant ratings of one agency (the members of one chi bộ who work there). */
export function csTable(st: FileStyle, ctx: Ctx, cb: Unit, y: number, cs: CsRating[], o: { forceCard: boolean; scored: boolean }): Table {
	const withCard = o.forceCard || !st.noCard;
	const withYear = !st.yearFromTitle;
	const sick = st.rng.chance(0.4);
	// the title names civil servants, so the level column is a plain "Xếp loại" (a "Xếp loại viên
	// chức" column would read as the civil-servant level beside a Party rating)
	const lvHeader = header(st, 'final_level');
	const headers = [header(st, 'stt'), ...nameCols(st, cs[0]?.person ?? ({} as Person), withCard).h];
	if (withCard) headers.push(header(st, 'card_no'));
	headers.push(header(st, 'unit_code'), header(st, 'agency'), header(st, 'position'), lvHeader);
	if (o.scored) headers.push(header(st, 'score'));
	if (sick) headers.push(header(st, 'sick_days'));
	headers.push(header(st, 'decided_on'));
	if (withYear) headers.push(header(st, 'year'));
	const rows = cs.map((c, i) => {
		const p = c.person;
		const row: Cell[] = [i + 1, ...nameCols(st, p, withCard).v];
		if (withCard) row.push(card(st, p.card));
		row.push(c.unit.code, c.agency, p.position || null, level(st, c.level));
		if (o.scored) row.push(score(st, c.score));
		if (sick) row.push(c.sick ? c.sick : null);
		row.push(date(c.decided));
		if (withYear) row.push(y);
		return row;
	});
	return {
		kind: 'civil_servant',
		sheet: 'Xếp loại CBCCVC',
		top: [[upperVi(ctx.upper), upperVi(cs[0]?.agency ?? cb.name)], ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', signLine(cb, cs[0]?.decided ?? 0)]],
		title: [`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC NĂM ${y}`],
		headers,
		rows
	};
}

/** The discipline register of a province (or, after 2025, a merged province) for a year. */
export function disciplineTable(st: FileStyle, ctx: Ctx, body: Unit, y: number, ds: Discipline[]): Table {
	const headers = [
		header(st, 'stt'),
		header(st, 'subject_kind'),
		header(st, 'full_name'),
		header(st, 'unit_name_org'),
		header(st, 'birth'),
		header(st, 'card_no'),
		header(st, 'unit_code'),
		header(st, 'discipline_form'),
		header(st, 'decided_on'),
		header(st, 'self_remedied'),
		header(st, 'issuing_body'),
		header(st, 'note')
	];
	const rows = ds.map((d, i): Cell[] => {
		const p = d.person;
		return [
			i + 1,
			p ? st.rng.pick(['Đảng viên', 'Đảng viên', 'ĐV']) : 'Tổ chức đảng',
			p ? p.name : null,
			p ? null : d.subjectUnit!.name,
			p ? date(p.birth) : null,
			p && !d.noCard ? card(st, p.card) : null,
			d.unit.code,
			st.rng.chance(0.85) ? d.form : d.form.toLowerCase(),
			date(d.decided),
			d.selfRemedied ? 'Có' : st.rng.chance(0.5) ? 'Không' : null,
			d.issuer,
			d.note
		];
	});
	return {
		kind: 'discipline',
		sheet: 'Sổ kỷ luật',
		top: [[upperVi(ctx.upper), `ỦY BAN KIỂM TRA ${upperVi(body.name)}`], ['ĐẢNG CỘNG SẢN VIỆT NAM', '']],
		title: [`SỔ THEO DÕI THI HÀNH KỶ LUẬT TRONG ĐẢNG NĂM ${y}`],
		headers,
		rows
	};
}

const KIND_LABELS: Record<string, string[]> = {
	tinh_uy: ['Tỉnh ủy', 'tinh_uy'],
	huyen_uy: ['Huyện ủy', 'huyen_uy'],
	dang_bo_co_so: ['Đảng bộ cơ sở', 'Đảng ủy cơ sở', 'dang_bo_co_so'],
	chi_bo_co_so: ['Chi bộ cơ sở', 'chi_bo_co_so'],
	dang_bo_bo_phan: ['Đảng bộ bộ phận', 'dang_bo_bo_phan'],
	chi_bo_truc_thuoc: ['Chi bộ trực thuộc', 'Chi bộ', 'chi_bo_truc_thuoc']
};

function kindLabel(st: FileStyle, u: Unit): string {
	if (u.kind === 'huyen_uy') return st.rng.chance(0.6) ? u.name.split(' ').slice(0, 2).join(' ') : 'Huyện ủy';
	if (u.kind === 'tinh_uy') return /^Thành ủy/.test(u.name) ? 'Thành ủy trực thuộc Trung ương' : 'Tỉnh ủy';
	if (u.kind === 'dang_bo_co_so' && u.role === 'commune' && st.rng.chance(0.5)) return /phường/.test(u.name) ? 'Đảng ủy phường' : 'Đảng ủy xã';
	const opts = KIND_LABELS[u.kind];
	return st.rng.chance(0.7) ? opts[0] : st.rng.pick(opts);
}

export interface RegistryCols {
	headers: string[];
	row: (u: Unit) => Cell[];
}

/** The registry's columns, chosen once for the whole file (it may be written in pieces, then
 * without the STT column, whose numbering would restart in every piece). */
export function registryCols(st: FileStyle, withStt = true): RegistryCols {
	const keys = ['stt', 'unit_code', 'unit_name_org', 'unit_kind', 'parent', 'province', 'locality', 'founded_on', 'dissolved_on', 'merged_into', 'split_from', 'renamed_from', 'lineage_on'].slice(withStt ? 0 : 1);
	let n = 0;
	return {
		headers: keys.map((k) => (k === 'unit_name_org' ? st.rng.pick(['Tên đơn vị', 'Tên đơn vị', 'Tên tổ chức đảng']) : header(st, k))),
		row: (u) => [
			...(withStt ? [++n] : []),
			u.code,
			u.name,
			kindLabel(st, u),
			u.parent,
			u.province,
			u.locality,
			date(u.founded),
			u.dissolved ? date(u.dissolved) : null,
			u.mergedInto ?? null,
			u.splitFrom ?? null,
			u.renamedFrom ?? null,
			u.lineageOn ? date(u.lineageOn) : null
		]
	};
}

export function registryTable(st: FileStyle, units: Unit[], c: RegistryCols = registryCols(st)): Table {
	return {
		kind: 'registry',
		sheet: 'Danh mục',
		top: [['BAN TỔ CHỨC TRUNG ƯƠNG'], ['ĐẢNG CỘNG SẢN VIỆT NAM']],
		title: ['DANH MỤC TỔ CHỨC ĐẢNG'],
		headers: c.headers,
		rows: units.map(c.row)
	};
}
