// Cell values as real units write them: discipline forms with words after them, level cells that
// say "not rated", level abbreviations, dates with spaces, times, "Ngày" or a bare year, member
// statuses and unit kinds with trailing words. Each is stored as meant, or refused naming file,
// row, column and value.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']];

describe('discipline forms', () => {
	it('a form with words after it ("Khiển trách về Đảng", "Khai trừ khỏi Đảng") is that form, not other', async () => {
		const { db, dir } = await dbWithRegistry();
		const forms = ['Khiển trách về Đảng', 'Cảnh cáo (về Đảng)', 'Cách chức Bí thư chi bộ', 'Khai trừ khỏi Đảng', 'Khai trừ ra khỏi Đảng', 'KHIỂN TRÁCH', 'Cách chức', 'Hạ bậc lương'];
		const f = writeCsv(dir, 'kl.csv', [
			['SỔ THEO DÕI KỶ LUẬT ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định', 'Tự phát hiện, khắc phục'],
			...forms.map((form, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1970 + i), 'Chi bộ thôn 2', form, '05/06/2024', ''])
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: forms.length });
		const rows = await db.query<{ form: string; form_text: string }>('select form, form_text from discipline order by source_row');
		expect(rows.map((x) => [x.form_text, x.form])).toEqual([
			['Khiển trách về Đảng', 'khien_trach'],
			['Cảnh cáo (về Đảng)', 'canh_cao'],
			['Cách chức Bí thư chi bộ', 'cach_chuc'],
			['Khai trừ khỏi Đảng', 'khai_tru'],
			['Khai trừ ra khỏi Đảng', 'khai_tru'],
			['KHIỂN TRÁCH', 'khien_trach'],
			['Cách chức', 'cach_chuc'],
			// a form of no rulebook stays other
			['Hạ bậc lương', 'other']
		]);
	});
});

describe('level cells', () => {
	it('"Không xếp loại", "Chưa xếp loại", "Không đánh giá", "-", "—" are not-rated rows, the text kept as reason (a Ghi chú saying why before a bare one)', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Ngày sinh', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Lý do không xếp loại', 'Ghi chú'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'HTTNV', 'HTTNV', 'HTTNV', '', ''],
			['2', 'Trần Thị Bình', '1985', '', '', 'Không xếp loại', '', 'Mới kết nạp 09/2024'],
			['3', 'Lê Văn Cường', '1990', '', '', 'Chưa xếp loại', '', ''],
			['4', 'Phạm Thị Dung', '1991', '', '', 'Không đánh giá', '', ''],
			['5', 'Hoàng Văn Em', '1992', '-', '-', '-', '', 'Miễn sinh hoạt'],
			['6', 'Vũ Thị Phương', '1993', '—', '—', '—', 'Đình chỉ sinh hoạt', ''],
			['7', 'Đỗ Văn Giang', '1994', '', '', 'không xếp loại (mới kết nạp)', '', '']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 7 });
		const rows = await db.query('select source_row, self_level, proposed_level, final_level, not_rated_reason from rating order by source_row');
		expect(rows).toEqual([
			{ source_row: 5, self_level: 3, proposed_level: 3, final_level: 3, not_rated_reason: null },
			// (a bare "Không xếp loại" says there is no level; the note says why)
			{ source_row: 6, self_level: null, proposed_level: null, final_level: null, not_rated_reason: 'Mới kết nạp 09/2024' },
			{ source_row: 7, self_level: null, proposed_level: null, final_level: null, not_rated_reason: 'Chưa xếp loại' },
			{ source_row: 8, self_level: null, proposed_level: null, final_level: null, not_rated_reason: 'Không đánh giá' },
			{ source_row: 9, self_level: null, proposed_level: null, final_level: null, not_rated_reason: 'Miễn sinh hoạt' },
			// the reason column, when filled, is the reason
			{ source_row: 10, self_level: null, proposed_level: null, final_level: null, not_rated_reason: 'Đình chỉ sinh hoạt' },
			{ source_row: 11, self_level: null, proposed_level: null, final_level: null, not_rated_reason: 'không xếp loại (mới kết nạp)' }
		]);
	});

	it('a level that is neither a level nor "not rated" is still refused, naming file, row, column and value', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Đảng ủy quyết định'], ['1', 'Nguyễn Văn An', '1970', 'Không rõ']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors).toHaveLength(1);
		expect(r.files[0].errors[0]).toMatchObject({ file: 'xl.csv', row: 5, column: 'Đảng ủy quyết định', value: 'Không rõ' });
		expect(r.files[0].errors[0].message).toMatch(/Mức xếp loại không hợp lệ/);
		// (the clerk is told how a member not rated is written)
		expect(r.files[0].errors[0].message).toMatch(/người không xếp loại: ghi "Không xếp loại" kèm lý do/);
	});

	it('"Miễn SH", "Miễn SHĐ", "Miễn SHĐ do tuổi cao" in the level cell are "Miễn sinh hoạt": not rated, R4 owes nothing (the list was refused); "Miễn" alone is not rated, its Ghi chú saying why, or owed where none does', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng', 'Đảng ủy quyết định', 'Ghi chú'],
			['1', 'Nguyễn Văn An', '1970', '03/02/1995', 'HTTNV', ''],
			['2', 'Trần Văn Bảo', '1940', '03/02/1965', 'Miễn SH', 'Tuổi cao, sức yếu'],
			['3', 'Lê Văn Cường', '1941', '03/02/1966', 'Miễn SHĐ', ''],
			['4', 'Phạm Văn Dũng', '1942', '03/02/1967', 'Miễn SHĐ do tuổi cao', ''],
			['5', 'Hoàng Văn Em', '1943', '03/02/1968', 'Miễn', 'Được miễn công tác, sinh hoạt đảng'],
			['6', 'Vũ Văn Phúc', '1944', '03/02/1969', 'Miễn', '']]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 6 });
		expect((await db.query<{ r: string }>('select not_rated_reason as r from rating where final_level is null order by source_row')).map((x) => x.r))
			.toEqual(['Miễn SH', 'Miễn SHĐ', 'Miễn SHĐ do tuổi cao', 'Được miễn công tác, sinh hoạt đảng', 'Miễn']);
		const run = await runAudit(db, { year: 2024, rules: ['missing_review'], signals: false });
		expect(run.findings.filter((x) => x.subject_kind === 'member' && !/ngày kiểm điểm/.test(x.message)).map((x) => x.subject_name)).toEqual(['Vũ Văn Phúc']);
	});

	it('abbreviations: "Hoàn thành tốt n/vụ", "HT tốt NV", "Hoàn thành XS nhiệm vụ", "… nhiệm vụ được giao"', async () => {
		const { db, dir } = await dbWithRegistry();
		const levels: Array<[string, number]> = [
			['Hoàn thành tốt n/vụ', 3], ['HT tốt NV', 3], ['Hoàn thành tốt NV', 3], ['HTT n.vụ', 3], ['Hoàn thành XS nhiệm vụ', 4],
			['Hoàn thành xuất sắc n/vụ', 4], ['HT XS NV', 4], ['Hoàn thành NV', 2], ['Không hoàn thành n/vụ', 1],
			['Hoàn thành tốt nhiệm vụ được giao', 3]
		];
		const f = writeCsv(dir, 'xl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Đảng ủy quyết định'],
			...levels.map(([l], i) => [String(i + 1), `Đảng viên ${i + 1}`, '1980', l])
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: levels.length });
		const rows = await db.query<{ final_level: number }>('select final_level from rating order by source_row');
		expect(rows.map((x) => x.final_level)).toEqual(levels.map(([, l]) => l));
	});
});

