// Registry files as provinces send them after the 2025 merger: lists of dissolved or merged units
// that carry only some columns, and lineage written from the successor's side. A column the file
// does not have keeps what the registry holds; lineage rows follow what the file says.
import { describe, expect, it } from 'vitest';
import { getDb } from '../../../src/lib/server/db';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { tempDir, writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';
import { lineage as unitLineage } from '../../../src/lib/server/queries/units';

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

	it('a registry without a "Mã đơn vị" column is refused once, naming the file and the column, not row by row nor for parents the file names by name', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'khong-ma.csv', [
			['TỈNH ỦY BÌNH PHƯỚC'],
			['DANH MỤC TỔ CHỨC ĐẢNG TRỰC THUỘC (cập nhật sau sắp xếp)'],
			['STT', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Ghi chú'],
			['1', 'Đảng bộ xã Phú Nghĩa', 'Đảng bộ cơ sở', 'Tỉnh ủy Bình Phước', '1/7/2025', 'Sáp nhập từ xã Đoàn Kết và xã Minh Hưng'],
			['2', 'Chi bộ thôn Sơn Lang', 'Chi bộ trực thuộc', 'Đảng ủy xã Phú Nghĩa', '01/7/2025', ''],
			['3', 'Chi bộ thôn 9', 'Chi bộ trực thuộc', 'ĐU xã Minh Hưng', '01/01/2010', '']
		]);
		const before = await db.one('select count(*) as n from unit');
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'refused', errors: [], errorCount: 0 });
		expect(r.files[0].message).toBe(
			'khong-ma.csv: Danh mục đơn vị không có cột "Mã đơn vị": mỗi đơn vị cần một mã (Giám Sát không tự đặt mã). Thêm cột "Mã đơn vị" (đơn vị đã có trong danh mục: ghi mã đã cấp) rồi gửi lại. Tệp không được nạp.'
		);
		expect(await db.one('select count(*) as n from unit')).toEqual(before);
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

	it('a code with "/" (the separator of a unit\'s path) is refused naming the value; nothing is stored', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await db.one<{ n: number }>('select count(*) as n from unit');
		const f = writeCsv(dir, 'moi.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên'],
			['1', 'C70019998', 'Chi bộ thôn 8', 'Chi bộ trực thuộc', 'X700199'],
			['2', 'CB/9', 'Chi bộ thôn 9', 'Chi bộ trực thuộc', 'X700199']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors?.map((e) => [e.row, e.column, e.value])).toEqual([[3, 'Mã đơn vị', 'CB/9']]);
		expect(r.files[0].errors?.[0].message).toMatch(/không được chứa dấu "\/"/);
		expect(await db.one('select count(*) as n from unit')).toEqual(before);
	});
});

// the warning for lineage a name or note states that is not read: n rows, the rows it names
const unread = (n: number, rows: string) =>
	`${n} dòng ghi việc hợp nhất, sáp nhập, chia tách hoặc đổi tên ở Ghi chú hoặc sau tên đơn vị mà không đọc được (${rows}): chỉ đọc được khi mỗi đơn vị nêu là mã hoặc tên của đúng một đơn vị trong danh mục; các đơn vị này không được nối với đơn vị trước hoặc sau sắp xếp (phần ghi sau tên đơn vị chỉ được bỏ khỏi tên khi ít nhất một đơn vị nêu trong đó có trong danh mục). Ghi vào cột Hình thành từ, Tách từ, Đổi tên từ hoặc Sáp nhập vào (mã hoặc tên đơn vị).`;

// the warning for pairs stated the other way round from what the registry or the file holds
const reversed = (n: number, pairs: string) =>
	`${n} dòng ghi quan hệ trước, sau sắp xếp ngược với quan hệ đã có trong danh mục hoặc trong tệp (${pairs}): các quan hệ này không được lưu. Kiểm tra đơn vị nào sáp nhập vào đơn vị nào (đơn vị đã giải thể ghi "Sáp nhập vào …", đơn vị mới ghi "Hình thành từ …"); nếu quan hệ đã có trong danh mục là sai, gửi lại danh mục là bản sửa (thêm dòng tiêu đề trên bảng, kết thúc bằng "(BẢN SỬA)"; đổi tên tệp thành "… (bản sửa)" chỉ đủ khi nội dung khác tệp đã nạp): quan hệ bản sửa ghi thay quan hệ ngược chiều đã có.`;

const lineage = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) =>
	db.query<{ from_code: string; to_code: string; kind: string; effective_on: string | null }>(
		`select from_code, to_code, kind, strftime(effective_on, '%d/%m/%Y') as effective_on from unit_lineage where source_file_id > 1 order by all`
	);

describe('lineage written from either side', () => {
	it('"Hình thành từ" lists the predecessors by code, separated by , or ;', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sau-sap-xep.csv', [
			['DANH MỤC TỔ CHỨC ĐẢNG SAU SẮP XẾP ĐƠN VỊ HÀNH CHÍNH CẤP XÃ'],
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể', 'Hình thành từ', 'Ngày hiệu lực'],
			['1', 'X700301', 'Đảng bộ xã Bom Bo', 'Đảng bộ cơ sở', 'H7001', '15/03/1990', '30/06/2025', '', ''],
			['2', 'X700302', 'Đảng bộ xã Bình Minh', 'Đảng bộ cơ sở', 'H7001', '15/03/1991', '30/06/2025', '', ''],
			['3', 'X700303', 'Đảng bộ xã Đắk Nhau', 'Đảng bộ cơ sở', 'H7001', '15/03/1995', '30/06/2025', '', ''],
			['4', 'X700399', 'Đảng bộ xã Bom Bo', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', 'X700301, X700302; X700303', '01/07/2025']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 4 });
		expect(await lineage(db)).toEqual(
			['X700301', 'X700302', 'X700303'].map((c) => ({ from_code: c, to_code: 'X700399', kind: 'merge', effective_on: '01/07/2025' }))
		);
	});

	it('two "Chi bộ thôn 1" of two communes merged into one chi bộ: the unit page names each with its commune', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'sau-sap-xep.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Hình thành từ'],
			['1', 'C70019901', 'Chi bộ thôn Tân Hưng', 'Chi bộ trực thuộc', 'X700199', '01/07/2025', 'C70010101, C70010201']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect((await unitLineage(db, 'C70019901')).from.map((l) => l.name)).toEqual(['Chi bộ thôn 1 (Đảng bộ xã Đoàn Kết)', 'Chi bộ thôn 1 (Đảng bộ xã Minh Hưng)']);
		// a name no other unit bears needs no more
		expect((await unitLineage(db, 'C70010101')).to.map((l) => l.name)).toEqual(['Chi bộ thôn Tân Hưng']);
	});

	it.each([['Hợp nhất từ'], ['Thành lập trên cơ sở']])('"%s" by names: the old unit of the same name is a predecessor, not the unit itself', async (column) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sau-sap-xep.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể', column],
			['1', 'X700301', 'Đảng bộ xã Bom Bo', 'Đảng bộ cơ sở', 'H7001', '15/03/1990', '30/06/2025', ''],
			['2', 'X700399', 'Đảng bộ xã Bom Bo', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', 'Đảng bộ xã Bom Bo;\nDang bo xa Minh Hung']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		// no date given: the successor's founding date
		expect(await lineage(db)).toEqual([
			{ from_code: 'X700102', to_code: 'X700399', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'X700301', to_code: 'X700399', kind: 'merge', effective_on: '01/07/2025' }
		]);
	});

	it('"Đổi tên thành" and "Sáp nhập vào" two units are lineage from this row; a "Tên cũ" that is its own name is none', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'doi-ten.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Đổi tên thành', 'Sáp nhập vào', 'Tên cũ', 'Ngày hiệu lực'],
			['1', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', '01/01/2001', 'C70019921', '', '', '01/07/2025'],
			['2', 'C70019921', 'Chi bộ ấp Minh Hưng 1', 'Chi bộ trực thuộc', 'X700199', '01/07/2025', '', '', '', ''],
			['3', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '01/01/2000', '', 'C70019921, Chi bộ ấp Đoàn Kết', '', '01/07/2025'],
			['4', 'C70019922', 'Chi bộ ấp Đoàn Kết', 'Chi bộ trực thuộc', 'X700199', '01/07/2025', '', '', '', ''],
			['5', 'C70010101', 'Chi bộ ấp 1', 'Chi bộ trực thuộc', 'X700101', '01/01/2000', '', '', 'Chi bộ thôn 1', '01/03/2025']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect(await lineage(db)).toEqual([
			{ from_code: 'C70010102', to_code: 'C70019921', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70010102', to_code: 'C70019922', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70010201', to_code: 'C70019921', kind: 'rename', effective_on: '01/07/2025' }
		]);
	});

	it('a predecessor named nowhere, or by a name two units share, is refused naming the value', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sau-sap-xep.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Hình thành từ'],
			['1', 'C70019923', 'Chi bộ ấp 3', 'Chi bộ trực thuộc', 'X700199', '01/07/2025', 'Chi bộ thôn 1; Chi bộ thôn 9']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors?.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
			[2, 'Hình thành từ', 'Chi bộ thôn 1', 'Tên đơn vị trùng với 2 đơn vị trong danh mục: dùng mã đơn vị, hoặc ghi đơn vị cấp trên trong ngoặc ("Xã Tân An (huyện Cần Đước)").'],
			[2, 'Hình thành từ', 'Chi bộ thôn 9', 'Không có đơn vị tiền thân này trong danh mục.']
		]);
	});
});

