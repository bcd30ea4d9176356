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

	it('a school’s abbreviation ("Trường MN") and a chi bộ named short of its commune ("Trạm Y tế", "Trạm Y tế xã") are the registry’s chi bộ; a short name fitting none is refused', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Tỉnh/Thành phố', 'Huyện/Xã', 'Ngày thành lập'],
			['1', 'C70010111', 'Chi bộ Trường Mầm non Đoàn Kết', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000'],
			['2', 'C70010112', 'Chi bộ Trạm Y tế xã Đoàn Kết', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000']
		])])).files[0].status).toBe('loaded');
		const rows = (names: string[]) => names.map((n, i) => [String(i + 1), `Người ${i + 1}`, '12/05/1970', '', n, 'HTTNV']);
		// (and "Chi bộ Trạm Y tế xã": the commune's kind left, its name dropped)
		const r = await ingest(db, [writeCsv(dir, 'u.csv', [...TITLE, HEAD, ...rows(['Chi bộ Trường MN Đoàn Kết', 'Trạm Y tế', 'Chi bộ Trạm Y tế', 'Chi bộ Trạm Y tế xã'])])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id order by r.source_row`)).toEqual([{ code: 'C70010111' }, { code: 'C70010112' }, { code: 'C70010112' }, { code: 'C70010112' }]);
		const bad = await ingest(db, [writeCsv(dir, 'u2.csv', [...TITLE, HEAD, ...rows(['Trạm Xá'])])]);
		expect(bad.files[0].status).toBe('refused');
		expect(bad.files[0].errors).toEqual([expect.objectContaining({ row: 4, column: 'Chi bộ', value: 'Trạm Xá' })]);
	});

	// after the 2025 merger a school keeps the old commune's name, which its new đảng ủy's lists leave off
	it('"Chi bộ Trường Tiểu học" under the merged Đảng bộ xã Bù Đăng is its "Chi bộ Trường Tiểu học Minh Hưng" (xã Minh Hưng merged into it); two such schools: refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const school = (code: string, name: string) => [code, name, 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '05/09/2005'];
		const registry = (...rows: string[][]) => writeCsv(dir, `dm${rows.length}.csv`, [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Tỉnh/Thành phố', 'Huyện/Xã', 'Ngày thành lập'],
			...rows.map((r, i) => [String(i + 1), ...r])]);
		const list = writeCsv(dir, 'dv.csv', [['ĐẢNG BỘ XÃ BÙ ĐĂNG'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG NĂM 2025'],
			['STT', 'Tên chi bộ', 'Đảng ủy quyết định'], ['1', 'Chi bộ Trường Tiểu học', 'HTTNV']]);
		expect((await ingest(db, [registry(school('C70019911', 'Chi bộ Trường Tiểu học Minh Hưng'))])).files[0].status).toBe('loaded');
		expect((await ingest(db, [list])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id`)).toEqual([{ code: 'C70019911' }]);
		await ingest(db, [registry(school('C70019911', 'Chi bộ Trường Tiểu học Minh Hưng'), school('C70019912', 'Chi bộ Trường Tiểu học Đoàn Kết'))]);
		const twice = await ingest(db, [writeCsv(dir, 'dv2.csv', [['ĐẢNG BỘ XÃ BÙ ĐĂNG'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG NĂM 2025'],
			['STT', 'Tên chi bộ', 'Đảng ủy quyết định'], ['1', 'Chi bộ Trường Tiểu học', 'HTXSNV']])]);
		expect(twice.files[0]).toMatchObject({ status: 'refused', errors: [expect.objectContaining({ row: 4, value: 'Chi bộ Trường Tiểu học' })] });
	});

	it('a code and a name beside it that say two chi bộ: refused naming both, not stored under the code; a name the code’s own unit bears, one found nowhere, or its đảng bộ’s, stands', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Chi bộ', 'Đảng ủy quyết định'];
		const bad = await ingest(db, [writeCsv(dir, 'm.csv', [...TITLE, head, ['1', 'Nguyễn Văn An', '12/05/1970', 'C70010102', 'Chi bộ thôn 1', 'HTTNV']])]);
		expect(bad.files[0].status).toBe('refused');
		expect(bad.files[0].errors).toEqual([
			expect.objectContaining({ row: 4, column: 'Mã đơn vị', value: 'C70010102', message: 'Mã đơn vị C70010102 là "Chi bộ thôn 2", nhưng tên ghi cạnh mã, "Chi bộ thôn 1", là tên của đơn vị khác (mã C70010101): sửa mã hoặc tên cho khớp.' })
		]);
		const roster = await ingest(db, [writeCsv(dir, 'r.csv', [['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Chi bộ'], ['1', 'Nguyễn Văn An', '1970', 'C70010102', 'Chi bộ thôn 1']])], { unit: 'X700101' });
		expect(roster.files[0]).toMatchObject({ status: 'refused', errors: [expect.objectContaining({ row: 3, column: 'Mã đơn vị', value: 'C70010102' })] });
		const good = await ingest(db, [writeCsv(dir, 'g.csv', [...TITLE, head,
			['1', 'Nguyễn Văn An', '12/05/1970', 'C70010102', 'Chi bộ thôn 2', 'HTTNV'],
			['2', 'Trần Thị Bình', '12/05/1971', 'C70010101', 'Thôn Một cũ', 'HTTNV'],
			['3', 'Lê Văn Cường', '12/05/1972', 'C70010101', 'Đảng bộ xã Đoàn Kết', 'HTTNV'],
			['4', 'Phạm Văn Dũng', '12/05/1973', 'C70010101', 'Chi bộ thôn 01', 'HTTNV']])]);
		expect(good.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		// with no title unit, --unit or scope to look in, the code stands
		const untitled = await ingest(db, [writeCsv(dir, 'n.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2023'], head, ['1', 'Nguyễn Văn An', '12/05/1970', 'C70010102', 'Chi bộ thôn 1', 'HTTNV']])]);
		expect(untitled.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
	});

	it('"Chi bộ ấp 3 - 2", "Chi bộ ấp 3–2" (spaces round the dash, Word’s dash) are Chi bộ ấp 3-2; not Chi bộ ấp 3', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Tỉnh/Thành phố', 'Huyện/Xã', 'Ngày thành lập'],
			['1', 'C70010113', 'Chi bộ ấp 3', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000'],
			['2', 'C70010114', 'Chi bộ ấp 3-2', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000']
		])])).files[0].status).toBe('loaded');
		const rows = (names: string[]) => names.map((n, i) => [String(i + 1), `Người ${i + 1}`, '12/05/1970', '', n, 'HTTNV']);
		const r = await ingest(db, [writeCsv(dir, 'u.csv', [...TITLE, HEAD, ...rows(['Chi bộ ấp 3 - 2', 'Chi bộ ấp 3–2', 'Chi bộ Ấp 03 – 02', 'Chi bộ ấp 3'])])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id order by r.source_row`)).toEqual([
			{ code: 'C70010114' }, { code: 'C70010114' }, { code: 'C70010114' }, { code: 'C70010113' }
		]);
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

	// another commune's list: its đảng bộ is not in the registry, its chi bộ bears the name of one
	// that is (the registry's one "Chi bộ thôn 2" is Đoàn Kết's)
	it.each([
		[[['ĐẢNG BỘ XÃ THỌ SƠN'], ['CHI BỘ THÔN 2']], 'ĐẢNG BỘ XÃ THỌ SƠN', 1],
		[[['ĐẢNG BỘ TỈNH BÌNH PHƯỚC', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'], ['ĐẢNG ỦY PHƯỜNG TÂN THÀNH'], ['CHI BỘ THÔN 2']], 'ĐẢNG ỦY PHƯỜNG TÂN THÀNH', 2],
		[[['CHI BỘ THÔN 2 - ĐẢNG BỘ XÃ THỌ SƠN']], 'ĐẢNG BỘ XÃ THỌ SƠN', 1],
		[[['ĐẢNG BỘ HUYỆN BÙ ĐĂNG'], ['ĐẢNG BỘ XÃ THỌ SƠN'], ['CHI BỘ THÔN 2']], 'ĐẢNG BỘ XÃ THỌ SƠN', 2],
		[[['HUYỆN ỦY ĐỒNG PHÚ'], ['CHI BỘ THÔN 2']], 'HUYỆN ỦY ĐỒNG PHÚ', 1]
	])('%j: a đảng bộ the registry does not hold, its chi bộ found by name alone elsewhere: refused naming the title line, nothing stored', async (title, unknown, row) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'Xep loai DV chi bo thon 2 xa Tho Son.csv', [...title, ...LIST])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ file: 'Xep loai DV chi bo thon 2 xa Tho Son.csv', row, column: 'Tiêu đề', value: unknown });
		expect(r.files[0].errors[0].message).toMatch(/danh mục không có đảng bộ này.*--unit/);
		expect(await db.one('select count(*)::int as n from rating')).toEqual({ n: 0 });
	});

	it('… the same in its rows\' Chi bộ column: refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ THỌ SƠN'], LIST[0], ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 2', 'HTTNV']])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ row: 1, column: 'Tiêu đề', value: 'ĐẢNG BỘ XÃ THỌ SƠN' });
	});

	it('a register with no year whose letterhead names a commune two units bear (the one merged in 2025, the one formed then): loaded, not refused as unknown', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Ngày thành lập'],
			['1', 'X700198', 'Đảng bộ xã Minh Hưng', 'Đảng bộ cơ sở', 'T70', '01/07/2025'],
			['2', 'C70019801', 'Chi bộ thôn Minh Hưng 3', 'Chi bộ trực thuộc', 'X700198', '01/07/2025']
		])])).files[0].status).toBe('loaded');
		const r = await ingest(db, [writeCsv(dir, 'so-kl.csv', [['ĐẢNG BỘ XÃ MINH HƯNG', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'], ['ỦY BAN KIỂM TRA'], ['SỔ THEO DÕI THI HÀNH KỶ LUẬT ĐẢNG VIÊN'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định'], ['1', 'Nguyễn Văn An', '1970', 'Thôn Minh Hưng 3', 'Khiển trách', '15/11/2025']])]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 1 });
		expect(await db.query('select u.code from discipline d join unit u on u.id = d.unit_id')).toEqual([{ code: 'C70019801' }]);
	});

	it('a chi bộ the title names before its đảng bộ, of that name in another commune only: refused, not filed there', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN CHI BỘ THÔN 2 NĂM 2024'], ['ĐẢNG BỘ XÃ MINH HƯNG'], ...LIST.slice(1)])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ row: 1, column: 'Tiêu đề', value: 'CHI BỘ THÔN 2' });
	});

	it.each([
		// a province's letterhead the registry lacks (it holds part of a province), over the commune
		[[['ĐẢNG BỘ TỈNH ĐỒNG NAI', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'], ['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2']], {}],
		[[['ĐẢNG BỘ TỈNH ĐỒNG NAI'], ['CHI BỘ THÔN 2']], {}],
		// a district the registry lacks, over a commune it holds
		[[['HUYỆN ỦY ĐỒNG PHÚ'], ['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2']], {}],
		// the unit given
		[[['ĐẢNG BỘ XÃ THỌ SƠN'], ['CHI BỘ THÔN 2']], { unit: 'C70010102' }]
	])('%j %j: loaded in Chi bộ thôn 2 of Đoàn Kết', async (title, opts) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [...title, ...LIST])], opts);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await units(db)).toEqual([{ code: 'C70010102' }]);
	});

	it('last year\'s list naming the commune as it is now (in 2024 the name was the commune merged since): refused saying the year, where it was read, and the unit searched', async () => {
		const { db, dir } = await dbWithRegistry();
		// 2025: a new "Đảng bộ xã Minh Hưng" with a Chi bộ Cơ quan xã; the old one (X700102) was merged on 01/07/2025
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Ngày thành lập'],
			['1', 'X700198', 'Đảng bộ xã Minh Hưng', 'Đảng bộ cơ sở', 'T70', '01/07/2025'],
			['2', 'C70019802', 'Chi bộ Cơ quan xã', 'Chi bộ trực thuộc', 'X700198', '01/07/2025']
		])])).files[0].status).toBe('loaded');
		const list = (name: string, year: string, extra: string[][] = []) => writeCsv(dir, name, [['ĐẢNG BỘ XÃ MINH HƯNG', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'], ['CHI BỘ CƠ QUAN XÃ', '', `Minh Hưng, ngày 06 tháng 12 năm ${year}`],
			...extra, ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại chất lượng'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']]);
		const old = await ingest(db, [list('DS xep loai CB co quan.csv', '2024', [['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']])]);
		expect(old.files[0].status).toBe('refused');
		expect(old.files[0].errors[0]).toMatchObject({ row: 2, column: 'Tiêu đề', value: 'CHI BỘ CƠ QUAN XÃ' });
		expect(old.files[0].errors[0].message).toBe(
			'Không tìm thấy chi bộ "CHI BỘ CƠ QUAN XÃ" trong Đảng bộ xã Minh Hưng (mã X700102, giải thể ngày 30/06/2025), đơn vị tiêu đề nêu, năm 2024 (đọc từ tiêu đề "DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024"), hoặc tên trùng nhiều chi bộ: nếu danh sách không phải của năm 2024, sửa năm ở tiêu đề hoặc dùng --year; nếu đúng năm, sửa tên, thêm cột Chi bộ / Mã đơn vị, hoặc dùng --unit MÃ.'
		);
		// the year given by --year: said so
		const given = await ingest(db, [list('ds.csv', '2024', [['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN']])], { year: 2024 });
		expect(given.files[0].errors[0].message).toMatch(/năm 2024 \(theo --year\)/);
		// this year's list, the same letterhead: the new commune's chi bộ
		const now = await ingest(db, [list('ds-2025.csv', '2025', [['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025']])]);
		expect(now.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await units(db)).toEqual([{ code: 'C70019802' }]);
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
		[[['ĐẢNG BỘ XÃ MINH HƯNG'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN CHI BỘ THÔN 1 NĂM 2024']], 'C70010201'],
		// the đảng bộ with its district after a dash
		[[['ĐẢNG BỘ XÃ MINH HƯNG - HUYỆN BÙ ĐĂNG'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024']], 'C70010201']
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

describe('a "Đảng bộ" column beside the "Chi bộ" column (a đảng bộ\'s consolidated list)', () => {
	const TITLE_DISTRICT = [['ĐẢNG BỘ HUYỆN BÙ ĐĂNG'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']];
	const codes = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db'], table: 'rating' | 'membership') =>
		db.query<{ code: string }>(`select u.code from ${table} r join unit u on u.id = r.unit_id order by r.source_row`).then((rs) => rs.map((r) => r.code));

	it('qualifies the chi bộ: "Chi bộ thôn 1" of each đảng bộ, the đảng bộ written in full, as "Xã …" or by its name alone', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [...TITLE_DISTRICT, ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Đảng bộ', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'Chi bộ thôn 1', 'Đảng bộ xã Minh Hưng', 'HTTNV'],
			['2', 'Trần Thị Bình', '03/04/1985', 'Chi bộ thôn 1', 'Xã Đoàn Kết', 'HTTNV'],
			['3', 'Lê Văn Cường', '1990', 'Thôn 1', 'Minh Hưng', 'HTNV'],
			['4', 'Phạm Thị Dung', '1991', 'Chi bộ thôn 2', 'Đảng ủy xã Đoàn Kết', 'HTXSNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 4 });
		expect(await codes(db, 'rating')).toEqual(['C70010201', 'C70010101', 'C70010201', 'C70010102']);
	});

	it('abbreviated as units write them: "ĐU xã Minh Hưng", "ĐU Đoàn Kết"', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [...TITLE_DISTRICT, ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Đảng bộ', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'CB thôn 1', 'ĐU xã Minh Hưng', 'HTTNV'],
			['2', 'Trần Thị Bình', '03/04/1985', 'Chi bộ thôn 1', 'ĐU. Đoàn Kết', 'HTTNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await codes(db, 'rating')).toEqual(['C70010201', 'C70010101']);
	});

	it('a roster with the Đảng bộ column first: the Chi bộ column stays the unit', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ HUYỆN BÙ ĐĂNG'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Đảng bộ', 'Chi bộ', 'Tình trạng'],
			['1', 'Nguyễn Văn An', '1970', 'Đảng bộ xã Đoàn Kết', 'Chi bộ thôn 1', 'Chính thức'],
			['2', 'Trần Thị Bình', '1985', 'Đảng bộ xã Minh Hưng', 'Chi bộ thôn 1', 'Dự bị']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 2 });
		expect(await codes(db, 'membership')).toEqual(['C70010101', 'C70010201']);
	});

	it('a chi bộ the named đảng bộ does not have, or a đảng bộ the registry does not know: refused naming the cell, never resolved elsewhere', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [...TITLE_DISTRICT, ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Đảng bộ', 'Xếp loại'],
			// the registry's one "Chi bộ thôn 2" is Đoàn Kết's
			['1', 'Nguyễn Văn An', '12/05/1970', 'Chi bộ thôn 2', 'Đảng bộ xã Minh Hưng', 'HTTNV'],
			['2', 'Trần Thị Bình', '03/04/1985', 'Chi bộ thôn 1', 'Đảng bộ xã Tân Thành', 'HTTNV']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors).toHaveLength(2);
		expect(r.files[0].errors[0]).toMatchObject({ file: 'xl.csv', row: 4, column: 'Chi bộ', value: 'Chi bộ thôn 2' });
		expect(r.files[0].errors[0].message).toMatch(/Đảng bộ xã Minh Hưng/);
		expect(r.files[0].errors[1]).toMatchObject({ file: 'xl.csv', row: 5, column: 'Đảng bộ', value: 'Đảng bộ xã Tân Thành' });
		expect(r.files[0].errors[1].message).toMatch(/^Không có đảng bộ/);
	});
});

describe('a workbook with a sheet per chi bộ, each named by its hamlet alone', () => {
	// chi bộ named with their hamlet's kind ("thôn", "ấp", "tổ dân phố"), which the sheets leave out
	const HAMLETS = [['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Ngày thành lập'],
		['1', 'C70010111', 'Chi bộ thôn Sơn Lang', 'Chi bộ trực thuộc', 'X700101', '01/01/2000'],
		['2', 'C70010112', 'Chi bộ ấp 3', 'Chi bộ trực thuộc', 'X700101', '01/01/2000'],
		['3', 'C70010113', 'Chi bộ tổ dân phố 5', 'Chi bộ trực thuộc', 'X700101', '01/01/2000'],
		['4', 'C70010114', 'Chi bộ thôn Sơn Hà', 'Chi bộ trực thuộc', 'X700101', '01/01/2000'],
		['5', 'C70010115', 'Chi bộ khu phố Sơn Hà', 'Chi bộ trực thuộc', 'X700101', '01/01/2000'],
		// Minh Hưng's, not the title's đảng bộ
		['6', 'C70010211', 'Chi bộ thôn Sơn Lâm', 'Chi bộ trực thuộc', 'X700102', '01/01/2000']];
	const LIST = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại']];
	async function workbook(dir: string, sheets: string[]): Promise<string> {
		const wb = new ExcelJS.Workbook();
		for (const [i, sheet] of sheets.entries()) {
			const ws = wb.addWorksheet(sheet);
			for (const row of [...LIST, ['1', `Đảng viên ${i + 1}`, String(1970 + i), 'HTTNV']]) ws.addRow(row);
		}
		const path = join(dir, 'ds.xlsx');
		await wb.xlsx.writeFile(path);
		return path;
	}

	it('"Sơn Lang", "Ấp 3", "Tổ 5": the chi bộ of the title\'s đảng bộ whose name is the sheet\'s after its kind words', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', HAMLETS)])).files[0].status).toBe('loaded');
		const r = await ingest(db, [await workbook(dir, ['Sơn Lang', 'Ấp 3', 'Tổ 5'])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query('select p.full_name as name, u.code from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id order by 1')).toEqual([
			{ name: 'Đảng viên 1', code: 'C70010111' },
			{ name: 'Đảng viên 2', code: 'C70010112' },
			{ name: 'Đảng viên 3', code: 'C70010113' }
		]);
	});

	it.each([
		['Sơn Hà', /nhiều chi bộ|2 chi bộ/],
		['Sơn Lâm', /Không tìm thấy chi bộ/]
	])('"%s" (two chi bộ of the đảng bộ, or one of another đảng bộ only): refused naming the file, the sheet and its name', async (sheet, why) => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', HAMLETS)])).files[0].status).toBe('loaded');
		const r = await ingest(db, [await workbook(dir, ['Sơn Lang', sheet])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ file: `ds.xlsx [${sheet}]`, column: 'Tên trang tính', value: sheet });
		expect(r.files[0].errors[0].message).toMatch(why);
		expect(await db.one('select count(*)::int as n from rating')).toEqual({ n: 0 });
	});

	it('a title or a "Chi bộ" cell without the hamlet\'s kind ("CHI BỘ SƠN LANG", "Sơn Lang") is that chi bộ; another kind ("ấp Sơn Lang") or two of the name ("Sơn Hà") are not', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', HAMLETS)])).files[0].status).toBe('loaded');
		const titled = (name: string, title: string) =>
			writeCsv(dir, name, [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], [title], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']]);
		const column = writeCsv(dir, 'cot.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'], ['1', 'Trần Thị Bình', '1971', 'Sơn Lang', 'HTTNV'], ['2', 'Lê Văn Cường', '1972', 'Chi bộ Sơn Lang', 'HTNV']]);
		const r = await ingest(db, [titled('a.csv', 'CHI BỘ SƠN LANG'), column]);
		expect(r.files.map((f) => [f.status, f.rowsStored])).toEqual([['loaded', 1], ['loaded', 2]]);
		expect(await db.query('select distinct u.code from rating r join unit u on u.id = r.unit_id')).toEqual([{ code: 'C70010111' }]);
		for (const title of ['CHI BỘ ẤP SƠN LANG', 'CHI BỘ SƠN HÀ']) {
			const x = await ingest(db, [titled(`x-${title}.csv`, title)]);
			expect(x.files[0].status, title).toBe('refused');
		}
	});

	it('a sheet named "Xếp loại đảng viên" whose rows name their chi bộ in section rows ("Chi bộ thôn Sơn Lang"): loaded, the sheet name refuses nothing', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', HAMLETS)])).files[0].status).toBe('loaded');
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('Xếp loại đảng viên');
		for (const row of [...LIST, ['', 'Chi bộ thôn Sơn Lang'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV'], ['', 'Chi bộ ấp 3'], ['1', 'Trần Thị Bình', '1971', 'HTNV']]) ws.addRow(row);
		wb.addWorksheet('Tổng hợp').addRow(['Ghi chú']);
		const path = join(dir, 'ds.xlsx');
		await wb.xlsx.writeFile(path);
		const r = await ingest(db, [path]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query('select p.full_name as name, u.code from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id order by 1')).toEqual([
			{ name: 'Nguyễn Văn An', code: 'C70010111' },
			{ name: 'Trần Thị Bình', code: 'C70010112' }
		]);
	});
});

describe('a chi bộ carried over into the commune formed by a merger', () => {
	// the 2025 registry moves Chi bộ thôn 1 (same code) from Đảng bộ xã Đoàn Kết, merged on
	// 01/07/2025, to the commune formed then; a 2024 list of the old commune, loaded afterwards (a
	// province setting up with its past years), names the chi bộ under the đảng bộ it had then
	const moved = async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm-2025.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Tỉnh/Thành phố', 'Huyện/Xã', 'Ngày thành lập', 'Ngày giải thể', 'Sáp nhập vào', 'Ngày hiệu lực'],
			['1', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/01/2000', '', '', '']
		])]);
		expect(r.files[0].status).toBe('loaded');
		return { db, dir };
	};

	it('is found under the đảng bộ the title names, which it was part of', async () => {
		const { db, dir } = await moved();
		const r = await ingest(db, [writeCsv(dir, 'xl-2024.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id`)).toEqual([{ code: 'C70010101' }]);
	});

	it('… and in a Chi bộ column; a chi bộ of that name still under the đảng bộ is preferred', async () => {
		const { db, dir } = await moved();
		const r = await ingest(db, [writeCsv(dir, 'xl-2024.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'HTTNV'], ['2', 'Trần Thị Bình', '1980', 'Chi bộ thôn 2', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.unit_id order by r.source_row`)).toEqual([{ code: 'C70010101' }, { code: 'C70010102' }]);
	});

	it('renamed where names clashed: found by its former name; the other commune\'s chi bộ of that name is not it', async () => {
		const { db, dir } = await dbWithRegistry();
		// 2025: Minh Hưng's "Chi bộ thôn 1" (C70010201) moves under the new commune as "Chi bộ thôn Minh
		// Hưng 1", beside Đoàn Kết's "Chi bộ thôn 1" (C70010101), moved too
		await ingest(db, [writeCsv(dir, 'dm-2025.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Ngày thành lập'],
			['1', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700199', '01/01/2000'],
			['2', 'C70010201', 'Chi bộ thôn Minh Hưng 1', 'Chi bộ trực thuộc', 'X700199', '01/01/2001']
		])]);
		const list = (file: string, commune: string) => writeCsv(dir, file, [[commune], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']]);
		const r = await ingest(db, [list('mh.csv', 'ĐẢNG BỘ XÃ MINH HƯNG'), list('dk.csv', 'ĐẢNG BỘ XÃ ĐOÀN KẾT')]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect(await db.query(`select f.file_name as file, u.code from rating r join unit u on u.id = r.unit_id join source_file f on f.id = r.source_file_id order by 1`)).toEqual([
			{ file: 'dk.csv', code: 'C70010101' },
			{ file: 'mh.csv', code: 'C70010201' }
		]);
	});

	it('a unit of that name under the commune formed, never inside the list\'s đảng bộ: refused, not taken', async () => {
		const { db, dir } = await dbWithRegistry();
		// a chi bộ founded in the new commune, named as Minh Hưng's old one was
		await ingest(db, [writeCsv(dir, 'dm-2025.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Ngày thành lập'],
			['1', 'C70019905', 'Chi bộ thôn 5', 'Chi bộ trực thuộc', 'X700199', '01/01/2001']
		])]);
		const r = await ingest(db, [writeCsv(dir, 'mh.csv', [['ĐẢNG BỘ XÃ MINH HƯNG'], ['CHI BỘ THÔN 5'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']])]);
		expect(r.files[0].status).toBe('refused');
	});
});

describe('a chi bộ named after the commune it came from, as units write it', () => {
	// the commune formed in 2025 has a "Chi bộ thôn 1" of its own and one named after Minh Hưng,
	// the old commune it came from; lists write the latter with the old commune in brackets or after a dash
	const merged = async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm-2025.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Tỉnh/Thành phố', 'Huyện/Xã', 'Ngày thành lập', 'Ngày giải thể', 'Sáp nhập vào', 'Ngày hiệu lực'],
			['1', 'C7019911', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', ''],
			['2', 'C7019912', 'Chi bộ thôn 1 Minh Hưng', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', '']
		])]);
		expect(r.files[0].status).toBe('loaded');
		return { db, dir };
	};
	const units = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) =>
		db.query(`select u.code from rating r join unit u on u.id = r.unit_id order by r.source_row`);

	it.each([['CHI BỘ THÔN 1 (MINH HƯNG)'], ['CHI BỘ THÔN 1 - MINH HƯNG'], ['Chi bộ thôn 1 (xã Minh Hưng cũ)']])('the title "%s" is Chi bộ thôn 1 Minh Hưng, not the commune’s own', async (title) => {
		const { db, dir } = await merged();
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ BÙ ĐĂNG'], [title], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await units(db)).toEqual([{ code: 'C7019912' }]);
	});

	it('a name ending in "Cư" keeps it: "CHI BỘ THÔN 2 (AN CƯ)" is Chi bộ thôn 2 An Cư', async () => {
		const { db, dir } = await merged();
		expect((await ingest(db, [writeCsv(dir, 'dm-an-cu.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Ngày thành lập'],
			['1', 'C7019913', 'Chi bộ thôn 2 An Cư', 'Chi bộ trực thuộc', 'X700199', '01/07/2025']
		])])).files[0].status).toBe('loaded');
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ BÙ ĐĂNG'], ['CHI BỘ THÔN 2 (AN CƯ)'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await units(db)).toEqual([{ code: 'C7019913' }]);
	});

	it('… and in a Chi bộ column, beside the commune’s own "Chi bộ thôn 1"', async () => {
		const { db, dir } = await merged();
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ BÙ ĐĂNG'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1 (xã Minh Hưng cũ)', 'HTTNV'],
			['2', 'Trần Thị Bình', '1980', 'Thôn 1 - Minh Hưng', 'HTTNV'],
			['3', 'Lê Văn Cường', '1975', 'Chi bộ thôn 1', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await units(db)).toEqual([{ code: 'C7019912' }, { code: 'C7019912' }, { code: 'C7019911' }]);
	});
});