describe('dates', () => {
	it('spaces, a time after, a "Ngày" before, dashes, dots, "tháng … năm": the date', async () => {
		const { db, dir } = await dbWithRegistry();
		const cells: Array<[string, string]> = [
			['12 / 05 / 1970', '10 / 12 / 2024'],
			['12/05/1970', '10/12/2024 08:30'],
			['12/05/1970', 'Ngày 10/12/2024'],
			['12-05-1970', '10-12-2024'],
			['12.05.1970', '10.12.2024'],
			['12/ 05/ 1970', 'ngày 10 tháng 12 năm 2024'],
			// a one-digit month between "tháng" and "năm"
			['ngày 12 tháng 5 năm 1970', 'ngày 10 tháng 12 năm 2024'],
			// a decision's number, then its date without "ngày"
			['12/05/1970', '05-QĐ/ĐU, 10/12/2024'],
			['12/05/1970', 'Số 05-QĐ/UBKT (10/12/2024)'],
			['12/05/1970', '45-NQ/CB 10/12/2024.']
		];
		const f = writeCsv(dir, 'xl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Ngày sinh', 'Đảng ủy quyết định', 'Ngày quyết định'],
			...cells.map(([b, d], i) => [String(i + 1), `Đảng viên ${i + 1}`, b, 'HTTNV', d])
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: cells.length });
		const rows = await db.query<{ b: string; d: string }>(`select cast(p.birth_date as varchar) as b, cast(r.decided_on as varchar) as d
			from rating r join person p on p.id = r.person_id order by r.source_row`);
		expect(rows).toEqual(cells.map(() => ({ b: '1970-05-12', d: '2024-12-10' })));
	});

	it('a birth cell "Sinh năm 1988", "SN 1988", "SN: 1990", "Năm 1975", "Năm sinh 1966" is that birth year (it was refused as "Ngày sinh không hợp lệ")', async () => {
		const { db, dir } = await dbWithRegistry();
		const cells = ['Sinh năm 1988', 'SN 1988', 'SN: 1990', 'Năm 1975', 'Năm sinh 1966', 'sinh năm 1979'];
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Ngày sinh', 'Đảng ủy quyết định'],
			...cells.map((b, i) => [String(i + 1), `Đảng viên ${i + 1}`, b, 'HTTNV'])]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: cells.length });
		expect(await db.query('select p.birth_year as y, p.birth_date as d from rating r join person p on p.id = r.person_id order by r.source_row'))
			.toEqual([1988, 1988, 1990, 1975, 1966, 1979].map((y) => ({ y, d: null })));
	});

	it('a file written month first (a CSV saved by Excel set to English (US): "3/15/1980") is read day first and told; a day-first file whose dates are all under 13 stays day first', async () => {
		const { db, dir } = await dbWithRegistry();
		const us = writeCsv(dir, 'xl-us.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			// the title's decision date is Vietnamese text, day first: not swapped
			['(Kèm theo Quyết định số 05-QĐ/ĐU ngày 10/12/2024 của Đảng ủy xã Đoàn Kết)'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Đảng ủy quyết định', 'Ngày kiểm điểm'],
			['1', 'Nguyễn Văn An', '3/15/1980', 'HTTNV', '12/2/2024'],
			['2', 'Trần Thị Bình', '11/5/1985', 'HTTNV', '12/2/2024'],
			['3', 'Lê Văn Cường', '12/31/1990 0:00', 'HTTNV', '12/2/2024']
		]);
		const r = await ingest(db, [us]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(r.files[0].warnings.join('\n')).toMatch(/tháng\/ngày\/năm \(như "3\/15\/1980".*đã đọc là ngày\/tháng\/năm \(15\/3\/1980\)/);
		expect(await db.query(`select cast(p.birth_date as varchar) as b, cast(r.reviewed_on as varchar) as rv, cast(r.decided_on as varchar) as d
			from rating r join person p on p.id = r.person_id order by r.source_row`)).toEqual([
			{ b: '1980-03-15', rv: '2024-12-02', d: '2024-12-10' },
			{ b: '1985-11-05', rv: '2024-12-02', d: '2024-12-10' },
			{ b: '1990-12-31', rv: '2024-12-02', d: '2024-12-10' }
		]);
		// the same dates day first with none over 12 in the middle: as written, nothing told
		const vn = writeCsv(dir, 'xl-vn.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Đảng ủy quyết định'],
			['1', 'Phạm Văn Dũng', '3/11/1980', 'HTTNV'],
			['2', 'Hoàng Thị Em', '11/5/1985', 'HTTNV']
		]);
		const v = await ingest(db, [vn]);
		expect(v.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(v.files[0].warnings.join('\n')).not.toMatch(/tháng\/ngày\/năm/);
		expect(await db.query(`select cast(p.birth_date as varchar) as b from rating r join person p on p.id = r.person_id
			where r.source_file_id = (select max(id) from source_file) order by r.source_row`)).toEqual([{ b: '1980-11-03' }, { b: '1985-05-11' }]);		// one typo among day-first dates all under 13: the typo refused, no date swapped
		const typo = writeCsv(dir, 'xl-typo.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2023'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Đảng ủy quyết định', 'Ngày kiểm điểm'],
			['1', 'Phạm Văn Dũng', '3/11/1980', 'HTTNV', '05/12/2023'],
			['2', 'Hoàng Thị Em', '11/5/1985', 'HTTNV', '05/12/2023'],
			['3', 'Vũ Văn Phúc', '01/15/1990', 'HTTNV', '05/12/2023']
		]);
		const t = await ingest(db, [typo]);
		expect(t.files[0].status).toBe('refused');
		expect(t.files[0].errors).toEqual([expect.objectContaining({ row: 7, column: 'Ngày sinh', value: '01/15/1990' })]);
	});

	it('a bare year of admission (roster) is stored as 1 January of that year', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ds.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Tình trạng', 'Ngày vào Đảng'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'Chính thức', '03/02/1995'],
			['2', 'Lê Văn Cường', '01/01/1990', 'Chính thức', '1995'],
			['3', 'Trần Thị Bình', '01/01/1991', 'Chính thức', 'tháng 3/2015']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 3 });
		expect(await db.query('select cast(joined_party_on as varchar) as j from membership order by source_row')).toEqual([
			{ j: '1995-02-03' },
			{ j: '1995-01-01' },
			{ j: '2015-03-01' }
		]);
	});

	it('a bare founding year (registry) is stored as 1 January, a month written "T8/2025" (T for tháng) as its first day; a bare year is no decision date', async () => {
		const { db, dir } = await dbWithRegistry();
		const reg = writeCsv(dir, 'dm.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập'],
			['1', 'C70010112', 'Chi bộ Công an xã', 'Chi bộ trực thuộc', 'X700101', '2000'],
			['2', 'C70010113', 'Chi bộ Quân sự xã', 'Chi bộ trực thuộc', 'X700101', 'T8/2025']
		]);
		expect((await ingest(db, [reg])).files[0].status).toBe('loaded');
		expect(await db.query(`select cast(founded_on as varchar) as f from unit where code in ('C70010112', 'C70010113') order by code`)).toEqual([{ f: '2000-01-01' }, { f: '2025-08-01' }]);
		const xl = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Đảng ủy quyết định', 'Ngày quyết định'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV', '2024']]);
		const r = await ingest(db, [xl]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors[0]).toMatchObject({ file: 'xl.csv', row: 5, column: 'Ngày quyết định', value: '2024' });
		expect(r.files[0].errors[0].message).toMatch(/Ngày quyết định không hợp lệ/);
	});
});

