// Header recognition on lists as units really write them: extra columns whose names hold a field's
// keyword ("Ngày chính thức" holds "hình thức", "Số quyết định" ends in "quyết định"), level columns
// of two years, self-rating spelled as a sentence, a name over two columns, title lines that carry
// a date, a cấp ủy's term or "CHI BỘ: THÔN 1". Each test writes the file a unit would send and
// asserts the rows stored.
import { describe, expect, it } from 'vitest';
import { fieldOfHeader } from '../../../src/lib/server/ingest/fields';
import { findHeader } from '../../../src/lib/server/ingest/header';
import { writeCsv, writeXlsx } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']];

/** Rating rows stored, in file order, with the person's name and the unit's code. */
const RATINGS = `select p.full_name, r.self_level, r.proposed_level, r.final_level, r.score, r.civil_servant_level,
	cast(r.decided_on as varchar) as decided_on, r.period_year, r.period_kind, r.subject_kind, u.code as unit
	from rating r left join person p on p.id = r.person_id left join unit u on u.id = r.unit_id order by r.source_row`;

describe('columns whose names hold another field’s keyword', () => {
	it.each([
		['Ngày chính thức', null], ['Ngày kết nạp Đảng chính thức', null], ['Hình thức khen thưởng', null], ['Hình thức kỷ luật', 'discipline_form'],
		['Số quyết định', null], ['Số QĐ', null], ['Ngày tháng năm quyết định', 'decided_on'], ['Ngày, tháng ra quyết định', 'decided_on'],
		['Chi bộ quyết định', 'final_level'], ['Đảng ủy quyết định', 'final_level'], ['Quyết định xếp loại', 'final_level'],
		['Cấp có thẩm quyền quyết định', 'final_level'], ['Cấp quyết định', 'decider'], ['Cấp quyết định kỷ luật', 'issuing_body'],
		['Đảng viên tự xếp loại', 'self_level'], ['Cá nhân tự đánh giá, xếp loại', 'self_level'], ['Cá nhân tự xếp loại', 'self_level'],
		['Tự chấm điểm', null], ['Ưu điểm', null], ['Khuyết điểm, hạn chế', null], ['Kết quả xếp loại năm trước', null],
		['Đơn vị công tác', 'agency'], ['Loại hình tổ chức', 'unit_kind'], ['Tên', 'given_name'], ['Họ (đệm)', 'full_name'],
		['Số, ngày quyết định', 'decided_on'], ['Số và ngày quyết định kỷ luật', 'decided_on'], ['Quyết định số, ngày', 'decided_on'],
		['Số hiệu, ngày ra quyết định', 'decided_on'],
		// the number and the date in one column, however UBKT registers head it; a count of days is none
		['Số QĐ, ngày', 'decided_on'], ['Số QĐ, ngày ký', 'decided_on'], ['Số quyết định, ngày', 'decided_on'], ['Số QĐ/ngày QĐ', 'decided_on'],
		['Số QĐ - ngày QĐ', 'decided_on'], ['Số, ký hiệu, ngày QĐ', 'decided_on'], ['Số hiệu, ngày ban hành QĐ', 'decided_on'],
		['Số quyết định kỷ luật, ngày ký', 'decided_on'], ['Số ngày nghỉ ốm', 'sick_days'],
		// the day a list was decided, however an agency heads it (not its level)
		['Ngày đánh giá, xếp loại', 'decided_on'], ['Ngày đánh giá', 'decided_on'], ['Ngày phê duyệt', 'decided_on'],
		['Thời điểm xếp loại', 'decided_on'], ['Thời điểm đánh giá, xếp loại', 'decided_on'],
		// a register's form column naming the Party's side, beside the State's; "Kỳ", "Quý" stay the period
		['Kỷ luật Đảng', 'discipline_form'], ['Kỷ luật về Đảng', 'discipline_form'], ['Kỷ luật đảng viên', 'discipline_form'],
		['Kỷ luật về mặt Đảng', 'discipline_form'], ['KL Đảng', 'discipline_form'], ['KL chính quyền', 'state_discipline'],
		['Kỳ', 'period'], ['Kỳ đánh giá', 'period'], ['Quý', 'period'],
		['Ban Thường vụ Đảng ủy xã đánh giá', 'final_level'], ['BTV Huyện ủy đánh giá', 'final_level'],
		['Điểm chi bộ đánh giá', 'score'],
		['Tên tổ chức, cá nhân', 'full_name'], ['Tên tập thể, cá nhân', 'full_name'], ['Tên tổ chức, cá nhân bị kỷ luật', 'subject_name'],
		// the group of similar duties (NĐ 335, QĐ 366) however a Sở heads it; a blood group, a group row's
		// text ("Nhóm 1: …", "Nhóm lãnh đạo, quản lý" right under the header) are none
		['Nhóm nhiệm vụ tương đồng', 'group_name'], ['Nhóm chức danh tương đồng', 'group_name'], ['Nhóm đối tượng đánh giá', 'group_name'],
		['Nhóm vị trí việc làm', 'group_name'], ['Nhóm đối tượng có chức trách, nhiệm vụ tương đồng', 'group_name'], ['Nhóm CV', 'group_name'],
		['Nhóm máu', null], ['Nhóm 1: Đảng viên là cán bộ, công chức', null], ['Nhóm lãnh đạo, quản lý', null]
	])('"%s" names %s', (header, field) => {
		expect(fieldOfHeader(header)).toBe(field);
		expect(fieldOfHeader(header.normalize('NFD').toUpperCase())).toBe(field);
	});

	// points written "30đ": the number before "đ" is the tell, "Đảng", "Đ/c", "Đơn vị" are no points
	it.each([
		['Tiêu chí chung (30đ)', 'score'], ['Kết quả thực hiện nhiệm vụ (70 đ)', 'score'], ['Nhiệm vụ được giao 70đ', 'score'],
		['Phần I (tối đa 30 điểm)', 'score'], ['Đơn vị', 'unit_name'], ['Họ và tên đ/c', 'full_name'], ['Số thẻ Đảng', 'card_no'], ['Chức vụ Đảng', 'position'],
		['Đảng ủy đánh giá', 'final_level']
	])('"%s" names %s', (header, field) => {
		expect(fieldOfHeader(header)).toBe(field);
		expect(fieldOfHeader(header.normalize('NFD').toUpperCase())).toBe(field);
	});

	// abbreviations clerks write in narrow columns, in capitals as written ("Tự" is no "TU", Tỉnh ủy);
	// a header the words already name keeps its reading ("Số QĐ" a number, "Quyết định số" no period)
	it.each([
		['NS', 'birth'], ['SN', 'birth'], ['Số TĐV', 'card_no'], ['CV', 'position'], ['Công việc được giao', null],
		['Tự XL', 'self_level'], ['Tự ĐG', 'self_level'], ['ĐV tự XL', 'self_level'], ['Đv tự XL', 'self_level'], ['ĐV tự XL năm 2024', 'self_level'], ['CB đề xuất', 'proposed_level'], ['ĐU quyết định', 'final_level'],
		['CB quyết định', 'final_level'], ['BTV ĐU quyết định', 'final_level'], ['HU quyết định', 'final_level'], ['ĐU đánh giá', 'final_level'],
		['Kết quả XL', 'final_level'], ['Ngày KĐ', 'reviewed_on'], ['Ngày QĐ', 'decided_on'], ['QĐ ngày', 'decided_on'], ['Quyết định ngày', 'decided_on'],
		['Số QĐ', null], ['Quyết định số', null], ['Ngày VĐ', 'joined_party_on'], ['Dự bị', null]
	])('abbreviated "%s" names %s', (header, field) => {
		expect(fieldOfHeader(header)).toBe(field);
		expect(fieldOfHeader(header.normalize('NFD').toUpperCase())).toBe(field);
	});

	it('a "Ngày chính thức" column leaves a rating list a rating list', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h12.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Ngày vào Đảng', 'Ngày chính thức', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '12/05/1970', '70.012345', '03/02/1995', '03/02/1996', 'HTXSNV', 'HTTNV', 'HTTNV', '10/12/2024'],
			['2', 'Trần Thị Bình', '1985', '70012346', '03/02/1995', '03/02/1996', 'HTTNV', 'HTNV', 'HTNV', '10/12/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([
			{ full_name: 'Nguyễn Văn An', self_level: 4, proposed_level: 3, final_level: 3, decided_on: '2024-12-10', period_year: 2024, unit: 'C70010101' },
			{ full_name: 'Trần Thị Bình', self_level: 3, proposed_level: 2, final_level: 2, decided_on: '2024-12-10', period_year: 2024, unit: 'C70010101' }
		]);
		expect(await db.one('select count(*)::int as n from discipline')).toEqual({ n: 0 });
	});

	it('"Ngày kết nạp Đảng chính thức" among many extra columns: a rating list, and not the admission date', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h06.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định', 'Chức vụ đảng, chính quyền, đoàn thể', 'Trình độ LLCT', 'Quê quán', 'Dân tộc', 'Ngày kết nạp Đảng chính thức'],
			['1', 'Nguyễn Văn An', '12/05/1970', '70.012345', 'HTXSNV', 'HTXSNV', 'HTXSNV', '10/12/2024', 'Bí thư chi bộ', 'Trung cấp', 'Xã Đoàn Kết', 'Kinh', '03/02/1996']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 1 });
		expect(await db.query(RATINGS)).toMatchObject([{ full_name: 'Nguyễn Văn An', final_level: 4, unit: 'C70010101' }]);
		expect(await db.one('select joined_party_on from person')).toEqual({ joined_party_on: null });
	});

	it('a roster with "Ngày chính thức" is a roster', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'k02.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số thẻ đảng viên', 'Chức vụ', 'Ngày vào Đảng', 'Ngày chính thức', 'Tình trạng'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'Nam', '70.012345', 'Bí thư chi bộ', '03/02/1995', '03/02/1996', 'Chính thức'],
			['2', 'Phạm Thị Dung', '02/03/1998', 'Nữ', '', 'Đảng viên', '15/09/2024', '', 'Dự bị']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 2 });
		expect(await db.query(`select p.full_name, m.status, cast(m.joined_party_on as varchar) as joined, u.code from membership m join person p on p.id = m.person_id join unit u on u.id = m.unit_id order by m.source_row`)).toEqual([
			{ full_name: 'Nguyễn Văn An', status: 'official', joined: '1995-02-03', code: 'C70010101' },
			{ full_name: 'Phạm Thị Dung', status: 'probationary', joined: '2024-09-15', code: 'C70010101' }
		]);
	});

	it('"Hình thức khen thưởng" does not make a rating list a discipline register', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h17.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Ngày sinh', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định', 'Hình thức khen thưởng'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'HTXSNV', 'HTTNV', 'HTTNV', '10/12/2024', 'Giấy khen của Đảng ủy'],
			['2', 'Trần Thị Bình', '1985', 'HTTNV', 'HTNV', 'HTNV', '10/12/2024', '']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect((await db.query<{ final_level: number }>(RATINGS)).map((x) => x.final_level)).toEqual([3, 2]);
	});
});

