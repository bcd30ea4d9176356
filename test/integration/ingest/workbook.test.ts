// A workbook with several sheets (members, organisations, a summary table) is one file: every
// sheet with a recognised header loads in one transaction; a summary sheet is skipped with a note;
// one refused row in any sheet refuses the whole file.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { counts, dbWithRegistry, ingest } from '../../helpers/ingest-db';
import { writeCsv } from '../../helpers/files';

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

	it('a sheet copied whole ("DS", "DS (2)"): read once, the copy skipped and said; a copy edited since is a sheet of its own', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		const list = (ws: ExcelJS.Worksheet, level: string) => {
			ws.addRow(['CHI BỘ THÔN 1 - ĐẢNG BỘ XÃ ĐOÀN KẾT']);
			ws.addRow(['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024']);
			ws.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại']);
			ws.addRow([1, 'Nguyễn Văn A', 1970, 'HTTNV']);
			ws.addRow([2, 'Trần Văn B', 1971, level]);
		};
		list(wb.addWorksheet('DS'), 'HTNV');
		list(wb.addWorksheet('DS (2)'), 'HTNV');
		await wb.xlsx.writeFile(join(dir, 'ds.xlsx'));
		const r = await ingest(db, [join(dir, 'ds.xlsx')]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(r.files[0].warnings).toContain('Bỏ qua trang tính "DS (2)": trùng hoàn toàn với trang tính "DS".');
		expect(await db.query(`select f.file_name, count(*)::int as n from rating r join source_file f on f.id = r.source_file_id group by all`)).toEqual([{ file_name: 'ds.xlsx [DS]', n: 2 }]);
		const edited = new ExcelJS.Workbook();
		list(edited.addWorksheet('DS'), 'HTNV');
		list(edited.addWorksheet('DS (2)'), 'HTTNV');
		await edited.xlsx.writeFile(join(dir, 'ds3.xlsx'));
		const r3 = await ingest(db, [join(dir, 'ds3.xlsx')]);
		expect(r3.files[0].warnings.join(' ')).not.toMatch(/trùng hoàn toàn/);
		expect(r3.files[0].rowsStored).toBe(4);
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

/** A workbook of two kinds: a first sheet of another kind (a registry or a roster) beside a rating
 * sheet of members of "Chi bộ thôn Mới" (C70010199), whose level is `level`. */
async function twoKinds(path: string, first: 'registry' | 'roster', level: string): Promise<string> {
	const wb = new ExcelJS.Workbook();
	if (first === 'registry') {
		const dm = wb.addWorksheet('Danh mục');
		dm.addRow(['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên']);
		dm.addRow([1, 'C70010199', 'Chi bộ thôn Mới', 'Chi bộ trực thuộc', 'X700101']);
	} else {
		const ds = wb.addWorksheet('Danh sách');
		ds.addRow(['ĐẢNG BỘ XÃ ĐOÀN KẾT']);
		ds.addRow(['DANH SÁCH ĐẢNG VIÊN NĂM 2024']);
		ds.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Chi bộ']);
		ds.addRow([1, 'Lê Văn Cường', 1975, '70000123', 'Chi bộ thôn 1']);
	}
	const xl = wb.addWorksheet('Xếp loại');
	xl.addRow(['ĐẢNG BỘ XÃ ĐOÀN KẾT']);
	xl.addRow(['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024']);
	xl.addRow(['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại']);
	xl.addRow([1, 'Đỗ Thị Hoa', 1980, first === 'registry' ? 'Chi bộ thôn Mới' : 'Chi bộ thôn 1', level]);
	await wb.xlsx.writeFile(path);
	return path;
}

/** Another file of the same load: one member of Chi bộ thôn 2 rated. */
const otherList = (dir: string) =>
	writeCsv(dir, 'thon2.csv', [['CHI BỘ THÔN 2'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Phan Văn Tú', '1966', 'HTNV']]);

describe('workbooks of two kinds, loaded with other files', () => {
	// Lists are prepared before the load's transaction, except beside a registry sheet of the same
	// load, which they must see: both ways, one refused sheet refuses its whole workbook.
	it('a registry sheet beside a rating sheet: the list finds the chi bộ the sheet adds', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [await twoKinds(join(dir, 'moi.xlsx'), 'registry', 'HTTNV')]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query(`select u.code, p.full_name from rating r join unit u on u.id = r.unit_id join person p on p.id = r.person_id`)).toEqual([
			{ code: 'C70010199', full_name: 'Đỗ Thị Hoa' }
		]);
	});

	it('… its rating sheet refused: the registry sheet is not stored either, the other file of the load is', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const r = await ingest(db, [await twoKinds(join(dir, 'moi.xlsx'), 'registry', 'Khá'), otherList(dir)]);
		expect(r.files.map((f) => [f.path.split('/').pop(), f.status])).toEqual([['moi.xlsx', 'refused'], ['thon2.csv', 'loaded']]);
		expect(r.files[0].errors).toEqual([expect.objectContaining({ file: 'moi.xlsx [Xếp loại]', row: 4, column: 'Xếp loại', value: 'Khá' })]);
		expect(await counts(db)).toEqual({ ...before, person: before.person + 1, rating: before.rating + 1, source_file: before.source_file + 1 });
		expect(await db.one(`select count(*)::int as n from unit where code = 'C70010199'`)).toEqual({ n: 0 });
	});

	it('a roster sheet that loads beside a rating sheet refused: nothing of the workbook is stored, the other file is', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const r = await ingest(db, [await twoKinds(join(dir, 'ds.xlsx'), 'roster', 'Khá'), otherList(dir)]);
		expect(r.files.map((f) => [f.path.split('/').pop(), f.status])).toEqual([['ds.xlsx', 'refused'], ['thon2.csv', 'loaded']]);
		expect(r.files[0].errors).toEqual([expect.objectContaining({ file: 'ds.xlsx [Xếp loại]', row: 4, column: 'Xếp loại', value: 'Khá' })]);
		expect(await counts(db)).toEqual({ ...before, person: before.person + 1, rating: before.rating + 1, source_file: before.source_file + 1 });
		expect(await db.query(`select full_name from person order by 1`)).toEqual([{ full_name: 'Phan Văn Tú' }]);
		// the same workbook corrected loads both sheets
		const ok = await ingest(db, [await twoKinds(join(dir, 'ds2.xlsx'), 'roster', 'HTNV')]);
		expect(ok.files[0], JSON.stringify(ok.files[0])).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.one(`select count(*)::int as n from membership`)).toEqual({ n: 1 });
	});
});
