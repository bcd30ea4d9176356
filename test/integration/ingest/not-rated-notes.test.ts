// A member's Ghi chú beside a bare "Không xếp loại" is the not-rated reason only when it says why (an
// admission date or a post is no reason); a reason that states the admission is judged by that date.
import { describe, expect, it } from 'vitest';
import { runAudit } from '../../../src/lib/server/rules/runner';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const TITLE = [['ĐẢNG BỘ XÃ ĐOÀN KẾT'], ['CHI BỘ THÔN 1'], ['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024']];

describe('"Không xếp loại" with a note that is no reason, or a reason stating the admission', () => {
	it('"Kết nạp ngày 10/3/2024" (9 months before 31/12) and "Kết nạp năm 2015": R4 still owes both a rating', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Đảng ủy quyết định', 'Ghi chú'],
			['1', 'Nguyễn Văn An', '1970', 'HTTNV', ''],
			['2', 'Trần Văn Bảo', '1990', 'Không xếp loại', 'Kết nạp ngày 10/3/2024'],
			['3', 'Lê Văn Cường', '1985', 'Không xếp loại', 'Kết nạp năm 2015']]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 3 });
		const run = await runAudit(db, { year: 2024, rules: ['missing_review'], signals: false });
		const owed = run.findings.filter((x) => (x.evidence as { check?: string }).check === 'listed_member_not_rated').map((x) => x.subject_name).sort();
		expect(owed).toEqual(['Lê Văn Cường', 'Trần Văn Bảo']);
	});

	it('"Bí thư chi bộ" in Ghi chú is a post, not the reason R4 quotes', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Đảng ủy quyết định', 'Ghi chú'],
			['1', 'Nguyễn Văn An', '1970', 'HTTNV', ''],
			['2', 'Trần Văn Bảo', '1975', 'Không xếp loại', 'Bí thư chi bộ']]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 2 });
		const run = await runAudit(db, { year: 2024, rules: ['missing_review'], signals: false });
		const msgs = run.findings.filter((x) => (x.evidence as { check?: string }).check === 'listed_member_not_rated').map((x) => x.message);
		expect(msgs).toHaveLength(1);
		expect(msgs[0]).not.toMatch(/lý do ghi: "Bí thư chi bộ"/);
	});

	it('a reason column stating the admission ("Kết nạp ngày 10/3/2024", "Kết nạp năm 2015", "Mới kết nạp ngày 15/9/2024", "Kết nạp tháng 3 năm 2024"), no date elsewhere: judged by it', async () => {
		const { db, dir } = await dbWithRegistry();
		const f = writeCsv(dir, 'xl.csv', [...TITLE, ['STT', 'Họ và tên', 'Năm sinh', 'Đảng ủy quyết định', 'Lý do không xếp loại'],
			['1', 'Nguyễn Văn An', '1970', 'HTTNV', ''],
			['2', 'Trần Văn Bảo', '1990', '', 'Kết nạp ngày 10/3/2024'],
			['3', 'Lê Văn Cường', '1985', '', 'Kết nạp năm 2015'],
			['4', 'Phạm Thị Dung', '1999', '', 'Mới kết nạp ngày 15/9/2024, chưa đủ 6 tháng'],
			['5', 'Hoàng Văn Em', '2000', '', 'Mới kết nạp'],
			// the date in words: March (by its last day) + 6 months is 30/9, owed; 10/9 + 6 months is 10/3/2025, new
			['6', 'Vũ Thị Giang', '1998', '', 'Kết nạp tháng 3 năm 2024'],
			['7', 'Đỗ Văn Hải', '1997', '', 'Kết nạp ngày 10 tháng 9 năm 2024, chưa đủ 6 tháng']]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ status: 'loaded', rowsStored: 7 });
		const run = await runAudit(db, { year: 2024, rules: ['missing_review'], signals: false });
		const owed = run.findings.filter((x) => (x.evidence as { check?: string }).check === 'listed_member_not_rated').map((x) => x.subject_name).sort();
		expect(owed).toEqual(['Lê Văn Cường', 'Trần Văn Bảo', 'Vũ Thị Giang']);
	});
});
