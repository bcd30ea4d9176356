// Discipline registers as inspection committees write them: headers that all say "kỷ luật" (who
// was disciplined, the decision's number, date and duration), organisations and members in one
// column, forms in whole sentences. Each is stored as meant: the form from the form column only.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { writeCsv, writeXlsx } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH TỔ CHỨC ĐẢNG, ĐẢNG VIÊN BỊ KỶ LUẬT NĂM 2024']];

type Db = Awaited<ReturnType<typeof dbWithRegistry>>['db'];
const stored = (db: Db) =>
	db.query<Record<string, unknown>>(`select d.source_row as row, d.subject_type as type, d.collective, p.full_name as name, u.code as unit, su.code as subject_unit,
		strftime(d.decided_on, '%d/%m/%Y') as decided_on, d.form, d.state_form, d.self_remedied, d.issuing_body
		from discipline d left join person p on p.id = d.person_id left join unit u on u.id = d.unit_id left join unit su on su.id = d.subject_unit_id
		order by d.source_row`);

describe('discipline register headers that say "kỷ luật"', () => {
	it('"Họ và tên đảng viên bị kỷ luật" is the name, "Quyết định kỷ luật" and "Thời hạn kỷ luật" are not the form', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Họ và tên đảng viên bị kỷ luật', 'Năm sinh', 'Chi bộ', 'Quyết định kỷ luật', 'Thời hạn kỷ luật', 'Hình thức kỷ luật', 'Ngày quyết định', 'Cấp kỷ luật'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Số 15-QĐ/UBKT', '12 tháng', 'Khiển trách', '05/06/2024', 'UBKT Đảng ủy xã'],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 2', 'Số 16-QĐ/UBKT', '', 'Cảnh cáo', '31/12/2024', 'Ban Thường vụ Đảng ủy xã']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toMatchObject([
			{ row: 4, type: 'person', name: 'Nguyễn Văn An', unit: 'C70010101', decided_on: '05/06/2024', form: 'khien_trach', issuing_body: 'UBKT Đảng ủy xã' },
			{ row: 5, type: 'person', name: 'Trần Thị Bình', unit: 'C70010102', decided_on: '31/12/2024', form: 'canh_cao', issuing_body: 'Ban Thường vụ Đảng ủy xã' }
		]);
	});

	it('"Ngày bị kỷ luật" is the decision date', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			[TITLE[0][0]],
			['SỔ THEO DÕI KỶ LUẬT ĐẢNG VIÊN'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Ngày bị kỷ luật', 'Hình thức kỷ luật'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', '31/12/2024', 'Khiển trách']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 1 });
		expect(await stored(db)).toMatchObject([{ name: 'Nguyễn Văn An', decided_on: '31/12/2024', form: 'khien_trach' }]);
	});

	it('"Tổ chức đảng, đảng viên bị kỷ luật" holds organisations (units) and members (persons)', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Tổ chức đảng, đảng viên bị kỷ luật', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định', 'Cấp kỷ luật', 'Tự phát hiện, khắc phục'],
			['1', 'Chi ủy Chi bộ thôn 2', 'Chi bộ thôn 2', 'Khiển trách', '20/11/2024', 'Ban Thường vụ Đảng ủy xã', 'Có'],
			['2', 'Chi bộ thôn 1', 'Chi bộ thôn 1', 'Cảnh cáo', '20/11/2024', 'Ban Thường vụ Đảng ủy xã', ''],
			['3', 'Nguyễn Văn An', 'Chi bộ thôn 1', 'Khiển trách', '05/06/2024', 'UBKT Đảng ủy xã', '']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 3 });
		expect(await stored(db)).toMatchObject([
			{ row: 4, type: 'unit', name: null, unit: 'C70010102', subject_unit: 'C70010102', form: 'khien_trach', self_remedied: true },
			{ row: 5, type: 'unit', name: null, unit: 'C70010101', subject_unit: 'C70010101', form: 'canh_cao', self_remedied: false },
			{ row: 6, type: 'person', name: 'Nguyễn Văn An', unit: 'C70010101', subject_unit: null, form: 'khien_trach' }
		]);
	});

	it('"Tổ chức đảng bị kỷ luật" with no unit column names the unit disciplined', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Tổ chức đảng bị kỷ luật', 'Hình thức kỷ luật', 'Ngày quyết định kỷ luật'],
			['1', 'Chi ủy Chi bộ thôn 2', 'Khiển trách', '20/11/2024'],
			['2', 'Chi bộ thôn 1', 'Cảnh cáo', '20/11/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toMatchObject([
			{ type: 'unit', collective: 'leadership', subject_unit: 'C70010102', form: 'khien_trach', decided_on: '20/11/2024' },
			{ type: 'unit', collective: 'party_org', subject_unit: 'C70010101', form: 'canh_cao' }
		]);
	});
});

