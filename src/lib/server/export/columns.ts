// The columns of a findings list, shared by the overview sheet and each deciding body's list
// (findings-xlsx.ts, order-sheet.ts): the fact as the rule states it, the subject, and the source
// file and row of every rating involved. Dates dd/mm/yyyy, as text (no locale can swap them).
// Sheets are streamed (exceljs WorkbookWriter): rows are written in order and committed.
import { RULES, SEVERITY_VI, STATUS_VI } from '../../domain/anomaly';
import { SUBJECT_KINDS } from '../../domain/levels';
import { fmtDate, fmtPeriod } from '../../format';
import type { Row, Worksheet } from 'exceljs';
import type { FindingRow } from '../queries/findings';

export interface Column {
	header: string;
	width: number;
	value: (r: FindingRow) => string | number | null;
}

export const COLUMNS: Column[] = [
	{ header: 'Quy tắc', width: 8, value: (r) => RULES[r.rule]?.no ?? r.rule },
	{ header: 'Nội dung quy tắc', width: 34, value: (r) => RULES[r.rule]?.vi ?? r.rule },
	{ header: 'Trạng thái', width: 11, value: (r) => STATUS_VI[r.status] },
	{ header: 'Kỳ đánh giá', width: 13, value: (r) => fmtPeriod(r.year, r.period_kind, r.period_no) },
	{ header: 'Theo quy định', width: 18, value: (r) => r.rulebook_short },
	{ header: 'Mã đơn vị', width: 12, value: (r) => r.unit_code },
	{ header: 'Đơn vị', width: 30, value: (r) => r.unit_name },
	{ header: 'Cấp quyết định', width: 30, value: (r) => r.deciding_unit_name },
	{ header: 'Đối tượng', width: 22, value: (r) => (r.subject_kind ? (SUBJECT_KINDS[r.subject_kind as keyof typeof SUBJECT_KINDS] ?? r.subject_kind) : null) },
	{ header: 'Họ và tên / tên tổ chức', width: 26, value: (r) => (r.subject_ref.startsWith('group:') ? null : r.subject_name) },
	{ header: 'Số thẻ đảng viên', width: 14, value: (r) => r.subject_card },
	{ header: 'Ngày sinh', width: 11, value: (r) => (r.subject_birth_date ? fmtDate(r.subject_birth_date) : r.subject_birth_year) },
	{ header: 'Sai phạm', width: 70, value: (r) => r.message },
	{ header: 'Mức độ', width: 11, value: (r) => SEVERITY_VI[r.severity] },
	{ header: 'Tệp nguồn', width: 28, value: (r) => r.source_file },
	{ header: 'Dòng', width: 7, value: (r) => r.source_row },
	{
		header: 'Các dòng liên quan',
		width: 50,
		value: (r) =>
			r.sources.map((s) => `${s.file}, dòng ${s.row}`).join('; ') + (r.source_count > r.sources.length ? `; … ${r.source_count - r.sources.length} dòng nữa` : '')
	}
];

/** The widths of a table of `columns` (STT first): set when a streamed sheet is created, before
 * its first row is written. */
export function widths(columns: Column[]): Array<{ width: number }> {
	return [{ width: 6 }, ...columns.map((c) => ({ width: c.width }))];
}

/** A header row (STT first) and one row per finding, each written out (committed) as it is made;
 * "Sai phạm" wrapped. `ruled`: a table to print and sign, every cell bordered and wrapped. Returns
 * the header's row number. */
export function writeTable(ws: Worksheet, columns: Column[], rows: FindingRow[], ruled = false): number {
	const head = ws.addRow(['STT', ...columns.map((c) => c.header)]);
	const said = columns.findIndex((c) => c.header === 'Sai phạm') + 2;
	const thin = { style: 'thin' } as const;
	const rule = (row: Row) => {
		if (ruled) for (let c = 1; c <= columns.length + 1; c++) row.getCell(c).border = { top: thin, left: thin, bottom: thin, right: thin };
	};
	head.font = { bold: true };
	head.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
	head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE68A' } }));
	rule(head);
	head.commit();
	rows.forEach((r, i) => {
		const row = ws.addRow([i + 1, ...columns.map((c) => c.value(r) ?? null)]);
		if (ruled) row.alignment = { wrapText: true, vertical: 'top' };
		else row.getCell(said).alignment = { wrapText: true, vertical: 'top' };
		rule(row);
		row.commit();
	});
	return head.number;
}
