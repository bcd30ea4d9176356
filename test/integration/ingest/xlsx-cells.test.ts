// XLSX cells as Excel and other programs save them, which read.ts must not read as empty: error
// values (#N/A, #REF!), hyperlinks whose text is rich text, a not-rated text merged across the
// level columns, a formula whose saved result is "" (a template's empty rows), a stray cell far to
// the right, and rows and cells written without their address.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/lib/server/db';
import { formatRowError } from '../../../src/lib/server/ingest/errors';
import { readSource } from '../../../src/lib/server/ingest/read';
import { counts, dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024']];
const HEAD = ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'];
const MEMBERS = [
	[1, 'Nguyễn Văn An', 1970, 'HTTNV'],
	[2, 'Trần Văn Bình', 1971, 'HTNV'],
	[3, 'Lê Văn Cường', 1972, 'HTXSNV']
];

function book(rows: unknown[][]): { wb: ExcelJS.Workbook; ws: ExcelJS.Worksheet } {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('DS');
	for (const r of rows) ws.addRow(r);
	return { wb, ws };
}

async function save(wb: ExcelJS.Workbook, path: string): Promise<string> {
	await wb.xlsx.writeFile(path);
	return path;
}

async function stored(db: Db) {
	return db.query<{ row: number; name: string; self: number | null; proposed: number | null; level: number | null; reason: string | null }>(
		`select r.source_row as row, p.full_name as name, r.self_level as self, r.proposed_level as proposed, r.final_level as level, r.not_rated_reason as reason
		 from rating r join person p on p.id = r.person_id order by r.source_row`
	);
}

describe('Excel error values', () => {
	it('#N/A as a formula’s result or #REF! typed in a level cell refuses the file, naming the cell; outside the table they do not', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const { wb, ws } = book([...TITLE, HEAD, ...MEMBERS, ['', 'Cộng', '', '']]);
		ws.getCell('D5').value = { formula: 'VLOOKUP(B5,DM!A:B,2,0)', result: { error: '#N/A' } } as ExcelJS.CellFormulaValue;
		ws.getCell('D6').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
		// a column with no header and the total row hold no member's value
		ws.getCell('F5').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
		ws.getCell('D8').value = { formula: 'COUNTIF(DM!A:A,D5)', result: { error: '#REF!' } } as ExcelJS.CellFormulaValue;
		const r = await ingest(db, [await save(wb, join(dir, 'loi.xlsx'))]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors.map(formatRowError)).toEqual([
			expect.stringMatching(/^loi\.xlsx, dòng 5, cột "Xếp loại", giá trị "=VLOOKUP\(B5,DM!A:B,2,0\)": Ô D5 có lỗi #N\/A .*sửa .*trong Excel/),
			expect.stringMatching(/^loi\.xlsx, dòng 6, cột "Xếp loại", giá trị "#REF!": Ô D6 có lỗi #REF! /)
		]);
		expect(await counts(db)).toEqual(before);
	});
});

describe('hyperlinks', () => {
	it('a hyperlink whose text is rich text reads as its text, in the name and in the level', async () => {
		const { db, dir } = await dbWithRegistry();
		const { wb, ws } = book([...TITLE, HEAD, ...MEMBERS]);
		ws.getCell('B5').value = { text: { richText: [{ text: 'Nguyễn ' }, { font: { bold: true }, text: 'Văn An' }] }, hyperlink: 'mailto:an@example.vn' } as unknown as ExcelJS.CellHyperlinkValue;
		ws.getCell('D6').value = { text: { richText: [{ font: { color: { argb: 'FFFF0000' } }, text: 'Không hoàn thành nhiệm vụ' }] }, hyperlink: '#DS!A1' } as unknown as ExcelJS.CellHyperlinkValue;
		const r = await ingest(db, [await save(wb, join(dir, 'lien-ket.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect((await stored(db)).map((x) => [x.row, x.name, x.level])).toEqual([[5, 'Nguyễn Văn An', 3], [6, 'Trần Văn Bình', 1], [7, 'Lê Văn Cường', 4]]);
	});
});

describe('merged cells', () => {
	it('"Miễn sinh hoạt đảng (không xếp loại)" merged over the three level columns is each column’s; footer and title merges stay in their first column', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và tên', 'Năm sinh', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ghi chú'];
		const { wb, ws } = book([
			...TITLE, head,
			[1, 'Nguyễn Văn An', 1970, 'HTTNV', 'HTTNV', 'HTTNV', ''],
			[2, 'Trần Văn Bình', 1971, 'Miễn sinh hoạt đảng (không xếp loại)', '', '', ''],
			[3, 'Lê Văn Cường', 1972, 'HTNV', 'HTNV', 'HTNV', ''],
			['Tổng số: 3 đồng chí'],
			['', 'NGƯỜI LẬP BIỂU', '', 'T/M CHI BỘ'],
			['', 'Lê Thị Hoa', '', 'Nguyễn Văn An']
		]);
		for (const m of ['A1:C1', 'A3:G3', 'D6:F6', 'A8:G8', 'D9:F9', 'D10:F10']) ws.mergeCells(m);
		const r = await ingest(db, [await save(wb, join(dir, 'gop.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await stored(db)).toEqual([
			{ row: 5, name: 'Nguyễn Văn An', self: 3, proposed: 3, level: 3, reason: null },
			{ row: 6, name: 'Trần Văn Bình', self: null, proposed: null, level: null, reason: 'Miễn sinh hoạt đảng (không xếp loại)' },
			{ row: 7, name: 'Lê Văn Cường', self: 2, proposed: 2, level: 2, reason: null }
		]);
	});

	it('"Chưa xếp loại (mới kết nạp ngày 10/9/2025)" merged over the score and level columns of each stage (QĐ 366) and the decision date is the row’s not-rated reason, no score nor date', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và tên', 'Năm sinh', 'Điểm tự chấm', 'Tự xếp loại', 'Điểm chi bộ chấm', 'Chi bộ đề xuất', 'Điểm Đảng ủy chấm', 'Đảng ủy quyết định', 'Ngày quyết định'];
		const { wb, ws } = book([
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], head,
			[1, 'Nguyễn Văn An', 1970, 92, 'HTXSNV', 85, 'HTTNV', 78, 'HTTNV', '15/12/2025'],
			[2, 'Trần Văn Bình', 2001, 'Chưa xếp loại (mới kết nạp ngày 10/9/2025)', '', '', '', '', '', ''],
			[3, 'Lê Văn Cường', 1972, 60, 'HTNV', 55, 'HTNV', 55, 'HTNV', '15/12/2025']
		]);
		ws.mergeCells('D6:J6');
		const r = await ingest(db, [await save(wb, join(dir, 'gop-diem.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3, warnings: [] });
		expect(await stored(db)).toEqual([
			{ row: 5, name: 'Nguyễn Văn An', self: 4, proposed: 3, level: 3, reason: null },
			{ row: 6, name: 'Trần Văn Bình', self: null, proposed: null, level: null, reason: 'Chưa xếp loại (mới kết nạp ngày 10/9/2025)' },
			{ row: 7, name: 'Lê Văn Cường', self: 2, proposed: 2, level: 2, reason: null }
		]);
		expect(await db.query('select score, cast(decided_on as varchar) as decided_on from rating order by source_row')).toEqual([
			{ score: 78, decided_on: '2025-12-15' }, { score: null, decided_on: null }, { score: 55, decided_on: '2025-12-15' }
		]);
	});
});

describe('a stray cell far to the right', () => {
	it('each row is read to its own last cell, not to column XFD, and the list loads', async () => {
		const { db, dir } = await dbWithRegistry();
		const { wb, ws } = book([...TITLE, HEAD, ...MEMBERS]);
		// bordered empty rows below the list and one stray space in the last column
		for (let r = 8; r <= 300; r++) for (let c = 1; c <= 4; c++) ws.getCell(r, c).border = { top: { style: 'thin' } };
		ws.getCell('XFD2').value = ' ';
		const path = await save(wb, join(dir, 'rong.xlsx'));
		const [src] = await readSource(path);
		expect(src.rows![1].length).toBe(16_384);
		expect(Math.max(...src.rows!.filter((_, i) => i !== 1).map((x) => x.length))).toBe(4);
		const r = await ingest(db, [path]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
	});
});

describe('formulas whose saved result is ""', () => {
	it('a template’s formulas in its empty rows (=IF(B9="","",…), saved by Excel as an empty <v>) load; one never computed in a member’s row refuses', async () => {
		const { db, dir } = await dbWithRegistry();
		const { wb, ws } = book([...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Điểm', 'Xếp loại']]);
		const level = (r: number) => `IF(D${r}="","",IF(D${r}>=70,"HTTNV","HTNV"))`;
		for (let r = 5; r <= 10; r++) {
			const filled = r <= 6;
			ws.getCell(`A${r}`).value = { formula: `IF(B${r}="","",ROW()-4)`, result: filled ? r - 4 : '' } as ExcelJS.CellFormulaValue;
			if (filled) ws.getRow(r).getCell(2).value = `Nguyễn Văn ${'AB'[r - 5]}`;
			if (filled) ws.getCell(`D${r}`).value = 90 - 30 * (r - 5);
			ws.getCell(`E${r}`).value = { formula: level(r), result: filled ? ['HTTNV', 'HTNV'][r - 5] : '' } as ExcelJS.CellFormulaValue;
		}
		const r = await ingest(db, [await save(wb, join(dir, 'mau.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect((await stored(db)).map((x) => [x.row, x.level])).toEqual([[5, 3], [6, 2]]);

		// written by a script: the formula and no <v> at all
		ws.getCell('B7').value = 'Lê Văn Cường';
		ws.getCell('D7').value = 75;
		ws.getCell('E7').value = { formula: level(7) } as ExcelJS.CellFormulaValue;
		const r2 = await ingest(db, [await save(wb, join(dir, 'mau-2.xlsx'))]);
		expect(r2.files[0].status).toBe('refused');
		expect(r2.files[0].errors.map((e) => [e.row, e.value])).toEqual([[7, `=${level(7)}`]]);
	});
});

describe('rows and cells written without their address', () => {
	/** The sheet of a workbook exceljs wrote, with every r="…" of its rows and cells removed. */
	async function withoutRefs(src: string, out: string): Promise<string> {
		const zip = await JSZip.loadAsync(readFileSync(src));
		const sheet = 'xl/worksheets/sheet1.xml';
		const xml = await zip.file(sheet)!.async('string');
		zip.file(sheet, xml.replace(/<(row|c) r="[A-Z]*\d+"/g, '<$1'));
		writeFileSync(out, await zip.generateAsync({ type: 'nodebuffer' }));
		return out;
	}

	it('are read in order (OOXML allows it: the row after the one before, the column after the cell before)', async () => {
		const { db, dir } = await dbWithRegistry();
		// (no empty row or cell: without addresses the gaps would close)
		const { wb } = book([...TITLE, HEAD, ...MEMBERS]);
		const path = await withoutRefs(await save(wb, join(dir, 'co-dia-chi.xlsx')), join(dir, 'khong-dia-chi.xlsx'));
		const r = await ingest(db, [path]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect((await stored(db)).map((x) => [x.row, x.name, x.level])).toEqual([[5, 'Nguyễn Văn An', 3], [6, 'Trần Văn Bình', 2], [7, 'Lê Văn Cường', 4]]);
	});

	it('a workbook whose structure cannot be read is refused in Vietnamese, asking to re-save it in Excel', async () => {
		const { db, dir } = await dbWithRegistry();
		const { wb } = book([...TITLE, HEAD, ...MEMBERS]);
		const src = await save(wb, join(dir, 'goc.xlsx'));
		const zip = await JSZip.loadAsync(readFileSync(src));
		const sheet = 'xl/worksheets/sheet1.xml';
		zip.file(sheet, (await zip.file(sheet)!.async('string')).replace('r="B5"', 'r="5B"'));
		const path = join(dir, 'cau-truc.xlsx');
		writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
		const r = await ingest(db, [path]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toMatch(/^cau-truc\.xlsx: Không đọc được cấu trúc sổ Excel \(.+\): .*mở tệp bằng Excel, lưu lại/);
	});
});

describe('rows hidden in Excel', () => {
	it('are read like any row (hiding is not deleting), and the file says which', async () => {
		const { db, dir } = await dbWithRegistry();
		const { wb, ws } = book([...TITLE, HEAD, ...MEMBERS]);
		ws.getRow(6).hidden = true;
		// (a hidden empty row, or one above the header, says nothing)
		ws.getRow(2).hidden = true;
		ws.addRow([]);
		ws.getRow(8).hidden = true;
		const r = await ingest(db, [await save(wb, join(dir, 'an.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(r.files[0].warnings).toEqual(['dòng 6 bị ẩn trong Excel nhưng vẫn được nạp (ẩn dòng không phải là xóa): kiểm tra lại nếu các dòng ấy không thuộc danh sách.']);
	});
});
