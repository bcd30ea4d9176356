// Civil-servant lists sent the normal way: a school's or a People's Committee's list of viên chức /
// công chức, the agency in a "Cơ quan, đơn vị công tác" column or the title, no Chi bộ column. NĐ 90
// (RULES.md, Rulebooks: "the `excellent` share may not exceed 20% of those rated `good` within one
// agency"; "rated before 15/12") judges them per agency: R1 counts each agency's list, R4 dates it
// against the civil-servant deadline (nd90: 15/12, the date itself allowed). No party unit decided
// them: the findings are filed under the party unit the agency is placed in (the chi bộ bearing
// the school's name, the đảng bộ of the commune), whose scope they take.
import { describe, expect, it } from 'vitest';
import type { RuleId } from '../../../src/lib/domain/anomaly';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

type Db = Awaited<ReturnType<typeof dbWithRegistry>>['db'];

const PEOPLE = [
	['Nguyễn Thanh Sơn', '22/01/1973'],
	['Trần Quốc Tâm', '23/02/1974'],
	['Lê Ngọc Thắng', '24/03/1975'],
	['Phạm Hữu Thảo', '25/04/1976'],
	['Hoàng Văn Trung', '26/05/1977'],
	['Vũ Thị Tuấn', '27/06/1978'],
	['Đỗ Đức Vân', '01/07/1979'],
	['Bùi Minh Xuân', '02/08/1980'],
	['Ngô Thị Yến', '03/09/1981'],
	['Đặng Văn Long', '04/10/1982'],
	['Lý Thị Mai', '05/11/1983'],
	['Vương Đức Nam', '06/12/1984']
];

/** Levels, first the HTXSNV then the HTTNV, one person each, in the order of PEOPLE. */
const levels = (excellent: number, good: number) => [...Array(excellent).fill('HTXSNV'), ...Array(good).fill('HTTNV')];

/** A school's list as the probe's: the Phòng GD&ĐT and the school in the title, the school in a
 * "Cơ quan, đơn vị công tác" column, no Chi bộ column (the school's chi bộ is C70010301). */
function schoolList(dir: string, name: string, lv: string[], decided: string, agency = 'Trường THCS Đoàn Kết', title = 'TRƯỜNG THCS ĐOÀN KẾT') {
	return writeCsv(dir, name, [
		['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO HUYỆN BÙ ĐĂNG'],
		[title],
		['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI VIÊN CHỨC NĂM HỌC 2023-2024'],
		[],
		['STT', 'Họ và tên', 'Ngày sinh', 'Chức danh', 'Cơ quan, đơn vị công tác', 'Kết quả xếp loại', 'Ngày quyết định'],
		...lv.map((l, i) => [String(i + 1), ...PEOPLE[i], 'Giáo viên', agency, l, decided])
	]);
}

/** A People's Committee's list: the agency in the title only (its letterhead's lines, each a cell or
 * a row of cells). */
function committeeList(dir: string, name: string, agency: string | (string | string[])[], lv: string[], decided: string) {
	return writeCsv(dir, name, [
		...(typeof agency === 'string' ? [agency] : agency).map((line) => [line].flat()),
		['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2024'],
		['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Xếp loại', 'Ngày quyết định'],
		...lv.map((l, i) => [String(i + 1), ...PEOPLE[i], 'Công chức', l, decided])
	]);
}

async function audit(db: Db, rules: RuleId[]) {
	const run = await runAudit(db, { year: 2024, rules, signals: false });
	return run.findings.filter((f) => f.subject_kind === 'civil_servant');
}

/** R1's civil-servant findings in 2024, the competent body allowing `allowance` to exceed (cs_r1_allowance). */
async function r1With(db: Db, allowance: string[]) {
	const run = await runAudit(db, { year: 2024, rules: ['excellent_cap'], signals: false, overrides: { cs_r1_allowance: { '2024': allowance } } });
	return run.findings.filter((f) => f.subject_kind === 'civil_servant');
}

const late = (fs: Awaited<ReturnType<typeof audit>>) => fs.filter((f) => f.rule === 'missing_review' && f.evidence.check === 'late_list');

describe('R1 within one agency (NĐ 90): a list with no party unit', () => {
	it('3 HTXSNV / 5 HTTNV: flagged, 1 allowed (floor 20% × 5), excess 2, under the chi bộ bearing the school\'s name, citing the 3 HTXSNV rows', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [schoolList(dir, 'vc.csv', levels(3, 5), '10/12/2024')]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 8 });
		const fs = (await audit(db, ['excellent_cap'])).filter((f) => f.rule === 'excellent_cap');
		expect(fs).toHaveLength(1);
		expect(fs[0]).toMatchObject({
			status: 'flagged',
			rulebook: 'nd90',
			unit_code: 'C70010301',
			deciding_unit_code: null,
			subject_ref: 'group:unit',
			evidence: { group_name: 'Trường THCS Đoàn Kết', excellent: 3, good: 5, allowed: 1, excess: 2 },
			source_file: 'vc.csv'
		});
		expect(fs[0].message).toContain('Trường THCS Đoàn Kết');
		expect(fs[0].message).toContain('3 HTXSNV / 5 HTTNV = 60% > 20%, vượt 2');
		// the header is line 5: the three HTXSNV are lines 6 to 8
		expect(fs[0].sources).toEqual([6, 7, 8].map((row) => ({ file: 'vc.csv', row })));
	});

	it('1 HTXSNV / 5 HTTNV: within the share, not flagged; the school\'s corrected list, 2 / 5: flagged, excess 1', async () => {
		const { db, dir } = await dbWithRegistry();
		const r1 = async () => (await audit(db, ['excellent_cap'])).filter((f) => f.rule === 'excellent_cap');
		await ingest(db, [schoolList(dir, 'vc.csv', levels(1, 5), '10/12/2024')]);
		expect(await r1()).toEqual([]);
		await ingest(db, [schoolList(dir, 'vc2.csv', levels(2, 5), '10/12/2024')]);
		expect((await r1()).map((f) => [f.status, f.unit_code, f.evidence.excess, f.source_file])).toEqual([['flagged', 'C70010301', 1, 'vc2.csv']]);
	});
});

