// A supplementary list ("DANH SÁCH BỔ SUNG …", "(BỔ SUNG)", a file named "… bổ sung") adds its
// people to the current version of its list instead of replacing it (README, "bản hiện hành"): a
// person already in that version is replaced by the supplement's row only. A later full version
// is the whole list again and replaces the supplements too. A full version that keeps fewer than
// half of the people of the version it replaces is stored, with a warning naming the earlier file.
import { describe, expect, it } from 'vitest';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Xếp loại', 'Ngày quyết định'];
const row = (i: number, name: string, level: string, on: string) => [String(i), name, '01/01/1970', 'C70010101', level, on];
const FOUR = (on: string) => ['An', 'Bình', 'Cường', 'Dũng'].map((n, i) => row(i + 1, `Nguyễn Văn ${n}`, 'HTT', on));

type Db = Awaited<ReturnType<typeof dbWithRegistry>>['db'];
const current = (db: Db) =>
	db.query(`select p.full_name as name, r.final_level as level, f.file_name as file from rating_current r join person p on p.id = r.person_id
		join source_file f on f.id = r.source_file_id order by p.full_name`);

describe('supplementary lists', () => {
	it('"DANH SÁCH BỔ SUNG …" adds its people to the list; a person already rated is replaced by the supplement\'s row only, which stays queryable', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'xl.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, ...FOUR('05/12/2022')])]);
		const r = await ingest(db, [
			writeCsv(dir, 'xl2.csv', [
				['DANH SÁCH BỔ SUNG ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022'],
				HEAD,
				row(1, 'Trần Thị Em', 'HTNV', '16/12/2022'),
				row(2, 'Nguyễn Văn Bình', 'HTXS', '16/12/2022')
			])
		]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		expect(await current(db)).toEqual([
			{ name: 'Nguyễn Văn An', level: 3, file: 'xl.csv' },
			{ name: 'Nguyễn Văn Bình', level: 4, file: 'xl2.csv' },
			{ name: 'Nguyễn Văn Cường', level: 3, file: 'xl.csv' },
			{ name: 'Nguyễn Văn Dũng', level: 3, file: 'xl.csv' },
			{ name: 'Trần Thị Em', level: 2, file: 'xl2.csv' }
		]);
		expect(
			await db.query(`select f.file_name as file, s.file_name as replaced_by from rating r join person p on p.id = r.person_id join source_file f on f.id = r.source_file_id
				left join source_file s on s.id = r.superseded_by where p.full_name = 'Nguyễn Văn Bình' order by f.id`)
		).toEqual([
			{ file: 'xl.csv', replaced_by: 'xl2.csv' },
			{ file: 'xl2.csv', replaced_by: null }
		]);

		// a later full version is the whole list again: it replaces the supplement too
		await ingest(db, [writeCsv(dir, 'xl3.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, ...FOUR('20/12/2022'), row(5, 'Trần Thị Em', 'HTT', '20/12/2022')])]);
		expect(new Set((await current(db)).map((c) => c.file))).toEqual(new Set(['xl3.csv']));
		expect(await current(db)).toHaveLength(5);
	});

	it('"(BỔ SUNG)" in the title or "bổ sung" in the file name: a supplement, whatever order the files come in; "sửa đổi, bổ sung" corrects and replaces', async () => {
		const { db, dir } = await dbWithRegistry();
		// loaded first, decided after the main list: still added to it
		const supp = writeCsv(dir, 'xl_bo_sung.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, row(1, 'Trần Thị Em', 'HTNV', '16/12/2022'), row(2, 'Nguyễn Văn An', 'HTXS', '16/12/2022')]);
		const main = writeCsv(dir, 'xl.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, ...FOUR('05/12/2022')]);
		const r = await ingest(db, [supp, main]);
		expect(r.files.map((f) => [f.status, f.warnings])).toEqual([
			['loaded', []],
			['loaded', ['Tệp "xl.csv": 1 dòng thuộc danh sách đã có danh sách bổ sung "xl_bo_sung.csv" (quyết định ngày 16/12/2022) xếp loại lại cùng người: kết quả của danh sách bổ sung là kết quả hiện hành, các dòng này được lưu làm bản trước.']]
		]);
		expect((await current(db)).map((c) => [c.name, c.file])).toEqual([
			['Nguyễn Văn An', 'xl_bo_sung.csv'],
			['Nguyễn Văn Bình', 'xl.csv'],
			['Nguyễn Văn Cường', 'xl.csv'],
			['Nguyễn Văn Dũng', 'xl.csv'],
			['Trần Thị Em', 'xl_bo_sung.csv']
		]);

		const titled = writeCsv(dir, 'xl-them.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], ['(BỔ SUNG)'], HEAD, row(1, 'Lê Văn Giang', 'HTT', '18/12/2022')]);
		await ingest(db, [titled]);
		expect(await current(db)).toHaveLength(6);

		// "sửa đổi, bổ sung": the list corrected, the whole list again
		const amended = writeCsv(dir, 'xl-sua.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022 (SỬA ĐỔI, BỔ SUNG)'], HEAD, ...FOUR('20/12/2022')]);
		await ingest(db, [amended]);
		expect((await current(db)).map((c) => c.file)).toEqual(['xl-sua.csv', 'xl-sua.csv', 'xl-sua.csv', 'xl-sua.csv']);
	});

	it('an undated supplement loaded with its list, named first: added to it', async () => {
		const { db, dir } = await dbWithRegistry();
		const undated = (r: string[]) => r.slice(0, 5);
		const supp = writeCsv(dir, 'DS bo sung.csv', [HEAD.slice(0, 5), undated(row(1, 'Trần Thị Em', 'HTNV', ''))]);
		const main = writeCsv(dir, 'DS.csv', [HEAD.slice(0, 5), ...FOUR('').map(undated)]);
		const r = await ingest(db, [supp, main], { year: 2022 });
		expect(r.files.map((f) => f.warnings)).toEqual([[], []]);
		expect(await current(db)).toHaveLength(5);
	});

	it('a supplement to a People\'s Committee\'s civil-servant list adds to that list', async () => {
		const { db, dir } = await dbWithRegistry();
		const cs = (name: string, title: string[][], people: string[][]) =>
			writeCsv(dir, name, [['UBND XÃ ĐOÀN KẾT'], ...title, ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Xếp loại', 'Ngày quyết định'], ...people]);
		const person = (i: number, n: string, on: string) => [String(i), n, `1${i}/02/1980`, 'Công chức', 'Hoàn thành tốt nhiệm vụ', on];
		await ingest(db, [cs('cc.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2024']], ['Kiều Thị Bích', 'Quách Văn Cường', 'Cao Văn An'].map((n, i) => person(i + 1, n, '13/12/2024')))], { kind: 'civil_servant' });
		await ingest(db, [cs('cc2.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM 2024'], ['(BỔ SUNG)']], [person(1, 'Hà Văn Đông', '20/12/2024')])], { kind: 'civil_servant' });
		expect((await current(db)).map((c) => c.name)).toEqual(['Cao Văn An', 'Hà Văn Đông', 'Kiều Thị Bích', 'Quách Văn Cường']);
	});

	it('a full version keeping fewer than half of the people of the version it replaces: stored, and the file warns naming the earlier one', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'xl.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, ...FOUR('05/12/2022')])]);
		const r = await ingest(db, [writeCsv(dir, 'xl-moi.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, row(1, 'Nguyễn Văn An', 'HTT', '16/12/2022'), row(2, 'Trần Thị Em', 'HTT', '16/12/2022')])]);
		expect(r.files[0].status).toBe('loaded');
		expect(r.files[0].warnings).toEqual([
			'Tệp "xl-moi.csv": là bản mới của danh sách "xl.csv" nhưng chỉ giữ 1/4 người của bản đó; bản mới thay cả danh sách nên 3 người còn lại không còn kết quả xếp loại hiện hành. Nếu tệp chỉ là danh sách bổ sung, ghi "DANH SÁCH BỔ SUNG" hoặc "(BỔ SUNG)" ở tiêu đề (hoặc "bổ sung" trong tên tệp) để được cộng vào danh sách đã có; nếu là danh sách đầy đủ, kiểm tra những người còn thiếu.'
		]);
		expect(await current(db)).toHaveLength(2);
	});
});

// A chi bộ's proposals sent up to its đảng ủy (self-ratings and the chi bộ's proposal, no level
// decided) are no version of the đảng ủy's decided list: the decided list stays in force.
describe('a list of proposals beside the decided list', () => {
	const PROPOSED = ['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Đảng viên tự xếp loại', 'Chi bộ đề xuất'];
	const proposals = (dir: string) =>
		writeCsv(dir, 'de-xuat.csv', [['DANH SÁCH ĐỀ XUẤT XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], PROPOSED,
			...['An', 'Bình', 'Cường', 'Dũng'].map((n, i) => [String(i + 1), `Nguyễn Văn ${n}`, '01/01/1970', 'C70010101', 'HTXS', 'HTT'])]);
	const decided = (dir: string) => writeCsv(dir, 'xl.csv', [['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI ĐẢNG VIÊN NĂM 2022'], HEAD, ...FOUR('05/12/2022')]);

	it.each([['after', false], ['before', true]])('loaded %s the decided list: the decided list stays in force, the proposals stay queryable', async (_when, proposalsFirst) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, proposalsFirst ? [proposals(dir)] : [decided(dir)]);
		expect(r.files[0].status).toBe('loaded');
		if (proposalsFirst) expect(r.files[0].warnings).toEqual([expect.stringMatching(/^Tệp "de-xuat\.csv": chỉ ghi mức tự xếp loại, đề xuất, chưa có mức do cấp có thẩm quyền quyết định: 4 dòng/)]);
		const r2 = await ingest(db, proposalsFirst ? [decided(dir)] : [proposals(dir)]);
		expect(r2.files[0].status).toBe('loaded');
		if (!proposalsFirst)
			expect(r2.files[0].warnings).toEqual([expect.stringMatching(/^Tệp "de-xuat\.csv": 4 dòng thuộc danh sách đã có bản đã quyết định "xl\.csv": tệp này chỉ ghi mức tự xếp loại, đề xuất/)]);
		expect(await current(db)).toEqual(['An', 'Bình', 'Cường', 'Dũng'].map((n) => ({ name: `Nguyễn Văn ${n}`, level: 3, file: 'xl.csv' })));
		expect(await db.query(`select proposed_level as p, count(*)::int as n from rating where superseded_by is not null group by all`)).toEqual([{ p: 3, n: 4 }]);
	});
});
