// The data the page tests run against: the ingest fixtures (registry, roster and 2022 list of Chi bộ
// thôn 1) plus generated lists for 2022–2025 written the way units send them, loaded through
// ingestFiles (the same path as the CLI and the upload), audited, marts refreshed. Planted cases:
// Chi bộ thôn 2 rates 2 HTXSNV over 5 HTTNV every year (R1, at the chi bộ and at Đảng ủy xã Đoàn
// Kết), a member on 120 days' sick leave rated HTTNV in 2023 (R6), a member disciplined in 2023
// and rated HTTNV (R2). 2025 lists go to the merged Đảng bộ xã Bù Đăng's chi bộ (lineage).
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { closeDb, getDb } from '../../src/lib/server/db';
import { ingestFiles } from '../../src/lib/server/ingest';
import { refreshMarts } from '../../src/lib/server/rules/marts';
import { tempDir, writeCsv } from '../helpers/files';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'ingest');

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thanh', 'Quốc', 'Ngọc', 'Hữu'];
const GIVEN = ['Hùng', 'Lan', 'Dũng', 'Hương', 'Tuấn', 'Mai', 'Sơn', 'Hà', 'Long', 'Yến', 'Phúc', 'Thảo', 'Khánh', 'Nga', 'Việt', 'Hòa'];

interface Member {
	name: string;
	birth: string;
	card: string;
}

function members(prefix: number, n: number): Member[] {
	return Array.from({ length: n }, (_, i) => ({
		name: `${FAMILY[(prefix + i) % FAMILY.length]} ${MIDDLE[(prefix * 3 + i) % MIDDLE.length]} ${GIVEN[(prefix * 5 + i) % GIVEN.length]}`,
		birth: `${String(1 + ((i * 7) % 27)).padStart(2, '0')}/${String(1 + ((prefix + i) % 12)).padStart(2, '0')}/${1965 + ((prefix + i * 3) % 35)}`,
		card: String(71000000 + prefix * 100 + i)
	}));
}

const LEVEL = { 4: 'Hoàn thành xuất sắc nhiệm vụ', 3: 'Hoàn thành tốt nhiệm vụ', 2: 'Hoàn thành nhiệm vụ', 1: 'Không hoàn thành nhiệm vụ' } as const;

/** Units, their members and the levels they get each year (index into the member list). */
const CHI_BO = [
	{ code: 'C70010101', decider: 'X700101', people: members(1, 6), levels: [4, 3, 3, 3, 3, 2] },
	{ code: 'C70010102', decider: 'X700101', people: members(2, 8), levels: [4, 4, 3, 3, 3, 3, 3, 2] },
	{ code: 'C70010201', decider: 'X700102', people: members(3, 7), levels: [4, 3, 3, 3, 3, 3, 2] },
	{ code: 'C70010301', decider: 'H7001', people: members(4, 9), levels: [4, 3, 3, 3, 3, 3, 3, 2, 1] }
];

const HEADER = ['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Tự xếp loại', 'Cấp ủy quyết định', 'Ngày kiểm điểm', 'Ngày quyết định', 'Số ngày nghỉ ốm'];

function memberList(dir: string, year: number, score: boolean): string {
	const rows: string[][] = [
		['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM ' + year],
		[],
		score ? [...HEADER, 'Tổng điểm'] : HEADER
	];
	let stt = 0;
	for (const cb of CHI_BO) {
		// Chi bộ thôn 1 (Đoàn Kết) 2022 comes from the fixture file; 2025 lists only for it (merger).
		if (year === 2022 && cb.code === 'C70010101') continue;
		if (year === 2025 && cb.code !== 'C70010101') continue;
		cb.people.forEach((p, i) => {
			// rotate who gets which level, so years differ
			const lvl = cb.levels[(i + year) % cb.levels.length] as 1 | 2 | 3 | 4;
			const sick = year === 2023 && cb.code === 'C70010201' && lvl === 3 && i === 1 ? '120' : '';
			const row = [String(++stt), p.name, p.birth, p.card, cb.code, LEVEL[lvl], LEVEL[lvl], `20/11/${year}`, `05/12/${year}`, sick];
			if (score) row.push(String({ 4: 92, 3: 80, 2: 60, 1: 40 }[lvl]));
			rows.push(row);
		});
	}
	return writeCsv(dir, `xep-loai-dang-vien-${year}.csv`, rows);
}