describe('member statuses', () => {
	it('a status with words after it is that status; an unknown one is refused with its value', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Tình trạng']];
		const statuses: Array<[string, string]> = [
			['Miễn sinh hoạt và công tác đảng', 'exempt'], ['Miễn công tác và sinh hoạt đảng', 'exempt'], ['Miễn công tác, sinh hoạt Đảng', 'exempt'],
			['Miễn sinh hoạt Đảng', 'exempt'], ['Đình chỉ sinh hoạt đảng', 'suspended'], ['Đảng viên dự bị', 'probationary'],
			['Chính thức (từ 2010)', 'official'], ['ĐV chính thức', 'official'], ['Sinh hoạt tạm thời', 'temporary']
		];
		const f = writeCsv(dir, 'ds.csv', [...head, ...statuses.map(([s], i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1960 + i), s])]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: statuses.length });
		const rows = await db.query<{ status: string }>('select status from membership order by source_row');
		expect(rows.map((x) => x.status)).toEqual(statuses.map(([, s]) => s));

		const bad = writeCsv(dir, 'ds2.csv', [...head, ['1', 'Đỗ Văn Giang', '1980', 'Đang xem xét']]);
		const r2 = await ingest(db, [bad]);
		expect(r2.files[0].status).toBe('refused');
		expect(r2.files[0].errors[0]).toMatchObject({ file: 'ds2.csv', row: 5, column: 'Tình trạng', value: 'Đang xem xét' });
		expect(r2.files[0].errors[0].message).toMatch(/Tình trạng đảng viên không rõ/);
	});
});

