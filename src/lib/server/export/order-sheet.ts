// One deciding body's list, as a document an official signs (findings-xlsx.ts adds one sheet per
// body): letterhead of the issuing body (the caller's scope; its organ, the inspection committee,
// left editable), the date line in Vietnam time, the title, "Kính gửi" the deciding body, its
// violations (never exemptions: they are not orders), the request to annul the results and redo the
// ratings (hủy bỏ kết quả và xếp loại lại — 000 §II.5, 002 §5, 003 §5.7), "Nơi nhận" and the
// signature block left blank. Cells, not a picture: the office edits the dotted places and prints.
import type ExcelJS from 'exceljs';
import { fmtDate, fmtDocDateVn, fmtPeriod } from '../../format';
import type { FindingRow } from '../queries/findings';
import { COLUMNS, widths, writeTable } from './columns';

/** Each row is addressed to its deciding body: the sheet says it once, status is always "Vi phạm". */
const ORDER_COLUMNS = COLUMNS.filter((c) => c.header !== 'Trạng thái' && c.header !== 'Cấp quyết định');
const WIDTH = ORDER_COLUMNS.length + 1;
const DOTS = '……………………';

/** The body a sheet is addressed to: its name, unit kind and dissolution (yyyy-mm-dd), as the registry holds them. */
export interface DecidingBody {
	name: string | null;
	kind: string | null;
	dissolvedOn: string | null;
	rows: FindingRow[];
}

export interface Issuer {
	/** the caller's scope unit ("Đảng bộ xã Bù Đăng"); null: the whole country, name left to fill in */
	name: string | null;
}