describe('discipline forms and remedies as written', () => {
	const HEAD = ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định', 'Tự phát hiện, khắc phục'];
	const rows = (cells: Array<[string, string]>) => cells.map(([form, remedied], i) => [String(i + 1), `Đảng viên ${i + 1}`, String(1970 + i), 'Chi bộ thôn 1', form, '05/06/2024', remedied]);

	it('the form word after lead words ("Kỷ luật khiển trách", "Kỷ luật bằng hình thức cảnh cáo", "Hình thức Khai trừ") is the form', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			...TITLE,
			HEAD,
			...rows([
				['Cách tất cả chức vụ trong Đảng', ''],
				['Kỷ luật khiển trách', 'Tự phát hiện và khắc phục'],
				['Kỷ luật bằng hình thức cảnh cáo', 'Đã khắc phục'],
				['Hình thức Khai trừ', 'Có'],
				['Khiển trách.', 'Chưa khắc phục']
			])
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 5, warnings: [] });
		expect((await stored(db)).map((x) => [x.form, x.self_remedied])).toEqual([
			['cach_chuc', false],
			['khien_trach', true],
			['canh_cao', true],
			['khai_tru', true],
			['khien_trach', false]
		]);
	});

	it('"C.cáo", "K.trách" abbreviated with a dot: the forms; "(tự phát hiện, khắc phục)", "- tự phát hiện", "Tự phát hiện: x" after the form or in the note, no remedy column: self-detected; "chưa khắc phục": not', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định', 'Ghi chú'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'C.cáo', '05/06/2024', ''],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 1', 'K.trách', '05/06/2024', 'Tự phát hiện và đã khắc phục'],
			['3', 'Lê Văn Cường', '1972', 'Chi bộ thôn 1', 'Cảnh cáo (tự phát hiện, khắc phục)', '05/06/2024', ''],
			['4', 'Phạm Thị Dung', '1973', 'Chi bộ thôn 1', 'Khiển trách', '05/06/2024', 'Không tự phát hiện, khắc phục'],
			// the remedy column's own words in the form or the note, with its mark
			['5', 'Hoàng Văn Em', '1974', 'Chi bộ thôn 1', 'Khiển trách - tự phát hiện', '05/06/2024', ''],
			['6', 'Vũ Thị Phương', '1975', 'Chi bộ thôn 1', 'Khiển trách', '05/06/2024', 'Tự phát hiện: x'],
			['7', 'Đỗ Văn Giang', '1976', 'Chi bộ thôn 1', 'Khiển trách', '05/06/2024', 'Tự phát hiện: Có'],
			['8', 'Bùi Thị Hoa', '1977', 'Chi bộ thôn 1', 'Khiển trách', '05/06/2024', 'Tự phát hiện: Không'],
			['9', 'Ngô Văn Ích', '1978', 'Chi bộ thôn 1', 'Khiển trách - tự phát hiện', '05/06/2024', 'Chưa khắc phục xong'],
			['10', 'Lý Thị Kim', '1979', 'Chi bộ thôn 1', 'Khiển trách', '05/06/2024', 'Không phải tự phát hiện, đã khắc phục'],
			['11', 'Mai Văn Long', '1980', 'Chi bộ thôn 1', 'Khiển trách - tự phát hiện', '05/06/2024', 'Chưa được khắc phục']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 11, warnings: [] });
		expect((await stored(db)).map((x) => [x.form, x.self_remedied])).toEqual([
			['canh_cao', false],
			['khien_trach', true],
			['canh_cao', true],
			['khien_trach', false],
			['khien_trach', true],
			['khien_trach', true],
			['khien_trach', true],
			['khien_trach', false],
			['khien_trach', false],
			['khien_trach', false],
			['khien_trach', false]
		]);
	});

	it('forms marked x under "Hình thức kỷ luật" over Khiển trách | Cảnh cáo | Cách chức | Khai trừ: the marked form', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'kl.xlsx', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', null, null, null, 'Ngày quyết định'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Khiển trách', 'Cảnh cáo', 'Cách chức', 'Khai trừ', 'Ngày quyết định'],
			[1, 'Nguyễn Văn An', 1970, 'Chi bộ thôn 1', null, 'x', null, null, '05/06/2024'],
			[2, 'Trần Thị Bình', 1971, 'Chi bộ thôn 1', 'x', null, null, null, '05/07/2024'],
			[3, 'Lê Văn Cường', 1972, 'Chi bộ thôn 1', null, null, null, 'x', '05/08/2024']
		], { merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:H3', 'I3:I4'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 3, warnings: [] });
		expect((await stored(db)).map((x) => [x.name, x.form])).toEqual([
			['Nguyễn Văn An', 'canh_cao'],
			['Trần Thị Bình', 'khien_trach'],
			['Lê Văn Cường', 'khai_tru']
		]);
	});

	// "Hình thức kỷ luật" over Khiển trách | Cảnh cáo | Cách chức | Khai trừ, ticked
	const ticked = (dir: string, rows: Array<Array<string | number | null>>) => writeXlsx(dir, 'kl.xlsx', [
		...TITLE,
		['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', null, null, null, 'Ngày quyết định'],
		['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Khiển trách', 'Cảnh cáo', 'Cách chức', 'Khai trừ', 'Ngày quyết định'],
		...rows
	], { merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:H3', 'I3:I4'] });
	it('a tick written "1" (beside ✓ and X) under Khiển trách | Cảnh cáo | …: the ticked form', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await ticked(dir, [
			[1, 'Nguyễn Văn An', 1970, 'Chi bộ thôn 1', '1', null, null, null, '05/06/2024'],
			[2, 'Trần Thị Bình', 1971, 'Chi bộ thôn 1', null, '✓', null, null, '05/07/2024'],
			[3, 'Lê Văn Cường', 1972, 'Chi bộ thôn 1', null, null, 1, null, '05/08/2024'],
			[4, 'Phạm Văn Dũng', 1973, 'Chi bộ thôn 1', null, null, null, 'X', '05/09/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 4, warnings: [] });
		expect((await stored(db)).map((x) => x.form)).toEqual(['khien_trach', 'canh_cao', 'cach_chuc', 'khai_tru']);
	});

	it('a row with no tick read is refused naming the columns looked at and what a cell holds instead', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await ticked(dir, [
			[1, 'Nguyễn Văn An', 1970, 'Chi bộ thôn 1', 'có', null, null, null, '05/06/2024'],
			[2, 'Trần Thị Bình', 1971, 'Chi bộ thôn 1', null, null, null, null, '05/07/2024'],
			[3, 'Lê Văn Cường', 1972, 'Chi bộ thôn 1', 'x', null, null, null, '05/08/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors?.map((e) => [e.row, e.column, e.message])).toEqual([
			[5, 'Hình thức kỷ luật', 'Thiếu hình thức kỷ luật: không đọc được dấu đánh (x, 1, ✓) ở các cột Khiển trách, Cảnh cáo, Cách chức, Khai trừ (ô Khiển trách ghi "có").'],
			[6, 'Hình thức kỷ luật', 'Thiếu hình thức kỷ luật: không đọc được dấu đánh (x, 1, ✓) ở các cột Khiển trách, Cảnh cáo, Cách chức, Khai trừ.']
		]);
	});

	// an UBKT's report: the Party's form and the State's side by side under one group cell
	const SIDES = ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', null, 'Ngày quyết định'];
	const SIDE_NAMES = [null, null, null, null, 'Về Đảng', 'Về chính quyền', null];
	const SIDE_ROWS = [
		[1, 'Nguyễn Văn An', 1970, 'Chi bộ thôn 1', 'Khiển trách', 'Khiển trách', '05/06/2024'],
		[2, 'Trần Thị Bình', 1971, 'Chi bộ thôn 1', null, 'Cảnh cáo', '05/07/2024'],
		[3, 'Lê Văn Cường', 1972, 'Chi bộ thôn 1', 'Cảnh cáo', null, '05/08/2024']
	];
	// (the State's side is no Party discipline — form 'none' on a row of it only — but NĐ 335's for the
	// civil-servant rating, R2: kept as state_form)
	const SIDES_STORED = [
		{ row: 5, name: 'Nguyễn Văn An', form: 'khien_trach', state_form: 'khien_trach' },
		{ row: 6, name: 'Trần Thị Bình', form: 'none', state_form: 'canh_cao' },
		{ row: 7, name: 'Lê Văn Cường', form: 'canh_cao', state_form: null }
	];
	it.each([['XLSX, merged'], ['CSV']])('"Hình thức kỷ luật" over "Về Đảng | Về chính quyền" (%s): the Party\'s form, the State\'s apart; a row of the State\'s only is no Party discipline', async (how) => {
		const { db, dir } = await dbWithRegistry();
		const f = how === 'CSV'
			? writeCsv(dir, 'kl.csv', [...TITLE, SIDES, SIDE_NAMES, ...SIDE_ROWS].map((r) => r.map((c) => String(c ?? ''))))
			: await writeXlsx(dir, 'kl.xlsx', [...TITLE, SIDES, SIDE_NAMES, ...SIDE_ROWS], { merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:F3', 'G3:G4'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 3 });
		expect(await stored(db)).toMatchObject(SIDES_STORED);
		expect(r.files[0].warnings).toEqual([]);
	});

	it.each([['Về CQ'], ['Nhà nước'], ['Về mặt chính quyền'], ['Chính quyền, đoàn thể']])('… and the State\'s side headed "%s": the State\'s (it was read as the Party\'s form)', async (side) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [...TITLE, SIDES, SIDE_NAMES.map((c) => (c === 'Về chính quyền' ? side : c)), ...SIDE_ROWS].map((r) => r.map((c) => String(c ?? ''))));
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 3 });
		expect(await stored(db)).toMatchObject(SIDES_STORED);
	});

	it('… a mass organisation\'s side ("Đoàn thể") is neither: a row of it only is skipped, told', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [...TITLE, SIDES, SIDE_NAMES.map((c) => (c === 'Về chính quyền' ? 'Đoàn thể' : c)), ...SIDE_ROWS].map((r) => r.map((c) => String(c ?? ''))));
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toMatchObject([{ row: 5, form: 'khien_trach', state_form: null }, { row: 7, form: 'canh_cao', state_form: null }]);
		expect(r.files[0].warnings).toEqual([expect.stringMatching(/^1 dòng không phải quyết định kỷ luật đảng \(dòng 6: "chỉ kỷ luật chính quyền, đoàn thể: Cảnh cáo"\)/)]);
	});

	it('forms ticked under "Về Đảng" and under "Về chính quyền": the Party\'s tick is the form, the State\'s apart; a row ticked on the State\'s side only is no Party discipline', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'kl.xlsx', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', null, null, null, null, null, 'Ngày quyết định'],
			[null, null, null, null, 'Về Đảng', null, null, null, 'Về chính quyền', null, null],
			[null, null, null, null, 'Khiển trách', 'Cảnh cáo', 'Cách chức', 'Khai trừ', 'Khiển trách', 'Cảnh cáo', null],
			[1, 'Nguyễn Văn An', 1970, 'Chi bộ thôn 1', null, 'x', null, null, 'x', null, '05/06/2024'],
			[2, 'Trần Thị Bình', 1971, 'Chi bộ thôn 1', null, null, null, null, null, 'x', '05/07/2024']
		], { merges: ['A3:A5', 'B3:B5', 'C3:C5', 'D3:D5', 'E3:J3', 'E4:H4', 'I4:J4', 'K3:K5'] });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toMatchObject([
			{ row: 6, name: 'Nguyễn Văn An', form: 'canh_cao', state_form: 'khien_trach' },
			{ row: 7, name: 'Trần Thị Bình', form: 'none', state_form: 'canh_cao' }
		]);
	});

	// "Nội dung vi phạm" merged down both header rows names no field: its text, which the reader
	// gives both rows, does not make the row of form names data
	const VIOLATION = ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Nội dung vi phạm', 'Hình thức kỷ luật', null, null, null, 'Ngày quyết định'];
	const FORMS = [null, null, null, null, null, 'Khiển trách', 'Cảnh cáo', 'Cách chức', 'Khai trừ', null];
	const VIOLATION_MERGES = ['A3:A4', 'B3:B4', 'C3:C4', 'D3:D4', 'E3:E4', 'F3:I3', 'J3:J4'];
	it('forms marked x beside a vertically merged "Nội dung vi phạm": the marked form, not "other"', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'kl.xlsx', [
			...TITLE, VIOLATION, FORMS,
			[1, 'Nguyễn Văn An', 1970, 'Chi bộ thôn 1', 'Vi phạm những điều đảng viên không được làm', 'x', null, null, null, '15/06/2024'],
			[2, 'Trần Thị Bình', 1971, 'Chi bộ thôn 1', 'Vi phạm quy chế làm việc', null, 'x', null, null, '05/07/2024']
		], { merges: VIOLATION_MERGES });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2, warnings: [] });
		expect(await stored(db)).toMatchObject([
			{ row: 5, name: 'Nguyễn Văn An', decided_on: '15/06/2024', form: 'khien_trach' },
			{ row: 6, name: 'Trần Thị Bình', decided_on: '05/07/2024', form: 'canh_cao' }
		]);
	});

	it('the same register with a column-number row "1 2 … 10" under its header: the numbers are no data row', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = await writeXlsx(dir, 'kl.xlsx', [
			...TITLE, VIOLATION, FORMS, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
			[1, 'Nguyễn Văn An', 1970, 'Chi bộ thôn 1', 'Vi phạm những điều đảng viên không được làm', 'x', null, null, null, '15/06/2024']
		], { merges: VIOLATION_MERGES });
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 1, warnings: [] });
		expect(await stored(db)).toMatchObject([{ row: 6, name: 'Nguyễn Văn An', decided_on: '15/06/2024', form: 'khien_trach' }]);
	});

	it('a form no rulebook names is stored as other and the file warns, naming rows and values, and that "KT", "CC" have two meanings', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [...TITLE, HEAD, ...rows([['KT', ''], ['Khiển trách', ''], ['CC', '']])]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect((await stored(db)).map((x) => x.form)).toEqual(['other', 'khien_trach', 'other']);
		expect(r.files[0].warnings).toHaveLength(1);
		expect(r.files[0].warnings[0]).toMatch(/^2 dòng có hình thức kỷ luật không nhận ra .*dòng 4: "KT", dòng 6: "CC".*"KT", "CC" viết tắt có hai nghĩa \(khiển trách hoặc khai trừ; cảnh cáo hoặc cách chức\): ghi rõ hình thức\.$/);
		// (a form only unread, no abbreviation of two: the warning says no more)
		const { db: db2, dir: dir2 } = await dbWithRegistry();
		const other = await ingest(db2, [writeCsv(dir2, 'kl.csv', [...TITLE, HEAD, ...rows([['Phê phán', '']])])]);
		expect(other.files[0].warnings.join(' ')).not.toMatch(/hai nghĩa/);
	});
});