describe('heads read from the title, where no "Người đứng đầu" column says', () => {
	it('on a chi bộ roster only its Bí thư is its head: not the Bí thư Đảng ủy xã, the Chủ tịch UBND or the Bí thư Đoàn who are members there', async () => {
		const { db, dir } = await dbWithRegistry();
		const titles: Array<[string, boolean]> = [
			['Bí thư Chi bộ', true], ['Bí thư', true], ['Bí thư, Trưởng thôn', true], ['Bí thư chi bộ kiêm Trưởng thôn', true],
			['Bí thư thôn', true], ['Phó Bí thư Chi bộ', false], ['Bí thư Đảng ủy xã', false], ['Chủ tịch UBND xã', false],
			['Bí thư Đoàn Thanh niên', false], ['Bí thư Chi đoàn', false], ['Chủ tịch Hội Nông dân', false], ['Đảng viên', false],
			// the posts a title lists, in any order
			['Phó Chủ tịch UBND xã, Bí thư chi bộ', true], ['Hiệu trưởng, Bí thư chi bộ', true], ['Chủ tịch UBND xã, Phó Bí thư Đảng ủy', false]
		];
		const f = writeCsv(dir, 'ds.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ'],
			...titles.map(([t], i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1960 + i), t])
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: titles.length });
		const rows = await db.query<{ position: string; is_head: boolean }>('select position, is_head from membership order by source_row');
		expect(rows.map((x) => [x.position, x.is_head])).toEqual(titles);
	});

	it('on a leader list the Bí thư of the organisation led is its head, its Chủ tịch UBND is not; on a member list, as on the roster', async () => {
		const { db, dir } = await dbWithRegistry();
		const leaders = writeCsv(dir, 'lanh-dao.csv', [
			['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ NĂM 2024'],
			['STT', 'Đối tượng', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Đơn vị', 'Xếp loại'],
			['1', 'Cá nhân lãnh đạo, quản lý', 'Võ Văn Em', '1970', 'Bí thư Đảng ủy xã', 'Đảng ủy xã Đoàn Kết', 'HTT'],
			['2', 'Cá nhân lãnh đạo, quản lý', 'Đặng Văn Phúc', '1972', 'Chủ tịch UBND xã', 'Đảng ủy xã Đoàn Kết', 'HTT'],
			['3', 'Cá nhân lãnh đạo, quản lý', 'Hồ Thị Giang', '1975', 'Phó Bí thư Đảng ủy xã', 'Đảng ủy xã Đoàn Kết', 'HTT'],
			['4', 'Cá nhân lãnh đạo', 'Lý Văn Hải', '1976', 'Bí thư chi bộ', 'Chi bộ thôn 2', 'HTT']
		]);
		const members = writeCsv(dir, 'dang-vien.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại'],
			['1', 'Võ Văn Em', '1970', 'Bí thư Đảng ủy xã', 'HTXS'],
			['2', 'Trịnh Văn Khoa', '1980', 'Bí thư chi bộ', 'HTT']
		]);
		const r = await ingest(db, [leaders, members]);
		expect(r.files.map((x) => [x.status, x.rowsStored])).toEqual([['loaded', 4], ['loaded', 2]]);
		const rows = await db.query<{ subject_kind: string; position: string; is_head: boolean }>(
			'select subject_kind, position, is_head from rating order by source_file_id, source_row'
		);
		expect(rows.map((x) => [x.subject_kind, x.position, x.is_head])).toEqual([
			['leader', 'Bí thư Đảng ủy xã', true],
			['leader', 'Chủ tịch UBND xã', false],
			['leader', 'Phó Bí thư Đảng ủy xã', false],
			['leader', 'Bí thư chi bộ', true],
			['member', 'Bí thư Đảng ủy xã', false],
			['member', 'Bí thư chi bộ', true]
		]);
	});
});

