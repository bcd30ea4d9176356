// People across files (card number, else folded name + birth within the unit and its lineage;
// namesakes in different units stay two; ambiguity reported, never guessed), re-loading an
// identical file, a corrected list replacing the earlier one with history kept, and dry runs.
import { describe, expect, it } from 'vitest';
import { REGISTRY, writeCsv } from '../../helpers/files';
import { counts, dbWithRegistry, ingest } from '../../helpers/ingest-db';

const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Xếp loại', 'Ngày quyết định'];
// the merged commune's chi bộ thôn 1 goes into a chi bộ of the new commune on 01/07/2025
const MERGER = [
	REGISTRY[1],
	['1', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '30/06/2025', 'C70019901', '01/07/2025'],
	['2', 'C70019901', 'Chi bộ thôn Đoàn Kết', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', '']
];

describe('identity', () => {
	it('matches by card number across files even when the name is spelled differently', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'r.csv', [['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Năm'], ['1', 'Nguyễn Văn An', '12/05/1970', '70012345', 'C70010101', '2022']])]);
		await ingest(db, [writeCsv(dir, 'x.csv', [['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ ĐV', 'Mã đơn vị', 'Xếp loại'], ['1', 'NGUYỄN VĂN AN', '1970', '70 012 345', 'C70010101', 'HTT']])], { year: 2022 });
		expect((await counts(db)).person).toBe(1);
	});

	it('a person found by card takes from the later list what the record lacks (birth date, admission)', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'a.csv', [['STT', 'Họ và tên', 'Số thẻ đảng viên', 'Mã đơn vị', 'Xếp loại'], ['1', 'Đỗ Văn Khải', '70077777', 'C70010101', 'HTT']])], { year: 2022 });
		await ingest(db, [writeCsv(dir, 'b.csv', [['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Ngày vào Đảng', 'Mã đơn vị', 'Năm'], ['1', 'Đỗ Văn Khải', '09/09/1979', '70077777', '03/02/2005', 'C70010101', '2023']])]);
		expect(await db.query(`select card_no, birth_date, joined_party_on from person`)).toEqual([{ card_no: '70077777', birth_date: '1979-09-09', joined_party_on: '2005-02-03' }]);
	});

	it('without a card: the same folded name and birth date in the same unit is one person; a birth year alone matches a full date', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'r.csv', [['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Năm'], ['1', 'Lê Thị Hoa', '01/02/1980', 'C70010101', '2022']])]);
		await ingest(db, [writeCsv(dir, 'x.csv', [HEAD, ['1', 'le thi  hoa', '1980', 'C70010101', 'HTT', '05/12/2022']])], { year: 2022 });
		expect((await counts(db)).person).toBe(1);
	});

	it('without a card or any birth data on either list: the same folded name in the same unit is one person; another birth date is another person', async () => {
		const { db, dir } = await dbWithRegistry();
		const noBirth = ['STT', 'Họ và tên', 'Mã đơn vị', 'Xếp loại'];
		await ingest(db, [writeCsv(dir, 'a.csv', [noBirth, ['1', 'Đinh Văn Lộc', 'C70010101', 'HTT']])], { year: 2022 });
		await ingest(db, [writeCsv(dir, 'b.csv', [noBirth, ['1', 'ĐINH VĂN LỘC', 'C70010101', 'HTT']])], { year: 2023 });
		expect((await counts(db)).person).toBe(1);
		await ingest(db, [writeCsv(dir, 'c.csv', [HEAD, ['1', 'Mai Văn Phúc', '01/01/1980', 'C70010101', 'HTT', '05/12/2022']])], { year: 2022 });
		await ingest(db, [writeCsv(dir, 'd.csv', [HEAD, ['1', 'Mai Văn Phúc', '02/01/1980', 'C70010101', 'HTT', '05/12/2023']])], { year: 2023 });
		expect((await counts(db)).person).toBe(3);
	});

	it('a list without units or cards (a civil-servant list of a people\'s committee): one person and one rating per row, whatever the birth data', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'cbccvc.csv', [
			['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Mức xếp loại'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'Chủ tịch UBND', 'Hoàn thành tốt nhiệm vụ'],
			['2', 'Trần Thị Bình', '1985', 'Công chức', 'Hoàn thành nhiệm vụ'],
			['3', 'Lê Văn Cường', '01/01/1990', 'Công chức', 'Hoàn thành nhiệm vụ']
		]);
		const r = await ingest(db, [f], { kind: 'civil_servant' });
		expect(r.files[0].status).toBe('loaded');
		const c = await counts(db);
		// rows with a full birth date were made a person in the second phase and again in the third
		expect([c.person, c.rating]).toEqual([3, 3]);
	});

	it('namesakes with the same birth date in two different units stay two people', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'x.csv', [HEAD, ['1', 'Nguyễn Văn Nam', '01/01/1980', 'C70010101', 'HTT', '05/12/2022'], ['2', 'Nguyễn Văn Nam', '01/01/1980', 'C70010201', 'HTT', '05/12/2022']]);
		const r = await ingest(db, [f], { year: 2022 });
		expect(r.files[0].status).toBe('loaded');
		expect((await counts(db)).person).toBe(2);
	});

	it('namesakes with the same name and birth year in two chi bộ of one đảng bộ, on one list, stay two people; a later list finds each in its chi bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		const yearOnly = ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'];
		const r = await ingest(db, [writeCsv(dir, 'a.csv', [yearOnly, ['1', 'Nguyễn Văn An', '1970', 'C70010101', 'HTT'], ['2', 'Nguyễn Văn An', '1970', 'C70010102', 'HTT']])], { year: 2022 });
		expect(r.files[0].status).toBe('loaded');
		expect((await counts(db)).person).toBe(2);
		await ingest(db, [writeCsv(dir, 'b.csv', [yearOnly, ['1', 'Nguyễn Văn An', '1970', 'C70010102', 'HT']])], { year: 2023 });
		// the 2023 rating is the thôn 2 An's, not the thôn 1 one's
		expect(await db.query(`select count(distinct r.person_id)::int as n from rating r join unit u on u.id = r.unit_id where u.code = 'C70010102'`)).toEqual([{ n: 1 }]);
		expect(await db.query(`select severity from ingest_issue where severity = 'ambiguous'`)).toEqual([]);
	});

	it('a person of an earlier year and two namesake rows of two chi bộ in one later list: the row of the chi bộ the person was in is that person, the other a new one', async () => {
		const { db, dir } = await dbWithRegistry();
		const yearOnly = ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'];
		await ingest(db, [writeCsv(dir, 'a.csv', [yearOnly, ['1', 'Nguyễn Văn An', '1970', 'C70010101', 'HTT']])], { year: 2022 });
		const r = await ingest(db, [writeCsv(dir, 'b.csv', [yearOnly, ['1', 'Nguyễn Văn An', '1970', 'C70010102', 'HTT'], ['2', 'Nguyễn Văn An', '1970', 'C70010101', 'HT']])], { year: 2023 });
		expect(r.files[0].status).toBe('loaded');
		expect((await counts(db)).person).toBe(2);
		expect(await db.query(`select u.code, count(distinct r.person_id)::int as n from rating r join unit u on u.id = r.unit_id group by all order by 1`)).toEqual([
			{ code: 'C70010101', n: 1 },
			{ code: 'C70010102', n: 1 }
		]);
		expect(await db.query(`select count(*)::int as n from rating r1 join rating r2 on r1.person_id = r2.person_id and r1.unit_id <> r2.unit_id`)).toEqual([{ n: 0 }]);
	});

	it('… a person seen in neither chi bộ (a member who moved within the đảng bộ) fits both rows: both reported, two new people', async () => {
		const { db, dir } = await dbWithRegistry();
		const yearOnly = ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'];
		await ingest(db, [writeCsv(dir, 'dm.csv', [REGISTRY[1], ['1', 'C70010103', 'Chi bộ thôn 3', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '', '', '']])]);
		await ingest(db, [writeCsv(dir, 'a.csv', [yearOnly, ['1', 'Nguyễn Văn An', '1970', 'C70010103', 'HTT']])], { year: 2022 });
		const r = await ingest(db, [writeCsv(dir, 'b.csv', [yearOnly, ['1', 'Nguyễn Văn An', '1970', 'C70010102', 'HTT'], ['2', 'Nguyễn Văn An', '1970', 'C70010101', 'HT']])], { year: 2023 });
		expect(r.files[0].status).toBe('loaded');
		expect((await counts(db)).person).toBe(3);
		expect(await db.query(`select source_row from ingest_issue where severity = 'ambiguous' order by 1`)).toEqual([{ source_row: 2 }, { source_row: 3 }]);
	});

	// (a commune's chi bộ lists of a year as they arrive: title lines, birth year, no card)
	const chiBoList = (dir: string, chiBo: string, year: number, rows: string[][], head: string[] = []) =>
		writeCsv(dir, `cb${chiBo.replace(/\D/g, '')}-${year}.csv`, [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], [chiBo.toUpperCase()], [`DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${year}`],
			[`(Kèm theo Quyết định số 61-QĐ/ĐU ngày 06/12/${year} của Đảng ủy xã)`], ['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Xếp loại', ...head],
			...rows.map((r, i) => [String(i + 1), ...r])]);
	const ratedWhere = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db']) =>
		db.query(`select list(r.period_year || ' ' || u.code order by r.period_year) as ratings from rating r join unit u on u.id = r.unit_id join person p on p.id = r.person_id
			where p.name_key = 'le van hung' group by r.person_id order by 1`);

	it.each([
		['Thôn 1’s list, then Thôn 2’s', [['Chi bộ Thôn 1'], ['Chi bộ Thôn 2']]],
		['Thôn 2’s list, then Thôn 1’s', [['Chi bộ Thôn 2'], ['Chi bộ Thôn 1']]],
		['both in one load', [['Chi bộ Thôn 1', 'Chi bộ Thôn 2']]]
	])('a person of an earlier year and a namesake of another chi bộ of the same year, the two chi bộ’s lists loaded %s: the person keeps the own chi bộ’s row, the other is a new person, no one told of a doubt', async (_how, loads) => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [chiBoList(dir, 'Chi bộ Thôn 1', 2022, [['Lê Văn Hùng', '1975', '', 'HTTNV']])]);
		for (const load of loads) {
			const r = await ingest(db, load.map((c) => chiBoList(dir, c, 2023, [['Lê Văn Hùng', '1975', '', c.endsWith('1') ? 'HTTNV' : 'HTNV']])));
			expect(r.files.map((f) => f.status)).toEqual(load.map(() => 'loaded'));
			expect(r.files.flatMap((f) => f.warnings).join(' ')).not.toMatch(/chưa xác định|đánh giá hai lần|hai lần/);
		}
		expect(await ratedWhere(db)).toEqual([{ ratings: ['2022 C70010101', '2023 C70010101'] }, { ratings: ['2023 C70010102'] }]);
		expect(await db.query(`select severity from ingest_issue where severity = 'ambiguous'`)).toEqual([]);
		// a list of the next year finds each in its chi bộ
		await ingest(db, [chiBoList(dir, 'Chi bộ Thôn 2', 2024, [['Lê Văn Hùng', '1975', '', 'HTTNV']])]);
		expect(await ratedWhere(db)).toEqual([{ ratings: ['2022 C70010101', '2023 C70010101'] }, { ratings: ['2023 C70010102', '2024 C70010102'] }]);
	});

	it.each([
		['the old chi bộ’s list first', ['Chi bộ Thôn 1', 'Chi bộ Thôn 2']],
		['the new chi bộ’s list first', ['Chi bộ Thôn 2', 'Chi bộ Thôn 1']]
	])('… but a member who moved that year, the new chi bộ’s list saying "Ngày chuyển đến", both lists loaded one at a time, %s: one person', async (_how, order) => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [chiBoList(dir, 'Chi bộ Thôn 1', 2022, [['Lê Văn Hùng', '1975', '', 'HTTNV']])]);
		for (const c of order) {
			const r = await ingest(db, [chiBoList(dir, c, 2023, [['Lê Văn Hùng', '1975', '', 'HTTNV', c.endsWith('2') ? '15/08/2023' : '']], ['Ngày chuyển đến'])]);
			expect(r.files[0].status).toBe('loaded');
		}
		expect(await ratedWhere(db)).toEqual([{ ratings: ['2022 C70010101', '2023 C70010101', '2023 C70010102'] }]);
	});

	it('… or whom the old chi bộ’s roster of the year, loaded before, says "Chuyển đi": one person', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [chiBoList(dir, 'Chi bộ Thôn 1', 2022, [['Lê Văn Hùng', '1975', '', 'HTTNV']])]);
		expect((await ingest(db, [writeCsv(dir, 'dv.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2023'],
			['STT', 'Họ và tên', 'Năm sinh', 'Tình trạng'], ['1', 'Lê Văn Hùng', '1975', 'Chuyển đi']])])).files[0].status).toBe('loaded');
		expect((await ingest(db, [chiBoList(dir, 'Chi bộ Thôn 2', 2023, [['Lê Văn Hùng', '1975', '', 'HTTNV']])])).files[0].status).toBe('loaded');
		expect(await ratedWhere(db)).toEqual([{ ratings: ['2022 C70010101', '2023 C70010102'] }]);
	});

	it.each([
		['the roster first', ['mar', 'dec']],
		['the rating list first', ['dec', 'mar']]
	])('… and a member of a chi bộ merged into another of the same đảng bộ during the year, its roster and the successor’s rating list loaded one at a time, %s: one person', async (_how, order) => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', [
			REGISTRY[1],
			['1', 'C70019902', 'Chi bộ thôn Sơn Lang', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '30/09/2025', 'C70019904', '01/10/2025'],
			['2', 'C70019903', 'Chi bộ thôn Bình Minh', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '30/09/2025', 'C70019904', '01/10/2025'],
			['3', 'C70019904', 'Chi bộ thôn Sơn Lang - Bình Minh', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/10/2025', '', '', '']
		])]);
		const files = {
			mar: writeCsv(dir, 'mar.csv', [['DANH SÁCH ĐẢNG VIÊN NĂM 2025'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị'], ['1', 'Lê Văn Hùng', '1975', 'C70019902']]),
			dec: writeCsv(dir, 'dec.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'], ['1', 'Lê Văn Hùng', '1975', 'C70019904', 'HTTNV']])
		};
		for (const f of order) expect((await ingest(db, [files[f as keyof typeof files]])).files[0].status).toBe('loaded');
		expect((await counts(db)).person).toBe(1);
	});

	it('a member who moves to another chi bộ of the đảng bộ, no card, birth year only: one person', async () => {
		const { db, dir } = await dbWithRegistry();
		const yearOnly = ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'];
		await ingest(db, [writeCsv(dir, 'a.csv', [yearOnly, ['1', 'Nguyễn Văn An', '1970', 'C70010101', 'HTT']])], { year: 2022 });
		const r = await ingest(db, [writeCsv(dir, 'b.csv', [yearOnly, ['1', 'Nguyễn Văn An', '1970', 'C70010102', 'HTT']])], { year: 2023 });
		expect(r.files[0].warnings.join(' ')).not.toMatch(/chưa xác định/);
		expect((await counts(db)).person).toBe(1);
	});

	it('… and when both chi bộ’s rosters of the year, one saying "Chuyển đi", the other "Ngày chuyển đến" that year, come in one load: one person, whom the old chi bộ’s discipline register finds too', async () => {
		const { db, dir } = await dbWithRegistry();
		const roster = (unit: string, head: string[], row: string[]) =>
			writeCsv(dir, `dv-${unit}.csv`, [['DANH SÁCH ĐẢNG VIÊN NĂM 2023'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', ...head], ['1', 'Nguyễn Văn An', '1970', unit, ...row]]);
		await ingest(db, [writeCsv(dir, 'a.csv', [['DANH SÁCH ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị'], ['1', 'Nguyễn Văn An', '1970', 'C70010101']])]);
		const r = await ingest(db, [
			roster('C70010101', ['Tình trạng'], ['Chuyển đi']),
			roster('C70010102', ['Ngày chuyển đến'], ['15/08/2023']),
			writeCsv(dir, 'kl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['SỔ THEO DÕI KỶ LUẬT ĐẢNG VIÊN'], ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định'],
				['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Khiển trách', '20/06/2023']])
		]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded', 'loaded']);
		expect(r.files.flatMap((f) => f.warnings).join(' ')).not.toMatch(/chưa xác định/);
		expect((await counts(db)).person).toBe(1);
	});

	it('… and when two chi bộ’s rating lists of one load name them, the new chi bộ’s with a "Ngày chuyển đến" that year: one person', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'a.csv', [['DANH SÁCH ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị'], ['1', 'Nguyễn Văn An', '1970', 'C70010101']])]);
		const list = (unit: string, head: string[], row: string[]) =>
			writeCsv(dir, `xl-${unit}.csv`, [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2023'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', ...head], ['1', 'Nguyễn Văn An', '1970', unit, ...row]]);
		const r = await ingest(db, [list('C70010101', ['Xếp loại', 'Lý do không xếp loại'], ['', 'Chuyển sinh hoạt']), list('C70010102', ['Xếp loại', 'Ngày chuyển đến'], ['HTTNV', '15/08/2023'])]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect((await counts(db)).person).toBe(1);
	});

	it.each([
		['a move years ago', ['Ngày chuyển đến', ''], ['15/08/2015', '']],
		['a death, not a move', ['Tình trạng', 'Ngày vào Đảng'], ['Từ trần ngày 10/08/2023', '']],
		['a new member’s first chi bộ, not a move', ['Ngày vào Đảng', 'Ngày chuyển đến'], ['15/08/2023', '15/08/2023']]
	])('… but with %s on a roster, two namesakes of two chi bộ in one load stay two people', async (_what, head, cells) => {
		const { db, dir } = await dbWithRegistry();
		const roster = (unit: string, row: string[]) => writeCsv(dir, `dv-${unit}.csv`, [['DANH SÁCH ĐẢNG VIÊN NĂM 2023'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', ...head], ['1', 'Nguyễn Văn An', '1970', unit, ...row]]);
		await ingest(db, [writeCsv(dir, 'a.csv', [['DANH SÁCH ĐẢNG VIÊN NĂM 2022'], ['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị'], ['1', 'Nguyễn Văn An', '1970', 'C70010101']])]);
		expect((await ingest(db, [roster('C70010101', cells), roster('C70010102', cells.map((c, i) => (head[i] === 'Tình trạng' ? 'Chính thức' : c)))])).files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect((await counts(db)).person).toBe(2);
	});

	it('the đảng ủy\'s leader list names an "Nguyễn Văn An" born 1970 whom two chi bộ of the same year each have: reported, not given to either', async () => {
		const { db, dir } = await dbWithRegistry();
		const members = writeCsv(dir, 'dv.csv', [['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'C70010101', 'HTT'], ['2', 'Nguyễn Văn An', '1970', 'C70010102', 'HTT']]);
		const leaders = writeCsv(dir, 'ld.csv', [['STT', 'Đối tượng', 'Tên tổ chức đảng', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại'], ['1', 'Cá nhân lãnh đạo, quản lý', 'Đảng bộ xã Đoàn Kết', 'Nguyễn Văn An', '1970', 'Bí thư Đảng ủy', 'HTT']]);
		const r = await ingest(db, [members, leaders], { year: 2024 });
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect((await counts(db)).person).toBe(3);
		expect(await db.query(`select sf.file_name as file, i.source_row as row from ingest_issue i join source_file sf on sf.id = i.source_file_id where severity = 'ambiguous'`)).toEqual([{ file: 'ld.csv', row: 2 }]);
	});

	it('twins whose names differ only in accents (Hùng, Hưng), same birth date and chi bộ, no cards: two people; a later list finds each by the name as written, an unaccented spelling is reported', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'a.csv', [HEAD, ['1', 'Lê Văn Hùng', '12/03/1990', 'C70010101', 'HTT', '05/12/2022'], ['2', 'Lê Văn Hưng', '12/03/1990', 'C70010101', 'HT', '05/12/2022']])], { year: 2022 });
		expect(r.files[0].errors).toEqual([]);
		expect(r.files[0].status).toBe('loaded');
		expect((await counts(db)).person).toBe(2);
		const b = await ingest(db, [writeCsv(dir, 'b.csv', [HEAD, ['1', 'LÊ VĂN HƯNG', '12/03/1990', 'C70010101', 'HTT', '05/12/2023'], ['2', 'Lê  Văn Hùng', '12/03/1990', 'C70010101', 'HT', '05/12/2023']])], { year: 2023 });
		expect(b.files[0].warnings.join(' ')).not.toMatch(/chưa xác định/);
		expect((await counts(db)).person).toBe(2);
		expect(await db.query(`select p.full_name, r.period_year as y, r.source_row as row from rating r join person p on p.id = r.person_id order by 1, 2`)).toEqual([
			{ full_name: 'Lê Văn Hùng', y: 2022, row: 2 },
			{ full_name: 'Lê Văn Hùng', y: 2023, row: 3 },
			{ full_name: 'Lê Văn Hưng', y: 2022, row: 3 },
			{ full_name: 'Lê Văn Hưng', y: 2023, row: 2 }
		]);
		const c = await ingest(db, [writeCsv(dir, 'c.csv', [HEAD, ['1', 'Le Van Hung', '12/03/1990', 'C70010101', 'HTT', '05/12/2024']])], { year: 2024 });
		expect(c.files[0].warnings.join(' ')).toMatch(/chưa xác định chắc chắn/);
		expect((await counts(db)).person).toBe(3);
	});

	it('… twins whose surname a later list types with the eth ("Ðặng"): each found by the name as written, not reported', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'a.csv', [HEAD, ['1', 'Đặng Văn Hùng', '12/03/1990', 'C70010101', 'HTT', '05/12/2022'], ['2', 'Đặng Văn Hưng', '12/03/1990', 'C70010101', 'HT', '05/12/2022']])], { year: 2022 });
		const b = await ingest(db, [writeCsv(dir, 'b.csv', [HEAD, ['1', 'Ðặng Văn Hưng', '12/03/1990', 'C70010101', 'HTT', '05/12/2023'], ['2', 'Ðặng Văn Hùng', '12/03/1990', 'C70010101', 'HT', '05/12/2023']])], { year: 2023 });
		expect(b.files[0].warnings.join(' ')).not.toMatch(/chưa xác định/);
		expect((await counts(db)).person).toBe(2);
		expect(await db.query(`select p.full_name, r.source_row as row from rating r join person p on p.id = r.person_id where r.period_year = 2023 order by 2`)).toEqual([
			{ full_name: 'Đặng Văn Hưng', row: 2 },
			{ full_name: 'Đặng Văn Hùng', row: 3 }
		]);
	});

	it('a name typed with the tone mark placed the old way ("Thuỷ", "Hoà") is the same name as the new way ("Thủy", "Hòa")', async () => {
		const { db, dir } = await dbWithRegistry();
		const dup = await ingest(db, [writeCsv(dir, 'a.csv', [HEAD, ['1', 'Nguyễn Thị Thuỷ', '12/03/1990', 'C70010101', 'HTT', '05/12/2022'], ['2', 'Nguyễn Thị Thủy', '12/03/1990', 'C70010101', 'HT', '05/12/2022']])], { year: 2022 });
		expect(dup.files[0].errors.map((e) => [e.row, e.message.startsWith('Trùng người trong cùng danh sách')])).toEqual([[3, true]]);
		await ingest(db, [writeCsv(dir, 'b.csv', [HEAD, ['1', 'Trần Văn Hoà', '12/03/1980', 'C70010101', 'HTT', '05/12/2022']])], { year: 2022 });
		const c = await ingest(db, [writeCsv(dir, 'c.csv', [HEAD, ['1', 'Trần Văn Hòa', '12/03/1980', 'C70010101', 'HTT', '05/12/2023']])], { year: 2023 });
		expect(c.files[0].warnings.join(' ')).not.toMatch(/chưa xác định/);
		expect((await counts(db)).person).toBe(1);
	});

	it('follows the 2025 merger: a member of a merged commune is the same person in the successor, by name and birth or, with no birth data, by name', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', MERGER)]);
		// (Đinh Văn Lộc: the name alone, looked for in the organisations related to the row's)
		await ingest(db, [writeCsv(dir, 'a.csv', [HEAD, ['1', 'Phan Văn Quý', '03/03/1975', 'C70010101', 'HTT', '05/12/2024'], ['2', 'Đinh Văn Lộc', '', 'C70010101', 'HTT', '05/12/2024']])], { year: 2024 });
		await ingest(db, [writeCsv(dir, 'b.csv', [HEAD, ['1', 'Phan Văn Quý', '03/03/1975', 'C70019901', 'HTT', '05/12/2025'], ['2', 'Đinh Văn Lộc', '', 'C70019901', 'HTT', '05/12/2025']])], { year: 2025 });
		expect((await counts(db)).person).toBe(2);
	});

	it('… and when the merged commune\'s early roster and the successor\'s December roster come in one load: one person each, card-less, by name and birth or by name alone', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', MERGER)]);
		const roster = ['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Năm'];
		// (the December roster first in the command: the order of files is not the order of events)
		const r = await ingest(db, [
			writeCsv(dir, 'dec.csv', [roster, ['1', 'Phan Văn Quý', '03/03/1975', 'C70019901', '2025'], ['2', 'Đinh Văn Lộc', '', 'C70019901', '2025'], ['3', 'Hà Văn Tư', '1960', 'C70019901', '2025']]),
			writeCsv(dir, 'mar.csv', [roster, ['1', 'Phan Văn Quý', '03/03/1975', 'C70010101', '2025'], ['2', 'Đinh Văn Lộc', '', 'C70010101', '2025'], ['3', 'Hà Văn Tư', '1960', 'C70010101', '2025']])
		]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect(await db.query(`select p.full_name, count(distinct m.unit_id)::int as units from membership m join person p on p.id = m.person_id group by p.id, p.full_name, p.name_key order by p.name_key`)).toEqual([
			{ full_name: 'Đinh Văn Lộc', units: 2 },
			{ full_name: 'Hà Văn Tư', units: 2 },
			{ full_name: 'Phan Văn Quý', units: 2 }
		]);
		expect(await db.query(`select severity from ingest_issue where severity = 'ambiguous'`)).toEqual([]);
	});

	it('… but namesakes born the same day in two communes merged into one, on their early rosters of one load with the successor\'s: two people, and the successor\'s row reported', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', [
			REGISTRY[1],
			['1', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '30/06/2025', 'C70019901', '01/07/2025'],
			['2', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', 'Bình Phước', 'Minh Hưng', '01/01/2001', '30/06/2025', 'C70019901', '01/07/2025'],
			['3', 'C70019901', 'Chi bộ thôn Đoàn Kết', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', '']
		])]);
		const roster = ['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Năm'];
		await ingest(db, [
			writeCsv(dir, 'dec.csv', [roster, ['1', 'Nguyễn Văn Hùng', '12/05/1980', 'C70019901', '2025']]),
			writeCsv(dir, 'mar.csv', [roster, ['1', 'Nguyễn Văn Hùng', '12/05/1980', 'C70010101', '2025'], ['2', 'Nguyễn Văn Hùng', '12/05/1980', 'C70010201', '2025']])
		]);
		expect((await counts(db)).person).toBe(3);
		expect(await db.query(`select sf.file_name, i.source_row from ingest_issue i join source_file sf on sf.id = i.source_file_id where severity = 'ambiguous'`)).toEqual([{ file_name: 'dec.csv', source_row: 2 }]);
	});

	it('a member who moved: the new unit\'s roster without cards, then its rating list with them — one person, told on the list', async () => {
		const { db, dir } = await dbWithRegistry();
		const carded = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Xếp loại'];
		await ingest(db, [writeCsv(dir, 'a.csv', [carded, ['1', 'Trần Văn Bắc', '04/04/1977', '70055555', 'C70010101', 'HTT']])], { year: 2023 });
		await ingest(db, [writeCsv(dir, 'b.csv', [['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Năm'], ['1', 'Trần Văn Bắc', '04/04/1977', 'C70010201', '2024']])]);
		expect((await counts(db)).person).toBe(2); // the roster alone cannot know him: another đảng bộ
		const r = await ingest(db, [writeCsv(dir, 'c.csv', [carded, ['1', 'Trần Văn Bắc', '04/04/1977', '70055555', 'C70010201', 'HTT']])], { year: 2024 });
		expect(r.files[0].warnings.join(' ')).toMatch(/trong cùng đơn vị \(dòng 2: Trần Văn Bắc\): đã nhận là một người/);
		expect((await counts(db)).person).toBe(1);
		expect(await db.query(`select distinct p.card_no from membership m join person p on p.id = m.person_id union select distinct p.card_no from rating r join person p on p.id = r.person_id`)).toEqual([{ card_no: '70055555' }]);
		expect(await db.one(`select source_row, message from ingest_issue where severity = 'merged'`)).toEqual({
			source_row: 2,
			message: 'Người "Trần Văn Bắc" (số thẻ 70055555) trùng họ tên, ngày sinh với hồ sơ không có số thẻ đảng viên trong cùng đơn vị (b.csv, dòng 2): đã nhận là một người.'
		});
	});

	it('… also when the card-less and the carded list come in one load, a year apart: the earlier year\'s rows follow', async () => {
		const { db, dir } = await dbWithRegistry();
		const carded = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Xếp loại', 'Năm'];
		await ingest(db, [writeCsv(dir, 'a.csv', [carded, ['1', 'Trần Văn Bắc', '04/04/1977', '70055555', 'C70010101', 'HTT', '2022']])]);
		await ingest(db, [
			writeCsv(dir, 'b.csv', [['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Xếp loại', 'Năm'], ['1', 'Trần Văn Bắc', '04/04/1977', 'C70010201', 'HTT', '2023']]),
			writeCsv(dir, 'c.csv', [carded, ['1', 'Trần Văn Bắc', '04/04/1977', '70055555', 'C70010201', 'HTT', '2024']])
		]);
		expect((await counts(db)).person).toBe(1);
		expect(await db.query(`select r.period_year, p.card_no from rating r join person p on p.id = r.person_id order by 1`)).toEqual([
			{ period_year: 2022, card_no: '70055555' },
			{ period_year: 2023, card_no: '70055555' },
			{ period_year: 2024, card_no: '70055555' }
		]);
	});

	it('… but a card holder rated in another đảng bộ stays apart from a card-less namesake', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'b.csv', [['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Năm'], ['1', 'Trần Văn Bắc', '04/04/1977', 'C70010201', '2024']])]);
		const carded = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Xếp loại'];
		await ingest(db, [writeCsv(dir, 'c.csv', [carded, ['1', 'Trần Văn Bắc', '04/04/1977', '70055555', 'C70010101', 'HTT']])], { year: 2024 });
		expect((await counts(db)).person).toBe(2);
	});

	it('… nor a card-less row reported ambiguous: two communes merged in 2025, each with its namesake born the same day', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dm.csv', [
			REGISTRY[1],
			['1', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '30/06/2025', 'C70019901', '01/07/2025'],
			['2', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', 'Bình Phước', 'Minh Hưng', '01/01/2001', '30/06/2025', 'C70019901', '01/07/2025'],
			['3', 'C70019901', 'Chi bộ thôn Đoàn Kết', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', ''],
			['4', 'C70019902', 'Chi bộ thôn Minh Hưng', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', '']
		])]);
		const carded = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Xếp loại', 'Ngày quyết định'];
		await ingest(db, [writeCsv(dir, 'a.csv', [carded,
			['1', 'Nguyễn Văn Hùng', '12/05/1980', '70010185', 'C70010101', 'HTT', '05/12/2024'],
			['2', 'Nguyễn Văn Hùng', '12/05/1980', '70011517', 'C70010201', 'HTT', '05/12/2024']])], { year: 2024 });
		// the new commune's list: thôn Đoàn Kết's Hùng without his card (both thôn 1 merged into it:
		// either man, as far as the list says: reported), and thôn Minh Hưng's with his
		const r = await ingest(db, [writeCsv(dir, 'b.csv', [carded,
			['1', 'Nguyễn Văn Hùng', '12/05/1980', '', 'C70019901', 'HTT', '05/12/2025'],
			['2', 'Nguyễn Văn Hùng', '12/05/1980', '70011517', 'C70019902', 'HTT', '05/12/2025']])], { year: 2025 });
		expect(r.files[0].status).toBe('loaded');
		expect(await db.query(`select severity, source_row from ingest_issue where source_row is not null order by all`)).toEqual([{ severity: 'ambiguous', source_row: 2 }]);
		expect(await db.query(`select r.source_row as row, p.card_no as card from rating r join person p on p.id = r.person_id where r.period_year = 2025 order by 1`)).toEqual([
			{ row: 2, card: null },
			{ row: 3, card: '70011517' }
		]);
		expect((await counts(db)).person).toBe(3);
	});

	it('namesakes born the same day, no cards, in thôn 1 of two communes merged in 2025 (one chi bộ renamed, the other merged with a neighbour): two people, each followed into his own successor, whichever years load first', async () => {
		const registry = [
			REGISTRY[1],
			['1', 'C70010101', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '30/06/2025', 'C70019901', '01/07/2025'],
			['2', 'C70010102', 'Chi bộ thôn 2', 'Chi bộ trực thuộc', 'X700101', 'Bình Phước', 'Đoàn Kết', '01/01/2000', '30/06/2025', 'C70019902', '01/07/2025'],
			['3', 'C70010201', 'Chi bộ thôn 1', 'Chi bộ trực thuộc', 'X700102', 'Bình Phước', 'Minh Hưng', '01/01/2001', '30/06/2025', 'C70019902', '01/07/2025'],
			['4', 'C70019901', 'Chi bộ thôn Tân Lập', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', ''],
			['5', 'C70019902', 'Chi bộ thôn Tân Hưng', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', '']
		];
		// each chi bộ's own list, as the chi bộ sends it
		const list = (dir: string, name: string, unit: string, others: string[], decided: string) =>
			writeCsv(dir, name, [HEAD, ['1', 'Nguyễn Văn Hùng', '10/10/1975', unit, 'HTT', decided], ['2', others[0], others[1], unit, 'HTT', decided]]);
		const people = async (years: number[]) => {
			const { db, dir } = await dbWithRegistry();
			await ingest(db, [writeCsv(dir, 'dm.csv', registry)]);
			const lists: Record<number, string[]> = {
				2024: [list(dir, 'thon1_doanket_2024.csv', 'C70010101', ['Lê Văn Tám', '01/01/1980'], '05/12/2024'), list(dir, 'thon1_minhhung_2024.csv', 'C70010201', ['Trần Thị Mai', '02/02/1982'], '05/12/2024')],
				2025: [list(dir, 'tanlap_2025.csv', 'C70019901', ['Lê Văn Tám', '01/01/1980'], '05/12/2025'), list(dir, 'tanhung_2025.csv', 'C70019902', ['Trần Thị Mai', '02/02/1982'], '05/12/2025')]
			};
			for (const y of years) await ingest(db, lists[y], { year: y });
			return {
				hung: await db.query(`select string_agg(u.code, ' ' order by r.period_year) as units from rating r join person p on p.id = r.person_id join unit u on u.id = r.unit_id where p.name_key = 'nguyen van hung' group by p.id order by 1`),
				ambiguous: await db.query(`select source_row from ingest_issue where severity = 'ambiguous'`)
			};
		};
		const expected = { hung: [{ units: 'C70010101 C70019901' }, { units: 'C70010201 C70019902' }], ambiguous: [] };
		expect(await people([2024, 2025])).toEqual(expected);
		// history loaded after the 2025 lists (an archive brought in later)
		expect(await people([2025, 2024])).toEqual(expected);
	});

	it('ambiguous: two known people fit the name and birth year; a third mention is a new person and a report', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'a.csv', [HEAD, ['1', 'Vũ Văn Tùng', '01/01/1980', 'C70010101', 'HTT', '05/12/2022'], ['2', 'Vũ Văn Tùng', '02/02/1980', 'C70010101', 'HTT', '05/12/2022']])], { year: 2022 });
		const r = await ingest(db, [writeCsv(dir, 'b.csv', [['STT', 'Họ và tên', 'Năm sinh', 'Mã đơn vị', 'Xếp loại'], ['1', 'Vũ Văn Tùng', '1980', 'C70010101', 'HTT']])], { year: 2023 });
		expect(r.files[0].status).toBe('loaded');
		expect(r.files[0].warnings.join(' ')).toMatch(/chưa xác định chắc chắn/);
		expect((await counts(db)).person).toBe(3);
		expect(await db.one(`select severity, source_row from ingest_issue where severity = 'ambiguous'`)).toEqual({ severity: 'ambiguous', source_row: 2 });
	});
});