describe('where the violation happened, who decided', () => {
	it.each([['Đơn vị xảy ra vi phạm'], ['Nơi xảy ra vi phạm']])('"%s" is the unit R2 counts; the member stays in the chi bộ they belong to', async (header) => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			[TITLE[0][0]],
			['ỦY BAN KIỂM TRA'],
			['DANH SÁCH ĐẢNG VIÊN BỊ KỶ LUẬT NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ đang sinh hoạt', header, 'Hình thức kỷ luật', 'Ngày quyết định', 'Cấp quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Chi bộ thôn 2', 'Khiển trách', '05/06/2024', 'UBKT Đảng ủy xã'],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 1', '', 'Cảnh cáo', '05/06/2024', 'UBKT Đảng ủy xã']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toMatchObject([
			{ name: 'Nguyễn Văn An', unit: 'C70010102', issuing_body: 'UBKT Đảng ủy xã' },
			{ name: 'Trần Thị Bình', unit: 'C70010101', issuing_body: 'UBKT Đảng ủy xã' }
		]);
		// the person is known in their own chi bộ
		expect(await db.query(`select p.full_name, u.code from person p join unit u on u.id = p.home_unit_id order by 1`)).toEqual([
			{ full_name: 'Nguyễn Văn An', code: 'C70010101' },
			{ full_name: 'Trần Thị Bình', code: 'C70010101' }
		]);
	});

	it('a violation unit that is no unit of the registry is refused, naming the column and value', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Nơi xảy ra vi phạm', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Chi bộ thôn 9', 'Khiển trách', '05/06/2024']
		]);
		const r = await ingest(db, [f]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors?.map((e) => [e.row, e.column, e.value])).toEqual([[4, 'Nơi xảy ra vi phạm', 'Chi bộ thôn 9']]);
	});
});

describe('a register as a đảng ủy writes it, after its chi bộ lists', () => {
	it('"Số, ngày quyết định" in one cell is the date; "Đ/c" and a post in brackets are no part of a name; a member no list has is told', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Bùi Quốc Hùng', '1970', 'HTTNV'], ['2', 'Đặng Ngọc Khánh', '1975', 'HTTNV'], ['3', 'Đỗ Thanh Hòa', '1965', 'HTTNV']])]);
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Số, ngày quyết định'],
			['1', 'Đ/c Bùi Quốc Hùng', '', 'Chi bộ thôn 1', 'Cảnh cáo', 'Số 05-QĐ/ĐU ngày 12/3/2024'],
			['2', 'Đặng Ngọc Khánh (Chi ủy viên)', '', 'Chi bộ thôn 1', 'Khiển trách', 'Số 21-QĐ/ĐU, ngày 10 tháng 10 năm 2024'],
			['3', 'Đỗ Thanh Hòa', '1966', 'Chi bộ thôn 1', 'Khiển trách', 'Số 22-QĐ/ĐU ngày 12/06/2024']
		])]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 3 });
		expect(await stored(db)).toMatchObject([
			{ row: 4, name: 'Bùi Quốc Hùng', decided_on: '12/03/2024', form: 'canh_cao' },
			{ row: 5, name: 'Đặng Ngọc Khánh', decided_on: '10/10/2024', form: 'khien_trach' },
			{ row: 6, name: 'Đỗ Thanh Hòa', decided_on: '12/06/2024', form: 'khien_trach' }
		]);
		// the first two are the rated members; the third (another birth year) is no one the lists have
		expect(await db.query(`select count(distinct d.person_id)::int as n from discipline d join rating r on r.person_id = d.person_id`)).toEqual([{ n: 2 }]);
		expect(r.files[0].warnings).toEqual([expect.stringMatching(/^1 người trong sổ kỷ luật \(dòng 6: "Đỗ Thanh Hòa"\) không khớp đảng viên nào đã có/)]);
	});

	it.each([['ỦY BAN KIỂM TRA ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['UBKT Đảng ủy xã Đoàn Kết']])(
		'a register headed "%s" is the đảng ủy\'s: its "Chi bộ thôn 1" is Đoàn Kết\'s, not Minh Hưng\'s',
		async (head) => {
			const { db, dir } = await dbWithRegistry();
			const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
				[head],
				['SỔ THEO DÕI KỶ LUẬT ĐẢNG VIÊN NĂM 2024'],
				['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định'],
				['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Khiển trách', '05/06/2024']
			])]);
			expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 1 });
			expect(await stored(db)).toMatchObject([{ row: 4, name: 'Nguyễn Văn An', unit: 'C70010101', form: 'khien_trach' }]);
		}
	);

	it('a short bracket telling namesakes apart stays part of the name; "Ông" as a surname stays; "Đ/c.", "Đồng chí:", "Ông"/"Bà" before a whole name go', async () => {
		const { db } = await dbWithRegistry();
		const names = ['Nguyễn Văn Hùng (B)', 'Nguyễn Văn Hùng (lớn)', 'Đồng chí Lê Văn Tám', 'đ/c Lê Văn Tám', 'Ông Văn Tùng', 'Lê Thị Mai (Bí thư chi bộ)',
			'Đ/c.Lê Văn Bình', 'Đ/c:Trần Thị Cúc', 'Đồng chí: Nguyễn Văn An', 'Đồng Văn Chí',
			'Ông Lê Văn Cường', 'BÀ NGUYỄN THỊ HOA', 'Bà: Vũ Thị Lan', 'Ông Hoàng Nam', 'Ông Ích Khiêm', 'Bàng Văn Lợi'];
		const rows = await db.query<{ n: string }>(`select person_name(n) as n from unnest([${names.map((n) => `'${n}'`).join(', ')}]) t(n)`);
		expect(rows.map((r) => r.n)).toEqual(['Nguyễn Văn Hùng (B)', 'Nguyễn Văn Hùng (lớn)', 'Lê Văn Tám', 'Lê Văn Tám', 'Ông Văn Tùng', 'Lê Thị Mai',
			'Lê Văn Bình', 'Trần Thị Cúc', 'Nguyễn Văn An', 'Đồng Văn Chí',
			'Lê Văn Cường', 'NGUYỄN THỊ HOA', 'Vũ Thị Lan', 'Ông Hoàng Nam', 'Ông Ích Khiêm', 'Bàng Văn Lợi']);
	});

	it('"Ông"/"Bà" before a rated member\'s name: the member (R2 sees them); a member no list has, with a birth date or a card, is told', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Xếp loại'], ['1', 'Lê Văn Cường', '01/01/1990', 'HTTNV'], ['2', 'Vũ Thị Lan', '1988', 'HTTNV']])]);
		const r = await ingest(db, [await writeXlsx(dir, 'kl.xlsx', [
			['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['ỦY BAN KIỂM TRA'], ['BÁO CÁO KẾT QUẢ THI HÀNH KỶ LUẬT ĐẢNG VIÊN NĂM 2024'],
			['TT', 'Họ và tên', 'Năm sinh', 'Số thẻ đảng viên', 'Chi bộ', 'Hình thức kỷ luật', 'Số, ngày quyết định'],
			['1', 'Ông Lê Văn Cường', '01/01/1990', '', 'Chi bộ thôn 1', 'Cảnh cáo', 'Số 18-QĐ/UBKT ngày 01/7/2024'],
			['2', 'Bà Vũ Thị Lan', '1988', '', 'Chi bộ thôn 1', 'Khiển trách', 'Số 15-QĐ/UBKT ngày 12/5/2024'],
			// (no one of the chi bộ: a full birth date, a card)
			['3', 'Lê Văn Cừ', '02/03/1985', '', 'Chi bộ thôn 1', 'Khiển trách', 'Số 19-QĐ/UBKT ngày 01/8/2024'],
			['4', 'Phạm Văn Dũng', '1980', '70012999', 'Chi bộ thôn 1', 'Khiển trách', 'Số 20-QĐ/UBKT ngày 01/8/2024']
		])]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 4 });
		expect(await db.query(`select d.source_row as row, p.full_name as name, (select count(*) from rating r where r.person_id = d.person_id)::int as rated
			from discipline d join person p on p.id = d.person_id order by 1`)).toEqual([
			{ row: 5, name: 'Lê Văn Cường', rated: 1 },
			{ row: 6, name: 'Vũ Thị Lan', rated: 1 },
			{ row: 7, name: 'Lê Văn Cừ', rated: 0 },
			{ row: 8, name: 'Phạm Văn Dũng', rated: 0 }
		]);
		expect(r.files[0].warnings).toEqual([expect.stringMatching(/^2 người trong sổ kỷ luật \(dòng 7: "Lê Văn Cừ", 8: "Phạm Văn Dũng"\) không khớp đảng viên nào/)]);
	});
});

