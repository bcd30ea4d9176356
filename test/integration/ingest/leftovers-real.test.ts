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

describe('units of the same name in a row\'s unit column, or --unit: the one alive in the row\'s year', () => {
	const loadBomBo = async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', [['DANH MỤC'], REG_HEAD, ...BOM_BO])])).files[0].status).toBe('loaded');
		return { db, dir };
	};

	it.each([
		[2024, 'X700301'],
		[2025, 'X700399'],
		[2026, 'X700399']
	])('a list of organisations of %i naming "Đảng bộ xã Bom Bo": %s', async (year, code) => {
		const { db, dir } = await loadBomBo();
		const f = writeCsv(dir, 'tcd.csv', [[`DANH SÁCH XẾP LOẠI TỔ CHỨC ĐẢNG NĂM ${year}`], ['STT', 'Tên tổ chức đảng', 'Xếp loại'], ['1', 'Đảng bộ xã Bom Bo', 'Hoàn thành tốt nhiệm vụ']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id`)).toEqual([{ code }]);
	});

	it('a discipline register: each row\'s unit alive at its decision', async () => {
		const { db, dir } = await loadBomBo();
		const f = writeCsv(dir, 'kl.csv', [['SỔ THEO DÕI KỶ LUẬT TỔ CHỨC ĐẢNG'], ['STT', 'Đối tượng', 'Đơn vị', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Tổ chức đảng', 'Đảng bộ xã Bom Bo', 'Khiển trách', '15/03/2024'],
			['2', 'Tổ chức đảng', 'Đảng ủy xã Bom Bo', 'Cảnh cáo', '15/03/2026']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select d.source_row as row, u.code from discipline d join unit u on u.id = d.unit_id order by 1`)).toEqual([
			{ row: 3, code: 'X700301' },
			{ row: 4, code: 'X700399' }
		]);
	});

	it.each([
		[2024, 'C70030101'],
		[2026, 'C70039901']
	])('a %i list whose "Đảng bộ" column says "Đảng bộ xã Bom Bo" beside "Chi bộ thôn 1": the chi bộ of the đảng bộ alive that year (%s)', async (year, code) => {
		const { db, dir } = await loadBomBo();
		const chiBo = writeCsv(dir, 'cb.csv', [['DANH MỤC'], REG_HEAD,
			['1', 'C70030101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700301', '01/01/2000', '30/06/2025', '', ''],
			['2', 'C70039901', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700399', '01/07/2025', '', '', '']]);
		expect((await ingest(db, [chiBo])).files[0].status).toBe('loaded');
		const f = writeCsv(dir, 'th.csv', [[`DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM ${year}`], ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Đảng bộ', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Đảng bộ xã Bom Bo', 'HTTNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id`)).toEqual([{ code }]);
	});

	it('--unit "Đảng bộ xã Bom Bo" for a 2024 list: the old đảng bộ, as a title naming it would be', async () => {
		const { db, dir } = await loadBomBo();
		const f = writeCsv(dir, 'tcd.csv', [['DANH SÁCH XẾP LOẠI TỔ CHỨC ĐẢNG NĂM 2024'], ['STT', 'Đối tượng', 'Xếp loại'], ['1', 'Tổ chức đảng', 'Hoàn thành tốt nhiệm vụ']]);
		const r = await ingest(db, [f], { unit: 'Đảng bộ xã Bom Bo', kind: 'rating' });
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id`)).toEqual([{ code: 'X700301' }]);
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

describe('values as units write them', () => {
	const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']];
	const rated = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) =>
		db.query(`select r.self_level as s, r.final_level as f, r.not_rated_reason as nr from rating r order by r.source_row`);

	it.each([
		['Hoàn thành tốt nhiệm vụ (HTTNV)', 3],
		['HTT (1)', 3],
		['Hoàn thành xuất sắc nhiệm vụ (HTXSNV)', 4]
	])('level "%s": the level before its own abbreviation or footnote mark', async (level, rank) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Tự xếp loại', 'Đảng ủy quyết định'], ['1', 'Nguyễn Văn An', '1970', level, level]]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await rated(db)).toEqual([{ s: rank, f: rank, nr: null }]);
	});

	it('"HTXS (HTT)": brackets naming another level are not a footnote: refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTXS (HTT)']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ file: 'ds.csv', row: 5, column: 'Xếp loại', value: 'HTXS (HTT)' });
	});

	it.each([['Miễn đánh giá'], ['Dự bị chưa đủ 6 tháng'], ['Miễn sinh hoạt']])('"%s" in the level column: not rated, the text kept as the reason', async (text) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV'], ['2', 'Trần Thị Bình', '1985', text]]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await rated(db)).toEqual([{ s: null, f: 3, nr: null }, { s: null, f: null, nr: text }]);
	});

	it('Excel\'s "12-May-70", "10-Dec-24", "01-Jul-2025" are dates', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [...TITLE, ['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại', 'Ngày quyết định', 'Ngày kiểm điểm'],
			['1', 'Nguyễn Văn An', '12-May-70', 'HTTNV', '10-Dec-24', '28-Nov-24'], ['2', 'Trần Thị Bình', '3-Feb-85', 'HTTNV', '01-Jan-2025', '28-Nov-2024']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select strftime(p.birth_date, '%d/%m/%Y') as bd, strftime(r.decided_on, '%d/%m/%Y') as dec, strftime(r.reviewed_on, '%d/%m/%Y') as rev
			from rating r join person p on p.id = r.person_id order by r.source_row`)).toEqual([
			{ bd: '12/05/1970', dec: '10/12/2024', rev: '28/11/2024' },
			{ bd: '03/02/1985', dec: '01/01/2025', rev: '28/11/2024' }
		]);
	});

	it('a registry\'s effective date "Từ ngày 01/7/2025"', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [['DANH MỤC'], REG_HEAD,
			['1', 'X700901', 'Đảng bộ xã Thống Nhất', 'Đảng bộ cơ sở', 'H7001', '1990', '', 'X700999', 'Từ ngày 01/7/2025'],
			['2', 'X700999', 'Đảng bộ xã Thống Nhất', 'Đảng bộ cơ sở', 'T70', '01/7/2025', '', '', '']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select strftime(effective_on, '%d/%m/%Y') as eff from unit_lineage where from_code = 'X700901'`)).toEqual([{ eff: '01/07/2025' }]);
		expect(await db.query(`select strftime(dissolved_on, '%d/%m/%Y') as d from unit where code = 'X700901'`)).toEqual([{ d: '30/06/2025' }]);
	});

	const DISSOLVE_HEAD = ['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Giải thể', 'Ghi chú'];
	it('an "x" under "Giải thể" with the date in the note: dissolved on that date', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [DISSOLVE_HEAD, ['1', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', '05/09/2005', 'x', 'Giải thể theo Quyết định 15-QĐ/HU ngày 30/6/2025']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select strftime(dissolved_on, '%d/%m/%Y') as d from unit where code = 'C70010301'`)).toEqual([{ d: '30/06/2025' }]);
	});

	it('an "x" under "Giải thể" and no date anywhere: refused asking for the date', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [DISSOLVE_HEAD, ['1', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', '05/09/2005', 'x', '']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ file: 'dm.csv', row: 2, column: 'Giải thể', value: 'x' });
		expect(r.files[0].errors[0].message).toContain('không có ngày giải thể');
	});
});

describe('unit names with words and parents', () => {
	it.each([
		['Chi bộ thôn Một', 'C70010101'],
		['Chi bộ thôn Hai', 'C70010102'],
		['Chi bộ Thôn 1 (xã Đoàn Kết)', 'C70010101']
	])('"%s" under the đảng bộ of the title', async (name, code) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Đảng ủy quyết định'], ['1', 'Nguyễn Văn An', '1970', name, 'HTTNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id`)).toEqual([{ code }]);
	});

	it('a district roster\'s "Chi bộ thôn 1, xã Minh Hưng" and "Chi bộ thôn 1 - Đảng bộ xã Đoàn Kết": the commune picks the chi bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ HUYỆN BÙ ĐĂNG'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Chi bộ', 'Ngày vào Đảng', 'Tình trạng'],
			['1', 'Nguyễn Văn An', '1970', 'Nam', 'Chi bộ thôn 1, xã Minh Hưng', '03/02/1995', 'Chính thức'],
			['2', 'Trần Văn Bảo', '1980', 'Nam', 'Chi bộ thôn 1 - Đảng bộ xã Đoàn Kết', '03/02/2005', 'Chính thức']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select u.code from membership m join unit u on u.id = m.unit_id order by m.source_row`)).toEqual([{ code: 'C70010201' }, { code: 'C70010101' }]);
	});
});
