// A workbook with several sheets (members, organisations, a summary table) is one file: every
// sheet with a recognised header loads in one transaction; a summary sheet is skipped with a note;
// one refused row in any sheet refuses the whole file.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counts, dbWithRegistry, ingest } from '../../helpers/ingest-db';

async function workbook(path: string, orgLevel: string): Promise<string> {
	const wb = new ExcelJS.Workbook();
	const dv = wb.addWorksheet('Đảng viên');
	dv.addRow(['ĐẢNG BỘ XÃ ĐOÀN KẾT']);
	dv.addRow(['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024']);
	dv.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại']);
	dv.addRow([1, 'Nguyễn Văn A', 1970, 'Chi bộ thôn 1', 'HTTNV']);
	dv.addRow([2, 'Trần Văn B', 1971, 'Chi bộ thôn 2', 'HTNV']);
	const tcd = wb.addWorksheet('Tổ chức đảng');
	tcd.addRow(['ĐẢNG BỘ XÃ ĐOÀN KẾT']);
	tcd.addRow(['KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2024']);
	tcd.addRow(['STT', 'Tên tổ chức đảng', 'Xếp loại']);
	tcd.addRow([1, 'Chi bộ thôn 1', orgLevel]);
	const th = wb.addWorksheet('Tổng hợp');
	th.addRow(['Đối tượng', 'Tổng số', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV']);
	th.addRow(['Đảng viên', 2, 0, 1, 1, 0]);
	await wb.xlsx.writeFile(path);
	return path;
}

describe('workbooks with several sheets', () => {
	it('loads every data sheet, skips the summary, names the sheet in the source', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [await workbook(join(dir, 'bao-cao.xlsx'), 'HTT')]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(r.files[0].warnings.join(' ')).toMatch(/Bỏ qua trang tính.*Tổng hợp/);
		const rows = await db.query(`select f.file_name, r.subject_kind, count(*)::int as n from rating r join source_file f on f.id = r.source_file_id group by all order by all`);
		expect(rows).toEqual([
			{ file_name: 'bao-cao.xlsx [Tổ chức đảng]', subject_kind: 'party_org', n: 1 },
			{ file_name: 'bao-cao.xlsx [Đảng viên]', subject_kind: 'member', n: 2 }
		]);
		const again = await ingest(db, [join(dir, 'bao-cao.xlsx')]);
		expect(again.files[0].status).toBe('unchanged');
	});

	it('one bad row in one sheet refuses the whole workbook', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const r = await ingest(db, [await workbook(join(dir, 'sai.xlsx'), 'Khá')]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors).toEqual([
			expect.objectContaining({ file: 'sai.xlsx [Tổ chức đảng]', row: 4, column: 'Xếp loại', value: 'Khá' })
		]);
		expect(await counts(db)).toEqual(before);
	});
});
