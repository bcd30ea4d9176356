// The runner around the rules: the rulebook a period picks, "what if" runs, runs stored and shown
// again as they were, scope (a unit's history through its sub-units' lineage), the one column shape of every rule, the Q4 warning under qd366, the
// statistical signals and the marts.
import { describe, expect, it } from 'vitest';
import { RULES } from '../../../src/lib/domain/anomaly';
import { sqlFile } from '../../../src/lib/server/db';
import { refreshMarts } from '../../../src/lib/server/rules/marts';
import { kpis, signalsInView, yearRows } from '../../../src/lib/server/queries/dashboard';
import { findingFilterOf, findingsPage, findingYears } from '../../../src/lib/server/queries/findings';
import { runDetail, runList } from '../../../src/lib/server/queries/runs';
import { inView, resolveFocus, resolveScope } from '../../../src/lib/server/queries/scope';
import { getRulebook, listRulebooks, paramLabelVi, paramValueVi, PARAMS, pickRulebook, rulebookVariables, withOverrides } from '../../../src/lib/server/rules/rulebook';
import { auditPeriods, listRuns, RATING_FINDING_RULES, RULE_IDS, runAudit, setSessionVariables, showRun } from '../../../src/lib/server/rules/runner';
import { fixtureDb, loadGiven, type Given } from '../../helpers/fixture-db';
import { writeCsv } from '../../helpers/files';
import { dbWithRegistry, ingest } from '../../helpers/ingest-db';

const COLUMNS = [
	'rule', 'status', 'rulebook', 'year', 'period_kind', 'period_no', 'unit_id', 'unit_code', 'unit_name', 'deciding_unit_id',
	'deciding_unit_code', 'subject_kind', 'person_id', 'subject_unit_id', 'subject_ref', 'subject_name', 'subject_card',
	'subject_birth_date', 'subject_birth_year', 'severity', 'message', 'evidence', 'source_file', 'source_row', 'sources'
];

/** Two districts of one province, a đảng bộ and two chi bộ in each. */
const TREE: Given = {
	units: [
		{ code: 'T01', name: 'Tỉnh ủy Một', kind: 'tinh_uy' },
		{ code: 'H01', name: 'Huyện ủy Một', kind: 'huyen_uy', parent: 'T01', locality: 'Huyện Một' },
		{ code: 'H02', name: 'Huyện ủy Hai', kind: 'huyen_uy', parent: 'T01', locality: 'Huyện Hai' },
		{ code: 'X01', name: 'Đảng bộ xã Một', kind: 'dang_bo_co_so', parent: 'H01', locality: 'Huyện Một' },
		{ code: 'X02', name: 'Đảng bộ xã Hai', kind: 'dang_bo_co_so', parent: 'H02', locality: 'Huyện Hai' },
		{ code: 'CB1', name: 'Chi bộ thôn Một', kind: 'chi_bo_truc_thuoc', parent: 'X01', locality: 'Huyện Một' },
		{ code: 'CB2', name: 'Chi bộ thôn Hai', kind: 'chi_bo_truc_thuoc', parent: 'X02', locality: 'Huyện Hai' }
	]
};

/** Each chi bộ 3 excellent / 5 good (excess 2), decided by its đảng bộ, rated as organisations. */
function overCap(year: number): Given {
	return {
		ratings: [
			{ kind: 'party_org', org: 'X01', decider: 'H01', level: 'good', year, decided_on: `${year}-12-10` },
			{ kind: 'party_org', org: 'X02', decider: 'H02', level: 'good', year, decided_on: `${year}-12-10` },
			{ kind: 'party_org', org: 'CB1', decider: 'X01', level: 'good', year, decided_on: `${year}-12-05` },
			{ kind: 'party_org', org: 'CB2', decider: 'X02', level: 'good', year, decided_on: `${year}-12-05` },
			{ unit: 'CB1', decider: 'X01', level: 'excellent', count: 3, year },
			{ unit: 'CB1', decider: 'X01', level: 'good', count: 5, year },
			{ unit: 'CB2', decider: 'X02', level: 'excellent', count: 3, year },
			{ unit: 'CB2', decider: 'X02', level: 'good', count: 5, year }
		]
	};
}

