// Layouts of real unit lists that are not data: footers and signature blocks below the list,
// section rows, header cells typed over two lines, a list with no rows, workbook sheets that are
// not lists (hidden dropdown values, a summary), cards typed as numbers with a zero format, a year
// typed into a date-formatted cell, sections numbered by letters (groups, agencies), and
// levels marked "x" under one column per level.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../src/lib/server/db';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { writeCsv } from '../../helpers/files';
import { counts, dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']];
const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định'];
const MEMBERS = [
	['1', 'Nguyễn Văn An', '12/05/1970', '70012345', 'HTXSNV', 'HTXSNV', 'HTXSNV', '10/12/2024'],
	['2', 'Trần Thị Bình', '1985', '70012346', 'HTTNV', 'HTTNV', 'HTTNV', '10/12/2024'],
	['3', 'Lê Văn Cường', '01/01/1990', '70012347', 'HTNV', 'HTNV', 'HTNV', '10/12/2024'],
	['4', 'Bùi Thị Thư', '02/03/1998', '', 'KHTNV', 'KHTNV', 'KHTNV', '10/12/2024']
];
const blank = (n = 8) => Array<string>(n).fill('');
const at = (i: number, text: string, n = 8) => blank(n).map((c, j) => (j === i ? text : c));

/** Stored ratings of the last file: row, name, card, unit code, final level rank. */
async function stored(db: Db) {
	return db.query<{ row: number; name: string; card: string | null; unit: string; level: number | null }>(
		`select r.source_row as row, p.full_name as name, p.card_no as card, u.code as unit, r.final_level as level
		 from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id
		 where r.source_file_id = (select max(id) from source_file) order by r.source_row`
	);
}

const FOUR = [
	{ row: 5, name: 'Nguyễn Văn An', card: '70012345', unit: 'C70010101', level: 4 },
	{ row: 6, name: 'Trần Thị Bình', card: '70012346', unit: 'C70010101', level: 3 },
	{ row: 7, name: 'Lê Văn Cường', card: '70012347', unit: 'C70010101', level: 2 },
	{ row: 8, name: 'Bùi Thị Thư', card: null, unit: 'C70010101', level: 1 }
];

describe('footers and signatures below the list', () => {
	it('a summary block and a dateline are not members', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'tong-hop.csv', [
			...TITLE, HEAD, ...MEMBERS,
			at(1, 'Tổng cộng: 04 đồng chí'),
			at(1, '- Hoàn thành xuất sắc nhiệm vụ: 01 đ/c (25%)'),
			at(1, '- Hoàn thành tốt nhiệm vụ: 01 đ/c'),
			at(1, 'Tổng số đảng viên: 4'),
			at(1, 'Thôn 1, ngày 15 tháng 12 năm 2024')
		], { bom: true });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsRead: 4, rowsStored: 4 });
		expect(await stored(db)).toEqual(FOUR);
	});

	it.each([
		['the count under "Ngày sinh"', { 1: 'Tổng số', 2: '4 đồng chí' }],
		['the count under the level', { 0: 'Tổng cộng', 6: '4' }],
		['"Cộng" in the STT column, the counts under the levels', { 0: 'Cộng:', 4: '1', 5: '2', 6: '1' }]
	])('a total row with %s is no member', async (_what, cells: Record<number, string>) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'tong.csv', [...TITLE, HEAD, ...MEMBERS, blank().map((c, j) => cells[j] ?? c)]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsRead: 4, rowsStored: 4 });
		expect(await stored(db)).toEqual(FOUR);
	});

	it('a roster without STT: "Tống Công Minh" and "Công Thị Hoa" are members, not totals', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'tong-ten.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['Họ và tên', 'Năm sinh'],
			['Tống Công Minh', '1975'], ['Công Thị Hoa', '1982'], ['Tổng số', '2 đồng chí']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 2 });
	});

	it('a share row, an average, a note and a "this list has" line below the list are not members', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ty-le.csv', [
			...TITLE, HEAD, ...MEMBERS,
			at(1, 'Tỷ lệ HTXSNV / HTTNV: 100%'),
			at(1, 'Điểm bình quân'),
			at(1, 'Ghi chú: đồng chí Cường nghỉ ốm 4 tháng'),
			at(1, 'Danh sách này gồm bốn đồng chí')
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await stored(db)).toEqual(FOUR);
	});

	// (explore26: "Tỷ lệ % | … | 100%" refused the list: "Mức xếp loại không hợp lệ", "Thiếu họ và tên")
	it.each([
		['"Tỷ lệ %" in the STT column, "100%" under the decided level', { 0: 'Tỷ lệ %', 6: '100%' }],
		['"Tỷ lệ (%)" in the name column, shares under every level column', { 1: 'Tỷ lệ (%)', 4: '25%', 5: '25,0 %', 6: '100' }],
		['"Trong đó:", the counts under the levels', { 1: 'Trong đó:', 4: '1', 5: '1', 6: '4' }]
	])('a summary row with %s is no member', async (_what, cells: Record<number, string>) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ty-le-muc.csv', [...TITLE, HEAD, ...MEMBERS, at(0, 'Tổng cộng'), blank().map((c, j) => cells[j] ?? c)]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await stored(db)).toEqual(FOUR);
	});

	it('… but a member row without a name, numbered or not, is still refused "Thiếu họ và tên"; one whose name ends like a label ("Hà Văn Tốt:") and has a level is still read', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'khong-ten.csv', [...TITLE, HEAD, ...MEMBERS,
			['5', '', '', '', '', '', 'HTTNV', '10/12/2024'], ['', '', '15/03/1990', '', 'HTNV', 'HTNV', 'HTNV', ''],
			['', 'Hà Văn Tốt:', '', '', 'HTNV', 'HTNV', 'HTNV', ''], ['Tỷ lệ %', '', '', '', '', '', '100%', '']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'refused', rowsRead: 7 });
		expect(r.files[0].errors.map((e) => [e.row, e.message])).toEqual([[9, 'Thiếu họ và tên.'], [10, 'Thiếu họ và tên.']]);
	});

	it('a label ("Trong đó:"), a tally by level, numbered or not ("Hoàn thành xuất sắc nhiệm vụ | 1 | 14,3%", "HTXSNV | 1", "Không xếp loại | 0") and a legend ("Ký hiệu: | | | HTXSNV | Hoàn thành xuất sắc nhiệm vụ", its nameless lines) below the list are not members', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ky-hieu.csv', [
			...TITLE, HEAD, ...MEMBERS,
			at(1, 'TỔNG HỢP KẾT QUẢ:'),
			at(1, 'Trong đó:'),
			[...at(1, 'Hoàn thành xuất sắc nhiệm vụ').slice(0, 2), '1', '25%', ...blank(4)],
			[...at(1, 'HTTNV').slice(0, 2), '1', ...blank(5)],
			[...at(1, 'Không xếp loại').slice(0, 2), '0', ...blank(5)],
			['', 'Ký hiệu:', '', '', 'HTXSNV', '', 'Hoàn thành xuất sắc nhiệm vụ', ''],
			['', '', '', '', 'HTTNV', '', 'Hoàn thành tốt nhiệm vụ', ''],
			// a numbered tally, its count under "Số thẻ"
			['1', 'Hoàn thành xuất sắc nhiệm vụ', '', '1', '', '', '', ''],
			['2', 'Hoàn thành tốt nhiệm vụ', '', '1', '', '', '', ''],
			['', 'Cộng', '', '4', '', '', '', '']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await stored(db)).toEqual(FOUR);
	});

	it('a footnote legend below the list ("(*) Đảng viên tự nhận; (**) …", "** …", "(1) …", "(*)" alone under STT, "Lưu ý:", "Ghi chú –") is no member; "Hà Văn Tốt (*)" with no level still is', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'chu-thich.csv', [
			...TITLE, HEAD, ...MEMBERS,
			at(1, 'Hà Văn Tốt (*)'),
			blank(),
			at(1, '(*) Đảng viên tự nhận; (**) Chi bộ đề xuất; (***) Đảng ủy quyết định.'),
			at(1, '** Đồng chí Tốt chuyển đến chưa kiểm điểm'),
			at(1, '(1) Đảng viên mới kết nạp chưa xếp loại'),
			['(*)', 'Đảng viên tự nhận mức xếp loại', ...blank(6)],
			at(1, 'Lưu ý: gửi kèm biên bản họp chi bộ'),
			at(1, 'Ghi chú - đồng chí Tốt vắng mặt')
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect(await stored(db)).toEqual([...FOUR, { row: 9, name: expect.stringMatching(/^Hà Văn Tốt/), card: null, unit: 'C70010101', level: null }]);
	});

	it('a tally typed into the name column, its counts and shares in the cell ("HTXSNV: 1 = 20%", "HTTNV 1 (20%)", several levels on one line, "Số đảng viên được xếp loại: 5") is no member; a member written without STT, birth or card still is', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'dem.csv', [
			...TITLE, HEAD, ...MEMBERS,
			['', 'Hà Văn Tốt', '', '', 'HTNV', 'HTNV', 'HTNV', '10/12/2024'],
			blank(),
			at(1, 'HTXSNV: 1 = 20%'),
			at(1, 'HTTNV 1 (20%)'),
			at(1, 'HTNV: 2 = 40%; KHTNV: 1 = 20%'),
			at(1, 'Không hoàn thành nhiệm vụ: 01 (20,0%)'),
			at(1, 'Số đảng viên được xếp loại: 5'),
			at(1, 'Đảng viên không xếp loại: 0')
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect(await stored(db)).toEqual([...FOUR, { row: 9, name: 'Hà Văn Tốt', card: null, unit: 'C70010101', level: 2 }]);
	});

	it('a signature in the name column ("BÍ THƯ CHI BỘ", "(Đã ký)", the signer) ends the list', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ky-ten.csv', [
			...TITLE, HEAD, ...MEMBERS, blank(), at(1, 'BÍ THƯ CHI BỘ'), blank(), at(1, '(Đã ký)'), at(1, 'Nguyễn Văn An')
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await stored(db)).toEqual(FOUR);
	});

	it('"T/M CHI BỘ" and "BÍ THƯ" under a level column, "Người lập biểu" beside them, the signers below: not refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const right = writeCsv(dir, 'ky-phai.csv', [
			...TITLE, HEAD, ...MEMBERS, blank(), at(6, 'T/M CHI BỘ'), at(6, 'BÍ THƯ'), at(6, '(Ký, ghi rõ họ tên)'), blank(), at(6, 'Nguyễn Văn An')
		]);
		const left = writeCsv(dir, 'ky-trai.csv', [
			...TITLE, HEAD, ...MEMBERS.map((m) => m.map((c) => (c === 'Bùi Thị Thư' ? 'Bùi Thị Thu' : c))), blank(),
			['', 'Người lập biểu', '', '', '', 'T/M CHI BỘ', '', ''], at(5, 'BÍ THƯ'), blank(), ['', 'Lê Thị Hoa', '', '', '', 'Nguyễn Văn An', '', '']
		]);
		const r = await ingest(db, [right, left]);
		expect(r.files.map((x) => [x.status, x.rowsStored])).toEqual([['loaded', 4], ['loaded', 4]]);
		expect(await db.one('select count(*)::int as n from rating where person_id in (select id from person where full_name = \'Lê Thị Hoa\')')).toEqual({ n: 0 });
	});

	// (explore20: the first was stored as a member, the second refused the file "Thiếu họ và tên")
	it('the decision under the list ("Ngày quyết định: 08/12/2024", "(Kèm theo Nghị quyết số 05-NQ/CB ngày 9/12/2024 …)"): no member; it dates a list with no date column, not one with', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = HEAD.slice(0, 7);
		const undated = MEMBERS.map((m) => m.slice(0, 7));
		const decided = async () => (await db.query<{ d: string | null }>(
			'select distinct cast(decided_on as varchar) as d from rating where source_file_id = (select max(id) from source_file)')).map((x) => x.d);
		for (const [line, on] of [['Ngày quyết định: 08/12/2024', '2024-12-08'], ['(Kèm theo Nghị quyết số 05-NQ/CB ngày 9/12/2024 của Chi bộ thôn 1)', '2024-12-09']]) {
			const r = await ingest(db, [writeCsv(dir, `qd-${on}.csv`, [...TITLE, head, ...undated, at(1, line, 7), at(5, 'T/M CHI BỘ', 7), at(5, 'BÍ THƯ', 7)])]);
			expect(r.files[0], line).toMatchObject({ status: 'loaded', rowsStored: 4 });
			expect(await decided(), line).toEqual([on]);
		}
		// (a date column wins: the footer dates only what nothing else does)
		const r = await ingest(db, [writeCsv(dir, 'qd-cot.csv', [...TITLE, HEAD, ...MEMBERS.map((m) => m.map((c) => (c === 'HTNV' ? 'HTTNV' : c))), at(1, 'Ngày quyết định: 08/12/2024')])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await decided()).toEqual(['2024-12-10']);
	});

	it('an agency head signing by title alone ("CHỦ TỊCH", "GIÁM ĐỐC", "HIỆU TRƯỞNG", "TRƯỞNG PHÒNG"), the signer below: not refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const files = ['CHỦ TỊCH', 'PHÓ GIÁM ĐỐC', 'HIỆU TRƯỞNG', 'Trưởng phòng'].map((title, i) =>
			writeCsv(dir, `ky-${i}.csv`, [...TITLE, HEAD, ...MEMBERS, blank(), at(6, title), blank(), at(6, 'Mạc Văn Hòa')])
		);
		const r = await ingest(db, files);
		expect(r.files.map((x) => [x.status, x.rowsStored])).toEqual(files.map(() => ['loaded', 4]));
		expect(await stored(db)).toEqual(FOUR);
	});

	it('a list without STT, birth or card: a member whose name reads like a total ("Công Thị Hoa") is a member', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'cong.csv', [...TITLE, ['Họ và tên', 'Xếp loại'], ['Công Thị Hoa', 'HTTNV'], ['Tống Văn Sơn', 'HTNV'], ['Tổng số: 2 đảng viên', '']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('loaded');
		expect((await stored(db)).map((x) => [x.name, x.level])).toEqual([['Công Thị Hoa', 3], ['Tống Văn Sơn', 2]]);
	});

	it('"Nơi nhận:" and the list under it end the list', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'noi-nhan.csv', [...TITLE, HEAD, ...MEMBERS, at(0, 'Nơi nhận:'), at(0, '- Đảng ủy xã;'), at(1, 'Lưu chi bộ')]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
	});

	it('XLSX: a total merged across the row and a signature block merged over the level columns', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('DS');
		for (const r of [...TITLE, HEAD, ...MEMBERS]) ws.addRow(r);
		ws.addRow(['Tổng cộng: 04 đồng chí']); // row 9
		ws.addRow([]);
		ws.addRow(['', 'NGƯỜI LẬP BIỂU', '', '', 'T/M CHI BỘ']); // row 11
		ws.addRow(['', '', '', '', 'BÍ THƯ']);
		ws.addRow([]);
		ws.addRow(['', 'Lê Thị Hoa', '', '', 'Nguyễn Văn An']); // row 14
		ws.mergeCells('A9:H9');
		ws.mergeCells('E11:G11');
		ws.mergeCells('E12:G12');
		ws.mergeCells('E14:G14');
		const path = join(dir, 'chan-trang.xlsx');
		await wb.xlsx.writeFile(path);
		const r = await ingest(db, [path]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await stored(db)).toEqual(FOUR);
	});
});