describe('"… quyết định" columns', () => {
	it('"Số quyết định" after "Đảng ủy quyết định" does not take the final level', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h10.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Ngày sinh', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định', 'Số quyết định'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'HTXSNV', 'HTTNV', 'HTTNV', '10/12/2024', '125-QĐ/ĐU'],
			['2', 'Trần Thị Bình', '1985', 'HTTNV', 'HTNV', 'HTNV', '10/12/2024', '125-QĐ/ĐU']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([
			{ self_level: 4, proposed_level: 3, final_level: 3, decided_on: '2024-12-10' },
			{ self_level: 3, proposed_level: 2, final_level: 2, decided_on: '2024-12-10' }
		]);
	});

	it.each([['Ngày, tháng ra quyết định'], ['Ngày tháng năm quyết định']])('"%s" is the decision date; the level is the Đảng ủy column', async (dateHeader) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h01.csv', [
			...TITLE,
			['TT', 'HỌ VÀ TÊN ĐẢNG VIÊN', 'Ngày, tháng, năm sinh', 'Số thẻ Đảng viên:', 'Tự nhận mức xếp loại (*)', 'Chi bộ đề nghị', 'Kết quả xếp loại của Đảng ủy (**)', dateHeader],
			['1', 'Nguyễn Văn An', '12/05/1970', '70.012345', 'HTXSNV', 'HTXSNV', 'HTXSNV', '10/12/2024'],
			['2', 'Phạm Thị Dung', '02/03/1998', '70012348', 'KHTNV', 'KHTNV', 'KHTNV', '11/12/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([
			{ full_name: 'Nguyễn Văn An', self_level: 4, proposed_level: 4, final_level: 4, decided_on: '2024-12-10' },
			{ full_name: 'Phạm Thị Dung', self_level: 1, proposed_level: 1, final_level: 1, decided_on: '2024-12-11' }
		]);
	});

	it('a list with abbreviated headers ("ĐU quyết định", "Tự XL", "Số TĐV", "NS", "Ngày KĐ") reads every column', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'h30.xlsx', [
			...TITLE,
			['TT', 'Họ tên', 'NS', 'Số TĐV', 'CV', 'Tự XL', 'CB đề xuất', 'ĐU quyết định', 'Ngày KĐ', 'Ngày QĐ'],
			[1, 'Nguyễn Văn An', '12/05/1970', '70012345', 'Bí thư chi bộ', 'HTXSNV', 'HTXSNV', 'HTXSNV', '20/11/2024', '10/12/2024'],
			[2, 'Trần Thị Bình', '1985', '70012346', 'Đảng viên', 'HTTNV', 'HTTNV', 'HTNV', '20/11/2024', '10/12/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2, warnings: [] });
		expect(await db.query(RATINGS)).toMatchObject([
			{ full_name: 'Nguyễn Văn An', self_level: 4, proposed_level: 4, final_level: 4, decided_on: '2024-12-10', unit: 'C70010101' },
			{ full_name: 'Trần Thị Bình', self_level: 3, proposed_level: 3, final_level: 2, decided_on: '2024-12-10', unit: 'C70010101' }
		]);
		expect(await db.query(`select p.card_no, cast(p.birth_date as varchar) as birth_date, p.birth_year, r.position, cast(r.reviewed_on as varchar) as reviewed_on
			from rating r join person p on p.id = r.person_id order by r.source_row`)).toEqual([
			{ card_no: '70012345', birth_date: '1970-05-12', birth_year: 1970, position: 'Bí thư chi bộ', reviewed_on: '2024-11-20' },
			{ card_no: '70012346', birth_date: null, birth_year: 1985, position: 'Đảng viên', reviewed_on: '2024-11-20' }
		]);
	});

	// (rev24b: "ĐV" unread, "ĐV tự xếp loại" was the catch-all "xếp loại": the member's own level stored as the final)
	it('"ĐV tự XL | Xếp loại": the member\'s own level is the self level, "Xếp loại" the final', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dv.csv', [...TITLE, ['STT', 'Họ và tên', 'NS', 'ĐV tự XL', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'HTXSNV', 'HTTNV'], ['2', 'Trần Thị Bình', '1985', 'HTTNV', 'HTNV']])]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([{ self_level: 4, final_level: 3 }, { self_level: 3, final_level: 2 }]);
	});

	it('a discipline register\'s "Số quyết định" is no level, and "Cấp quyết định kỷ luật" is the issuing body', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'k05.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['SỔ THEO DÕI KỶ LUẬT ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Chi bộ', 'Hình thức kỷ luật', 'Số quyết định', 'Ngày quyết định', 'Cấp quyết định kỷ luật'],
			['1', 'Nguyễn Văn An', '1970', '70010000', 'Chi bộ thôn 2', 'Khiển trách', '10-QĐ/UBKT', '05/06/2024', 'UBKT Đảng ủy xã']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 1 });
		expect(await db.one('select form, issuing_body from discipline')).toEqual({ form: 'khien_trach', issuing_body: 'UBKT Đảng ủy xã' });
	});
});

