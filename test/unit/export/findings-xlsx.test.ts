// The findings workbook read back with exceljs, as the office opens it: a "Tổng hợp" sheet of every
// finding the filter shows, then one signable list per deciding body (violations only) with its
// letterhead, date line in Vietnam time, title, request to annul and redo, Nơi nhận and signature.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { findingsXlsx } from '../../../src/lib/server/export/findings-xlsx';
import { addresseeOf, sheetName } from '../../../src/lib/server/export/order-sheet';
import type { FindingRow } from '../../../src/lib/server/queries/findings';

function finding(over: Partial<FindingRow>): FindingRow {
	return {
		run_id: 7,
		rule: 'disciplined_not_incomplete',
		status: 'flagged',
		rulebook: 'qd366',
		rulebook_short: 'QĐ 366-QĐ/TW',
		year: 2026,
		period_kind: 'year',
		period_no: 0,
		unit_code: 'CB01',
		unit_name: 'Chi bộ thôn 1',
		deciding_unit_code: 'XA01',
		deciding_unit_name: 'Đảng bộ xã Bù Đăng',
		deciding_unit_kind: null,
		deciding_unit_dissolved_on: null,
		subject_kind: 'member',
		subject_ref: 'person:1',
		subject_name: 'Đặng Duy Anh',
		subject_card: '93012345',
		subject_birth_date: '1980-03-15',
		subject_birth_year: null,
		severity: 'high',
		message: 'Bị khiển trách ngày 15/10/2026 nhưng xếp Hoàn thành tốt nhiệm vụ',
		evidence_check: null,
		source_file: 'xep-loai-thon-1.xlsx',
		source_row: 14,
		source_count: 1,
		sources: [{ file: 'xep-loai-thon-1.xlsx', row: 14 }],
		...over
	};
}

const ROWS: FindingRow[] = [
	finding({}),
	finding({ deciding_unit_code: 'XA02', deciding_unit_name: 'Đảng bộ xã Nghĩa Trung', unit_name: 'Chi bộ thôn 3', subject_name: 'Lê Thị Hoa', source_row: 9 }),
	// an exemption of the first body: listed in the overview, never ordered
	finding({ status: 'exempted', subject_name: 'Trần Văn Bình', source_row: 20 }),
	finding({ subject_ref: 'person:3', subject_name: 'Phạm Văn Cường', source_row: 15 }),
	// a body whose name Excel cannot take as a sheet name as it is
	finding({ deciding_unit_code: 'DB09', deciding_unit_name: 'Ban Thường vụ Đảng ủy Công ty [Cao su]: Phú Riềng / Bình Phước', source_row: 3 }),
	// a chi bộ that sent no list (R4): no deciding body, no result to annul: in the overview only
	finding({ rule: 'missing_review', deciding_unit_code: null, deciding_unit_name: null, subject_kind: 'party_org', subject_ref: 'CB05', subject_name: 'Chi bộ thôn 5', message: 'Chi bộ thôn 5 không có kết quả xếp loại năm 2026', source_file: 'danh-muc.csv', source_row: 7 })
];

async function readBack(rows: FindingRow[], exportedAt: Date, issuer: string | null): Promise<ExcelJS.Workbook> {
	const buf = await findingsXlsx(rows, { filters: 'Năm 2026 · mọi quy tắc · vi phạm và miễn trừ · Đảng bộ huyện Bù Đăng', exportedAt, total: rows.length, issuer: { name: issuer } });
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(buf as unknown as ArrayBuffer);
	return wb;
}

const texts = (ws: ExcelJS.Worksheet) => {
	const out: string[] = [];
	ws.eachRow((r) => r.eachCell((c) => c.text && out.push(c.text)));
	return out;
};

