// File shapes units really send: level cells that are formulas never computed (web systems write
// them so), a chi bộ sheet whose header sits low under "Căn cứ …" lines, a counts sheet named
// "Sheet5", a folder holding .xls files, an HTML table saved as .xls, a sheet named "Cơ quan" for
// "Chi bộ Cơ quan xã", an Excel "sep=;" line, and files that are not what their name says.
import ExcelJS from 'exceljs';
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getDb, type Db } from '../../../src/lib/server/db';
import { formatRowError } from '../../../src/lib/server/ingest/errors';
import { REGISTRY, writeCsv } from '../../helpers/files';
import { counts, dbWithRegistry, ingest } from '../../helpers/ingest-db';

const XA = ['ĐẢNG BỘ XÃ ĐOÀN KẾT'];
const HEAD = ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'];
const members = (n: number, level = 'HTTNV') => Array.from({ length: n }, (_, i) => [i + 1, `Nguyễn Văn Thành ${'ABCDEFGH'[i]}`, 1970 + i, level]);

function sheet(wb: ExcelJS.Workbook, name: string, rows: unknown[][], o: { state?: 'hidden' } = {}) {
	const ws = wb.addWorksheet(name, o);
	for (const r of rows) ws.addRow(r);
	return ws;
}

const chiBo = (thon: string, pad: unknown[][] = []) => [XA, [`CHI BỘ THÔN ${thon}`], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ...pad, HEAD];

async function save(wb: ExcelJS.Workbook, path: string) {
	await wb.xlsx.writeFile(path);
	return path;
}

async function storedLevels(db: Db) {
	return db.query<{ unit: string; n: number; rated: number }>(
		`select u.code as unit, count(*)::int as n, count(r.final_level)::int as rated from rating r join unit u on u.id = r.unit_id group by 1 order by 1`
	);
}

describe('formula cells with no saved result', () => {
	it('a level that is a formula never computed refuses the file, naming the cell; STT formulas do not matter', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const wb = new ExcelJS.Workbook();
		const ws = sheet(wb, 'DS', [...chiBo('1'), ...members(3)]);
		sheet(wb, 'DM', [['Mức'], ['HTXSNV'], ['HTTNV']], { state: 'hidden' });
		// written as a web system writes them: the formula, no result
		ws.getCell('D6').value = { formula: 'DM!A3' } as ExcelJS.CellFormulaValue;
		ws.getCell('A6').value = { formula: 'A5+1' } as ExcelJS.CellFormulaValue;
		ws.addRow(['', 'Cộng', '', { formula: 'COUNTA(D5:D7)' }]);
		const r = await ingest(db, [await save(wb, join(dir, 'cong-thuc.xlsx'))]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors.map(formatRowError)).toEqual([expect.stringMatching(/^cong-thuc\.xlsx \[DS\], dòng 6, cột "Xếp loại", giá trị "=DM!A3": Ô D6 là công thức chưa có giá trị.*mở tệp bằng Excel, lưu lại/)]);
		expect(await counts(db)).toEqual(before);
	});

	it('a member named "Tống …" is no total row: the formula on their row still refuses the file', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		const ws = sheet(wb, 'DS', [...chiBo('1'), ...members(3)]);
		ws.getCell('B6').value = 'Tống Văn Hải';
		ws.getCell('D6').value = { formula: 'DM!A3' } as ExcelJS.CellFormulaValue;
		sheet(wb, 'DM', [['Mức'], ['HTXSNV'], ['HTTNV']], { state: 'hidden' });
		const r = await ingest(db, [await save(wb, join(dir, 'tong.xlsx'))]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors.map((e) => e.row)).toEqual([6]);
	});
});