describe('level columns of two years', () => {
	const head = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên'];
	const people = [['1', 'Nguyễn Văn An', '12/05/1970', '70.012345'], ['2', 'Phạm Thị Dung', '02/03/1998', '70012348']];

	it.each([
		['2023 then 2024', ['Xếp loại năm 2023', 'Xếp loại năm 2024'], [['HTTNV', 'HTXSNV'], ['HTTNV', 'KHTNV']]],
		['2024 then 2023', ['Xếp loại năm 2024', 'Xếp loại năm 2023'], [['HTXSNV', 'HTTNV'], ['KHTNV', 'HTTNV']]]
	])('the column of the list’s year wins (%s)', async (_, levelHeads, levels) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h18.csv', [...TITLE, [...head, ...levelHeads, 'Ngày quyết định'], ...people.map((p, i) => [...p, ...levels[i], '10/12/2024'])]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([{ final_level: 4, period_year: 2024 }, { final_level: 1, period_year: 2024 }]);
	});

	it('without a year in the title, the latest year named wins', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h18b.csv', [
			['CHI BỘ THÔN 2'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại năm 2023', 'Xếp loại năm 2024', 'Năm'],
			['1', 'Bùi Văn Khoa', '1960', 'HTTNV', 'HTXSNV', '2024']
		]);
		const r = await ingest(db, [f], { unit: 'X700101' });
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 1 });
		expect(await db.query(RATINGS)).toMatchObject([{ final_level: 4, period_year: 2024, unit: 'C70010102' }]);
	});

	it('… and is the list’s year when neither the title nor a column gives one (and the chi bộ named alone is looked up in that year)', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h18c.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại năm 2023', 'Xếp loại năm 2024', 'Ngày xếp loại'],
			['1', 'Bùi Văn Khoa', '1960', 'HTTNV', 'HTXSNV', '25/11/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 1 });
		expect(await db.query(RATINGS)).toMatchObject([{ final_level: 4, period_year: 2024, unit: 'C70010102' }]);
	});

	it('"Kết quả xếp loại năm trước" before "Xếp loại" is not this year’s level', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h19.csv', [
			...TITLE,
			[...head, 'Kết quả xếp loại năm trước', 'Tự xếp loại', 'Chi bộ đề xuất', 'Xếp loại', 'Ngày quyết định'],
			[...people[0], 'HTTNV', 'HTXSNV', 'HTXSNV', 'HTXSNV', '10/12/2024'],
			[...people[1], 'HTTNV', 'KHTNV', 'KHTNV', 'KHTNV', '10/12/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([{ self_level: 4, final_level: 4 }, { self_level: 1, final_level: 1 }]);
	});
});

describe('self level, self score, strengths and weaknesses', () => {
	it.each([['Đảng viên tự xếp loại', 'Mức xếp loại chất lượng'], ['Cá nhân tự xếp loại', 'Đảng ủy quyết định'], ['Cá nhân tự đánh giá, xếp loại', 'Đảng ủy quyết định']])(
		'"%s" is the self level, "%s" the final one',
		async (selfHead, finalHead) => {
			const { db, dir } = await dbWithRegistry();
			const f = writeCsv(dir, 'h11.csv', [
				...TITLE,
				['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', selfHead, 'Chi bộ đề xuất', finalHead, 'Ngày quyết định'],
				['1', 'Nguyễn Văn An', '12/05/1970', '70.012345', 'HTXSNV', 'HTTNV', 'HTTNV', '10/12/2024'],
				['2', 'Trần Thị Bình', '1985', '70012346', 'HTTNV', 'HTNV', 'HTNV', '10/12/2024']
			]);
			const r = await ingest(db, [f]);
			expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
			expect(await db.query(RATINGS)).toMatchObject([
				{ self_level: 4, proposed_level: 3, final_level: 3 },
				{ self_level: 3, proposed_level: 2, final_level: 2 }
			]);
		}
	);

	it('"Tự chấm điểm" is neither the self level nor the score; "Ưu điểm", "Khuyết điểm" are not the score', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'h16.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Ngày sinh', 'Tự chấm điểm', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định', 'Ưu điểm', 'Khuyết điểm, hạn chế'],
			['1', 'Nguyễn Văn An', '12/05/1970', '85', 'HTXSNV', 'HTTNV', 'HTTNV', '10/12/2024', 'Gương mẫu, nhiệt tình', 'Chưa mạnh dạn phê bình'],
			['2', 'Trần Thị Bình', '1985', '72', 'HTTNV', 'HTNV', 'HTNV', '10/12/2024', 'Gương mẫu', '']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([
			{ self_level: 4, final_level: 3, score: null },
			{ self_level: 3, final_level: 2, score: null }
		]);
	});
});

describe('QĐ 366: each stage merged over its "Điểm | Mức xếp loại"', () => {
	const stages = (decided = 'Đảng ủy quyết định') => ['STT', 'Họ và tên', 'Năm sinh', 'Đảng viên tự đánh giá', null, 'Chi bộ đề xuất', null, decided, null];
	const under = (lv: string) => ['STT', 'Họ và tên', 'Năm sinh', 'Điểm', lv, 'Điểm', lv, 'Điểm', lv];
	const ROWS = [[1, 'Nguyễn Văn An', 1970, 92, 'HTXSNV', 85, 'HTTNV', 78, 'HTTNV'], [2, 'Trần Thị Bình', 1985, 60, 'HTNV', 50, 'HTNV', 45, 'KHTNV']];
	it.each([
		['"Mức xếp loại"', [stages(), under('Mức xếp loại')], ['A4:A5', 'B4:B5', 'C4:C5', 'D4:E4', 'F4:G4', 'H4:I4']],
		['"Xếp loại"', [stages(), under('Xếp loại')], ['A4:A5', 'B4:B5', 'C4:C5', 'D4:E4', 'F4:G4', 'H4:I4']],
		// (a "… – Điểm" the proposal's ranks as high: the latest stage's still)
		['"Xếp loại", the last stage "Đảng ủy đánh giá"', [stages('Đảng ủy đánh giá'), under('Xếp loại')], ['A4:A5', 'B4:B5', 'C4:C5', 'D4:E4', 'F4:G4', 'H4:I4']],
		['"Mức xếp loại", the stages under "Kết quả đánh giá, xếp loại"', [['STT', 'Họ và tên', 'Năm sinh', 'Kết quả đánh giá, xếp loại'], stages(), under('Mức xếp loại')],
			['A4:A6', 'B4:B6', 'C4:C6', 'D4:I4', 'D5:E5', 'F5:G5', 'H5:I5']]
	])('over %s: each stage’s level from its level column, the Đảng ủy’s score the score', async (_, head, merges) => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'qd366.xlsx', [...TITLE, ...(head as string[][]), ...ROWS], { merges });
		const r = await ingest(db, [f]);
		expect(r.files[0], JSON.stringify(r.files[0].errors)).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([
			{ full_name: 'Nguyễn Văn An', self_level: 4, proposed_level: 3, final_level: 3, score: 78 },
			{ full_name: 'Trần Thị Bình', self_level: 2, proposed_level: 2, final_level: 1, score: 45 }
		]);
	});
});