describe('rulebooks', () => {
	it('are all valid and pick by year: ≤2022 qd132, 2023–2024 qd124, 2025 on qd366; civil servants nd90 to 2025, nd335 from 2026', () => {
		expect(listRulebooks().map((r) => r.id).sort()).toEqual(['nd335', 'nd90', 'qd124', 'qd132', 'qd366']);
		expect([2018, 2020, 2022, 2023, 2024, 2025, 2026, 2030].map((y) => pickRulebook(y).id)).toEqual([
			'qd132', 'qd132', 'qd132', 'qd124', 'qd124', 'qd366', 'qd366', 'qd366'
		]);
		expect([2020, 2025, 2026].map((y) => pickRulebook(y, 'civil_servant').id)).toEqual(['nd90', 'nd90', 'nd335']);
		expect(() => pickRulebook(2010)).toThrow(/Không có bộ quy tắc/);
	});

	it('carry the decided settings', () => {
		const p = (id: string) => getRulebook(id).params;
		expect(p('qd132')).toMatchObject({ r1_share: 0.2, r1_denominator: 'good', r1_small_unit_below: 5, r1_small_unit_allowed: 1, new_member_months: 6, new_org_months: 6, r6_sick_leave_months: 3, days_per_month: 30 });
		expect(p('qd132').r4_deadlines).toEqual({ chi_bo_co_so: '12-01', chi_bo_truc_thuoc: '12-01', dang_bo_bo_phan: '12-05', dang_bo_co_so: '12-10' });
		expect(p('qd124')).toMatchObject({ r2_collective_member_disciplined: true, r2_collective_subunit_share: 0.2 });
		expect(p('qd366')).toMatchObject({ r9_enabled: true, r9_min_excellent: 90, r9_min_good: 70, r9_min_complete: 50, r10_enabled: true, r1_group_by_column: true, quarter_iv_rated_apart: false });
		expect(p('nd335')).toMatchObject({ r9_enabled: true, r9_min_excellent: 90, r9_min_good: 70, r9_min_complete: 50 });
		expect(p('qd132').r1_allowance).toEqual({});
	});

	it('refuse a bad parameter, with a Vietnamese message', () => {
		expect(() => withOverrides(getRulebook('qd132'), { r1_share: 1.5 })).toThrow(/r1_share.*không hợp lệ/);
		expect(() => withOverrides(getRulebook('qd132'), { r1_denominator: 'all' })).toThrow(/không hợp lệ/);
		expect(() => withOverrides(getRulebook('qd132'), { r9_enabled: true, r9_min_excellent: 50, r9_min_good: 70, r9_min_complete: 40 })).toThrow(/khung điểm/);
		expect(() => withOverrides(getRulebook('qd132'), { no_such: 1 })).toThrow(/không được dùng/);
		// a deadline must be a day of every year: "11-31" is none, "02-29" fails in three years of four
		for (const md of ['11-31', '02-29', '04-31']) expect(() => withOverrides(getRulebook('qd124'), { r4_deadlines: { chi_bo_co_so: md } }), md).toThrow(/không hợp lệ/);
		expect(withOverrides(getRulebook('qd124'), { r4_deadlines: { chi_bo_co_so: '11-30' } }).params.r4_deadlines).toMatchObject({ chi_bo_co_so: '11-30' });
	});

	it('flatten the year\'s overrides into variables', () => {
		const rb = withOverrides(getRulebook('qd366'), {
			r1_share_overrides: { '2025': { '01': 0.25 } },
			r4_deadline_overrides: { '2025': { '01': { chi_bo_truc_thuoc: '12-05' } } },
			r1_allowance: { '2025': ['CB1'] }
		});
		const v = Object.fromEntries(rulebookVariables(rb, 2025).map((x) => [x.name, x.value]));
		expect(v.r1_share_by_province).toEqual({ '01': 0.25 });
		expect(v.r1_allowance_units).toEqual(['CB1']);
		expect(v.r4_deadlines).toContainEqual({ province: '01', kind: 'chi_bo_truc_thuoc', md: '12-05' });
		const v26 = Object.fromEntries(rulebookVariables(rb, 2026).map((x) => [x.name, x.value]));
		expect(v26.r1_share_by_province).toEqual({});
		expect(v26.r1_allowance_units).toEqual([]);
	});

	it('say each value as a clerk reads it ("nếu như"): codes in words, shares in percent, deadlines dd/mm by unit kind, provinces by name', () => {
		const own = (k: string, id = 'qd366') => paramValueVi(k, getRulebook(id).params[k.replace(/^cs_/, '')]);
		expect(own('r4_not_owed_statuses')).toBe('miễn sinh hoạt, đình chỉ sinh hoạt, sinh hoạt tạm thời, đã ra khỏi chi bộ');
		expect(own('period_kinds')).toBe('năm, quý, nhiệm kỳ');
		expect(own('r4_review_period_kinds')).toBe('năm, nhiệm kỳ');
		expect(own('discipline_forms_member')).toBe('khiển trách, cảnh cáo, cách chức, khai trừ');
		expect(own('discipline_forms_org')).toBe('khiển trách, cảnh cáo, giải tán');
		expect(own('r5_unit_kinds')).toBe('chi bộ cơ sở, chi bộ trực thuộc');
		// (a name with its own comma: the items apart with semicolons)
		expect(own('r2_org_subject_kinds')).toBe('tổ chức đảng; tập thể lãnh đạo, quản lý');
		expect(own('r4_deadlines')).toBe('chi bộ cơ sở 01/12, chi bộ trực thuộc 01/12, đảng bộ bộ phận 05/12, đảng bộ cơ sở 10/12');
		expect(own('cs_r4_deadlines', 'nd90')).toBe('mọi cấp 15/12');
		expect(own('r6_max_level')).toBe('HTNV');
		expect(own('r9_score_required_from')).toBe('30/08/2025');
		// as a clerk types them in --set: Bình Phước used 25% in 2025; Quảng Ngãi's đảng bộ cơ sở had
		// until 08/12 in 2022; "15" is Yên Bái before the 2025 merger and the new Lào Cai after it
		expect(paramValueVi('r1_share_overrides', { '2025': { '70': 0.25 } })).toBe('2025, Bình Phước (70): 25%');
		expect(paramValueVi('r1_share_overrides', { '2024': { '15': 0.25 }, '2025': { '15': 0.225 } })).toBe('2024, Yên Bái (15): 25%; 2025, Lào Cai (15): 22,5%');
		expect(paramValueVi('r4_deadline_overrides', { '2022': { '51': { dang_bo_co_so: '12-08' } } })).toBe('2022, Quảng Ngãi (51): đảng bộ cơ sở 08/12');
		expect(paramValueVi('r4_deadlines', { chi_bo_co_so: '11-30', '*': '12-15' })).toBe('chi bộ cơ sở 30/11, các cấp khác 15/12');
	});

	it('every parameter has its Vietnamese name, and every code a rulebook lists is said in words (a new one would show raw)', () => {
		for (const kind of ['party', 'civil_servant'] as const)
			for (const k of Object.keys(PARAMS[kind])) expect(paramLabelVi(k), k).not.toBe(k);
		for (const rb of listRulebooks().map((r) => getRulebook(r.id)))
			for (const [k, v] of Object.entries(rb.params))
				if (Array.isArray(v) && v.every((x) => typeof x === 'string'))
					for (const code of v) {
						const said = paramValueVi(rb.kind === 'civil_servant' ? `cs_${k}` : k, [code]);
						expect([said.includes('_'), said === code], `${rb.id}.${k}: ${said}`).toEqual([false, false]);
					}
	});
});