describe('re-load and history', () => {
	it('re-loading a byte-identical file changes nothing and says so', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'x.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTT', '05/12/2022']]);
		await ingest(db, [f], { year: 2022 });
		const before = await counts(db);
		const r = await ingest(db, [f], { year: 2022 });
		expect(r.files[0].status).toBe('unchanged');
		expect(r.files[0].message).toMatch(/không thay đổi/);
		expect(await counts(db)).toEqual(before);
	});

	it('two byte-identical files in one load (a list beside its Explorer copy "… - Copy"): read once, as the original (findings cite it), the copy names it', async () => {
		const { db, dir } = await dbWithRegistry();
		const rows = [['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, ['1', 'Lê Thị Hoa', '03/04/1982', 'C70010101', 'HTTNV', '05/12/2022']];
		// (a shell glob lists the copy first: " - Copy" sorts before ".csv")
		const copy = writeCsv(dir, 'Xep loai DV chi bo thon 1 - Copy.csv', rows);
		const original = writeCsv(dir, 'Xep loai DV chi bo thon 1.csv', rows);
		const r = await ingest(db, [copy, original], { year: 2022 });
		expect(r.files.map((f) => f.status).sort()).toEqual(['loaded', 'unchanged']);
		expect(r.files.find((f) => f.status === 'unchanged')).toMatchObject({
			path: copy,
			message: 'Tệp giống hệt "Xep loai DV chi bo thon 1.csv" trong cùng lần nạp: chỉ xét một lần (kết quả ở tệp ấy), không thay đổi gì.'
		});
		expect((await counts(db)).rating).toBe(1);
		expect(await db.query("select file_name from source_file where kind = 'rating'")).toEqual([{ file_name: 'Xep loai DV chi bo thon 1.csv' }]);
	});

	it.each([['Xep loai (1).csv'], ['Xep loai - Bản sao.csv'], ['Xep loai copy 2.csv']])('… "%s" too; two files neither a copy: the first named is read', async (name) => {
		const { db, dir } = await dbWithRegistry();
		const rows = [['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, ['1', 'Lê Thị Hoa', '03/04/1982', 'C70010101', 'HTTNV', '05/12/2022']];
		const copy = writeCsv(dir, name, rows);
		const original = writeCsv(dir, 'Xep loai.csv', rows);
		const other = writeCsv(dir, 'Xep loai thon 1.csv', rows);
		await ingest(db, [copy, original, other], { year: 2022 });
		expect(await db.query("select file_name from source_file where kind = 'rating'")).toEqual([{ file_name: 'Xep loai.csv' }]);
	});

	it('… a year in brackets is no copy mark: of "… (2022).csv" and another name, neither a copy, the first named is read', async () => {
		const { db, dir } = await dbWithRegistry();
		const rows = [['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, ['1', 'Lê Thị Hoa', '03/04/1982', 'C70010101', 'HTTNV', '05/12/2022']];
		const first = writeCsv(dir, 'Xep loai DV chi bo thon 1 (2022).csv', rows);
		const second = writeCsv(dir, 'Xep loai DV gui Dang uy.csv', rows);
		await ingest(db, [first, second], { year: 2022 });
		expect(await db.query("select file_name from source_file where kind = 'rating'")).toEqual([{ file_name: 'Xep loai DV chi bo thon 1 (2022).csv' }]);
	});

	it('a corrected list replaces the earlier one for the same body, unit, kind and period; the earlier stays queryable', async () => {
		const { db, dir } = await dbWithRegistry();
		const first = writeCsv(dir, 'v1.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTXS', '05/12/2022'], ['2', 'B', '1971', 'C70010101', 'HTT', '05/12/2022']]);
		const other = writeCsv(dir, 'khac.csv', [HEAD, ['1', 'C', '1972', 'C70010102', 'HTT', '05/12/2022']]);
		const fixed = writeCsv(dir, 'v2.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTT', '08/12/2022'], ['2', 'B', '1971', 'C70010101', 'HTT', '08/12/2022']]);
		await ingest(db, [first, other], { year: 2022 });
		await ingest(db, [fixed], { year: 2022 });
		const current = await db.query(`select p.full_name, r.final_level from rating_current r join person p on p.id = r.person_id order by p.full_name`);
		expect(current).toEqual([
			{ full_name: 'A', final_level: 3 },
			{ full_name: 'B', final_level: 3 },
			{ full_name: 'C', final_level: 3 }
		]);
		const history = await db.query(`select f.file_name, r.final_level, s.file_name as replaced_by from rating r join source_file f on f.id = r.source_file_id
			join person p on p.id = r.person_id left join source_file s on s.id = r.superseded_by where p.full_name = 'A' order by f.id`);
		expect(history).toEqual([
			{ file_name: 'v1.csv', final_level: 4, replaced_by: 'v2.csv' },
			{ file_name: 'v2.csv', final_level: 3, replaced_by: null }
		]);
		expect((await counts(db)).person).toBe(3);
	});

	it('the version decided last is the current one, whatever the order the files come in; the earlier-decided file says it is kept as the earlier version', async () => {
		const { db, dir } = await dbWithRegistry();
		// "(bản sửa)" sorts, and loads, before the list it corrects
		const fixed = writeCsv(dir, 'xl (ban sua).csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTT', '08/12/2022'], ['2', 'B', '1971', 'C70010101', 'HTT', '08/12/2022']]);
		const first = writeCsv(dir, 'xl.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTXS', '05/12/2022'], ['2', 'B', '1971', 'C70010101', 'HTXS', '05/12/2022']]);
		const r = await ingest(db, [fixed, first], { year: 2022 });
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect(await db.query(`select f.file_name as file, count(*)::int as n from rating_current r join source_file f on f.id = r.source_file_id group by all`)).toEqual([
			{ file: 'xl (ban sua).csv', n: 2 }
		]);
		expect(r.files[1].warnings).toEqual([
			'Tệp "xl.csv": 2 dòng thuộc danh sách đã có bản quyết định sau ("xl (ban sua).csv", ngày 08/12/2022) nên được lưu làm bản trước (quyết định ngày 05/12/2022); bản quyết định sau vẫn là bản hiện hành.'
		]);
		// a version without its decision date: the one loaded last, as before
		const undated = writeCsv(dir, 'xl3.csv', [['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Xếp loại'], ['1', 'A', '1970', 'C70010101', 'HTNV'], ['2', 'B', '1971', 'C70010101', 'HTNV']]);
		await ingest(db, [undated], { year: 2022 });
		expect(await db.query(`select distinct f.file_name as file from rating_current r join source_file f on f.id = r.source_file_id`)).toEqual([{ file: 'xl3.csv' }]);
	});

	it('versions of one load decided the same day: the one its file name calls a correction is current, and the other file says so', async () => {
		const { db, dir } = await dbWithRegistry();
		const fixed = writeCsv(dir, 'xl (ban sua).csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTT', '05/12/2022'], ['2', 'B', '1971', 'C70010101', 'HTT', '05/12/2022']]);
		const first = writeCsv(dir, 'xl.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTXS', '05/12/2022'], ['2', 'B', '1971', 'C70010101', 'HTXS', '05/12/2022']]);
		const r = await ingest(db, [fixed, first], { year: 2022 });
		expect(await db.query(`select distinct f.file_name as file from rating_current r join source_file f on f.id = r.source_file_id`)).toEqual([{ file: 'xl (ban sua).csv' }]);
		expect(r.files[1].warnings).toEqual([
			'Tệp "xl.csv": 2 dòng thuộc danh sách đã có bản "xl (ban sua).csv" cùng ngày quyết định 05/12/2022, bản đó được giữ làm bản hiện hành (tên tệp hoặc tiêu đề ghi là bản sửa, hoặc nạp sau) và tệp này được lưu làm bản trước.'
		]);
		// a later load of the same day is current, whatever its name
		await ingest(db, [writeCsv(dir, 'xl-lan3.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTNV', '05/12/2022'], ['2', 'B', '1971', 'C70010101', 'HTNV', '05/12/2022']])], { year: 2022 });
		expect(await db.query(`select distinct f.file_name as file from rating_current r join source_file f on f.id = r.source_file_id`)).toEqual([{ file: 'xl-lan3.csv' }]);
	});

	it('two lists of one body decided the same day that rate no one in common (one per group of posts) are both in force, in one load or two; a correction of one leaves the other; a later one replaces the parts it rates someone of', async () => {
		const { db, dir } = await dbWithRegistry();
		const current = () => db.query(`select f.file_name as file, count(*)::int as n from rating_current r join source_file f on f.id = r.source_file_id group by 1 order by 1`);
		await ingest(db, [
			writeCsv(dir, 'nhom1.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTXS', '05/12/2022'], ['2', 'B', '1971', 'C70010101', 'HTT', '05/12/2022']]),
			writeCsv(dir, 'nhom2.csv', [HEAD, ['1', 'C', '1972', 'C70010101', 'HTXS', '05/12/2022'], ['2', 'D', '1973', 'C70010101', 'HTT', '05/12/2022']])
		], { year: 2022 });
		const r3 = await ingest(db, [writeCsv(dir, 'nhom3.csv', [HEAD, ['1', 'E', '1974', 'C70010101', 'HTT', '05/12/2022']])], { year: 2022 });
		expect(r3.files[0].warnings.join(' ')).not.toMatch(/bản trước|hiện hành/);
		expect(await current()).toEqual([{ file: 'nhom1.csv', n: 2 }, { file: 'nhom2.csv', n: 2 }, { file: 'nhom3.csv', n: 1 }]);
		// a correction of one part, the same day: that part replaced, the others in force
		await ingest(db, [writeCsv(dir, 'nhom1 (ban sua).csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTT', '05/12/2022'], ['2', 'B', '1971', 'C70010101', 'HTNV', '05/12/2022']])], { year: 2022 });
		expect(await current()).toEqual([{ file: 'nhom1 (ban sua).csv', n: 2 }, { file: 'nhom2.csv', n: 2 }, { file: 'nhom3.csv', n: 1 }]);
		// … and of the other, decided a day later: the first part's correction stays
		await ingest(db, [writeCsv(dir, 'nhom2 (ban sua).csv', [HEAD, ['1', 'C', '1972', 'C70010101', 'HTT', '06/12/2022'], ['2', 'D', '1973', 'C70010101', 'HTT', '06/12/2022']])], { year: 2022 });
		expect(await current()).toEqual([{ file: 'nhom1 (ban sua).csv', n: 2 }, { file: 'nhom2 (ban sua).csv', n: 2 }, { file: 'nhom3.csv', n: 1 }]);
		// a later list rating someone of each part replaces them; a part it rates no one of stays
		await ingest(db, [writeCsv(dir, 'sua.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTT', '10/12/2022'], ['2', 'C', '1972', 'C70010101', 'HTT', '10/12/2022']])], { year: 2022 });
		expect(await current()).toEqual([{ file: 'nhom3.csv', n: 1 }, { file: 'sua.csv', n: 2 }]);
	});

	it('a list for another period does not replace the yearly one', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'nam.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTT', '05/12/2025']])], { year: 2025 });
		await ingest(db, [writeCsv(dir, 'quy.csv', [['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN QUÝ III NĂM 2025'], HEAD, ['1', 'A', '1970', 'C70010101', 'HTXS', '05/10/2025']])]);
		expect(await db.query('select period_kind, period_no, final_level from rating_current order by period_kind')).toEqual([
			{ period_kind: 'quarter', period_no: 3, final_level: 4 },
			{ period_kind: 'year', period_no: 0, final_level: 3 }
		]);
	});

	it('--dry-run validates and stores nothing', async () => {
		const { db, dir } = await dbWithRegistry();
		const before = await counts(db);
		const r = await ingest(db, [writeCsv(dir, 'x.csv', [HEAD, ['1', 'A', '1970', 'C70010101', 'HTT', '05/12/2022']])], { year: 2022, dryRun: true });
		expect(r.files[0]).toMatchObject({ status: 'checked', rowsStored: 1 });
		expect(await counts(db)).toEqual(before);
	});
});