describe('registry unit kinds', () => {
	it('a kind with words after it, or abbreviated, is that kind; an unknown kind is refused quoting it', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Trực thuộc'];
		const f = writeCsv(dir, 'dm.csv', [
			['DANH MỤC TỔ CHỨC ĐẢNG TRỰC THUỘC ĐẢNG ỦY XÃ ĐOÀN KẾT'],
			head,
			['1', 'C70010111', 'Chi bộ thôn 11', 'Chi bộ trực thuộc Đảng ủy xã', 'X700101'],
			['2', 'C70010112', 'Chi bộ thôn 12', 'Chi bộ trực thuộc Đảng bộ xã Đoàn Kết', 'X700101'],
			['3', 'C70010113', 'Chi bộ Quân sự xã', 'CBTT', 'X700101'],
			['4', 'B70010114', 'Đảng bộ bộ phận Khu 4', 'Đảng bộ bộ phận (trực thuộc Đảng ủy xã)', 'X700101'],
			['5', 'C70010199', 'Chi bộ Trường Mầm non', 'Chi bộ cơ sở trực thuộc Huyện ủy', 'H7001']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect(await db.query(`select code, kind from unit where code in ('C70010111', 'C70010112', 'C70010113', 'B70010114', 'C70010199') order by source_row`)).toEqual([
			{ code: 'C70010111', kind: 'chi_bo_truc_thuoc' },
			{ code: 'C70010112', kind: 'chi_bo_truc_thuoc' },
			{ code: 'C70010113', kind: 'chi_bo_truc_thuoc' },
			{ code: 'B70010114', kind: 'dang_bo_bo_phan' },
			{ code: 'C70010199', kind: 'chi_bo_co_so' }
		]);

		const bad = writeCsv(dir, 'dm2.csv', [head, ['1', 'C70010120', 'Chi bộ thôn 20', 'Tổ chức cơ sở', 'X700101']]);
		const r2 = await ingest(db, [bad]);
		expect(r2.files[0].status).toBe('refused');
		expect(r2.files[0].errors[0]).toMatchObject({ file: 'dm2.csv', row: 2, column: 'Loại', value: 'Tổ chức cơ sở' });
		expect(r2.files[0].errors[0].message).toMatch(/^Loại đơn vị không rõ: "Tổ chức cơ sở"/);
	});
});

describe('sick leave as lists write it', () => {
	// R6: days are calendar days; months stay months, which R6 counts at its rulebook's days_per_month
	// (RULES.md "months and days"): the ingest stores the days and the months as written
	it('"90", "90 ngày" are days, "3 tháng", "1,5 tháng" months, "2 tháng 29 ngày" both; "89,5" is 89 whole days (not rounded up to 90); "nhiều" is refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Số ngày nghỉ ốm'];
		const cells = ['90', '90 ngày', '3 tháng', '2 tháng 29 ngày', '1,5 tháng', '89 Ngày', '89,5', '2,99 tháng', '89.5'];
		const f = writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], head,
			...cells.map((c, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1970 + i), 'HTNV', c])]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: cells.length });
		expect((await db.query<{ d: number | null; m: number | null }>('select sick_leave_days as d, sick_leave_months::double as m from rating order by source_row')).map((x) => [x.d, x.m]))
			.toEqual([[90, null], [90, null], [null, 3], [29, 2], [null, 1.5], [89, null], [89, null], [null, 2.99], [89, null]]);
		const bad = await ingest(db, [writeCsv(dir, 'xl2.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], head, ['1', 'Đảng viên 9', '1980', 'HTNV', 'nhiều']])]);
		expect(bad.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([[5, 'Số ngày nghỉ ốm', 'nhiều']]);
	});

	it('"Nghỉ ốm 3 tháng 10 ngày", "3 tháng (từ 01/3 đến 30/5)", "50 + 45" in the column, and a note\'s "Nghỉ ốm dài ngày 4 tháng (…)" where the column is empty: read; "Nghỉ thai sản 6 tháng" in a note is no sick leave', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Số ngày nghỉ ốm', 'Ghi chú'],
			['1', 'Đảng viên 1', '1970', 'HTNV', 'Nghỉ ốm 3 tháng 10 ngày', ''],
			['2', 'Đảng viên 2', '1971', 'HTNV', '3 tháng (từ 01/3 đến 30/5)', ''],
			['3', 'Đảng viên 3', '1972', 'HTNV', '50 + 45', ''],
			['4', 'Đảng viên 4', '1973', 'HTNV', '', 'Nghỉ ốm dài ngày 4 tháng (từ 01/3 đến 30/6/2024)'],
			['5', 'Đảng viên 5', '1974', 'HTNV', '', 'Nghỉ thai sản 6 tháng']]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect((await db.query<{ d: number | null; m: number | null }>('select sick_leave_days as d, sick_leave_months::double as m from rating order by source_row')).map((x) => [x.d, x.m]))
			.toEqual([[10, 3], [null, 3], [95, null], [null, 4], [null, null]]);
	});

	it('spells summed with their units ("45 ngày + 50 ngày", "45 + 50 ngày", "1,5 tháng + 60 ngày", "40 ngày và 55 ngày", "2 đợt: 40 ngày; 55 ngày") and "3 tháng rưỡi" in the column: read, each ≥ 90 days for R6 (the list was refused)', async () => {
		const { db, dir } = await dbWithRegistry();
		const cells = ['45 ngày + 50 ngày', '45 + 50 ngày', '1,5 tháng + 60 ngày', '3 tháng rưỡi', '40 ngày và 55 ngày', '2 đợt: 40 ngày; 55 ngày'];
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Số ngày nghỉ ốm', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định'],
			...cells.map((c, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1961 + i), c, 'HTTNV', 'HTTNV', '10/12/2024'])]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: cells.length });
		expect((await db.query<{ d: number | null; m: number | null }>('select sick_leave_days as d, sick_leave_months::double as m from rating order by source_row')).map((x) => [x.d, x.m]))
			.toEqual([[95, null], [95, null], [60, 1.5], [null, 3.5], [95, null], [95, null]]);
		// (a month is 30 days: 1,5 tháng + 60 ngày and 3 tháng rưỡi are 105 days)
		const fs = (await runAudit(db, { year: 2024, rules: ['sick_leave_cap'], signals: false })).findings;
		expect(fs.map((f) => f.source_row).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([5, 6, 7, 8, 9, 10]);
	});

	it('a "Thời gian nghỉ ốm" column of first and last day ("01/3/2024 - 30/6/2024", "Từ 15/02 đến 20/5/2024") is the days between, both counted, in the list\'s year; "từ tháng 2 đến tháng 7" 6 months; "không", "Không nghỉ", "-" none; a last day before the first is refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và tên', 'Năm sinh', 'Thời gian nghỉ ốm', 'Xếp loại'];
		const title = (chiBo: string) => [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], [chiBo], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], head];
		// (the days of 2023 in a spell over the new year are not 2024's: R6 counts the year's leave)
		const cells = ['01/3/2024 - 30/6/2024', 'Từ 15/02 đến 20/5/2024', 'từ ngày 01/11/2023 đến ngày 28/02/2024', 'Từ tháng 2 đến tháng 7', 'không', 'Không nghỉ', '-', '0'];
		const f = writeCsv(dir, 'xl.csv', [...title('CHI BỘ THÔN 1'), ...cells.map((c, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1970 + i), c, 'HTTNV'])]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: cells.length });
		expect((await db.query<{ d: number | null; m: number | null }>('select sick_leave_days as d, sick_leave_months::double as m from rating order by source_row')).map((x) => [x.d, x.m]))
			.toEqual([[122, null], [96, null], [59, null], [null, 6], [0, null], [0, null], [0, null], [0, null]]);
		const bad = await ingest(db, [writeCsv(dir, 'xl2.csv', [...title('CHI BỘ THÔN 2'), ['1', 'Đảng viên 9', '1980', '30/6/2024 - 01/3/2024', 'HTNV']])]);
		expect(bad.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([[5, 'Thời gian nghỉ ốm', '30/6/2024 - 01/3/2024']]);
	});

	it('a note\'s sick leave as members\' notes write it is read: a spell of days, "Ốm dài ngày, nghỉ 100 ngày", "Nghỉ điều trị bệnh", "dài hạn", "hơn 3 tháng" (3 months: R6\'s "3 months or more"), months from … to …; a note of sick leave with no length, or a spell ending before it starts, is warned, naming row and note, not refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const notes = ['Nghỉ ốm từ 01/3/2024 đến 30/6/2024', 'Ốm dài ngày, nghỉ 100 ngày', 'Nghỉ điều trị bệnh 5 tháng', 'Nghỉ ốm dài hạn 6 tháng', 'Nghỉ ốm hơn 3 tháng',
			'Nghỉ ốm (từ tháng 2 đến tháng 7)', 'Điều trị ung thư, nghỉ ốm 4 tháng', 'Nghỉ ốm dài ngày', 'Nghỉ ốm gần 3 tháng', 'Nghỉ ốm từ 30/6/2024 đến 01/3/2024', 'Không nghỉ ốm', 'Nghỉ thai sản 6 tháng'];
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Ghi chú'],
			...notes.map((n, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1970 + i), 'HTTNV', n])]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: notes.length });
		expect((await db.query<{ d: number | null; m: number | null }>('select sick_leave_days as d, sick_leave_months::double as m from rating order by source_row')).map((x) => [x.d, x.m]))
			.toEqual([[122, null], [100, null], [null, 5], [null, 6], [null, 3], [null, 6], [null, 4], [null, null], [null, null], [null, null], [null, null], [null, null]]);
		const said = r.files[0].warnings.filter((w) => /nghỉ ốm ở cột Ghi chú/.test(w));
		expect(said).toHaveLength(1);
		expect(said[0]).toMatch(/^3 dòng .*\(dòng 12: "Nghỉ ốm dài ngày", dòng 13: "Nghỉ ốm gần 3 tháng", dòng 14: "Nghỉ ốm từ 30\/6\/2024 đến 01\/3\/2024"\).*\(R6\)/);
	});

	it('a note naming illness leave as clerks write it ("chế độ ốm đau", "Ốm đau dài ngày", "Nằm viện điều trị", "Ốm nặng, nghỉ", "dưỡng bệnh", "nghỉ điều dưỡng", "Điều trị ung thư"), spells summed ("45 ngày + 50 ngày", "2 đợt: 40 ngày và 55 ngày"): read, R6; one without a length is warned; maternity, annual leave, study are no sick leave', async () => {
		const { db, dir } = await dbWithRegistry();
		const notes = ['Nghỉ chế độ ốm đau 4 tháng', 'Ốm đau dài ngày (từ 15/3 - 30/7)', 'Nằm viện điều trị 4 tháng', 'Nằm viện điều trị từ 01/3/2024 đến 30/6/2024',
			'Ốm nặng, nghỉ 4 tháng', 'Nghỉ dưỡng bệnh 100 ngày', 'Phẫu thuật, nghỉ điều dưỡng 95 ngày', 'Điều trị ung thư từ 02/01/2024 đến 30/4/2024',
			'Nghỉ ốm 45 ngày + 50 ngày', 'Nghỉ ốm 2 đợt: 40 ngày và 55 ngày', 'Nằm viện điều trị dài ngày', 'Nghỉ thai sản 6 tháng', 'Nghỉ phép 12 ngày', 'Đi học tập trung 5 tháng'];
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định', 'Ghi chú'],
			...notes.map((n, i) => [String(i + 1), `Đảng viên ${i + 1}`, `0${(i % 9) + 1}/05/${1960 + i}`, 'HTTNV', 'HTTNV', '10/12/2024', n])]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: notes.length });
		expect((await db.query<{ d: number | null; m: number | null }>('select sick_leave_days as d, sick_leave_months::double as m from rating order by source_row')).map((x) => [x.d, x.m]))
			.toEqual([[null, 4], [138, null], [null, 4], [122, null], [null, 4], [100, null], [95, null], [120, null], [95, null], [95, null], [null, null], [null, null], [null, null], [null, null]]);
		const said = r.files[0].warnings.filter((w) => /nghỉ ốm ở cột Ghi chú/.test(w));
		expect(said).toHaveLength(1);
		expect(said[0]).toMatch(/^1 dòng .*\(dòng 15: "Nằm viện điều trị dài ngày"\).*\(R6\)/);
		const fs = (await runAudit(db, { year: 2024, rules: ['sick_leave_cap'], signals: false })).findings;
		expect(fs.map((f) => f.source_row).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
	});

	it('a note\'s sick spell followed by another leave ("Nghỉ ốm 15 ngày, 6 tháng thai sản", "20 ngày; 80 ngày phép", "1 tháng, 3 tháng đi học", "10 ngày và 2 tháng không lương"): only the sick spell is read, no R6; spells of sick leave still sum ("10 ngày + 20 ngày, 2 tháng thai sản": 30; "45 ngày + 50 ngày trong năm": 95)', async () => {
		const { db, dir } = await dbWithRegistry();
		const notes = ['Nghỉ ốm 15 ngày, 6 tháng thai sản', 'Nghỉ ốm 20 ngày; 80 ngày phép', 'Nghỉ ốm 1 tháng, 3 tháng đi học', 'Nghỉ ốm 30 ngày, 60 ngày phép',
			'Nghỉ ốm 10 ngày và 2 tháng không lương', 'Nghỉ ốm 10 ngày + 20 ngày, 2 tháng thai sản', 'Nghỉ ốm 45 ngày + 50 ngày trong năm'];
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định', 'Ghi chú'],
			...notes.map((n, i) => [String(i + 1), `Đảng viên ${i + 1}`, `0${(i % 9) + 1}/05/${1960 + i}`, 'HTTNV', 'HTTNV', '10/12/2024', n])]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: notes.length });
		expect((await db.query<{ d: number | null; m: number | null }>('select sick_leave_days as d, sick_leave_months::double as m from rating order by source_row')).map((x) => [x.d, x.m]))
			.toEqual([[15, null], [20, null], [null, 1], [30, null], [10, null], [30, null], [95, null]]);
		const fs = (await runAudit(db, { year: 2024, rules: ['sick_leave_cap'], signals: false })).findings;
		expect(fs.map((f) => f.source_row)).toEqual([11]);
	});

	it('a note naming a post or ward ("Bác sĩ điều trị", "Điều dưỡng, khoa Phẫu thuật", "Y sĩ khám chữa bệnh", "Phó khoa điều trị"), "Ốm" alone or in a name ("Ốm Văn Ba") is no sick leave, not warned; "Ốm 3 tháng" is read, "Đang điều trị bệnh" warned', async () => {
		const { db, dir } = await dbWithRegistry();
		const notes = ['Bác sĩ điều trị', 'Điều dưỡng, khoa Phẫu thuật', 'Y sĩ khám chữa bệnh', 'Phó khoa điều trị', 'Y sĩ điều trị trạm y tế', 'Ốm', 'Ốm Văn Ba',
			'Ốm 3 tháng', 'Đang điều trị bệnh'];
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Ghi chú'],
			...notes.map((n, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1970 + i), 'HTTNV', n])]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: notes.length });
		expect((await db.query<{ m: number | null }>('select sick_leave_months::double as m from rating order by source_row')).map((x) => x.m))
			.toEqual([null, null, null, null, null, null, null, 3, null]);
		const said = r.files[0].warnings.filter((w) => /nghỉ ốm ở cột Ghi chú/.test(w));
		expect(said).toHaveLength(1);
		expect(said[0]).toMatch(/^1 dòng .*\(dòng 13: "Đang điều trị bệnh"\)/);
	});

	it('months from … to … with their year ("Nghỉ ốm từ tháng 3/2024 đến tháng 6/2024": 4, both counted; "tháng 11/2023 đến tháng 2/2024": the 2 of the year), in a note or the column, and a number of months in words ("ba tháng", "bốn tháng") are read; "sau tháng 3" is no length: warned', async () => {
		const { db, dir } = await dbWithRegistry();
		const rows = [['', 'Nghỉ ốm từ tháng 3/2024 đến tháng 6/2024'], ['', 'Nghỉ ốm ba tháng'], ['', 'Nghỉ ốm bốn tháng'], ['', 'Nghỉ ốm từ tháng 11/2023 đến tháng 2/2024'],
			['', 'Nghỉ ốm sau tháng 3'], ['Tháng 3/2024 - Tháng 6/2024', '']];
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Số ngày nghỉ ốm', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định', 'Ghi chú'],
			...rows.map(([cell, note], i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1961 + i), cell, 'HTTNV', 'HTTNV', '10/12/2024', note])]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: rows.length });
		expect((await db.query<{ d: number | null; m: number | null }>('select sick_leave_days as d, sick_leave_months::double as m from rating order by source_row')).map((x) => [x.d, x.m]))
			.toEqual([[null, 4], [null, 3], [null, 4], [null, 2], [null, null], [null, 4]]);
		const said = r.files[0].warnings.filter((w) => /nghỉ ốm ở cột Ghi chú/.test(w));
		expect(said).toHaveLength(1);
		expect(said[0]).toMatch(/^1 dòng .*\(dòng 9: "Nghỉ ốm sau tháng 3"\)/);
		const fs = (await runAudit(db, { year: 2024, rules: ['sick_leave_cap'], signals: false })).findings;
		expect(fs.map((f) => f.source_row).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual([5, 6, 7, 10]);
	});

	it('a bad sick-leave cell is refused even when its note, shared with a row whose cell is empty, speaks of sick leave (the note is read only where no cell gives the leave)', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Số ngày nghỉ ốm', 'Ghi chú'],
			['1', 'Đảng viên 1', '1970', 'HTNV', '', 'Nghỉ ốm dài ngày'],
			['2', 'Đảng viên 2', '1971', 'HTNV', 'nhiều', 'Nghỉ ốm dài ngày']]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([[6, 'Số ngày nghỉ ốm', 'nhiều']]);
	});

	it('a column of months ("Nghỉ ốm (tháng)", "Số tháng nghỉ ốm"): "3", "3,5", "2,9" are months (they were read as 3, 4 and 3 days)', async () => {
		for (const header of ['Nghỉ ốm (tháng)', 'Số tháng nghỉ ốm']) {
			const { db, dir } = await dbWithRegistry();
			const cells = ['3', '3,5', '2,9', '2 tháng 29 ngày', ''];
			const f = writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', header],
				...cells.map((c, i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1970 + i), 'HTNV', c])]);
			const r = await ingest(db, [f]);
			expect(r.files[0], header).toMatchObject({ status: 'loaded', rowsStored: cells.length });
			expect((await db.query<{ d: number | null; m: number | null }>('select sick_leave_days as d, sick_leave_months::double as m from rating order by source_row')).map((x) => [x.d, x.m]), header)
				.toEqual([[null, 3], [null, 3.5], [null, 2.9], [29, 2], [null, null]]);
			const bad = await ingest(db, [writeCsv(dir, 'xl2.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', header], ['1', 'Đảng viên 9', '1980', 'HTNV', 'nhiều']])]);
			expect(bad.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([[5, header, 'nhiều']]);
		}
		// a column of days that names the months it covers is still days
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại', 'Số ngày nghỉ ốm (từ tháng 1 đến tháng 12)'], ['1', 'Đảng viên 1', '1970', 'HTNV', '95']]);
		expect((await ingest(db, [f])).files[0].status).toBe('loaded');
		expect(await db.query('select sick_leave_days as d from rating')).toEqual([{ d: 95 }]);
	});
});
