// Bad input: every refused row names file, row, column, value and why, in Vietnamese; a file with
// any refused row is refused whole and nothing already stored changes; files that are not CSV/XLSX,
// empty, protected or too large are refused with a message; no input crashes the process.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatRowError } from '../../../src/lib/server/ingest/errors';
import { writeCsv } from '../../helpers/files';
import { counts, dbWithRegistry, ingest } from '../../helpers/ingest-db';

const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Xếp loại', 'Ngày quyết định'];
const GOOD = ['1', 'Nguyễn Văn An', '12/05/1970', 'C70010101', 'HTTNV', '05/12/2022'];

describe('refused rows', () => {
	it.each([
		['unknown level', ['2', 'Trần Văn Bảo', '1970', 'C70010101', 'Khá', '05/12/2022'], 'Xếp loại', 'Khá', /Mức xếp loại không hợp lệ/],
		['missing name', ['2', '', '1970', 'C70010101', 'HTTNV', '05/12/2022'], 'Họ và tên', '', /Thiếu họ và tên/],
		['impossible date', ['2', 'Trần Văn Bảo', '1970', 'C70010101', 'HTTNV', '31/02/2022'], 'Ngày quyết định', '31/02/2022', /Ngày quyết định không hợp lệ/],
		['impossible birth date', ['2', 'Trần Văn Bảo', '30/13/1970', 'C70010101', 'HTTNV', '05/12/2022'], 'Ngày sinh', '30/13/1970', /Ngày sinh không hợp lệ/],
		['duplicate person', ['2', 'Nguyễn Văn An', '12/05/1970', 'C70010101', 'HTNV', '05/12/2022'], 'Họ và tên', 'Nguyễn Văn An', /Trùng người trong cùng danh sách \(dòng 3\): cùng họ tên .*ghi số thẻ đảng viên/],
		['duplicate person, the birth written another way', ['2', 'Nguyễn Văn An', '12.5.1970 ', 'C70010101', 'HTNV', '05/12/2022'], 'Họ và tên', 'Nguyễn Văn An', /Trùng người trong cùng danh sách \(dòng 3\)/],
		['unknown unit', ['2', 'Trần Văn Bảo', '1970', 'C99999999', 'HTTNV', '05/12/2022'], 'Mã đơn vị', 'C99999999', /Không có đơn vị này trong danh mục/]
	])('%s: the file is refused, the row named, nothing stored', async (_case, bad, column, value, message) => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const f = writeCsv(dir, 'ds.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, GOOD, bad]);
		const r = await ingest(db, [f]);
		const rep = r.files[0];
		expect(rep.status).toBe('refused');
		expect(rep.errors).toHaveLength(1);
		expect(rep.errors[0]).toMatchObject({ file: 'ds.csv', row: 4, column, value });
		expect(rep.errors[0].message).toMatch(message);
		expect(formatRowError(rep.errors[0])).toMatch(/^ds\.csv, dòng 4, cột "/);
		expect(await counts(db)).toEqual(before);
	});

	it('a card number twice in one list: the value shown is the card as the file writes it ("70 013 001"), in a rating list and a roster', async () => {
		const { db, dir } = await dbWithRegistry();
		const rating = await ingest(db, [writeCsv(dir, 'xl.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Xếp loại'],
			['1', 'Lê Thị Mai', '1970', '70013001', 'C70010101', 'HTTNV'], ['2', 'Lê Văn Nam', '1972', '70 013 001', 'C70010101', 'HTTNV']])]);
		expect(rating.files[0].errors).toMatchObject([{ row: 4, column: 'Số thẻ đảng viên', value: '70 013 001', message: expect.stringMatching(/^Trùng người trong cùng danh sách \(dòng 3\): cùng số thẻ/) }]);
		const roster = await ingest(db, [writeCsv(dir, 'ds.csv', [['DANH SÁCH ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Tình trạng'],
			['1', 'Lê Thị Mai', '1970', '70013001', 'C70010101', 'Chính thức'], ['2', 'Lê Văn Nam', '1972', '70.013.001', 'C70010101', 'Chính thức']])]);
		expect(roster.files[0].errors).toMatchObject([{ row: 4, column: 'Số thẻ đảng viên', value: '70.013.001' }]);
		// a placeholder in the card cell ("-") is no card: the name is the value shown
		const dash = await ingest(db, [writeCsv(dir, 'xl2.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Xếp loại'],
			['1', 'Lê Thị Mai', '1970', '-', 'C70010101', 'HTTNV'], ['2', 'Lê Thị Mai', '1970', '-', 'C70010101', 'HTTNV']])]);
		expect(dash.files[0].errors).toMatchObject([{ row: 4, column: 'Họ và tên', value: 'Lê Thị Mai' }]);
	});

	it('a year column against the title’s year (last year’s template, this year’s title), or --year: refused naming the row and the two years; the same year stands', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const head = ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Năm', 'Xếp loại'];
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], head,
			['1', 'Lê Thị Mai', '1970', 'C70010101', '2025', 'HTTNV'], ['2', 'Lê Văn Nam', '1972', 'C70010101', '2024', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'refused' });
		expect(r.files[0].errors).toMatchObject([{ row: 4, column: 'Năm', value: '2024', message: expect.stringMatching(/^Năm 2024 của dòng khác năm 2025 ở tiêu đề/) }]);
		const cli = await ingest(db, [writeCsv(dir, 'xl2.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN'], head, ['1', 'Lê Thị Mai', '1970', 'C70010101', '2024', 'HTTNV']])], { year: 2025 });
		expect(cli.files[0].errors).toMatchObject([{ row: 3, column: 'Năm', value: '2024' }]);
		// the year in a period cell beside a Năm cell: that cell is named
		const both = await ingest(db, [writeCsv(dir, 'xl4.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], [...head.slice(0, 5), 'Kỳ đánh giá', 'Xếp loại'],
			['1', 'Lê Thị Mai', '1970', 'C70010101', '2025', 'Quý II/2024', 'HTTNV']])]);
		expect(both.files[0].errors).toMatchObject([{ row: 3, column: 'Kỳ đánh giá', value: 'Quý II/2024', message: expect.stringMatching(/^Năm 2024 của dòng khác năm 2025/) }]);
		expect(await counts(db)).toEqual(before);
		const same = await ingest(db, [writeCsv(dir, 'xl3.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], head, ['1', 'Lê Thị Mai', '1970', 'C70010101', '2025', 'HTTNV']])]);
		expect(same.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
	});

	it('a period column against the quarter the title names (last quarter’s template): refused naming the row and both; the same quarter stands', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Kỳ đánh giá', 'Xếp loại'];
		const r = await ingest(db, [writeCsv(dir, 'q3.csv', [['KẾT QUẢ ĐÁNH GIÁ ĐẢNG VIÊN QUÝ III NĂM 2025'], head,
			['1', 'Lê Thị Mai', '1970', 'C70010101', 'Quý III', 'HTTNV'], ['2', 'Lê Văn Nam', '1972', 'C70010101', 'Quý II', 'HTTNV'], ['3', 'Lê Văn Bảy', '1973', 'C70010101', 'Năm', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'refused' });
		expect(r.files[0].errors).toMatchObject([
			{ row: 4, column: 'Kỳ đánh giá', value: 'Quý II', message: 'Kỳ "Quý II" của dòng khác kỳ quý III ở tiêu đề danh sách (hoặc --period): sửa cột hoặc tiêu đề cho đúng kỳ đánh giá.' },
			{ row: 5, column: 'Kỳ đánh giá', value: 'Năm' }
		]);
		const same = await ingest(db, [writeCsv(dir, 'q3b.csv', [['KẾT QUẢ ĐÁNH GIÁ ĐẢNG VIÊN QUÝ III NĂM 2025'], head, ['1', 'Lê Thị Mai', '1970', 'C70010101', 'Quý 3', 'HTTNV']])]);
		expect(same.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await db.query('select period_kind, period_no from rating')).toEqual([{ period_kind: 'quarter', period_no: 3 }]);
	});

	it('a list of organisations and their collectives (read as two parts) names each refused row once for each cause', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'tcd_tt.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN PHÚ'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG, TẬP THỂ CHI ỦY NĂM 2024'], [''],
			['STT', 'Tên tổ chức đảng', 'Xếp loại tổ chức đảng', 'Xếp loại tập thể lãnh đạo'],
			['1', 'Chi bộ Trường THCS Đoàn Kết', 'HTTNV', 'HTTNV'],
			['2', 'Chi bộ thôn Bàu Sen', 'HTTNV', 'HTNV'],
			['3', 'Chi bộ thôn 2', 'Khá', 'Khá']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'refused', errorCount: 4 });
		// the title's đảng bộ and the unknown chi bộ: both parts find them, each said once; the two
		// levels of row 7 are two causes
		expect(r.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([
			[1, 'Tiêu đề', 'ĐẢNG BỘ XÃ ĐOÀN PHÚ'],
			[6, 'Tên tổ chức đảng', 'Chi bộ thôn Bàu Sen'],
			[7, 'Xếp loại tổ chức đảng', 'Khá'],
			[7, 'Xếp loại tập thể lãnh đạo', 'Khá']
		]);
	});

	it('a roster naming one member twice, the birth written two ways, is refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['DANH SÁCH ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Tình trạng'],
			['1', 'Lê Thị Mai', '05/03/1970', 'C70010101', 'Chính thức'], ['2', 'Lê Thị Mai', '5.3.1970', 'C70010101', 'Chính thức']])]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'refused' });
		expect(r.files[0].errors).toMatchObject([{ row: 4, column: 'Họ và tên', message: expect.stringMatching(/Trùng người trong cùng danh sách \(dòng 3\)/) }]);
		expect(await counts(db)).toEqual(before);
	});

	it('a nameless row in a member list without an "Đối tượng" column is a missing name, not an organisation', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [HEAD, GOOD, ['2', '', '', 'C70010101', 'HTTNV', '05/12/2022']]);
		const r = await ingest(db, [f], { year: 2022 });
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ row: 3, column: 'Họ và tên' });
		expect(r.files[0].errors[0].message).toMatch(/Thiếu họ và tên/);
	});

	it('a unit outside the caller\'s scope is refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [HEAD, [...GOOD.slice(0, 3), 'C70010201', 'HTTNV', '05/12/2022']]);
		const r = await ingest(db, [f], { year: 2022, scope: 'X700101' });
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0].message).toMatch(/ngoài phạm vi quản lý/);
	});

	it('a unit outside the caller\'s scope named by name, in a column or the title, is refused as outside the scope (not as missing from the registry)', async () => {
		const { db, dir } = await dbWithRegistry();
		const byColumn = await ingest(db, [writeCsv(dir, 'a.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ Trường THCS Đoàn Kết', 'HTTNV']])], { scope: 'X700101' });
		expect(byColumn.files[0].errors).toMatchObject([{ row: 3, column: 'Chi bộ', value: 'Chi bộ Trường THCS Đoàn Kết', message: 'Đơn vị "Chi bộ Trường THCS Đoàn Kết" nằm ngoài phạm vi quản lý của người nạp.' }]);
		const byTitle = await ingest(db, [writeCsv(dir, 'b.csv', [['CHI BỘ TRƯỜNG THCS ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'HTTNV']])], { scope: 'X700101' });
		expect(byTitle.files[0].status).toBe('refused');
		expect(byTitle.files[0].errors[0].message).toMatch(/nằm ngoài phạm vi quản lý của người nạp/);
		// a name the registry has nowhere is still told so
		const nowhere = await ingest(db, [writeCsv(dir, 'c.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 9', 'HTTNV']])], { scope: 'X700101' });
		expect(nowhere.files[0].errors[0].message).toMatch(/^Không có đơn vị này trong danh mục/);
		// a name several units bear outside the scope ("Chi bộ thôn 1" of two communes; scope: the chi bộ cơ sở): maybe missing here, not outside
		const common = await ingest(db, [writeCsv(dir, 'd.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'HTTNV']])], { scope: 'C70010301' });
		expect(common.files[0].errors[0].message).toMatch(/^Không có đơn vị này trong danh mục.*\(2 đơn vị cùng tên ở ngoài phạm vi quản lý của người nạp\.\)$/);
	});

	it('an ambiguous unit name (two "Chi bộ thôn 1") is refused unless the title narrows it', async () => {
		const { db, dir } = await dbWithRegistry();
		const rows = [['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'], ['1', 'A', '1970', 'Chi bộ thôn 1', 'HTT']];
		const r = await ingest(db, [writeCsv(dir, 'a.csv', rows)], { year: 2022 });
		expect(r.files[0].errors[0].message).toMatch(/trùng với 2 đơn vị/);
		const r2 = await ingest(db, [writeCsv(dir, 'b.csv', [['ĐẢNG BỘ XÃ MINH HƯNG'], ...rows])], { year: 2022 });
		expect(r2.files[0].status).toBe('loaded');
		expect(await db.one('select u.code from rating r join unit u on u.id = r.unit_id')).toEqual({ code: 'C70010201' });
	});

	it('no year anywhere: refused with how to give one', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'x.csv', [HEAD, GOOD])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0].message).toMatch(/--year/);
	});
});