describe('a member disciplined in the chi bộ he left during the year', () => {
	// the đảng bộ's roster: Lâm came to thôn 2 on 01/06/2024 ("Ngày chuyển đến"), rated there; the
	// UBKT's register names the chi bộ where the violation happened (RULES.md R2), thôn 1, and his
	// birth year only
	const files = (dir: string) => ({
		roster: writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Chi bộ', 'Ngày vào Đảng', 'Ngày chuyển đến'],
			['1', 'Phan Văn Quý', '11/11/1982', '79012371', 'Chi bộ thôn 2', '01/01/2008', ''],
			['2', 'Bùi Văn Lâm', '04/04/1979', '79012370', 'Chi bộ thôn 2', '01/01/1999', '01/06/2024']]),
		list: writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ ĐV', 'Xếp loại'], ['1', 'Phan Văn Quý', '11/11/1982', '79012371', 'HTTNV'], ['2', 'Bùi Văn Lâm', '04/04/1979', '79012370', 'HTTNV']]),
		register: writeCsv(dir, 'kl.csv', [['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['ỦY BAN KIỂM TRA'], ['SỔ THEO DÕI ĐẢNG VIÊN BỊ THI HÀNH KỶ LUẬT NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định'], ['1', 'Bùi Văn Lâm', '1979', 'Chi bộ thôn 1', 'Khiển trách', '15/03/2024']])
	});

	it.each([
		['after the lists', ['roster', 'list', 'register']],
		['before them', ['register', 'roster', 'list']]
	])('the register loaded %s: the one Bùi Văn Lâm born 1979 of the đảng bộ, whose rating R2 sees; nothing told', async (_when, order) => {
		const { db, dir } = await dbWithRegistry();
		const f = files(dir);
		for (const k of order) {
			const r = await ingest(db, [f[k as keyof typeof f]]);
			expect(r.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		}
		expect(await db.query(`select p.card_no as card, u.code as unit from discipline d join person p on p.id = d.person_id join unit u on u.id = d.unit_id`))
			.toEqual([{ card: '79012370', unit: 'C70010101' }]);
		const { findings } = await runAudit(db, { year: 2024, rules: ['disciplined_not_incomplete'], signals: false });
		expect(findings.filter((x) => x.subject_kind === 'member').map((x) => x.subject_ref)).toEqual(['79012370']);
	});
});

// A district's inspection committee keeps one register for the whole district: no Chi bộ column,
// the member's post and unit in one cell. RULES.md: a discipline is matched by card number, else
// name + birth date + unit.
describe('a UBKT huyện register with "Chức vụ, đơn vị công tác"', () => {
	const RATED = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
		['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Nguyễn Văn An', '1970', 'HTTNV'], ['2', 'Lê Văn Cường', '1972', 'HTTNV']];
	const RATED_2 = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 2'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
		['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Trần Thị Bình', '1971', 'HTTNV']];
	const UBKT = [['HUYỆN ỦY BÙ ĐĂNG'], ['ỦY BAN KIỂM TRA'], ['SỔ THEO DÕI THI HÀNH KỶ LUẬT ĐẢNG VIÊN NĂM 2024']];

	it.each([['Chức vụ, đơn vị công tác'], ['Đơn vị công tác'], ['Chức vụ, đơn vị']])(
		'"%s": the chi bộ the cell names is the row\'s unit; a cell naming none: the member found by name and birth in the district; no one: told',
		async (header) => {
			const { db, dir } = await dbWithRegistry();
			await ingest(db, [writeCsv(dir, 'xl1.csv', RATED), writeCsv(dir, 'xl2.csv', RATED_2)]);
			const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
				...UBKT,
				['STT', 'Họ và tên', 'Năm sinh', header, 'Hình thức kỷ luật', 'Ngày quyết định'],
				['1', 'Nguyễn Văn An', '1970', 'Bí thư Chi bộ thôn 1, Đảng bộ xã Đoàn Kết', 'Cảnh cáo', '05/06/2024'],
				['2', 'Trần Thị Bình', '1971', 'Đảng viên Chi bộ thôn 2, Đảng bộ xã Đoàn Kết', 'Khiển trách', '05/06/2024'],
				['3', 'Lê Văn Cường', '1972', 'Trưởng thôn 1, xã Đoàn Kết', 'Khiển trách', '05/07/2024'],
				['4', 'Phạm Văn Dũng', '1980', 'Trưởng thôn 2, xã Đoàn Kết', 'Khiển trách', '05/08/2024']
			])]);
			expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 4 });
			// the rated people, in the chi bộ they are rated in; the one no list has, under no chi bộ
			expect(await db.query(`select d.source_row as row, u.code as unit, (select count(*) from rating r where r.person_id = d.person_id)::int as rated
				from discipline d left join unit u on u.id = d.unit_id order by 1`)).toEqual([
				{ row: 5, unit: 'C70010101', rated: 1 },
				{ row: 6, unit: 'C70010102', rated: 1 },
				{ row: 7, unit: 'C70010101', rated: 1 },
				{ row: 8, unit: null, rated: 0 }
			]);
			expect(r.files[0].warnings).toEqual([expect.stringMatching(/^1 người trong sổ kỷ luật \(dòng 8: "Phạm Văn Dũng"\) không khớp đảng viên nào/)]);
		}
	);

	it('"Đảng ủy viên, Bí thư Chi bộ thôn 1, Đảng bộ xã Đoàn Kết": a committee seat, not a đảng bộ: the unit is Chi bộ thôn 1', async () => {
		// (no list of the year yet: the cell alone places them)
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			...UBKT,
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, đơn vị công tác', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Đảng ủy viên, Bí thư Chi bộ thôn 1, Đảng bộ xã Đoàn Kết', 'Cảnh cáo', '05/06/2024'],
			['2', 'Lê Văn Cường', '1972', 'Chi ủy viên Chi bộ thôn 1 - Đảng bộ xã Đoàn Kết', 'Khiển trách', '05/06/2024']
		])]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		expect(await db.query('select d.source_row as row, u.code as unit from discipline d left join unit u on u.id = d.unit_id order by 1')).toEqual([
			{ row: 5, unit: 'C70010101' },
			{ row: 6, unit: 'C70010101' }
		]);
	});

	it('the register loaded before the year\'s lists: its member placed only in the district is the one a chi bộ\'s list then rates', async () => {
		const { db, dir } = await dbWithRegistry();
		const kl = await ingest(db, [writeCsv(dir, 'kl.csv', [
			...UBKT,
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, đơn vị công tác', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Lê Văn Cường', '1972', 'Trưởng thôn 1, xã Đoàn Kết', 'Khiển trách', '05/07/2024']
		])]);
		expect(kl.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		const r = await ingest(db, [writeCsv(dir, 'xl1.csv', RATED)]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		// one Lê Văn Cường: the disciplined is the rated
		expect(await db.query(`select p.full_name as name, (select count(*) from rating r where r.person_id = p.id)::int as rated,
			(select count(*) from discipline d where d.person_id = p.id)::int as disciplined from person p where p.name_key = 'le van cuong'`))
			.toEqual([{ name: 'Lê Văn Cường', rated: 1, disciplined: 1 }]);
	});

	it('a namesake of the same birth year in two communes is no one found: a person of their own, told', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'xl1.csv', RATED), writeCsv(dir, 'xl3.csv', [['ĐẢNG BỘ XÃ MINH HƯNG'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Lê Văn Cường', '1972', 'HTTNV']])]);
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			...UBKT,
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, đơn vị công tác', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Lê Văn Cường', '1972', 'Trưởng thôn 1', 'Khiển trách', '05/07/2024']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await db.query(`select (select count(*) from rating r where r.person_id = d.person_id)::int as rated from discipline d`)).toEqual([{ rated: 0 }]);
		expect(r.files[0].warnings.join('\n')).toMatch(/không khớp đảng viên nào/);
	});
});