describe('units, agencies and unit kinds', () => {
	it('"Đơn vị công tác" is where the member works, not the chi bộ: the title\'s chi bộ holds the rows', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'l10.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Đơn vị công tác', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'Bí thư chi bộ', 'UBND xã Đoàn Kết', 'HTXSNV', 'HTXSNV', 'HTXSNV', '10/12/2024'],
			['2', 'Lê Văn Cường', '01/01/1990', 'Đảng viên', 'Hưu trí', 'HTNV', 'HTNV', 'HTNV', '10/12/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select u.code, r.agency from rating r join unit u on u.id = r.unit_id order by r.source_row')).toEqual([
			{ code: 'C70010101', agency: 'UBND xã Đoàn Kết' },
			{ code: 'C70010101', agency: 'Hưu trí' }
		]);
	});

	it('a registry\'s "Loại hình tổ chức" is the unit kind', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'k08.csv', [
			['DANH MỤC TỔ CHỨC ĐẢNG TRỰC THUỘC ĐẢNG ỦY XÃ ĐOÀN KẾT'],
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại hình tổ chức', 'Trực thuộc', 'Tỉnh', 'Xã', 'Ngày thành lập'],
			['1', 'C70010111', 'Chi bộ thôn 11', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000'],
			['2', 'C70010112', 'Chi bộ Công an xã', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 2 });
		expect(await db.query(`select code, kind from unit where code in ('C70010111', 'C70010112') order by code`)).toEqual([
			{ code: 'C70010111', kind: 'chi_bo_truc_thuoc' },
			{ code: 'C70010112', kind: 'chi_bo_truc_thuoc' }
		]);
	});

	it('"Tự xếp loại" + "Xếp loại công chức, viên chức" with no Party level: a civil-servant list, that column its level', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'k07.csv', [
			['UBND XÃ ĐOÀN KẾT'],
			['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Chức vụ', 'Đơn vị công tác', 'Tự xếp loại', 'Xếp loại công chức, viên chức', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '12/05/1970', '70012345', 'Chủ tịch UBND', 'UBND xã Đoàn Kết', 'HTXSNV', 'Hoàn thành tốt nhiệm vụ', '05/12/2024'],
			['2', 'Trần Thị Bình', '1985', '70012346', 'Công chức', 'UBND xã Đoàn Kết', 'HTTNV', 'Hoàn thành nhiệm vụ', '05/12/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 2 });
		expect(await db.query(`select r.subject_kind, r.self_level, r.final_level, r.agency, r.period_year from rating r order by r.source_row`)).toEqual([
			{ subject_kind: 'civil_servant', self_level: 4, final_level: 3, agency: 'UBND xã Đoàn Kết', period_year: 2024 },
			{ subject_kind: 'civil_servant', self_level: 3, final_level: 2, agency: 'UBND xã Đoàn Kết', period_year: 2024 }
		]);
	});
});

describe('a name over two columns', () => {
	const head = (name: string[]) => ['STT', ...name, 'Ngày sinh', 'Tự xếp loại', 'Đảng ủy quyết định'];
	const fieldsOf = (rows: string[][]) => {
		const h = findHeader(rows)!;
		return Object.fromEntries(h.columns.map((c) => [c.index, c.field]));
	};
	const data = ['1', 'Nguyễn Văn', 'An', '12/05/1970', 'HTT', 'HTT'];

	it('"Họ và tên đệm" | "Tên", "Họ" | "Tên": family part and given name', () => {
		for (const name of [['Họ và tên đệm', 'Tên'], ['Họ', 'Tên'], ['Họ (đệm)', 'Tên']])
			expect(fieldsOf([...TITLE, head(name), data])).toMatchObject({ 1: 'full_name', 2: 'given_name', 3: 'birth' });
	});

	it('"Họ và tên" merged over an unnamed second column, or over "Họ (đệm)" | "Tên"', () => {
		expect(fieldsOf([...TITLE, head(['Họ và tên', '']), data])).toMatchObject({ 1: 'full_name', 2: 'given_name', 3: 'birth' });
		expect(fieldsOf([...TITLE, head(['Họ và tên', '']), ['', 'Họ (đệm)', 'Tên', '', '', ''], data])).toMatchObject({ 1: 'full_name', 2: 'given_name', 3: 'birth' });
		// an empty column after the name with nothing below it is no given name
		expect(fieldsOf([...TITLE, head(['Họ và tên', '']), ['1', 'Nguyễn Văn An', '', '12/05/1970', 'HTT', 'HTT']])).not.toHaveProperty('2');
	});

	// stage.ts joins given_name after full_name
	it('stores the whole name from an XLSX "Họ và tên" merged over two columns', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'x07.xlsx', [...TITLE, head(['Họ và tên', null as unknown as string]), [1, 'Nguyễn Văn', 'An', '12/05/1970', 'HTT', 'HTT']], { merges: ['B4:C4'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 1 });
		expect(await db.query(RATINGS)).toMatchObject([{ full_name: 'Nguyễn Văn An', final_level: 3 }]);
	});
});

describe('membership start', () => {
	it.each([['Ngày bắt đầu sinh hoạt'], ['Ngày sinh hoạt tại chi bộ'], ['Ngày bắt đầu sinh hoạt tại chi bộ'], ['Ngày chuyển sinh hoạt đến']])('"%s" is the day the member joined the unit (R3\'s newcomer head)', (h) => {
		expect(fieldOfHeader(h)).toBe('joined_unit_on');
	});
});

describe('"Năm sinh" over "Nam | Nữ"', () => {
	it('the birth is whichever column is filled, and the sex follows it', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'namnu.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', '', 'Số thẻ đảng viên', 'Kết quả xếp loại', '', '', 'Ngày quyết định'],
			['', '', 'Nam', 'Nữ', '', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', ''],
			['1', 'Nguyễn Văn An', '12/05/1970', '', '70012345', 'HTXSNV', 'HTXSNV', 'HTXSNV', '10/12/2024'],
			['2', 'Trần Thị Bình', '', '1985', '70012346', 'HTTNV', 'HTTNV', 'HTTNV', '10/12/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select full_name, birth_date, birth_year from person order by full_name')).toEqual([
			{ full_name: 'Nguyễn Văn An', birth_date: '1970-05-12', birth_year: 1970 },
			{ full_name: 'Trần Thị Bình', birth_date: null, birth_year: 1985 }
		]);
		// a roster keeps the sex the column tells
		const roster = writeCsv(dir, 'namnu-ds.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', '', 'Số thẻ đảng viên', 'Ngày vào Đảng'],
			['', '', 'Nam', 'Nữ', '', ''],
			['1', 'Lê Văn Cường', '1990', '', '70012347', '03/02/2015'],
			['2', 'Bùi Thị Thư', '', '1998', '70012348', '04/05/2020']
		]);
		expect((await ingest(db, [roster])).files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 2 });
		expect(await db.query(`select full_name, birth_year, sex from person where card_no in ('70012347', '70012348') order by card_no`)).toEqual([
			{ full_name: 'Lê Văn Cường', birth_year: 1990, sex: 'nam' },
			{ full_name: 'Bùi Thị Thư', birth_year: 1998, sex: 'nu' }
		]);
	});
});

describe('"Ngày, tháng, năm sinh" over "Ngày | Tháng | Năm"', () => {
	it('the three are the birth date (the year alone where only it is filled), "Năm" not the list’s year; in a workbook with its merges', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'ngaysinh.xlsx', [
			...TITLE,
			['STT', 'Họ và tên', null, 'Ngày, tháng, năm sinh', null, null, 'Số thẻ ĐV', 'Xếp loại', null],
			[null, 'Họ đệm', 'Tên', 'Ngày', 'Tháng', 'Năm', null, 'Tự xếp loại', 'Đảng ủy quyết định'],
			[1, 'Nguyễn Thị', 'Hoa', '05', '03', '1972', '70022001', 'HTXSNV', 'HTXSNV'],
			[2, 'Trần Văn', 'Hùng', 12, 7, 1968, '70022002', 'HTTNV', 'HTTNV'],
			[3, 'Lê Thị', 'Lan', null, null, 1980, '70022003', 'HTTNV', 'HTTNV']
		], { merges: ['A4:A5', 'B4:C4', 'D4:F4', 'G4:G5', 'H4:I4'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 3 });
		expect(await db.query('select full_name, birth_date, birth_year from person order by card_no')).toEqual([
			{ full_name: 'Nguyễn Thị Hoa', birth_date: '1972-03-05', birth_year: 1972 },
			{ full_name: 'Trần Văn Hùng', birth_date: '1968-07-12', birth_year: 1968 },
			{ full_name: 'Lê Thị Lan', birth_date: null, birth_year: 1980 }
		]);
		expect((await db.query<{ period_year: number }>(RATINGS)).map((x) => x.period_year)).toEqual([2024, 2024, 2024]);
	});

	it('"Ngày sinh" over them in a CSV (the group\'s other cells blank)', () => {
		const h = findHeader([...TITLE, ['STT', 'Họ và tên', 'Ngày sinh', '', '', 'Xếp loại'], ['', '', 'Ngày', 'Tháng', 'Năm', ''], ['1', 'Nguyễn Văn An', '5', '3', '1972', 'HTTNV']]);
		expect(h?.columns.map((c) => [c.index, c.field])).toEqual([[0, 'stt'], [1, 'full_name'], [2, 'birth'], [3, 'birth_month'], [4, 'birth_year'], [5, 'final_level']]);
	});
});

