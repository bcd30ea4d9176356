// Header recognition: the header row anywhere in the first 20 rows, under titles and merged cells,
// two-row headers, a column-number row, aliases in any case, accents or spacing; every level
// spelling of RULES.md; every date form; yes/no values.
import { describe, expect, it } from 'vitest';
import { fieldOfHeader } from '../../../src/lib/server/ingest/fields';
import { writeCsv, writeXlsx } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

describe('header aliases', () => {
	it.each([
		['STT', 'stt'], ['Họ và tên', 'full_name'], ['HỌ TÊN', 'full_name'], ['ho  va   ten', 'full_name'],
		['Năm sinh', 'birth'], ['Ngày sinh', 'birth'], ['Số thẻ ĐV', 'card_no'], ['Mã đảng viên', 'card_no'], ['Số thẻ đảng viên', 'card_no'],
		['Chức vụ', 'position'], ['Người đứng đầu', 'is_head'], ['Mã đơn vị', 'unit_code'], ['Chi bộ', 'unit_name'],
		['Tên tổ chức đảng', 'unit_name'], ['Tên đơn vị', 'unit_name'], ['Loại', 'unit_kind'], ['Trực thuộc', 'parent'],
		['Mã đơn vị cấp trên', 'parent'], ['Tỉnh/Thành phố', 'province'], ['Huyện/Xã', 'locality'], ['Ngày thành lập', 'founded_on'],
		['Ngày giải thể', 'dissolved_on'], ['Tình trạng', 'status'], ['Ngày vào Đảng', 'joined_party_on'], ['Năm', 'year'],
		['Quý', 'period'], ['Kỳ đánh giá', 'period'], ['Điểm', 'score'], ['Tổng điểm', 'score'], ['Cấp quyết định', 'decider'],
		['Tự xếp loại', 'self_level'], ['Tự nhận mức xếp loại', 'self_level'], ['Đề xuất', 'proposed_level'],
		['Chi bộ đề xuất', 'proposed_level'], ['Tổ đảng đề xuất', 'proposed_level'], ['Xếp loại', 'final_level'],
		['Kết quả xếp loại', 'final_level'], ['Quyết định xếp loại', 'final_level'], ['Chi bộ quyết định', 'final_level'],
		['Đảng ủy quyết định', 'final_level'], ['Ban Thường vụ Huyện ủy quyết định', 'final_level'], ['Xếp loại viên chức', 'cs_level'],
		['Xếp loại CBCCVC', 'cs_level'], ['Ngày kiểm điểm', 'reviewed_on'], ['Số ngày nghỉ ốm', 'sick_days'],
		['Ngày quyết định', 'decided_on'], ['Đối tượng', 'subject_kind'], ['Hình thức kỷ luật', 'discipline_form'],
		['Tự phát hiện, khắc phục', 'self_remedied'], ['Lý do không xếp loại', 'not_rated_reason'], ['Ghi chú', 'note'],
		['Full name', 'full_name'], ['Date of birth', 'birth'], ['Unit code', 'unit_code'], ['Final rating', 'final_level'],
		// headers no alias foresees, caught by keyword rules
		['Họ và tên đệm', 'full_name'], ['Số thẻ Đảng', 'card_no'], ['Mức chất lượng', 'final_level'], ['Xếp loại năm 2024', 'final_level'],
		['Kết quả đánh giá, xếp loại', 'final_level'], ['Ngày, tháng, năm sinh', 'birth'], ['Ngày kết nạp vào Đảng', 'joined_party_on'],
		['Tổng điểm tự chấm', 'score'], ['Ngày họp kiểm điểm', 'reviewed_on'], ['Kết quả xếp loại công chức năm 2024', 'cs_level'],
		// NĐ 90's absence by its length; "Vắng mặt" alone (a meeting's roll) and "Ngày nghỉ việc" (a date) are not
		['Tổng thời gian vắng mặt', 'absent_days'], ['Số ngày nghỉ việc trong năm', 'absent_days'], ['Thời gian vắng mặt (tháng)', 'absent_months'],
		['Số tháng nghỉ việc trong năm', 'absent_months']
	])('"%s" names %s', (header, field) => {
		expect(fieldOfHeader(header)).toBe(field);
		expect(fieldOfHeader(header.normalize('NFD').toUpperCase())).toBe(field);
	});

	it('"Ngày quyết định" and "Cấp quyết định" are not the final level', () => {
		expect(fieldOfHeader('Ngày quyết định')).toBe('decided_on');
		expect(fieldOfHeader('Cấp quyết định')).toBe('decider');
	});
});

