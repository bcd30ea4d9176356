// People as real lists name them. A civil-servant list sent by a commune's People's Committee
// ("UBND XÃ BÙ ĐĂNG" top left, no party unit anywhere) names people who are also members of the
// commune's chi bộ: found, by name and birth, in the party organisation of that locality, so that
// R3 and R8 compare their two ratings; a list placed nowhere says so. A discipline register or a
// rating list giving a name and a chi bộ but no birth data: the one person of that name in the chi
// bộ is that person; several are reported; a namesake in another chi bộ stays someone else.
import { describe, expect, it } from 'vitest';
import { REGISTRY, writeCsv, writeXlsx } from '../../helpers/files';
import { counts, dbWithRegistry, ingest } from '../../helpers/ingest-db';
import { sqlFile } from '../../../src/lib/server/db';

type Db = Awaited<ReturnType<typeof dbWithRegistry>>['db'];

/** The commune formed on 01/07/2025 (X700199) with two chi bộ of its own. */
async function commune() {
	const { db, dir } = await dbWithRegistry();
	const r = await ingest(db, [writeCsv(dir, 'dm.csv', [
		REGISTRY[1],
		['1', 'C7019903', 'Chi bộ thôn Sơn Lang', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', ''],
		['2', 'C7019901', 'Chi bộ Văn phòng', 'Chi bộ trực thuộc', 'X700199', 'Bình Phước', 'Bù Đăng', '01/07/2025', '', '', '']
	])]);
	expect(r.files[0].status).toBe('loaded');
	return { db, dir };
}

/** The chi bộ's rating list, as d08b of the probe: title lines naming the đảng bộ and the chi bộ. */
const memberList = (dir: string, chiBo: string, rows: string[][], name = 'dv.xlsx') =>
	writeXlsx(dir, name, [
		['ĐẢNG BỘ XÃ BÙ ĐĂNG'],
		[chiBo],
		[],
		['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2026'],
		['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Xếp loại', 'Ngày quyết định'],
		...rows.map((r, i) => [String(i + 1), ...r])
	]);

/** The People's Committee's list under Nghị định 335: the agency and the national motto side by side. */
const cbccList = (dir: string, agency: string, rows: string[][], name = 'cbcc.xlsx') =>
	writeXlsx(dir, name, [
		[agency, '', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
		['', '', '', '', 'Độc lập - Tự do - Hạnh phúc'],
		['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2026'],
		['(Theo Nghị định số 335/2025/NĐ-CP)'],
		['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Điểm bình quân', 'Xếp loại', 'Ngày xếp loại'],
		...rows.map((r, i) => [String(i + 1), ...r])
	]);

const MEMBERS = [
	['Nguyễn Văn An', '12/05/1970', 'Bí thư chi bộ', 'HTXSNV', '05/12/2026'],
	['Trần Thị Bình', '03/02/1985', 'Phó Bí thư chi bộ', 'HTTNV', '05/12/2026'],
	['Lê Văn Cường', '01/01/1990', '', 'HTTNV', '05/12/2026'],
	['Phạm Thị Dung', '02/03/1998', '', 'HTNV', '05/12/2026']
];
const CBCC = [
	['Nguyễn Văn An', '12/05/1970', 'Chủ tịch UBND xã', '91,75', 'Hoàn thành xuất sắc nhiệm vụ', '10/12/2026'],
	['Trần Thị Bình', '03/02/1985', 'Công chức Văn phòng - Thống kê', '78,75', 'Hoàn thành tốt nhiệm vụ', '10/12/2026'],
	['Lê Văn Cường', '01/01/1990', 'Công chức Địa chính', '62,75', 'Hoàn thành nhiệm vụ', '10/12/2026']
];

/** Each civil-servant rating's person, beside the member rating of the same person (null: none). */
const pairs = (db: Db) =>
	db.query<{ name: string; member: number | null; cs: number }>(`select p.full_name as name, m.final_level as member, c.final_level as cs
		from rating c join person p on p.id = c.person_id
		left join rating m on m.person_id = c.person_id and m.subject_kind = 'member'
		where c.subject_kind = 'civil_servant' order by c.source_row`);

describe('a civil-servant list of a People\'s Committee, no party unit on it', () => {
	it('two communes\' lists (no party unit on either) are two lists, not one replacing the other; a corrected list replaces its own commune\'s', async () => {
		const { db, dir } = await commune();
		const other = [['Võ Thị Hồng', '04/04/1982', 'Công chức Tư pháp', '85', 'Hoàn thành tốt nhiệm vụ', '10/12/2026']];
		await ingest(db, [await cbccList(dir, 'UBND XÃ BÙ ĐĂNG', CBCC, 'a.xlsx')]);
		await ingest(db, [await cbccList(dir, 'UBND XÃ ĐOÀN KẾT', other, 'b.xlsx')]);
		const current = () =>
			db.query(`select r.agency, count(*)::int as n from rating r where r.subject_kind = 'civil_servant' and r.superseded_by is null group by all order by all`);
		expect(await current()).toEqual([
			{ agency: 'UBND XÃ BÙ ĐĂNG', n: 3 },
			{ agency: 'UBND XÃ ĐOÀN KẾT', n: 1 }
		]);
		await ingest(db, [await cbccList(dir, 'UBND XÃ BÙ ĐĂNG', CBCC.slice(0, 2), 'a2.xlsx')]);
		expect(await current()).toEqual([
			{ agency: 'UBND XÃ BÙ ĐĂNG', n: 2 },
			{ agency: 'UBND XÃ ĐOÀN KẾT', n: 1 }
		]);
	});

	it('"UBND XÃ BÙ ĐĂNG": its people are the members of the commune\'s chi bộ with the same name and birth date, loaded after them', async () => {
		const { db, dir } = await commune();
		await ingest(db, [await memberList(dir, 'CHI BỘ THÔN SƠN LANG', MEMBERS)]);
		const r = await ingest(db, [await cbccList(dir, 'UBND XÃ BÙ ĐĂNG', CBCC)]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 3, warnings: [] });
		expect((await counts(db)).person).toBe(4);
		// what R3 (member above civil servant) and R8 (member rated first) compare
		expect(await pairs(db)).toEqual([
			{ name: 'Nguyễn Văn An', member: 4, cs: 4 },
			{ name: 'Trần Thị Bình', member: 3, cs: 3 },
			{ name: 'Lê Văn Cường', member: 3, cs: 2 }
		]);
		// the civil-servant ratings stay the agency's: no party unit is written on them
		expect(await db.query(`select count(*)::int as n from rating where subject_kind = 'civil_servant' and unit_id is null`)).toEqual([{ n: 3 }]);
	});

	it('… loaded first (civil servants are rated first), or in one load with the chi bộ\'s list, in another chi bộ of the commune', async () => {
		const { db, dir } = await commune();
		await ingest(db, [await cbccList(dir, 'ỦY BAN NHÂN DÂN XÃ BÙ ĐĂNG', CBCC)]);
		await ingest(db, [await memberList(dir, 'CHI BỘ VĂN PHÒNG', MEMBERS)]);
		expect((await counts(db)).person).toBe(4);
		expect((await pairs(db)).map((p) => p.member)).toEqual([4, 3, 3]);

		const other = await commune();
		await ingest(other.db, [await cbccList(other.dir, 'UBND XÃ BÙ ĐĂNG', CBCC), await memberList(other.dir, 'CHI BỘ THÔN SƠN LANG', MEMBERS)]);
		expect((await counts(other.db)).person).toBe(4);
		expect((await pairs(other.db)).map((p) => p.member)).toEqual([4, 3, 3]);
	});

	it('a birth year alone matches the member\'s full date; two members of that name and year in the commune are reported, not guessed', async () => {
		const { db, dir } = await commune();
		await ingest(db, [await memberList(dir, 'CHI BỘ THÔN SƠN LANG', [...MEMBERS, ['Nguyễn Văn An', '01/09/1970', '', 'HTTNV', '05/12/2026']])]);
		const r = await ingest(db, [await cbccList(dir, 'UBND XÃ BÙ ĐĂNG', CBCC.map((c) => [c[0], c[1].slice(-4), ...c.slice(2)]))]);
		expect(r.files[0].status).toBe('loaded');
		expect(r.files[0].warnings.join(' ')).toMatch(/1 người chưa xác định chắc chắn \(dòng \d+: Nguyễn Văn An; trùng họ tên/);
		expect((await pairs(db)).map((p) => [p.name, p.member])).toEqual([
			['Nguyễn Văn An', null],
			['Trần Thị Bình', 3],
			['Lê Văn Cường', 3]
		]);
		expect(await db.query(`select source_row from ingest_issue where severity = 'ambiguous'`)).toEqual([{ source_row: 6 }]);
	});

	it('the agency in a "Cơ quan công tác" column places the rows; a namesake born the same day in a chi bộ outside the commune stays another person', async () => {
		const { db, dir } = await commune();
		await ingest(db, [writeCsv(dir, 'thcs.csv', [
			['CHI BỘ TRƯỜNG THCS ĐOÀN KẾT'],
			['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2026'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại'],
			['1', 'Lê Văn Cường', '01/01/1990', 'HTTNV']
		])]);
		await ingest(db, [await memberList(dir, 'CHI BỘ THÔN SƠN LANG', MEMBERS.slice(0, 2))]);
		const r = await ingest(db, [writeCsv(dir, 'cbcc.csv', [
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2026'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Cơ quan công tác', 'Xếp loại'],
			...CBCC.map((c, i) => [String(i + 1), c[0], c[1], 'UBND xã Bù Đăng, tỉnh Bình Phước', c[4]])
		])]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', warnings: [] });
		expect((await pairs(db)).map((p) => [p.name, p.member])).toEqual([
			['Nguyễn Văn An', 4],
			['Trần Thị Bình', 3],
			['Lê Văn Cường', null]
		]);
		expect((await counts(db)).person).toBe(4);
	});

	it('a commune formed on 01/07/2025 under the name of one dissolved on 30/06: a list of December is the new one\'s; two such alive: reported as two', async () => {
		const { db, dir } = await dbWithRegistry();
		const reg = (file: string, rows: string[][]) => ingest(db, [writeCsv(dir, file, [REGISTRY[1], ...rows])]);
		await reg('dm.csv', [
			['1', 'X700198', 'Đảng bộ xã Đoàn Kết', 'Đảng bộ cơ sở', 'T70', 'Bình Phước', 'Đoàn Kết', '01/07/2025', '', '', ''],
			['2', 'C7019801', 'Chi bộ thôn Hòa Bình', 'Chi bộ trực thuộc', 'X700198', 'Bình Phước', 'Đoàn Kết', '01/07/2025', '', '', '']
		]);
		await ingest(db, [writeCsv(dir, 'dv.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN HÒA BÌNH'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2025'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại', 'Ngày quyết định'], ['1', 'Nguyễn Văn An', '12/05/1970', 'HTTNV', '05/12/2025']])]);
		const cs = (file: string, level = 'HTNV') => writeCsv(dir, file, [['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2025'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại', 'Ngày xếp loại'], ['1', 'Nguyễn Văn An', '12/05/1970', level, '10/12/2025']]);
		const r = await ingest(db, [cs('cs1.csv')]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', warnings: [] });
		expect(await pairs(db)).toEqual([{ name: 'Nguyễn Văn An', member: 3, cs: 2 }]);

		// another commune of that name, in another district, alive too: two, said as two
		await reg('dm2.csv', [['1', 'X700298', 'Đảng bộ xã Đoàn Kết', 'Đảng bộ cơ sở', 'T70', 'Bình Phước', 'Đoàn Kết', '01/07/2025', '', '', '']]);
		const two = await ingest(db, [cs('cs2.csv', 'HTTNV')]);
		expect(two.files[0].warnings).toEqual([expect.stringMatching(/cơ quan "UBND XÃ ĐOÀN KẾT" ứng với 2 tổ chức đảng khác nhau trong danh mục\./)]);
	});

	it('placed in no party unit: loaded as before, and the file says its people could not be matched, why, and what to add', async () => {
		const { db, dir } = await commune();
		await ingest(db, [await memberList(dir, 'CHI BỘ THÔN SƠN LANG', MEMBERS)]);
		const r = await ingest(db, [await cbccList(dir, 'UBND XÃ PHÚ SƠN', CBCC)]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 3 });
		expect(r.files[0].warnings).toEqual([
			'Tệp "cbcc.xlsx": 3 người (dòng 6, 7, 8) không đối chiếu được với đảng viên đã có: cơ quan "UBND XÃ PHÚ SƠN" không khớp tổ chức đảng nào trong danh mục (đảng bộ của xã, phường, huyện nơi cơ quan đóng, hoặc chi bộ mang tên cơ quan). Mỗi người được lưu thành hồ sơ riêng, nên việc so xếp loại đảng viên với xếp loại công chức (R3, R8) bỏ sót họ. Thêm cột Mã đơn vị / Chi bộ, ghi cơ quan ở tiêu đề, hoặc nạp lại với --unit MÃ (đảng bộ nơi cơ quan đóng).'
		]);
		expect((await pairs(db)).map((p) => p.member)).toEqual([null, null, null]);
		expect((await counts(db)).person).toBe(7);

		const bare = await ingest(db, [writeCsv(dir, 'cbcc.csv', [['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2026'], ['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '12/05/1970', 'HTXSNV']])]);
		expect(bare.files[0].warnings).toEqual([expect.stringMatching(/^Tệp "cbcc\.csv": 1 người \(dòng 3\) không đối chiếu được với đảng viên đã có: danh sách không ghi đơn vị .*--unit MÃ/)]);

		// the title's commune and the row's agency (Chi bộ Văn phòng of Bù Đăng) do not nest: no guess
		const twoPlaces = await ingest(db, [writeCsv(dir, 'cbcc2.csv', [['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2026'], ['STT', 'Họ và tên', 'Ngày sinh', 'Cơ quan công tác', 'Xếp loại'], ['1', 'Trần Thị Bình', '03/02/1985', 'Văn phòng', 'HTT']])]);
		expect(twoPlaces.files[0].warnings).toEqual([expect.stringMatching(/^Tệp "cbcc2\.csv": 1 người \(dòng 4\) .*cơ quan "Văn phòng \/ UBND XÃ ĐOÀN KẾT" ứng với 2 tổ chức đảng khác nhau trong danh mục\./)]);
	});
});

/** A chi bộ's list with birth dates and cards (the Đoàn Kết commune of the test registry, 2024). */
const dated = (dir: string, rows: string[][]) =>
	writeCsv(dir, 'xl.csv', [
		['ĐẢNG BỘ XÃ ĐOÀN KẾT'],
		['DANH SÁCH KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
		['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Chi bộ', 'Xếp loại', 'Ngày quyết định'],
		...rows.map((r, i) => [String(i + 1), ...r, '05/12/2024'])
	]);

/** The đảng ủy's register: a name and a chi bộ, neither card nor birth (d26 of the probe). */
const register = (dir: string, rows: string[][]) =>
	writeCsv(dir, 'kl.csv', [
		['ĐẢNG ỦY XÃ ĐOÀN KẾT'],
		['DANH SÁCH TỔ CHỨC ĐẢNG, ĐẢNG VIÊN BỊ THI HÀNH KỶ LUẬT NĂM 2024'],
		['STT', 'Tổ chức đảng, đảng viên bị kỷ luật', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định', 'Tự phát hiện, khắc phục'],
		...rows.map((r, i) => [String(i + 1), ...r])
	]);

/** Each disciplined person: name, card of the person found (null: a record of its own). */
const disciplined = (db: Db) =>
	db.query<{ name: string; card: string | null }>(`select p.full_name as name, p.card_no as card from discipline d join person p on p.id = d.person_id order by d.source_row`);

describe('a name and a chi bộ, no card or birth data', () => {
	it('the one member of that name in the chi bộ is the person disciplined (R2 sees the rating)', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [dated(dir, [['Trần Thị Bình', '03/02/1985', '70012346', 'Chi bộ thôn 1', 'HTXSNV'], ['Lê Văn Cường', '01/01/1990', '70012347', 'Chi bộ thôn 2', 'HTTNV']])]);
		const r = await ingest(db, [register(dir, [['Chi bộ thôn 2', '', 'Khiển trách', '10/09/2024', 'Không'], ['Trần Thị Bình', 'Chi bộ thôn 1', 'Khiển trách', '10/10/2024', '']])]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2, warnings: [] });
		expect(await disciplined(db)).toEqual([{ name: 'Trần Thị Bình', card: '70012346' }]);
		expect((await counts(db)).person).toBe(2);
	});

	it('several members of that name in the chi bộ: reported, a record of its own, no guess', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [dated(dir, [['Trần Thị Bình', '03/02/1985', '70012346', 'Chi bộ thôn 1', 'HTXSNV'], ['Trần Thị Bình', '09/09/1960', '70012399', 'Chi bộ thôn 1', 'HTTNV']])]);
		const r = await ingest(db, [register(dir, [['Trần Thị Bình', 'Chi bộ thôn 1', 'Khiển trách', '10/10/2024', '']])]);
		expect(r.files[0].status).toBe('loaded');
		expect(r.files[0].warnings.join(' ')).toMatch(/1 người chưa xác định chắc chắn/);
		expect(await disciplined(db)).toEqual([{ name: 'Trần Thị Bình', card: null }]);
		expect(await db.query(`select source_row, message from ingest_issue where severity = 'ambiguous'`)).toEqual([
			{
				source_row: 4,
				message:
					'Không xác định chắc chắn người "Trần Thị Bình": danh sách không ghi ngày sinh, trùng họ tên với nhiều người đã có trong cùng đơn vị; đã tạo hồ sơ mới, cần bổ sung ngày sinh hoặc số thẻ đảng viên.'
			}
		]);
	});

	it('a namesake in another chi bộ of the đảng bộ stays another person, as do two namesakes of two chi bộ in one list', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [dated(dir, [['Trần Thị Bình', '03/02/1985', '70012346', 'Chi bộ thôn 2', 'HTXSNV']])]);
		const r = await ingest(db, [register(dir, [['Trần Thị Bình', 'Chi bộ thôn 1', 'Khiển trách', '10/10/2024', ''], ['Trần Thị Bình', 'Chi bộ thôn 2', 'Cảnh cáo', '10/11/2024', '']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		expect(await disciplined(db)).toEqual([
			{ name: 'Trần Thị Bình', card: null },
			{ name: 'Trần Thị Bình', card: '70012346' }
		]);
		expect((await counts(db)).person).toBe(2);
	});

	it('the same on a rating list giving names only: the chi bộ\'s one member of that name', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên'], ['1', 'Đỗ Văn Hải', '11/11/1988', '70012351']])]);
		await ingest(db, [dated(dir, [['Đỗ Văn Hải', '02/02/1972', '', 'Chi bộ thôn 2', 'HTTNV']])]);
		const r = await ingest(db, [writeCsv(dir, 'xl1.csv', [['CHI BỘ THÔN 1, ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Xếp loại'], ['1', 'ĐỖ VĂN HẢI', 'Hoàn thành tốt nhiệm vụ']])]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', warnings: [] });
		expect(await db.query(`select p.card_no as card from rating r join person p on p.id = r.person_id where r.source_file_id = (select max(id) from source_file)`)).toEqual([{ card: '70012351' }]);
		expect((await counts(db)).person).toBe(2);
	});
});

describe('an undated member, then a list giving their birth', () => {
	// a roster with no birth column (names, posts, statuses), then the chi bộ's rating list with
	// "Năm sinh": the one member of that name in the chi bộ is that person, now dated (R4 saw two
	// people: the roster's, never rated, and the list's, on no roster)
	const roster = (dir: string, chiBo: string, names: string[], file = 'ds.csv') =>
		writeCsv(dir, file, [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], [chiBo], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Chức vụ', 'Tình trạng'],
			...names.map((n, i) => [String(i + 1), n, i === 0 ? 'Bí thư' : '', 'Chính thức'])]);
	const people = (db: Db) => db.query(`select full_name as name, birth_year as y from person order by id`);

	it('is found in the chi bộ and given the birth year', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [roster(dir, 'CHI BỘ THÔN 1', ['Nguyễn Văn An', 'Trần Thị Bình'])]);
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV'], ['2', 'Trần Thị Bình', '1980', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', warnings: [] });
		expect(await people(db)).toEqual([{ name: 'Nguyễn Văn An', y: 1970 }, { name: 'Trần Thị Bình', y: 1980 }]);
		expect(await db.query(`select count(distinct person_id)::int as n from (select person_id from membership union all select person_id from rating)`)).toEqual([{ n: 2 }]);
	});

	it('an undated namesake in another chi bộ is someone else; a đảng bộ\'s list finds the one of the chi bộ its row names', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [roster(dir, 'CHI BỘ THÔN 1', ['Nguyễn Văn An'], 'ds1.csv'), roster(dir, 'CHI BỘ THÔN 2', ['Nguyễn Văn An'], 'ds2.csv')]);
		// thôn 1's list: its own An
		await ingest(db, [writeCsv(dir, 'xl1.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV']])]);
		expect(await people(db)).toEqual([{ name: 'Nguyễn Văn An', y: 1970 }, { name: 'Nguyễn Văn An', y: null }]);
		// the đảng bộ's list naming An born 1965 of thôn 2: thôn 2's An (thôn 1's, dated 1970, is not)
		const r = await ingest(db, [writeCsv(dir, 'xl-db.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1965', 'Chi bộ thôn 2', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		expect(await people(db)).toEqual([{ name: 'Nguyễn Văn An', y: 1970 }, { name: 'Nguyễn Văn An', y: 1965 }]);
	});

	it('two of that name and different births on the list (a father and his son), one undated on the roster: both reported, neither taken', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [roster(dir, 'CHI BỘ THÔN 1', ['Nguyễn Văn Hùng'])]);
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại'], ['1', 'Nguyễn Văn Hùng', '1955', 'Bí thư', 'HTTNV'], ['2', 'Nguyễn Văn Hùng', '1986', '', 'HTXSNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(r.files[0].warnings.join(' ')).toMatch(/2 người chưa xác định chắc chắn/);
		expect(await people(db)).toEqual([{ name: 'Nguyễn Văn Hùng', y: null }, { name: 'Nguyễn Văn Hùng', y: 1955 }, { name: 'Nguyễn Văn Hùng', y: 1986 }]);
	});

	it('two undated members of that name under the unit of a leaders\' list: reported, a record of its own', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [roster(dir, 'CHI BỘ THÔN 1', ['Nguyễn Văn An'], 'ds1.csv'), roster(dir, 'CHI BỘ THÔN 2', ['Nguyễn Văn An'], 'ds2.csv')]);
		const r = await ingest(db, [writeCsv(dir, 'cb.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1965', 'Phó Bí thư Đảng ủy', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(r.files[0].warnings.join(' ')).toMatch(/1 người chưa xác định chắc chắn/);
		expect(await people(db)).toEqual([{ name: 'Nguyễn Văn An', y: null }, { name: 'Nguyễn Văn An', y: null }, { name: 'Nguyễn Văn An', y: 1965 }]);
	});
});

describe('a register giving the birth year only, and two namesakes of the chi bộ born that year', () => {
	// the UBKT's register ("Lê Văn Cường, 1990") and the chi bộ's lists dating two Lê Văn Cường born
	// in 1990: which of them was disciplined the files cannot say, whichever comes first
	const kl = (dir: string) => writeCsv(dir, 'kl.csv', [['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['SỔ THEO DÕI ĐẢNG VIÊN BỊ THI HÀNH KỶ LUẬT NĂM 2024'],
		['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định'], ['1', 'Lê Văn Cường', '1990', 'Chi bộ thôn 1', 'Khiển trách', '10/05/2024']]);
	const xl = (dir: string, file: string) => writeCsv(dir, file, [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
		['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại'], ['1', 'Lê Văn Cường', '01/01/1990', 'HTTNV'], ['2', 'Lê Văn Cường', '15/08/1990', 'HTNV']]);
	/** Each person: birth date, and whether rated, disciplined. */
	const people = (db: Db) => db.query(`select strftime(p.birth_date, '%d/%m/%Y') as born, exists (select 1 from rating r where r.person_id = p.id) as rated,
		exists (select 1 from discipline d where d.person_id = p.id) as disciplined from person p order by p.birth_date nulls first`);
	const EXPECTED = [{ born: null, rated: false, disciplined: true }, { born: '01/01/1990', rated: true, disciplined: false }, { born: '15/08/1990', rated: true, disciplined: false }];

	it('the register first: neither dated row takes its person (no birth date given to it), both reported; a later list finds each dated one', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [kl(dir)]);
		const r = await ingest(db, [xl(dir, 'xl.csv')]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(r.files[0].warnings).toEqual([expect.stringMatching(/^2 người chưa xác định chắc chắn \(dòng 5: Lê Văn Cường, dòng 6: Lê Văn Cường;/)]);
		expect(await people(db)).toEqual(EXPECTED);
		// (the chi bộ's roster then: each row its own dated member, nothing in doubt)
		const again = await ingest(db, [writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Tình trạng'], ['1', 'Lê Văn Cường', '01/01/1990', 'Chính thức'], ['2', 'Lê Văn Cường', '15/08/1990', 'Chính thức']])]);
		expect(again.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		expect(await people(db)).toEqual(EXPECTED);
	});

	it('the register last: its row reported, the same people', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [xl(dir, 'xl.csv')]);
		const r = await ingest(db, [kl(dir)]);
		expect(r.files[0].warnings.join(' ')).toMatch(/^1 người chưa xác định chắc chắn \(dòng 4: Lê Văn Cường;/);
		expect(await people(db)).toEqual(EXPECTED);
	});
});

describe('names typed with look-alike characters', () => {
	it.each([
		['a CSV DuckDB reads itself', 'csv'],
		['a workbook', 'xlsx']
	])('"Ðặng Ðình Tâm" (the eth Ð) and "Bùi Minh Anh" after a zero-width space are the chi bộ’s members, in %s', async (_what, ext) => {
		const { db, dir } = await dbWithRegistry();
		const roster = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh'], ['1', 'Đặng Đình Tâm', '1980'], ['2', 'Bùi Minh Anh', '1975']];
		expect((await ingest(db, [writeCsv(dir, 'dv.csv', roster)])).files[0].status).toBe('loaded');
		const list = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'],
			['1', 'Ðặng Ðình Tâm', '1980', 'HTTNV'], ['2', '\u200bBùi Minh Anh\u200b', '1975', 'HTNV']];
		const f = ext === 'csv' ? writeCsv(dir, 'xl.csv', list) : await writeXlsx(dir, 'xl.xlsx', list);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'rating', status: 'loaded', rowsStored: 2, warnings: [] });
		expect((await counts(db)).person).toBe(2);
		expect(await db.query(`select p.full_name as name from rating r join person p on p.id = r.person_id order by r.source_row`)).toEqual([{ name: 'Đặng Đình Tâm' }, { name: 'Bùi Minh Anh' }]);
	});
});

describe('card numbers as lists write them', () => {
	const roster = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên'],
		['1', 'Nguyễn Văn An', '1970', '01123456'], ['2', 'Trần Thị Bình', '1975', '95030003'], ['3', 'Lê Văn Cường', '1980', '00012345']];

	it('a card whose leading zeros Excel dropped (1123456, 12345), or written "ĐV 95030003", is the roster’s member: the same person', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dv.csv', roster)])).files[0].status).toBe('loaded');
		// (another birth year: the card alone must find them)
		const r = await ingest(db, [await writeXlsx(dir, 'xl.xlsx', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1971', 1123456, 'HTTNV'], ['2', 'Trần Thị Bình', '1976', 'ĐV 95030003', 'HTTNV'], ['3', 'Lê Văn Cường', '1981', 12345, 'HTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect((await counts(db)).person).toBe(3);
		expect(await db.query('select p.card_no from rating r join person p on p.id = r.person_id order by r.source_row')).toEqual([
			{ card_no: '01123456' }, { card_no: '95030003' }, { card_no: '00012345' }
		]);
	});

	it('"Chưa có thẻ" is no card; a signature block under the card column ends the list', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1970', '01123456', 'HTTNV'], ['2', 'Phạm Thị Dung', '1998', 'Chưa có thẻ', 'HTTNV'],
			[], ['', '', '', 'T/M ĐẢNG ỦY'], ['', '', '', '(Đã ký)'], ['', '', '', 'Nguyễn Văn Tám']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await db.query('select p.full_name, p.card_no from rating r join person p on p.id = r.person_id order by r.source_row')).toEqual([
			{ full_name: 'Nguyễn Văn An', card_no: '01123456' }, { full_name: 'Phạm Thị Dung', card_no: null }
		]);
	});

	it('keys: five to seven digits padded to eight, a shorter number (a placeholder) kept as it is, zeros typed before eight digits dropped', async () => {
		const { db } = await dbWithRegistry();
		expect(await db.query(`select card_key('1123456') as a, card_key('12345') as b, card_key('001') as c, card_key('Số: 95.030.003') as d, card_key('T/M ĐẢNG ỦY') as e,
				card_key('070012370') as f, card_key('001123456') as g, card_key('170012370') as h`))
			.toEqual([{ a: '01123456', b: '00012345', c: '001', d: '95030003', e: null, f: '70012370', g: '01123456', h: '170012370' }]);
	});

	it('a card typed with a zero before its eight digits to keep Excel from dropping one ("070012370") is the card "70012370" of a later list: one person', async () => {
		const { db, dir } = await dbWithRegistry();
		const list = (year: number, card: string) => writeCsv(dir, `xl${year}.csv`, [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], [`DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ${year}`],
			['STT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Xếp loại'], ['1', 'Phan Văn Khoa', '1969', card, 'HTTNV']]);
		expect((await ingest(db, [list(2022, '070012370')])).files[0].status).toBe('loaded');
		expect((await ingest(db, [list(2024, '70012370')])).files[0].status).toBe('loaded');
		expect(await db.query('select p.card_no, list(r.period_year order by r.period_year) as years from person p join rating r on r.person_id = p.id group by all'))
			.toEqual([{ card_no: '70012370', years: [2022, 2024] }]);
	});

	it('cards stored before (1123456, V95030003) are keyed as the ingest now keys them (schema 017)', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dv.csv', roster)])).files[0].status).toBe('loaded');
		await db.run(`update person set card_no = case card_no when '01123456' then '1123456' when '95030003' then 'V95030003' else card_no end`);
		await db.run(sqlFile('schema/017_card_key.sql'));
		expect(await db.query('select card_no from person order by id')).toEqual([{ card_no: '01123456' }, { card_no: '95030003' }, { card_no: '00012345' }]);
	});

	it('a card stored with its typed zero ("070012370") is keyed anew, and the record of the same card made since is that person (schema 020)', async () => {
		const { db, dir } = await dbWithRegistry();
		expect((await ingest(db, [writeCsv(dir, 'dv.csv', roster)])).files[0].status).toBe('loaded');
		expect((await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Xếp loại'], ['1', 'Nguyễn Văn An', '12/05/1970', '1123456', 'HTTNV']])])).files[0].status).toBe('loaded');
		// (as a load before card_key dropped the zero stored the roster's card: another record)
		await db.run(`update person set card_no = '001123456' where card_no = '01123456'`);
		await db.run(`insert into person (card_no, full_name, name_key, birth_year, source_file_id, source_row) select '01123456', full_name, name_key, birth_year, source_file_id, 99 from person where card_no = '001123456'`);
		await db.run(`update rating set person_id = (select id from person where source_row = 99)`);
		await db.run(sqlFile('schema/020_card_key_leading_zero.sql'));
		expect(await db.query(`select p.card_no, p.birth_year, (select count(*) from membership m where m.person_id = p.id)::int as rosters, (select count(*) from rating r where r.person_id = p.id)::int as ratings
			from person p order by p.id`)).toEqual([
			{ card_no: '01123456', birth_year: 1970, rosters: 1, ratings: 1 }, { card_no: '95030003', birth_year: 1975, rosters: 1, ratings: 0 }, { card_no: '00012345', birth_year: 1980, rosters: 1, ratings: 0 }
		]);
	});
});