describe('R4 late lists (NĐ 90: rated before 15/12): a list with no party unit, judged per agency', () => {
	it('decided 20/12/2024: late, the school named as the body that decided, every row of its list cited', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [schoolList(dir, 'vc.csv', levels(1, 5), '20/12/2024')]);
		const fs = late(await audit(db, ['missing_review']));
		expect(fs).toHaveLength(1);
		expect(fs[0]).toMatchObject({
			status: 'flagged',
			rulebook: 'nd90',
			unit_code: 'C70010301',
			deciding_unit_code: null,
			evidence: { deadline: '2024-12-15', latest_decided_on: '2024-12-20', days_late: 5, agency: 'Trường THCS Đoàn Kết' },
			source_file: 'vc.csv',
			source_row: 6
		});
		expect(fs[0].message).toMatch(/^Trường THCS Đoàn Kết quyết định 1 danh sách xếp loại sau hạn 15\/12\/2024: .* ngày 20\/12\/2024$/);
		expect(fs[0].sources).toHaveLength(6);
	});

	it('decided 15/12/2024, the deadline itself: not late; its corrected list decided 16/12: late', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [schoolList(dir, 'vc.csv', levels(1, 5), '15/12/2024')]);
		expect(late(await audit(db, ['missing_review']))).toEqual([]);
		await ingest(db, [schoolList(dir, 'vc2.csv', levels(1, 4), '16/12/2024')]);
		expect(late(await audit(db, ['missing_review'])).map((f) => [f.unit_code, f.evidence.days_late, f.source_file])).toEqual([['C70010301', 1, 'vc2.csv']]);
	});
});

describe('two agencies\' lists are judged apart', () => {
	it('two communes\' People\'s Committees: each list its own count and its own date, under its own đảng bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		// together 3 HTXSNV / 15 HTTNV would be within the share (3 allowed), and one list of 18/12
		await ingest(db, [
			committeeList(dir, 'dk.csv', 'UBND XÃ ĐOÀN KẾT', levels(2, 5), '10/12/2024'),
			committeeList(dir, 'mh.csv', 'UBND XÃ MINH HƯNG', levels(1, 10), '18/12/2024')
		]);
		const fs = await audit(db, ['excellent_cap', 'missing_review']);
		expect(fs.filter((f) => f.rule === 'excellent_cap').map((f) => [f.status, f.unit_code, f.evidence.excess, f.source_file])).toEqual([
			['flagged', 'X700101', 1, 'dk.csv']
		]);
		expect(late(fs).map((f) => [f.unit_code, f.evidence.agency, f.source_file])).toEqual([['X700102', 'UBND XÃ MINH HƯNG', 'mh.csv']]);
	});

	it('a letterhead of two lines, "ỦY BAN NHÂN DÂN" over "XÃ ĐOÀN KẾT": that commune\'s committee, judged under its đảng bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [committeeList(dir, 'dk.csv', ['ỦY BAN NHÂN DÂN', 'XÃ ĐOÀN KẾT'], levels(2, 5), '10/12/2024')]);
		const fs = await audit(db, ['excellent_cap']);
		expect(fs.map((f) => [f.status, f.unit_code, f.evidence.group_name, f.evidence.excess])).toEqual([['flagged', 'X700101', 'ỦY BAN NHÂN DÂN XÃ ĐOÀN KẾT', 1]]);
		// (the agency first, the party unit it is placed in after it)
		expect(fs[0].message).toBe('ỦY BAN NHÂN DÂN XÃ ĐOÀN KẾT (cán bộ, công chức, viên chức; thuộc Đảng bộ xã Đoàn Kết): 2 HTXSNV / 5 HTTNV = 40% > 20%, vượt 1');
	});

	it.each([
		['Đoàn Kết, ngày 10 tháng 12 năm 2024'],
		['Đoàn Kết, ngày 10/12/2024'],
		// (the day left blank, to be written by hand)
		['Đoàn Kết, ngày      tháng 12 năm 2024']
	])('the place-date line "%s" right of the letterhead is no part of the agency\'s name (the commune\'s name opens like "Đoàn Thanh niên"): the agency as without it, its allowance matching', async (dateline) => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [committeeList(dir, 'dk.csv', [
			['ỦY BAN NHÂN DÂN', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
			['XÃ ĐOÀN KẾT', '', '', 'Độc lập - Tự do - Hạnh phúc'],
			['Số: 215/DS-UBND', '', '', dateline]
		], levels(2, 5), '10/12/2024')]);
		expect(await db.query('select distinct agency from rating')).toEqual([{ agency: 'ỦY BAN NHÂN DÂN XÃ ĐOÀN KẾT' }]);
		expect((await r1With(db, [])).map((f) => [f.status, f.evidence.group_name, f.message])).toEqual([
			['flagged', 'ỦY BAN NHÂN DÂN XÃ ĐOÀN KẾT', 'ỦY BAN NHÂN DÂN XÃ ĐOÀN KẾT (cán bộ, công chức, viên chức; thuộc Đảng bộ xã Đoàn Kết): 2 HTXSNV / 5 HTTNV = 40% > 20%, vượt 1']
		]);
		expect((await r1With(db, ['X700101:Ủy ban nhân dân xã Đoàn Kết'])).map((f) => f.status)).toEqual(['exempted']);
	});

	it('two agencies of one commune, both placed in its đảng bộ: still two lists', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [
			committeeList(dir, 'ubnd.csv', 'UBND XÃ ĐOÀN KẾT', levels(2, 5), '10/12/2024'),
			schoolList(dir, 'mn.csv', levels(1, 10), '18/12/2024', 'Trường Mầm non Hoa Sen, xã Đoàn Kết', 'TRƯỜNG MẦM NON HOA SEN')
		]);
		const fs = await audit(db, ['excellent_cap', 'missing_review']);
		expect(fs.filter((f) => f.rule === 'excellent_cap').map((f) => [f.status, f.unit_code, f.evidence.group_name, f.evidence.excess])).toEqual([
			['flagged', 'X700101', 'UBND XÃ ĐOÀN KẾT', 1]
		]);
		const l = late(fs);
		expect(l.map((f) => [f.unit_code, f.evidence.agency, f.source_file])).toEqual([['X700101', 'Trường Mầm non Hoa Sen, xã Đoàn Kết', 'mn.csv']]);
		expect(l[0].sources.every((s) => s.file === 'mn.csv')).toBe(true);
	});
});