describe('organisations listed under "Họ và tên"', () => {
	it('"Chi bộ thôn 2", "Chi ủy Chi bộ thôn 1", "Ban Thường vụ Đảng ủy xã … nhiệm kỳ 2020-2025" under "Họ và tên" are the organisations disciplined, not persons', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định', 'Tự phát hiện, khắc phục'],
			['1', 'Chi bộ thôn 2', '', '', 'Khiển trách', '20/11/2024', 'x'],
			['2', 'Chi ủy Chi bộ thôn 1', '', 'Chi bộ thôn 1', 'Cảnh cáo', '20/11/2024', ''],
			['3', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Khiển trách', '05/06/2024', ''],
			['4', 'Ban Thường vụ Đảng ủy xã Đoàn Kết nhiệm kỳ 2020-2025', '', '', 'Khiển trách', '21/11/2024', '']
		])]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 4 });
		// (the chi ủy, the ban thường vụ: the leadership collective disciplined, not the organisation)
		expect(await stored(db)).toMatchObject([
			{ row: 4, type: 'unit', collective: 'party_org', name: null, unit: 'C70010102', subject_unit: 'C70010102', form: 'khien_trach', self_remedied: true },
			{ row: 5, type: 'unit', collective: 'leadership', name: null, unit: 'C70010101', subject_unit: 'C70010101', form: 'canh_cao' },
			{ row: 6, type: 'person', collective: null, name: 'Nguyễn Văn An', unit: 'C70010101', subject_unit: null },
			{ row: 7, type: 'unit', collective: 'leadership', name: null, subject_unit: 'X700101' }
		]);
		expect(await db.query('select full_name from person')).toEqual([{ full_name: 'Nguyễn Văn An' }]);
	});

	it('a district register\'s "Đảng bộ xã Minh Hưng" under "Họ và tên" is the đảng bộ disciplined', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			['HUYỆN ỦY BÙ ĐĂNG'], ['ỦY BAN KIỂM TRA'], ['SỔ THEO DÕI THI HÀNH KỶ LUẬT TỔ CHỨC ĐẢNG, ĐẢNG VIÊN'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, đơn vị công tác', 'Hình thức kỷ luật', 'Số, ngày quyết định'],
			['1', 'Đảng bộ xã Minh Hưng', '', '', 'Khiển trách', 'Số 15-QĐ/HU ngày 30/6/2024'],
			['2', 'Chi bộ Trường THCS Đoàn Kết', '', 'Đảng bộ huyện Bù Đăng', 'Khiển trách', 'Số 16-QĐ/HU ngày 30/6/2024']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toMatchObject([
			{ type: 'unit', name: null, subject_unit: 'X700102', unit: 'X700102' },
			{ type: 'unit', name: null, subject_unit: 'C70010301', unit: 'C70010301' }
		]);
		expect(await db.query('select count(*)::int as n from person')).toEqual([{ n: 0 }]);
	});
});

// 003 §5.12, 001 §V.5.4: a violation counts where it happened, often the member's previous commune
describe('a violation at a unit outside the register\'s đảng bộ', () => {
	it('is looked for in the title\'s đảng bộ first, then in the whole registry: one unit of that name is it', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			['ĐẢNG BỘ XÃ MINH HƯNG'], ['SỔ THEO DÕI THI HÀNH KỶ LUẬT ĐẢNG VIÊN'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định', 'Đơn vị xảy ra vi phạm'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Cảnh cáo', '20/11/2024', 'Chi bộ thôn 2'],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 1', 'Khiển trách', '20/11/2024', 'Chi bộ thôn 2 (Đảng bộ xã Đoàn Kết)'],
			// two "Chi bộ thôn 1" in the district: the register's own commune's
			['3', 'Lê Văn Cường', '1972', 'Chi bộ thôn 1', 'Khiển trách', '20/11/2024', 'Chi bộ thôn 1']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await db.query(`select d.source_row as row, u.code as unit, h.code as home from discipline d join unit u on u.id = d.unit_id
			join person p on p.id = d.person_id join unit h on h.id = p.home_unit_id order by 1`)).toEqual([
			{ row: 4, unit: 'C70010102', home: 'C70010201' },
			{ row: 5, unit: 'C70010102', home: 'C70010201' },
			{ row: 6, unit: 'C70010201', home: 'C70010201' }
		]);
	});

	it('a name two units of the registry bear, neither in the title\'s unit: refused, saying so', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			['CHI BỘ TRƯỜNG THCS ĐOÀN KẾT'], ['SỔ THEO DÕI THI HÀNH KỶ LUẬT ĐẢNG VIÊN'],
			['STT', 'Họ và tên', 'Năm sinh', 'Hình thức kỷ luật', 'Ngày quyết định', 'Đơn vị xảy ra vi phạm'],
			['1', 'Nguyễn Văn An', '1970', 'Cảnh cáo', '20/11/2024', 'Chi bộ thôn 1']
		])]);
		expect(r.files[0].status).toBe('refused');
		expect(r.files[0].errors?.map((e) => [e.row, e.column, e.value, e.message])).toEqual([
			[4, 'Đơn vị xảy ra vi phạm', 'Chi bộ thôn 1', expect.stringMatching(/^Tên đơn vị trùng với 2 đơn vị trong danh mục/)]
		]);
	});
});

