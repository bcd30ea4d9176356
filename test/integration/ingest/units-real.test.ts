// Unit names as units write them in a list's "Chi bộ" column: abbreviated, zero-padded, with the
// parent after a comma. Found in the registry by a looser key when the plain one finds nothing.
// And the unit a title names: a chi bộ and its đảng bộ in one cell, "TRỰC THUỘC", a sheet's name.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']];
const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Chi bộ', 'Đảng ủy quyết định'];

describe('unit names in lists', () => {
	it.each([['CB thôn 1'], ['Chi bộ thôn 01'], ['Chi bộ thôn 1, xã Đoàn Kết'], ['cb. Thôn 01']])('"%s" is Chi bộ thôn 1 of the đảng bộ in the title', async (name) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'u.csv', [...TITLE, HEAD, ['1', 'Nguyễn Văn An', '12/05/1970', '70012345', name, 'HTXSNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('loaded');
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id`)).toEqual([{ code: 'C70010101' }]);
	});

	it('a name that is no unit of the registry, even loosely, is still refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'u.csv', [...TITLE, HEAD, ['1', 'Nguyễn Văn An', '12/05/1970', '70012345', 'CB thôn 9', 'HTXSNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
	});
});

describe('the unit named in the title', () => {
	const LIST = [['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTXSNV'], ['2', 'Trần Thị Bình', '1985', 'HTTNV']];
	const units = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) =>
		db.query<{ code: string }>('select distinct u.code from rating r join unit u on u.id = r.unit_id order by 1');

	// "Chi bộ thôn 1" is a name of both communes of the registry: the đảng bộ decides which
	it.each([
		['CHI BỘ THÔN 1, ĐẢNG BỘ XÃ MINH HƯNG'],
		['CHI BỘ THÔN 1 - ĐẢNG BỘ XÃ MINH HƯNG']
	])('"%s" in one cell: the chi bộ of that đảng bộ', async (title) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [[title], ...LIST])]);
		expect(r.files[0].status).toBe('loaded');
		expect(await units(db)).toEqual([{ code: 'C70010201' }]);
	});

	it('"CHI BỘ THÔN 1 TRỰC THUỘC" under the đảng bộ\'s line: that chi bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ MINH HƯNG'], ['CHI BỘ THÔN 1 TRỰC THUỘC'], ...LIST])]);
		expect(r.files[0].status).toBe('loaded');
		expect(await units(db)).toEqual([{ code: 'C70010201' }]);
	});

	it('a chi bộ the title names that the đảng bộ does not have: refused naming it, not stored on the đảng bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 9'], ...LIST])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ file: 'ds.csv', row: 2, column: 'Tiêu đề', value: 'CHI BỘ THÔN 9' });
	});

	it('a member list whose title names only the đảng bộ, with no Chi bộ column: refused (a member belongs to a chi bộ)', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ...LIST])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ row: 4, value: '' });
		expect(r.files[0].errors[0].message).toMatch(/phải thuộc một chi bộ, "Đảng bộ xã Đoàn Kết" là đảng bộ/);
	});

	it('a workbook with a sheet per chi bộ named only by the sheet ("Thôn 1", "Thôn 2"): each sheet\'s chi bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		for (const [sheet, name] of [['Thôn 1', 'Nguyễn Văn An'], ['Thôn 2', 'Lê Văn Cường']]) {
			const ws = wb.addWorksheet(sheet);
			for (const row of [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], LIST[0], LIST[1], ['1', name, '1970', 'HTTNV']]) ws.addRow(row);
		}
		const path = join(dir, 'ds.xlsx');
		await wb.xlsx.writeFile(path);
		const r = await ingest(db, [path]);
		expect(r.files[0].status).toBe('loaded');
		expect(await db.query('select p.full_name as name, u.code from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id order by 1')).toEqual([
			{ name: 'Lê Văn Cường', code: 'C70010102' },
			{ name: 'Nguyễn Văn An', code: 'C70010101' }
		]);
	});
});

describe('the title\'s units, as a fourth probe wrote them', () => {
	const ROW = ['1', 'Nguyễn Văn An', '12/05/1970', 'HTXSNV'];
	it.each([
		[[['DANH SÁCH KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['Tên đơn vị: Chi bộ thôn 1 - Đảng bộ xã Minh Hưng'], ['Ngày xuất: 12/12/2024 09:15']], 'C70010201'],
		[[['DANH SÁCH KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['Đơn vị: Chi bộ thôn 2']], 'C70010102'],
		[[['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN CHI BỘ THÔN 1 NĂM 2024'], ['ĐẢNG BỘ XÃ ĐOÀN KẾT']], 'C70010101'],
		[[['ĐẢNG BỘ XÃ MINH HƯNG'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN CHI BỘ THÔN 1 NĂM 2024']], 'C70010201']
	])('%j: %s', async (title, code) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'u.csv', [...title, ['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại'], ROW]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id`)).toEqual([{ code }]);
	});

	it('"… CÁC CHI BỘ …" names no chi bộ: a list without a unit column is still refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'u.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN CÁC CHI BỘ NĂM 2024'], ['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại'], ROW]);
		expect((await ingest(db, [f])).files[0].status).toBe('refused');
	});
});

describe('the title\'s units, as a second probe wrote them', () => {
	const LIST = [['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTXSNV']];
	it.each([
		['CHI BỘ THÔN 1 TRỰC THUỘC ĐẢNG BỘ XÃ MINH HƯNG', 'C70010201'],
		['CHI BỘ THÔN 1 (ĐẢNG BỘ XÃ MINH HƯNG)', 'C70010201'],
		['CHI BỘ THÔN 1, XÃ MINH HƯNG', 'C70010201'],
		['CHI BỘ THÔN 02 - XÃ ĐOÀN KẾT', 'C70010102'],
		['CB THÔN 2', 'C70010102']
	])('"%s": %s', async (title, code) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [[title], ...LIST])]);
		expect(r.files[0].status).toBe('loaded');
		expect(await db.query('select distinct u.code from rating r join unit u on u.id = r.unit_id')).toEqual([{ code }]);
	});

	it('a blank chi bộ cell (a merged cell saved as CSV) refuses the row saying the cell is empty', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], LIST[0], ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'HTXSNV'], ['2', 'Trần Thị Bình', '1985', '', 'HTTNV']])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ row: 5, column: 'Chi bộ', value: '' });
		expect(r.files[0].errors[0].message).toMatch(/^Ô chi bộ để trống/);
	});
});