describe('the allowance for an outstanding agency (NĐ 90 / NĐ 335: the competent body lets one agency exceed)', () => {
	it('"X700101:Ủy ban nhân dân xã Đoàn Kết" (the unit it is placed in, the agency as named, spelt out): the committee exempted, the kindergarten of the same đảng bộ still flagged; the bare code "X700101": every agency placed there', async () => {
		const { db, dir } = await dbWithRegistry();
		// two agencies placed in Đảng bộ xã Đoàn Kết, each 2 HTXSNV / 5 HTTNV: excess 1 each
		await ingest(db, [
			committeeList(dir, 'ubnd.csv', 'UBND XÃ ĐOÀN KẾT', levels(2, 5), '10/12/2024'),
			schoolList(dir, 'mn.csv', levels(2, 5), '10/12/2024', 'Trường Mầm non Hoa Sen, xã Đoàn Kết', 'TRƯỜNG MẦM NON HOA SEN')
		]);
		const r1 = async (allowance: string[]) => (await r1With(db, allowance)).map((f) => [f.unit_code, f.evidence.group_name, f.status, f.evidence.allowance]).sort();
		expect(await r1(['X700101:Ủy ban nhân dân xã Đoàn Kết'])).toEqual([
			['X700101', 'Trường Mầm non Hoa Sen, xã Đoàn Kết', 'flagged', false],
			['X700101', 'UBND XÃ ĐOÀN KẾT', 'exempted', true]
		]);
		expect((await r1(['X700101'])).map((f) => f[2])).toEqual(['exempted', 'exempted']);
	});
});

describe('a committee\'s list without birth dates', () => {
	it('its people are the commune\'s members of their name, one each (a name two members bear stays apart): R3 compares their ratings', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dv.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Xếp loại', 'Ngày quyết định'],
			['1', 'Ôn Văn Lành', '14/04/1984', '70100001', 'HTXSNV', '18/12/2024'],
			['2', 'Lê Văn Hai', '01/01/1980', '70100002', 'HTTNV', '18/12/2024'],
			['3', 'Lê Văn Hai', '02/02/1990', '70100003', 'HTTNV', '18/12/2024']
		])]);
		const r = await ingest(db, [writeCsv(dir, 'cc.csv', [
			['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI CÔNG CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Chức vụ', 'Xếp loại', 'Ngày quyết định'],
			['1', 'Ôn Văn Lành', 'Công chức Văn phòng - Thống kê', 'HTTNV', '05/12/2024'],
			['2', 'Lê Văn Hai', 'Công chức Tư pháp - Hộ tịch', 'HTNV', '05/12/2024']
		])], { kind: 'civil_servant' });
		expect(r.files[0].status).toBe('loaded');
		expect(await db.query(`select r.source_row as row, p.card_no as card from rating r join person p on p.id = r.person_id join source_file f on f.id = r.source_file_id where f.file_name = 'cc.csv' order by 1`)).toEqual([
			{ row: 4, card: '70100001' },
			{ row: 5, card: null }
		]);
		// (the member's finding: runAudit itself, audit() keeps the civil servants' only)
		const fs = (await runAudit(db, { year: 2024, rules: ['leader_above_unit'], signals: false })).findings;
		expect(fs.map((f) => [f.subject_name, f.status])).toEqual([['Ôn Văn Lành', 'flagged']]);
	});
});