describe('"Ngày vào Đảng" over "Kết nạp | Chính thức"', () => {
	it('the admission date is "Kết nạp" ("Chính thức", the day made official, is none of ours), with "Nam | Nữ" and a "(1)…(8)" row below', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'ds.xlsx', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', null, 'Số thẻ đảng viên', 'Ngày vào Đảng', null, 'Ghi chú'],
			[null, null, 'Nam', 'Nữ', null, 'Kết nạp', 'Chính thức', null],
			['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)'],
			[1, 'Lê Văn Cường', '1990', null, '70012347', '03/02/2015', '03/02/2016', null],
			[2, 'Bùi Thị Thư', null, '1998', '70012348', '04/05/2020', '04/05/2021', null]
		], { merges: ['A4:A5', 'B4:B5', 'C4:D4', 'E4:E5', 'F4:G4', 'H4:H5'] });
		expect((await ingest(db, [f])).files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 2 });
		expect(await db.query(`select p.full_name, p.birth_year, p.sex, cast(m.joined_party_on as varchar) as joined from membership m join person p on p.id = m.person_id order by p.card_no`)).toEqual([
			{ full_name: 'Lê Văn Cường', birth_year: 1990, sex: 'nam', joined: '2015-02-03' },
			{ full_name: 'Bùi Thị Thư', birth_year: 1998, sex: 'nu', joined: '2020-05-04' }
		]);
	});

	it.each([[['Kết nạp', 'Chính thức'], 2], [['Chính thức', 'Kết nạp'], 3]])('with no other sub-header, %j: the admission date is the "Kết nạp" column', (subs, at) => {
		const h = findHeader([
			['STT', 'Họ và tên', 'Ngày vào Đảng', ''],
			['', '', ...subs],
			['1', 'Lê Văn Cường', '03/02/2015', '03/02/2016']
		])!;
		expect(h).toMatchObject({ headerRows: [0, 1], dataStart: 2 });
		expect(h.columns.map((c) => [c.field, c.index])).toEqual([['stt', 0], ['full_name', 1], ['joined_party_on', at]]);
	});

	it('a section row "ĐẢNG VIÊN CHÍNH THỨC" right under the header is no second header row', () => {
		const h = findHeader([
			['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng'],
			['ĐẢNG VIÊN CHÍNH THỨC', '', '', ''],
			['1', 'Lê Văn Cường', '1990', '03/02/2015']
		])!;
		expect(h.headerRows).toEqual([0]);
		expect(h.columns.map((c) => c.field)).toEqual(['stt', 'full_name', 'birth', 'joined_party_on']);
	});
});

describe('title lines', () => {
	const head = ['STT', 'Họ và tên', 'Ngày sinh', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định'];
	const rows = [['1', 'Nguyễn Văn An', '12/05/1970', 'HTXSNV', 'HTXSNV', 'HTXSNV'], ['2', 'Trần Thị Bình', '1985', 'HTTNV', 'HTTNV', 'HTTNV']];

	it('a date line with the day left blank ("ngày     tháng 01 năm 2025") is not the list’s year', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'l13.csv', [...TITLE, ['Thôn 1, ngày     tháng 01 năm 2025'], head, ...rows]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([
			{ period_year: 2024, period_kind: 'year', final_level: 4, unit: 'C70010101' },
			{ period_year: 2024, period_kind: 'year', final_level: 3, unit: 'C70010101' }
		]);
	});

	it('"(Chi bộ thôn 1 nhiệm kỳ 2022 - 2025)" under a yearly title leaves the period the year', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'l12.csv', [...TITLE, ['(Chi bộ thôn 1 nhiệm kỳ 2022 - 2025)'], head, ...rows]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([
			{ period_year: 2024, period_kind: 'year', unit: 'C70010101' },
			{ period_year: 2024, period_kind: 'year', unit: 'C70010101' }
		]);
	});

	it('a list rated by term ("XẾP LOẠI … NHIỆM KỲ 2020 - 2025") is a term', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nk.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NHIỆM KỲ 2020 - 2025'], head, ...rows]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select distinct period_year, period_kind, period_no from rating')).toEqual([{ period_year: 2025, period_kind: 'term', period_no: 2020 }]);
	});

	it('"CHI BỘ: THÔN 1" names the chi bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'l14.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ: THÔN 1'], TITLE[2], head, ...rows]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([{ unit: 'C70010101', period_year: 2024 }, { unit: 'C70010101', period_year: 2024 }]);
	});

	// a roster's letterhead, its title, and a subtitle repeating the chi bộ with the year
	const roster = [['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ ĐV', 'Tình trạng'], ['1', 'Nguyễn Văn An', '12/05/1970', '70010001', 'Chính thức']];
	const members = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) => db.query('select u.code, m.year from membership m join unit u on u.id = m.unit_id');
	it.each([['Chi bộ thôn 2 - Năm 2024'], ['Chi bộ thôn 2 năm 2024'], ['Chi bộ thôn 2 – năm 2024']])(
		'a subtitle "%s" under the letterhead "CHI BỘ THÔN 2": the year is no part of the chi bộ’s name',
		async (subtitle) => {
			const { db, dir } = await dbWithRegistry();
			const f = writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'], ['CHI BỘ THÔN 2'], ['*'], ['DANH SÁCH ĐẢNG VIÊN'], [subtitle], ...roster]);
			const r = await ingest(db, [f]);
			expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 1 });
			expect(await members(db)).toEqual([{ code: 'C70010102', year: 2024 }]);
		}
	);

	it.each([['DANH SÁCH ĐẢNG VIÊN CHI BỘ NĂM 2024'], ['DANH SÁCH ĐẢNG VIÊN CHI BỘ  NĂM 2024'], ['DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN 2 - NĂM 2024']])(
		'the title "%s" under "CHI BỘ THÔN 2": "CHI BỘ" then the year names no other chi bộ',
		async (title) => {
			const { db, dir } = await dbWithRegistry();
			const f = writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], [title], ...roster]);
			const r = await ingest(db, [f]);
			expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 1 });
			expect(await members(db)).toEqual([{ code: 'C70010102', year: 2024 }]);
		}
	);

	it('"… CHI BỘ THÔN 2 QUÝ III NĂM 2025": the quarter is no part of the chi bộ’s name', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'q3.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN CHI BỘ THÔN 2 QUÝ III NĂM 2025'], head, ...rows]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(RATINGS)).toMatchObject([
			{ unit: 'C70010102', period_year: 2025, period_kind: 'quarter' },
			{ unit: 'C70010102', period_year: 2025, period_kind: 'quarter' }
		]);
	});
});

