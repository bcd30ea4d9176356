// Each of the five file kinds loads, detected from its headers, with title lines supplying what
// the columns do not (year, period, unit, subject kind).
import { describe, expect, it } from 'vitest';
import { writeCsv, writeXlsx } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

describe('file kinds', () => {
	it('registry: units, hierarchy paths and 2025 merger lineage', async () => {
		const { db } = await dbWithRegistry();
		const units = await db.query<{ code: string; path: string; kind: string }>('select code, path, kind from unit order by code');
		expect(units.find((u) => u.code === 'C70010201')).toEqual({ code: 'C70010201', path: '/T70/H7001/X700102/C70010201/', kind: 'chi_bo_truc_thuoc' });
		expect(units.find((u) => u.code === 'H7001')?.kind).toBe('huyen_uy');
		const lineage = await db.query('select from_code, to_code, kind, cast(effective_on as varchar) as on from unit_lineage order by from_code');
		expect(lineage).toEqual([
			{ from_code: 'X700101', to_code: 'X700199', kind: 'merge', on: '2025-07-01' },
			{ from_code: 'X700102', to_code: 'X700199', kind: 'merge', on: '2025-07-01' }
		]);
	});

	it('roster: statuses, bare birth years, card numbers with punctuation, unit from the title', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'roster.csv', [
			['ĐẢNG BỘ XÃ MINH HƯNG'],
			['CHI BỘ THÔN 1'],
			['DANH SÁCH ĐẢNG VIÊN NĂM 2022'],
			['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số thẻ ĐV', 'Tình trạng', 'Ngày vào Đảng'],
			['1', 'Nguyễn Văn An', '1970', 'Nam', '70.012.345', 'Chính thức', '03/02/1995'],
			['2', 'Trần Thị Bình', '12/4/1985', 'Nữ', '', 'dự bị', '15/09/2022'],
			['3', 'Lê Văn Cường', '1990', 'Nam', '', 'Miễn sinh hoạt', '01/01/2015'],
			['4', 'Phạm Thị Dung', '1991', 'Nữ', '', 'Sinh hoạt tạm thời', '01/01/2016']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 4 });
		const m = await db.query(`select p.full_name, p.card_no, p.birth_year, cast(p.birth_date as varchar) as birth, m.status, u.code, m.year
			from membership m join person p on p.id = m.person_id join unit u on u.id = m.unit_id order by m.source_row`);
		expect(m).toEqual([
			{ full_name: 'Nguyễn Văn An', card_no: '70012345', birth_year: 1970, birth: null, status: 'official', code: 'C70010201', year: 2022 },
			{ full_name: 'Trần Thị Bình', card_no: null, birth_year: 1985, birth: '1985-04-12', status: 'probationary', code: 'C70010201', year: 2022 },
			{ full_name: 'Lê Văn Cường', card_no: null, birth_year: 1990, birth: null, status: 'exempt', code: 'C70010201', year: 2022 },
			{ full_name: 'Phạm Thị Dung', card_no: null, birth_year: 1991, birth: null, status: 'temporary', code: 'C70010201', year: 2022 }
		]);
	});

	it('rating of members: levels, dates, deciding body derived from the hierarchy', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT', '', 'CỘNG SẢN VIỆT NAM'],
			['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2022'],
			[],
			['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Tự xếp loại', 'Chi bộ đề xuất', 'Đảng ủy quyết định', 'Ngày kiểm điểm', 'Ngày quyết định', 'Số ngày nghỉ ốm', 'Lý do không xếp loại'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'C70010101', 'HTXSNV', 'HTXS', 'Hoàn thành xuất sắc nhiệm vụ', '20/11/2022', '05/12/2022', '', ''],
			['2', 'Trần Thị Bình', '1985', 'C70010102', 'httnv', 'Tốt', 'HTTNV', '2022-11-20', '5/12/22', '95', ''],
			['3', 'Phạm Thị Dung', '02/03/1998', 'C70010102', '', '', '', '20/11/2022', '', '', 'Mới kết nạp chưa đủ 6 tháng']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 3 });
		expect(r.touched).toEqual([{ year: 2022, period_kind: 'year', period_no: 0 }]);
		const rows = await db.query(`select p.full_name, r.subject_kind, u.code as unit, d.code as decider, r.self_level, r.proposed_level, r.final_level,
			cast(r.reviewed_on as varchar) as reviewed, cast(r.decided_on as varchar) as decided, r.sick_leave_days, r.not_rated_reason, r.source_row
			from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id join unit d on d.id = r.deciding_unit_id order by r.source_row`);
		expect(rows).toEqual([
			{ full_name: 'Nguyễn Văn An', subject_kind: 'member', unit: 'C70010101', decider: 'X700101', self_level: 4, proposed_level: 4, final_level: 4, reviewed: '2022-11-20', decided: '2022-12-05', sick_leave_days: null, not_rated_reason: null, source_row: 5 },
			{ full_name: 'Trần Thị Bình', subject_kind: 'member', unit: 'C70010102', decider: 'X700101', self_level: 3, proposed_level: 3, final_level: 3, reviewed: '2022-11-20', decided: '2022-12-05', sick_leave_days: 95, not_rated_reason: null, source_row: 6 },
			{ full_name: 'Phạm Thị Dung', subject_kind: 'member', unit: 'C70010102', decider: 'X700101', self_level: null, proposed_level: null, final_level: null, reviewed: '2022-11-20', decided: null, sick_leave_days: null, not_rated_reason: 'Mới kết nạp chưa đủ 6 tháng', source_row: 7 }
		]);
	});

	it('rating of organisations, leadership and leaders by quarter, with 100-point scores', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'tcd.csv', [
			['ĐẢNG ỦY XÃ ĐOÀN KẾT'],
			['KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG QUÝ III NĂM 2025'],
			['STT', 'Đối tượng', 'Tên tổ chức đảng', 'Họ và tên', 'Chức vụ', 'Tổng điểm', 'Xếp loại', 'Cấp quyết định'],
			['1', 'Tổ chức đảng', 'Chi bộ thôn 1', '', '', '92,5', 'HTXSNV', 'X700101'],
			['2', 'Tập thể lãnh đạo, quản lý', 'Chi bộ thôn 2', '', '', '75', 'HTTNV', 'Đảng ủy xã Đoàn Kết'],
			['3', 'Cá nhân lãnh đạo, quản lý', 'Chi bộ thôn 2', 'Võ Văn Em', 'Bí thư chi bộ', '71', 'HTT', 'X700101']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 3 });
		const rows = await db.query(`select r.subject_kind, u.code as unit, su.code as subject_unit, d.code as decider, r.score, r.final_level, r.is_head, r.period_year, r.period_kind, r.period_no
			from rating r join unit u on u.id = r.unit_id left join unit su on su.id = r.subject_unit_id join unit d on d.id = r.deciding_unit_id order by r.source_row`);
		expect(rows).toEqual([
			{ subject_kind: 'party_org', unit: 'C70010101', subject_unit: 'C70010101', decider: 'X700101', score: 92.5, final_level: 4, is_head: false, period_year: 2025, period_kind: 'quarter', period_no: 3 },
			{ subject_kind: 'leadership', unit: 'C70010102', subject_unit: 'C70010102', decider: 'X700101', score: 75, final_level: 3, is_head: false, period_year: 2025, period_kind: 'quarter', period_no: 3 },
			{ subject_kind: 'leader', unit: 'C70010102', subject_unit: null, decider: 'X700101', score: 71, final_level: 3, is_head: true, period_year: 2025, period_kind: 'quarter', period_no: 3 }
		]);
	});

	it('"Tập thể chi ủy", "Tập thể BCH", "Tập thể Ban Thường vụ" under "Đối tượng": the leadership collective beside its organisation; an unknown one is refused once, not also as a duplicate', async () => {
		const { db, dir } = await dbWithRegistry();
		const rows = [
			['1', 'Chi bộ thôn 1', 'Tổ chức đảng', '82', 'Hoàn thành tốt nhiệm vụ'],
			['2', 'Chi bộ thôn 1', 'Tập thể chi ủy', '91', 'Hoàn thành xuất sắc nhiệm vụ'],
			['3', 'Chi bộ thôn 2', 'Tổ chức đảng', '93', 'Hoàn thành xuất sắc nhiệm vụ'],
			['4', 'Chi bộ thôn 2', 'Tập thể BCH', '90', 'Hoàn thành xuất sắc nhiệm vụ']
		];
		const list = (extra: string[][]) => [
			['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG VÀ TẬP THỂ LÃNH ĐẠO CÁC CHI BỘ TRỰC THUỘC NĂM 2024'],
			['STT', 'Tên tổ chức đảng', 'Đối tượng', 'Tổng điểm', 'Đảng ủy quyết định'], ...rows, ...extra
		];
		const r = await ingest(db, [writeCsv(dir, 'tcd.csv', list([['5', 'Đảng ủy xã Đoàn Kết', 'Tập thể Ban Thường vụ', '85', 'HTTNV']]))]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		expect(await db.query('select u.code as unit, r.subject_kind from rating r join unit u on u.id = r.unit_id order by r.source_row')).toEqual([
			{ unit: 'C70010101', subject_kind: 'party_org' },
			{ unit: 'C70010101', subject_kind: 'leadership' },
			{ unit: 'C70010102', subject_kind: 'party_org' },
			{ unit: 'C70010102', subject_kind: 'leadership' },
			{ unit: 'X700101', subject_kind: 'leadership' }
		]);
		const bad = await ingest(db, [writeCsv(dir, 'tcd2.csv', list([['5', 'Chi bộ thôn 1', 'Học sinh', '85', 'HTTNV']]))]);
		expect(bad.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([[8, 'Đối tượng', 'Học sinh']]);
	});

	it('head of a unit: the "Đứng đầu" column when the list has it, else the title (Bí thư, not Phó bí thư)', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'ld.csv', [
			['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'],
			['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Chức vụ', 'Đứng đầu', 'Xếp loại'],
			['1', 'Lý Văn Một', '1970', 'C70010101', 'Phó bí thư chi bộ', 'Có', 'HTTNV'],
			['2', 'Lý Văn Hai', '1971', 'C70010101', 'Bí thư chi bộ', 'Không', 'HTTNV'],
			['3', 'Lý Văn Ba', '1972', 'C70010102', 'Bí thư chi bộ', '', 'HTTNV'],
			['4', 'Lý Văn Bốn', '1973', 'C70010102', 'Phó bí thư chi bộ', '', 'HTTNV'],
			['5', 'Lý Văn Năm', '1974', 'C70010102', '', 'x', 'HTTNV']
		]);
		expect((await ingest(db, [f])).files[0].status).toBe('loaded');
		const rows = await db.query<{ is_head: boolean }>('select is_head from rating order by source_row');
		expect(rows.map((r) => r.is_head)).toEqual([true, false, true, false, true]);
	});

	it('a term rating from the title "NHIỆM KỲ 2020–2025" is a term ending in 2025', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'nk.csv', [
			['ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC ĐẢNG NHIỆM KỲ 2020–2025'],
			['STT', 'Tên tổ chức đảng', 'Mã đơn vị', 'Xếp loại'],
			['1', 'Chi bộ thôn 1', 'C70010101', 'Hoàn thành tốt nhiệm vụ']
		]);
		await ingest(db, [f]);
		expect(await db.one('select subject_kind, period_year, period_kind, period_no from rating')).toEqual({ subject_kind: 'party_org', period_year: 2025, period_kind: 'term', period_no: 2020 });
	});

	it('discipline register: persons and organisations, self-remedied, where the violation happened', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			['SỔ THEO DÕI KỶ LUẬT ĐẢNG NĂM 2022'],
			['STT', 'Đối tượng', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Hình thức kỷ luật', 'Ngày quyết định', 'Tự phát hiện, khắc phục', 'Cấp kỷ luật'],
			['1', 'Đảng viên', 'Nguyễn Văn An', '12/05/1970', '70012345', 'C70010101', 'Khiển trách', '31/12/2021', '', 'UBKT Đảng ủy xã'],
			['2', 'Tổ chức đảng', '', '', '', 'C70010102', 'Cảnh cáo', '15/06/2022', 'x', 'UBKT Huyện ủy']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		const rows = await db.query(`select d.subject_type, d.form, cast(d.decided_on as varchar) as decided, d.self_remedied, u.code as unit, su.code as subject_unit, p.card_no
			from discipline d join unit u on u.id = d.unit_id left join unit su on su.id = d.subject_unit_id left join person p on p.id = d.person_id order by d.source_row`);
		expect(rows).toEqual([
			{ subject_type: 'person', form: 'khien_trach', decided: '2021-12-31', self_remedied: false, unit: 'C70010101', subject_unit: null, card_no: '70012345' },
			{ subject_type: 'unit', form: 'canh_cao', decided: '2022-06-15', self_remedied: true, unit: 'C70010102', subject_unit: 'C70010102', card_no: null }
		]);
	});

	it('a civil-servant list headed "Xếp loại viên chức" stores that column as its level', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'vc.csv', [
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Xếp loại viên chức', 'Năm'],
			['1', 'Nguyễn Văn An', '12/05/1970', '70012345', 'C70010301', 'HTXSNV', '2022']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded' });
		expect(await db.one('select subject_kind, final_level from rating')).toEqual({ subject_kind: 'civil_servant', final_level: 4 });
	});

	it('civil-servant list as a separate XLSX file, matched to the member by card number', async () => {
		const { db, dir } = await dbWithRegistry();
		const roster = writeCsv(dir, 'r.csv', [
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Năm'],
			['1', 'Nguyễn Văn An', '12/05/1970', '70012345', 'C70010301', '2022']
		]);
		const cs = await writeXlsx(dir, 'cbccvc.xlsx', [
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC, VIÊN CHỨC NĂM 2022'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Cơ quan công tác', 'Xếp loại', 'Ngày quyết định'],
			[1, 'Nguyễn Văn An', new Date(Date.UTC(1970, 4, 12)), '70012345', 'Trường THCS Đoàn Kết', 'Hoàn thành tốt nhiệm vụ', new Date(Date.UTC(2022, 10, 25))]
		]);
		const r = await ingest(db, [cs, roster]);
		expect(r.files.map((f) => [f.kind, f.status])).toEqual([['civil_servant', 'loaded'], ['roster', 'loaded']]);
		const row = await db.one(`select r.subject_kind, r.final_level, r.agency, cast(r.decided_on as varchar) as decided, (select count(*)::int from person) as persons from rating r`);
		expect(row).toEqual({ subject_kind: 'civil_servant', final_level: 3, agency: 'Trường THCS Đoàn Kết', decided: '2022-11-25', persons: 1 });
	});
});

describe('registry load', () => {
	it("builds the merged units' origins (unit_origin) with the load, not at the first audit", async () => {
		const { db } = await dbWithRegistry();
		expect(await db.query(`select code, founded_on, oldest_code from unit_origin where code = 'X700199'`)).toEqual([
			{ code: 'X700199', founded_on: '1990-03-15', oldest_code: 'X700101' }
		]);
	});
});