describe('a district register with "Chi bộ | Đảng bộ" columns', () => {
	it('each chi bộ is looked for in the đảng bộ beside it ("Chi bộ thôn 1" of two communes); an organisation\'s đảng bộ likewise', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			['HUYỆN ỦY BÙ ĐĂNG'], ['ỦY BAN KIỂM TRA'], ['SỔ THEO DÕI THI HÀNH KỶ LUẬT TỔ CHỨC ĐẢNG, ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Đảng bộ', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Đảng bộ xã Minh Hưng', 'Khiển trách', '03/03/2024'],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 1', 'Xã Đoàn Kết', 'Khiển trách', '04/04/2024'],
			['3', 'Chi bộ thôn 1', '', '', 'Đảng bộ xã Minh Hưng', 'Khiển trách', '05/05/2024']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await stored(db)).toMatchObject([
			{ row: 5, type: 'person', unit: 'C70010201' },
			{ row: 6, type: 'person', unit: 'C70010101' },
			{ row: 7, type: 'unit', unit: 'C70010201', subject_unit: 'C70010201' }
		]);
	});

	it('"Tổ chức đảng, đảng viên bị kỷ luật | Đảng bộ" (no Chi bộ column): each organisation is looked for in the đảng bộ beside it, a member\'s unit is that đảng bộ; "Tự phát hiện, nhưng chưa khắc phục xong" is not remedied; "KTr" is khai trừ', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			['ỦY BAN KIỂM TRA TỈNH ỦY BÌNH PHƯỚC'], ['SỔ THEO DÕI THI HÀNH KỶ LUẬT TỔ CHỨC ĐẢNG, ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Tổ chức đảng, đảng viên bị kỷ luật', 'Đảng bộ', 'Hình thức kỷ luật', 'Tự phát hiện, khắc phục', 'Số, ngày QĐ'],
			['1', 'Chi bộ thôn 1', 'Đảng bộ xã Minh Hưng', 'Khiển trách', 'Tự phát hiện, nhưng chưa khắc phục xong hậu quả', 'Số 31-QĐ/ĐU ngày 10/6/2024'],
			['2', 'Chi bộ thôn 1', 'Xã Đoàn Kết', 'Khiển trách', 'Có (tự phát hiện, khắc phục xong hậu quả)', 'Số 32-QĐ/ĐU ngày 10/6/2024'],
			['3', 'Chi bộ thôn 2', 'Đảng bộ xã Đoàn Kết', 'Khiển trách', '', 'Số 33-QĐ/ĐU ngày 10/6/2024'],
			['4', 'Nguyễn Văn An', 'Đảng bộ xã Đoàn Kết', 'KTr', '', 'Số 34-QĐ/ĐU ngày 11/6/2024']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await stored(db)).toMatchObject([
			{ row: 4, type: 'unit', subject_unit: 'C70010201', form: 'khien_trach', self_remedied: false },
			{ row: 5, type: 'unit', subject_unit: 'C70010101', form: 'khien_trach', self_remedied: true },
			{ row: 6, type: 'unit', subject_unit: 'C70010102', form: 'khien_trach' },
			{ row: 7, type: 'person', name: 'Nguyễn Văn An', unit: 'X700101', form: 'khai_tru' }
		]);
	});

	it('the post a register gives ("Chức vụ, đơn vị công tác") is kept with the decision, where R10 reads a committee seat from it', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, đơn vị công tác', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Phó Bí thư Thường trực Đảng ủy xã Đoàn Kết', 'Cảnh cáo', '05/09/2024']
		])]);
		expect(await db.query(`select u.code as unit, d.position from discipline d join unit u on u.id = d.unit_id`)).toEqual([
			{ unit: 'X700101', position: 'Phó Bí thư Thường trực Đảng ủy xã Đoàn Kết' }
		]);
	});

	it('a row of a measure that is no discipline ("Kiểm điểm rút kinh nghiệm", "Nhắc nhở"), without a decision date: not stored, said; the register loads', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Số, ngày QĐ'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Khiển trách', 'Số 15-QĐ/UBKT ngày 03/4/2024'],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 2', 'Kiểm điểm rút kinh nghiệm', ''],
			['3', 'Lê Văn Cường', '1972', 'Chi bộ thôn 2', 'Nhắc nhở', '']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsRead: 3, rowsStored: 1 });
		expect(r.files[0].warnings).toContain('2 dòng không phải quyết định kỷ luật đảng (dòng 5: "Kiểm điểm rút kinh nghiệm", dòng 6: "Nhắc nhở"): không lưu, không tính khi kiểm tra.');
		expect(await stored(db)).toMatchObject([{ row: 4, name: 'Nguyễn Văn An', form: 'khien_trach' }]);
	});

	it('"Xóa tên" (a member struck off the roll) is no discipline either: not stored, said so, not as a form unread', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Nội dung vi phạm', 'Hình thức kỷ luật', 'Số QĐ, ngày', 'Ghi chú'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Vi phạm đất đai', 'Khiển trách', 'Số 15-QĐ/UBKT ngày 03/4/2024', ''],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 2', 'Bỏ sinh hoạt đảng 3 tháng không lý do', 'Xóa tên', 'Số 20-QĐ/ĐU ngày 05/08/2024', 'Xóa tên khỏi danh sách đảng viên'],
			['3', 'Lê Văn Cường', '1972', 'Chi bộ thôn 2', 'Không đóng đảng phí', 'Xóa tên khỏi danh sách đảng viên', '', '']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsRead: 3, rowsStored: 1 });
		expect(r.files[0].warnings).toContain('2 dòng không phải quyết định kỷ luật đảng (dòng 5: "Xóa tên", dòng 6: "Xóa tên khỏi danh sách đảng viên"): không lưu, không tính khi kiểm tra.');
		expect(r.files[0].warnings.join(' ')).not.toMatch(/không nhận ra/);
		expect(await stored(db)).toMatchObject([{ row: 4, name: 'Nguyễn Văn An', form: 'khien_trach' }]);
	});

	it('beside "Hình thức kỷ luật Đảng", a "Hình thức kỷ luật chính quyền, đoàn thể" column is not the form but the State\'s; a row with only that is no Party discipline', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật Đảng', 'Hình thức kỷ luật chính quyền, đoàn thể', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Khiển trách', '', '08/08/2024'],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 2', '', 'Cảnh cáo', '09/08/2024'],
			['3', 'Lê Văn Cường', '1972', 'Chi bộ thôn 2', 'Cảnh cáo', 'Cách chức', '10/08/2024']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect(await stored(db)).toMatchObject([
			{ row: 4, form: 'khien_trach', state_form: null },
			{ row: 5, form: 'none', state_form: 'canh_cao' },
			{ row: 6, form: 'canh_cao', state_form: 'cach_chuc' }
		]);
	});

	it('a province\'s register with no birth dates and no party unit, its "Chức vụ, đơn vị công tác" naming the commune ("Phó Trưởng thôn 1 xã Đoàn Kết"): the member of that name there', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'xl.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Xếp loại'], ['1', 'Đỗ Thị Hoa', '1980', 'HTTNV'], ['2', 'Bùi Văn Nam', '1982', 'HTTNV']])]);
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			['ỦY BAN KIỂM TRA TỈNH ỦY BÌNH PHƯỚC'], ['SỔ THEO DÕI THI HÀNH KỶ LUẬT NĂM 2024'],
			['STT', 'Họ và tên', 'Chức vụ, đơn vị công tác', 'Hình thức kỷ luật', 'Số, ngày QĐ'],
			['1', 'Đỗ Thị Hoa', 'Phó Trưởng thôn 1 xã Đoàn Kết', 'Khiển trách', 'Số QĐ 21-QĐ/UBKT ngày 05/5/2024'],
			['2', 'Bùi Văn Nam', 'Công chức Địa chính, UBND xã Đoàn Kết', 'Cảnh cáo', 'Số QĐ 22-QĐ/UBKT ngày 06/5/2024']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect((await db.one<{ n: number }>('select count(*)::int as n from person'))!.n).toBe(2);
		expect(await db.query(`select d.source_row as row, count(r.id)::int as rated from discipline d join rating r on r.person_id = d.person_id group by 1 order by 1`)).toEqual([
			{ row: 4, rated: 1 },
			{ row: 5, rated: 1 }
		]);
	});

	it('"Tổ chức đảng/đảng viên" holds organisations and members', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			...TITLE,
			['STT', 'Tổ chức đảng/đảng viên', 'Năm sinh', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Chi bộ thôn 2', '', 'Khiển trách', '05/05/2024'],
			['2', 'Trần Thị Bình', '1971', 'Cảnh cáo', '06/05/2024']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toMatchObject([
			{ row: 4, type: 'unit', subject_unit: 'C70010102' },
			{ row: 5, type: 'person', name: 'Trần Thị Bình', unit: 'X700101' }
		]);
	});

	it('an organisation under "Họ và tên" with its đảng bộ in "Chức vụ, đơn vị công tác": looked for in that đảng bộ', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			['HUYỆN ỦY BÙ ĐĂNG'], ['ỦY BAN KIỂM TRA'], ['SỔ THEO DÕI THI HÀNH KỶ LUẬT TỔ CHỨC ĐẢNG, ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ, đơn vị công tác', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Chi bộ thôn 1', '', 'Đảng bộ xã Minh Hưng', 'Khiển trách', '05/05/2024']
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 1 });
		expect(await stored(db)).toMatchObject([{ type: 'unit', unit: 'C70010201', subject_unit: 'C70010201' }]);
	});
});