describe('runAudit', () => {
	it('every rule returns exactly the same columns, in the anomaly table\'s order (or rating_finding\'s, turned into them)', async () => {
		const db = await fixtureDb(TREE, { year: 2025 });
		const conn = await db.fork();
		await setSessionVariables(conn, { year: 2025 });
		const names = async (sql: string) => (await conn.query<{ column_name: string }>(`describe ${sql}`)).map((c) => c.column_name);
		const ratingFinding = await names('rating_finding');
		for (const rule of RULE_IDS) {
			const cols = await names(`select * from (\n${sqlFile(`rules/${rule}.sql`)}\n)`);
			// about_unit is optional (null: the finding is about the rating's subject)
			if (RATING_FINDING_RULES.has(rule)) expect([...new Set([...cols, 'about_unit'])].sort(), rule).toEqual([...ratingFinding].sort());
			else expect(cols, rule).toEqual(COLUMNS);
		}
		expect(await names('select * from rating_findings()')).toEqual(COLUMNS);
		const table = await conn.query<{ column_name: string }>('describe anomaly');
		expect(table.map((c) => c.column_name)).toEqual(['run_id', ...COLUMNS]);
		expect(Object.keys(RULES).sort()).toEqual([...RULE_IDS].sort());
		conn.close();
		db.close();
	});

	it('uses the rulebook of the period\'s year and records it on the run and each finding', async () => {
		const db = await fixtureDb(TREE, { year: 2022 });
		for (const y of [2022, 2023, 2025]) await loadGiven(db, overCap(y), { year: y });
		const ids: Record<number, string> = {};
		for (const y of [2022, 2023, 2025]) {
			const r = await runAudit(db, { year: y, rules: ['excellent_cap'] });
			ids[y] = r.rulebook.id;
			expect(r.whatIf).toBe(false);
			expect(new Set(r.findings.map((f) => f.rulebook))).toEqual(new Set([r.rulebook.id]));
			expect(r.findings.every((f) => f.year === y)).toBe(true);
		}
		expect(ids).toEqual({ 2022: 'qd132', 2023: 'qd124', 2025: 'qd366' });
		db.close();
	});

	it('runs any rulebook on any period ("what if") and says so', async () => {
		const db = await fixtureDb({ ...TREE, ...overCap(2022) }, { year: 2022 });
		const normal = await runAudit(db, { year: 2022, rules: ['excellent_cap', 'score_band'] });
		const whatIf = await runAudit(db, { year: 2022, rulebook: 'qd366', rules: ['excellent_cap', 'score_band'] });
		expect(normal.whatIf).toBe(false);
		expect(whatIf.whatIf).toBe(true);
		expect(whatIf.rulebook.id).toBe('qd366');
		expect(normal.counts.score_band).toBeUndefined();
		// qd366 needs a score on every rating: 2022 lists have none, and the run says why
		expect(whatIf.counts.score_band.flagged).toBe(20);
		expect(whatIf.warnings).toEqual([expect.stringMatching(/^QĐ 366-QĐ\/TW đòi mỗi xếp loại có điểm, QĐ 132-QĐ\/TW áp dụng cho năm 2022 không chấm điểm: các phát hiện R9 "không có điểm" là do chạy thử/)]);
		expect(normal.warnings).toEqual([]);
		// a 25% share instead of 20%: allowed floor(0.25 × 5) = 1, the excess stays 2
		const share = await runAudit(db, { year: 2022, rules: ['excellent_cap'], overrides: { r1_share: 0.4 } });
		expect(share.whatIf).toBe(true);
		expect(share.findings.map((f) => f.evidence.excess)).toEqual([1, 1, 1, 1]);
		const runs = await listRuns(db, { year: 2022 });
		expect(runs.map((r) => r.what_if)).toEqual([true, true, false]);
		// (without R9 nothing to say)
		expect((await runAudit(db, { year: 2022, rulebook: 'qd366', rules: ['excellent_cap'] })).warnings).toEqual([]);
		db.close();
	});

	it('counts a merged unit\'s age from the registry as it is now: lineage loaded after an audit is used by the next', async () => {
		const db = await fixtureDb(
			{
				...TREE,
				units: [...TREE.units!, { code: 'X09', name: 'Đảng bộ xã Chín', kind: 'dang_bo_co_so', parent: 'H01', founded_on: '2025-07-01' }],
				ratings: [{ kind: 'party_org', org: 'X09', decider: 'H01', level: 'good', year: 2025, decided_on: '2025-12-10', score: 80 }]
			},
			{ year: 2025 }
		);
		const before = await runAudit(db, { year: 2025, rules: ['rated_too_early'] });
		expect(before.findings.map((f) => [f.status, f.unit_code])).toEqual([['flagged', 'X09']]);
		await loadGiven(db, { lineage: [{ from: 'X01', to: 'X09', kind: 'merge', on: '2025-07-01' }] }, { year: 2025 });
		const after = await runAudit(db, { year: 2025, rules: ['rated_too_early'] });
		expect(after.findings.map((f) => [f.status, f.unit_code, f.evidence.units])).toEqual([['exempted', 'H01', ['X09']]]);
		// unit_origin built by another definition of shared/unit_origin.sql (the same registry): the
		// stamp carries the definition, so the next audit rebuilds it
		await db.run(`update unit_origin_stamp set registry_stamp = regexp_replace(registry_stamp, '^[0-9a-f]{12}/', 'aaaaaaaaaaaa/')`);
		await db.run('delete from unit_origin');
		const rebuilt = await runAudit(db, { year: 2025, rules: ['rated_too_early'] });
		expect(rebuilt.findings.map((f) => [f.status, f.unit_code])).toEqual([['exempted', 'H01']]);
		db.close();
	});

	it('stores each run and shows it later exactly as it was, whatever the data became', async () => {
		const db = await fixtureDb({ ...TREE, ...overCap(2022) }, { year: 2022 });
		const first = await runAudit(db, { year: 2022 });
		expect(first.findings.length).toBeGreaterThan(0);
		expect(first.fingerprint).toMatch(/^[0-9a-f]{64}$/);
		const same = await runAudit(db, { year: 2022 });
		expect(same.fingerprint).toBe(first.fingerprint);

		await loadGiven(db, { ratings: [{ unit: 'CB1', decider: 'X01', level: 'excellent', count: 4 }] }, { year: 2022 });
		const second = await runAudit(db, { year: 2022 });
		expect(second.fingerprint).not.toBe(first.fingerprint);
		expect(second.findings).not.toEqual(first.findings);

		const shown = await showRun(db, first.runId);
		expect(shown).toEqual(first);
		expect(JSON.stringify(shown)).toBe(JSON.stringify(first));
		await expect(showRun(db, 999)).rejects.toThrow(/Không có lượt kiểm tra số 999/);
		db.close();
	});

	it('keeps to the scope: a district sees only its own subtree', async () => {
		const db = await fixtureDb({ ...TREE, ...overCap(2022) }, { year: 2022 });
		const all = await runAudit(db, { year: 2022, rules: ['excellent_cap'] });
		const h01 = await runAudit(db, { year: 2022, rules: ['excellent_cap'], scope: 'H01' });
		expect(all.findings.map((f) => f.unit_code).sort()).toEqual(['CB1', 'CB2', 'X01', 'X02']);
		expect(h01.findings.map((f) => f.unit_code).sort()).toEqual(['CB1', 'X01']);
		expect(h01.scopeCode).toBe('H01');
		expect(h01.scopePath).toBe('/T01/H01/');
		await expect(runAudit(db, { year: 2022, scope: 'NOPE' })).rejects.toThrow(/Không có đơn vị mã "NOPE"/);
		db.close();
	});

	it('keeps R5 to the scope too (its units are looked up after the check)', async () => {
		const members = (unit: string, decider: string) => [
			{ kind: 'party_org' as const, org: unit, decider, level: 'excellent' as const, year: 2022, decided_on: '2022-12-05' },
			{ unit, decider, level: 'good' as const, year: 2022 },
			{ unit, decider, level: 'complete' as const, count: 4, year: 2022 }
		];
		const db = await fixtureDb({ ...TREE, ratings: [...members('CB1', 'X01'), ...members('CB2', 'X02')] }, { year: 2022 });
		const all = await runAudit(db, { year: 2022, rules: ['org_level_vs_members'] });
		const h01 = await runAudit(db, { year: 2022, rules: ['org_level_vs_members'], scope: 'H01' });
		expect(all.findings.map((f) => f.unit_code).sort()).toEqual(['CB1', 'CB2']);
		expect(h01.findings.map((f) => f.unit_code)).toEqual(['CB1']);
		db.close();
	});

	it('says when the period has no rating in the scope: none of the year in H01 while X02 has some; nothing said where there are', async () => {
		const db = await fixtureDb({ ...TREE, ratings: [{ unit: 'CB2', decider: 'X02', level: 'good' as const, year: 2022 }] }, { year: 2022 });
		expect((await runAudit(db, { year: 2022, rules: ['excellent_cap'] })).warnings).toEqual([]);
		expect((await runAudit(db, { year: 2022, rules: ['excellent_cap'], scope: 'X02' })).warnings).toEqual([]);
		expect((await runAudit(db, { year: 2022, rules: ['excellent_cap'], scope: 'H01' })).warnings).toEqual([
			'Chưa có kết quả xếp loại nào của năm 2022 trong phạm vi H01 trong dữ liệu đã nạp: các quy định so kết quả xếp loại không có gì để xét; hãy kiểm tra các đơn vị đã gửi danh sách của kỳ này chưa.'
		]);
		db.close();
	});

	it('leaves out a unit the registry could not place (no path: a parent cycle, too deep) from every scope, the whole country\'s too', async () => {
		const db = await fixtureDb({ ...TREE, ...overCap(2022) }, { year: 2022 });
		await db.run("update unit set path = null where code = 'CB2'");
		const all = await runAudit(db, { year: 2022, rules: ['excellent_cap'] });
		expect(all.findings.map((f) => f.unit_code).sort()).toEqual(['CB1', 'X01', 'X02']);
		db.close();
	});

	it('warns that quarter IV is not rated apart under qd366, and refuses bad periods and rules', async () => {
		const db = await fixtureDb(TREE, { year: 2025 });
		const q4 = await runAudit(db, { year: 2025, periodKind: 'quarter', periodNo: 4 });
		expect(q4.warnings.join(' ')).toMatch(/quý IV không đánh giá riêng/);
		expect(q4.period).toMatchObject({ kind: 'quarter', no: 4, start: '2025-10-01', end: '2025-12-31' });
		const q2 = await runAudit(db, { year: 2025, periodKind: 'quarter', periodNo: 2 });
		// (the fixture rates nothing: the run says so, lest "no finding" read as a clean quarter)
		expect(q2.warnings).toEqual([expect.stringMatching(/^Chưa có kết quả xếp loại nào của quý II\/2025 trong dữ liệu đã nạp/)]);
		expect(q2.period).toMatchObject({ start: '2025-04-01', end: '2025-06-30' });
		const q22 = await runAudit(db, { year: 2022, periodKind: 'quarter', periodNo: 2 });
		expect(q22.warnings.join(' ')).toMatch(/QĐ 132-QĐ\/TW không có kỳ đánh giá theo quý/);
		const term = await runAudit(db, { year: 2025, periodKind: 'term', periodNo: 2020 });
		expect(term).toMatchObject({ warnings: [expect.stringMatching(/của nhiệm kỳ 2020–2025/)], rulebook: { id: 'qd366' }, period: { start: '2020-01-01', end: '2025-12-31' } });
		await expect(runAudit(db, { year: 2025, periodKind: 'quarter', periodNo: 5 })).rejects.toThrow(/Quý "5" không hợp lệ/);
		await expect(runAudit(db, { year: 2025, rules: ['nope' as never] })).rejects.toThrow(/Không có quy tắc "nope"/);
		await expect(runAudit(db, { year: 2025, rulebook: 'nd90' })).rejects.toThrow(/công chức, viên chức/);
		await expect(runAudit(db, { year: 2025, rulebook: 'qd999' })).rejects.toThrow(/Không có bộ quy tắc "qd999"/);
		db.close();
	});

	it('runs the periods an ingest touched (the ingest\'s audit hook)', async () => {
		const db = await fixtureDb({ ...TREE, ...overCap(2022) }, { year: 2022 });
		const ids = await auditPeriods(db, [{ year: 2022, period_kind: 'year', period_no: 0 }, { year: 2023, period_kind: 'year', period_no: 0 }]);
		expect(ids).toHaveLength(2);
		expect((await showRun(db, ids[1])).rulebook.id).toBe('qd124');
		db.close();
	});
});