describe('a Huyện ủy’s list of its organisations', () => {
	const HU = [['HUYỆN ỦY BÙ ĐĂNG'], [''], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG VÀ TẬP THỂ LÃNH ĐẠO NĂM 2024']];
	const ORGS = `select r.subject_kind, u.code as unit, r.self_level, r.proposed_level, r.final_level, d.code as decider, r.source_row, f.file_name
		from rating r join unit u on u.id = r.unit_id left join unit d on d.id = r.deciding_unit_id join source_file f on f.id = r.source_file_id
		order by r.source_row, r.subject_kind desc`;
	const levels = ['Tự đánh giá', 'Đảng ủy đề xuất', 'Ban Thường vụ quyết định'];
	const grouped = [
		['STT', 'Tên tổ chức đảng', 'Tổ chức đảng', '', '', 'Tập thể lãnh đạo', '', ''],
		['', '', ...levels, ...levels],
		['1', 'Đảng bộ xã Đoàn Kết', 'HTXSNV', 'HTXSNV', 'HTXSNV', 'HTTNV', 'HTTNV', 'HTTNV'],
		['2', 'Chi bộ Trường THCS Đoàn Kết', 'HTTNV', 'HTTNV', 'HTTNV', 'HTNV', 'HTNV', 'HTNV']
	];
	// each row: the organisation's rating from the first group, its leadership collective's from the second
	const both = (file: string, full = true) => [
		{ subject_kind: 'party_org', unit: 'X700101', ...(full ? { self_level: 4, proposed_level: 4 } : {}), final_level: 4, decider: 'H7001', file_name: file },
		{ subject_kind: 'leadership', unit: 'X700101', ...(full ? { self_level: 3, proposed_level: 3 } : {}), final_level: 3, decider: 'H7001', file_name: file },
		{ subject_kind: 'party_org', unit: 'C70010301', ...(full ? { self_level: 3, proposed_level: 3 } : {}), final_level: 3, decider: 'H7001', file_name: file },
		{ subject_kind: 'leadership', unit: 'C70010301', ...(full ? { self_level: 2, proposed_level: 2 } : {}), final_level: 2, decider: 'H7001', file_name: file }
	];

	it('"Tổ chức đảng" and "Tập thể lãnh đạo" merged over their own levels (XLSX): two ratings a row', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'tcd_tt.xlsx', [...HU, ...grouped], { merges: ['A4:A5', 'B4:B5', 'C4:E4', 'F4:H4'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 4 });
		const rows = await db.query<{ source_row: number }>(ORGS);
		expect(rows).toMatchObject(both('tcd_tt.xlsx'));
		expect(rows.map((x) => x.source_row)).toEqual([6, 6, 7, 7]);
	});

	it('the same list as CSV (merged cells exported blank)', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'tcd_tt.csv', [...HU, ...grouped])]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 4 });
		expect(await db.query(ORGS)).toMatchObject(both('tcd_tt.csv'));
	});

	it('"Xếp loại tổ chức đảng | Xếp loại tập thể lãnh đạo"; the same as x marks under each group', async () => {
		const { db, dir } = await dbWithRegistry();
		const flat = writeCsv(dir, 'flat.csv', [
			...HU,
			['STT', 'Tên tổ chức đảng', 'Xếp loại tổ chức đảng', 'Xếp loại tập thể lãnh đạo'],
			['1', 'Đảng bộ xã Đoàn Kết', 'HTXSNV', 'HTTNV'],
			['2', 'Chi bộ Trường THCS Đoàn Kết', 'HTTNV', 'HTNV']
		]);
		const marks = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
		const marked = writeCsv(dir, 'marks.csv', [
			...HU,
			['STT', 'Tên tổ chức đảng', 'Tổ chức đảng', '', '', '', 'Tập thể lãnh đạo', '', '', ''],
			['', '', ...marks, ...marks],
			['1', 'Đảng bộ xã Đoàn Kết', 'x', '', '', '', '', 'x', '', ''],
			['2', 'Chi bộ Trường THCS Đoàn Kết', '', 'x', '', '', '', '', 'x', '']
		]);
		for (const [f, name] of [[flat, 'flat.csv'], [marked, 'marks.csv']]) {
			const r = await ingest(db, [f]);
			expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 4 });
			expect(await db.query(`${ORGS.replace('order by', `where f.file_name = '${name}' order by`)}`)).toMatchObject(both(name, false));
		}
	});

	it('a score column under neither group ("Tổng điểm | Xếp loại tổ chức đảng | Xếp loại tập thể lãnh đạo") is the organisation’s; the collective has none', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'diem.csv', [
			...HU,
			['STT', 'Tên tổ chức đảng', 'Tổng điểm', 'Xếp loại tổ chức đảng', 'Xếp loại tập thể lãnh đạo'],
			['1', 'Đảng bộ xã Đoàn Kết', '80,5', 'HTTNV', 'HTXSNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query('select subject_kind, score, final_level from rating order by subject_kind desc')).toEqual([
			{ subject_kind: 'party_org', score: 80.5, final_level: 3 },
			{ subject_kind: 'leadership', score: null, final_level: 4 }
		]);
	});

	// QĐ 366 lists score each subject in a column of its own, named as its level column is
	const SCORED = `select u.code as unit, r.subject_kind, r.self_level, r.score, r.final_level from rating r join unit u on u.id = r.unit_id order by r.source_row, r.subject_kind desc`;
	const scored = [
		{ unit: 'X700199', subject_kind: 'party_org', score: 92, final_level: 4 },
		{ unit: 'X700199', subject_kind: 'leadership', score: 85.5, final_level: 3 },
		{ unit: 'C70010301', subject_kind: 'party_org', score: 80, final_level: 3 },
		{ unit: 'C70010301', subject_kind: 'leadership', score: 68, final_level: 2 }
	];
	const TU25 = [['TỈNH ỦY BÌNH PHƯỚC'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG, TẬP THỂ LÃNH ĐẠO NĂM 2025'], ['']];

	it('"Điểm tổ chức đảng | Xếp loại tổ chức đảng | Điểm tập thể lãnh đạo | Xếp loại tập thể lãnh đạo": each subject’s score is its own', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'diem_tung_doi_tuong.csv', [
			...TU25,
			['STT', 'Tên tổ chức đảng', 'Điểm tổ chức đảng', 'Xếp loại tổ chức đảng', 'Điểm tập thể lãnh đạo', 'Xếp loại tập thể lãnh đạo'],
			['1', 'Đảng bộ xã Bù Đăng', '92', 'Hoàn thành xuất sắc nhiệm vụ', '85,5', 'Hoàn thành tốt nhiệm vụ'],
			['2', 'Chi bộ Trường THCS Đoàn Kết', '80', 'Hoàn thành tốt nhiệm vụ', '68', 'Hoàn thành nhiệm vụ']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await db.query(SCORED)).toMatchObject(scored);
	});

	it('columns ordered by stage, each naming its subject in short ("Tự xếp loại TCĐ | Tự xếp loại tập thể | Điểm TCĐ | Điểm TTLĐ | Xếp loại TCĐ | Xếp loại TTLĐ"): two parts', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'theo_buoc.csv', [
			...TU25,
			['STT', 'Tên tổ chức đảng', 'Tự xếp loại TCĐ', 'Tự xếp loại tập thể', 'Điểm TCĐ', 'Điểm TTLĐ', 'Xếp loại TCĐ', 'Xếp loại TTLĐ'],
			['1', 'Đảng bộ xã Bù Đăng', 'HTXSNV', 'HTXSNV', '92', '85,5', 'HTXSNV', 'HTTNV'],
			['2', 'Chi bộ Trường THCS Đoàn Kết', 'HTTNV', 'HTTNV', '80', '68', 'HTTNV', 'HTNV']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await db.query(SCORED)).toMatchObject(scored.map((x, i) => ({ ...x, self_level: [4, 4, 3, 3][i] })));
	});

	it('levels marked "x" under HTXSNV | HTTNV | HTNV | KHTNV in the header row itself', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'marks_flat.csv', [
			['HUYỆN ỦY BÙ ĐĂNG'], [''], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2024'], [''],
			['STT', 'Tên tổ chức đảng', 'HTXSNV', 'HTTNV', 'HTNV', 'KHTNV', 'Ghi chú'],
			['1', 'Đảng bộ xã Đoàn Kết', 'x', '', '', '', ''],
			['2', 'Chi bộ Trường THCS Đoàn Kết', '', 'x', '', '', '']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(ORGS)).toMatchObject([
			{ subject_kind: 'party_org', unit: 'X700101', final_level: 4, decider: 'H7001', source_row: 6 },
			{ subject_kind: 'party_org', unit: 'C70010301', final_level: 3, decider: 'H7001', source_row: 7 }
		]);
	});

	it('"Chi bộ tự đánh giá" is the chi bộ’s self-rating', async () => {
		expect(fieldOfHeader('Chi bộ tự đánh giá')).toBe('self_level');
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'cb.csv', [
			['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG TRỰC THUỘC NĂM 2024'],
			['STT', 'Tên chi bộ', 'Chi bộ tự đánh giá', 'Đảng ủy quyết định'],
			['1', 'Chi bộ thôn 1', 'HTXSNV', 'HTTNV'],
			['2', 'Chi bộ thôn 2', 'HTTNV', 'HTNV']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
		expect(await db.query(ORGS)).toMatchObject([
			{ subject_kind: 'party_org', unit: 'C70010101', self_level: 4, final_level: 3, decider: 'X700101' },
			{ subject_kind: 'party_org', unit: 'C70010102', self_level: 3, final_level: 2, decider: 'X700101' }
		]);
	});

	// "quý", "nhiệm kỳ" end in a letter outside ASCII: a `\b` after them never matched, and the period
	// was read as part of the đảng ủy's name ("Đảng ủy xã Đoàn Kết nhiệm kỳ 2020 - 2025": no such unit)
	it.each([
		['DANH SÁCH XẾP LOẠI TỔ CHỨC ĐẢNG TRỰC THUỘC ĐẢNG ỦY XÃ ĐOÀN KẾT NHIỆM KỲ 2020 - 2025', 'term', 2020],
		['DANH SÁCH XẾP LOẠI TỔ CHỨC ĐẢNG TRỰC THUỘC ĐẢNG ỦY XÃ ĐOÀN KẾT QUÝ III NĂM 2025', 'quarter', 3]
	])('"%s": the đảng ủy above, and the period after it', async (title, kind, no) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'cb.csv', [[title], ['STT', 'Tên chi bộ', 'Đảng ủy quyết định'], ['1', 'Chi bộ thôn 1', 'HTTNV']])]);
		expect(r.files[0], r.files[0].errors?.[0]?.message).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 1 });
		expect(await db.query(`select u.code as unit, d.code as decider, r.period_kind, r.period_no from rating r
			join unit u on u.id = r.unit_id join unit d on d.id = r.deciding_unit_id`)).toEqual([{ unit: 'C70010101', decider: 'X700101', period_kind: kind, period_no: no }]);
	});
});