describe('a register sent again', () => {
	const HEAD = ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định'];
	const FIRST = [
		['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Khiển trách', '05/06/2024'],
		['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 1', 'Cảnh cáo', '10/01/2024'],
		['3', 'Lê Văn Cường', '1972', 'Chi bộ thôn 2', 'Khiển trách', '20/03/2024']
	];
	// Bình's decision was of 2023 (10/01/2024 typed for 10/01/2023), Cường listed by mistake
	const FIXED = [FIRST[0], ['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 1', 'Cảnh cáo', '10/01/2023']];
	const current = (db: Db) =>
		db.query(`select p.full_name as name, strftime(d.decided_on, '%d/%m/%Y') as decided_on from discipline d join person p on p.id = d.person_id
			where d.superseded_by is null order by d.decided_on, p.full_name`);

	it('a corrected register (title "(Bản sửa, thay thế bản đã gửi)", or "bản sửa" in its file name) replaces the first for its units and year; the first stays, marked', async () => {
		for (const [name, line] of [['kl2.csv', ['(Bản sửa, thay thế bản đã gửi)']], ['kl (bản sửa).csv', []]] as Array<[string, string[]]>) {
			const { db, dir } = await dbWithRegistry();
			expect((await ingest(db, [writeCsv(dir, 'kl.csv', [...TITLE, HEAD, ...FIRST])])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
			const r = await ingest(db, [writeCsv(dir, name, [...TITLE, ...(line.length ? [line] : []), HEAD, ...FIXED])]);
			expect(r.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
			expect(await current(db)).toEqual([{ name: 'Trần Thị Bình', decided_on: '10/01/2023' }, { name: 'Nguyễn Văn An', decided_on: '05/06/2024' }]);
			expect((await db.one<{ n: number }>('select count(*)::int as n from discipline where superseded_by is not null'))!.n).toBe(3);
		}
	});

	it('a commune’s corrected register leaves the district’s register alone, and one naming no unit replaces nothing', async () => {
		const { db, dir } = await dbWithRegistry();
		// the district's inspection committee disciplined a member of Đoàn Kết's chi bộ; the commune's own register
		await ingest(db, [writeCsv(dir, 'huyen.csv', [['ỦY BAN KIỂM TRA HUYỆN ỦY BÙ ĐĂNG'], ['SỔ THEO DÕI KỶ LUẬT NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Đảng bộ', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Phạm Văn Huyện', '1965', 'Chi bộ thôn 2', 'Đảng bộ xã Đoàn Kết', 'Cảnh cáo', '01/08/2024'], ['2', 'Võ Văn Minh', '1966', 'Chi bộ thôn 1', 'Đảng bộ xã Minh Hưng', 'Khiển trách', '02/08/2024']])]);
		await ingest(db, [writeCsv(dir, 'kl.csv', [...TITLE, HEAD, ...FIRST])]);
		const r = await ingest(db, [writeCsv(dir, 'kl2.csv', [...TITLE, ['(BẢN SỬA)'], HEAD, ...FIXED])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', warnings: [] });
		expect((await current(db)).map((x) => x.name)).toEqual(['Trần Thị Bình', 'Nguyễn Văn An', 'Phạm Văn Huyện', 'Võ Văn Minh']);
		// no unit in the title: the register's reach is unknown, nothing is replaced
		const none = await ingest(db, [writeCsv(dir, 'kl3 (bản sửa).csv', [['SỔ THEO DÕI KỶ LUẬT NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Đảng bộ', 'Hình thức kỷ luật', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Đảng bộ xã Đoàn Kết', 'Khiển trách', '05/06/2024']])]);
		expect(none.files[0].status).toBe('loaded');
		expect((await current(db)).map((x) => x.name)).toEqual(['Trần Thị Bình', 'Nguyễn Văn An', 'Phạm Văn Huyện', 'Võ Văn Minh']);
	});

	it('a register not saying so adds its decisions; those stored already are told, not stored twice', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [writeCsv(dir, 'kl.csv', [...TITLE, HEAD, ...FIRST])]);
		const r = await ingest(db, [writeCsv(dir, 'kl2.csv', [...TITLE, HEAD, ...FIXED])]);
		expect(r.files[0].warnings).toEqual([expect.stringMatching(/^1 dòng \(dòng 4\) trùng quyết định kỷ luật đã lưu/)]);
		expect(await current(db)).toEqual([
			{ name: 'Trần Thị Bình', decided_on: '10/01/2023' }, { name: 'Trần Thị Bình', decided_on: '10/01/2024' },
			{ name: 'Lê Văn Cường', decided_on: '20/03/2024' }, { name: 'Nguyễn Văn An', decided_on: '05/06/2024' }
		]);
	});
});

describe('a decision date written only in the form cell', () => {
	it('"Cảnh cáo - QĐ số 12-QĐ/UBKT ngày 3/4/2024" with the date cell blank: dated 03/04/2024; a date cell still wins, and no date anywhere is refused', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định'];
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [...TITLE, head,
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Cảnh cáo - QĐ số 12-QĐ/UBKT ngày 3/4/2024', ''],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 1', 'Khiển trách (QĐ số 15-QĐ/UBKT ngày 20/5/2024)', '21/05/2024'],
			['3', 'Hoàng Văn Em', '1974', 'Chi bộ thôn 1', 'Khiển trách (QĐ số 16-QĐ/UBKT ngày 22/5/2024 của UBKT Đảng ủy)', '']])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		expect((await stored(db)).map((x) => [x.name, x.decided_on, x.form])).toEqual([
			['Nguyễn Văn An', '03/04/2024', 'canh_cao'],
			['Trần Thị Bình', '21/05/2024', 'khien_trach'],
			['Hoàng Văn Em', '22/05/2024', 'khien_trach']
		]);
		const none = await ingest(db, [writeCsv(dir, 'kl2.csv', [...TITLE, head, ['1', 'Lê Văn Cường', '1972', 'Chi bộ thôn 1', 'Cảnh cáo - QĐ số 12-QĐ/UBKT', '']])]);
		expect(none.files[0].errors).toMatchObject([{ row: 4, column: 'Ngày quyết định', message: expect.stringMatching(/^Thiếu hoặc sai ngày quyết định kỷ luật/) }]);
	});
});

// a commune committee's civil-servant list (no party unit: its people placed by the agency)
const csList = (dir: string, year: number) => writeCsv(dir, 'cc.csv', [
	['UBND XÃ BÙ ĐĂNG'], [`KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI CÁN BỘ, CÔNG CHỨC NĂM ${year}`],
	['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ', 'Điểm', 'Xếp loại', 'Ngày xếp loại'],
	['1', 'Nguyễn Văn An', '12/05/1970', 'Công chức Địa chính', '80', 'HTTNV', `10/12/${year}`],
	['2', 'Trần Thị Bình', '03/02/1985', 'Công chức Văn phòng - Thống kê', '78', 'HTTNV', `10/12/${year}`],
	['3', 'Lê Văn Cường', '01/01/1980', 'Công chức Tư pháp', '75', 'HTNV', `10/12/${year}`]
]);

describe('the State\'s discipline of a civil servant (NĐ 335 from 2026: disciplined, reprimand or above, in the year → incomplete)', () => {
	// the commune committee's list, then the đảng bộ's register with the Party's and the State's forms
	async function load(year: number) {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [csList(dir, year)]);
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [
			['ĐẢNG BỘ XÃ BÙ ĐĂNG'], [`DANH SÁCH ĐẢNG VIÊN BỊ KỶ LUẬT NĂM ${year}`],
			['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ, đơn vị công tác', 'Hình thức kỷ luật đảng', 'Hình thức kỷ luật chính quyền', 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '12/05/1970', 'Công chức Địa chính UBND xã Bù Đăng', '', 'Khiển trách', `20/06/${year}`],
			['2', 'Trần Thị Bình', '03/02/1985', 'Công chức Văn phòng UBND xã Bù Đăng', 'Khiển trách', 'Không', `15/07/${year}`],
			['3', 'Lê Văn Cường', '01/01/1980', 'Công chức Tư pháp UBND xã Bù Đăng', '', 'Hạ bậc lương', `01/08/${year}`]
		])]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		return (await runAudit(db, { year, rules: ['disciplined_not_incomplete'], signals: false })).findings.filter((f) => f.subject_kind === 'civil_servant');
	}

	it('2026 (nd335): the State\'s reprimand, its only discipline, makes HTTNV a finding, citing the register\'s row; a Party reprimand alone (no duty violation said) does not; HTNV after "Hạ bậc lương" is one too', async () => {
		const fs = await load(2026);
		expect(fs.map((f) => [f.rule, f.rulebook, f.subject_name, f.source_row, f.status]).sort()).toEqual([
			['disciplined_not_incomplete', 'nd335', 'Lê Văn Cường', 6, 'flagged'],
			['disciplined_not_incomplete', 'nd335', 'Nguyễn Văn An', 4, 'flagged']
		]);
		const an = fs.find((f) => f.subject_name === 'Nguyễn Văn An')!;
		expect(an.message).toMatch(/bị kỷ luật chính quyền khiển trách ngày 20\/06\/2026, nhưng được xếp loại HTTNV \(tối đa KHTNV\)/);
		expect(an.sources).toContainEqual({ file: 'kl.csv', row: 4 });
	});

	it('2025 (nd90, which RULES.md gives no such rule): nothing', async () => {
		expect(await load(2025)).toEqual([]);
	});
});

describe('a State body\'s own register of its civil servants: letterhead "ỦY BAN NHÂN DÂN / XÃ BÙ ĐĂNG", no party unit, no unit column', () => {
	const HEAD = ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ, đơn vị công tác', 'Hình thức kỷ luật', 'Số, ngày quyết định', 'Ghi chú'];
	const ROWS = [
		['1', 'Nguyễn Văn An', '12/05/1970', 'Công chức Địa chính - Xây dựng', 'Khiển trách', 'Số 45/QĐ-UBND ngày 20/06/2026', 'Vi phạm trong thực thi công vụ'],
		['2', 'Lê Văn Cường', '01/01/1980', 'Công chức Tư pháp - Hộ tịch', 'Hạ bậc lương', 'Số 78/QĐ-UBND ngày 01/08/2026', '']
	];
	const LETTERHEAD = [['ỦY BAN NHÂN DÂN', '', '', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['XÃ BÙ ĐĂNG', '', '', 'Độc lập - Tự do - Hạnh phúc'], []];

	it('each row is placed where the agency\'s civil-servant list is (the commune\'s đảng bộ), as the person that list rated: loaded, not refused for want of a unit column', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [csList(dir, 2026)]);
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [...LETTERHEAD, ['DANH SÁCH CÁN BỘ, CÔNG CHỨC BỊ XỬ LÝ KỶ LUẬT NĂM 2026'], HEAD, ...ROWS])]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2, errors: [] });
		expect(await stored(db)).toMatchObject([{ row: 6, name: 'Nguyễn Văn An', unit: 'X700199' }, { row: 7, name: 'Lê Văn Cường', unit: 'X700199' }]);
		// (the civil-servant list's people, not new ones)
		expect(await db.query(`select count(*)::int as n from discipline d join rating r on r.person_id = d.person_id and r.subject_kind = 'civil_servant'`)).toEqual([{ n: 2 }]);
	});

	// Its one "Hình thức kỷ luật" column holds the State's forms, as the file says: by its agency
	// letterhead, a title naming công chức, or a State body's decision numbers ("78/QĐ-UBND", here
	// in the form cell with its date); a Party letterhead or a Party body's numbers ("12-QĐ/ĐU",
	// "05/QĐ-UBKT") keep them the Party's. (--unit: the commune's, for the files naming none.)
	const plain = ROWS.map((r) => [...r.slice(0, 5), r[5].replace(/^.* ngày /, ''), r[6]]);
	const numbered = (a: string, b: string) => [[...ROWS[0].slice(0, 5), `Số ${a} ngày 20/06/2026`, ''], [...ROWS[1].slice(0, 4), `Hạ bậc lương (QĐ số ${b} ngày 01/08/2026)`, '', '']];
	const HEAD_DATE = HEAD.map((h) => (h.startsWith('Số') ? 'Ngày quyết định' : h));
	it.each([
		// (a note citing the Party's decision besides is no Party register's)
		['the agency\'s letterhead', 'State', [...LETTERHEAD, ['DANH SÁCH KỶ LUẬT NĂM 2026'], HEAD_DATE, plain[0], [...plain[1].slice(0, 6), 'Đồng thời bị kỷ luật về Đảng theo QĐ số 12-QĐ/UBKT']]],
		['a title naming công chức', 'State', [['DANH SÁCH CÔNG CHỨC BỊ XỬ LÝ KỶ LUẬT NĂM 2026'], HEAD_DATE, ...plain]],
		['a State body\'s numbers', 'State', [['SỔ THEO DÕI KỶ LUẬT NĂM 2026'], HEAD, ...numbered('45/QĐ-UBND', '78/QĐ-UBND')]],
		['a Party letterhead', 'Party', [['ĐẢNG ỦY XÃ BÙ ĐĂNG'], ['DANH SÁCH CÁN BỘ, CÔNG CHỨC BỊ KỶ LUẬT NĂM 2026'], HEAD_DATE, ...plain]],
		['a Party body\'s numbers', 'Party', [['SỔ THEO DÕI KỶ LUẬT NĂM 2026'], HEAD, ...numbered('12-QĐ/ĐU', '05/QĐ-UBKT')]]
	])('%s: the %s\'s forms', async (_, side, rows) => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [csList(dir, 2026)]);
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', rows as string[][])], { unit: 'X700199' });
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		const cs = (await runAudit(db, { year: 2026, rules: ['disciplined_not_incomplete'], signals: false })).findings.filter((f) => f.subject_kind === 'civil_servant');
		if (side === 'State') {
			// (R2 on the civil-servant ratings, nd335; none on a member rating: no Party form)
			expect((await stored(db)).map((x) => [x.name, x.form, x.state_form, x.decided_on])).toEqual([
				['Nguyễn Văn An', 'none', 'khien_trach', '20/06/2026'], ['Lê Văn Cường', 'none', 'ha_bac_luong', '01/08/2026']
			]);
			expect(r.files[0].warnings).toEqual([]);
			expect(cs.map((f) => [f.rulebook, f.subject_name, f.status]).sort()).toEqual([['nd335', 'Lê Văn Cường', 'flagged'], ['nd335', 'Nguyễn Văn An', 'flagged']]);
		} else {
			expect((await stored(db)).map((x) => [x.name, x.form, x.state_form])).toEqual([['Nguyễn Văn An', 'khien_trach', null], ['Lê Văn Cường', 'other', null]]);
			expect(cs).toEqual([]);
		}
	});
});