/** The place of the date line: the locality a unit's name ends with ("Đảng bộ xã Bù Đăng" → "Bù Đăng"). */
function placeOf(name: string | null): string | null {
	const m = name?.match(/^(?:Đảng bộ|Đảng ủy|Tỉnh ủy|Thành ủy|Huyện ủy|Thị ủy|Quận ủy)\s+(?:(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+)?(.+)$/iu);
	return m ? m[1].trim() : null;
}

/** Whom a deciding body's list is addressed to: the committee that decides, not the đảng bộ it
 * leads — the Ban Thường vụ above the grassroots ("Đảng bộ tỉnh Đắk Lắk" → "Ban Thường vụ Tỉnh ủy
 * Đắk Lắk"), the đảng ủy of a đảng bộ cơ sở ("Đảng bộ xã Bù Đăng" → "Đảng ủy xã Bù Đăng"); a chi bộ
 * decides itself. A name already a committee's, or of a kind unknown, is left as written. */
export function addresseeOf(name: string, kind: string | null): string {
	if (/^(?:Ban Thường vụ|BTV|Đảng ủy|Chi ủy|Tỉnh ủy|Thành ủy|Huyện ủy|Thị ủy|Quận ủy)(?:\s|$)/iu.test(name)) {
		return kind === 'tinh_uy' || kind === 'huyen_uy' ? name.replace(/^(?!Ban Thường vụ|BTV)/iu, 'Ban Thường vụ ') : name;
	}
	const m = /^Đảng bộ\s+(tỉnh|thành phố|huyện|quận|thị xã)\s+(.+)$/iu.exec(name);
	if ((kind === 'tinh_uy' || kind === 'huyen_uy') && m) {
		const committee: Record<string, string> = { 'tỉnh': 'Tỉnh ủy', 'thành phố': 'Thành ủy', 'huyện': 'Huyện ủy', 'quận': 'Quận ủy', 'thị xã': 'Thị ủy' };
		return `Ban Thường vụ ${committee[m[1].toLowerCase()]} ${m[2]}`;
	}
	if (kind === 'tinh_uy' || kind === 'huyen_uy') return `Ban Thường vụ ${name.replace(/^Đảng bộ/iu, 'Đảng ủy')}`;
	if (kind === 'dang_bo_co_so' || kind === 'dang_bo_bo_phan') return name.replace(/^Đảng bộ/iu, 'Đảng ủy');
	return name;
}

/** What the deciding body is asked to do, one item per kind of violation, each naming its rows by
 * STT (1-based, as the table numbers them). A result (a person or organisation as one subject
 * kind) is counted once, whatever the rules that found it; an excellent-cap grouping (R1: a chi bộ, a deciding body's members) asks
 * for the excellent levels there to be voted again, not for one result to be annulled; a member
 * never rated (R4) for the review and rating owed; a late list (R4) for the lesson learnt, its
 * results standing. */
export function requestItems(rows: FindingRow[]): string[] {
	const stt = (pick: (r: FindingRow) => boolean) => ranges(rows.flatMap((r, i) => (pick(r) ? [i + 1] : [])));
	const isCap = (r: FindingRow) => r.rule === 'excellent_cap';
	const isLate = (r: FindingRow) => r.rule === 'missing_review' && r.evidence_check === 'late_list';
	// (a member the list names without a level, or the roster names and no list rates: no result to annul)
	const isUnrated = (r: FindingRow) => r.rule === 'missing_review' && (r.evidence_check === 'listed_member_not_rated' || r.evidence_check === 'roster_member_not_rated');
	const isRedo = (r: FindingRow) => !isCap(r) && !isLate(r) && !isUnrated(r);
	const unreviewed = (r: FindingRow) => r.rule === 'missing_review' && (r.evidence_check === 'no_review' || r.evidence_check === 'rated_before_review');
	// (one result per subject kind: a chi bộ's own rating and its leadership's share a subject_ref
	// and are two results to redo)
	const count = (pick: (r: FindingRow) => boolean) =>
		new Set(rows.filter(pick).map((r) => `${r.year}|${r.period_kind}|${r.period_no}|${r.unit_code}|${r.subject_kind}|${r.subject_ref}`)).size;
	const out: string[] = [];
	const redo = count(isRedo);
	if (redo) {
		const notReviewed = count(unreviewed);
		out.push(
			`Hủy bỏ kết quả và ban hành quyết định xếp loại lại ${redo} trường hợp (STT ${stt(isRedo)}) theo đúng quy định` +
				(notReviewed ? `; ${notReviewed} trường hợp chưa kiểm điểm hoặc xếp loại trước khi kiểm điểm phải được kiểm điểm trước khi xếp loại lại;` : ';')
		);
	}
	// a chi bộ deciding its own members' ratings (a chi bộ cơ sở, a quarter's list): its deciding-body
	// grouping is its chi bộ grouping again, the same ratings and excess, one place (RULES.md: pages
	// do not add the two groupings up)
	const place = (r: FindingRow) => `${r.year}|${r.period_kind}|${r.period_no}|${r.subject_kind}|${r.unit_code}`;
	const selfDecided = new Set(rows.filter((r) => isCap(r) && r.subject_ref === 'group:unit' && r.unit_code === r.deciding_unit_code).map(place));
	const caps = rows.filter((r) => isCap(r) && !(r.subject_ref === 'group:decider' && selfDecided.has(place(r)))).length;
	if (caps) {
		out.push(
			`Xem xét lại kết quả xếp loại "Hoàn thành xuất sắc nhiệm vụ" ở ${caps} nơi vượt tỷ lệ quy định (STT ${stt(isCap)}), xếp loại lại để số được xếp mức này không vượt tỷ lệ;`
		);
	}
	const unrated = count(isUnrated);
	if (unrated) out.push(`Tổ chức kiểm điểm, đánh giá, xếp loại ${unrated} đảng viên chưa được xếp loại mà không thuộc diện miễn (STT ${stt(isUnrated)});`);
	const late = rows.filter(isLate).length;
	if (late) out.push(`Rút kinh nghiệm việc hoàn thành, gửi kết quả xếp loại chậm so với thời hạn quy định (STT ${stt(isLate)});`);
	return out;
}

/** 1, 2, 3, 5, 7, 8 → "1–3, 5, 7–8". */
function ranges(ns: number[]): string {
	const out: string[] = [];
	for (let i = 0; i < ns.length; ) {
		let j = i;
		while (j + 1 < ns.length && ns[j + 1] === ns[j] + 1) j++;
		out.push(j === i ? String(ns[i]) : `${ns[i]}–${ns[j]}`);
		i = j + 1;
	}
	return out.join(', ');
}

/** A sheet per deciding body; `name` is Excel-safe and unique in its workbook (sheetName). */
export function addOrderSheet(
	wb: ExcelJS.Workbook,
	name: string,
	body: DecidingBody,
	o: { issuer: Issuer; exportedAt: Date }
): ExcelJS.Worksheet {
	const ws = wb.addWorksheet(name, {
		pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
	});
	ws.columns = widths(ORDER_COLUMNS);
	const rows = body.rows;
	const addressee = body.name ? addresseeOf(body.name, body.kind) : `${DOTS} (cấp quyết định chưa xác định)`;
	// (a body dissolved since, a district committee of before July 2025: the office readdresses it)
	const gone = body.dissolvedOn ? ` (đã giải thể ngày ${fmtDate(body.dissolvedOn)})` : '';
	const issuer = o.issuer.name ? o.issuer.name.toUpperCase() : `ĐẢNG BỘ ${DOTS}`;
	const left = (row: number, text: string, font: Partial<ExcelJS.Font> = {}) => put(ws, row, 1, 5, text, font);
	const right = (row: number, text: string, font: Partial<ExcelJS.Font> = {}) => put(ws, row, WIDTH - 5, WIDTH, text, font);
	const across = (row: number, text: string, font: Partial<ExcelJS.Font> = {}) => put(ws, row, 1, WIDTH, text, font);

	left(1, issuer);
	right(1, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true });
	left(2, 'ỦY BAN KIỂM TRA', { bold: true });
	left(3, '*');
	right(3, `${placeOf(o.issuer.name) ?? DOTS}, ${fmtDocDateVn(o.exportedAt)}`, { italic: true });
	left(4, `Số: ${DOTS}`);
	across(6, 'DANH SÁCH ĐỀ NGHỊ HỦY BỎ KẾT QUẢ VÀ XẾP LOẠI LẠI', { bold: true, size: 14 });
	across(7, 'kết quả đánh giá, xếp loại chất lượng không đúng quy định', { bold: true });
	// (the periods judged, oldest first; the page's filter words are no part of a document)
	const periods = [...rows].sort((a, b) => a.year - b.year || a.period_kind.localeCompare(b.period_kind) || a.period_no - b.period_no);
	across(8, `(${[...new Set(periods.map((r) => fmtPeriod(r.year, r.period_kind, r.period_no)))].join('; ')})`, { italic: true });
	across(9, `Kính gửi: ${addressee}${gone}`, { bold: true });

	ws.addRow([]);
	const head = writeTable(ws, ORDER_COLUMNS, rows, true);
	ws.pageSetup.printTitlesRow = `${head}:${head}`;

	// the request: one remedy per kind of violation, each with the rows (STT) it concerns
	const rulebooks = [...new Set(rows.map((r) => r.rulebook_short))].join(', ');
	let at = head + rows.length + 2;
	const say = (text: string, lines: number) => {
		put(ws, at, 1, WIDTH, text).alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
		ws.getRow(at).height = 16 * lines;
		at++;
	};
	say(`Qua kiểm tra, kết quả đánh giá, xếp loại chất lượng của các tập thể, cá nhân nêu trên chưa đúng quy định (${rulebooks}). Đề nghị ${addressee}:`, 2);
	for (const item of requestItems(rows)) say(`- ${item}`, 2);
	say(`Báo cáo kết quả về Ủy ban Kiểm tra trước ngày ${DOTS}.`, 1);

	at += 1;
	left(at, 'Nơi nhận:', { bold: true, italic: true }).alignment = { horizontal: 'left' };
	right(at, 'T/M ỦY BAN KIỂM TRA', { bold: true });
	left(at + 1, '- Như trên,').alignment = { horizontal: 'left' };
	right(at + 1, 'CHỦ NHIỆM', { bold: true });
	left(at + 2, '- Lưu.').alignment = { horizontal: 'left' };
	right(at + 2, '(Ký, ghi rõ họ tên, đóng dấu)', { italic: true });
	// (rows at+3 … at+5: the blank for the signature)
	right(at + 6, DOTS, { bold: true });
	ws.commit();
	return ws;
}