describe('a committee\'s list without birth dates, loaded with the chi bộ\'s list giving birth years only', () => {
	/** Chi bộ thôn 1's list as clerks write it: "Năm sinh" alone, no card, decided 05/12/2024. */
	const memberList = (dir: string, rows: string[][]) => writeCsv(dir, 'dv.csv', [
		['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
		['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại', 'Ngày quyết định'],
		...rows.map((r, i) => [String(i + 1), ...r, '05/12/2024'])
	]);
	/** The commune's committee list: letterhead of two lines, no birth column, decided 10/12/2024. */
	const committeeNoBirth = (dir: string, rows: string[][]) => writeCsv(dir, 'cc.csv', [
		['ỦY BAN NHÂN DÂN'], ['XÃ ĐOÀN KẾT'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2024'],
		['STT', 'Họ và tên', 'Chức vụ/chức danh', 'Mức xếp loại', 'Ngày quyết định'],
		...rows.map((r, i) => [String(i + 1), ...r, '10/12/2024'])
	]);

	it('one ingest of both, either order: one person per member, as two ingests make; R3 and R8 pair each member\'s two ratings', async () => {
		for (const order of ['members first', 'committee first']) {
			const { db, dir } = await dbWithRegistry();
			const dv = memberList(dir, [
				['Nguyễn Văn Hải', '1975', 'Chủ tịch UBND xã', 'HTTNV'],
				['Trần Văn Hùng', '1980', 'Công chức Địa chính', 'HTTNV'],
				['Lê Thị Hương', '1986', 'Công chức Văn phòng', 'HTNV']
			]);
			const cc = committeeNoBirth(dir, [
				['Nguyễn Văn Hải', 'Chủ tịch UBND xã', 'Hoàn thành tốt nhiệm vụ'],
				['Trần Văn Hùng', 'Công chức Địa chính - Xây dựng', 'Hoàn thành nhiệm vụ'],
				['Lê Thị Hương', 'Công chức Văn phòng - Thống kê', 'Hoàn thành nhiệm vụ'],
				['Đặng Thị Mỹ', 'Công chức Văn hóa - Xã hội', 'Hoàn thành tốt nhiệm vụ']
			]);
			const r = await ingest(db, order === 'members first' ? [dv, cc] : [cc, dv]);
			expect(r.files.map((f) => f.status), order).toEqual(['loaded', 'loaded']);
			expect(await db.query(`select p.full_name as name, p.birth_year as year, count(*)::int as ratings from rating r join person p on p.id = r.person_id group by all order by 1`), order).toEqual([
				{ name: 'Lê Thị Hương', year: 1986, ratings: 2 },
				{ name: 'Nguyễn Văn Hải', year: 1975, ratings: 2 },
				{ name: 'Trần Văn Hùng', year: 1980, ratings: 2 },
				{ name: 'Đặng Thị Mỹ', year: null, ratings: 1 }
			]);
			const fs = (await runAudit(db, { year: 2024, rules: ['leader_above_unit', 'order_of_rating'], signals: false })).findings;
			expect(fs.map((f) => [f.rule, f.subject_name]).sort(), order).toEqual([
				['leader_above_unit', 'Trần Văn Hùng'],
				['order_of_rating', 'Lê Thị Hương'],
				['order_of_rating', 'Nguyễn Văn Hải'],
				['order_of_rating', 'Trần Văn Hùng']
			]);
		}
	});

	it('a name two members bear (father and son, 1955 and 1980): the committee\'s row is reported, not guessed, in one ingest as in two', async () => {
		for (const load of ['one ingest', 'two ingests']) {
			const { db, dir } = await dbWithRegistry();
			const dv = memberList(dir, [['Lê Văn Hai', '1955', 'Đảng viên', 'HTTNV'], ['Lê Văn Hai', '1980', 'Công chức Tư pháp', 'HTTNV']]);
			const cc = committeeNoBirth(dir, [['Lê Văn Hai', 'Công chức Tư pháp - Hộ tịch', 'Hoàn thành nhiệm vụ']]);
			const r = load === 'one ingest' ? await ingest(db, [dv, cc]) : (await ingest(db, [dv]), await ingest(db, [cc]));
			expect(r.files.at(-1)!.warnings.join(' '), load).toContain('1 người chưa xác định chắc chắn (dòng 5: Lê Văn Hai');
			// three people: the CS rating is neither member's
			expect(await db.query(`select p.birth_year as year, count(*)::int as ratings from rating r join person p on p.id = r.person_id group by all order by 1`), load).toEqual([
				{ year: 1955, ratings: 1 },
				{ year: 1980, ratings: 1 },
				{ year: null, ratings: 1 }
			]);
		}
	});
});

describe('lists dated only by the place-date line they are signed under', () => {
	it('the chi bộ\'s list signed 05/12 (beside its letterhead), the committee\'s 10/12 (above the signature): R8, each member rated before their civil-servant rating', async () => {
		const { db, dir } = await dbWithRegistry();
		const people = PEOPLE.slice(0, 2);
		await ingest(db, [
			writeCsv(dir, 'dv.csv', [
				['ĐẢNG BỘ XÃ ĐOÀN KẾT', '', '', '', 'ĐẢNG CỘNG SẢN VIỆT NAM'],
				['CHI BỘ THÔN 1', '', '', '', 'Đoàn Kết, ngày 05 tháng 12 năm 2024'],
				['DANH SÁCH KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
				['STT', 'Họ và tên', 'Ngày sinh', 'Chi bộ đề xuất', 'Đảng ủy quyết định'],
				...people.map((p, i) => [String(i + 1), ...p, 'HTTNV', 'HTTNV'])
			]),
			writeCsv(dir, 'cc.csv', [
				['ỦY BAN NHÂN DÂN', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
				['XÃ ĐOÀN KẾT', '', '', 'Độc lập - Tự do - Hạnh phúc'],
				['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2024'],
				['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Xếp loại'],
				...people.map((p, i) => [String(i + 1), ...p, 'Công chức', 'HTTNV']),
				[], ['', '', '', 'Đoàn Kết, ngày 10 tháng 12 năm 2024'], ['', '', '', 'CHỦ TỊCH']
			])
		]);
		const fs = (await runAudit(db, { year: 2024, rules: ['order_of_rating'], signals: false })).findings;
		expect(fs.map((f) => [f.subject_name, f.status, f.source_file])).toEqual([
			['Nguyễn Thanh Sơn', 'flagged', 'dv.csv'],
			['Trần Quốc Tâm', 'flagged', 'dv.csv']
		]);
		expect(fs[0].message).toContain('được xếp loại đảng viên ngày 05/12/2024, trước khi có xếp loại cán bộ, công chức, viên chức (ngày 10/12/2024)');
	});
});

describe('a single rating\'s finding on such a list', () => {
	it('R9 under NĐ 335 (HTXSNV at 85 points): filed under the đảng bộ its agency is placed in, not dropped', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'cbcc.csv', [
			['UBND XÃ BÙ ĐĂNG'],
			['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2026'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Điểm bình quân', 'Xếp loại', 'Ngày xếp loại'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'Chủ tịch UBND xã', '85', 'Hoàn thành xuất sắc nhiệm vụ', '10/12/2026'],
			['2', 'Trần Thị Bình', '03/02/1985', 'Công chức Văn phòng - Thống kê', '78,75', 'Hoàn thành tốt nhiệm vụ', '10/12/2026']
		])]);
		const run = await runAudit(db, { year: 2026, rules: ['score_band'], signals: false });
		expect(run.findings.map((f) => [f.rule, f.rulebook, f.unit_code, f.subject_name, f.source_file, f.source_row])).toEqual([
			['score_band', 'nd335', 'X700199', 'Nguyễn Văn An', 'cbcc.csv', 4]
		]);
	});
});

describe('a committee\'s list naming the chi bộ of those who are members (blank for the others): still the agency\'s list', () => {
	/** UBND XÃ ĐOÀN KẾT's list with a "Chi bộ" column: each row's chi bộ cell (or '') and level. */
	const withChiBo = (dir: string, rows: [string, string][], decided = '05/12/2024') =>
		writeCsv(dir, 'cc.csv', [
			['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Chi bộ', 'Xếp loại', 'Ngày quyết định'],
			...rows.map(([chiBo, level], i) => [String(i + 1), ...PEOPLE[i], 'Công chức', chiBo, level, decided])
		]);

	it('R1 counts the agency\'s whole list, 3 HTXSNV / 9 HTTNV (allowed 1): one finding under its đảng bộ, no Party body deciding, citing the 3 HTXSNV of both kinds of row; the chi bộ still places its people', async () => {
		const { db, dir } = await dbWithRegistry();
		// split by the Chi bộ cell: thôn 2 would be 2 HTXSNV / 5 HTTNV, excess 1, and the rest 1 / 4 apart
		const rows: [string, string][] = [['Chi bộ thôn 2', 'HTXSNV'], ['Chi bộ thôn 2', 'HTXSNV'], ['', 'HTXSNV'],
			...levels(0, 9).map((l, i): [string, string] => [i % 2 ? '' : 'Chi bộ thôn 2', l])];
		const r = await ingest(db, [withChiBo(dir, rows)], { kind: 'civil_servant' });
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 12 });
		const fs = (await audit(db, ['excellent_cap'])).filter((f) => f.rule === 'excellent_cap');
		expect(fs.map((f) => [f.status, f.unit_code, f.deciding_unit_code, f.evidence.group_name, f.evidence.excellent, f.evidence.good, f.evidence.excess])).toEqual([
			['flagged', 'X700101', null, 'UBND XÃ ĐOÀN KẾT', 3, 9, 2]
		]);
		expect(fs[0].sources).toEqual([4, 5, 6].map((row) => ({ file: 'cc.csv', row })));
		expect(await db.query(`select u.code, r.agency, count(*)::int as n from rating r left join unit u on u.id = r.unit_id group by all order by 1 nulls last`)).toEqual([
			{ code: 'C70010102', agency: 'UBND XÃ ĐOÀN KẾT', n: 7 },
			{ code: null, agency: 'UBND XÃ ĐOÀN KẾT', n: 5 }
		]);
	});

	it('decided 20/12/2024: one late list of the agency (nd90, 15/12), not a list the Đảng bộ decided too', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [withChiBo(dir, [['Chi bộ thôn 2', 'HTTNV'], ['', 'HTTNV']], '20/12/2024')], { kind: 'civil_servant' });
		const fs = late(await audit(db, ['missing_review']));
		expect(fs.map((f) => [f.rulebook, f.unit_code, f.deciding_unit_code, f.evidence.agency, f.sources.length])).toEqual([['nd90', 'X700101', null, 'UBND XÃ ĐOÀN KẾT', 2]]);
	});

	it('a chi bộ cell the registry holds twice ("Chi bộ thôn 1", of two communes): the row stays the agency\'s, and the file is told which row and what to write', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [withChiBo(dir, [['Chi bộ thôn 1', 'HTTNV'], ['Chi bộ thôn 2', 'HTTNV']])], { kind: 'civil_servant' });
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(r.files[0].warnings).toContainEqual(expect.stringContaining('1 dòng ghi chi bộ trùng tên với nhiều đơn vị trong danh mục (dòng 4: "Chi bộ thôn 1" (2 đơn vị))'));
		expect(await db.query(`select r.source_row as row, r.agency, u.code as placed from rating r join unit u on u.id = r.agency_unit_id order by 1`)).toEqual([
			{ row: 4, agency: 'UBND XÃ ĐOÀN KẾT', placed: 'X700101' },
			{ row: 5, agency: 'UBND XÃ ĐOÀN KẾT', placed: 'X700101' }
		]);
	});
});