function orgList(dir: string, year: number): string {
	const rows = [
		[`KẾT QUẢ XẾP LOẠI CHẤT LƯỢNG TỔ CHỨC ĐẢNG NĂM ${year}`],
		['STT', 'Đối tượng', 'Mã đơn vị', 'Tên tổ chức đảng', 'Xếp loại', 'Cấp quyết định', 'Ngày quyết định'],
		['1', 'Tổ chức đảng', 'C70010101', 'Chi bộ thôn 1', year % 2 ? 'HTXSNV' : 'HTTNV', 'X700101', `10/12/${year}`],
		['2', 'Tổ chức đảng', 'C70010102', 'Chi bộ thôn 2', 'HTTNV', 'X700101', `10/12/${year}`],
		['3', 'Tổ chức đảng', 'C70010201', 'Chi bộ thôn 1', 'HTNV', 'X700102', `10/12/${year}`],
		['4', 'Tổ chức đảng', 'C70010301', 'Chi bộ Trường THCS Đoàn Kết', 'HTTNV', 'H7001', `12/12/${year}`]
	];
	// (named as offices name them: long, no spaces: the pages must break it, not cut it)
	return writeCsv(dir, `${year}_XLTC_danh-sach-xep-loai-to-chuc-dang-dang-uy-xa-doan-ket-minh-hung.csv`, rows);
}

function disciplineList(dir: string): string {
	const p = CHI_BO[1].people[3];
	return writeCsv(dir, 'so-ky-luat-2023.csv', [
		['SỔ THEO DÕI KỶ LUẬT ĐẢNG NĂM 2023'],
		['STT', 'Đối tượng', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Hình thức kỷ luật', 'Ngày quyết định', 'Cấp kỷ luật'],
		['1', 'Đảng viên', p.name, p.birth, p.card, 'C70010102', 'Khiển trách', '15/06/2023', 'UBKT Đảng ủy xã Đoàn Kết']
	]);
}

/** A member list for the upload test: Chi bộ thôn 2's 2024 list corrected, one row per level. */
export function uploadFiles(dir: string): { good: string; bad: string } {
	const good = writeCsv(dir, 'bo-sung-dang-vien-2024.csv', [
		['DANH SÁCH ĐẢNG VIÊN NĂM 2024'],
		['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số thẻ đảng viên', 'Mã đơn vị', 'Tình trạng', 'Ngày vào Đảng'],
		['1', 'Đinh Thị Xuân', '03/04/1988', 'Nữ', '71999001', 'C70010102', 'Chính thức', '12/12/2012'],
		['2', 'Lý Văn Toàn', '1979', 'Nam', '71999002', 'C70010102', 'Chính thức', '01/09/2001']
	]);
	const bad = writeCsv(dir, 'xep-loai-loi-2024.csv', [
		['DANH SÁCH ĐÁNH GIÁ, XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN NĂM 2024'],
		['STT', 'Họ và tên', 'Ngày sinh', 'Mã đơn vị', 'Xếp loại'],
		['1', 'Đinh Thị Xuân', '03/04/1988', 'C70010102', 'Xuất sắc lắm'],
		['2', 'Lý Văn Toàn', '1979', 'C70010102', 'Hoàn thành tốt nhiệm vụ']
	]);
	return { good, bad };
}

export interface Seeded {
	dbPath: string;
	dir: string;
	runs: number[];
	/** facts read back before the database is handed to the server, for the pages to show */
	facts: { findings2024: number; fingerprint: string; run2022: number };
}

/** Writes the files, loads them into a fresh database file, audits, builds the marts, closes it. */
export async function seedDatabase(): Promise<Seeded> {
	const dir = tempDir('giamsat-e2e-');
	const dbPath = join(dir, 'e2e.duckdb');
	const files = ['registry.csv', 'roster-thon1.csv', 'rating-thon1-2022.csv'].map((f) => {
		copyFileSync(join(FIXTURES, f), join(dir, f));
		return join(dir, f);
	});
	for (const y of [2022, 2023, 2024]) files.push(memberList(dir, y, false), orgList(dir, y));
	files.push(memberList(dir, 2025, true), disciplineList(dir));
	const db = await getDb(dbPath);
	const report = await ingestFiles(db, files, { loadedBy: 'e2e' });
	const bad = report.files.filter((f) => f.status !== 'loaded');
	if (bad.length) throw new Error(`seed: files not loaded: ${JSON.stringify(bad, null, 1)}`);
	await refreshMarts(db);
	const f = await db.one<{ findings2024: number }>('select coalesce(sum(findings), 0)::integer as findings2024 from mart_unit_year where year = 2024');
	// the run of 2022 (qd132), by its year: run ids follow the order the load touched the periods
	const run = await db.one<{ id: number; fp: string }>(
		"select id, data_fingerprint as fp from audit_run where period_year = 2022 and period_kind = 'year' order by id limit 1"
	);
	await closeDb(dbPath);
	return { dbPath, dir, runs: report.auditRuns, facts: { findings2024: f!.findings2024, fingerprint: run!.fp, run2022: run!.id } };
}