describe('findings workbook', () => {
	// 28/11/2026 00:30 in Vietnam: still the 27th in UTC
	const at = new Date('2026-11-27T17:30:00Z');

	it('one signable list per deciding body, violations only, after an overview of every row; none for a violation with no deciding body (nothing to annul)', async () => {
		const wb = await readBack(ROWS, at, 'Đảng bộ huyện Bù Đăng');
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Ban Thường vụ Đảng ủy Công ty', 'Đảng bộ xã Bù Đăng', 'Đảng bộ xã Nghĩa Trung']);
		const overview = wb.worksheets[0];
		expect(overview.rowCount - 5).toBe(6);
		expect(overview.getCell('A3').text).toMatch(/^Xuất từ Giám Sát ngày 28\/11\/2026 00:30: 6 phát hiện; danh sách đề nghị hủy bỏ kết quả, xếp loại lại của 3 cấp quyết định/);
		// the chi bộ that sent no list: no sheet of its own ("Chưa rõ cấp quyết định"), said
		expect(overview.getCell('A3').text).toMatch(/1 vi phạm không có cấp quyết định \(đơn vị chưa gửi danh sách, đảng viên chưa được xếp loại: chưa có kết quả để hủy\) chỉ có ở trang này$/);

		const ws = wb.getWorksheet('Đảng bộ xã Bù Đăng')!;
		const all = texts(ws);
		expect(ws.getCell('A1').text).toBe('ĐẢNG BỘ HUYỆN BÙ ĐĂNG');
		expect(ws.getCell('A2').text).toBe('ỦY BAN KIỂM TRA');
		expect(all).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
		expect(all).toContain('Bù Đăng, ngày 28 tháng 11 năm 2026');
		expect(ws.getCell('A6').text).toBe('DANH SÁCH ĐỀ NGHỊ HỦY BỎ KẾT QUẢ VÀ XẾP LOẠI LẠI');
		expect(ws.getCell('A9').text).toBe('Kính gửi: Đảng bộ xã Bù Đăng');
		// printed landscape, the table's header on every page
		expect([ws.pageSetup.orientation, ws.pageSetup.printTitlesRow]).toEqual(['landscape', '11:11']);
		// the table: its two violations, every column but status and deciding body (the sheet's own)
		const head = (ws.getRow(11).values as unknown[]).slice(1);
		expect(head).toEqual(['STT', 'Quy tắc', 'Nội dung quy tắc', 'Kỳ đánh giá', 'Theo quy định', 'Mã đơn vị', 'Đơn vị', 'Đối tượng', 'Họ và tên / tên tổ chức', 'Số thẻ đảng viên', 'Ngày sinh', 'Sai phạm', 'Mức độ', 'Tệp nguồn', 'Dòng', 'Các dòng liên quan']);
		const cell = (row: number, h: string) => ws.getRow(row).getCell(head.indexOf(h) + 1).text;
		expect([cell(12, 'Họ và tên / tên tổ chức'), cell(13, 'Họ và tên / tên tổ chức')]).toEqual(['Đặng Duy Anh', 'Phạm Văn Cường']);
		expect([cell(12, 'Quy tắc'), cell(12, 'Kỳ đánh giá'), cell(12, 'Theo quy định'), cell(12, 'Số thẻ đảng viên'), cell(12, 'Ngày sinh'), cell(12, 'Tệp nguồn'), cell(12, 'Dòng')]).toEqual(['R2', 'Năm 2026', 'QĐ 366-QĐ/TW', '93012345', '15/03/1980', 'xep-loai-thon-1.xlsx', '14']);
		expect(all).not.toContain('Trần Văn Bình');
		// then the request, Nơi nhận and the signature block
		expect(ws.getCell('A8').text).toBe('(Năm 2026)');
		expect(all.join('\n')).not.toContain('mọi quy tắc');
		expect(ws.getCell('A15').text).toBe('Qua kiểm tra, kết quả đánh giá, xếp loại chất lượng của các tập thể, cá nhân nêu trên chưa đúng quy định (QĐ 366-QĐ/TW). Đề nghị Đảng bộ xã Bù Đăng:');
		expect(ws.getCell('A16').text).toBe('- Hủy bỏ kết quả và ban hành quyết định xếp loại lại 2 trường hợp (STT 1–2) theo đúng quy định;');
		expect(ws.getCell('A17').text).toMatch(/^Báo cáo kết quả về Ủy ban Kiểm tra trước ngày/);
		expect(ws.getCell('A19').text).toBe('Nơi nhận:');
		expect(all).toEqual(expect.arrayContaining(['- Như trên,', '- Lưu.', 'T/M ỦY BAN KIỂM TRA', 'CHỦ NHIỆM']));
	});

	it("a civil servant's rating is the agency's to redo (NĐ 90), not a Party body's: in the overview only, said so, never in an order", async () => {
		const cs = { rule: 'excellent_cap' as const, subject_kind: 'civil_servant', subject_ref: 'group:unit', subject_name: null, subject_card: null, subject_birth_date: null, rulebook: 'nd90', rulebook_short: 'NĐ 90/2020/NĐ-CP', unit_code: 'CB03', unit_name: 'Chi bộ Trường Tiểu học Phước Sơn', source_file: 'Danh gia vien chuc nam hoc 2024-2025.xlsx', source_row: 7 };
		const rows = [
			finding({}),
			// the school's own list (no Chi bộ column): no deciding body stored
			finding({ ...cs, deciding_unit_code: null, deciding_unit_name: null, message: 'UBND XÃ PHƯỚC SƠN / TRƯỜNG TIỂU HỌC PHƯỚC SƠN (cán bộ, công chức, viên chức; thuộc Chi bộ Trường Tiểu học Phước Sơn): 2 HTXSNV / 4 HTTNV = 50% > 20%, vượt 2' }),
			// a list with a Chi bộ column: the đảng ủy above stored as deciding body, still the agency's to redo
			finding({ ...cs, message: 'Trường Mầm non (cán bộ, công chức, viên chức): 3 HTXSNV / 5 HTTNV = 60% > 20%, vượt 2' }),
			finding({ rule: 'missing_review', deciding_unit_code: null, deciding_unit_name: null, subject_kind: 'party_org', subject_ref: 'CB05', subject_name: 'Chi bộ thôn 5', message: 'Chi bộ thôn 5 không có kết quả xếp loại năm 2026', source_file: 'danh-muc.csv', source_row: 7 })
		];
		const wb = await readBack(rows, at, 'Đảng bộ huyện Bù Đăng');
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Đảng bộ xã Bù Đăng']);
		expect(wb.worksheets[0].getCell('A3').text).toMatch(
			/; 1 vi phạm không có cấp quyết định \(đơn vị chưa gửi danh sách, đảng viên chưa được xếp loại: chưa có kết quả để hủy\) và 2 vi phạm trong xếp loại cán bộ, công chức, viên chức \(do cơ quan, đơn vị quyết định, không phải tổ chức đảng: gửi cơ quan, đơn vị đó\) chỉ có ở trang này$/
		);
		expect(texts(wb.getWorksheet('Đảng bộ xã Bù Đăng')!).join('\n')).not.toContain('HTXSNV');
	});

	it('without a scope, the letterhead and place are left to fill in; exemptions alone make no list', async () => {
		const wb = await readBack(ROWS.filter((r) => r.status === 'exempted'), at, null);
		expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp']);
		expect(wb.worksheets[0].getCell('A3').text).toContain('không có phát hiện vi phạm');
		const ws = (await readBack(ROWS.slice(0, 1), at, null)).worksheets[1];
		expect(ws.getCell('A1').text).toBe('ĐẢNG BỘ ……………………');
		expect(texts(ws)).toContain('……………………, ngày 28 tháng 11 năm 2026');
	});

	it("the request asks each kind of violation for its own remedy: a person counted once whatever the rules, R1's groupings voted again, a late list a lesson; addressed to the committee that decides", async () => {
		const body = { deciding_unit_code: 'XA01', deciding_unit_name: 'Đảng bộ xã Bù Đăng', deciding_unit_kind: 'dang_bo_co_so' };
		const rows = [
			// R1 at the chi bộ and at the deciding body: two places, not one excess added twice
			finding({ ...body, rule: 'excellent_cap', subject_kind: 'member', subject_ref: 'group:unit', subject_name: null, message: 'Chi bộ thôn 1: 3 HTXSNV / 10 = 30% > 20%, vượt 1' }),
			finding({ ...body, rule: 'excellent_cap', subject_kind: 'member', subject_ref: 'group:decider', subject_name: null, message: 'Đảng bộ xã Bù Đăng: 9 HTXSNV / 40 = 22,5% > 20%, vượt 1' }),
			// one member found by R2 and rated without a review (R4): one case
			finding({ ...body, subject_ref: 'person:1' }),
			finding({ ...body, rule: 'missing_review', evidence_check: 'no_review', subject_ref: 'person:1', message: 'Xếp loại không có ngày kiểm điểm' }),
			finding({ ...body, rule: 'rated_too_early', subject_ref: 'person:2', subject_name: 'Lê Văn Hùng' }),
			finding({ ...body, year: 2025, rule: 'rated_too_early', subject_ref: 'person:2', subject_name: 'Lê Văn Hùng' }),
			// a member the list names without a level, not exempt: a rating owed, none to annul
			finding({ ...body, rule: 'missing_review', evidence_check: 'listed_member_not_rated', subject_ref: 'person:4', subject_name: 'Trần Văn Bảo', message: 'Không được xếp loại; lý do "Vắng mặt" không thuộc diện miễn' }),
			// the body's list decided after the deadline: its results stand
			finding({ ...body, rule: 'missing_review', evidence_check: 'late_list', subject_kind: 'party_org', subject_ref: 'unit:XA01', subject_name: 'Đảng bộ xã Bù Đăng', message: 'Quyết định ngày 20/01/2027, sau hạn 31/12/2026' })
		];
		const ws = (await readBack(rows, at, 'Đảng bộ huyện Bù Đăng')).getWorksheet('Đảng bộ xã Bù Đăng')!;
		expect(ws.getCell('A9').text).toBe('Kính gửi: Đảng ủy xã Bù Đăng');
		expect(ws.getCell('A8').text).toBe('(Năm 2025; Năm 2026)');
		const request = [21, 22, 23, 24, 25, 26].map((r) => ws.getCell(`A${r}`).text);
		expect(request).toEqual([
			'Qua kiểm tra, kết quả đánh giá, xếp loại chất lượng của các tập thể, cá nhân nêu trên chưa đúng quy định (QĐ 366-QĐ/TW). Đề nghị Đảng ủy xã Bù Đăng:',
			'- Hủy bỏ kết quả và ban hành quyết định xếp loại lại 3 trường hợp (STT 3–6) theo đúng quy định; 1 trường hợp chưa kiểm điểm hoặc xếp loại trước khi kiểm điểm phải được kiểm điểm trước khi xếp loại lại;',
			'- Xem xét lại kết quả xếp loại "Hoàn thành xuất sắc nhiệm vụ" ở 2 nơi vượt tỷ lệ quy định (STT 1–2), xếp loại lại để số được xếp mức này không vượt tỷ lệ;',
			'- Tổ chức kiểm điểm, đánh giá, xếp loại 1 đảng viên chưa được xếp loại mà không thuộc diện miễn (STT 7);',
			'- Rút kinh nghiệm việc hoàn thành, gửi kết quả xếp loại chậm so với thời hạn quy định (STT 8);',
			expect.stringMatching(/^Báo cáo kết quả về Ủy ban Kiểm tra trước ngày …+\.$/)
		]);
	});

	it('a chi bộ rated as tổ chức đảng and its tập thể lãnh đạo, both found by R10: two results to redo, not one', async () => {
		const body = { deciding_unit_code: 'XA01', deciding_unit_name: 'Đảng bộ xã Phước Sơn', deciding_unit_kind: 'dang_bo_co_so' };
		const chiBo = { ...body, rule: 'collective_with_disciplined' as const, unit_code: 'CB01', unit_name: 'Chi bộ thôn 1', subject_ref: 'unit:CB01', subject_name: 'Chi bộ thôn 1', subject_card: null, subject_birth_date: null, source_file: 'Xep loai to chuc dang, tap the lanh dao 2025.xlsx', source_row: 8 };
		const rows = [
			finding({ ...chiBo, subject_kind: 'party_org', message: 'Chi bộ thôn 1 được xếp loại HTXSNV nhưng có thành viên tập thể lãnh đạo Trần Thị Lan bị kỷ luật khiển trách ngày 20/09/2025' }),
			finding({ ...chiBo, subject_kind: 'leadership', message: 'Tập thể lãnh đạo, quản lý Chi bộ thôn 1 được xếp loại HTXSNV nhưng có thành viên tập thể lãnh đạo Trần Thị Lan bị kỷ luật khiển trách ngày 20/09/2025' }),
			finding({ ...body, subject_name: 'Trần Thị Lan' })
		];
		const all = texts((await readBack(rows, at, 'Đảng bộ xã Phước Sơn')).getWorksheet('Đảng bộ xã Phước Sơn')!);
		expect(all).toContain('- Hủy bỏ kết quả và ban hành quyết định xếp loại lại 3 trường hợp (STT 1–3) theo đúng quy định;');
	});

	it("R1 at a chi bộ that decides its members' quarterly ratings: its chi bộ and deciding-body groupings are one place, not two", async () => {
		const chiBo = { unit_code: 'C70019901', unit_name: 'Chi bộ thôn Tân Lập', deciding_unit_code: 'C70019901', deciding_unit_name: 'Chi bộ thôn Tân Lập', deciding_unit_kind: 'chi_bo_truc_thuoc' };
		const cap = { ...chiBo, rule: 'excellent_cap' as const, period_kind: 'quarter', period_no: 1, subject_name: 'Chi bộ thôn Tân Lập', subject_card: null, subject_birth_date: null, source_file: 'Tan Lap - xep loai DV quy 1-2026.xlsx', source_row: 8 };
		const rows = [
			finding({ ...cap, subject_ref: 'group:decider', message: 'Chi bộ thôn Tân Lập (quyết định xếp loại đảng viên): 2 HTXSNV / 4 HTTNV: dưới 5 HTTNV nên được chọn 1 HTXSNV, vượt 1' }),
			finding({ ...cap, subject_ref: 'group:unit', message: 'Chi bộ thôn Tân Lập: 2 HTXSNV / 4 HTTNV: dưới 5 HTTNV nên được chọn 1 HTXSNV, vượt 1' })
		];
		const all = texts((await readBack(rows, at, 'Đảng bộ xã Bù Đăng')).getWorksheet('Chi bộ thôn Tân Lập')!);
		expect(all).toContain('- Xem xét lại kết quả xếp loại "Hoàn thành xuất sắc nhiệm vụ" ở 1 nơi vượt tỷ lệ quy định (STT 1–2), xếp loại lại để số được xếp mức này không vượt tỷ lệ;');
	});

	it('a list to a body dissolved since says so, for the office to readdress it', async () => {
		const gone = { deciding_unit_code: 'H01', deciding_unit_name: 'Đảng bộ huyện Bù Đăng', deciding_unit_kind: 'huyen_uy', deciding_unit_dissolved_on: '2025-07-01' };
		const ws = (await readBack([finding({ ...gone, year: 2024 })], at, 'Đảng bộ tỉnh Bình Phước')).worksheets[1];
		expect(ws.getCell('A9').text).toBe('Kính gửi: Ban Thường vụ Huyện ủy Bù Đăng (đã giải thể ngày 01/07/2025)');
	});

	it('addressed to the committee that decides: the Ban Thường vụ above the grassroots, a đảng ủy, a chi bộ itself', () => {
		expect(addresseeOf('Đảng bộ tỉnh Đắk Lắk', 'tinh_uy')).toBe('Ban Thường vụ Tỉnh ủy Đắk Lắk');
		expect(addresseeOf('Đảng bộ thành phố Hà Nội', 'tinh_uy')).toBe('Ban Thường vụ Thành ủy Hà Nội');
		expect(addresseeOf('Đảng bộ huyện Bù Đăng', 'huyen_uy')).toBe('Ban Thường vụ Huyện ủy Bù Đăng');
		expect(addresseeOf('Huyện ủy Bù Đăng', 'huyen_uy')).toBe('Ban Thường vụ Huyện ủy Bù Đăng');
		expect(addresseeOf('Ban Thường vụ Tỉnh ủy Bình Phước', 'tinh_uy')).toBe('Ban Thường vụ Tỉnh ủy Bình Phước');
		expect(addresseeOf('Đảng bộ Khối các cơ quan tỉnh', 'huyen_uy')).toBe('Ban Thường vụ Đảng ủy Khối các cơ quan tỉnh');
		expect(addresseeOf('Đảng bộ xã Bù Đăng', 'dang_bo_co_so')).toBe('Đảng ủy xã Bù Đăng');
		expect(addresseeOf('Chi bộ thôn 1', 'chi_bo_co_so')).toBe('Chi bộ thôn 1');
		expect(addresseeOf('Đảng bộ xã Bù Đăng', null)).toBe('Đảng bộ xã Bù Đăng');
	});

	it('sheet names: at most 31 characters, no []:*?/\\, unique ignoring case', () => {
		const taken = new Set(['tổng hợp']);
		expect(sheetName('Tổng hợp', taken)).toBe('Tổng hợp (2)');
		expect(sheetName("Đảng bộ xã An Phú", taken, 'X1')).toBe('Đảng bộ xã An Phú');
		expect(sheetName('ĐẢNG BỘ XÃ AN PHÚ', taken, 'X2')).toBe('ĐẢNG BỘ XÃ AN PHÚ X2');
		const long = sheetName('Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', taken, 'K1');
		expect(long.length).toBeLessThanOrEqual(31);
		expect(sheetName('Ban Thường vụ Đảng ủy Khối các cơ quan và doanh nghiệp tỉnh', taken, 'K2')).toBe('Ban Thường vụ Đảng ủy Khối K2');
		expect(sheetName("'Chi bộ 1/2: [A]'", taken)).toBe('Chi bộ 1 2 A');
	});
});