describe('lineage written as "Hình thức sắp xếp | Đơn vị trước sắp xếp"', () => {
	const HEAD = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Hình thức sắp xếp', 'Đơn vị trước sắp xếp', 'Ngày hiệu lực'];

	it('is a registry, not a discipline register: the predecessors merged, split or renamed as the form says', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sap-xep.csv', [
			HEAD,
			['1', 'C70010199', 'Chi bộ thôn Đoàn Kết', 'Chi bộ trực thuộc', 'X700101', '01/08/2025', 'Hợp nhất', 'C70010101, C70010102', '01/08/2025'],
			['2', 'C70010298', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700102', '01/09/2025', 'Chia tách', 'Chi bộ thôn 1 (xã Minh Hưng)', '01/09/2025']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 2, errors: [] });
		expect(await lineage(db)).toEqual([
			{ from_code: 'C70010101', to_code: 'C70010199', kind: 'merge', effective_on: '01/08/2025' },
			{ from_code: 'C70010102', to_code: 'C70010199', kind: 'merge', effective_on: '01/08/2025' },
			{ from_code: 'C70010201', to_code: 'C70010298', kind: 'split', effective_on: '01/09/2025' }
		]);
		expect((await units(db, ['C70010101', 'C70010201'])).map((u) => [u.code, u.dissolved_on])).toEqual([
			['C70010101', '31/07/2025'],
			['C70010201', null]
		]);
	});

	it('a form it cannot read, or a predecessor named nowhere, is refused naming the column', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sap-xep.csv', [
			HEAD,
			['1', 'C70010199', 'Chi bộ thôn Đoàn Kết', 'Chi bộ trực thuộc', 'X700101', '01/08/2025', 'Kiện toàn', 'C70010101', '01/08/2025'],
			['2', 'C70010198', 'Chi bộ thôn Bình Minh', 'Chi bộ trực thuộc', 'X700101', '01/08/2025', 'Sáp nhập', 'Chi bộ thôn 9', '01/08/2025']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors?.map((e) => [e.file, e.row, e.column, e.value, e.message])).toEqual([
			['sap-xep.csv', 2, 'Hình thức sắp xếp', 'Kiện toàn', 'Hình thức sắp xếp không rõ: ghi Hợp nhất, Sáp nhập, Chia tách hoặc Đổi tên (cách các đơn vị ở cột Đơn vị trước sắp xếp thành đơn vị này).'],
			['sap-xep.csv', 3, 'Đơn vị trước sắp xếp', 'Chi bộ thôn 9', 'Không có đơn vị tiền thân này trong danh mục.']
		]);
	});
});