describe('absence from work on a committee\'s list (NĐ 90: absent 3–6 months in the year → not HTTNV or above)', () => {
	it('a "Thời gian vắng mặt trong năm" column, a note "Vắng mặt 4 tháng trong năm" or "Nghỉ việc 100 ngày": R6 under nd90 on the civil-servant rating, not on the member rating of the same person (the member rule is sick leave); "Vắng mặt có lý do", "Nghỉ thai sản 6 tháng" are no absence', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'dv.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Xếp loại', 'Ngày quyết định'],
			['1', ...PEOPLE[0], '70100001', 'HTTNV', '18/12/2024']
		])]);
		const r = await ingest(db, [writeCsv(dir, 'cc.csv', [
			['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Thời gian vắng mặt trong năm', 'Xếp loại', 'Ngày quyết định', 'Ghi chú'],
			['1', ...PEOPLE[0], 'Công chức Tư pháp', '4 tháng', 'HTTNV', '10/12/2024', ''],
			['2', ...PEOPLE[1], 'Công chức Địa chính', '', 'HTTNV', '10/12/2024', 'Vắng mặt 4 tháng trong năm'],
			['3', ...PEOPLE[2], 'Công chức Văn hóa', '', 'HTTNV', '10/12/2024', 'Nghỉ việc 100 ngày'],
			['4', ...PEOPLE[3], 'Công chức Văn phòng', '', 'HTTNV', '10/12/2024', 'Vắng mặt có lý do'],
			['5', ...PEOPLE[4], 'Công chức Tài chính', '', 'HTTNV', '10/12/2024', 'Nghỉ thai sản 6 tháng'],
			['6', ...PEOPLE[5], 'Công chức Tư pháp', '2 tháng', 'HTTNV', '10/12/2024', '']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 6 });
		const stored = await db.query<{ d: number | null; m: number | null; a: boolean }>(
			`select sick_leave_days as d, sick_leave_months::double as m, sick_leave_is_absence as a from rating where subject_kind = 'civil_servant' order by source_row`);
		expect(stored.map((x) => [x.d, x.m, x.a])).toEqual([[null, 4, true], [null, 4, true], [100, null, true], [null, null, false], [null, null, false], [null, 2, true]]);
		// (the member of Chi bộ thôn 1 and the commune's first civil servant: one person)
		expect(await db.one(`select count(distinct person_id)::int as n from rating where source_row = 4`)).toEqual({ n: 1 });
		const fs = (await runAudit(db, { year: 2024, rules: ['sick_leave_cap'], signals: false })).findings.sort((a, b) => (a.source_row ?? 0) - (b.source_row ?? 0));
		expect(fs.map((f) => [f.subject_kind, f.rulebook, f.subject_name, f.source_row])).toEqual([
			['civil_servant', 'nd90', PEOPLE[0][0], 4],
			['civil_servant', 'nd90', PEOPLE[1][0], 5],
			['civil_servant', 'nd90', PEOPLE[2][0], 6]
		]);
	});

	it('a note of illness leave as a committee clerk writes it, "Nghỉ chế độ ốm đau 4 tháng", "Nằm viện điều trị từ 01/3/2024 đến 30/6/2024": R6 under nd90 like "Nghỉ ốm"; "Nghỉ không lương 4 tháng" stays absence; "Nghỉ phép 12 ngày", "Đi học tập trung 5 tháng" are neither', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'cc.csv', [
			['ỦY BAN NHÂN DÂN'], ['XÃ ĐOÀN KẾT'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Tự đánh giá', 'Mức xếp loại', 'Ngày quyết định', 'Ghi chú'],
			['1', ...PEOPLE[0], 'Công chức Tư pháp', 'HTTNV', 'HTTNV', '10/12/2024', 'Nghỉ chế độ ốm đau 4 tháng'],
			['2', ...PEOPLE[1], 'Công chức Địa chính', 'HTTNV', 'HTTNV', '10/12/2024', 'Nằm viện điều trị từ 01/3/2024 đến 30/6/2024'],
			['3', ...PEOPLE[2], 'Công chức Văn hóa', 'HTTNV', 'HTTNV', '10/12/2024', 'Nghỉ không lương 4 tháng'],
			['4', ...PEOPLE[3], 'Công chức Văn phòng', 'HTTNV', 'HTTNV', '10/12/2024', 'Nghỉ phép 12 ngày'],
			['5', ...PEOPLE[4], 'Công chức Tài chính', 'HTTNV', 'HTTNV', '10/12/2024', 'Đi học tập trung 5 tháng']
		])], { kind: 'civil_servant' });
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 5 });
		const stored = await db.query<{ d: number | null; m: number | null; a: boolean }>(
			'select sick_leave_days as d, sick_leave_months::double as m, sick_leave_is_absence as a from rating order by source_row');
		expect(stored.map((x) => [x.d, x.m, x.a])).toEqual([[null, 4, false], [122, null, false], [null, 4, true], [null, null, false], [null, null, false]]);
		const fs = (await runAudit(db, { year: 2024, rules: ['sick_leave_cap'], signals: false })).findings.sort((a, b) => (a.source_row ?? 0) - (b.source_row ?? 0));
		expect(fs.map((f) => [f.subject_kind, f.rulebook, f.subject_name])).toEqual([
			['civil_servant', 'nd90', PEOPLE[0][0]], ['civil_servant', 'nd90', PEOPLE[1][0]], ['civil_servant', 'nd90', PEOPLE[2][0]]
		]);
	});

	it('"Số tháng vắng mặt" (4) is 4 months; an unreadable cell is refused naming that column', async () => {
		const { db, dir } = await dbWithRegistry();
		const list = (name: string, cell: string) => writeCsv(dir, name, [
			['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Số tháng vắng mặt', 'Xếp loại', 'Ngày quyết định'],
			['1', ...PEOPLE[0], 'Công chức', cell, 'HTNV', '10/12/2024']
		]);
		expect((await ingest(db, [list('cc.csv', '4')])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await db.one('select sick_leave_months::double as m, sick_leave_is_absence as a from rating')).toEqual({ m: 4, a: true });
		const bad = await ingest(db, [list('cc2.csv', 'nhiều')]);
		expect(bad.files[0].errors.map((e) => [e.row, e.column, e.value])).toEqual([[4, 'Số tháng vắng mặt', 'nhiều']]);
	});
});