describe('refused files', () => {
	it.each([
		['empty', Buffer.alloc(0), /Tệp rỗng/],
		['binary', Buffer.from([0x00, 0x01, 0x02, 0x03, 0x00, 0xff, 0x10, 0x00]), /không phải CSV hoặc Excel/],
		['password-protected / legacy .xls', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]), /mật khẩu/],
		['PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'), /PDF/],
		['broken XLSX', Buffer.from('PK\u0003\u0004 not really a zip'), /Không đọc được tệp Excel/]
	])('%s', async (_name, bytes, message) => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const f = join(dir, 'f.bin');
		writeFileSync(f, bytes);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toMatch(message);
		expect(await counts(db)).toEqual(before);
	});

	it('an Excel 97–2003 workbook named .xls is said to be the old format, to save as .xlsx; the same bytes named .xlsx (a password-encrypted workbook) speak of the password', async () => {
		const { db, dir } = await dbWithRegistry();
		const ole2 = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)]);
		writeFileSync(join(dir, 'DS xep loai thon 1 2024.xls'), ole2);
		writeFileSync(join(dir, 'DS xep loai thon 2 2024.xlsx'), ole2);
		const r = await ingest(db, [join(dir, 'DS xep loai thon 1 2024.xls'), join(dir, 'DS xep loai thon 2 2024.xlsx')]);
		expect(r.files.map((f) => f.status)).toEqual(['refused', 'refused']);
		expect(r.files[0].message).toMatch(/định dạng Excel cũ \(\.xls\).*Lưu thành.*\.xlsx/);
		expect(r.files[0].message).not.toMatch(/mật khẩu/);
		expect(r.files[1].message).toMatch(/mật khẩu/);
	});

	it('a PDF is refused as a PDF (CSV or XLSX only): named .pdf whatever its bytes, or with bytes before its %PDF marker', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		// a PDF cut short or from a tool that does not start it at byte 0; a PDF with some junk before it
		writeFileSync(join(dir, 'Bao cao ket qua xep loai.pdf'), 'PDF-1.4 cut short');
		writeFileSync(join(dir, 'danh-sach.bin'), Buffer.concat([Buffer.from('\r\n\r\n'), Buffer.from('%PDF-1.5\n%âãÏÓ\n1 0 obj')]));
		const r = await ingest(db, [join(dir, 'Bao cao ket qua xep loai.pdf'), join(dir, 'danh-sach.bin')]);
		expect(r.files.map((f) => [f.status, f.message?.replace(/^.*?: /, '')])).toEqual([
			['refused', 'Tệp PDF không nạp được: Giám Sát chỉ nhận danh sách dạng CSV hoặc Excel (.xlsx).'],
			['refused', 'Tệp PDF không nạp được: Giám Sát chỉ nhận danh sách dạng CSV hoặc Excel (.xlsx).']
		]);
		expect(await counts(db)).toEqual(before);
	});

	it('a missing path is refused, and the other files of the batch still load', async () => {
		const { db, dir } = await dbWithRegistry();
		const ok = writeCsv(dir, 'ok.csv', [HEAD, GOOD]);
		const r = await ingest(db, [join(dir, 'khong-co.csv'), ok], { year: 2022 });
		expect(r.files.map((f) => f.status).sort()).toEqual(['loaded', 'refused']);
		expect(r.files.find((f) => f.status === 'refused')?.message).toMatch(/Không tìm thấy tệp/);
	});

	it('a file over the size limit is refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		process.env.GIAMSAT_MAX_CSV_MB = '0.0001';
		try {
			const f = writeCsv(dir, 'big.csv', [HEAD, ...Array.from({ length: 50 }, (_, i) => [String(i), `Người ${i}`, '1970', 'C70010101', 'HTT', '05/12/2022'])]);
			const r = await ingest(db, [f], { year: 2022 });
			expect(r.files[0].status).toBe('refused');
			expect(r.files[0].message).toMatch(/Tệp quá lớn/);
			expect(await counts(db)).toEqual(before);
		} finally {
			delete process.env.GIAMSAT_MAX_CSV_MB;
		}
	});
});

