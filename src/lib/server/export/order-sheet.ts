// One deciding body's list, as a document an official signs (findings-xlsx.ts adds one sheet per
// body): letterhead of the issuing body (the caller's scope; its organ, the inspection committee,
// left editable), the date line in Vietnam time, the title, "Kính gửi" the deciding body, its
// violations (never exemptions: they are not orders), the request to annul the results and redo the
// ratings (hủy bỏ kết quả và xếp loại lại — 000 §II.5, 002 §5, 003 §5.7), "Nơi nhận" and the
// signature block left blank. Cells, not a picture: the office edits the dotted places and prints.
import type ExcelJS from 'exceljs';
import { fmtDocDateVn } from '../../format';
import type { FindingRow } from '../queries/findings';
import { COLUMNS, widths, writeTable } from './columns';

/** Each row is addressed to its deciding body: the sheet says it once, status is always "Vi phạm". */
const ORDER_COLUMNS = COLUMNS.filter((c) => c.header !== 'Trạng thái' && c.header !== 'Cấp quyết định');
const WIDTH = ORDER_COLUMNS.length + 1;
const DOTS = '……………………';

export interface Issuer {
	/** the caller's scope unit ("Đảng bộ xã Bù Đăng"); null: the whole country, name left to fill in */
	name: string | null;
}

/** The place of the date line: the locality a unit's name ends with ("Đảng bộ xã Bù Đăng" → "Bù Đăng"). */
function placeOf(name: string | null): string | null {
	const m = name?.match(/^(?:Đảng bộ|Đảng ủy|Tỉnh ủy|Thành ủy|Huyện ủy|Thị ủy|Quận ủy)\s+(?:(?:tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)\s+)?(.+)$/iu);
	return m ? m[1].trim() : null;
}

/** A sheet per deciding body; `name` is Excel-safe and unique in its workbook (sheetName). */
export function addOrderSheet(
	wb: ExcelJS.Workbook,
	name: string,
	body: string | null,
	rows: FindingRow[],
	o: { issuer: Issuer; exportedAt: Date; filters: string }
): ExcelJS.Worksheet {
	const ws = wb.addWorksheet(name, {
		pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }
	});
	ws.columns = widths(ORDER_COLUMNS);
	const addressee = body ?? `${DOTS} (cấp quyết định chưa xác định)`;
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
	across(8, `(${o.filters})`, { italic: true });
	across(9, `Kính gửi: ${addressee}`, { bold: true });

	ws.addRow([]);
	const head = writeTable(ws, ORDER_COLUMNS, rows, true);
	ws.pageSetup.printTitlesRow = `${head}:${head}`;

	const rulebooks = [...new Set(rows.map((r) => r.rulebook_short))].join(', ');
	let at = head + rows.length + 2;
	const request = put(
		ws,
		at,
		1,
		WIDTH,
		`Các tập thể, cá nhân nêu trên đã được xếp loại chất lượng nhưng không bảo đảm điều kiện của mức chất lượng đã xếp loại ` +
			`(${rulebooks}). Đề nghị ${addressee} xem xét, hủy bỏ kết quả và ban hành quyết định xếp loại lại ${rows.length} trường hợp ` +
			`nêu trên theo đúng quy định; báo cáo kết quả về Ủy ban Kiểm tra trước ngày ${DOTS}.`
	);
	request.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
	ws.getRow(at).height = 48;

	at += 2;
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
