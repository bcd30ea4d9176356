// The findings in view as an XLSX workbook (/phat-hien/xuat): the list an inspection committee
// attaches to its request to annul and redo ratings. One row per finding, with the fact as the rule
// states it, the subject and the source file and row of every rating involved; a title saying what
// was filtered and when it was exported. Dates dd/mm/yyyy, as text (no locale can swap them).
import ExcelJS from 'exceljs';
import { RULES, SEVERITY_VI, STATUS_VI } from '../../domain/anomaly';
import { SUBJECT_KINDS } from '../../domain/levels';
import { fmtDate, fmtDateTimeVn, fmtPeriod } from '../../format';
import type { FindingRow } from '../queries/findings';

const COLUMNS: Array<{ header: string; width: number; value: (r: FindingRow) => string | number | null }> = [
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

/** `filters`: what the list holds, in words ("Năm 2024 · R1 · Vi phạm · Đảng bộ xã Đoàn Kết"). */
export async function findingsXlsx(rows: FindingRow[], o: { filters: string; exportedAt: Date; total: number }): Promise<Buffer> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Danh sách sai phạm', { views: [{ state: 'frozen', ySplit: 5 }] });
	ws.addRow(['DANH SÁCH SAI PHẠM TRONG ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG']).font = { bold: true, size: 13 };
	ws.addRow([o.filters]);
	ws.addRow([
		`Xuất từ Giám Sát ngày ${fmtDateTimeVn(o.exportedAt)}: ${rows.length} phát hiện` +
			(o.total > rows.length ? ` (trong ${o.total}; lọc thêm để xuất phần còn lại)` : '')
	]);
	ws.addRow([]);
	const head = ws.addRow(['STT', ...COLUMNS.map((c) => c.header)]);
	head.font = { bold: true };
	head.eachCell((c) => (c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFDE68A' } }));
	rows.forEach((r, i) => ws.addRow([i + 1, ...COLUMNS.map((c) => c.value(r) ?? null)]));
	ws.getColumn(1).width = 6;
	COLUMNS.forEach((c, i) => (ws.getColumn(i + 2).width = c.width));
	ws.getColumn(COLUMNS.findIndex((c) => c.header === 'Sai phạm') + 2).alignment = { wrapText: true, vertical: 'top' };
	ws.autoFilter = { from: { row: 5, column: 1 }, to: { row: 5, column: COLUMNS.length + 1 } };
	return Buffer.from(await wb.xlsx.writeBuffer());
}