describe('row numbers are line numbers', () => {
	const text = (lines: string[]) => lines.join('\r\n') + '\r\n';

	it('empty lines above the header or among the rows do not shift them', async () => {
		const { db, dir } = await dbWithRegistry();
		// a: empty lines in the title and among the rows; its row 9 is bad
		const a = join(dir, 'a.csv');
		writeFileSync(a, text(['ĐẢNG BỘ XÃ ĐOÀN KẾT', '', 'DANH SÁCH XẾP LOẠI NĂM 2022', '', HEAD.join(','), GOOD.join(','), '', '2,Trần Văn Bảo,1971,C70010101,HTTNV,05/12/2022', '3,Lê Văn Cường,1972,C70010101,Khá,05/12/2022', '', '']));
		// b and c: the same delimiter and first data line, other column orders (one read_csv); b
		// is good, with an empty line among its rows; c's row 4 is bad
		const b = join(dir, 'b.csv');
		writeFileSync(b, text(['DANH SÁCH NĂM 2022', 'Họ và tên,Xếp loại,Mã đơn vị,Ngày sinh', 'Phạm Thị Dung,HTXSNV,C70010102,1980', '', 'Hoàng Văn Em,HTNV,C70010102,1981']));
		const c = join(dir, 'c.csv');
		writeFileSync(c, text(['DANH SÁCH NĂM 2022', 'Mã đơn vị,Họ và tên,Ngày sinh,Xếp loại', 'C70010201,Vũ Thị Giang,1982,HTTNV', 'C70010201,Đỗ Văn Hải,1983,Giỏi']));
		const r = await ingest(db, [a, b, c]);
		const byName = new Map(r.files.map((f) => [f.path, f]));
		expect(byName.get(a)!.errors.map((e) => [e.row, e.column, e.value])).toEqual([[9, 'Xếp loại', 'Khá']]);
		expect(byName.get(c)!.errors.map((e) => [e.row, e.column, e.value])).toEqual([[4, 'Xếp loại', 'Giỏi']]);
		expect(byName.get(b)!.status).toBe('loaded');
		expect(await db.query(`select p.full_name, r.source_row, r.final_level from rating r join person p on p.id = r.person_id order by 2`)).toEqual([
			{ full_name: 'Phạm Thị Dung', source_row: 3, final_level: 4 },
			{ full_name: 'Hoàng Văn Em', source_row: 5, final_level: 2 }
		]);
	});
});