describe('signals', () => {
	// (the units' place: the registry's locality, else its province by name, even when only its code is known)
	it.each([
		['Huyện Một', 'Tỉnh Một', 'Huyện Một'],
		[null, null, 'Hà Nội']
	])('are kept apart from findings and labelled as statistics (locality %s, province %s: "cùng địa bàn %s")', async (locality, provinceName, place) => {
		const units: Given['units'] = [{ code: 'X01', name: 'Đảng bộ xã Một', kind: 'dang_bo_co_so', locality, province_name: provinceName }];
		const ratings: Given['ratings'] = [];
		for (let i = 1; i <= 6; i++) {
			units.push({ code: `CB${i}`, name: `Chi bộ thôn ${i}`, kind: 'chi_bo_truc_thuoc', parent: 'X01', locality, province_name: provinceName });
			ratings.push({ kind: 'party_org', org: `CB${i}`, decider: 'X01', level: 'good' });
			// CB6: 8 of 10 excellent; the others 1 or 2 of 10
			const exc = i === 6 ? 8 : 1 + (i % 2);
			ratings.push({ unit: `CB${i}`, decider: 'X01', level: 'excellent', count: exc, self: i === 6 ? 'complete' : 'good' });
			ratings.push({ unit: `CB${i}`, decider: 'X01', level: 'good', count: 10 - exc, self: 'good' });
		}
		const db = await fixtureDb({ units, ratings }, { year: 2022 });
		const r = await runAudit(db, { year: 2022, rules: ['excellent_cap'] });
		const outliers = r.signals.filter((s) => s.signal === 'excellent_outlier');
		expect(outliers.map((s) => s.unit_code)).toEqual(['CB6']);
		expect(outliers[0].message).toMatch(/^Tín hiệu thống kê: Chi bộ thôn 6 có 8\/10 đảng viên HTXSNV \(80%\)/);
		expect(outliers[0].message).toContain(`chi bộ cùng địa bàn ${place} là`);
		// in CB6 the excellent members had rated themselves "complete": two levels up, 80% of members
		const gaps = r.signals.filter((s) => s.signal === 'self_gap');
		expect(gaps.map((s) => s.unit_code)).toEqual(['CB6']);
		expect(gaps[0].message).toBe('Tín hiệu thống kê: Chi bộ thôn 6 có 8/10 đảng viên (80%) được quyết định mức cách mức tự xếp loại từ 2 bậc trở lên (8 cao hơn, 0 thấp hơn)');
		expect(r.findings.every((f) => f.rule === 'excellent_cap')).toBe(true);
		db.close();
	});

	it('find a member list copied unchanged three years running', async () => {
		const persons = Array.from({ length: 6 }, (_, i) => ({ key: `p${i}`, name: `Đảng viên ${i}`, card: `0200000${i}` }));
		const given: Given = {
			units: [
				{ code: 'CB1', name: 'Chi bộ thôn Một', kind: 'chi_bo_co_so' },
				{ code: 'CB2', name: 'Chi bộ thôn Hai', kind: 'chi_bo_co_so' }
			],
			persons,
			ratings: []
		};
		for (const year of [2020, 2021, 2022])
			for (const [i, p] of persons.entries()) {
				given.ratings!.push({ person: p.key, unit: 'CB1', level: i === 0 ? 'excellent' : 'good', year });
				given.ratings!.push({ unit: 'CB2', level: 'good', year }); // new people every year
			}
		const db = await fixtureDb(given, { year: 2022 });
		const r = await runAudit(db, { year: 2022, rules: ['excellent_cap'] });
		const same = r.signals.filter((s) => s.signal === 'identical_years');
		expect(same.map((s) => s.unit_code)).toEqual(['CB1']);
		expect(same[0].message).toBe('Tín hiệu thống kê: danh sách xếp loại 6 đảng viên của Chi bộ thôn Một giống hệt nhau 3 năm liền (2020–2022)');
		const earlier = await runAudit(db, { year: 2021, rules: ['excellent_cap'] });
		expect(earlier.signals.filter((s) => s.signal === 'identical_years')).toEqual([]);
		db.close();
	});

	it('a chi bộ copying its list forward is signalled though a new chi bộ split off it, or one was absorbed into it', async () => {
		const persons = Array.from({ length: 18 }, (_, i) => ({ key: `p${i}`, name: `Đảng viên ${i}`, card: `050000${String(i).padStart(2, '0')}` }));
		const given: Given = {
			units: [
				{ code: 'A', name: 'Chi bộ thôn Một', kind: 'chi_bo_truc_thuoc', founded_on: '2000-01-01' },
				{ code: 'B', name: 'Chi bộ thôn Một B', kind: 'chi_bo_truc_thuoc', founded_on: '2025-01-01' },
				{ code: 'C', name: 'Chi bộ thôn Hai', kind: 'chi_bo_truc_thuoc', founded_on: '2000-01-01' },
				{ code: 'D', name: 'Chi bộ thôn Ba', kind: 'chi_bo_truc_thuoc', founded_on: '2000-01-01', dissolved_on: '2024-12-31' }
			],
			lineage: [
				{ from: 'A', to: 'B', kind: 'split', on: '2025-01-01' },
				{ from: 'D', to: 'C', kind: 'merge', on: '2025-01-01' }
			],
			persons,
			ratings: []
		};
		// A and C: the same six members, the same levels, 2023–2025; B (new in 2025) six others; D,
		// absorbed into C in 2025, had six others again
		for (const year of [2023, 2024, 2025])
			for (let i = 0; i < 6; i++) {
				given.ratings!.push({ person: `p${i}`, unit: 'A', level: i === 0 ? 'excellent' : 'good', year });
				given.ratings!.push({ person: `p${i + 6}`, unit: year === 2025 ? 'B' : 'D', level: 'good', year });
			}
		for (const year of [2023, 2024, 2025]) for (let i = 12; i < 18; i++) given.ratings!.push({ person: `p${i}`, unit: 'C', level: 'good', year });
		const db = await fixtureDb(given, { year: 2025 });
		const r = await runAudit(db, { year: 2025, rules: ['excellent_cap'] });
		expect(r.signals.filter((s) => s.signal === 'identical_years').map((s) => s.unit_code).sort()).toEqual(['A', 'C']);
		db.close();
	});

	it("the dashboard's signals: those of the latest yearly run that computed them and covers the unit, in view only", async () => {
		const persons = Array.from({ length: 6 }, (_, i) => ({ key: `p${i}`, name: `Đảng viên ${i}`, card: `0400000${i}` }));
		const given: Given = { ...TREE, persons, ratings: [] };
		for (const year of [2020, 2021, 2022])
			for (const [i, p] of persons.entries()) given.ratings!.push({ person: p.key, unit: 'CB1', decider: 'X01', level: i === 0 ? 'excellent' : 'good', year });
		const db = await fixtureDb(given, { year: 2022 });
		const all = await resolveFocus(db, await resolveScope(db, { unitCode: null }), null);
		const shown = async (f = all) => (await signalsInView(db, f, 2022)).map((g) => [g.signal, g.total, g.rows.map((r) => `${r.unit_code} ${r.parent_name}`)]);
		await runAudit(db, { year: 2022, rules: ['excellent_cap'] });
		expect(await shown()).toEqual([['identical_years', 1, ['CB1 Đảng bộ xã Một']]]);
		// a later run without signals (a benchmark's, --no-signals) hides nothing; a what-if neither
		await runAudit(db, { year: 2022, rules: ['excellent_cap'], signals: false });
		await runAudit(db, { year: 2022, rules: ['excellent_cap'], overrides: { r1_share: 1 } });
		expect(await shown()).toEqual([['identical_years', 1, ['CB1 Đảng bộ xã Một']]]);
		// out of view: a user of the other district sees none
		expect(await shown(await resolveFocus(db, await resolveScope(db, { unitCode: 'H02' }), null))).toEqual([]);
		// the list voted again: the next run finds no signal, and says so
		await db.run(`update rating set final_level = 2 where period_year = 2022 and person_id = (select id from person where card_no = '04000001')`);
		await runAudit(db, { year: 2022, rules: ['excellent_cap'] });
		expect(await shown()).toEqual([]);
		db.close();
	});

	it('a list copied forward across a rename and a move into a new commune (lineage one to one) is the same list', async () => {
		const persons = Array.from({ length: 12 }, (_, i) => ({ key: `p${i}`, name: `Đảng viên ${i}`, card: `030000${String(i).padStart(2, '0')}` }));
		const given: Given = {
			units: [
				{ code: 'A1', name: 'Chi bộ thôn Một', kind: 'chi_bo_truc_thuoc', dissolved_on: '2024-06-30' },
				{ code: 'A2', name: 'Chi bộ thôn 1', kind: 'chi_bo_truc_thuoc', dissolved_on: '2025-06-30' },
				{ code: 'A3', name: 'Chi bộ thôn 1 (xã mới)', kind: 'chi_bo_truc_thuoc', founded_on: '2025-07-01' },
				// two chi bộ merged into one: neither old list is the new one's, whoever they rate
				{ code: 'B1', name: 'Chi bộ thôn Hai', kind: 'chi_bo_truc_thuoc', dissolved_on: '2025-06-30' },
				{ code: 'B2', name: 'Chi bộ thôn Ba', kind: 'chi_bo_truc_thuoc', dissolved_on: '2025-06-30' },
				{ code: 'B3', name: 'Chi bộ thôn Hai Ba', kind: 'chi_bo_truc_thuoc', founded_on: '2025-07-01' }
			],
			lineage: [
				{ from: 'A1', to: 'A2', kind: 'rename', on: '2024-07-01' },
				{ from: 'A2', to: 'A3', kind: 'merge', on: '2025-07-01' },
				{ from: 'B1', to: 'B3', kind: 'merge', on: '2025-07-01' },
				{ from: 'B2', to: 'B3', kind: 'merge', on: '2025-07-01' }
			],
			persons,
			ratings: []
		};
		// the same six members, the same levels, under the chi bộ's name of each year
		for (const [year, a, b] of [[2023, 'A1', 'B1'], [2024, 'A2', 'B2'], [2025, 'A3', 'B3']] as const)
			for (let i = 0; i < 6; i++) {
				given.ratings!.push({ person: `p${i}`, unit: a, level: i === 0 ? 'excellent' : 'good', year });
				given.ratings!.push({ person: `p${i + 6}`, unit: b, level: 'good', year });
			}
		const db = await fixtureDb(given, { year: 2025 });
		const r = await runAudit(db, { year: 2025, rules: ['excellent_cap'] });
		const same = r.signals.filter((s) => s.signal === 'identical_years');
		expect(same.map((s) => s.unit_code)).toEqual(['A3']);
		expect(same[0].message).toContain('giống hệt nhau 3 năm liền (2023–2025)');
		db.close();
	});
});