describe('a tổ đảng named on a list', () => {
	// a tổ đảng has no rating of its own: its members are rated and counted in its chi bộ (RULES.md);
	// a chi bộ's list may still group them under it, in its Chi bộ column or as a title line
	const withTo = async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Ngày thành lập'],
			['1', 'C7001010101', 'Tổ đảng Trạm Khuyến nông', 'Tổ đảng', 'C70010101', '01/01/2010']
		])]);
		expect(r.files[0].status).toBe('loaded');
		return { db, dir };
	};
	const units = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) => db.query(`select u.code from rating r join unit u on u.id = r.unit_id order by r.source_row`);

	it('in the Chi bộ column: the member is the chi bộ\'s', async () => {
		const { db, dir } = await withTo();
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'HTTNV'], ['2', 'Trần Thị Bình', '1980', 'Tổ đảng Trạm Khuyến nông', 'KHTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await units(db)).toEqual([{ code: 'C70010101' }, { code: 'C70010101' }]);
	});

	it('as the title\'s last line: the chi bộ\'s list', async () => {
		const { db, dir } = await withTo();
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['TỔ ĐẢNG TRẠM KHUYẾN NÔNG'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Trần Thị Bình', '1980', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await units(db)).toEqual([{ code: 'C70010101' }]);
	});
});