describe('header position and shape', () => {
	it('a quoted header cell holding the delimiter ("Chức vụ, chức danh") is one column', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'q.csv', [
			['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, chức danh', 'Mã đơn vị', 'Xếp loại'],
			['1', 'Lò Văn Sáu', '1970', 'Bí thư chi bộ', 'C70010101', 'HTTNV']
		]);
		expect((await ingest(db, [f])).files[0].status).toBe('loaded');
		expect(await db.one('select position, is_head, final_level from rating')).toEqual({ position: 'Bí thư chi bộ', is_head: true, final_level: 3 });
	});

	it('finds a two-row XLSX header below 12 title lines, with merged group cells and a column-number row', async () => {
		const { db, dir } = await dbWithRegistry();
		const titles: Array<Array<string | null>> = Array.from({ length: 12 }, (_, i) => [i === 2 ? 'ĐẢNG BỘ XÃ ĐOÀN KẾT' : i === 3 ? 'CHI BỘ THÔN 2' : i === 6 ? 'DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2023' : null]);
		const f = await writeXlsx(
			dir,
			'hai-dong.xlsx',
			[
				...titles,
				['STT', 'Họ và tên', 'Ngày sinh', 'Kết quả xếp loại', null, null, 'Ghi chú'],
				[null, null, null, 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', null],
				['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
				[1, 'Hoàng Văn Giáp', '1975', 'HTT', 'HTT', 'HTXS', ''],
				[2, 'Đỗ Thị Hạnh', '1980', 'HT', 'HT', 'HTNV', '']
			],
			{ merges: ['A13:A14', 'B13:B14', 'C13:C14', 'D13:F13', 'G13:G14', 'A1:G1'] }
		);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		const rows = await db.query(`select r.self_level, r.proposed_level, r.final_level, r.period_year, u.code, r.source_row
			from rating r join unit u on u.id = r.unit_id order by r.source_row`);
		expect(rows).toEqual([
			{ self_level: 3, proposed_level: 3, final_level: 4, period_year: 2023, code: 'C70010102', source_row: 16 },
			{ self_level: 2, proposed_level: 2, final_level: 2, period_year: 2023, code: 'C70010102', source_row: 17 }
		]);
	});

	it('a vertically merged unit cell applies to every row it spans; signature and total rows are ignored', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(
			dir,
			'gop.xlsx',
			[
				['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'],
				['STT', 'Chi bộ', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Ghi chú'],
				[1, 'Chi bộ thôn 2', 'Bùi Văn Khoa', 1960, 'HTTNV', null],
				[2, null, 'Ngô Thị Lan', 1962, 'HTNV', null],
				['Tổng số: 2 đảng viên', null, null, null, null, null],
				[null, null, null, null, null, 'Người lập biểu']
			],
			{ merges: ['B3:B4', 'A5:F5'] }
		);
		const r = await ingest(db, [f], { unit: 'X700101' });
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query('select distinct u.code from rating r join unit u on u.id = r.unit_id')).toEqual([{ code: 'C70010102' }]);
	});

	it('section rows ("II | Chi bộ thôn 2") give the unit of the rows below them', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'muc.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'],
			['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'],
			['I', 'Chi bộ thôn 1', '', ''],
			['1', 'Nguyễn Văn A', '1970', 'HTT'],
			['2', 'Lê Văn B', '1971', 'HTT'],
			['II', 'Chi bộ thôn 2', '', ''],
			['1', 'Trần Thị C', '1972', 'HTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query(`select p.full_name, u.code from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id order by r.source_row`)).toEqual([
			{ full_name: 'Nguyễn Văn A', code: 'C70010101' },
			{ full_name: 'Lê Văn B', code: 'C70010101' },
			{ full_name: 'Trần Thị C', code: 'C70010102' }
		]);
	});

	it('refuses a file whose header cannot be found, naming what it looked for', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'la.csv', [['Cột A', 'Cột B'], ['1', '2']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].message).toMatch(/Không tìm thấy dòng tiêu đề cột/);
	});
});