describe('a Party register whose rows name chi bộ, with no Party letterhead: the title or the motto does not make it the State\'s', () => {
	const HEAD = ['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Ngày quyết định'];
	const ROWS = [['1', 'Nguyễn Văn An', '1970', 'Chi bộ Trường THCS Đoàn Kết', 'Khiển trách', '05/06/2024'], ['2', 'Lê Văn Cường', '1975', 'Chi bộ thôn 2', 'Cảnh cáo', '10/08/2024']];
	it.each([
		['a title naming cán bộ', [['DANH SÁCH CÁN BỘ BỊ KỶ LUẬT NĂM 2024']]],
		// (a chi bộ clerk heading it with the State's motto)
		['the State\'s motto', [['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['Độc lập - Tự do - Hạnh phúc'], ['SỔ THEO DÕI KỶ LUẬT NĂM 2024']]]
	])('%s: the Party\'s forms (R2 reads them)', async (_, title) => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [...(title as string[][]), HEAD, ...ROWS])]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		expect((await stored(db)).map((x) => [x.name, x.form, x.state_form])).toEqual([['Nguyễn Văn An', 'khien_trach', null], ['Lê Văn Cường', 'canh_cao', null]]);
	});
});

describe('a decision\'s number and date in one column, headed as UBKT registers head it', () => {
	const HEADS = ['Số QĐ, ngày', 'Số QĐ, ngày ký', 'Số quyết định, ngày', 'Số QĐ/ngày QĐ', 'Số QĐ - ngày QĐ', 'Số, ký hiệu, ngày QĐ', 'Số hiệu, ngày ban hành QĐ', 'Quyết định kỷ luật'];
	it(`${HEADS.map((h) => `"${h}"`).join(', ')} holding "Số 15-QĐ/UBKT ngày 20/12/2024": the decision date`, async () => {
		const { db, dir } = await dbWithRegistry();
		const files = HEADS.map((h, k) => writeCsv(dir, `kl${k}.csv`, [['ỦY BAN KIỂM TRA ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['DANH SÁCH ĐẢNG VIÊN BỊ THI HÀNH KỶ LUẬT NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Nội dung vi phạm', 'Hình thức kỷ luật', h, 'Cấp quyết định'],
			['1', `Nguyễn Văn Số${k}`, '1970', 'Chi bộ thôn 1', 'Vi phạm đất đai', 'Cảnh cáo', `Số ${15 + k}-QĐ/UBKT ngày ${10 + k}/12/2024`, 'UBKT Đảng ủy xã Đoàn Kết']]));
		const r = await ingest(db, files);
		expect(r.files.map((f) => [f.kind, f.status, f.errorCount])).toEqual(HEADS.map(() => ['discipline', 'loaded', 0]));
		expect((await stored(db)).map((x) => [x.name, x.decided_on])).toEqual(expect.arrayContaining(HEADS.map((_, k) => [`Nguyễn Văn Số${k}`, `${10 + k}/12/2024`])));
	});

	it('a register with no decision date anywhere (its "Quyết định kỷ luật" holds only numbers): refused once, saying the file lacks the column, not row by row under a column it does not have', async () => {
		const { db, dir } = await dbWithRegistry();
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [...TITLE,
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Hình thức kỷ luật', 'Quyết định kỷ luật'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Cảnh cáo', 'Số 15-QĐ/UBKT'],
			['2', 'Trần Thị Bình', '1971', 'Chi bộ thôn 2', 'Khiển trách', 'Số 16-QĐ/UBKT']])]);
		expect(r.files[0]).toMatchObject({ status: 'refused', errorCount: 2 });
		expect(r.files[0].errors).toEqual([{ file: 'kl.csv', row: 0, column: '', value: '', message: expect.stringMatching(/^Sổ kỷ luật không có cột ngày quyết định .*: 2 dòng \(dòng 4, 5\) không có ngày quyết định/) }]);
	});
});

describe('a register whose form column names the Party\'s side ("Kỷ luật Đảng" beside "Kỷ luật về chính quyền")', () => {
	// the chi bộ's roster, loaded first: a register read as a roster would replace it
	const roster = (dir: string) => writeCsv(dir, 'ds.csv', [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
		['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng', 'Tình trạng'],
		['1', 'Nguyễn Văn An', '1970', '12/05/1995', 'Chính thức'], ['2', 'Trần Thị Bình', '1971', '03/02/1998', 'Chính thức'], ['3', 'Lê Văn Cường', '1972', '19/05/2001', 'Chính thức']]);
	const members = (db: Db) => db.query(`select count(*)::int as n from membership_current m join unit u on u.id = m.unit_id where u.code = 'C70010101'`);

	it.each([
		[['Kỷ luật Đảng']], [['Kỷ luật về Đảng', 'Kỷ luật về chính quyền']], [['Kỷ luật đảng viên']], [['KL Đảng', 'KL chính quyền']]
	])('%j: the Party\'s form, the State\'s not; the chi bộ\'s roster stays', async (heads) => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [roster(dir)]);
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [['ỦY BAN KIỂM TRA ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['SỔ THEO DÕI KỶ LUẬT NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Nội dung vi phạm', ...heads, 'Ngày quyết định'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Vi phạm đất đai', 'Cảnh cáo', ...heads.slice(1).map(() => 'Cách chức'), '20/12/2024'],
			['2', 'Chi bộ thôn 2', '', 'Chi bộ thôn 2', 'Buông lỏng lãnh đạo', 'Khiển trách', ...heads.slice(1).map(() => ''), '10/10/2024']])]);
		expect(r.files[0]).toMatchObject({ kind: 'discipline', status: 'loaded', rowsStored: 2 });
		expect(await stored(db)).toMatchObject([
			{ row: 4, type: 'person', name: 'Nguyễn Văn An', unit: 'C70010101', form: 'canh_cao' },
			{ row: 5, type: 'unit', subject_unit: 'C70010102', form: 'khien_trach' }
		]);
		expect(await members(db)).toEqual([{ n: 3 }]);
	});

	it('a register titled so whose form column no rule reads ("Biện pháp xử lý"): refused, saying why, not loaded as a roster over the chi bộ\'s', async () => {
		const { db, dir } = await dbWithRegistry();
		await ingest(db, [roster(dir)]);
		const r = await ingest(db, [writeCsv(dir, 'kl.csv', [['ĐẢNG ỦY XÃ ĐOÀN KẾT'], ['DANH SÁCH ĐẢNG VIÊN BỊ THI HÀNH KỶ LUẬT NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Chi bộ', 'Biện pháp xử lý'],
			['1', 'Nguyễn Văn An', '1970', 'Chi bộ thôn 1', 'Cảnh cáo']])]);
		expect(r.files[0]).toMatchObject({ status: 'refused', message: expect.stringMatching(/Tiêu đề "DANH SÁCH ĐẢNG VIÊN BỊ THI HÀNH KỶ LUẬT NĂM 2024" là danh sách kỷ luật, nhưng không có cột nào đọc được là hình thức kỷ luật/) });
		expect(await members(db)).toEqual([{ n: 3 }]);
	});
});
