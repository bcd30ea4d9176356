// Registry files as provinces send them after the 2025 merger: lists of dissolved or merged units
// that carry only some columns, and lineage written from the successor's side. A column the file
// does not have keeps what the registry holds; lineage rows follow what the file says.
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

async function units(db: Awaited<ReturnType<typeof dbWithRegistry>>['db'], codes: string[]) {
	return db.query<{ code: string; name: string; kind: string; parent_code: string | null; path: string; dissolved_on: string | null }>(
		`select code, name, kind, parent_code, path, strftime(dissolved_on, '%d/%m/%Y') as dissolved_on from unit
		 where code in (${codes.map((c) => `'${c}'`).join(', ')}) order by code`
	);
}

describe('a registry file without some columns', () => {
	it('a list of dissolved, merged units (no parent column) moves no unit out of the tree', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'giai-the.csv', [
			['DANH SÁCH TỔ CHỨC ĐẢNG GIẢI THỂ, SÁP NHẬP NĂM 2025'],
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Ngày giải thể', 'Sáp nhập vào'],
			['1', 'X700101', 'Đảng bộ xã Đoàn Kết', 'Đảng bộ cơ sở', '30/06/2025', 'X700199'],
			['2', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', '30/06/2025', 'C70010101']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 2 });
		expect(await units(db, ['X700101', 'C70010101', 'C70010102'])).toEqual([
			{ code: 'C70010101', name: 'Chi bộ thôn 1', kind: 'chi_bo_truc_thuoc', parent_code: 'X700101', path: '/T70/H7001/X700101/C70010101/', dissolved_on: null },
			{ code: 'C70010102', name: 'Chi bộ thôn 2', kind: 'chi_bo_truc_thuoc', parent_code: 'X700101', path: '/T70/H7001/X700101/C70010102/', dissolved_on: '30/06/2025' },
			{ code: 'X700101', name: 'Đảng bộ xã Đoàn Kết', kind: 'dang_bo_co_so', parent_code: 'H7001', path: '/T70/H7001/X700101/', dissolved_on: '30/06/2025' }
		]);
	});

	it('a row that leaves the name or the kind empty keeps the stored one; a blank parent under a parent column still makes a root', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'bo-sung.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Ngày thành lập'],
			['1', 'C70010102', '', '', 'X700101', '02/01/2000'],
			['2', 'X700199', 'Đảng bộ xã Bù Đăng', 'Đảng bộ cơ sở', '', '01/07/2025']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 2 });
		expect(await units(db, ['C70010102', 'X700199'])).toMatchObject([
			{ code: 'C70010102', name: 'Chi bộ thôn 2', kind: 'chi_bo_truc_thuoc', parent_code: 'X700101' },
			{ code: 'X700199', parent_code: null, path: '/X700199/' }
		]);
	});

	it('a new unit without name or kind is still refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'moi.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'],
			['1', 'C70019999', '', '', 'X700199']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors?.map((e) => [e.row, e.column])).toEqual([
			[2, 'Loại'],
			[2, 'Tên đơn vị']
		]);
	});
});