// Rosters and lists as the member database software exports them, with many columns Giám Sát does
// not read (probe 21): those must be left alone, not taken for ours.
describe('columns of other data on wide rosters', () => {
	it('a roster with last year\'s "Xếp loại năm 2023" stays a roster; it does not replace the 2024 rating list', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']])]);
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Ngày vào Đảng', 'Xếp loại năm 2023', 'Tình trạng'],
			['1', 'Nguyễn Văn An', '1970', '70012345', '2000', 'HTXSNV', 'Chính thức']])]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded' });
		expect(await db.query('select final_level from rating where superseded_by is null')).toEqual([{ final_level: 3 }]);
	});

	it('a level column naming a decision\'s date or a decree ("(QĐ số 05-QĐ/ĐU ngày 10/01/2025)", "theo NĐ 90/2020/NĐ-CP") is still the 2024 list\'s level', async () => {
		for (const h of ['Kết quả xếp loại (QĐ số 05-QĐ/ĐU ngày 10/01/2025)', 'Xếp loại theo NĐ 90/2020/NĐ-CP']) {
			const { db, dir } = await dbWithRegistry();
			const r = await ingest(db, [writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', h], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']])]);
			expect(r.files[0], h).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 1 });
			expect((await db.query<{ final_level: number }>(RATINGS)).map((x) => x.final_level), h).toEqual([3]);
		}
	});

	it('with --year 2024 and no year in the title, "Kết quả xếp loại" is the level, not "Xếp loại năm 2023"', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại năm 2023', 'Kết quả xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'HTXSNV', 'HTTNV'], ['2', 'Trần Thị Bình', '1985', '', 'HTNV']])], { year: 2024 });
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect((await db.query<{ final_level: number }>(RATINGS)).map((x) => x.final_level)).toEqual([3, 2]);
	});

	it('"Số thẻ căn cước", "Số CCCD/CMND" beside "Số thẻ Đảng": the party card is the card', async () => {
		for (const id of ['Số thẻ căn cước', 'Số CCCD/CMND', 'Số định danh cá nhân']) expect(fieldOfHeader(id), id).toBeNull();
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ căn cước', 'Số thẻ Đảng', 'Tình trạng'],
			['1', 'Nguyễn Văn An', '1970', '074070011111', '70012001', 'Chính thức']])]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded' });
		expect(await db.query('select card_no from person')).toEqual([{ card_no: '70012001' }]);
	});

	it('"Năm sinh" merged over "Nam | Nữ" in a workbook: births by sex, not a year column', async () => {
		const { db, dir } = await dbWithRegistry();
		const path = await writeXlsx(dir, 'xl.xlsx', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], [],
			['STT', 'Họ và tên', 'Năm sinh', 'Năm sinh', 'Số thẻ đảng viên', 'Xếp loại', 'Xếp loại'],
			['STT', 'Họ và tên', 'Nam', 'Nữ', 'Số thẻ đảng viên', 'Tự đánh giá', 'Đảng ủy quyết định'],
			[1, 'Nguyễn Văn An', 1965, null, '70011001', 'HTT', 'HTTNV'], [2, 'Trần Thị Bình', null, 1980, '70011002', 'HTT', 'HTNV']],
			{ merges: ['C4:D4', 'F4:G4', 'A4:A5', 'B4:B5', 'E4:E5'] });
		const r = await ingest(db, [path]);
		expect(r.files[0], JSON.stringify(r.files[0].errors)).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query('select full_name, birth_year from person order by 1')).toEqual([
			{ full_name: 'Nguyễn Văn An', birth_year: 1965 }, { full_name: 'Trần Thị Bình', birth_year: 1980 }]);
	});

	it('rosters loaded together: the sex from "Nam | Nữ" in one, from "Giới tính" in another, none in a third', async () => {
		const { db, dir } = await dbWithRegistry();
		const title = (chiBo: string, dangBo = 'ĐẢNG BỘ XÃ ĐOÀN KẾT') => [[dangBo], [chiBo], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024']];
		const a = await writeXlsx(dir, 'a.xlsx', [...title('CHI BỘ THÔN 1'), ['STT', 'Họ và tên', 'Giới tính', 'Năm sinh', 'Số thẻ đảng viên'],
			[1, 'Nguyễn Văn Quang', 'Nam', 1972, '70013001'], [2, 'Lê Thị Hoa', '', 1980, '70013002']]);
		const b = await writeXlsx(dir, 'b.xlsx', [...title('CHI BỘ THÔN 2'), ['STT', 'Họ và tên', 'Năm sinh', '', 'Số thẻ đảng viên'], ['', '', 'Nam', 'Nữ', ''],
			[1, 'Trịnh Văn Xuân', 1975, null, '70014001'], [2, 'Đoàn Thị Yến', null, 1987, '70014002']]);
		const c = await writeXlsx(dir, 'c.xlsx', [...title('CHI BỘ THÔN 1', 'ĐẢNG BỘ XÃ MINH HƯNG'), ['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên'], [1, 'Phạm Văn Dũng', 1990, '70015001']]);
		const r = await ingest(db, [a, b, c]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded', 'loaded']);
		expect(await db.query('select full_name, sex from person order by card_no')).toEqual([
			{ full_name: 'Nguyễn Văn Quang', sex: 'nam' }, { full_name: 'Lê Thị Hoa', sex: null },
			{ full_name: 'Trịnh Văn Xuân', sex: 'nam' }, { full_name: 'Đoàn Thị Yến', sex: 'nu' },
			{ full_name: 'Phạm Văn Dũng', sex: null }
		]);
		// without the "Giới tính" file: the third's members are still of no known sex (not "Nam")
		const again = await dbWithRegistry();
		await ingest(again.db, [b, c]);
		expect(await again.db.query("select sex from person where full_name = 'Phạm Văn Dũng'")).toEqual([{ sex: null }]);
	});

	it('"Chức vụ chính quyền | Chức vụ đảng": both are the post; a Bí thư written in the second is the head', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ chính quyền', 'Chức vụ đảng'],
			['1', 'Bùi Văn Khoa', '1970', 'Trưởng thôn', 'Bí thư chi bộ'], ['2', 'Lý Thị Oanh', '1988', '', 'Chi ủy viên'], ['3', 'Lê Văn Tư', '1990', 'Công an viên', '']])]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 3 });
		expect(await db.query('select p.full_name as name, m.position, m.is_head from membership m join person p on p.id = m.person_id order by m.source_row')).toEqual([
			{ name: 'Bùi Văn Khoa', position: 'Trưởng thôn, Bí thư chi bộ', is_head: true },
			{ name: 'Lý Thị Oanh', position: 'Chi ủy viên', is_head: false },
			{ name: 'Lê Văn Tư', position: 'Công an viên', is_head: false }
		]);
	});

	it('no "Chức vụ" column, the post in brackets after the name ("Vũ Văn Khánh⏎(Bí thư)"): the row\'s post, the head; a bracket that is no post stays off', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ quyết định'],
			['1', 'Vũ Văn Khánh\n(Bí thư)', '1970', 'HTXSNV'], ['2', 'Trần Thị Bình (Phó Bí thư)', '1975', 'HTTNV'],
			['3', 'Lê Văn Tư (chuyển đến)', '1980', 'HTTNV'], ['4', 'Nguyễn Văn Hùng (B)', '1981', 'HTNV']])]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 4 });
		expect(await db.query('select p.full_name as name, r.position, r.is_head from rating r join person p on p.id = r.person_id order by r.source_row')).toEqual([
			{ name: 'Vũ Văn Khánh', position: 'Bí thư', is_head: true },
			{ name: 'Trần Thị Bình', position: 'Phó Bí thư', is_head: false },
			{ name: 'Lê Văn Tư', position: null, is_head: false },
			{ name: 'Nguyễn Văn Hùng (B)', position: null, is_head: false }
		]);
	});

	it('a two-row header with groups of columns we do not read ("Trình độ" over "Học vấn | Chuyên môn | LLCT") and a numbering row: read, not refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const path = await writeXlsx(dir, 'ds.xlsx', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', null, 'Trình độ', null, null, 'Chức vụ', null, 'Số thẻ đảng viên'],
			[null, null, 'Nam', 'Nữ', 'Học vấn', 'Chuyên môn', 'LLCT', 'Chính quyền', 'Đảng', null],
			['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'],
			[1, 'Nguyễn Văn An', '15/04/1965', null, '12/12', 'Đại học', 'Trung cấp', 'Trưởng thôn', 'Bí thư chi bộ', '70011001'],
			[2, 'Trần Thị Bình', null, '12/05/1980', '12/12', 'Cao đẳng', 'Sơ cấp', null, 'Chi ủy viên', '70011002']],
			{ merges: ['A4:A5', 'B4:B5', 'C4:D4', 'E4:G4', 'H4:I4', 'J4:J5'] });
		const r = await ingest(db, [path]);
		expect(r.files[0], JSON.stringify(r.files[0].errors)).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select p.full_name as name, cast(p.birth_date as varchar) as birth, p.sex, p.card_no as card, m.position, m.is_head from membership m join person p on p.id = m.person_id order by m.source_row')).toEqual([
			{ name: 'Nguyễn Văn An', birth: '1965-04-15', sex: 'nam', card: '70011001', position: 'Trưởng thôn, Bí thư chi bộ', is_head: true },
			{ name: 'Trần Thị Bình', birth: '1980-05-12', sex: 'nu', card: '70011002', position: 'Chi ủy viên', is_head: false }
		]);
	});

	it('a registry\'s "Số đảng viên" (a count) and its "Tổng cộng" row: the units load, the count is no card', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'dm.csv', [['DANH MỤC TỔ CHỨC ĐẢNG'],
			['STT', 'Mã đơn vị', 'Tên tổ chức đảng', 'Loại', 'Mã đơn vị cấp trên', 'Ngày thành lập', 'Số đảng viên'],
			['1', 'C70010103', 'Chi bộ thôn 3', 'Chi bộ trực thuộc', 'X700101', '15/05/1990', '21'],
			['', 'Tổng cộng', '', '', '', '', '21']])]);
		expect(r.files[0]).toMatchObject({ kind: 'registry', status: 'loaded', rowsStored: 1 });
		expect(await db.one("select name from unit where code = 'C70010103'")).toEqual({ name: 'Chi bộ thôn 3' });
	});

	it('"Ngày sinh hoạt tại chi bộ" as a bare year ("1998") is 1 January of it, not refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Ngày sinh hoạt tại chi bộ', 'Tình trạng'], ['1', 'Nguyễn Văn An', '1970', '1998', 'Chính thức']])]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded' });
		expect(await db.query('select cast(joined_unit_on as varchar) as d from membership')).toEqual([{ d: '1998-01-01' }]);
	});
});

