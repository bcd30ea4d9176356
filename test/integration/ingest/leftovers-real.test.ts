// Files units sent that the earlier rounds of fixes still refused or misread: same-name units after
// the 2025 merger, two chi bộ lists in one sheet, level and date spellings, unit names, and
// columns of rosters and civil-servant lists.
import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const REG_HEAD = ['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể', 'Sáp nhập vào', 'Ngày hiệu lực'];
// the old "Đảng bộ xã Bom Bo" (dissolved 30/06/2025) and the new one formed from it and Bình Minh
const BOM_BO = [
	['1', 'X700301', 'Đảng bộ xã Bom Bo', 'Đảng bộ cơ sở', 'H7001', '15/03/1990', '30/06/2025', 'X700399', '01/07/2025'],
	['2', 'X700302', 'Đảng bộ xã Bình Minh', 'Đảng bộ cơ sở', 'H7001', '15/03/1991', '30/06/2025', 'X700399', '01/07/2025'],
	['3', 'X700399', 'Đảng bộ xã Bom Bo', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', '', '']
];

describe('units of the same name after the 2025 merger', () => {
	it('a parent named "Đảng ủy xã Bom Bo" is the new đảng bộ alive when the chi bộ is founded, not the dissolved one', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [['DANH MỤC TỔ CHỨC ĐẢNG XÃ BOM BO SAU SẮP XẾP'], REG_HEAD, ...BOM_BO,
			['4', 'C70039901', 'Chi bộ thôn Bom Bo', 'Chi bộ trực thuộc', 'Đảng ủy xã Bom Bo', '01/07/2025', '', '', '']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('loaded');
		expect(await db.query(`select parent_code from unit where code = 'C70039901'`)).toEqual([{ parent_code: 'X700399' }]);
	});

	it('a 2026 title "ĐẢNG BỘ XÃ BOM BO / CHI BỘ THÔN 1" is the new đảng bộ\'s chi bộ, not the dissolved namesake\'s', async () => {
		const { db, dir } = await dbWithRegistry();
		const reg = writeCsv(dir, 'dm.csv', [['DANH MỤC'], REG_HEAD, ...BOM_BO,
			['4', 'C70030101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700301', '01/01/2000', '30/06/2025', '', ''],
			['5', 'C70039901', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700399', '01/07/2025', '', '', '']]);
		expect((await ingest(db, [reg])).files[0].status).toBe('loaded');
		const f = writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ BOM BO'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2026'],
			['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Ngày vào Đảng', 'Tình trạng'], ['1', 'Nguyễn Văn An', '1970', 'Nam', '03/02/1995', 'Chính thức']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('loaded');
		expect(await db.query(`select u.code, m.year from membership m join unit u on u.id = m.unit_id`)).toEqual([{ code: 'C70039901', year: 2026 }]);
	});

	it('a 2026 list titled with a unit dissolved on 30/06/2025: refused naming the unit and its dissolution', async () => {
		const { db, dir } = await dbWithRegistry();
		const reg = writeCsv(dir, 'dm.csv', [['DANH MỤC'], REG_HEAD, ...BOM_BO,
			['4', 'C70030201', 'Chi bộ thôn Bình Minh', 'Chi bộ trực thuộc', 'X700302', '01/01/2000', '30/06/2025', '', '']]);
		expect((await ingest(db, [reg])).files[0].status).toBe('loaded');
		const f = writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ BÌNH MINH'], ['CHI BỘ THÔN BÌNH MINH'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2026'],
			['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Ngày vào Đảng', 'Tình trạng'], ['1', 'Nguyễn Văn An', '1970', 'Nam', '03/02/1995', 'Chính thức']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ file: 'ds.csv', column: 'Tiêu đề', value: 'Chi bộ thôn Bình Minh' });
		expect(r.files[0].errors[0].message).toContain('đã giải thể ngày 30/06/2025');
		expect(await db.query(`select count(*)::int as n from membership`)).toEqual([{ n: 0 }]);
	});
});

describe('two chi bộ lists in one sheet', () => {
	const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định'];
	it('the second list\'s "CHI BỘ THÔN 2" is the sibling of the title\'s chi bộ, inside its đảng bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'ds.xlsx', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], [], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'], [], HEAD,
			[1, 'Nguyễn Văn An', '12/05/1970', '70012345', 'HTXSNV', 'HTXSNV', 'HTXSNV'],
			[2, 'Trần Thị Bình', '03/02/1985', '70012346', 'HTTNV', 'HTTNV', 'HTTNV'],
			[], ['CHI BỘ THÔN 2'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'], HEAD,
			[1, 'Hoàng Văn Em', '07/07/1965', '70022345', 'HTTNV', 'HTTNV', 'HTTNV'],
			[2, 'Vũ Thị Gấm', '09/09/1979', '70022346', 'HTNV', 'HTNV', 'HTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(r.files[0].status).toBe('loaded');
		expect(await db.query(`select p.full_name as name, u.code from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id order by r.source_row`)).toEqual([
			{ name: 'Nguyễn Văn An', code: 'C70010101' },
			{ name: 'Trần Thị Bình', code: 'C70010101' },
			{ name: 'Hoàng Văn Em', code: 'C70010102' },
			{ name: 'Vũ Thị Gấm', code: 'C70010102' }
		]);
	});

	it('a section naming a chi bộ of another đảng bộ is still refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'ds.xlsx', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'], HEAD,
			[1, 'Nguyễn Văn An', '12/05/1970', '70012345', 'HTXSNV', 'HTXSNV', 'HTXSNV'],
			['CHI BỘ THÔN 7'], [1, 'Hoàng Văn Em', '07/07/1965', '70022345', 'HTTNV', 'HTTNV', 'HTTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ file: 'ds.xlsx', value: 'CHI BỘ THÔN 7' });
	});
});
