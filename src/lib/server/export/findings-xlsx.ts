// The findings in view as an XLSX workbook (/phat-hien/xuat). First sheet "Tổng hợp": every finding
// the page's filter shows (exemptions too, when asked for), one table to sort and filter across
// deciding bodies. Then one sheet per deciding body with its violations, as the document an
// official signs to have that body annul the results and redo the ratings (order-sheet.ts; RULES.md
// "What users do with the result": one list per deciding body).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { fmtDateTimeVn } from '../../format';
import type { FindingRow } from '../queries/findings';
import { COLUMNS, widths, writeTable } from './columns';
import { addOrderSheet, type DecidingBody, type Issuer, sheetName } from './order-sheet';

const OVERVIEW = 'Tổng hợp';

/** `filters`: what the list holds, in words ("Năm 2024 · R1 · Vi phạm · Đảng bộ xã Đoàn Kết"). */
export async function findingsXlsx(rows: FindingRow[], o: { filters: string; exportedAt: Date; total: number; issuer: Issuer }): Promise<Buffer> {
	// (streamed: each row is written out as made; 100 000 findings, twice, in a fraction of the memory)
	const out = new PassThrough();
	const chunks: Buffer[] = [];
	out.on('data', (c: Buffer) => chunks.push(c));
	const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true });
	const ws = wb.addWorksheet(OVERVIEW, { views: [{ state: 'frozen', ySplit: 5 }] });
	ws.columns = widths(COLUMNS);
	// (a violation with no deciding body, a unit that sent no list or a member never rated, has no
	// result to annul: it asks for a rating, and stays in the overview only; so does a civil
	// servant's rating, which the agency decides (NĐ 90 / NĐ 335), not a Party body)
	const flagged = rows.filter((r) => r.status === 'flagged');
	const isCs = (r: FindingRow) => r.subject_kind === 'civil_servant';
	const bodies = byDecidingBody(flagged.filter((r) => r.deciding_unit_code && !isCs(r)));
	const csUnordered = flagged.filter(isCs).length;
	const unordered = flagged.length - bodies.reduce((n, b) => n + b.rows.length, 0) - csUnordered;
	const aside = [
		unordered ? `${unordered} vi phạm không có cấp quyết định (đơn vị chưa gửi danh sách, đảng viên chưa được xếp loại: chưa có kết quả để hủy)` : '',
		csUnordered ? `${csUnordered} vi phạm trong xếp loại cán bộ, công chức, viên chức (do cơ quan, đơn vị quyết định, không phải tổ chức đảng: gửi cơ quan, đơn vị đó)` : ''
	].filter(Boolean);
	ws.addRow(['DANH SÁCH SAI PHẠM TRONG ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG']).font = { bold: true, size: 13 };
	ws.addRow([o.filters]);
	ws.addRow([
		`Xuất từ Giám Sát ngày ${fmtDateTimeVn(o.exportedAt)}: ${rows.length} phát hiện` +
			(o.total > rows.length ? ` (trong ${o.total}; lọc thêm để xuất phần còn lại)` : '') +
			(bodies.length
				? `; danh sách đề nghị hủy bỏ kết quả, xếp loại lại của ${bodies.length} cấp quyết định ở các trang sau (chỉ phát hiện vi phạm)`
				: '; không có phát hiện vi phạm: không có danh sách đề nghị xếp loại lại') +
			(aside.length ? `; ${aside.join(' và ')} chỉ có ở trang này` : '')
	]);
	ws.addRow([]);
	const head = writeTable(ws, COLUMNS, rows);
	ws.autoFilter = { from: { row: head, column: 1 }, to: { row: head, column: COLUMNS.length + 1 } };
	ws.commit();

	const taken = new Set([OVERVIEW.toLowerCase()]);
	for (const b of bodies) addOrderSheet(wb, sheetName(b.name ?? b.code!, taken, b.code), b, o);
	await wb.commit();
	return Buffer.concat(chunks);
}

/** Violations grouped by deciding body, sheets in the order of the bodies' names. */
function byDecidingBody(rows: FindingRow[]): Array<DecidingBody & { code: string | null }> {
	const groups = new Map<string | null, DecidingBody & { code: string | null }>();
	for (const r of rows) {
		const code = r.deciding_unit_code ?? null;
		let g = groups.get(code);
		if (!g) groups.set(code, (g = { code, name: r.deciding_unit_name ?? null, kind: r.deciding_unit_kind ?? null, dissolvedOn: r.deciding_unit_dissolved_on ?? null, rows: [] }));
		g.rows.push(r);
	}
	return [...groups.values()].sort((a, b) => (a.name ?? a.code ?? '').localeCompare(b.name ?? b.code ?? '', 'vi'));
}