describe('marts', () => {
	it('the dashboard card counts organisations and those rated over the same kinds (a Huyện ủy owes a rating, a Tỉnh ủy is not counted)', async () => {
		const given = overCap(2022);
		given.ratings!.push(
			{ kind: 'party_org', org: 'H01', decider: 'T01', level: 'good', year: 2022, decided_on: '2022-12-20' },
			{ kind: 'party_org', org: 'T01', level: 'good', year: 2022, decided_on: '2022-12-25' }
		);
		const db = await fixtureDb({ ...TREE, ...given }, { year: 2022 });
		await runAudit(db, { year: 2022 });
		await refreshMarts(db);
		const all = { code: null, name: 'Toàn quốc', path: '/', prefixes: ['/'], predecessors: [], subPredecessors: 0, partial: [] };
		const { rows } = await yearRows(db, all);
		const k = await kpis(db, all, rows.find((r) => r.year === 2022)!);
		// H01, H02, X01, X02, CB1, CB2 owe a rating; all but H02 have one
		expect([k.orgs, k.orgs_rated]).toEqual([6, 5]);
		// merged away in mid-year: H02 (not rated) owes nothing any more; CB1, rated before, still counts
		await db.run("update unit set dissolved_on = date '2022-06-30' where code in ('H02', 'CB1')");
		expect((await kpis(db, all, rows.find((r) => r.year === 2022)!)).orgs).toBe(5);
		db.close();
	});


	it('a page of findings carries each one\'s first source rows, an export all of them', async () => {
		const db = await fixtureDb({ ...TREE, ...overCap(2022) }, { year: 2022 });
		await runAudit(db, { year: 2022, rules: ['excellent_cap'] });
		const all = { code: null, name: 'Toàn quốc', path: '/', prefixes: ['/'], predecessors: [], subPredecessors: 0, partial: [] };
		const filter = { year: 2022, rule: 'excellent_cap' as const, status: null, page: 1 };
		const whole = (await findingsPage(db, all, filter)).rows;
		expect(whole.length).toBeGreaterThan(0);
		for (const r of whole) expect(r.sources.length).toBe(r.source_count);
		expect(Math.max(...whole.map((r) => r.source_count))).toBeGreaterThan(1);
		for (const r of (await findingsPage(db, all, filter, 50, 1)).rows) expect(r.sources.length).toBe(1);
		db.close();
	});

	it('the year filter counts, for each year, what the list shows under its status and rule (violations by default)', async () => {
		// CB1: 1 HTXSNV / 3 HTTNV, saved by the small-unit exception (exempted); CB2: 3 / 5, over the cap
		const db = await fixtureDb(
			{
				...TREE,
				ratings: [
					{ unit: 'CB1', decider: 'X01', level: 'excellent', count: 1, year: 2022 },
					{ unit: 'CB1', decider: 'X01', level: 'good', count: 3, year: 2022 },
					{ unit: 'CB2', decider: 'X02', level: 'excellent', count: 3, year: 2022 },
					{ unit: 'CB2', decider: 'X02', level: 'good', count: 5, year: 2022 }
				]
			},
			{ year: 2022 }
		);
		await runAudit(db, { year: 2022, rules: ['excellent_cap', 'missing_review'] });
		const all = await resolveFocus(db, await resolveScope(db, { unitCode: null }), null);
		for (const status of ['flagged', 'exempted', null] as const)
			for (const rule of ['excellent_cap', null] as const) {
				const { total } = await findingsPage(db, all, { year: 2022, rule, status, page: 1 });
				expect([status, rule, await findingYears(db, all, { status, rule })]).toEqual([status, rule, [{ year: 2022, n: total }]]);
			}
		// 8 violations (R1 at CB2 and at X02, six R4) beside 2 exempted: the default list's 8, not 10
		expect((await findingYears(db, all, { status: 'flagged', rule: null }))[0]!.n).toBe(8);
		db.close();
	});

	it('the findings of a round (?ky=): the yearly one, as the dashboard counts, apart from a quarter\'s', async () => {
		const quarter = { kind: 'quarter', no: 2 } as const;
		const db = await fixtureDb(
			{
				...TREE,
				ratings: [
					{ unit: 'CB1', decider: 'X01', level: 'excellent', count: 3, year: 2026 },
					{ unit: 'CB1', decider: 'X01', level: 'good', count: 5, year: 2026 },
					{ unit: 'CB1', decider: 'X01', level: 'excellent', count: 3, year: 2026, period: quarter, decided_on: '2026-07-05' },
					{ unit: 'CB1', decider: 'X01', level: 'good', count: 5, year: 2026, period: quarter, decided_on: '2026-07-05' }
				]
			},
			{ year: 2026 }
		);
		await auditPeriods(db, [{ year: 2026, period_kind: 'year', period_no: 0 }, { year: 2026, period_kind: 'quarter', period_no: 2 }], { signals: false });
		const all = await resolveFocus(db, await resolveScope(db, { unitCode: null }), null);
		const periods = async (ky: string | null) => {
			const filter = { ...findingFilterOf(new URL(`http://x/phat-hien?nam=2026&qt=R1${ky ? `&ky=${ky}` : ''}`)), status: null };
			const { rows, total } = await findingsPage(db, all, filter);
			expect((await findingYears(db, all, filter))[0]!.n).toBe(total);
			return [...new Set(rows.map((r) => `${r.period_kind} ${r.period_no}`))].sort();
		};
		expect(await periods(null)).toEqual(['quarter 2', 'year 0']);
		expect(await periods('nam')).toEqual(['year 0']);
		expect(await periods('Q2')).toEqual(['quarter 2']);
		expect(await periods('q3')).toEqual([]);
		expect(() => findingFilterOf(new URL('http://x/phat-hien?ky=q5'))).toThrow();
		db.close();
	});

	it("a unit's findings of one rule are listed in the order of its list, file then row, as the clerk reads it", async () => {
		// cards (the subject's reference) that sort against the rows they stand on
		const people = [['P1', '93000009', 4], ['P2', '93000001', 7], ['P3', '93000005', 2]] as const;
		const db = await fixtureDb(
			{
				...TREE,
				persons: people.map(([key, card]) => ({ key, name: `Đảng viên ${key}`, card })),
				ratings: people.map(([person, , row]) => ({ person, unit: 'CB1', decider: 'X01', reviewed_on: null, row, file: 'xep-loai-thon-mot.xlsx' }))
			},
			{ year: 2022 }
		);
		await runAudit(db, { year: 2022, rules: ['missing_review'] });
		const all = await resolveFocus(db, await resolveScope(db, { unitCode: null }), null);
		const { rows } = await findingsPage(db, all, { year: 2022, rule: 'missing_review', status: 'flagged', page: 1 });
		expect(rows.filter((r) => r.subject_kind === 'member').map((r) => [r.subject_card, r.source_row])).toEqual([['93000005', 2], ['93000009', 4], ['93000001', 7]]);
		db.close();
	});

	it('aggregate per unit and locality, the two excellent_cap groupings apart, what-if runs ignored', async () => {
		const db = await fixtureDb({ ...TREE, ...overCap(2022) }, { year: 2022 });
		await runAudit(db, { year: 2022 });
		await runAudit(db, { year: 2022, overrides: { r1_share: 1 } }); // what if: no cap at all
		const { rows } = await refreshMarts(db);
		expect(rows.unit_year).toBeGreaterThan(0);
		const cb1 = await db.one<Record<string, number>>("select * from mart_unit_year where unit_code = 'CB1' and year = 2022");
		expect(cb1).toMatchObject({ members_rated: 8, excellent: 3, good: 5, org_level: 3, excess_in_chi_bo: 2, excess_at_decider: 0, excellent_cap: 1 });
		expect(cb1!.excellent_ratio).toBeCloseTo(0.6);
		const x01 = await db.one<Record<string, number>>("select * from mart_unit_year where unit_code = 'X01' and year = 2022");
		expect(x01).toMatchObject({ excess_in_chi_bo: 0, excess_at_decider: 2 });
		const h1 = await db.one<Record<string, number>>("select * from mart_locality_year where locality = 'Huyện Một' and year = 2022");
		expect(h1).toMatchObject({ members_rated: 8, excellent: 3, excess_in_chi_bo: 2, excess_at_decider: 2 });
		const province = await db.one<Record<string, number>>('select * from mart_locality_year where is_province_total and year = 2022');
		expect(province).toMatchObject({ members_rated: 16, excellent: 6, excess_in_chi_bo: 4, excess_at_decider: 4 });
		db.close();
	});

	it("the chi bộ excess counts Party members only: the school's civil servants over their NĐ 90 cap are the agency's, not the chi bộ's", async () => {
		// CB1's members 3 HTXSNV / 5 HTTNV (excess 2); the school's staff in CB1, 2 HTXSNV / 4 HTTNV on the
		// school's own list (no Party body decides them; NĐ 90 has no small-unit exception: excess 2)
		const staff: Given = {
			ratings: [
				{ kind: 'civil_servant', unit: 'CB1', decider: null, level: 'excellent', count: 2, decided_on: '2022-11-15' },
				{ kind: 'civil_servant', unit: 'CB1', decider: null, level: 'good', count: 4, decided_on: '2022-11-15' }
			]
		};
		const db = await fixtureDb({ ...TREE, ratings: [...overCap(2022).ratings!, ...staff.ratings!] }, { year: 2022 });
		await runAudit(db, { year: 2022 });
		await refreshMarts(db);
		expect(await db.query("select cast(evidence ->> 'excess' as integer) as excess from anomaly where rule = 'excellent_cap' and subject_kind = 'civil_servant' and status = 'flagged'")).toEqual([{ excess: 2 }]);
		expect(await db.one("select excess_in_chi_bo, excess_at_decider from mart_unit_year where unit_code = 'CB1' and year = 2022")).toEqual({ excess_in_chi_bo: 2, excess_at_decider: 0 });
		expect(await db.one('select excess_in_chi_bo from mart_locality_year where is_province_total and year = 2022')).toEqual({ excess_in_chi_bo: 4 });
		db.close();
	});
});