describe('section rows', () => {
	it('"Nhóm 1: …" rows (QĐ 366, groups of similar positions) give the group of the rows below, which R1 counts apart', async () => {
		const { db, dir } = await dbWithRegistry();
		const rows = (from: number, levels: string[]) => levels.map((l, i) => [String(from + i), `Đảng viên ${from + i}`, String(1960 + from + i), '80', l]);
		const f = writeCsv(dir, 'nhom.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Năm sinh', 'Điểm', 'Xếp loại'],
			['Nhóm 1: Đảng viên là cán bộ, công chức', '', '', '', ''],
			...rows(1, ['HTXSNV', 'HTTNV', 'HTTNV']),
			['Nhóm 2: Đảng viên khác', '', '', '', ''],
			...rows(4, ['HTXSNV', 'HTXSNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV', 'HTTNV'])
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 11 });
		expect(await db.query('select group_name as g, count(*)::int as n from rating group by 1 order by 1')).toEqual([
			{ g: 'Nhóm 1: Đảng viên là cán bộ, công chức', n: 3 },
			{ g: 'Nhóm 2: Đảng viên khác', n: 8 }
		]);
		// group 1: 1 HTXSNV with 2 HTTNV (fewer than 5: the one allowed, exempted); group 2: 2 with 6 (1 allowed): over by 1
		const run = await runAudit(db, { year: 2025, rules: ['excellent_cap'], signals: false });
		const chiBo = run.findings.filter((x) => x.unit_code === 'C70010101').sort((a, b) => a.status.localeCompare(b.status));
		expect(chiBo.map((x) => [x.status, (x.evidence as { excess?: number }).excess, x.message.includes('Nhóm 1') ? 1 : x.message.includes('Nhóm 2') ? 2 : 0]))
			.toEqual([['exempted', 0, 1], ['flagged', 1, 2]]);
	});

	it('"I. CHI BỘ THÔN 1" in the name column and "II | Thôn 2 (01 đảng viên)" give the unit below; group rows are dropped', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'muc.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Xếp loại'],
			['', 'I. CHI BỘ THÔN 1', '', '', ''],
			['', 'ĐẢNG VIÊN CHÍNH THỨC', '', '', ''],
			['1.', 'Nguyễn Văn An', '1970', '70012345', 'HTXSNV'],
			['', 'ĐẢNG VIÊN DỰ BỊ', '', '', ''],
			['a)', 'Trần Thị Bình', '1985', '70012346', 'HTTNV'],
			['II', 'Thôn 2 (01 đảng viên)', '', '', ''],
			['1', 'Lê Văn Cường', '1990', '70012347', 'HTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect((await stored(db)).map((x) => [x.row, x.name, x.unit])).toEqual([
			[6, 'Nguyễn Văn An', 'C70010101'],
			[8, 'Trần Thị Bình', 'C70010101'],
			[10, 'Lê Văn Cường', 'C70010102']
		]);
	});

	it('a roster\'s "ĐẢNG VIÊN DỰ BỊ" section: its members are probationary, until the next unit\'s section; a status cell still wins', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Tình trạng'],
			['I', 'CHI BỘ THÔN 1', '', '', ''],
			['', 'ĐẢNG VIÊN CHÍNH THỨC', '', '', ''],
			['1', 'Nguyễn Văn An', '1970', '', ''],
			['', 'ĐẢNG VIÊN DỰ BỊ', '', '', ''],
			['2', 'Trần Thị Bình', '1985', '', ''],
			['3', 'Phạm Văn Dũng', '1999', '', 'Miễn sinh hoạt'],
			['II', 'CHI BỘ THÔN 2', '', '', ''],
			['1', 'Lê Văn Cường', '1990', '', '']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 4 });
		expect(await db.query(`select p.full_name as name, u.code as unit, m.status from membership m join person p on p.id = m.person_id join unit u on u.id = m.unit_id order by m.source_row`)).toEqual([
			{ name: 'Nguyễn Văn An', unit: 'C70010101', status: 'official' },
			{ name: 'Trần Thị Bình', unit: 'C70010101', status: 'probationary' },
			{ name: 'Phạm Văn Dũng', unit: 'C70010101', status: 'exempt' },
			{ name: 'Lê Văn Cường', unit: 'C70010102', status: 'official' }
		]);
	});

	it('XLSX: section rows merged across the row, numbered or plain, right under the header', async () => {
		const { db, dir } = await dbWithRegistry();
		for (const [name, s1, s2] of [['so.xlsx', 'I. CHI BỘ THÔN 1', 'II. CHI BỘ THÔN 2'], ['tron.xlsx', 'Chi bộ thôn 1', 'Chi bộ thôn 2']]) {
			const wb = new ExcelJS.Workbook();
			const ws = wb.addWorksheet('DS');
			for (const r of [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Đảng ủy quyết định'],
				[s1], [1, 'Nguyễn Văn An', 1970, '70012345', 'HTXSNV'], [2, 'Trần Thị Bình', 1985, '70012346', 'HTTNV'], [s2], [3, 'Lê Văn Cường', 1990, '70012347', 'HTNV']])
				ws.addRow(r);
			ws.mergeCells('A4:E4');
			ws.mergeCells('A7:E7');
			const path = join(dir, name);
			await wb.xlsx.writeFile(path);
			const r = await ingest(db, [path]);
			expect(r.files[0], name).toMatchObject({ status: 'loaded', rowsStored: 3 });
			expect((await stored(db)).map((x) => [x.row, x.unit]), name).toEqual([[5, 'C70010101'], [6, 'C70010101'], [8, 'C70010102']]);
		}
	});
});