describe('every check of a rating row', () => {
	// One list, one fault per row after the first: each fault is reported on its own row and column
	// (the checks look only at rows where some value did not parse, so each kind is exercised here).
	it('score, sick days, period, subject kind, self level, deciding body, duplicate organisation', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Đối tượng', 'Kỳ đánh giá', 'Tự xếp loại', 'Xếp loại', 'Điểm', 'Số ngày nghỉ ốm', 'Cấp quyết định'];
		const f = writeCsv(dir, 'ds.csv', [
			['DANH SÁCH XẾP LOẠI NĂM 2025'],
			head,
			['1', 'Nguyễn Văn An', '1970', 'C70010101', 'Đảng viên', 'Năm', 'HTTNV', 'HTTNV', '85', '', 'X700101'],
			['2', 'Trần Văn Bảo', '1971', 'C70010101', 'Đảng viên', 'Năm', 'HTTNV', 'HTTNV', '105', '', 'X700101'],
			['3', 'Lê Văn Cường', '1972', 'C70010101', 'Đảng viên', 'Năm', 'HTTNV', 'HTTNV', '80', 'nhiều', 'X700101'],
			['4', 'Phạm Thị Dung', '1973', 'C70010101', 'Đảng viên', 'Học kỳ 2', 'HTTNV', 'HTTNV', '80', '', 'X700101'],
			['5', 'Hoàng Văn Em', '1974', 'C70010101', 'Học sinh', 'Năm', 'HTTNV', 'HTTNV', '80', '', 'X700101'],
			['6', 'Vũ Thị Giang', '1975', 'C70010101', 'Đảng viên', 'Năm', 'Khá', 'HTTNV', '80', '', 'X700101'],
			['7', 'Đỗ Văn Hải', '1976', 'C70010101', 'Đảng viên', 'Năm', 'HTTNV', 'HTTNV', '80', '', 'X999999'],
			['8', '', '', 'C70010102', 'Tổ chức đảng', 'Năm', 'HTTNV', 'HTTNV', '80', '', 'X700101'],
			['9', '', '', 'C70010102', 'Tổ chức đảng', 'Năm', 'HTNV', 'HTNV', '60', '', 'X700101']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([
			[4, 'Điểm', '105'],
			[5, 'Số ngày nghỉ ốm', 'nhiều'],
			[6, 'Kỳ đánh giá', 'Học kỳ 2'],
			[7, 'Đối tượng', 'Học sinh'],
			[8, 'Tự xếp loại', 'Khá'],
			[9, 'Cấp quyết định', 'X999999'],
			[11, 'Mã đơn vị', 'C70010102']
		]);
		expect(r.files[0].errors.map((e) => e.message)).toEqual([
			expect.stringMatching(/Điểm phải là số từ 0 đến 100/),
			expect.stringMatching(/nghỉ ốm phải là số ngày/),
			expect.stringMatching(/Kỳ đánh giá không rõ/),
			expect.stringMatching(/Đối tượng không rõ/),
			expect.stringMatching(/Mức tự xếp loại không hợp lệ/),
			expect.stringMatching(/Không có cấp quyết định này/),
			expect.stringMatching(/trùng trong cùng danh sách \(dòng 10\)/)
		]);
	});
});

describe('registry parents', () => {
	it('a parent named by its unique name resolves; an ambiguous or unknown name is refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc'];
		const good = writeCsv(dir, 'dm1.csv', [head, ['C70010103', 'Chi bộ thôn 3', 'Chi bộ trực thuộc', 'Đảng ủy xã Đoàn Kết']]);
		expect((await ingest(db, [good])).files[0].status).toBe('loaded');
		expect(await db.one(`select parent_code, path from unit where code = 'C70010103'`)).toEqual({ parent_code: 'X700101', path: '/T70/H7001/X700101/C70010103/' });
		const bad = writeCsv(dir, 'dm2.csv', [head, ['C70010104', 'Tổ đảng 4', 'Chi bộ trực thuộc', 'Chi bộ thôn 1'], ['C70010105', 'Tổ đảng 5', 'Chi bộ trực thuộc', 'Chi bộ thôn 99']]);
		const r = await ingest(db, [bad]);
		expect(r.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([[2, 'Trực thuộc', 'Chi bộ thôn 1'], [3, 'Trực thuộc', 'Chi bộ thôn 99']]);
		expect(r.files[0].errors[0].message).toMatch(/trùng nhiều đơn vị/);
		expect(r.files[0].errors[1].message).toMatch(/Không có đơn vị cấp trên này/);
	});
});