/** Text in a merged, centred cell range of one row. */
function put(ws: ExcelJS.Worksheet, row: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font> = {}): ExcelJS.Cell {
	ws.mergeCells(row, from, row, to);
	const cell = ws.getCell(row, from);
	cell.value = text;
	cell.font = font;
	cell.alignment = { horizontal: 'center', vertical: 'middle' };
	return cell;
}

/** A sheet name Excel accepts: no []:*?/\, no apostrophe at either end, at most 31 characters, not
 * "History", unique in the workbook ignoring case (`taken`: the names given, lower-cased). A name
 * taken already gets `alt` (the body's code), else a number. */
export function sheetName(wanted: string, taken: Set<string>, alt?: string | null): string {
	const clean = (s: string) => s.normalize('NFC').replace(/[[\]:*?/\\]/g, ' ').replace(/\s+/g, ' ').replace(/^[\s']+|[\s']+$/g, '');
	const base = clean(wanted) || 'Danh sách';
	// (cut at a word's end: "… Đảng ủy Khối", not "… Đảng ủy Khối c")
	const cut = (n: number) => (base.length <= n ? base : base.slice(0, n + 1).replace(/\s+\S*$/, '') || base.slice(0, n));
	const fit = (tail: string) => (cut(31 - tail.length).trim() + tail).replace(/^'+|'+$/g, '');
	const free = (s: string) => s.toLowerCase() !== 'history' && !taken.has(s.toLowerCase());
	let name = fit('');
	if (!free(name) && alt) name = fit(` ${clean(alt).slice(0, 12)}`);
	for (let n = 2; !free(name); n++) name = fit(` (${n})`);
	taken.add(name.toLowerCase());
	return name;
}