// A member list's note of absence from the chi bộ's meetings ("Vắng mặt sinh hoạt chi bộ 4 tháng")
// is no absence from work (NĐ 90): it must not cap the same person's civil-servant rating.

describe('a member list note of missed meetings', () => {
	it.each(['Vắng mặt sinh hoạt chi bộ 4 tháng không lý do', 'Không tham gia công tác đảng 4 tháng'])('"%s": no R6 on the civil-servant rating', async (note) => {
		const { db, dir } = await dbWithRegistry();
		const m = await ingest(db, [writeCsv(dir, 'dv.csv', [
			['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Xếp loại', 'Ngày quyết định', 'Ghi chú'],
			['1', 'Nguyễn Thanh Sơn', '22/01/1973', '70100001', 'HTNV', '18/12/2024', note]
		])]);
		expect(m.files[0]).toMatchObject({ status: 'loaded' });
		const c = await ingest(db, [writeCsv(dir, 'cc.csv', [
			['UBND XÃ ĐOÀN KẾT'], ['KẾT QUẢ XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Xếp loại', 'Ngày quyết định'],
			['1', 'Nguyễn Thanh Sơn', '22/01/1973', 'Công chức Tư pháp', 'HTTNV', '10/12/2024']
		])], { kind: 'civil_servant' });
		expect(c.files[0]).toMatchObject({ status: 'loaded' });
		expect(await db.one(`select count(distinct person_id)::int as n from rating`)).toEqual({ n: 1 });
		const fs = (await runAudit(db, { year: 2024, rules: ['sick_leave_cap'], signals: false })).findings;
		expect(fs.map((f) => [f.subject_kind, f.rulebook, f.message])).toEqual([]);
	});
});