describe('values', () => {
	const spellings: Array<[string, number]> = [
		['Hoàn thành xuất sắc nhiệm vụ', 4], ['HTXSNV', 4], ['HTXS', 4], ['Xuất sắc', 4], ['XS', 4], ['xuất sắc', 4], [' HOÀN THÀNH XUẤT SẮC NHIỆM VỤ ', 4],
		['Hoàn thành tốt nhiệm vụ', 3], ['HTTNV', 3], ['HTT', 3], ['Tốt', 3], ['tốt', 3], ['httnv', 3],
		['Hoàn thành nhiệm vụ', 2], ['HTNV', 2], ['HT', 2], ['Hoàn thành', 2], ['hoàn  thành', 2],
		['Không hoàn thành nhiệm vụ', 1], ['KHTNV', 1], ['KHT', 1], ['Không hoàn thành', 1], ['không hoàn thành nhiệm vụ', 1],
		// spellings no alias list foresees, reduced to their initials
		['Hoàn thành tốt NV', 3], ['HT tốt nhiệm vụ', 3], ['H.T.T.N.V', 3], ['HTXS NV', 4], ['Hoàn thành xuất sắc NV', 4], ['Không HTNV', 1], ['K.HTNV', 1]
	];
	it('maps every level spelling of RULES.md, in any case, NFC or NFD, with stray spaces', async () => {
		const { db, dir } = await dbWithRegistry();
		const rows = spellings.flatMap(([s], i) => [
			[String(2 * i + 1), `Người ${2 * i + 1}`, '1980', 'C70010101', s],
			[String(2 * i + 2), `Người ${2 * i + 2}`, '1980', 'C70010101', s.normalize('NFD')]
		]);
		const f = writeCsv(dir, 'muc.csv', [['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'], ...rows]);
		const r = await ingest(db, [f], { year: 2022 });
		expect(r.files[0].status).toBe('loaded');
		const got = await db.query<{ final_level: number }>('select final_level from rating order by source_row');
		expect(got.map((g) => g.final_level)).toEqual(spellings.flatMap(([, l]) => [l, l]));
	});

	it('reads dd/mm/yyyy, d/m/yy, yyyy-mm-dd, dd.mm.yyyy, Excel serials, real date cells and bare years', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'ngay.xlsx', [
			['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Xếp loại', 'Ngày quyết định', 'Năm'],
			[1, 'A', '05/12/1970', 'C70010101', 'HTT', '05/12/2022', 2022],
			[2, 'B', '5/1/70', 'C70010101', 'HTT', '5/12/22', 2022],
			[3, 'C', '1970-01-05', 'C70010101', 'HTT', '2022-12-05', 2022],
			[4, 'D', '05.01.1970', 'C70010101', 'HTT', 44900, 2022],
			[5, 'E', new Date(Date.UTC(1970, 0, 5)), 'C70010101', 'HTT', new Date(Date.UTC(2022, 11, 5)), 2022],
			[6, 'F', 1970, 'C70010101', 'HTT', '', 2022]
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('loaded');
		const got = await db.query(`select cast(p.birth_date as varchar) as b, p.birth_year as y, cast(r.decided_on as varchar) as d
			from rating r join person p on p.id = r.person_id order by r.source_row`);
		expect(got).toEqual([
			{ b: '1970-12-05', y: 1970, d: '2022-12-05' },
			{ b: '1970-01-05', y: 1970, d: '2022-12-05' },
			{ b: '1970-01-05', y: 1970, d: '2022-12-05' },
			{ b: '1970-01-05', y: 1970, d: '2022-12-05' },
			{ b: '1970-01-05', y: 1970, d: '2022-12-05' },
			{ b: null, y: 1970, d: null }
		]);
	});

	it('cells holding only spaces are blank, not invalid values', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'trang.csv', [
			['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Tự xếp loại', 'Xếp loại', 'Ngày quyết định', 'Điểm', 'Số ngày nghỉ ốm'],
			['1', ' Trần  Văn Bảo ', '1970', 'C70010101 ', '   ', 'HTT', '  ', ' ', '\t']
		]);
		const r = await ingest(db, [f], { year: 2022 });
		expect(r.files[0], JSON.stringify(r.files[0].errors)).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await db.one(`select p.full_name, r.self_level, r.final_level, r.decided_on, r.score, r.sick_leave_days from rating r join person p on p.id = r.person_id`)).toEqual({
			full_name: 'Trần Văn Bảo', self_level: null, final_level: 3, decided_on: null, score: null, sick_leave_days: null
		});
	});

	it('reads yes/no as Có / Không / x / blank', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Hình thức kỷ luật', 'Ngày quyết định', 'Tự phát hiện, khắc phục'],
			['1', 'A', '1970', 'C70010101', 'Khiển trách', '01/03/2022', 'Có'],
			['2', 'B', '1970', 'C70010101', 'Khiển trách', '01/03/2022', 'Không'],
			['3', 'C', '1970', 'C70010101', 'Khiển trách', '01/03/2022', 'x'],
			['4', 'D', '1970', 'C70010101', 'Khiển trách', '01/03/2022', '']
		]);
		await ingest(db, [f]);
		expect((await db.query<{ s: boolean }>('select self_remedied as s from discipline order by source_row')).map((x) => x.s)).toEqual([true, false, true, false]);
	});
});
