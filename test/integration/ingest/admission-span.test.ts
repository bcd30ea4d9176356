// An admission a list gives by its year or month only ("Năm vào Đảng: 2024", "07/2024") is a span
// of days, not its first day (schema 010). R4 owes a rating only of members admitted six months
// before the round (001 §V.4: đảng viên mới kết nạp chưa đủ 6 tháng không xếp loại): it reads the
// span's last day. R7 flags a member rated too soon after admission: it reads the first. Neither
// flags a chi bộ on a day its list never wrote.
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1']];

/** Each person's admission as stored: its first and last possible day. */
const admissions = (db: Awaited<ReturnType<typeof dbWithRegistry>>['db'], order: 'id' | 'full_name') =>
	db.query(`select full_name as name, strftime(joined_party_on, '%d/%m/%Y') as on_, strftime(joined_party_by, '%d/%m/%Y') as by_ from person order by ${order}`);

describe('an admission known by its year or month', () => {
	it('R4 owes a rating only when the span\'s last day is six months before the round', async () => {
		const { db, dir } = await dbWithRegistry();
		const roster = writeCsv(dir, 'ds-2024.csv', [...TITLE, ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Năm vào Đảng', 'Tình trạng'],
			// admitted some day of 2024: perhaps after 30/06, so not owed a 2024 rating
			['1', 'Nguyễn Văn An', '1990', '2024', 'Dự bị'],
			// admitted in 2023: by 31/12/2023 at the latest, six months passed by 30/06/2024
			['2', 'Trần Thị Bình', '1991', '2023', 'Chính thức'],
			// June 2024: by 30/06/2024, six months later is 31/12/2024, the round's last day: owed
			['3', 'Lê Văn Cường', '1992', '06/2024', 'Dự bị'],
			// July 2024: perhaps 31/07, six months later is 31/01/2025: not owed
			['4', 'Phạm Thị Dung', '1993', '07/2024', 'Dự bị']]);
		const r = await ingest(db, [roster]);
		expect(r.files[0]).toMatchObject({ kind: 'roster', status: 'loaded', rowsStored: 4 });
		expect(await admissions(db, 'full_name')).toEqual([
			{ name: 'Lê Văn Cường', on_: '01/06/2024', by_: '30/06/2024' },
			{ name: 'Nguyễn Văn An', on_: '01/01/2024', by_: '31/12/2024' },
			{ name: 'Phạm Thị Dung', on_: '01/07/2024', by_: '31/07/2024' },
			{ name: 'Trần Thị Bình', on_: '01/01/2023', by_: '31/12/2023' }
		]);

		const run = await runAudit(db, { year: 2024, rules: ['missing_review'], signals: false });
		const owed = run.findings.filter((f) => f.status === 'flagged' && (f.evidence as { check?: string }).check === 'roster_member_not_rated');
		expect(owed.map((f) => f.subject_name).sort()).toEqual(['Lê Văn Cường', 'Trần Thị Bình']);
	});

	it('a later list giving the full date within the span replaces it; one outside it does not', async () => {
		const { db, dir } = await dbWithRegistry();
		const head = ['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng', 'Tình trạng'];
		const roster = writeCsv(dir, 'ds-2024.csv', [...TITLE, ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], head,
			['1', 'Nguyễn Văn An', '1990', '2024', 'Dự bị'], ['2', 'Trần Thị Bình', '1991', '2023', 'Chính thức']]);
		const rating = writeCsv(dir, 'xl-2024.csv', [...TITLE, ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng', 'Xếp loại'],
			['1', 'Nguyễn Văn An', '1990', '15/03/2024', 'Hoàn thành tốt nhiệm vụ'],
			// contradicts the roster's year: the first stays
			['2', 'Trần Thị Bình', '1991', '20/05/2022', 'Hoàn thành tốt nhiệm vụ']]);
		const r = await ingest(db, [roster, rating]);
		expect(r.files.map((f) => f.status)).toEqual(['loaded', 'loaded']);
		expect(await admissions(db, 'full_name')).toEqual([
			{ name: 'Nguyễn Văn An', on_: '15/03/2024', by_: '15/03/2024' },
			{ name: 'Trần Thị Bình', on_: '01/01/2023', by_: '31/12/2023' }
		]);
	});

	it('R7 counts from the span\'s first day and says the month as the list gave it', async () => {
		const { db, dir } = await dbWithRegistry();
		const rating = writeCsv(dir, 'xl-2024.csv', [...TITLE, ['KẾT QUẢ XẾP LOẠI ĐẢNG VIÊN NĂM 2024'],
			['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng', 'Xếp loại', 'Ngày quyết định'],
			// 01/07/2024 at the earliest: six months later is 01/01/2025, after the decision
			['1', 'Nguyễn Văn An', '1990', '07/2024', 'Hoàn thành tốt nhiệm vụ', '10/12/2024'],
			// some day of 2024, perhaps 01/01: not flagged
			['2', 'Trần Thị Bình', '1991', '2024', 'Hoàn thành tốt nhiệm vụ', '10/12/2024']]);
		const r = await ingest(db, [rating]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		const run = await runAudit(db, { year: 2024, rules: ['rated_too_early'], signals: false });
		const flagged = run.findings.filter((f) => f.status === 'flagged');
		expect(flagged.map((f) => f.subject_name)).toEqual(['Nguyễn Văn An']);
		expect(flagged[0].message).toContain('kết nạp tháng 07/2024, chưa đủ 6 tháng');
	});

	it('an XLSX date cell whose format shows no day ("06/2024" typed, Excel showing mm/yyyy or mmm-yy; a year as yyyy) is that month or year', async () => {
		const { db, dir } = await dbWithRegistry();
		const wb = new ExcelJS.Workbook();
		const ws = wb.addWorksheet('DS');
		ws.addRows([['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐẢNG VIÊN NĂM 2024'], ['STT', 'Họ và tên', 'Năm sinh', 'Ngày vào Đảng', 'Tình trạng']]);
		const rows: Array<[string, string]> = [['Ngô Văn Ba', 'mm/yyyy'], ['Đỗ Thị Bốn', 'mmm-yy'], ['Lý Văn Năm', 'yyyy'], ['Hồ Thị Sáu', 'dd/mm/yyyy']];
		rows.forEach(([name, fmt], i) => {
			const row = ws.addRow([String(i + 1), name, 1990 + i, new Date(Date.UTC(2024, 5, 1)), 'Dự bị']);
			row.getCell(4).numFmt = fmt;
		});
		const path = join(dir, 'ds.xlsx');
		await wb.xlsx.writeFile(path);
		const r = await ingest(db, [path]);
		expect(r.files[0]).toMatchObject({ status: 'loaded', rowsStored: 4 });
		expect(await admissions(db, 'id')).toEqual([
			{ name: 'Ngô Văn Ba', on_: '01/06/2024', by_: '30/06/2024' },
			{ name: 'Đỗ Thị Bốn', on_: '01/06/2024', by_: '30/06/2024' },
			{ name: 'Lý Văn Năm', on_: '01/01/2024', by_: '31/12/2024' },
			{ name: 'Hồ Thị Sáu', on_: '01/06/2024', by_: '01/06/2024' }
		]);
	});
});