describe('a chi bộ sheet that cannot be read', () => {
	// (a line of the minutes naming no chi bộ though it starts with the words)
	const preamble = Array.from({ length: 17 }, (_, i) => [i === 9 ? 'Chi bộ tổ chức hội nghị kiểm điểm vào lúc 8 giờ 00 ngày 20/11/2024' : i % 2 ? `Thực hiện Hướng dẫn số ${i}-HD/TW` : `Căn cứ Quy định số ${i}-QĐ/TW của Bộ Chính trị`]);

	it('a header at row 21 under "Căn cứ …" lines and the minutes is found', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Thôn 1', [...chiBo('1'), ...members(2)]);
		sheet(wb, 'Thôn 2', [...chiBo('2', preamble), ...members(3)]);
		const r = await ingest(db, [await save(wb, join(dir, 'can-cu.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5, warnings: [] });
		expect(await storedLevels(db)).toEqual([
			{ unit: 'C70010101', n: 2, rated: 2 },
			{ unit: 'C70010102', n: 3, rated: 3 }
		]);
	});

	it('a visible sheet holding a table with no header found refuses the workbook, naming the sheet', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Thôn 1', [...chiBo('1'), ...members(2)]);
		sheet(wb, 'Thôn 2', [...chiBo('2', [...preamble, ...preamble, ...preamble]), ...members(3)]);
		const r = await ingest(db, [await save(wb, join(dir, 'thap.xlsx'))]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toMatch(/^thap\.xlsx \[Thôn 2\]: Trang tính "Thôn 2" có dữ liệu nhưng không đọc được .*Không tìm thấy dòng tiêu đề cột trong 40 dòng đầu/);
		expect(await counts(db)).toEqual(before);
	});

	it('a hidden lookup sheet is skipped as hidden; a sheet of a few notes as holding no table', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Thôn 1', [...chiBo('1'), ...members(2)]);
		sheet(wb, 'DM', [['HTXSNV'], ['HTTNV'], ['HTNV'], ['KHTNV']], { state: 'hidden' });
		sheet(wb, 'Ghi chú', [['Danh sách gửi kèm công văn số 12']]);
		const r = await ingest(db, [await save(wb, join(dir, 'dm.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(r.files[0].warnings).toEqual(['Bỏ qua trang tính không có bảng dữ liệu: Ghi chú.', 'Bỏ qua trang tính ẩn: DM.']);
	});
});

describe('summary sheets', () => {
	const counts5 = [['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Chi bộ', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'], [1, 'Chi bộ thôn 1', 0, 2, 0, 0], [2, 'Chi bộ thôn 2', 1, 2, 0, 0], ['', 'Tổng', 1, 4, 0, 0]];

	it('a counts sheet named "Sheet5" is skipped with a warning', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Thôn 1', [...chiBo('1'), ...members(2)]);
		sheet(wb, 'Thôn 2', [...chiBo('2'), ...members(3)]);
		sheet(wb, 'Sheet5', counts5);
		const r = await ingest(db, [await save(wb, join(dir, 's5.xlsx'))]);
		console.log(JSON.stringify([r.files[0].warnings, r.files[0].rowsStored]));
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect(r.files[0].warnings).toEqual(['Bỏ qua trang tính tổng hợp: Sheet5.']);
	});

	it('a "Tổng hợp" sheet naming each member, beside a hidden lookup only, is the list', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Tổng hợp', [...chiBo('1'), ...members(3)]);
		sheet(wb, 'DM', [['HTXSNV'], ['HTTNV']], { state: 'hidden' });
		const r = await ingest(db, [await save(wb, join(dir, 'tong-hop-ds.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
	});

	it.each([
		['titled "TỔNG HỢP KẾT QUẢ … XẾP LOẠI ĐẢNG VIÊN"', [XA, ['CHI BỘ THÔN 2'], ['TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'], HEAD, ...members(3)]],
		['with a column "Tổng số ngày nghỉ ốm"', [...chiBo('2').slice(0, -1), [...HEAD, 'Tổng số ngày nghỉ ốm'], ...members(3).map((m, i) => [...m, i ? '' : 95])]]
	])('a chi bộ\'s sheet %s names each member: a list, not a summary', async (_, thon2) => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Thôn 1', [...chiBo('1'), ...members(2)]);
		sheet(wb, 'Thôn 2', thon2);
		sheet(wb, 'Sheet3', counts5);
		const r = await ingest(db, [await save(wb, join(dir, 'hai-chi-bo.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect(r.files[0].warnings).toEqual(['Bỏ qua trang tính tổng hợp: Sheet3.']);
	});

	it.each([
		['renamed on 01/07/2025, the sheet keeping the old name', 'Thôn 1', 'Chi bộ thôn Đoàn Kết'],
		['merged on 01/10/2025, the sheet keeping one predecessor\'s name', 'Sơn Lang', 'Chi bộ thôn Sơn Lang - Bình Minh']
	])('a chi bộ %s: no clash of sheet and title, loaded', async (_, sheetName, chiBo) => {
		const { db, dir } = await dbWithRegistry();
		const reg = [
			REGISTRY[1],
			['1', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '30/06/2025', 'C70019901', '01/07/2025'],
			['2', 'C70019901', 'Chi bộ thôn Đoàn Kết', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', ''],
			['3', 'C70019902', 'Chi bộ thôn Sơn Lang', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '30/09/2025', 'C70019904', '01/10/2025'],
			['4', 'C70019903', 'Chi bộ thôn Bình Minh', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '30/09/2025', 'C70019904', '01/10/2025'],
			['5', 'C70019904', 'Chi bộ thôn Sơn Lang - Bình Minh', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/10/2025', '', '', ''],
			['6', 'C70019905', 'Chi bộ thôn Tân Hưng', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', '']
		];
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', reg)])).files[0].status).toBe('loaded');
		const wb = new ExcelJS.Workbook();
		for (const [name, unit] of [[sheetName, chiBo], ['Tân Hưng', 'Chi bộ thôn Tân Hưng']])
			sheet(wb, name, [['ĐẢNG BỘ XÃ BÙ ĐĂNG'], [unit.toUpperCase()], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], HEAD, ...members(2)]);
		const r = await ingest(db, [await save(wb, join(dir, 'bu-dang.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
	});

	it('a summary naming each chi bộ\'s secretary ("Tên chi bộ | Họ và tên bí thư | Tổng số đảng viên | HTXSNV | …", counts 0 and 1) is a summary still', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Thôn 1', [...chiBo('1'), ...members(2)]);
		sheet(wb, 'Thôn 2', [...chiBo('2'), ...members(1)]);
		sheet(wb, 'Biểu 1', [XA, ['BIỂU TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Tên chi bộ', 'Họ và tên bí thư', 'Tổng số đảng viên', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'],
			[1, 'Chi bộ thôn 1', 'Nguyễn Văn Thành A', 2, 0, 2, 0, 0], [2, 'Chi bộ thôn 2', 'Nguyễn Văn Thành A', 1, 0, 1, 0, 0]]);
		const r = await ingest(db, [await save(wb, join(dir, 'bieu.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(r.files[0].warnings).toEqual(['Bỏ qua trang tính tổng hợp: Biểu 1.']);
	});

	it('a sheet "Thôn 2" under a letterhead "CHI BỘ THÔN 1" copied from the sheet before: refused naming both, not filed in Thôn 1 unseen', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Thôn 1', [...chiBo('1'), ...members(2)]);
		sheet(wb, 'Thôn 2', [...chiBo('1'), [1, 'Phan Văn Khải', 1966, 'HTTNV']]);
		const r = await ingest(db, [await save(wb, join(dir, 'chep-tieu-de.xlsx'))]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors).toEqual([
			expect.objectContaining({ file: 'chep-tieu-de.xlsx [Thôn 2]', column: 'Tên trang tính', value: 'Thôn 2', message: expect.stringMatching(/^Tên trang tính "Thôn 2" là Chi bộ thôn 2, nhưng tiêu đề của trang ghi Chi bộ thôn 1/) })
		]);
		expect(await counts(db)).toEqual(before);
	});

	it('last year\'s sheet left in this year\'s workbook is set aside and said, the list of that year on file untouched', async () => {
		const { db, dir } = await dbWithRegistry();
		const title = (thon: string, year: number) => [XA, [`CHI BỘ THÔN ${thon}`], [`DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM ${year}`], HEAD];
		const old = new ExcelJS.Workbook();
		sheet(old, 'Thôn 1', [...title('1', 2023), ...members(3, 'HTNV')]);
		expect((await ingest(db, [await save(old, join(dir, 'nam-2023.xlsx'))])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Thôn 1 (2023)', [...title('1', 2023), ...members(3, 'HTXSNV')]);
		sheet(wb, 'Thôn 1', [...title('1', 2024), ...members(3)]);
		sheet(wb, 'Thôn 2', [...title('2', 2024), ...members(2)]);
		const r = await ingest(db, [await save(wb, join(dir, 'nam-2024.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect(r.files[0].warnings).toContain('Bỏ qua trang tính của năm 2023 (tệp có danh sách năm 2024; danh sách năm cũ gửi tệp riêng): Thôn 1 (2023).');
		expect(await db.query(`select period_year as y, final_level as l, count(*)::int as n from rating_current group by all order by all`)).toEqual([
			{ y: 2023, l: 2, n: 3 },
			{ y: 2024, l: 3, n: 5 }
		]);
	});

	it('a chi bộ\'s history, a sheet a year ("2022", "2023", "2024"): every year loaded', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		for (const y of [2022, 2023, 2024]) sheet(wb, String(y), [XA, ['CHI BỘ THÔN 1'], [`DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM ${y}`], HEAD, ...members(2)]);
		const r = await ingest(db, [await save(wb, join(dir, 'lich-su.xlsx'))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 6, warnings: [] });
		expect(await db.query(`select period_year as y, count(*)::int as n from rating_current group by all order by all`)).toEqual([
			{ y: 2022, n: 2 },
			{ y: 2023, n: 2 },
			{ y: 2024, n: 2 }
		]);
	});

	it('a workbook holding only a summary is refused as such', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		sheet(wb, 'Tổng hợp', counts5);
		sheet(wb, 'DM', [['HTXSNV'], ['HTTNV']], { state: 'hidden' });
		const r = await ingest(db, [await save(wb, join(dir, 'chi-tong-hop.xlsx'))]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toMatch(/^chi-tong-hop\.xlsx: Tệp chỉ có trang tổng hợp số lượng \(Tổng hợp\), không có danh sách từng đảng viên/);
	});
});

describe('files that are not what their name says', () => {
	it('an HTML table saved as .xls is read like a sheet (spans spread, entities decoded)', async () => {
		const { db, dir } = await dbWithRegistry();
		const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style>td{mso-number-format:"\\@"}</style></head><body>
<p>ĐẢNG BỘ XÃ ĐOÀN KẾT</p><p><b>CHI BỘ TH&Ocirc;N 1</b></p><h3>DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024</h3>
<table border="1"><tr><th rowspan="2">STT</th><th rowspan="2">Họ và tên</th><th rowspan="2">Năm sinh</th><th colspan="2">Xếp loại</th></tr>
<tr><th>Chi bộ đề xuất</th><th>Đảng ủy quyết định</th></tr>
<tr><td>1</td><td>Nguy&#7877;n V&#259;n An</td><td>1970</td><td>HTTNV</td><td>HTTNV</td></tr>
<tr><td>2</td><td>Trần&nbsp;Thị <i>Bình</i></td><td>1985</td><td>HTXSNV</td><td>HTXSNV</td>
</table></body></html>`;
		const path = join(dir, 'xuat-web.xls');
		writeFileSync(path, html);
		const r = await ingest(db, [path]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		const rows = await db.query(`select p.full_name as name, r.source_row as row, r.final_level as level, u.code as unit from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id order by 2`);
		expect(rows).toEqual([
			{ name: 'Nguyễn Văn An', row: 6, level: 3, unit: 'C70010101' },
			{ name: 'Trần Thị Bình', row: 7, level: 4, unit: 'C70010101' }
		]);
	});

	it('a ZIP that is not a workbook is named so', async () => {
		const { db, dir } = await dbWithRegistry();
		// a minimal ZIP holding one stored file "a.txt"
		const name = Buffer.from('a.txt');
		const data = Buffer.from('hello');
		const local = Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0]), u32(crc32(data)), u32(5), u32(5), u16(name.length), u16(0), name, data]);
		const central = Buffer.concat([Buffer.from([0x50, 0x4b, 1, 2, 20, 0, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0]), u32(crc32(data)), u32(5), u32(5), u16(name.length), u16(0), u16(0), u16(0), u16(0), u32(0), u32(0), name]);
		const end = Buffer.concat([Buffer.from([0x50, 0x4b, 5, 6, 0, 0, 0, 0]), u16(1), u16(1), u32(central.length), u32(local.length), u16(0)]);
		const path = join(dir, 'nen.xlsx');
		writeFileSync(path, Buffer.concat([local, central, end]));
		const r = await ingest(db, [path]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toMatch(/^nen\.xlsx: Tệp không phải sổ Excel \.xlsx .*giải nén/);
	});
});

function u16(n: number) {
	const b = Buffer.alloc(2);
	b.writeUInt16LE(n);
	return b;
}
function u32(n: number) {
	const b = Buffer.alloc(4);
	b.writeUInt32LE(n >>> 0);
	return b;
}
function crc32(buf: Buffer): number {
	let c = ~0;
	for (const x of buf) {
		c ^= x;
		for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
	}
	return ~c >>> 0;
}

describe('sheet names and row numbers', () => {
	it('a sheet "Cơ quan" is the only "Chi bộ Cơ quan xã" of the đảng bộ', async () => {
		const db = await getDb(':memory:');
		const { dir } = await dbWithRegistry();
		const reg = [...REGISTRY, ['10', 'C70010103', 'Chi bộ Cơ quan xã', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '', '', '']];
		expect((await ingest(db, [writeCsv(dir, 'dm.csv', reg)])).files[0].status).toBe('loaded');
		const wb = new ExcelJS.Workbook();
		for (const [name, n] of [['Thôn 1', 2], ['Cơ quan', 3]] as const) sheet(wb, name, [XA, ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], HEAD, ...members(n)]);
		const r = await ingest(db, [await save(wb, join(dir, 'ten-trang.xlsx'))]);
		console.log(JSON.stringify([r.files[0].warnings, r.files[0].rowsStored]));
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect(await storedLevels(db)).toEqual([
			{ unit: 'C70010101', n: 2, rated: 2 },
			{ unit: 'C70010103', n: 3, rated: 3 }
		]);
	});

	it('after a "sep=;" line rows are numbered as Excel shows them', async () => {
		const { db, dir } = await dbWithRegistry();
		const path = join(dir, 'sep.csv');
		const lines = ['sep=;', 'ĐẢNG BỘ XÃ ĐOÀN KẾT', 'CHI BỘ THÔN 1', 'DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024', 'STT;Họ và tên;Năm sinh;Xếp loại', '1;Nguyễn Văn An;1970;HTTNV', '2;Trần Thị Bình;1985;Tốt lắm'];
		writeFileSync(path, lines.join('\r\n') + '\r\n');
		const r = await ingest(db, [path]);
		expect(r.files[0].errors).toEqual([expect.objectContaining({ file: 'sep.csv', row: 6, column: 'Xếp loại', value: 'Tốt lắm' })]);
	});

	it('a plain UTF-8 file read line by line (a "sep=;" line, with or without BOM) is labelled UTF-8, not Windows-1258', async () => {
		const { db, dir } = await dbWithRegistry();
		const lines = ['sep=;', 'ĐẢNG BỘ XÃ ĐOÀN KẾT', 'CHI BỘ THÔN 1', 'DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024', 'STT;Họ và tên;Năm sinh;Xếp loại', '1;Nguyễn Văn An;1970;HTTNV'];
		writeFileSync(join(dir, 'a.csv'), lines.join('\r\n') + '\r\n');
		writeFileSync(join(dir, 'b.csv'), '\uFEFF' + lines.join('\r\n').replace('1970', '1971') + '\r\n');
		const r = await ingest(db, [join(dir, 'a.csv'), join(dir, 'b.csv')]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect(await db.query("select file_name, encoding from source_file where kind = 'rating' order by 1")).toEqual([
			{ file_name: 'a.csv', encoding: 'utf-8' },
			{ file_name: 'b.csv', encoding: 'utf-8-bom' }
		]);
	});
});

/** The CLI's exit code and output. */
async function cli(...args: string[]): Promise<{ code: unknown; out: string }> {
	const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/ingest.ts', ...args, '--no-audit'], { cwd: process.cwd(), env: { ...process.env, CI: '1' } });
	let out = '';
	p.stdout.on('data', (d) => (out += d));
	const code = await new Promise((res) => p.on('exit', res));
	return { code, out };
}

/** The lock file Excel leaves beside a workbook it has open ("~$" + its name): 165 bytes, the
 * user's name as a length byte and padded Latin-1, then again in UTF-16, then zeros. */
function excelLockFile(user: string): Buffer {
	const head = Buffer.concat([Buffer.from([user.length]), Buffer.from(user.padEnd(53, ' '), 'latin1'), Buffer.from([user.length, 0]), Buffer.from(user, 'utf16le')]);
	return Buffer.concat([head, Buffer.alloc(165 - head.length)]);
}

describe('files and folders given to the CLI', () => {
	it('reports every file in it, an old .xls refused with its reason, an Excel lock file skipped and said', async () => {
		const { dir } = await dbWithRegistry();
		const folder = join(dir, 'dot');
		mkdirSync(folder);
		writeCsv(folder, 'registry.csv', REGISTRY);
		writeFileSync(join(folder, 'cu.xls'), Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]));
		writeFileSync(join(folder, '~$cu.xlsx'), excelLockFile('Van phong DU'));
		const { code, out } = await cli(folder, '--db', join(dir, 'cli.duckdb'));
		expect(code).toBe(1);
		expect(out).toMatch(/cu\.xls: .*định dạng Excel cũ \(\.xls\)/);
		// the refused file named once, by its path
		expect(out).toContain(`\n${join(folder, 'cu.xls')}: Tệp`);
		expect(out).not.toMatch(/cu\.xls: cu\.xls/);
		expect(out).toMatch(/~\$cu\.xlsx: bỏ qua, tệp khóa tạm của Excel/);
	});

	it('an Excel lock file a shell glob names ("*.xlsx" while a list is open in Excel) is skipped and said, not refused as binary', async () => {
		const { dir } = await dbWithRegistry();
		writeCsv(dir, 'registry.csv', REGISTRY);
		writeFileSync(join(dir, '~$DS DV chi bo thon 1.xlsx'), excelLockFile('Van phong DU'));
		const { code, out } = await cli(join(dir, 'registry.csv'), join(dir, '~$DS DV chi bo thon 1.xlsx'), '--db', join(dir, 'cli.duckdb'));
		expect(out).toMatch(/~\$DS DV chi bo thon 1\.xlsx: bỏ qua, tệp khóa tạm của Excel/);
		expect(out).not.toMatch(/từ chối|nhị phân/);
		expect(code).toBe(0);
	});
});