describe('a Sở\'s civil servants (NĐ 335, 2026): R1 within the agency and its "Nhóm" of similar duties', () => {
	/** The Đảng bộ Sở Tài chính and the chi bộ of two of its phòng, added to the test registry. */
	async function dbWithSo() {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'so.csv', [
			['DANH MỤC TỔ CHỨC ĐẢNG'],
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Mã đơn vị cấp trên', 'Tỉnh/Thành phố', 'Ngày thành lập'],
			['1', 'S700301', 'Đảng bộ Sở Tài chính', 'Đảng bộ cơ sở', 'T70', 'Bình Phước', '01/01/2010'],
			['2', 'C70030101', 'Chi bộ Văn phòng Sở', 'Chi bộ trực thuộc', 'S700301', 'Bình Phước', '01/01/2010'],
			['3', 'C70030102', 'Chi bộ Phòng Ngân sách', 'Chi bộ trực thuộc', 'S700301', 'Bình Phước', '01/01/2010']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded' });
		return { db, dir };
	}
	const LETTERHEAD = [['UBND TỈNH BÌNH PHƯỚC'], ['SỞ TÀI CHÍNH'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC NĂM 2026']];
	/** The Sở's 12, phòng by phòng: [phòng, post, Nhóm, level]. Lãnh đạo Sở 1 HTXSNV / 2 HTTNV (none
	 * allowed: over by 1); trưởng, phó phòng 1 / 5 (1 allowed), of whom the Văn phòng's 1 / 1; công
	 * chức 0 / 3. The whole Sở, 2 / 10, would be within the share (2 allowed). */
	const STAFF = [
		['Lãnh đạo Sở', 'Giám đốc', 'Lãnh đạo Sở', 'HTXSNV'], ['Lãnh đạo Sở', 'Phó Giám đốc', 'Lãnh đạo Sở', 'HTTNV'], ['Lãnh đạo Sở', 'Phó Giám đốc', 'Lãnh đạo Sở', 'HTTNV'],
		['Văn phòng Sở', 'Chánh Văn phòng', 'Trưởng, phó phòng', 'HTXSNV'], ['Văn phòng Sở', 'Phó Chánh Văn phòng', 'Trưởng, phó phòng', 'HTTNV'], ['Văn phòng Sở', 'Chuyên viên', 'Công chức chuyên môn', 'HTTNV'],
		['Phòng Ngân sách', 'Trưởng phòng', 'Trưởng, phó phòng', 'HTTNV'], ['Phòng Ngân sách', 'Phó Trưởng phòng', 'Trưởng, phó phòng', 'HTTNV'], ['Phòng Ngân sách', 'Phó Trưởng phòng', 'Trưởng, phó phòng', 'HTTNV'],
		['Phòng Ngân sách', 'Phó Trưởng phòng', 'Trưởng, phó phòng', 'HTTNV'], ['Phòng Ngân sách', 'Chuyên viên', 'Công chức chuyên môn', 'HTTNV'], ['Phòng Ngân sách', 'Chuyên viên', 'Công chức chuyên môn', 'HTTNV']
	];
	const row = (i: number, ...cells: string[]) => [String(i + 1), ...PEOPLE[i], ...cells];
	async function r1(db: Db) {
		const fs = (await runAudit(db, { year: 2026, rules: ['excellent_cap'], signals: false })).findings.filter((f) => f.subject_kind === 'civil_servant');
		return fs.map((f) => [f.status, f.unit_code, f.evidence.group_name, f.evidence.excess]);
	}
	const LEADERS_OVER = [['flagged', 'S700301', 'UBND TỈNH BÌNH PHƯỚC / SỞ TÀI CHÍNH · Lãnh đạo Sở', 1]];

	it('a "Nhóm nhiệm vụ tương đồng" column: R1 per group, the Lãnh đạo Sở over by 1 (the whole Sở, 2 / 10, would pass)', async () => {
		const { db, dir } = await dbWithSo();
		const f = writeCsv(dir, 'cc.csv', [...LETTERHEAD,
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Nhóm nhiệm vụ tương đồng', 'Điểm', 'Xếp loại', 'Ngày xếp loại'],
			...STAFF.map(([, post, group, level], i) => row(i, post, group, level === 'HTXSNV' ? '92' : '85', level, '05/12/2026'))
		]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 12 });
		expect(await r1(db)).toEqual(LEADERS_OVER);
	});

	it('its phòng as section rows ("II | VĂN PHÒNG SỞ"), or in a "Đơn vị công tác" column: parts of the Sở, one agency filed under the Đảng bộ Sở — not the Văn phòng\'s 1 / 1 under its chi bộ', async () => {
		const { db, dir } = await dbWithSo();
		const head = ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Nhóm', 'Xếp loại', 'Ngày xếp loại'];
		const sections = writeCsv(dir, 'muc.csv', [...LETTERHEAD, head,
			...STAFF.flatMap(([phong, post, group, level], i) => [
				...(i === 0 || STAFF[i - 1][0] !== phong ? [[['I', 'II', 'III'][new Set(STAFF.slice(0, i + 1).map((s) => s[0])).size - 1], phong.toUpperCase(), '', '', '', '', '']] : []),
				row(i, post, group, level, '05/12/2026')
			])
		]);
		const r = await ingest(db, [sections]);
		expect(r.files[0]).toMatchObject({ kind: 'civil_servant', status: 'loaded', rowsStored: 12 });
		expect(await db.query('select distinct r.agency, u.code from rating r join unit u on u.id = r.agency_unit_id')).toEqual([
			{ agency: 'UBND TỈNH BÌNH PHƯỚC / SỞ TÀI CHÍNH', code: 'S700301' }
		]);
		expect(await r1(db)).toEqual(LEADERS_OVER);

		const { db: db2, dir: dir2 } = await dbWithSo();
		const column = writeCsv(dir2, 'cot.csv', [...LETTERHEAD, ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Đơn vị công tác', 'Nhóm', 'Xếp loại', 'Ngày xếp loại'],
			...STAFF.map(([phong, post, group, level], i) => row(i, post, phong, group, level, '05/12/2026'))]);
		expect((await ingest(db2, [column])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 12 });
		expect(await r1(db2)).toEqual(LEADERS_OVER);
	});

	it('a district People\'s Committee\'s phòng ("I | Phòng Nội vụ" under "UBND HUYỆN BÙ ĐĂNG") stay agencies of their own, each its own count', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'huyen.csv', [
			['UBND HUYỆN BÙ ĐĂNG'], ['KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÔNG CHỨC NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Xếp loại', 'Ngày quyết định'],
			['I', 'Phòng Nội vụ', '', '', '', ''],
			...levels(2, 5).map((l, i) => row(i, 'Chuyên viên', l, '10/12/2024')),
			['II', 'Phòng Tài chính - Kế hoạch', '', '', '', ''],
			...levels(1, 4).map((l, i) => row(i + 7, 'Chuyên viên', l, '10/12/2024'))
		]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 12 });
		expect(await db.query('select agency, count(*)::int as n from rating group by 1 order by 1')).toEqual([
			{ agency: 'Phòng Nội vụ', n: 7 },
			{ agency: 'Phòng Tài chính - Kế hoạch', n: 5 }
		]);
	});
});