describe('sections numbered by letters or Roman numerals', () => {
	it('group rows ("A | Đảng viên đang công tác") are dropped, not members', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nhom.csv', [
			...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'],
			['A', 'Đảng viên đang công tác', '', ''],
			['1', 'Nguyễn Văn An', '1970', 'HTTNV'],
			['B', 'Đảng viên nghỉ hưu', '', ''],
			['2', 'Trần Văn Bảo', '1950', 'HTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect((await stored(db)).map((x) => [x.row, x.name, x.level])).toEqual([[6, 'Nguyễn Văn An', 3], [8, 'Trần Văn Bảo', 2]]);
	});

	it('people numbered by letters with only a reason they were not rated are people, not sections', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'khong-xep-loai.csv', [
			...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Lý do không xếp loại'],
			['I', 'Đảng viên được xếp loại', '', '', ''],
			['1', 'Nguyễn Văn An', '1970', 'HTTNV', ''],
			['II', 'Đảng viên không xếp loại', '', '', ''],
			['a', 'Lê Văn Cường', '', '', 'Miễn công tác và sinh hoạt đảng'],
			['b', 'Phạm Thị Dung', '', '', 'Mới kết nạp dưới 6 tháng']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect((await stored(db)).map((x) => [x.name, x.level])).toEqual([['Nguyễn Văn An', 3], ['Lê Văn Cường', null], ['Phạm Thị Dung', null]]);
	});

	it('"I. XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN" then "II. XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ": members, then leaders (the Bí thư in both is rated twice, no duplicate)', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'hai-phan.csv', [
			...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại'],
			['I. XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN', '', '', '', ''],
			['1', 'Nguyễn Văn An', '1970', 'Bí thư chi bộ', 'HTTNV'],
			['2', 'Trần Văn Bảo', '1980', 'Đảng viên', 'HTNV'],
			['II. XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ', '', '', '', ''],
			['1', 'Nguyễn Văn An', '1970', 'Bí thư chi bộ', 'HTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query(`select r.source_row as row, p.full_name as name, r.subject_kind as kind, r.final_level as level
			from rating r join person p on p.id = r.person_id order by 1`)).toEqual([
			{ row: 6, name: 'Nguyễn Văn An', kind: 'member', level: 3 },
			{ row: 7, name: 'Trần Văn Bảo', kind: 'member', level: 2 },
			{ row: 9, name: 'Nguyễn Văn An', kind: 'leader', level: 2 }
		]);
		expect(await db.one('select count(*)::int as n from person')).toEqual({ n: 2 });
	});

	it('a đảng bộ\'s list: chi bộ sections, then "II. XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ": the leaders are the đảng bộ\'s, not the last chi bộ\'s; a bare "Lãnh đạo, quản lý" group is no subject', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'db.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại'],
			['I', 'XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN', '', '', ''],
			['1', 'Chi bộ thôn 1', '', '', ''],
			['1', 'Trần Văn Bảo', '1980', 'Đảng viên', 'HTNV'],
			['2', 'Chi bộ thôn 2', '', '', ''],
			['a', 'Lãnh đạo, quản lý', '', '', ''],
			['1', 'Lê Văn Cường', '1975', 'Trưởng thôn', 'HTTNV'],
			['II', 'XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ', '', '', ''],
			['1', 'Nguyễn Văn An', '1970', 'Bí thư Đảng ủy', 'HTTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0], JSON.stringify(r.files[0].errors)).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query(`select p.full_name as name, r.subject_kind as kind, u.code as unit from rating r join person p on p.id = r.person_id
			join unit u on u.id = r.unit_id order by r.source_row`)).toEqual([
			{ name: 'Trần Văn Bảo', kind: 'member', unit: 'C70010101' },
			{ name: 'Lê Văn Cường', kind: 'member', unit: 'C70010102' },
			{ name: 'Nguyễn Văn An', kind: 'leader', unit: 'X700101' }
		]);
	});

	it('a civil-servant list sectioned by agency ("I | Văn phòng HĐND và UBND xã"): the agency of the rows below, no person', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'cong-chuc.csv', [
			['ỦY BAN NHÂN DÂN XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại'],
			['I', 'Văn phòng HĐND và UBND xã', '', '', ''],
			['1', 'Nguyễn Văn An', '1970', 'Chánh Văn phòng', 'Hoàn thành tốt nhiệm vụ'],
			['2', 'Trần Thị Bình', '1985', 'Chuyên viên', 'Hoàn thành nhiệm vụ'],
			['II', 'Phòng Kinh tế', '', '', ''],
			['1', 'Lê Văn Cường', '1990', 'Trưởng phòng', 'Hoàn thành tốt nhiệm vụ']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 3 });
		const rows = await db.query<{ name: string; agency: string }>(
			'select p.full_name as name, r.agency from rating r join person p on p.id = r.person_id order by r.source_row'
		);
		expect(rows).toEqual([
			{ name: 'Nguyễn Văn An', agency: 'Văn phòng HĐND và UBND xã' },
			{ name: 'Trần Thị Bình', agency: 'Văn phòng HĐND và UBND xã' },
			{ name: 'Lê Văn Cường', agency: 'Phòng Kinh tế' }
		]);
	});

	it('a civil-servant list\'s rows naming a category of staff ("I | LÃNH ĐẠO SỞ", "II. TRƯỞNG, PHÓ PHÒNG VÀ TƯƠNG ĐƯƠNG", "Công chức chuyên môn, nghiệp vụ" unnumbered) give the "Nhóm" of the rows below: no agency, no person', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nhom-cc.csv', [
			['UBND TỈNH BÌNH PHƯỚC'], ['SỞ TÀI CHÍNH'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC NĂM 2026'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Điểm', 'Xếp loại'],
			['I', 'LÃNH ĐẠO SỞ', '', '', '', ''],
			['1', 'Nguyễn Văn An', '12/05/1970', 'Giám đốc', '93', 'HTXSNV'],
			['', 'II. TRƯỞNG, PHÓ PHÒNG VÀ TƯƠNG ĐƯƠNG', '', '', '', ''],
			['2', 'Trần Thị Bình', '03/02/1975', 'Chánh Văn phòng', '88', 'HTTNV'],
			['', 'Công chức chuyên môn, nghiệp vụ', '', '', '', ''],
			['3', 'Lê Văn Cường', '01/01/1990', 'Chuyên viên', '80', 'HTTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 3 });
		expect(await db.query('select p.full_name as name, r.group_name as g, r.agency from rating r join person p on p.id = r.person_id order by r.source_row')).toEqual([
			{ name: 'Nguyễn Văn An', g: 'LÃNH ĐẠO SỞ', agency: 'UBND TỈNH BÌNH PHƯỚC / SỞ TÀI CHÍNH' },
			{ name: 'Trần Thị Bình', g: 'TRƯỞNG, PHÓ PHÒNG VÀ TƯƠNG ĐƯƠNG', agency: 'UBND TỈNH BÌNH PHƯỚC / SỞ TÀI CHÍNH' },
			{ name: 'Lê Văn Cường', g: 'Công chức chuyên môn, nghiệp vụ', agency: 'UBND TỈNH BÌNH PHƯỚC / SỞ TÀI CHÍNH' }
		]);
	});

	it('… while a school\'s section ("I | TRƯỜNG THCS ĐOÀN KẾT", its first word folding as "Trưởng" does) stays the agency of the rows below, its "Cán bộ quản lý" / "Giáo viên" rows their groups', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'truong.csv', [
			['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN BÙ ĐĂNG'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI VIÊN CHỨC NĂM HỌC 2023-2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Xếp loại'],
			['I', 'TRƯỜNG THCS ĐOÀN KẾT', '', '', ''],
			['', 'Cán bộ quản lý', '', '', ''],
			['1', 'Nguyễn Văn An', '12/05/1970', 'Hiệu trưởng', 'HTTNV'],
			['', 'Giáo viên', '', '', ''],
			['2', 'Trần Thị Bình', '03/02/1985', 'Giáo viên', 'HTXSNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select r.group_name as g, r.agency, u.code from rating r join unit u on u.id = r.agency_unit_id order by r.source_row')).toEqual([
			{ g: 'Cán bộ quản lý', agency: 'TRƯỜNG THCS ĐOÀN KẾT', code: 'C70010301' },
			{ g: 'Giáo viên', agency: 'TRƯỜNG THCS ĐOÀN KẾT', code: 'C70010301' }
		]);
	});
});

describe('CSV quirks', () => {
	it('header cells typed over two lines (Alt+Enter), with or without BOM, and a title cell over two lines', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và\ntên', 'Ngày\nsinh', 'Số thẻ\nđảng viên', 'Tự xếp\nloại', 'Chi bộ\nđề xuất', 'Đảng ủy\nquyết định', 'Ngày\nquyết định'];
		const a = writeCsv(dir, 'xuong-dong.csv', [...TITLE, head, ...MEMBERS], { bom: true });
		const b = writeCsv(dir, 'xuong-dong-khong-bom.csv', [...TITLE, head, ...MEMBERS.slice(0, 3)]);
		const c = writeCsv(dir, 'tieu-de.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT\nCHI BỘ THÔN 1'], [TITLE[2][0]], HEAD, ...MEMBERS.slice(0, 2)]);
		const r = await ingest(db, [a, b, c]);
		expect(r.files.map((x) => [x.kind, x.status, x.rowsStored])).toEqual([['rating', 'loaded', 4], ['rating', 'loaded', 3], ['rating', 'loaded', 2]]);
		// rows are counted as Excel shows them: one per record
		expect(await db.query(`select f.file_name, min(r.source_row)::int as first, count(*)::int as n, min(u.code) as unit
			from rating r join source_file f on f.id = r.source_file_id join unit u on u.id = r.unit_id group by 1 order by 1`)).toEqual([
			{ file_name: 'tieu-de.csv', first: 4, n: 2, unit: 'C70010101' },
			{ file_name: 'xuong-dong-khong-bom.csv', first: 5, n: 3, unit: 'C70010101' },
			{ file_name: 'xuong-dong.csv', first: 5, n: 4, unit: 'C70010101' }
		]);
	});

	it('a header and no data row (or only a footer) is refused, nothing stored', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const a = writeCsv(dir, 'chi-tieu-de.csv', [...TITLE, HEAD]);
		const b = writeCsv(dir, 'chi-chan-trang.csv', [...TITLE, HEAD, at(1, 'Tổng cộng: 0'), at(5, 'T/M CHI BỘ')]);
		const r = await ingest(db, [a, b]);
		for (const x of r.files) {
			expect(x.status).toBe('refused');
			expect(x.message).toMatch(/chi-(tieu-de|chan-trang)\.csv: Không có dòng dữ liệu nào dưới dòng tiêu đề cột \(dòng 4\)/);
		}
		expect(await counts(db)).toEqual(before);
	});
});

describe('workbooks', () => {
	async function book(path: string, extra: (wb: ExcelJS.Workbook) => void): Promise<string> {
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('DS');
		for (const r of [...TITLE, HEAD, ...MEMBERS]) ws.addRow(r);
		extra(wb);
		await wb.xlsx.writeFile(path);
		return path;
	}

	it('a hidden sheet of dropdown values and a summary sheet are skipped with a warning', async () => {
		const { db, dir } = await dbWithRegistry();
		const hidden = await book(join(dir, 'an.xlsx'), (wb) => {
			const dm = wb.addWorksheet('DM', { state: 'hidden' });
			for (const r of [['Chi bộ', 'Mức xếp loại'], ['Chi bộ thôn 1', 'Hoàn thành xuất sắc nhiệm vụ'], ['Chi bộ thôn 2', 'Hoàn thành tốt nhiệm vụ']]) dm.addRow(r);
		});
		const summary = await book(join(dir, 'tong-hop.xlsx'), (wb) => {
			const th = wb.addWorksheet('Tổng hợp');
			for (const r of [['BIỂU TỔNG HỢP KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Chi bộ', 'Tổng số đảng viên', 'Số được xếp loại', 'Hoàn thành xuất sắc nhiệm vụ'], [1, 'Chi bộ thôn 1', 4, 4, 1]])
				th.addRow(r);
		});
		const r = await ingest(db, [hidden, summary]);
		expect(r.files.map((x) => [x.status, x.rowsStored])).toEqual([['loaded', 4], ['loaded', 4]]);
		expect(r.files[0].warnings.join(' ')).toMatch(/Bỏ qua trang tính ẩn: DM/);
		expect(r.files[1].warnings.join(' ')).toMatch(/Bỏ qua trang tính tổng hợp: Tổng hợp/);
	});

	it('cards typed as numbers keep the zeros of their number format', async () => {
		const { db, dir } = await dbWithRegistry();
		const path = await book(join(dir, 'so.xlsx'), (wb) => {
			const ws = wb.getWorksheet('DS')!;
			const card = (row: number, v: number, fmt: string) => {
				const c = ws.getRow(row).getCell(4);
				c.value = v;
				c.numFmt = fmt;
			};
			card(5, 70.01234, '00.000000');
			card(6, 1234560, '00000000');
			card(7, 70012347, '0');
		});
		const r = await ingest(db, [path]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect((await stored(db)).map((x) => x.card)).toEqual(['70012340', '01234560', '70012347', null]);
	});

	it('a score shown rounded by a "0" format keeps its value (89,6 is no 90 for R9)', async () => {
		const { db, dir } = await dbWithRegistry();
		const path = await book(join(dir, 'diem.xlsx'), (wb) => {
			const ws = wb.getWorksheet('DS')!;
			ws.getRow(4).getCell(9).value = 'Tổng điểm';
			for (const row of [5, 6, 7, 8]) {
				const c = ws.getRow(row).getCell(9);
				c.value = 89.6;
				c.numFmt = '0';
			}
		});
		const r = await ingest(db, [path]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await db.query('select distinct score from rating where score is not null')).toEqual([{ score: 89.6 }]);
	});
	it('a year typed into a date-formatted "Năm sinh" cell is the year (Excel shows 07/06/1905), in either date system', async () => {
		const { db, dir } = await dbWithRegistry();
		const typed = (date1904: boolean) =>
			book(join(dir, `nam-sinh-${date1904}.xlsx`), (wb) => {
				wb.properties.date1904 = date1904;
				const c = wb.getWorksheet('DS')!.getRow(6).getCell(3);
				// what Excel stores for 1985 typed into the cell: day 1985 of the workbook's calendar
				c.value = new Date((date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30)) + 1985 * 86_400_000);
				c.numFmt = 'dd/mm/yyyy';
				const real = wb.getWorksheet('DS')!.getRow(7).getCell(3);
				real.value = new Date(Date.UTC(1990, 0, 1));
				real.numFmt = 'dd/mm/yyyy';
			});
		for (const f of [await typed(false), await typed(true)]) {
			const r = await ingest(db, [f]);
			expect(r.files[0]).toMatchObject({ status: 'loaded' });
			const births = await db.query<{ name: string; bd: string | null; by: number | null }>(
				`select p.full_name as name, strftime(p.birth_date, '%d/%m/%Y') as bd, p.birth_year as by
				 from rating r join person p on p.id = r.person_id
				 where r.source_file_id = (select max(id) from source_file) and r.source_row in (6, 7) order by r.source_row`
			);
			expect(births).toEqual([
				{ name: 'Trần Thị Bình', bd: null, by: 1985 },
				{ name: 'Lê Văn Cường', bd: '01/01/1990', by: 1990 }
			]);
		}
	});
});

describe('levels marked "x"', () => {
	const sub = (names: string[]) => ['', '', '', '', ...names, ''];
	const marked = [
		['1', 'Nguyễn Văn An', '12/05/1970', '70012345', 'x', '', '', '', ''],
		['2', 'Trần Thị Bình', '1985', '70012346', '', 'X', '', '', ''],
		['3', 'Lê Văn Cường', '01/01/1990', '70012347', '', '', 'x', '', ''],
		['4', 'Bùi Thị Thư', '02/03/1998', '', '', '', '', 'x', '']
	];
	const head = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Kết quả xếp loại', '', '', '', 'Ghi chú'];

	it('CSV: one column per level under one group header, short, long or abbreviated names', async () => {
		const { db, dir } = await dbWithRegistry();
		for (const names of [['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'], ['Hoàn thành xuất sắc nhiệm vụ', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành nhiệm vụ', 'Không hoàn thành nhiệm vụ'],
			// (abbreviated as the level cells may be: read by the same key)
			['Hoàn thành XS NV', 'Hoàn thành tốt NV', 'Hoàn thành NV', 'Không hoàn thành NV']]) {
			const r = await ingest(db, [writeCsv(dir, `x-${names[0].length}.csv`, [...TITLE, head, sub(names), ...marked])]);
			expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
			expect((await stored(db)).map((x) => [x.row, x.level])).toEqual([[6, 4], [7, 3], [8, 2], [9, 1]]);
		}
	});

	it('a flat header naming the levels itself ("… | Điểm | HTXSNV | HTTNV | HTNV | KHTNV"), with a score', async () => {
		const { db, dir } = await dbWithRegistry();
		const flat = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Điểm'];
		const r = await ingest(db, [writeCsv(dir, 'phang.csv', [...TITLE, flat, ...marked.map((m, i) => [...m.slice(0, 8), String(95 - 15 * i)])])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect((await stored(db)).map((x) => [x.row, x.level])).toEqual([[5, 4], [6, 3], [7, 2], [8, 1]]);
	});

	it('XLSX: the group cell merged over the level columns; two marks on one row are refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('DS');
		const rows = [...TITLE, head, ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Ghi chú'], ...marked];
		rows[rows.length - 1] = ['4', 'Bùi Thị Thư', '02/03/1998', '', '', '', 'x', 'x', ''];
		for (const r of rows) ws.addRow(r);
		ws.mergeCells('E4:H4');
		const path = join(dir, 'x.xlsx');
		await wb.xlsx.writeFile(path);
		const r = await ingest(db, [path]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors).toEqual([expect.objectContaining({ file: 'x.xlsx', row: 9, column: 'Kết quả xếp loại', value: 'HTNV + KHTNV' })]);
	});
});