describe('a deciding body by the short name its own documents use', () => {
	it('"Ban Thường vụ Đảng ủy Khối", "Đảng ủy Khối": the Khối above the list\'s chi bộ cơ sở', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Trực thuộc', 'Ngày thành lập'],
			['1', 'K70', 'Đảng bộ Khối các cơ quan tỉnh', 'Đảng ủy khối', 'T70', '01/01/1990'],
			['2', 'K7003', 'Chi bộ Sở Tư pháp', 'Chi bộ cơ sở', 'K70', '01/01/1990']
		])]);
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ KHỐI CÁC CƠ QUAN TỈNH'], ['CHI BỘ SỞ TƯ PHÁP'], ['KẾT QUẢ XẾP LOẠI TỔ CHỨC ĐẢNG, TẬP THỂ LÃNH ĐẠO NĂM 2024'],
			['STT', 'Tên tổ chức đảng', 'Đối tượng', 'Xếp loại', 'Cấp quyết định'],
			['1', 'Chi bộ Sở Tư pháp', 'Tổ chức đảng', 'HTTNV', 'Ban Thường vụ Đảng ủy Khối'],
			['2', 'Chi bộ Sở Tư pháp', 'Tập thể lãnh đạo', 'HTTNV', 'Đảng ủy Khối']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query(`select u.code from rating r join unit u on u.id = r.deciding_unit_id order by r.source_row`)).toEqual([{ code: 'K70' }, { code: 'K70' }]);
	});
});