/**
 * The 2025 arrangement as a registry writes it: the district committee H01 dissolved; the new
 * commune XN formed by merging the old communes X01 and X02 and part of X03 (split between XN and
 * XY); the chi bộ V1 of the Văn phòng Huyện ủy (VP, dissolved, no successor) moved into XN, its
 * V2 into XY. A chi bộ goes where its own lineage says, else with its đảng bộ (A2, C3).
 */
/** A registry row: [code, kind, parent, name]; before the arrangement (dissolved 30/06/2025) or after. */
type RegistryRow = [string, string, string | null, string];
const before = (rows: RegistryRow[]) => rows.map(([code, kind, parent, name]) => ({ code, kind, parent, name, dissolved_on: '2025-06-30' }));
const after = (rows: RegistryRow[]) => rows.map(([code, kind, parent, name]) => ({ code, kind, parent, name, founded_on: '2025-07-01' }));
const MERGER: Given = {
	units: [
		...before([
			['T01', 'tinh_uy', null, 'Tỉnh ủy Một'],
			['H01', 'huyen_uy', 'T01', 'Huyện ủy Một'],
			['X01', 'dang_bo_co_so', 'H01', 'Đảng bộ xã An'],
			['A1', 'chi_bo_truc_thuoc', 'X01', 'Chi bộ thôn An 1'],
			['A2', 'chi_bo_truc_thuoc', 'X01', 'Chi bộ thôn An 2'],
			['X02', 'dang_bo_co_so', 'H01', 'Đảng bộ xã Bình'],
			['B1', 'chi_bo_truc_thuoc', 'X02', 'Chi bộ thôn Bình 1'],
			['X03', 'dang_bo_co_so', 'H01', 'Đảng bộ xã Cường'],
			['C1', 'chi_bo_truc_thuoc', 'X03', 'Chi bộ thôn Cường 1'],
			['C2', 'chi_bo_truc_thuoc', 'X03', 'Chi bộ thôn Cường 2'],
			['C3', 'chi_bo_truc_thuoc', 'X03', 'Chi bộ thôn Cường 3'],
			['VP', 'dang_bo_co_so', 'H01', 'Đảng bộ Văn phòng Huyện ủy'],
			['V1', 'chi_bo_truc_thuoc', 'VP', 'Chi bộ Văn phòng 1'],
			['V2', 'chi_bo_truc_thuoc', 'VP', 'Chi bộ Văn phòng 2']
		]),
		...after([
			['T02', 'tinh_uy', null, 'Tỉnh ủy Hai'],
			['XN', 'dang_bo_co_so', 'T02', 'Đảng bộ xã Nam'],
			['N1', 'chi_bo_truc_thuoc', 'XN', 'Chi bộ Nam 1'],
			['N2', 'chi_bo_truc_thuoc', 'XN', 'Chi bộ Nam 2'],
			['N3', 'chi_bo_truc_thuoc', 'XN', 'Chi bộ Cơ quan xã Nam'],
			['N4', 'chi_bo_truc_thuoc', 'XN', 'Chi bộ Nam 4'],
			['XY', 'dang_bo_co_so', 'T02', 'Đảng bộ xã Yên'],
			['M1', 'chi_bo_truc_thuoc', 'XY', 'Chi bộ Yên 1'],
			['M2', 'chi_bo_truc_thuoc', 'XY', 'Chi bộ Yên 2']
		]),
		// merged into N1 in 2026 but still under XN: counted once, as the unit it is
		{ code: 'N0', name: 'Chi bộ Nam cũ', kind: 'chi_bo_truc_thuoc', parent: 'XN', founded_on: '2025-07-01', dissolved_on: '2026-03-31' }
	],
	lineage: [
		{ from: 'T01', to: 'T02', kind: 'merge', on: '2025-07-01' },
		{ from: 'X01', to: 'XN', kind: 'merge', on: '2025-07-01' },
		{ from: 'X02', to: 'XN', kind: 'merge', on: '2025-07-01' },
		{ from: 'X03', to: 'XN', kind: 'split', on: '2025-07-01' },
		{ from: 'X03', to: 'XY', kind: 'split', on: '2025-07-01' },
		{ from: 'A1', to: 'N1', kind: 'rename', on: '2025-07-01' },
		{ from: 'B1', to: 'N2', kind: 'rename', on: '2025-07-01' },
		{ from: 'V1', to: 'N3', kind: 'rename', on: '2025-07-01' },
		{ from: 'V2', to: 'M1', kind: 'rename', on: '2025-07-01' },
		{ from: 'C1', to: 'N4', kind: 'rename', on: '2025-07-01' },
		{ from: 'C2', to: 'M2', kind: 'rename', on: '2025-07-01' },
		{ from: 'N0', to: 'N1', kind: 'merge', on: '2026-04-01' }
	],
	// members rated in 2024, a different number in each chi bộ; V1's 3 HTXSNV / 2 HTTNV over the cap
	ratings: [
		...(
			[['A1', 1], ['A2', 2], ['B1', 3], ['C1', 11], ['C2', 13], ['C3', 17], ['V2', 7]] as const
		).map(([unit, count]) => ({ unit, count, level: 'complete', year: 2024 })),
		{ unit: 'V1', count: 3, level: 'excellent', year: 2024 },
		{ unit: 'V1', count: 2, level: 'good', year: 2024 },
		{ unit: 'C2', count: 3, level: 'excellent', year: 2024 },
		{ unit: 'C2', count: 2, level: 'good', year: 2024 },
		{ unit: 'N0', count: 19, level: 'complete', year: 2025 },
		{ unit: 'N1', count: 23, level: 'complete', year: 2025 }
	]
};