describe('lineage written only in Ghi chú', () => {
	it('is read as the column its opening words say when every unit it names is found; one naming a unit twice or nowhere is not, and the file warns naming the row; a note beside a lineage column, or about something else, is neither', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm-2025.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Sáp nhập vào', 'Ngày hiệu lực', 'Ghi chú'],
			// "Chi bộ thôn 1" is two chi bộ
			['1', 'C70010199', 'Chi bộ thôn Đoàn Kết', 'Chi bộ trực thuộc', 'X700101', '01/08/2025', '', '01/08/2025', 'Hợp nhất Chi bộ thôn 1 và Chi bộ thôn 2 theo Quyết định 12-QĐ/ĐU'],
			['2', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', '2001', '', '', 'Tách từ Chi bộ thôn 2'],
			['3', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', '2000', 'C70010199', '01/08/2025', 'Sáp nhập vào Chi bộ thôn Đoàn Kết'],
			['4', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', '2005', '', '', 'Kiện toàn chi ủy ngày 01/03/2025'],
			// not at the start of the note, as provinces write it
			['5', 'X700198', 'Đảng bộ xã Tân Lợi', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', '', 'Trên cơ sở sáp nhập xã Đoàn Kết, xã Minh Hưng'],
			['6', 'X700197', 'Đảng bộ xã Tân Hưng', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', '', 'Đảng bộ mới, được thành lập ngày 01/7/2025 trên cơ sở hợp nhất xã Minh Hưng và xã Phú Sơn theo Quyết định 15-QĐ/TU'],
			// typed without accents: told, not read
			['7', 'X700196', 'Đảng bộ xã Tân Phú', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', '', 'Thanh lap tren co so sap nhap xa Doan Ket']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 7, errors: [] });
		expect(r.files[0].warnings).toEqual([
			unread(3, 'dòng 2: "Hợp nhất Chi bộ thôn 1 và Chi bộ thôn 2 theo Quyết định 12-QĐ/ĐU", dòng 7: "Đảng bộ mới, được thành lập ngày 01/7/2025 trên cơ sở hợp nhất xã Minh Hưng và xã Phú Sơn theo Quyết định 15-QĐ/TU", dòng 8: "Thanh lap tren co so sap nhap xa Doan Ket"')
		]);
		expect(await lineage(db)).toEqual([
			{ from_code: 'C70010101', to_code: 'C70010199', kind: 'merge', effective_on: '01/08/2025' },
			{ from_code: 'C70010102', to_code: 'C70010201', kind: 'split', effective_on: '01/01/2001' },
			{ from_code: 'X700101', to_code: 'X700198', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'X700102', to_code: 'X700198', kind: 'merge', effective_on: '01/07/2025' }
		]);
	});

	it('a date closing the note after a comma, a dash or in brackets (", 01/7/2025", "- ngày 01/7/2025", "(01/7/2025)") is its date, not one more unit: the note is read', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ghi chú'],
			['1', 'C7001992', 'Chi bộ thôn Sơn Hòa', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', ''],
			['2', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', '2000', 'Sáp nhập vào Chi bộ thôn Sơn Hòa, 01/7/2025'],
			['3', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '2000', 'Sáp nhập vào Chi bộ thôn Sơn Hòa - ngày 01/7/2025'],
			['4', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', '2001', 'Sáp nhập vào Chi bộ thôn Sơn Hòa (01/7/2025)'],
			['5', 'C7001993', 'Chi bộ Trường THCS Bù Đăng', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', 'Đổi tên từ Chi bộ Trường THCS Đoàn Kết – 01/07/2025']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [], warnings: [] });
		expect(await lineage(db)).toEqual([
			{ from_code: 'C70010101', to_code: 'C7001992', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70010102', to_code: 'C7001992', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70010201', to_code: 'C7001992', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70010301', to_code: 'C7001993', kind: 'rename', effective_on: '01/07/2025' }
		]);
		expect((await units(db, ['C70010101', 'C70010102', 'C70010201', 'C70010301'])).map((u) => u.dissolved_on)).toEqual(['30/06/2025', '30/06/2025', '30/06/2025', '30/06/2025']);
	});

	it('the commune a note writes after the last name of its list ("… và Chi bộ thôn 2 (xã Đoàn Kết cũ)") or after a name without brackets ("Chi bộ thôn 1 xã Minh Hưng") chooses among units of that name; one it leaves two of, or none under that commune, is not read, and told', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ghi chú'],
			// "Chi bộ thôn 1" is one of xã Đoàn Kết and one of xã Minh Hưng (and the new one of row 2)
			['1', 'C70019992', 'Chi bộ thôn Sơn Hòa', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', 'Hợp nhất Chi bộ thôn 1 và Chi bộ thôn 2 (xã Đoàn Kết cũ)'],
			['2', 'C70019993', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', 'Đổi tên từ Chi bộ thôn 1 xã Minh Hưng'],
			// both of huyện Bù Đăng: still two
			['3', 'C70019994', 'Chi bộ thôn Tân Lập', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', 'Hợp nhất Chi bộ thôn 1 và Chi bộ thôn 2 (huyện Bù Đăng)'],
			// the only "Chi bộ thôn 2" is of xã Đoàn Kết: not guessed
			['4', 'C70019995', 'Chi bộ thôn Phú Sơn', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', 'Đổi tên từ Chi bộ thôn 2 xã Phú Sơn']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [] });
		expect(r.files[0].warnings).toEqual([
			unread(2, 'dòng 4: "Hợp nhất Chi bộ thôn 1 và Chi bộ thôn 2 (huyện Bù Đăng)", dòng 5: "Đổi tên từ Chi bộ thôn 2 xã Phú Sơn"')
		]);
		expect(await lineage(db)).toEqual([
			{ from_code: 'C70010101', to_code: 'C70019992', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70010102', to_code: 'C70019992', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70010201', to_code: 'C70019993', kind: 'rename', effective_on: '01/07/2025' }
		]);
		expect((await units(db, ['C70010101', 'C70010102', 'C70010201'])).map((u) => u.dissolved_on)).toEqual(['30/06/2025', '30/06/2025', '30/06/2025']);
	});

	it.each([
		['Chia tách thành Chi bộ Trường THCS Bù Đăng và Chi bộ Trường Tiểu học Bù Đăng theo Quyết định số 25-QĐ/ĐU'],
		['Tách thành Chi bộ Trường THCS Bù Đăng, Chi bộ Trường Tiểu học Bù Đăng từ ngày 01/7/2025'],
		['Giải thể, chia thành Chi bộ Trường THCS Bù Đăng và Chi bộ Trường Tiểu học Bù Đăng']
	])('"%s" on the old unit\'s row: split into the two, it ends the day before they start; "Tách từ X" alone on a new row leaves X alive (a part split off)', async (note) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ghi chú'],
			// the new rows first, saying "Tách từ" the old one, as the s4 registry did
			['1', 'C7001993', 'Chi bộ Trường THCS Bù Đăng', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', 'Tách từ Chi bộ Trường THCS Đoàn Kết'],
			['2', 'C7001994', 'Chi bộ Trường Tiểu học Bù Đăng', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', 'Tách từ Chi bộ Trường THCS Đoàn Kết'],
			['3', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', '05/9/2005', note],
			['4', 'C7001995', 'Chi bộ thôn Minh Hưng 2', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', 'Tách từ Chi bộ thôn 1 (xã Minh Hưng)']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [], warnings: [] });
		expect(await lineage(db)).toEqual([
			{ from_code: 'C70010201', to_code: 'C7001995', kind: 'split', effective_on: '01/07/2025' },
			{ from_code: 'C70010301', to_code: 'C7001993', kind: 'split', effective_on: '01/07/2025' },
			{ from_code: 'C70010301', to_code: 'C7001994', kind: 'split', effective_on: '01/07/2025' }
		]);
		expect((await units(db, ['C70010201', 'C70010301'])).map((u) => [u.code, u.dissolved_on])).toEqual([
			['C70010201', null],
			['C70010301', '30/06/2025']
		]);
	});

	it('a note saying the lineage is planned or did not happen ("Dự kiến sáp nhập vào …", "không sáp nhập vào …", "Đề án đổi tên thành …", "Chua sap nhap") is not read, ends no unit, and is not told; a clause before the verb saying something else is no such note', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ngày hiệu lực', 'Ghi chú'],
			['1', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', '05/09/2005', '', 'Dự kiến sáp nhập vào Đảng bộ xã Bù Đăng'],
			['2', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', '01/01/2001', '', 'Giữ nguyên, không sáp nhập vào Chi bộ thôn 2'],
			['3', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '01/01/2000', '', 'Chua sap nhap vao Chi bo thon 1 (cho quyet dinh)'],
			['4', 'X700199', 'Đảng bộ xã Bù Đăng', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', 'Đề án đổi tên thành Đảng bộ xã Bù Đăng Mới'],
			['5', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', '01/01/2000', '01/08/2025', 'Không còn hoạt động, sáp nhập vào Chi bộ thôn 2']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [], warnings: [] });
		expect(await lineage(db)).toEqual([{ from_code: 'C70010101', to_code: 'C70010102', kind: 'merge', effective_on: '01/08/2025' }]);
		expect((await units(db, ['C70010101', 'C70010201', 'C70010301', 'X700199'])).map((u) => u.dissolved_on)).toEqual(['31/07/2025', null, null, null]);
	});

	it('a merger the note or the name\'s tail says is waited for or planned, before the verb ("Đang chờ", "Chờ quyết định", "Trình") or after it ("(dự kiến)", "- chưa có quyết định", "(đề xuất)"), is not read and ends no unit; one done "theo đề nghị" of the commune is', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể', 'Ghi chú'],
			['1', 'C70019901', 'Chi bộ thôn Tân Hòa', 'Chi bộ trực thuộc', 'X700199', '15/08/2025', '', 'Mới thành lập'],
			['2', 'C70019902', 'Chi bộ thôn Tân Lập', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', 'Đang chờ sáp nhập vào thôn Tân Hòa'],
			['3', 'C70019903', 'Chi bộ thôn Đông', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', 'Sáp nhập vào thôn Tân Hòa (dự kiến)'],
			['4', 'C70019904', 'Chi bộ thôn Tây - sáp nhập vào thôn Tân Hòa (dự kiến)', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', ''],
			['5', 'C70019905', 'Chi bộ thôn Bắc', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', 'Chờ quyết định sáp nhập vào thôn Tân Hòa'],
			['6', 'C70019906', 'Chi bộ thôn Nam', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', 'Sáp nhập vào thôn Tân Hòa - chưa có quyết định'],
			['7', 'C70019907', 'Chi bộ thôn Trung', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', 'Trên cơ sở sáp nhập thôn Tân Lập, thôn Đông (đề xuất)'],
			['8', 'C70019908', 'Chi bộ thôn Thượng', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', 'Trình sáp nhập vào thôn Tân Hòa'],
			['9', 'C70019909', 'Chi bộ thôn Hạ', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', 'Sáp nhập vào thôn Tân Hòa theo đề nghị của Đảng ủy xã']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [], warnings: [] });
		expect(await lineage(db)).toEqual([{ from_code: 'C70019909', to_code: 'C70019901', kind: 'merge', effective_on: '15/08/2025' }]);
		const codes = ['C70019902', 'C70019903', 'C70019904', 'C70019905', 'C70019906', 'C70019907', 'C70019908', 'C70019909'];
		expect((await units(db, codes)).map((u) => u.dissolved_on)).toEqual([null, null, null, null, null, null, null, '14/08/2025']);
		expect((await units(db, ['C70019904']))[0].name).toBe('Chi bộ thôn Tây - sáp nhập vào thôn Tân Hòa (dự kiến)');
	});

	it('a merger done is read though a bracket or dash after it says what paperwork still waits ("(chờ bàn giao hồ sơ đảng viên)", "- chưa bàn giao con dấu"), it cites a plan ("theo dự kiến của Đề án") or its unit\'s name holds such a word ("(Không quân)")', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể', 'Ghi chú'],
			['1', 'C70019901', 'Chi bộ thôn Tân Hòa', 'Chi bộ trực thuộc', 'X700199', '01/07/2025', '', ''],
			['2', 'C70019902', 'Chi bộ thôn Tân Lập', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', 'Sáp nhập vào thôn Tân Hòa (chờ bàn giao hồ sơ đảng viên)'],
			['3', 'C70019903', 'Chi bộ thôn Đông', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', 'Sáp nhập vào thôn Tân Hòa - chưa bàn giao con dấu'],
			['4', 'C70019904', 'Chi bộ thôn Tây - sáp nhập vào thôn Tân Hòa (chưa chuyển sinh hoạt đảng)', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', ''],
			['5', 'C70019905', 'Chi bộ thôn Bắc', 'Chi bộ trực thuộc', 'X700199', '01/01/2019', '', 'Thành lập trên cơ sở sáp nhập thôn Nam và thôn Trung theo dự kiến của Đề án'],
			['6', 'C70019906', 'Chi bộ thôn Nam', 'Chi bộ trực thuộc', 'X700199', '01/01/1990', '31/12/2018', ''],
			['7', 'C70019907', 'Chi bộ thôn Trung', 'Chi bộ trực thuộc', 'X700199', '01/01/1990', '31/12/2018', ''],
			['8', 'C70019908', 'Chi bộ Kho K5', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', 'Sáp nhập vào Chi bộ Sư đoàn 370 (Không quân)'],
			['9', 'C70019909', 'Chi bộ Sư đoàn 370 (Không quân)', 'Chi bộ trực thuộc', 'X700199', '01/01/1990', '', '']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [], warnings: [] });
		expect(await lineage(db)).toEqual([
			{ from_code: 'C70019902', to_code: 'C70019901', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70019903', to_code: 'C70019901', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70019904', to_code: 'C70019901', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70019906', to_code: 'C70019905', kind: 'merge', effective_on: '01/01/2019' },
			{ from_code: 'C70019907', to_code: 'C70019905', kind: 'merge', effective_on: '01/01/2019' },
			{ from_code: 'C70019908', to_code: 'C70019909', kind: 'merge', effective_on: '30/06/2025' }
		]);
		expect((await units(db, ['C70019904']))[0].name).toBe('Chi bộ thôn Tây');
	});

	it('"chua" is "chưa" only in a note typed without accents, before the verb or opening a bracket: "Sap nhap vao xom Chua" names a hamlet (told, as notes without accents are), "Bản Chua sáp nhập vào …" is read', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể', 'Ghi chú'],
			['1', 'C70019901', 'Chi bộ xóm Chùa', 'Chi bộ trực thuộc', 'X700199', '01/07/2025', '', ''],
			['2', 'C70019902', 'Chi bo xom Dinh', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', 'Sap nhap vao xom Chua'],
			['3', 'C70019903', 'Chi bo xom Dong', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', 'Sap nhap vao xom Chua Hang theo Quyet dinh 12-QD/DU'],
			['4', 'C70019904', 'Chi bộ bản Chua', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', 'Bản Chua sáp nhập vào xóm Chùa'],
			['5', 'C70019905', 'Chi bo xom Trai', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', 'Chua sap nhap vao xom Chua (cho quyet dinh)']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [] });
		expect(r.files[0].warnings).toEqual([
			unread(2, 'dòng 3: "Sap nhap vao xom Chua", dòng 4: "Sap nhap vao xom Chua Hang theo Quyet dinh 12-QD/DU"')
		]);
		expect(await lineage(db)).toEqual([{ from_code: 'C70019904', to_code: 'C70019901', kind: 'merge', effective_on: '01/07/2025' }]);
	});

	it('"Đã sáp nhập thôn X" (no "vào") on a unit the row dissolves: it merged into X; on one alive, X merged into it; both sides saying so are one pair', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể', 'Ghi chú'],
			['1', 'C70019901', 'Chi bộ thôn Tân Hòa', 'Chi bộ trực thuộc', 'X700199', '01/07/2025', '', 'Thành lập trên cơ sở sáp nhập thôn Tân Lập và thôn An Phú'],
			['2', 'C70019902', 'Chi bộ thôn Tân Lập', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', 'Đã sáp nhập thôn Tân Hòa'],
			['3', 'C70019903', 'Chi bộ thôn An Phú', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', ''],
			['4', 'C70019904', 'Chi bộ thôn Bắc', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '31/08/2025', 'Sáp nhập thôn Nam'],
			['5', 'C70019905', 'Chi bộ thôn Nam', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', 'Đã sáp nhập thôn Bắc']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [], warnings: [] });
		expect(await lineage(db)).toEqual([
			{ from_code: 'C70019902', to_code: 'C70019901', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70019903', to_code: 'C70019901', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'C70019904', to_code: 'C70019905', kind: 'merge', effective_on: '31/08/2025' }
		]);
	});

	it('on a unit the row dissolves, "Hợp nhất X và Y" still forms it from X and Y; "Sáp nhập X, Y" runs the way their dates tell (ended before it: its predecessors; alive after it: not read, told); "Sáp nhập cùng X vào Y" merged it into Y', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể', 'Ghi chú'],
			['1', 'C70019901', 'Chi bộ thôn Đông', 'Chi bộ trực thuộc', 'X700199', '01/01/1990', '31/12/2018', ''],
			['2', 'C70019902', 'Chi bộ thôn Tây', 'Chi bộ trực thuộc', 'X700199', '01/01/1990', '31/12/2018', ''],
			['3', 'C70019903', 'Chi bộ thôn Đông Tây', 'Chi bộ trực thuộc', 'X700199', '01/01/2019', '30/06/2025', 'Hợp nhất thôn Đông và thôn Tây'],
			['4', 'C70019904', 'Chi bộ thôn Bắc', 'Chi bộ trực thuộc', 'X700199', '01/01/1990', '31/12/2018', ''],
			['5', 'C70019905', 'Chi bộ thôn Nam', 'Chi bộ trực thuộc', 'X700199', '01/01/1990', '31/12/2018', ''],
			['6', 'C70019906', 'Chi bộ thôn Bắc Nam', 'Chi bộ trực thuộc', 'X700199', '01/01/2019', '30/06/2025', 'Sáp nhập thôn Bắc và thôn Nam'],
			['7', 'C70019907', 'Chi bộ thôn Thượng', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', ''],
			['8', 'C70019908', 'Chi bộ thôn Hạ', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '', ''],
			['9', 'C70019909', 'Chi bộ thôn Trung', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', 'Sáp nhập thôn Thượng, thôn Hạ'],
			['10', 'C70019910', 'Chi bộ thôn Tân Hòa', 'Chi bộ trực thuộc', 'X700199', '01/07/2025', '', ''],
			['11', 'C70019911', 'Chi bộ thôn Tân Lập', 'Chi bộ trực thuộc', 'X700199', '01/01/2000', '30/06/2025', 'Sáp nhập cùng thôn Trung vào thôn Tân Hòa']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [] });
		expect(r.files[0].warnings).toEqual([
			'1 dòng ghi "Sáp nhập …" không có "vào", "từ" cho đơn vị đã giải thể mà ngày giải thể của các đơn vị nêu không cho biết đơn vị nào sáp nhập vào đơn vị nào (dòng 10: "Sáp nhập thôn Thượng, thôn Hạ"): các quan hệ này không được lưu. Ghi "Sáp nhập vào …" hoặc "Hình thành từ …", hoặc ghi vào cột Sáp nhập vào (đơn vị kế thừa) hay Hình thành từ (đơn vị tiền thân).'
		]);
		expect(await lineage(db)).toEqual([
			{ from_code: 'C70019901', to_code: 'C70019903', kind: 'merge', effective_on: '01/01/2019' },
			{ from_code: 'C70019902', to_code: 'C70019903', kind: 'merge', effective_on: '01/01/2019' },
			{ from_code: 'C70019904', to_code: 'C70019906', kind: 'merge', effective_on: '01/01/2019' },
			{ from_code: 'C70019905', to_code: 'C70019906', kind: 'merge', effective_on: '01/01/2019' },
			{ from_code: 'C70019911', to_code: 'C70019910', kind: 'merge', effective_on: '01/07/2025' }
		]);
	});

	it('a pair the file or the registry already states the other way round is not stored (a cycle), and the file is told naming the row', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày giải thể', 'Sáp nhập vào'],
			['1', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', '31/07/2025', 'C70010102'],
			// the code of row 1 typed on row 2, and the stored X700101 → X700199 written backwards
			['2', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '', 'C70010101'],
			['3', 'X700199', 'Đảng bộ xã Bù Đăng', 'Đảng bộ cơ sở', 'T70', '', 'X700101']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [] });
		expect(r.files[0].warnings).toEqual([reversed(2, 'dòng 3: C70010102 → C70010101, dòng 4: X700199 → X700101')]);
		expect(await lineage(db)).toEqual([{ from_code: 'C70010101', to_code: 'C70010102', kind: 'merge', effective_on: '31/07/2025' }]);
		expect((await units(db, ['C70010102', 'X700199'])).map((u) => u.dissolved_on)).toEqual([null, null]);
	});

	it('a registry re-sent as a correction (a title "… (BẢN SỬA)", or "… (bản sửa).csv") replaces a stored pair its rows state the other way round; re-sent without saying so, it is told how', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày giải thể', 'Sáp nhập vào'];
		// the merger typed on the wrong row: Tân Hòa merged into Tân Lập
		await ingest(db, [writeCsv(dir, 'dm.csv', [head,
			['1', 'C70019901', 'Chi bộ thôn Tân Hòa', 'Chi bộ trực thuộc', 'X700199', '', 'C70019902'],
			['2', 'C70019902', 'Chi bộ thôn Tân Lập', 'Chi bộ trực thuộc', 'X700199', '', '']])]);
		const right = [head,
			['1', 'C70019901', 'Chi bộ thôn Tân Hòa', 'Chi bộ trực thuộc', 'X700199', '', ''],
			['2', 'C70019902', 'Chi bộ thôn Tân Lập', 'Chi bộ trực thuộc', 'X700199', '31/07/2025', 'C70019901']];
		const again = await ingest(db, [writeCsv(dir, 'dm-2.csv', right)]);
		expect(again.files[0].warnings).toEqual([reversed(1, 'dòng 3: C70019902 → C70019901')]);
		expect(await lineage(db)).toEqual([{ from_code: 'C70019901', to_code: 'C70019902', kind: 'merge', effective_on: null }]);
		// as the warning says: the same rows under a title saying it corrects
		const r = await ingest(db, [writeCsv(dir, 'dm-3.csv', [['DANH MỤC TỔ CHỨC ĐẢNG (BẢN SỬA)'], ...right])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [], warnings: [] });
		expect(await lineage(db)).toEqual([{ from_code: 'C70019902', to_code: 'C70019901', kind: 'merge', effective_on: '31/07/2025' }]);
	});
});

describe('lineage written the way provinces wrote the 2025 merger', () => {
	const HEAD = ['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể', 'Hình thành từ'];
	// the old district and its communes, dissolved on 30/06/2025
	const OLD = [
		['1', 'H7002', 'Đảng bộ huyện Cần Đước', 'Huyện ủy', 'T70', '01/01/1990', '30/06/2025', ''],
		['2', 'X700201', 'Đảng bộ xã Tân An', 'Đảng bộ cơ sở', 'H7002', '01/01/1990', '30/06/2025', ''],
		['3', 'X700202', 'Đảng bộ xã Tân Bình', 'Đảng bộ cơ sở', 'H7002', '01/01/1990', '30/06/2025', ''],
		['4', 'X700203', 'Đảng bộ thị trấn Cần Đước', 'Đảng bộ cơ sở', 'H7002', '01/01/1990', '30/06/2025', ''],
		['5', 'X700204', 'Đảng bộ xã Long Hòa', 'Đảng bộ cơ sở', 'H7002', '01/01/1990', '30/06/2025', ''],
		['6', 'C70020105', 'Chi bộ Tài nguyên và Môi trường', 'Chi bộ cơ sở', 'H7002', '01/01/1990', '30/06/2025', ''],
		['7', 'C70020106', 'Chi bộ Nông nghiệp', 'Chi bộ cơ sở', 'H7002', '01/01/1990', '30/06/2025', '']
	];

	it.each([
		['Hợp nhất từ: xã Tân An và xã Tân Bình', ['X700201', 'X700202']],
		['Sáp nhập xã Tân An, xã Tân Bình và thị trấn Cần Đước', ['X700201', 'X700202', 'X700203']],
		['Hình thành trên cơ sở hợp nhất các xã Tân An, Tân Bình và Long Hòa', ['X700201', 'X700202', 'X700204']],
		['Sáp nhập Chi bộ Tài nguyên và Môi trường và Chi bộ Nông nghiệp', ['C70020105', 'C70020106']]
	])('"%s": the predecessors it names', async (cell, from) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sau-sap-xep.csv', [HEAD, ...OLD, ['8', 'X700299', 'Đảng bộ xã Tân An', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', cell]]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 8 });
		expect(await lineage(db)).toEqual(from.map((c) => ({ from_code: c, to_code: 'X700299', kind: 'merge', effective_on: '01/07/2025' })));
	});

	it('lineage written after the name, as decisions list new communes, is read as "Hình thành từ"; the name is what comes before; one naming a unit the registry lacks is told, not read', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sau-sap-xep.csv', [
			HEAD,
			...OLD,
			['8', 'X700299', 'Đảng bộ xã Tân An (trên cơ sở sáp nhập xã Tân An, xã Tân Bình, thị trấn Cần Đước)', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', ''],
			['9', 'X700298', 'Đảng bộ xã Long Bình, thành lập trên cơ sở hợp nhất xã Long Hòa và xã Tân Phú', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', '']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 9, errors: [] });
		expect((await units(db, ['X700298', 'X700299'])).map((u) => u.name)).toEqual(['Đảng bộ xã Long Bình', 'Đảng bộ xã Tân An']);
		expect(await lineage(db)).toEqual(['X700201', 'X700202', 'X700203'].map((c) => ({ from_code: c, to_code: 'X700299', kind: 'merge', effective_on: '01/07/2025' })));
		expect(r.files[0].warnings).toEqual([
			unread(1, 'dòng 10: "Đảng bộ xã Long Bình, thành lập trên cơ sở hợp nhất xã Long Hòa và xã Tân Phú"')
		]);
	});

	it('a name is cut only before lineage naming a unit of the registry: "Xuất - Nhập khẩu", "Xuất, nhập khẩu" (import) and "(Hợp Nhất)" (a commune) stay whole; lineage naming no unit found stays in the name, and is told', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
			HEAD,
			...OLD,
			['8', 'C70020199', 'Chi bộ Công ty Xuất - Nhập khẩu Bình Phước', 'Chi bộ cơ sở', 'T70', '01/01/2005', '', ''],
			['9', 'C70020198', 'Chi bộ Công ty TNHH Xuất, nhập khẩu Thủy sản', 'Chi bộ cơ sở', 'T70', '01/01/2006', '', ''],
			['10', 'C70020197', 'Chi bộ Trường Mầm non (Hợp Nhất)', 'Chi bộ cơ sở', 'T70', '01/01/2005', '', ''],
			['11', 'X700297', 'Đảng bộ xã Phú Mỹ (trên cơ sở sáp nhập xã Phú Lợi, xã Phú Thạnh)', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', '']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 11, errors: [] });
		expect((await units(db, ['C70020197', 'C70020198', 'C70020199', 'X700297'])).map((u) => u.name)).toEqual([
			'Chi bộ Trường Mầm non (Hợp Nhất)',
			'Chi bộ Công ty TNHH Xuất, nhập khẩu Thủy sản',
			'Chi bộ Công ty Xuất - Nhập khẩu Bình Phước',
			'Đảng bộ xã Phú Mỹ (trên cơ sở sáp nhập xã Phú Lợi, xã Phú Thạnh)'
		]);
		expect(await lineage(db)).toEqual([]);
		expect(r.files[0].warnings).toEqual([unread(1, 'dòng 12: "Đảng bộ xã Phú Mỹ (trên cơ sở sáp nhập xã Phú Lợi, xã Phú Thạnh)"')]);
	});

	// two old communes named Tân An, in two districts merged into one province
	const CAN_GIUOC = [
		['8', 'H7003', 'Đảng bộ huyện Cần Giuộc', 'Huyện ủy', 'T70', '01/01/1990', '30/06/2025', ''],
		['9', 'X700301', 'Đảng bộ xã Tân An', 'Đảng bộ cơ sở', 'H7003', '01/01/1990', '30/06/2025', '']
	];
	const NEW = ['10', 'X700399', 'Đảng bộ xã Tân Lập', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', 'Xã Tân An (huyện Cần Giuộc), Xã Long Hòa (huyện Cần Đước)'];

	it('names without their kind words ("Tân Bình, Long Hòa") are the units of the row\'s rank that bear them; one two units bear is refused as shared', async () => {
		const { db, dir } = await dbWithRegistry();
		// a hamlet's chi bộ named like a commune is no commune's predecessor
		const HAMLET = ['11', 'C70020401', 'Chi bộ ấp Long Hòa', 'Chi bộ trực thuộc', 'X700204', '01/01/1990', '30/06/2025', ''];
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [HEAD, ...OLD, ...CAN_GIUOC, HAMLET, ['12', 'X700398', 'Đảng bộ xã Tân Mỹ', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', 'Tân Bình, Long Hòa']])]);
		expect(r.files[0].errors).toEqual([]);
		expect((await lineage(db)).map((l) => [l.from_code, l.to_code])).toEqual([
			['X700202', 'X700398'],
			['X700204', 'X700398']
		]);
		const shared = await ingest(db, [writeCsv(dir, 'dm-2.csv', [HEAD, ['1', 'X700397', 'Đảng bộ xã Tân Hòa', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', 'Tân An, Long Hòa']])]);
		expect(shared.files[0].errors?.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
			[2, 'Hình thành từ', 'Tân An', 'Tên đơn vị trùng với 2 đơn vị trong danh mục: dùng mã đơn vị, hoặc ghi đơn vị cấp trên trong ngoặc ("Xã Tân An (huyện Cần Đước)").']
		]);
	});

	it('"Xã Tân An (huyện Cần Giuộc)": the bracket chooses the Tân An of that district, in the same file', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [HEAD, ...OLD, ...CAN_GIUOC, NEW])]);
		expect(r.files[0].errors).toEqual([]);
		expect((await lineage(db)).map((l) => [l.from_code, l.to_code])).toEqual([
			['X700204', 'X700399'],
			['X700301', 'X700399']
		]);
	});

	it.each([
		['Đảng bộ xã Tân Lập (trên cơ sở sáp nhập xã Tân An (huyện Cần Giuộc), xã Long Hòa (huyện Cần Đước))'],
		['Đảng bộ xã Tân Lập, thành lập trên cơ sở hợp nhất xã Tân An (huyện Cần Giuộc) và xã Long Hòa (huyện Cần Đước)']
	])('"%s": lineage after the name, its units qualified in brackets, is read as the column reads them', async (name) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [HEAD, ...OLD, ...CAN_GIUOC, [...NEW.slice(0, 2), name, ...NEW.slice(3, 7), '']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', errors: [], warnings: [] });
		expect((await units(db, ['X700399'])).map((u) => u.name)).toEqual(['Đảng bộ xã Tân Lập']);
		expect((await lineage(db)).map((l) => [l.from_code, l.to_code])).toEqual([
			['X700204', 'X700399'],
			['X700301', 'X700399']
		]);
	});

	it('"Xã Tân An (huyện Cần Giuộc)": the bracket chooses among units of the stored registry too; without it the name is refused as shared', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'cu.csv', [HEAD, ...OLD, ...CAN_GIUOC])])).files[0].status).toBe('loaded');
		const bare = await ingest(db, [writeCsv(dir, 'moi-1.csv', [HEAD, [...NEW.slice(0, 7), 'Xã Tân An']])]);
		expect(bare.files[0].errors?.map((e) => [e.row, e.column, e.value])).toEqual([[2, 'Hình thành từ', 'Xã Tân An']]);
		expect(bare.files[0].errors?.[0].message).toMatch(/^Tên đơn vị trùng với 2 đơn vị/);
		const r = await ingest(db, [writeCsv(dir, 'moi-2.csv', [HEAD, NEW])]);
		expect(r.files[0].errors).toEqual([]);
		expect((await lineage(db)).map((l) => [l.from_code, l.to_code])).toEqual([
			['X700204', 'X700399'],
			['X700301', 'X700399']
		]);
	});
});

describe('units merged away', () => {
	it('a list of merged units only (code, name, "Sáp nhập vào", "Ngày hiệu lực") is recognised as a registry', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sap-nhap.csv', [['DANH SÁCH TỔ CHỨC ĐẢNG SÁP NHẬP'], ['Mã đơn vị', 'Tên tổ chức đảng', 'Sáp nhập vào', 'Ngày hiệu lực'], ['C70010102', 'Chi bộ thôn 2', 'C70010101', '01/10/2025']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded' });
	});

	it('a unit merged into another ends the day before the merger: the date given, else the new successor\'s founding', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sap-nhap.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập', 'Sáp nhập vào', 'Ngày sáp nhập', 'Ghi chú'],
			// absorbed by an old commune: the date given
			['1', 'X700601', 'Đảng bộ xã Phước Sơn', 'Đảng bộ cơ sở', 'H7001', '1990', 'X700602', '1/7/2025', 'Sáp nhập vào xã Nghĩa Trung'],
			['2', 'X700602', 'Đảng bộ xã Nghĩa Trung', 'Đảng bộ cơ sở', 'T70', '1992', '', '', 'Nhận sáp nhập xã Phước Sơn'],
			// no date: the new commune's founding
			['3', 'X700301', 'Đảng bộ xã Bom Bo', 'Đảng bộ cơ sở', 'H7001', '15/03/1990', 'X700399', '', ''],
			['4', 'X700399', 'Đảng bộ xã Bom Bo', 'Đảng bộ cơ sở', 'T70', '01/07/2025', '', '', '']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 4 });
		expect((await units(db, ['X700301', 'X700399', 'X700601', 'X700602'])).map((u) => [u.code, u.dissolved_on])).toEqual([
			['X700301', '30/06/2025'],
			['X700399', null],
			['X700601', '30/06/2025'],
			['X700602', null]
		]);
		expect(await lineage(db)).toEqual([
			{ from_code: 'X700301', to_code: 'X700399', kind: 'merge', effective_on: '01/07/2025' },
			{ from_code: 'X700601', to_code: 'X700602', kind: 'merge', effective_on: '01/07/2025' }
		]);
	});

	it('a dissolution date the file or the registry gives is kept; a status "Đã giải thể" with a date ends the unit', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'sap-nhap.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày giải thể', 'Sáp nhập vào', 'Ngày hiệu lực', 'Tình trạng'],
			['1', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '15/06/2025', 'C70010101', '01/07/2025', ''],
			['2', 'X700102', 'Đảng bộ xã Minh Hưng', 'Đảng bộ cơ sở', 'H7001', '', 'X700199', '01/08/2025', ''],
			['3', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', '', '', '01/09/2025', 'Đã giải thể']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect((await units(db, ['C70010102', 'C70010301', 'X700102'])).map((u) => [u.code, u.dissolved_on])).toEqual([
			['C70010102', '15/06/2025'],
			['C70010301', '31/08/2025'],
			['X700102', '30/06/2025']
		]);
	});
});

describe('units dissolved by their status', () => {
	it('"Giải thể ngày 15/02/2025" in Tình trạng, or "Đã giải thể" with the date in Ghi chú, ends the unit that day ("… từ ngày 01/7/2025": the day before); with no date anywhere, a warning names the row', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm-2025.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Tình trạng', 'Ghi chú'],
			['1', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', '2005', 'Giải thể ngày 15/02/2025', ''],
			['2', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '2000', 'Đã giải thể', 'Giải thể theo Quyết định 20-QĐ/ĐU ngày 20/02/2025'],
			['3', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', '2001', 'Đã giải thể', ''],
			['4', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', '2000', 'Đang hoạt động', 'Ngày 01/03/2025 kiện toàn chi ủy'],
			// ended "from" a day (in the status, or in the note of "Đã giải thể"): the day before is its last
			['5', 'H7001', 'Đảng bộ huyện Bù Đăng', 'Huyện ủy', 'T70', '1988', 'Kết thúc hoạt động từ ngày 01 tháng 7 năm 2025', ''],
			['6', 'X700102', 'Đảng bộ xã Minh Hưng', 'Đảng bộ cơ sở', 'H7001', '1992', 'Đã giải thể', 'Thôi hoạt động kể từ ngày 01/8/2025 theo Quyết định 30-QĐ/TU']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 6 });
		expect(r.files[0].warnings).toEqual([
			'1 đơn vị ghi đã giải thể (Tình trạng, Ghi chú) nhưng không có ngày giải thể (dòng 4: "Đã giải thể"): các đơn vị này vẫn được coi là đang hoạt động. Ghi ngày giải thể (dd/mm/yyyy) vào ô Tình trạng, cột Ngày giải thể hoặc Ghi chú.'
		]);
		expect((await units(db, ['C70010101', 'C70010102', 'C70010201', 'C70010301', 'H7001', 'X700102'])).map((u) => [u.code, u.dissolved_on])).toEqual([
			['C70010101', null],
			['C70010102', '20/02/2025'],
			['C70010201', null],
			['C70010301', '15/02/2025'],
			['H7001', '30/06/2025'],
			['X700102', '31/07/2025']
		]);
	});

	it('without a Tình trạng column, Ghi chú saying so ("Giải thể ngày …", "Kết thúc / Chấm dứt hoạt động …") ends the unit that day, "Thôi hoạt động từ …" the day before; "Đã giải thể" with no date is warned; "Tạm ngừng hoạt động" and a merger\'s "Giải thể, sáp nhập vào …" are no such note', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'danh-muc.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ghi chú'],
			['1', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', '05/9/2005', 'Giải thể ngày 30/6/2025'],
			['2', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', '2000', 'Thôi hoạt động từ 01/7/2025'],
			['3', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '2000', 'Kết thúc hoạt động từ ngày 01/7/2025'],
			['4', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', '2001', 'Đã giải thể'],
			['5', 'H7003', 'Đảng bộ huyện Lộc Ninh', 'Huyện ủy', 'T70', '1988', 'Chấm dứt hoạt động theo Kết luận số 150-KL/TW, ngày 30/6/2025'],
			['6', 'C7001991', 'Chi bộ Công ty Cao su', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', 'Tạm ngừng hoạt động từ 01/9/2025'],
			['7', 'C7001992', 'Chi bộ thôn Sơn Hòa', 'Chi bộ trực thuộc', 'X700199', '01/7/2025', ''],
			['8', 'C7001993', 'Chi bộ thôn 9', 'Chi bộ trực thuộc', 'X700199', '2001', 'Giải thể, sáp nhập vào Chi bộ thôn Sơn Hòa từ ngày 01/7/2025']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 8, errors: [] });
		expect(r.files[0].warnings).toEqual([
			'1 đơn vị ghi đã giải thể (Tình trạng, Ghi chú) nhưng không có ngày giải thể (dòng 5: "Đã giải thể"): các đơn vị này vẫn được coi là đang hoạt động. Ghi ngày giải thể (dd/mm/yyyy) vào ô Tình trạng, cột Ngày giải thể hoặc Ghi chú.'
		]);
		expect((await units(db, ['C70010101', 'C70010102', 'C70010201', 'C70010301', 'C7001991', 'C7001993', 'H7003'])).map((u) => [u.code, u.dissolved_on])).toEqual([
			// ended "from" 01/7/2025: the last day alive is 30/06, as a merger from that day
			['C70010101', '30/06/2025'],
			['C70010102', '30/06/2025'],
			['C70010201', null],
			['C70010301', '30/06/2025'],
			['C7001991', null],
			['C7001993', '30/06/2025'],
			['H7003', '30/06/2025']
		]);
	});
});

describe('unit kinds of the 2025 registries', () => {
	it.each([
		[
			'"Đảng bộ xã", "Đảng bộ phường", "Đảng bộ cơ quan", "Đảng bộ cơ sở" are grassroots đảng bộ',
			[
				['X700501', 'Đảng bộ xã Thọ Sơn', 'Đảng bộ xã', 'T70', '01/07/2025', 'dang_bo_co_so'],
				['P700502', 'Đảng bộ phường Bình Long', 'Đảng bộ phường', 'T70', '01/07/2025', 'dang_bo_co_so'],
				['D70050106', 'Đảng bộ cơ quan Ủy ban nhân dân tỉnh', 'Đảng bộ cơ quan', 'T70', '01/01/1990', 'dang_bo_co_so'],
				['D70050105', 'Đảng bộ Công ty Cao su Phú Riềng', 'Đảng bộ cơ sở', 'T70', '01/01/1990', 'dang_bo_co_so'],
				['B70050103', 'Đảng bộ Quân sự xã', 'Đảng bộ bộ phận', 'X700501', '01/07/2025', 'dang_bo_bo_phan']
			]
		],
		[
			'a province\'s bodies directly under it ("Đảng bộ Khối", "Đảng ủy Công an tỉnh", "Đảng bộ cấp trên cơ sở") are of the district level',
			[
				['K70', 'Đảng bộ Khối các cơ quan tỉnh', 'Đảng bộ Khối', 'T70', '01/01/1990', 'huyen_uy'],
				['CA70', 'Đảng bộ Công an tỉnh', 'Đảng ủy Công an tỉnh', 'T70', '01/01/1990', 'huyen_uy'],
				['QS70', 'Đảng bộ Quân sự tỉnh', 'Đảng bộ cấp trên cơ sở', 'T70', '01/01/1990', 'huyen_uy']
			]
		],
		[
			'kinds abbreviated as offices write them ("ĐB cơ sở", "ĐU cơ sở", "ĐB bộ phận", "CB trực thuộc", "CB trực thuộc ĐU") are those kinds, as their full spellings',
			[
				['X700503', 'Đảng bộ xã Phú Nghĩa', 'ĐB cơ sở', 'T70', '01/07/2025', 'dang_bo_co_so'],
				['X700504', 'Đảng bộ xã Phú Văn', 'ĐU cơ sở', 'T70', '01/07/2025', 'dang_bo_co_so'],
				['B70050301', 'Đảng bộ Quân sự xã Phú Nghĩa', 'ĐB bộ phận', 'X700503', '01/07/2025', 'dang_bo_bo_phan'],
				['B70050302', 'Đảng bộ Công an xã Phú Nghĩa', 'Đảng bộ bộ phận', 'X700503', '01/07/2025', 'dang_bo_bo_phan'],
				['C70050301', 'Chi bộ thôn 1', 'CB trực thuộc', 'X700503', '01/07/2025', 'chi_bo_truc_thuoc'],
				['C70050302', 'Chi bộ thôn 2', 'CB trực thuộc ĐU', 'X700503', '01/07/2025', 'chi_bo_truc_thuoc'],
				['C70050401', 'Chi bộ thôn 1', 'Chi bộ trực thuộc Đảng ủy xã', 'X700504', '01/07/2025', 'chi_bo_truc_thuoc']
			]
		]
	])('%s', async (_, rows) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình tổ chức', 'Trực thuộc', 'Ngày thành lập'],
			...rows.map((r, i) => [String(i + 1), ...r.slice(0, 5)])
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: rows.length });
		expect(await db.query(`select code, kind from unit where source_file_id > 1 order by source_row`)).toEqual(rows.map((r) => ({ code: r[0], kind: r[5] })));
	});
});

describe('parents named as provinces write them', () => {
	const HEAD = ['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Trực thuộc', 'Ngày thành lập'];

	it('a committee names its đảng bộ: "Tỉnh ủy X", "Ban Thường vụ Tỉnh ủy X", "BTV Huyện ủy X", "Đảng ủy xã X", "Thị ủy X" for "Đảng bộ thị xã X"; "Thành ủy X" not the province', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [
			['DANH MỤC TỔ CHỨC ĐẢNG (SAU SẮP XẾP)'],
			HEAD,
			['1', 'X700198', 'Đảng bộ xã Minh Đoàn', 'Đảng bộ xã', 'Tỉnh ủy Bình Phước', '01/07/2025'],
			['2', 'C7019801', 'Chi bộ thôn Đoàn Kết 1', 'Chi bộ trực thuộc', 'Đảng ủy xã Minh Đoàn', '01/07/2025'],
			['3', 'H7009', 'Thị ủy Bình Long', 'Thị ủy', 'Ban Thường vụ Tỉnh ủy Bình Phước', '01/01/1999'],
			['4', 'X700901', 'Đảng bộ phường An Lộc', 'Đảng bộ phường', 'Đảng bộ thị xã Bình Long', '01/01/1999'],
			['5', 'X700105', 'Đảng bộ xã Thọ Sơn', 'Đảng bộ xã', 'BTV Huyện ủy Bù Đăng', '01/01/1990']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect((await units(db, ['C7019801', 'H7009', 'X700105', 'X700198', 'X700901'])).map((u) => [u.code, u.path])).toEqual([
			['C7019801', '/T70/X700198/C7019801/'],
			['H7009', '/T70/H7009/'],
			['X700105', '/T70/H7001/X700105/'],
			['X700198', '/T70/X700198/'],
			['X700901', '/T70/H7009/X700901/']
		]);
		// "Thành ủy X" is a city's đảng bộ, never the province "Đảng bộ tỉnh X" of the same name
		const city = await ingest(db, [writeCsv(dir, 'tp.csv', [HEAD, ['1', 'X700199', 'Đảng bộ xã Bù Đăng', 'Đảng bộ xã', 'Thành ủy Bình Phước', '01/07/2025']])]);
		expect(city.files[0].status).toBe('refused');
		expect(city.files[0].errors?.map((e) => [e.file, e.row, e.column, e.value, e.message])).toEqual([
			['tp.csv', 2, 'Trực thuộc', 'Thành ủy Bình Phước', 'Không có đơn vị cấp trên này trong danh mục.']
		]);
	});
});

describe('parents, kinds and founding years as offices write them', () => {
	const HEAD = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập'];

	it('parents "HU X", "ĐU xã X", "Xã X" are those đảng bộ (as lists and lineage cells read them); kinds "Đảng bộ tỉnh", "Đảng bộ huyện", "CB cơ sở"; founded "Năm 2009" is that year', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [
			HEAD,
			['1', 'T71', 'Đảng bộ tỉnh Bình Dương', 'Đảng bộ tỉnh', '', '1997'],
			['2', 'H7002', 'Đảng bộ huyện Bù Gia Mập', 'Đảng bộ huyện', 'Tỉnh ủy Bình Phước', 'Năm 2009'],
			['3', 'X700201', 'Đảng bộ xã Đa Kia', 'ĐBCS', 'HU Bù Gia Mập', '1992'],
			['4', 'C70010103', 'Chi bộ thôn 3', 'Chi bộ trực thuộc', 'ĐU xã Đoàn Kết', 'NĂM 2010'],
			['5', 'C70010203', 'Chi bộ thôn 3', 'CBTT', 'Xã Minh Hưng', '2010'],
			['6', 'C70010302', 'Chi bộ Trạm Y tế xã Đoàn Kết', 'CB cơ sở', 'Huyện ủy Bù Đăng', '2012']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(
			await db.query(`select code, kind, parent_code, strftime(founded_on, '%d/%m/%Y') as founded_on from unit where source_file_id > 1 order by source_row`)
		).toEqual([
			{ code: 'T71', kind: 'tinh_uy', parent_code: null, founded_on: '01/01/1997' },
			{ code: 'H7002', kind: 'huyen_uy', parent_code: 'T70', founded_on: '01/01/2009' },
			{ code: 'X700201', kind: 'dang_bo_co_so', parent_code: 'H7002', founded_on: '01/01/1992' },
			{ code: 'C70010103', kind: 'chi_bo_truc_thuoc', parent_code: 'X700101', founded_on: '01/01/2010' },
			{ code: 'C70010203', kind: 'chi_bo_truc_thuoc', parent_code: 'X700102', founded_on: '01/01/2010' },
			{ code: 'C70010302', kind: 'chi_bo_co_so', parent_code: 'H7001', founded_on: '01/01/2012' }
		]);
	});

	// (explore23: the decision beside the date refused the whole registry "Ngày thành lập không hợp lệ")
	it('a founding date with its decision in brackets ("01/7/2025 (QĐ số 2500-QĐ/TU)") is that date', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [HEAD,
			['1', 'C70019911', 'Chi bộ thôn Mới', 'Chi bộ trực thuộc', 'X700199', '01/7/2025 (QĐ số 2500-QĐ/TU)'],
			['2', 'C70019912', 'Chi bộ thôn Bình An', 'Chi bộ trực thuộc', 'X700199', '15/07/2025 [theo NQ 01-NQ/ĐU ngày 10/7/2025]']])]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select code, strftime(founded_on, '%d/%m/%Y') as founded_on from unit where source_file_id > 1 order by source_row`)).toEqual([
			{ code: 'C70019911', founded_on: '01/07/2025' },
			{ code: 'C70019912', founded_on: '15/07/2025' }
		]);
	});

	it('"Thành ủy" / "Đảng bộ thành phố" is a district-level city, but a city run by the Centre at the top of the tree is a province', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [
			HEAD,
			['1', 'T01', 'Thành ủy Hà Nội', 'Thành ủy', '', '1930'],
			['2', 'H0101', 'Đảng bộ quận Ba Đình', 'Quận ủy', 'T01', '1961'],
			['3', 'T79', 'Đảng bộ Thành phố Hồ Chí Minh', 'Đảng bộ thành phố', '', '1930'],
			['4', 'H7003', 'Đảng bộ thành phố Đồng Xoài', 'Đảng bộ thành phố', 'Tỉnh ủy Bình Phước', '2018'],
			// the name of a city run by the Centre, but under a province: Huế before 2025
			['5', 'H4601', 'Thành ủy Huế', 'Thành ủy', 'Tỉnh ủy Bình Phước', '1975']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect(await db.query(`select code, kind from unit where source_file_id > 1 order by source_row`)).toEqual([
			{ code: 'T01', kind: 'tinh_uy' },
			{ code: 'H0101', kind: 'huyen_uy' },
			{ code: 'T79', kind: 'tinh_uy' },
			{ code: 'H7003', kind: 'huyen_uy' },
			{ code: 'H4601', kind: 'huyen_uy' }
		]);
	});

	it('a parent no key finds, or one a bare name gives twice, is still refused naming file, row, column and value', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [
			HEAD,
			['1', 'C70010104', 'Chi bộ thôn 4', 'Chi bộ trực thuộc', 'Xã Tân Phú', '2010'],
			// "Tân Lập" without its kind is the xã and the thị trấn
			['2', 'X700401', 'Đảng bộ xã Tân Lập', 'Đảng bộ xã', 'T70', '1990'],
			['3', 'X700402', 'Đảng bộ thị trấn Tân Lập', 'Đảng bộ thị trấn', 'T70', '1990'],
			['4', 'C70040101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'Tân Lập', '2010']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors?.map((e) => [e.file, e.row, e.column, e.value, e.message])).toEqual([
			['dm.csv', 2, 'Trực thuộc', 'Xã Tân Phú', 'Không có đơn vị cấp trên này trong danh mục.'],
			['dm.csv', 5, 'Trực thuộc', 'Tân Lập', 'Tên đơn vị cấp trên trùng nhiều đơn vị: dùng mã.']
		]);
	});
});

describe('a registry that shows its tree by its numbering (no "Trực thuộc" column)', () => {
	const HEAD = ['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình', 'Ngày thành lập'];

	it('the rows numbered 1, 2… belong to the "I", "II" (or "A.") row above them; those, to the unit the title names', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [
			['DANH MỤC TỔ CHỨC ĐẢNG TRỰC THUỘC ĐẢNG BỘ TỈNH (SAU SẮP XẾP, TỪ 01/7/2025)'],
			HEAD,
			['I', 'X700198', 'Đảng bộ xã Minh Đoàn', 'Đảng bộ xã', '01/07/2025'],
			['1', 'C7019801', 'Chi bộ thôn Đoàn Kết 1', 'Chi bộ trực thuộc', '01/07/2025'],
			['2', 'C7019802', 'Chi bộ thôn Minh Hưng 1', 'Chi bộ trực thuộc', '01/07/2025'],
			// a unit the registry holds keeps its parent
			['3', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', ''],
			['B.', 'X700197', 'Đảng bộ phường Bình Long', 'Đảng bộ phường', '01/07/2025'],
			['1', 'C7019701', 'Chi bộ khu phố 1', 'Chi bộ trực thuộc', '01/07/2025']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		expect((await units(db, ['C70010201', 'C7019701', 'C7019801', 'C7019802', 'X700197', 'X700198'])).map((u) => [u.code, u.parent_code, u.path])).toEqual([
			['C70010201', 'X700102', '/T70/H7001/X700102/C70010201/'],
			['C7019701', 'X700197', '/T70/X700197/C7019701/'],
			['C7019801', 'X700198', '/T70/X700198/C7019801/'],
			['C7019802', 'X700198', '/T70/X700198/C7019802/'],
			['X700197', 'T70', '/T70/X700197/'],
			['X700198', 'T70', '/T70/X700198/']
		]);
	});

	it('three levels: the rows numbered 1.1, 1.2… (or a, b…) belong to the "1" row above them, not to the "I" row', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [
			['DANH SÁCH TỔ CHỨC ĐẢNG TRỰC THUỘC ĐẢNG BỘ TỈNH BÌNH PHƯỚC'],
			HEAD,
			['I', 'H7002', 'Đảng bộ huyện Bù Gia Mập', 'Huyện ủy', '2009'],
			['1', 'X700201', 'Đảng bộ xã Đa Kia', 'Đảng bộ cơ sở', '1992'],
			['1.1', 'C70020101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', '1998'],
			['1.2', 'C70020102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', '1998'],
			['2', 'X700202', 'Đảng bộ xã Bình Thắng', 'Đảng bộ cơ sở', '1992'],
			['a)', 'C70020201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', '1998'],
			['b)', 'C70020202', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', '1998'],
			['3', 'C70020301', 'Chi bộ Trường THPT Bù Gia Mập', 'Chi bộ cơ sở', '2010'],
			['II', 'H7003', 'Đảng bộ huyện Lộc Ninh', 'Huyện ủy', '1997'],
			['1', 'X700301', 'Đảng bộ xã Lộc Tấn', 'Đảng bộ cơ sở', '1990'],
			['1.1', 'C70030101', 'Chi bộ ấp 1', 'Chi bộ trực thuộc', '1995']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].errors).toEqual([]);
		const codes = ['H7002', 'X700201', 'C70020101', 'C70020102', 'X700202', 'C70020201', 'C70020202', 'C70020301', 'H7003', 'X700301', 'C70030101'];
		expect(Object.fromEntries((await units(db, codes)).map((u) => [u.code, u.path]))).toEqual({
			H7002: '/T70/H7002/',
			X700201: '/T70/H7002/X700201/',
			C70020101: '/T70/H7002/X700201/C70020101/',
			C70020102: '/T70/H7002/X700201/C70020102/',
			X700202: '/T70/H7002/X700202/',
			C70020201: '/T70/H7002/X700202/C70020201/',
			C70020202: '/T70/H7002/X700202/C70020202/',
			C70020301: '/T70/H7002/C70020301/',
			H7003: '/T70/H7003/',
			X700301: '/T70/H7003/X700301/',
			C70030101: '/T70/H7003/X700301/C70030101/'
		});
	});

	it('a new chi bộ with no parent anywhere is refused, saying to add a "Trực thuộc" column, not stored as a root', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dm.csv', [
			['DANH MỤC TỔ CHỨC ĐẢNG (SAU SẮP XẾP)'],
			HEAD,
			['1', 'X700198', 'Đảng bộ xã Minh Đoàn', 'Đảng bộ xã', '01/07/2025'],
			['2', 'C7019801', 'Chi bộ thôn Đoàn Kết 1', 'Chi bộ trực thuộc', '01/07/2025']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors?.map((e) => [e.file, e.row, e.column, e.value, e.message])).toEqual([
			[
				'dm.csv',
				4,
				'Loại hình',
				'Chi bộ trực thuộc',
				'Chi bộ trực thuộc, đảng bộ bộ phận, tổ đảng luôn trực thuộc một đơn vị cấp trên, nhưng tệp không có cột Trực thuộc (Mã đơn vị cấp trên) và không có dòng đánh số La Mã (I, II…) nào ghi đơn vị phía trên dòng này: thêm cột "Trực thuộc" ghi mã hoặc tên đơn vị cấp trên.'
			]
		]);
		expect(await units(db, ['C7019801', 'X700198'])).toEqual([]);
	});
});

describe('a registry re-sent to correct a dissolution', () => {
	it('"Đang hoạt động" with no dissolution date on the re-sent row brings the unit back; a row saying nothing of it keeps the date', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Ngày giải thể'],
			['1', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', '2005', '15/02/2025'],
			['2', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '2000', '20/02/2025']
		])]);
		const r = await ingest(db, [writeCsv(dir, 'dm-ban-sua.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Tình trạng', 'Ngày giải thể'],
			['1', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', 'Đang hoạt động', '']
		]), writeCsv(dir, 'dm-ten.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc'],
			['1', 'C70010102', 'Chi bộ thôn Hai', 'Chi bộ trực thuộc', 'X700101']
		])]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect((await units(db, ['C70010102', 'C70010301'])).map((u) => [u.code, u.name, u.dissolved_on])).toEqual([
			['C70010102', 'Chi bộ thôn Hai', '20/02/2025'],
			['C70010301', 'Chi bộ Trường THCS Đoàn Kết', null]
		]);
		// a commune the 2025 merger ended stays ended, whatever a re-exported registry's status says
		await ingest(db, [writeCsv(dir, 'dm-xuat-lai.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Tình trạng', 'Ngày giải thể'],
			['1', 'X700101', 'Đảng bộ xã Đoàn Kết', 'Đảng bộ cơ sở', 'H7001', 'Đang hoạt động', '']
		])]);
		expect((await units(db, ['X700101'])).map((u) => u.dissolved_on)).toEqual(['30/06/2025']);
	});

	it('a unit re-sent under a new code, the old one not ended: stored, and the file warns of two live units of one name and parent', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập'];
		const r = await ingest(db, [writeCsv(dir, 'dm-ma-moi.csv', [head, ['1', 'C7001XX02', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '2000']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(r.files[0].warnings).toEqual([
			'1 đơn vị trùng tên và cấp trên với đơn vị khác mã đang hoạt động mà tệp không ghi (dòng 2: C7001XX02 "Chi bộ thôn 2", trùng C70010102): nếu là đổi mã, ghi mã cũ vào cột Đổi tên từ (hoặc ngày giải thể của mã cũ), nếu không cả hai đơn vị cùng tên đều bị yêu cầu nộp danh sách.'
		]);
		// listing both (or ending the old one) says nothing
		const both = await ingest(db, [writeCsv(dir, 'dm-ca-hai.csv', [[...head, 'Ngày giải thể'],
			['1', 'C7001XX02', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '2000', ''], ['2', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', '2000', '31/12/2025']])]);
		expect(both.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
	});
});

// A province setting up loads the registry of now first, then its archive: the 2022 registry says
// what its units were in 2022 ("Đang hoạt động" for a huyện the 2025 merger ended), not what they are.
describe('a registry of the archive loaded after the current one', () => {
	// as the huyện sent it in January 2022, and as the province sends it after the merger
	const archive2022 = [
		['HUYỆN ỦY BÙ ĐĂNG', '', '', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
		['', '', '', '', '', 'Bù Đăng, ngày 05 tháng 01 năm 2022'],
		['DANH MỤC TỔ CHỨC CƠ SỞ ĐẢNG VÀ CHI BỘ TRỰC THUỘC NĂM 2022'],
		['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Trực thuộc', 'Tỉnh/Thành phố', 'Ngày thành lập', 'Tình trạng'],
		['1', 'T70', 'Đảng bộ tỉnh Bình Phước', 'Tỉnh ủy', '', 'Bình Phước', '01/01/1997', 'Đang hoạt động'],
		['2', 'H7001', 'Đảng bộ huyện Bù Đăng', 'Huyện ủy', 'T70', 'Bình Phước', '01/01/1988', 'Đang hoạt động'],
		['3', 'X700101', 'Đảng bộ xã Đoàn Kết', 'Đảng bộ cơ sở', 'H7001', 'Bình Phước', '15/03/1990', 'Đang hoạt động'],
		['4', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', '01/01/2000', 'Đang hoạt động']
	];
	const current2025 = [
		['TỈNH ỦY BÌNH PHƯỚC'],
		['DANH MỤC TỔ CHỨC ĐẢNG SAU SẮP XẾP NĂM 2025'],
		['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Trực thuộc', 'Tỉnh/Thành phố', 'Ngày thành lập', 'Ngày giải thể', 'Sáp nhập vào', 'Ngày hiệu lực', 'Ghi chú'],
		['1', 'T70', 'Đảng bộ tỉnh Bình Phước', 'Tỉnh ủy', '', 'Bình Phước', '01/01/1997', '', '', '', ''],
		['2', 'H7001', 'Đảng bộ huyện Bù Đăng', 'Huyện ủy', 'T70', 'Bình Phước', '01/01/1988', '30/06/2025', '', '', 'Kết thúc hoạt động cấp huyện'],
		['3', 'X700101', 'Đảng bộ xã Đoàn Kết', 'Đảng bộ cơ sở', 'H7001', 'Bình Phước', '15/03/1990', '30/06/2025', 'X700199', '01/07/2025', ''],
		['4', 'X700199', 'Đảng bộ xã Bù Đăng', 'Đảng bộ cơ sở', 'T70', 'Bình Phước', '01/07/2025', '', '', '', ''],
		// the chi bộ carried over under the new commune, renamed; its founding date not written
		['5', 'C70010101', 'Chi bộ thôn Đoàn Kết 1', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', '', '', '', '', 'Đổi tên từ Chi bộ thôn 1']
	];

	async function loadInOrder(files: string[][][]) {
		const db = await getDb(':memory:');
		const dir = tempDir();
		for (const [i, rows] of files.entries()) {
			const r = await ingest(db, [writeCsv(dir, `danh-muc-${i}.csv`, rows)]);
			expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded' });
		}
		const state = await db.query(
			`select code, name, parent_code, strftime(founded_on, '%d/%m/%Y') as founded_on, strftime(dissolved_on, '%d/%m/%Y') as dissolved_on
			 from unit order by code`
		);
		const former = await db.query('select code, parent_code, name from unit_former order by all');
		const owed: string[] = [];
		for (const year of [2025, 2026]) {
			const run = await runAudit(db, { year, rules: ['missing_review'], signals: false });
			for (const f of run.findings.filter((f) => f.status === 'flagged' && (f.evidence as { check?: string }).check === 'unit_not_rated'))
				owed.push(`${year} ${f.unit_code}`);
		}
		return { state, former, owed: owed.sort() };
	}

	it('"NĂM 2022" after the 2025 registry keeps the dissolution, the current name and parent; R4 as in chronological order', async () => {
		const chronological = await loadInOrder([archive2022, current2025]);
		const archiveLast = await loadInOrder([current2025, archive2022]);
		expect(archiveLast).toEqual(chronological);
		// (the units owing a list are found at all: equal in both orders would hold of none)
		expect(chronological.owed).toEqual(['2025 C70010101', '2025 X700199', '2026 C70010101', '2026 X700199']);
		expect(archiveLast.state).toEqual([
			{ code: 'C70010101', name: 'Chi bộ thôn Đoàn Kết 1', parent_code: 'X700199', founded_on: '01/01/2000', dissolved_on: null },
			{ code: 'H7001', name: 'Đảng bộ huyện Bù Đăng', parent_code: 'T70', founded_on: '01/01/1988', dissolved_on: '30/06/2025' },
			{ code: 'T70', name: 'Đảng bộ tỉnh Bình Phước', parent_code: null, founded_on: '01/01/1997', dissolved_on: null },
			{ code: 'X700101', name: 'Đảng bộ xã Đoàn Kết', parent_code: 'H7001', founded_on: '15/03/1990', dissolved_on: '30/06/2025' },
			{ code: 'X700199', name: 'Đảng bộ xã Bù Đăng', parent_code: 'T70', founded_on: '01/07/2025', dissolved_on: null }
		]);
		// the old name and commune are kept: the 2022–2024 lists of "Chi bộ thôn 1" of xã Đoàn Kết find it
		expect(archiveLast.former).toEqual([{ code: 'C70010101', parent_code: 'X700101', name: 'Chi bộ thôn 1' }]);
		// the huyện the merger ended owes no 2025 or 2026 list
		expect(archiveLast.owed.filter((o) => o.endsWith('H7001'))).toEqual([]);
	});

	it('a registry "tính đến ngày 31/12/2022" is older than a dissolution of 2025; a re-sent current registry still corrects one', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Tình trạng', 'Ngày giải thể'];
		const old = await ingest(db, [writeCsv(dir, 'dm-2022.csv', [
			['DANH MỤC TỔ CHỨC ĐẢNG TRỰC THUỘC HUYỆN ỦY BÙ ĐĂNG'],
			['(Tính đến ngày 31/12/2022)'],
			head,
			['1', 'H7001', 'Đảng bộ huyện Bù Đăng', 'Huyện ủy', 'T70', 'Đang hoạt động', ''],
			['2', 'X700102', 'Đảng bộ xã Minh Hưng', 'Đảng bộ cơ sở', 'H7001', 'Đang hoạt động', '']
		])]);
		expect(old.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect((await units(db, ['H7001', 'X700102'])).map((u) => [u.code, u.dissolved_on])).toEqual([
			['H7001', '30/06/2025'],
			['X700102', '30/06/2025']
		]);

		// a dissolution typed by mistake in the 2025 registry, corrected by the 2025 registry re-sent
		await ingest(db, [writeCsv(dir, 'dm-2025.csv', [['DANH MỤC TỔ CHỨC ĐẢNG NĂM 2025'], head,
			['1', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', 'Đã giải thể', '15/02/2025']])]);
		expect((await units(db, ['C70010301']))[0].dissolved_on).toBe('15/02/2025');
		await ingest(db, [writeCsv(dir, 'dm-2025-ban-sua.csv', [['DANH MỤC TỔ CHỨC ĐẢNG NĂM 2025 (BẢN SỬA)'], head,
			['1', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ cơ sở', 'H7001', 'Đang hoạt động', '']])]);
		expect((await units(db, ['C70010301']))[0].dissolved_on).toBe(null);
	});
	it('a title naming only its year stands anywhere in it: the post-merger registry "(Áp dụng từ ngày 01/7/2025)" loaded after the year\'s first one, "NĂM 2025", is the newer', async () => {
		// (the same rows under other titles)
		const titled = (rows: string[][], title: string[][]) => [...title, ...rows.slice(rows.findIndex((r) => r[0] === 'STT'))];
		const { state } = await loadInOrder([
			titled(archive2022, [['DANH MỤC TỔ CHỨC ĐẢNG NĂM 2025']]),
			titled(current2025, [['DANH MỤC TỔ CHỨC ĐẢNG SAU SẮP XẾP'], ['(Áp dụng từ ngày 01/7/2025)']])
		]);
		expect(state.find((u) => u.code === 'C70010101')).toMatchObject({ name: 'Chi bộ thôn Đoàn Kết 1', parent_code: 'X700199' });
	});
});