describe('a card number on a row of another name and birth', () => {
	// the đảng bộ's roster exported by the members' software (a Chi bộ column, cards), then the chi
	// bộ's rating lists as clerks type them
	const roster = (dir: string) =>
		writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Chi bộ', 'Tình trạng'],
			['1', 'Nguyễn Văn An', '05/03/1980', '79012345', 'Chi bộ thôn 1', 'Chính thức'],
			['2', 'Đỗ Thị Hồng Nhung', '03/07/1988', '79012351', 'Chi bộ thôn 1', 'Chính thức'],
			['3', 'Hồ Thị Lan', '12/12/1991', '79012372', 'Chi bộ thôn 2', 'Chính thức']]);
	const list = (dir: string, file: string, chiBo: string, rows: string[][]) =>
		writeCsv(dir, file, [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], [chiBo], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ ĐV', 'Xếp loại'], ...rows.map((r, i) => [String(i + 1), ...r])]);
	/** Each rating of the list loaded last: the name written on the person found, and their card. */
	const rated = (db: Db) =>
		db.query(`select p.full_name as name, p.card_no as card from rating r join person p on p.id = r.person_id
			where r.source_file_id = (select max(id) from source_file) order by r.source_row`);

	it('the holder\'s card copied onto another member\'s row is not the holder: the row is its own name\'s, and the clerk told where', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [roster(dir)]);
		const r = await ingest(db, [list(dir, 'xl2.csv', 'CHI BỘ THÔN 2', [['Hồ Thị Lan', '12/12/1991', '79012345', 'HTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await rated(db)).toEqual([{ name: 'Hồ Thị Lan', card: '79012372' }]);
		expect(r.files[0].warnings).toEqual([
			'xl2.csv, dòng 5, cột "Số thẻ ĐV": Số thẻ đảng viên 79012345 ghi cho "Hồ Thị Lan" là số thẻ của "Nguyễn Văn An" (ds.csv, dòng 4), khác họ tên và ngày sinh: không nhận là một người, dòng này được đối chiếu theo họ tên và ngày sinh. Sửa số thẻ ghi sai ở một trong hai nơi.'
		]);
		expect((await counts(db)).person).toBe(3);
	});

	it('the holder\'s name as clerks write it (no accents, capitals, NFD, "Thị" left out, a letter wrong), born otherwise: the holder, nothing told', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [roster(dir)]);
		const r = await ingest(db, [list(dir, 'xl1.csv', 'CHI BỘ THÔN 1', [
			['NGUYEN VAN AN', '1981', '79012345', 'HTTNV'], ['Đỗ Hồng Nhung'.normalize('NFD'), '', '79012351', 'HTTNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		const typo = await ingest(db, [list(dir, 'xl1b.csv', 'CHI BỘ THÔN 1', [['Ngyễn Văn An', '', '79012345', 'HTTNV'], ['Đỗ Thị Hồng Nhunh', '03/07/1989', '79012351', 'HTTNV']])]);
		expect(typo.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		expect(await rated(db)).toEqual([{ name: 'Nguyễn Văn An', card: '79012345' }, { name: 'Đỗ Thị Hồng Nhung', card: '79012351' }]);
		expect((await counts(db)).person).toBe(3);
	});

	it('a card typed wrong (79012366 for the roster\'s 79012360) on the name and birth date of a member of the chi bộ: two records as the cards say, and told, whichever comes first', async () => {
		const told = /^xl1\.csv, dòng 5, cột "Số thẻ ĐV": Người "Võ Văn Tám" \(số thẻ 79012366\) trùng họ tên, ngày sinh với "Võ Văn Tám" số thẻ 79012360 trong cùng đơn vị \(ds\.csv, dòng 4\): đã lưu thành hai người\./;
		const tam = (dir: string) => writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Chi bộ'],
			['1', 'Võ Văn Tám', '10/10/1966', '79012360', 'Chi bộ thôn 1']]);
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [tam(dir)]);
		const r = await ingest(db, [list(dir, 'xl1.csv', 'CHI BỘ THÔN 1', [['Võ Văn Tám', '10/10/1966', '79012366', 'HTXSNV']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(r.files[0].warnings).toEqual([expect.stringMatching(told)]);
		expect((await counts(db)).person).toBe(2);

		// the list first: the roster's row is told
		const other = await dbWithRegistry();
		await ingest(other.db, [list(other.dir, 'xl1.csv', 'CHI BỘ THÔN 1', [['Võ Văn Tám', '10/10/1966', '79012366', 'HTXSNV']])]);
		const later = await ingest(other.db, [tam(other.dir)]);
		expect(later.files[0].warnings).toEqual([expect.stringMatching(/^ds\.csv, dòng 4, cột "Số thẻ đảng viên": Người "Võ Văn Tám" \(số thẻ 79012360\) trùng họ tên, ngày sinh với "Võ Văn Tám" số thẻ 79012366 trong cùng đơn vị \(xl1\.csv, dòng 5\)/)]);
		// a namesake born the same day in another chi bộ, under his own card, is no typo
		const thon2 = await ingest(other.db, [list(other.dir, 'xl2.csv', 'CHI BỘ THÔN 2', [['Võ Văn Tám', '10/10/1966', '79012399', 'HTTNV']])]);
		expect(thon2.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
	});

	it('two lists of one load giving one card to two names, no one holding it yet: neither keeps it, both told', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [list(dir, 'xl1.csv', 'CHI BỘ THÔN 1', [['Nguyễn Văn An', '05/03/1980', '79012345', 'HTTNV']]),
			list(dir, 'xl2.csv', 'CHI BỘ THÔN 2', [['Hồ Thị Lan', '12/12/1991', '79012345', 'HTNV']])]);
		expect(r.files.map((f) => f.warnings)).toEqual([
			[expect.stringMatching(/^xl1\.csv, dòng 5, cột "Số thẻ ĐV": Số thẻ đảng viên 79012345 ghi cho "Nguyễn Văn An" là số thẻ của "Hồ Thị Lan" \(xl2\.csv, dòng 5\)/)],
			[expect.stringMatching(/^xl2\.csv, dòng 5, cột "Số thẻ ĐV": Số thẻ đảng viên 79012345 ghi cho "Hồ Thị Lan" là số thẻ của "Nguyễn Văn An" \(xl1\.csv, dòng 5\)/)]
		]);
		expect(await db.query('select full_name as name, card_no as card from person order by id')).toEqual([
			{ name: 'Nguyễn Văn An', card: null }, { name: 'Hồ Thị Lan', card: null }]);
	});
});