describe("a member list's level columns naming the bodies that rate, and its admission decision (rev25b)", () => {
	// A member rating list whose level columns name the bodies that rate ("Tập thể chi ủy đề xuất",
	// "Tổ chức đảng có thẩm quyền quyết định") is a member list, not organisations and their collectives.
	const UNIT = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']];
	describe('rating bodies named in a member list', () => {
		it.each([
			['Đảng viên tự xếp loại', 'Tập thể chi ủy đề xuất', 'Tổ chức đảng có thẩm quyền quyết định'],
			['Tự xếp loại', 'Tập thể cấp ủy đề xuất', 'Xếp loại của tổ chức đảng có thẩm quyền']
		])('%s | %s | %s: two members rated', async (a, b, c) => {
			const { db, dir } = await dbWithRegistry();
			const f = writeCsv(dir, 'xl.csv', [...UNIT, ['STT', 'Họ và tên', 'Năm sinh', a, b, c],
				['1', 'Nguyễn Văn An', '1970', 'HTTNV', 'HTTNV', 'HTXSNV'],
				['2', 'Trần Thị Bình', '1985', 'HTTNV', 'HTTNV', 'HTTNV']]);
			const r = await ingest(db, [f]);
			expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
			expect(await db.query("select subject_kind, self_level, proposed_level, final_level from rating order by source_row")).toEqual([
				{ subject_kind: 'member', self_level: 3, proposed_level: 3, final_level: 4 },
				{ subject_kind: 'member', self_level: 3, proposed_level: 3, final_level: 3 }
			]);
		});
		it('on a list of organisations too (no "Họ và tên"): "Tập thể cấp ủy đề xuất", "Xếp loại của tổ chức đảng cấp trên" are the bodies, one list of chi bộ', async () => {
			const { db, dir } = await dbWithRegistry();
			const f = writeCsv(dir, 'tcd.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG NĂM 2024'],
				['STT', 'Tên tổ chức đảng', 'Tự xếp loại', 'Tập thể cấp ủy đề xuất', 'Xếp loại của tổ chức đảng cấp trên'],
				['1', 'Chi bộ thôn 1', 'HTTNV', 'HTTNV', 'HTXSNV'],
				['2', 'Chi bộ thôn 2', 'HTTNV', 'HTTNV', 'HTTNV']]);
			const r = await ingest(db, [f]);
			expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
			expect(await db.query('select subject_kind, self_level, proposed_level, final_level from rating order by source_row')).toEqual([
				{ subject_kind: 'party_org', self_level: 3, proposed_level: 3, final_level: 4 },
				{ subject_kind: 'party_org', self_level: 3, proposed_level: 3, final_level: 3 }
			]);
		});
	});

	// A member rating list's admission-decision column ("Số QĐ, ngày kết nạp": the number and date of the
	// decision admitting the member, years ago) is not the rating's decision date.
	describe('admission decision column on a rating list', () => {
		it.each(['Số quyết định, ngày kết nạp', 'Số QĐ/ngày kết nạp', 'Số, ngày QĐ kết nạp'])('"%s" is no rating decision date', async (h) => {
			const { db, dir } = await dbWithRegistry();
			const f = writeCsv(dir, 'xl.csv', [...UNIT, ['STT', 'Họ và tên', 'Năm sinh', h, 'Tự xếp loại', 'Chi bộ đề xuất'],
				['1', 'Nguyễn Văn An', '1970', 'Số 45-QĐ/ĐU ngày 12/3/2010', 'HTTNV', 'HTTNV'],
				['2', 'Trần Thị Bình', '1985', 'Số 12-QĐ/HU ngày 03/02/2015', 'HTTNV', 'HTTNV']]);
			const r = await ingest(db, [f]);
			expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2 });
			expect(await db.query('select cast(decided_on as varchar) as d from rating order by source_row')).toEqual([{ d: null }, { d: null }]);
		});
	});
});