describe('scope: a unit\'s history follows the lineage of every unit under it', () => {
	async function merged() {
		const db = await fixtureDb(MERGER, { year: 2024 });
		await runAudit(db, { year: 2024, rules: ['excellent_cap'] });
		await refreshMarts(db);
		return db;
	}
	const rated = async (db: Awaited<ReturnType<typeof merged>>, f: Parameters<typeof yearRows>[1]) =>
		Object.fromEntries((await yearRows(db, f)).rows.map((r) => [r.year, r.members_rated]));

	it('the new commune\'s 2024 counts its predecessors\' chi bộ, the chi bộ moved in from the dissolved district\'s office, not the parts of a split commune that went elsewhere', async () => {
		const db = await merged();
		const all = await resolveScope(db, { unitCode: null });
		const xn = await resolveFocus(db, all, 'XN');
		// 2024: A1 1 + A2 2 (with X01) + B1 3 + C1 11 (its own lineage) + V1 5; not C2 (to XY), C3 (X03 split), V2 (to XY)
		// 2025: N0 19 and N1 23, each once
		expect(await rated(db, xn)).toEqual({ 2024: 22, 2025: 42 });
		expect(await rated(db, await resolveFocus(db, all, 'XY'))).toEqual({ 2024: 25 }); // V2 7 + C2 18
		expect(await rated(db, await resolveFocus(db, all, 'N3'))).toEqual({ 2024: 5 });
		expect(xn.predecessors.map((p) => p.code)).toEqual(['X01', 'X02']);
		expect(xn.partial.map((p) => p.code)).toEqual(['X03']);
		expect(xn.subPredecessors).toBe(2); // V1, and C1 of the split X03
		// the split commune itself, as a unit of the old province, keeps its whole past
		expect(await rated(db, await resolveFocus(db, all, 'X03'))).toEqual({ 2024: 46 });
		db.close();
	});

	it('its findings for 2024 take in the moved chi bộ\'s (V1), not those of a chi bộ that went elsewhere (C2)', async () => {
		const db = await merged();
		const all = await resolveScope(db, { unitCode: null });
		const units = async (code: string) =>
			(await findingsPage(db, await resolveFocus(db, all, code), { year: 2024, rule: 'excellent_cap', status: 'flagged', page: 1 })).rows.map((r) => r.unit_code);
		expect(new Set(await units('XN'))).toEqual(new Set(['V1']));
		expect(new Set(await units('XY'))).toEqual(new Set(['C2']));
		db.close();
	});

	it('a user scoped to the commune sees its history and no more (GIAMSAT_SCOPE)', async () => {
		const db = await merged();
		const scope = await resolveScope(db, { unitCode: 'XN' });
		const path = async (code: string) => (await db.one<{ path: string }>('select path from unit where code = $c', { c: code }))!.path;
		for (const code of ['XN', 'N1', 'X01', 'A1', 'A2', 'B1', 'C1', 'V1']) expect([code, inView(scope.allowed, await path(code))]).toEqual([code, true]);
		for (const code of ['XY', 'M1', 'X03', 'C2', 'C3', 'VP', 'V2', 'H01', 'T01']) expect([code, inView(scope.allowed, await path(code))]).toEqual([code, false]);
		expect(await rated(db, await resolveFocus(db, scope, null))).toEqual({ 2024: 22, 2025: 42 });
		expect(await rated(db, await resolveFocus(db, scope, 'V1'))).toEqual({ 2024: 5 });
		await expect(resolveFocus(db, scope, 'V2')).rejects.toMatchObject({ status: 404 });
		// GIAMSAT_SCOPE in any case: the same scope, its code as the registry writes it
		expect(await resolveScope(db, { unitCode: 'xn' })).toEqual(scope);
		db.close();
	});

	it('a user scoped to the commune sees the runs that touch its view, each with only the counts of its view, and nothing of what is left out', async () => {
		const db = await merged(); // run 1: the whole country, 2024: V1 (in XN's view) and C2 (gone to XY) over the cap
		const run = async (scope: string) => (await runAudit(db, { year: 2024, rules: ['excellent_cap'], scope, findings: false })).runId;
		const [x03, vp, x01, xn] = [await run('X03'), await run('VP'), await run('X01'), await run('XN')];
		const list = async (unitCode: string | null) =>
			Object.fromEntries((await runList(db, await resolveScope(db, { unitCode }), { year: null, page: 1, pageSize: 50 })).rows.map((r) => [r.id, [r.finding_count, r.exempted_count]]));
		const whole = await list(null);
		expect(Object.keys(whole).map(Number).sort()).toEqual([1, x03, vp, x01, xn]);
		// (each chi bộ over the cap twice: at the chi bộ and at the deciding body)
		expect([whole[1], whole[x03]]).toEqual([[4, 0], [2, 0]]);
		// XN: the country's run (over it) with V1 only, VP's run (V1 moved in), X01's (a predecessor) and its own;
		// not X03's: a split commune, its finding (C2) went to XY
		expect(await list('XN')).toEqual({ 1: [2, 0], [vp]: [2, 0], [x01]: [0, 0], [xn]: [0, 0] });
		const scope = await resolveScope(db, { unitCode: 'XN' });
		const detail = (await runDetail(db, scope, 1, { rule: null, page: 1, pageSize: 100 }))!;
		expect([detail.findingCount, detail.findings.map((f) => f.unit_code), detail.counts.excellent_cap, detail.scoped]).toEqual([2, ['V1', 'V1'], { flagged: 2, exempted: 0 }, true]);
		expect(JSON.stringify(detail)).not.toContain('C2');
		expect(Object.keys(detail)).not.toContain('hidden');
		expect(await runDetail(db, scope, x03, { rule: null, page: 1, pageSize: 100 })).toBeNull();
		// the page names the unit a run was scoped to, not its code glued to its path
		expect([detail.scopeName, (await runDetail(db, scope, vp, { rule: null, page: 1, pageSize: 100 }))!.scopeName]).toEqual([null, 'Đảng bộ Văn phòng Huyện ủy']);
		const all = (await runDetail(db, await resolveScope(db, { unitCode: null }), 1, { rule: null, page: 1, pageSize: 100 }))!;
		expect([all.findingCount, all.scoped]).toEqual([4, false]);
		db.close();
	});

	it('a registry load that moves a chi bộ into the commune shows in its history at once, though the pages keep histories between requests', async () => {
		// (test/helpers/files.ts REGISTRY: X700101 and X700102 merged into X700199 in 2025; the
		// school's chi bộ C70010301 under the district, dissolved with no successor)
		const { db, dir } = await dbWithRegistry();
		const school = '/T70/H7001/C70010301/';
		const before = await resolveScope(db, { unitCode: 'X700199' });
		expect(inView(before.allowed, school)).toBe(false);
		expect((await resolveScope(db, { unitCode: 'X700199' })).allowed).toEqual(before.allowed);
		// the province's list of the 2025 arrangement: the school's chi bộ goes on under the new commune
		const f = writeCsv(dir, 'sap-xep.csv', [
			['STT', 'Mã đơn vị', 'Tên đơn vị', 'Loại', 'Trực thuộc', 'Ngày thành lập', 'Hình thức sắp xếp', 'Đơn vị trước sắp xếp', 'Ngày hiệu lực'],
			['1', 'C70019901', 'Chi bộ Trường THCS Đoàn Kết', 'Chi bộ trực thuộc', 'X700199', '01/07/2025', 'Đổi tên', 'C70010301', '01/07/2025']
		]);
		expect((await ingest(db, [f])).files[0]).toMatchObject({ kind: 'registry', status: 'loaded' });
		const after = await resolveScope(db, { unitCode: 'X700199' });
		expect(inView(after.allowed, school)).toBe(true);
		const focus = await resolveFocus(db, after, null);
		expect([focus.predecessors.map((p) => p.code), focus.subPredecessors]).toEqual([['X700101', 'X700102'], 1]);
		db.close();
	});
});