describe('a unit dissolved before the list was decided', () => {
	// the 2025 reorganisation: thôn 1 of xã Đoàn Kết merged on 01/07 into thôn Đoàn Kết of the new
	// xã Bù Đăng; thôn 2 split between two new chi bộ; thôn 1 of xã Minh Hưng merged into thôn Đoàn
	// Kết too
	const REORG = [
		['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Tỉnh/Thành phố', 'Huyện/Xã', 'Ngày thành lập', 'Ngày giải thể', 'Sáp nhập vào', 'Tách từ', 'Ngày hiệu lực'],
		['1', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '30/06/2025', 'C70019901', '', '01/07/2025'],
		['2', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', 'Bình Phước', 'Minh Hưng', '01/01/2001', '30/06/2025', 'C70019901', '', '01/07/2025'],
		['3', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '30/06/2025', '', '', ''],
		['4', 'C70019901', 'Chi bộ thôn Đoàn Kết', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', '', ''],
		['5', 'C70019902', 'Chi bộ thôn Bình Minh', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', 'C70010102', '01/07/2025'],
		['6', 'C70019903', 'Chi bộ thôn Bình An', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', 'C70010102', '01/07/2025']
	];
	const HEAD25 = ['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Xếp loại', 'Ngày quyết định'];

	it('a December list naming a merged chi bộ as it was: its members are rated in the successor, the one its roster names, and the file says so', async () => {
		const { db, dir } = await dbWithRegistry();
		const reg = await ingest(db, [writeCsv(dir, 'dm.csv', REORG)]);
		expect(reg.files[0].status).toBe('loaded');
		expect(await db.query(`select from_code, to_code, kind from unit_lineage where from_code like 'C%' order by all`)).toEqual([
			{ from_code: 'C70010101', to_code: 'C70019901', kind: 'merge' },
			{ from_code: 'C70010102', to_code: 'C70019902', kind: 'split' },
			{ from_code: 'C70010102', to_code: 'C70019903', kind: 'split' },
			{ from_code: 'C70010201', to_code: 'C70019901', kind: 'merge' }
		]);
		await ingest(db, [writeCsv(dir, 'ros.csv', [['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Năm'], ['1', 'Phan Văn Quý', '03/03/1975', 'C70019901', '2025']])]);
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [HEAD25, ['1', 'Phan Văn Quý', '03/03/1975', 'C70010101', 'HTTNV', '05/12/2025']])], { year: 2025 });
		expect(r.files[0].status).toBe('loaded');
		expect(r.files[0].warnings).toContain('Tệp "xl.csv": 1 dòng ghi đơn vị đã giải thể trước ngày quyết định (Chi bộ thôn 1: giải thể ngày 30/06/2025, đã ghi vào đơn vị kế tục Chi bộ thôn Đoàn Kết): kiểm tra lại tên đơn vị trong danh sách.');
		expect(await db.query(`select u.code, d.code as decider, (select count(*) from person)::int as people from rating r join unit u on u.id = r.unit_id join unit d on d.id = r.deciding_unit_id`)).toEqual([
			{ code: 'C70019901', decider: 'X700199', people: 1 }
		]);
	});

	it('… two old chi bộ merged into one, each sending its December list under its old name: both lists in force in the successor, neither replaces the other', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', REORG)]);
		await ingest(db, [
			writeCsv(dir, 'dk.csv', [HEAD25, ['1', 'Phan Văn Quý', '03/03/1975', 'C70010101', 'HTTNV', '05/12/2025']]),
			writeCsv(dir, 'mh.csv', [HEAD25, ['1', 'Lò Văn Sính', '04/04/1980', 'C70010201', 'HTTNV', '06/12/2025']])
		], { year: 2025 });
		const inForce = () => db.query(`select f.file_name as file, u.code from rating_current r join unit u on u.id = r.unit_id join source_file f on f.id = r.source_file_id where r.period_kind = 'year' order by 1`);
		expect(await inForce()).toEqual([
			{ file: 'dk.csv', code: 'C70019901' },
			{ file: 'mh.csv', code: 'C70019901' }
		]);
		// (a later load of the successor, another period: both still in force)
		await ingest(db, [writeCsv(dir, 'q4.csv', [['DANH SÁCH XẾP LOẠI QUÝ IV NĂM 2025'], HEAD25, ['1', 'Phan Văn Quý', '03/03/1975', 'C70019901', 'HTTNV', '20/12/2025']])]);
		expect(await inForce()).toEqual([
			{ file: 'dk.csv', code: 'C70019901' },
			{ file: 'mh.csv', code: 'C70019901' }
		]);
	});

	it('… but a list decided before the merger (quarter I), or of a quarter the old chi bộ lived through (II, decided 05/07), stays on it, untold; a chi bộ split in two stays as written, told', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', REORG)]);
		const q1 = await ingest(db, [writeCsv(dir, 'q1.csv', [['DANH SÁCH XẾP LOẠI QUÝ I NĂM 2025'], HEAD25, ['1', 'Phan Văn Quý', '03/03/1975', 'C70010101', 'HTTNV', '30/03/2025']])]);
		expect(q1.files[0].warnings.join(' ')).not.toMatch(/giải thể/);
		// (quarter II, decided on 05/07 after the merger: the old chi bộ lived through the quarter)
		const q2 = await ingest(db, [writeCsv(dir, 'q2.csv', [['DANH SÁCH XẾP LOẠI QUÝ II NĂM 2025'], HEAD25, ['1', 'Phan Văn Quý', '03/03/1975', 'C70010101', 'HTTNV', '05/07/2025']])]);
		expect(q2.files[0].warnings.join(' ')).not.toMatch(/giải thể/);
		const split = await ingest(db, [writeCsv(dir, 'xl.csv', [HEAD25, ['1', 'Lò Văn Sính', '04/04/1980', 'C70010102', 'HTTNV', '05/12/2025']])], { year: 2025 });
		expect(split.files[0].warnings.join(' ')).toMatch(/Chi bộ thôn 2: giải thể ngày 30\/06\/2025, giữ như danh sách ghi \(không có một đơn vị kế tục duy nhất/);
		expect(await db.query(`select r.period_kind, r.period_no, u.code from rating r join unit u on u.id = r.unit_id order by 1, 2`)).toEqual([
			{ period_kind: 'quarter', period_no: 1, code: 'C70010101' },
			{ period_kind: 'quarter', period_no: 2, code: 'C70010101' },
			{ period_kind: 'year', period_no: 0, code: 'C70010102' }
		]);
	});

	it('the new commune\'s December list naming a chi bộ of an old commune ("Chi bộ thôn 1 (xã Minh Hưng cũ)"): found among the predecessors, by the commune it names, and moved to its successor', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', REORG)]);
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [
			['ĐẢNG BỘ XÃ BÙ ĐĂNG'],
			['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ', 'Xếp loại', 'Ngày quyết định'],
			['1', 'Phan Văn Quý', '03/03/1975', 'Chi bộ thôn 1 (xã Minh Hưng cũ)', 'HTTNV', '05/12/2025'],
			['2', 'Lò Văn Sính', '04/04/1980', 'Chi bộ Thôn 2 (Đoàn Kết cũ)', 'HTTNV', '05/12/2025']
		])]);
		expect(r.files[0].status).toBe('loaded');
		expect(r.files[0].warnings).toContain('Tệp "xl.csv": 2 dòng ghi đơn vị đã giải thể trước ngày quyết định (Chi bộ thôn 1: giải thể ngày 30/06/2025, đã ghi vào đơn vị kế tục Chi bộ thôn Đoàn Kết; Chi bộ thôn 2: giải thể ngày 30/06/2025, giữ như danh sách ghi (không có một đơn vị kế tục duy nhất, hoặc đơn vị kế tục đã được xếp loại ở dòng khác)): kiểm tra lại tên đơn vị trong danh sách.');
		expect(await db.query(`select r.source_row, u.code from rating r join unit u on u.id = r.unit_id order by 1`)).toEqual([
			{ source_row: 4, code: 'C70019901' },
			{ source_row: 5, code: 'C70010102' }
		]);
	});

	it('… and an organisation list rating two old chi bộ merged into one: each stays as written (which is the new one\'s, the list does not say); one alone moves', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', REORG)]);
		const head = ['STT', 'Tên tổ chức đảng', 'Mã đơn vị', 'Xếp loại', 'Ngày quyết định'];
		const two = await ingest(db, [writeCsv(dir, 'tc.csv', [head, ['1', 'Chi bộ thôn 1', 'C70010101', 'HTTNV', '05/12/2025'], ['2', 'Chi bộ thôn 1', 'C70010201', 'HTNV', '05/12/2025']])], { year: 2025 });
		expect(two.files[0].status).toBe('loaded');
		expect(two.files[0].warnings.join(' ')).toMatch(/2 dòng ghi đơn vị đã giải thể/);
		const one = await ingest(db, [writeCsv(dir, 'tc2.csv', [head, ['1', 'Chi bộ thôn 1', 'C70010201', 'HTNV', '06/12/2025']])], { year: 2025 });
		expect(one.files[0].status).toBe('loaded');
		expect(await db.query(`select sf.file_name, u.code from rating r join unit u on u.id = r.subject_unit_id join source_file sf on sf.id = r.source_file_id order by 1, 2`)).toEqual([
			{ file_name: 'tc.csv', code: 'C70010101' },
			{ file_name: 'tc.csv', code: 'C70010201' },
			{ file_name: 'tc2.csv', code: 'C70019901' }
		]);
	});
});
