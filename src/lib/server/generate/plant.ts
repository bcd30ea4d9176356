// Planted anomalies and near-misses, with their truth. Each kind breaks (or nearly breaks) one rule
// of RULES.md on a chosen subject; every attempt is settled and re-audited with check.ts and kept
// only if the audit then finds exactly the planted findings and nothing else (no collateral
// findings, no near-miss flagged). Called by index.ts once per district and year, after the
// baseline round is settled. Truth lines follow findingKey() in src/lib/domain/anomaly.ts.
import { findingKey, RULES, type RuleId } from '$lib/domain/anomaly';
import { check, isNewcomerHead, personRef } from './check';
import { addMonths, day, iso, monthsBefore, yearOf } from './dates';
import type { Rng } from './prng';
import { indexDisciplines, type Round } from './rounds';
import { finalise, r5Max, settle } from './settle';
import { COMP, EXC, GOOD, INC, type Discipline, type Lv, type Person, type Rating, type Truth, type Unit } from './types';

export interface Carry {
	/** members disciplined in December of the previous year, for this year's near-miss */
	prevMember: Person[];
	/** chi bộ disciplined in December of the previous year */
	prevUnit: Unit[];
}

export interface PlantCtx {
	R: Round;
	rng: Rng;
	truth: Truth[];
	expected: Set<string>;
	notFlagged: Set<string>;
	carry: Carry;
	nextCarry: Carry;
	undos: Array<() => void>;
}

interface Draft {
	rule: RuleId;
	expect: 'flagged' | 'not_flagged';
	unit: string;
	subject: string;
	kind: string;
	person?: Person;
	pk?: 'year' | 'quarter';
	pno?: number;
	note: string;
}

function snapshot(R: Round) {
	const rs = R.ratings.map((r) => [r.final, r.self, r.proposed, r.locked, r.omit, r.decided, r.reviewed, r.score, r.scoreLocked, r.sick, r.csLevel, r.reason] as const);
	const cs = R.cs.map((c) => [c.level, c.decided, c.score, c.scoreLocked, c.locked] as const);
	const nd = R.disciplines.length;
	return () => {
		R.ratings.forEach((r, i) => {
			[r.final, r.self, r.proposed, r.locked, r.omit, r.decided, r.reviewed, r.score, r.scoreLocked, r.sick, r.csLevel, r.reason] = rs[i] as unknown as [
				Lv, Lv, Lv, boolean, boolean, number, number, number, boolean, number, Lv, string
			];
		});
		R.cs.forEach((c, i) => {
			[c.level, c.decided, c.score, c.scoreLocked, c.locked] = cs[i] as unknown as [Lv, number, number, boolean, boolean];
		});
		R.disciplines.length = nd;
		indexDisciplines(R);
	};
}

/** Try one mutation; keep it only if the audit then finds exactly what the truth says. */
function attempt(ctx: PlantCtx, caseId: string, mutate: () => Draft[] | null): boolean {
	const { R } = ctx;
	const restore = snapshot(R);
	ctx.undos = [];
	const undo = () => {
		restore();
		for (const u of ctx.undos.reverse()) u();
		ctx.undos = [];
	};
	const drafts = mutate();
	if (!drafts) {
		if (process.env.GIAMSAT_GEN_DEBUG) console.error(`[plant ${R.y} ${caseId}] no change made`);
		undo();
		return false;
	}
	try {
		indexDisciplines(R);
		settle(R);
		finalise(R);
	} catch {
		undo();
		return false;
	}
	const keys = drafts.map((d) => ({ d, key: findingKey({ rule: d.rule, year: R.y, period_kind: d.pk ?? 'year', period_no: d.pno ?? 0, unit_code: d.unit, subject_ref: d.subject }) }));
	const expected = new Set(ctx.expected);
	const notFlagged = new Set(ctx.notFlagged);
	for (const { d, key } of keys) (d.expect === 'flagged' ? expected : notFlagged).add(key);
	const found = new Set(check(R).map((f) => f.key));
	let ok = found.size === expected.size && [...expected].every((k) => found.has(k)) && ![...notFlagged].some((k) => found.has(k) || expected.has(k));
	if (!ok) {
		if (process.env.GIAMSAT_GEN_DEBUG)
			console.error(
				`[plant ${R.y} ${caseId}] missing: ${[...expected].filter((k) => !found.has(k)).join(', ')} | extra: ${check(R)
					.filter((f) => !expected.has(f.key))
					.map((f) => `${f.key} (${f.msg})`)
					.join(', ')}`
			);
		undo();
		try {
			settle(R);
			finalise(R);
		} catch {
			/* the restored state was settled before */
		}
		return false;
	}
	ok = true;
	for (const { d, key } of keys) {
		(d.expect === 'flagged' ? ctx.expected : ctx.notFlagged).add(key);
		ctx.truth.push({
			rule: d.rule,
			rule_no: RULES[d.rule].no,
			year: R.y,
			period_kind: d.pk ?? 'year',
			period_no: d.pno ?? 0,
			unit_code: d.unit,
			subject_ref: d.subject,
			subject_kind: d.kind,
			...(d.person ? { subject_name: d.person.name, subject_card: d.person.card, subject_birth_date: iso(d.person.birth) } : {}),
			expect: d.expect,
			case: caseId,
			rulebook: d.kind === 'civil_servant' ? (R.y >= 2026 ? 'nd335' : 'nd90') : R.rulebook,
			note: d.note
		});
	}
	return ok;
}

// ---------------------------------------------------------------- helpers

const memberIdx = new WeakMap<Round, { all: Rating[]; byUnit: Map<Unit, Rating[]> }>();
function index(R: Round) {
	let x = memberIdx.get(R);
	if (!x) {
		const all = R.ratings.filter((r) => r.kind === 'member' && r.pk === 'year' && r.person);
		const byUnit = new Map<Unit, Rating[]>();
		for (const r of all) (byUnit.get(r.unit) ?? byUnit.set(r.unit, []).get(r.unit)!).push(r);
		memberIdx.set(R, (x = { all, byUnit }));
	}
	return x;
}

function annualMembers(R: Round): Rating[] {
	return index(R).all.filter((r) => !r.omit);
}

/** An ordinary member: heads nothing, leads nothing, not disciplined, not on long sick leave. */
function plain(R: Round, p: Person): boolean {
	return !R.heads.has(p) && !R.leaderOf.has(p) && !R.disciplinedPersons.has(p) && p.sick < 90 && !p.tempUnit;
}

function canBe(R: Round, r: Rating, lv: Lv): boolean {
	const p = r.person!;
	const cs = R.csOf.get(p);
	return plain(R, p) && (!cs || cs.level >= lv) && !r.locked;
}

function ordinary(R: Round, pred: (r: Rating) => boolean): Rating[] {
	return annualMembers(R).filter((r) => r.final > 0 && !r.locked && plain(R, r.person!) && pred(r));
}

const cbOf = (R: Round) => R.chiBos.filter((c) => c.kind === 'chi_bo_truc_thuoc' && R.org.get(c)?.final && !R.org.get(c)!.locked);

function lock(rs: Rating[]): void {
	for (const r of rs) r.locked = true;
}

/** Lock a chi bộ's member ratings, except its head's (R3 keeps that one below the chi bộ) and, for
 * R5 cases, the excellent ones (R1 may still lower them to good without changing R5's shares). */
function lockMembers(R: Round, rs: Rating[], freeExcellent = false): void {
	for (const r of rs) if ((!r.person || !R.heads.has(r.person)) && !(freeExcellent && r.final === EXC)) r.locked = true;
}

function addDiscipline(R: Round, d: Partial<Discipline> & Pick<Discipline, 'unit'>, rng: Rng): Discipline {
	const from = R.y === 2025 ? day(2025, 7, 5) : day(R.y, 2, 1);
	const full: Discipline = {
		person: null,
		subjectUnit: null,
		decided: rng.int(from, day(R.y, 11, 10)),
		form: 'Khiển trách',
		selfRemedied: false,
		issuer: `Ủy ban Kiểm tra ${R.w.grassroots(d.unit).name.replace(/^Đảng bộ/, 'Đảng ủy')}`,
		noCard: false,
		note: d.person ? 'Vi phạm quy định về những điều đảng viên không được làm' : 'Buông lỏng lãnh đạo, để xảy ra vi phạm',
		...d
	};
	R.disciplines.push(full);
	return full;
}

function tries<T>(ctx: PlantCtx, items: T[], caseId: string, fn: (t: T) => Draft[] | null, max = 6): boolean {
	ctx.rng.shuffle(items);
	for (const t of items.slice(0, max)) if (attempt(ctx, caseId, () => fn(t))) return true;
	return false;
}

const member = (r: Rating, rule: RuleId, expect: Draft['expect'], note: string): Draft => ({
	rule,
	expect,
	unit: r.unit.code,
	subject: personRef(r.person!),
	kind: 'member',
	person: r.person!,
	note
});
const org = (u: Unit, rule: RuleId, expect: Draft['expect'], note: string, kind = 'party_org'): Draft => ({
	rule,
	expect,
	unit: u.code,
	subject: `unit:${u.code}`,
	kind,
	note
});

const LV = ['', 'KHTNV', 'HTNV', 'HTTNV', 'HTXSNV'];

// ---------------------------------------------------------------- the kinds

type PlantFn = (ctx: PlantCtx) => boolean;

export interface PlantKind {
	id: string;
	rule: RuleId;
	expect: 'flagged' | 'not_flagged';
	/** years where this case can exist (rulebook, cross-year) */
	when: (y: number, years: number[]) => boolean;
	run: PlantFn;
	/** prepare in year y-1 for a case of year y */
	prep?: PlantFn;
}

const q366 = (y: number) => y >= 2025;

/** Members of a chi bộ, rated, for R1/R5 edits. */
function chiBoMembers(R: Round, cb: Unit): Rating[] {
	return (index(R).byUnit.get(cb) ?? []).filter((r) => r.final > 0 && !r.omit);
}

export const KINDS: PlantKind[] = [
	{
		id: 'chi_bo_over_cap',
		rule: 'excellent_cap',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ctx.R.chiBos.filter((c) => chiBoMembers(ctx.R, c).length >= 10), 'chi_bo_over_cap', (cb) => {
				const ms = chiBoMembers(ctx.R, cb);
				if (ms.some((r) => r.locked)) return null;
				const t = ms.filter((r) => r.final >= GOOD).length;
				const need = Math.floor(t / 4) + 1;
				const cur = ms.filter((r) => r.final === EXC).length;
				const up = ms.filter((r) => r.final === GOOD && canBe(ctx.R, r, EXC));
				if (cur + up.length < need) return null;
				for (const r of up.slice(0, need - cur)) r.final = EXC;
				lock(ms.filter((r) => r.final === EXC));
				return [{ ...org(cb, 'excellent_cap', 'flagged', `${need} xuất sắc / ${t - need} tốt trong chi bộ`, 'member'), subject: 'group:unit' }];
			})
	},
	{
		id: 'decider_over_cap',
		rule: 'excellent_cap',
		expect: 'flagged',
		when: () => true,
		run: (ctx) => {
			const R = ctx.R;
			if (R.y <= 2024) {
				const gs = R.gs.map((g) => R.org.get(g)!).filter((o) => o && o.final);
				if (gs.length < 8 || gs.some((o) => o.locked)) return false;
				return attempt(ctx, 'decider_over_cap', () => {
					const t = gs.filter((o) => o.final >= GOOD).length;
					const need = Math.floor(t / 4) + 1;
					const cands = gs.filter((o) => o.final === GOOD && !R.disciplinedUnits.has(o.unit) && !R.memberViolationUnits.has(o.unit));
					const cur = gs.filter((o) => o.final === EXC).length;
					if (cur + cands.length < need) return null;
					for (const o of cands.slice(0, need - cur)) o.final = EXC;
					lock(gs.filter((o) => o.final === EXC));
					return [{ ...org(R.above, 'excellent_cap', 'flagged', `${need} tổ chức cơ sở xuất sắc / ${t - need} tốt`), subject: 'group:decider' }];
				});
			}
			return tries(ctx, R.gs.filter((g) => g.kind === 'dang_bo_co_so'), 'decider_over_cap', (g) => {
				const os = R.chiBos.filter((c) => R.w.grassroots(c) === g).map((c) => R.org.get(c)!).filter((o) => o && o.final);
				if (os.length < 8 || os.some((o) => o.locked)) return null;
				const t = os.filter((o) => o.final >= GOOD).length;
				const need = Math.floor(t / 4) + 1;
				const cands = os.filter((o) => o.final === GOOD && r5Max(R, o.unit) === EXC && !R.disciplinedUnits.has(o.unit));
				const cur = os.filter((o) => o.final === EXC).length;
				if (cur + cands.length < need) return null;
				for (const o of cands.slice(0, need - cur)) o.final = EXC;
				lock(os.filter((o) => o.final === EXC));
				return [{ ...org(g, 'excellent_cap', 'flagged', `${need} chi bộ xuất sắc / ${t - need} tốt`), subject: 'group:decider' }];
			});
		}
	},
	{
		id: 'exactly_20_percent',
		rule: 'excellent_cap',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ctx.R.chiBos.filter((c) => chiBoMembers(ctx.R, c).length >= 12), 'exactly_20_percent', (cb) => {
				const R = ctx.R;
				const ms = chiBoMembers(R, cb);
				if (ms.some((r) => r.locked)) return null;
				const top = ms.filter((r) => r.final >= GOOD);
				const e = Math.floor(top.length / 6);
				if (e < 2) return null;
				const extra = top.length - 6 * e;
				const lowerable = top.filter((r) => r.final === GOOD && plain(R, r.person!)).sort((a, b) => a.person!.merit - b.person!.merit);
				if (lowerable.length < extra) return null;
				for (const r of lowerable.slice(0, extra)) r.final = COMP;
				const stay = top.filter((r) => r.final >= GOOD);
				let cur = stay.filter((r) => r.final === EXC);
				for (const r of cur.slice(e)) if (r.person && plain(R, r.person)) r.final = GOOD;
				cur = stay.filter((r) => r.final === EXC);
				if (cur.length > e) return null;
				const up = stay.filter((r) => r.final === GOOD && canBe(R, r, EXC));
				if (up.length < e - cur.length) return null;
				for (const r of up.slice(0, e - cur.length)) r.final = EXC;
				lockMembers(R, ms);
				return [{ ...org(cb, 'excellent_cap', 'not_flagged', `đúng 20%: ${e} xuất sắc / ${5 * e} tốt`, 'member'), subject: 'group:unit' }];
			})
	},
	{
		id: 'small_unit_exception',
		rule: 'excellent_cap',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ctx.R.chiBos.filter((c) => {
				const n = chiBoMembers(ctx.R, c).length;
				return n >= 4 && n <= 9;
			}), 'small_unit_exception', (cb) => {
				const R = ctx.R;
				const ms = chiBoMembers(R, cb);
				if (ms.some((r) => r.locked)) return null;
				let top = ms.filter((r) => r.final >= GOOD);
				if (top.length < 3) return null;
				const lowerable = top.filter((r) => plain(R, r.person!)).sort((a, b) => a.person!.merit - b.person!.merit);
				while (top.length > 5 && lowerable.length) {
					lowerable.shift()!.final = COMP;
					top = ms.filter((r) => r.final >= GOOD);
				}
				if (top.length > 5) return null;
				for (const r of top) if (r.final === EXC && plain(R, r.person!)) r.final = GOOD;
				if (top.some((r) => r.final === EXC)) return null;
				const up = top.find((r) => canBe(R, r, EXC));
				if (!up) return null;
				up.final = EXC;
				lockMembers(R, ms);
				return [{ ...org(cb, 'excellent_cap', 'not_flagged', `dưới 5 tốt: 1 xuất sắc / ${top.length - 1} tốt`, 'member'), subject: 'group:unit' }];
			})
	},
	{
		id: 'disciplined_member_rated',
		rule: 'disciplined_not_incomplete',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ordinary(ctx.R, (r) => r.final >= COMP), 'disciplined_member_rated', (r) => {
				const d = addDiscipline(ctx.R, { person: r.person, unit: r.unit, form: ctx.rng.chance(0.7) ? 'Khiển trách' : 'Cảnh cáo' }, ctx.rng);
				r.locked = true;
				return [member(r, 'disciplined_not_incomplete', 'flagged', `${d.form} ngày ${iso(d.decided)} nhưng xếp ${LV[r.final]}`)];
			})
	},
	{
		id: 'disciplined_org_rated',
		rule: 'disciplined_not_incomplete',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, cbOf(ctx.R).filter((c) => ctx.R.w.grassroots(c).kids.length >= 5), 'disciplined_org_rated', (cb) => {
				const o = ctx.R.org.get(cb)!;
				addDiscipline(ctx.R, { subjectUnit: cb, unit: cb }, ctx.rng);
				o.final = COMP;
				o.locked = true;
				return [org(cb, 'disciplined_not_incomplete', 'flagged', 'chi bộ bị khiển trách (không tự khắc phục) nhưng xếp HTNV')];
			})
	},
	{
		id: 'self_remedied',
		rule: 'disciplined_not_incomplete',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, cbOf(ctx.R).filter((c) => ctx.R.w.grassroots(c).kids.length >= 5), 'self_remedied', (cb) => {
				const o = ctx.R.org.get(cb)!;
				addDiscipline(ctx.R, { subjectUnit: cb, unit: cb, selfRemedied: true }, ctx.rng);
				o.final = COMP;
				o.locked = true;
				return [org(cb, 'disciplined_not_incomplete', 'not_flagged', 'chi bộ bị kỷ luật, tự phát hiện và khắc phục: HTNV được phép')];
			})
	},
	{
		id: 'qd124_member_disciplined',
		rule: 'disciplined_not_incomplete',
		expect: 'flagged',
		when: (y) => y === 2023 || y === 2024,
		run: (ctx) =>
			tries(ctx, ordinary(ctx.R, (r) => chiBoMembers(ctx.R, r.unit).length >= 6 && !!ctx.R.org.get(r.unit)?.final && !ctx.R.org.get(r.unit)!.locked), 'qd124_member_disciplined', (r) => {
				const R = ctx.R;
				addDiscipline(R, { person: r.person, unit: r.unit }, ctx.rng);
				const o = R.org.get(r.unit)!;
				o.final = COMP;
				o.locked = true;
				return [org(r.unit, 'disciplined_not_incomplete', 'flagged', `QĐ 124: đảng viên ${r.person!.name} bị kỷ luật trong năm, chi bộ vẫn xếp HTNV`)];
			})
	},
	{
		id: 'discipline_previous_year',
		rule: 'disciplined_not_incomplete',
		expect: 'not_flagged',
		when: (y, years) => years.includes(y - 1),
		prep: (ctx) =>
			tries(ctx, ordinary(ctx.R, (r) => r.final >= COMP && yearOf(r.person!.birth) > ctx.R.y - 55), 'prep', (r) => {
				const d = addDiscipline(ctx.R, { person: r.person, unit: r.unit }, ctx.rng);
				d.decided = day(ctx.R.y, 12, ctx.rng.int(8, 20));
				ctx.nextCarry.prevMember.push(r.person!);
				ctx.undos.push(() => ctx.nextCarry.prevMember.pop());
				return [];
			}),
		run: (ctx) =>
			tries(ctx, ordinary(ctx.R, (r) => ctx.carry.prevMember.includes(r.person!) && r.final >= COMP), 'discipline_previous_year', (r) => {
				if (!canBe(ctx.R, r, GOOD)) return null;
				r.final = GOOD;
				r.locked = true;
				return [member(r, 'disciplined_not_incomplete', 'not_flagged', `kỷ luật tháng 12/${ctx.R.y - 1}: không tính vào năm ${ctx.R.y}`)];
			})
	},
	{
		id: 'namesake',
		rule: 'disciplined_not_incomplete',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) => {
			const R = ctx.R;
			const byName = new Map<string, Rating[]>();
			for (const r of ordinary(R, (r) => r.final >= COMP)) {
				const k = `${r.unit.code}|${r.person!.name}`;
				(byName.get(k) ?? byName.set(k, []).get(k)!).push(r);
			}
			const pairs = [...byName.values()].filter((l) => l.length === 2 && yearOf(l[0].person!.birth) !== yearOf(l[1].person!.birth));
			return tries(ctx, pairs, 'namesake', ([a, b]) => {
				if (!canBe(R, b, GOOD)) return null;
				addDiscipline(R, { person: a.person, unit: a.unit, noCard: true }, ctx.rng);
				b.final = GOOD;
				b.locked = true;
				return [member(b, 'disciplined_not_incomplete', 'not_flagged', `trùng họ tên với đảng viên bị kỷ luật sinh ${iso(a.person!.birth)} (sổ kỷ luật không ghi số thẻ)`)];
			});
		}
	},
	{
		id: 'head_above_unit',
		rule: 'leader_above_unit',
		expect: 'flagged',
		when: () => true,
		run: (ctx) => headAbove(ctx, false)
	},
	{
		id: 'newcomer_head',
		rule: 'leader_above_unit',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) => headAbove(ctx, true)
	},
	{
		id: 'member_above_civil_servant',
		rule: 'leader_above_unit',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ordinary(ctx.R, (r) => r.final === GOOD && ctx.R.csOf.get(r.person!)?.level === GOOD), 'member_above_civil_servant', (r) => {
				const cs = ctx.R.csOf.get(r.person!)!;
				cs.level = COMP;
				cs.locked = true;
				r.locked = true;
				return [member(r, 'leader_above_unit', 'flagged', 'đảng viên HTTNV nhưng công chức, viên chức chỉ HTNV')];
			})
	},
	{
		id: 'leadership_above_org',
		rule: 'leader_above_unit',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ctx.R.gs.filter((g) => ctx.R.org.get(g)?.final === GOOD && ctx.R.lead.get(g)?.final === GOOD), 'leadership_above_org', (g) => {
				const o = ctx.R.org.get(g)!;
				const l = ctx.R.lead.get(g)!;
				if (o.locked || l.locked) return null;
				o.final = COMP;
				o.locked = l.locked = true;
				return [org(g, 'leader_above_unit', 'flagged', 'tập thể lãnh đạo HTTNV, tổ chức đảng HTNV', 'leadership')];
			})
	},
	{
		id: 'member_not_rated',
		rule: 'missing_review',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ordinary(ctx.R, (r) => r.person!.admitted < day(ctx.R.y - 1, 1, 1)), 'member_not_rated', (r) => {
				r.omit = true;
				r.locked = true;
				return [member(r, 'missing_review', 'flagged', 'có tên trong danh sách đảng viên nhưng không có trong danh sách xếp loại')];
			})
	},
	{
		id: 'no_review_date',
		rule: 'missing_review',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ordinary(ctx.R, () => true), 'no_review_date', (r) => {
				r.reviewed = 0;
				r.locked = true;
				return [member(r, 'missing_review', 'flagged', 'xếp loại nhưng không có ngày kiểm điểm')];
			})
	},
	{
		id: 'org_not_rated',
		rule: 'missing_review',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, [...ctx.R.bps.filter((b) => ctx.R.org.get(b)?.final && !ctx.R.org.get(b)!.locked), ...cbOf(ctx.R)], 'org_not_rated', (u) => {
				const o = ctx.R.org.get(u)!;
				o.omit = true;
				o.locked = true;
				return [org(u, 'missing_review', 'flagged', `${u.name} không có kết quả xếp loại trong danh sách của đảng ủy`)];
			})
	},
	{
		id: 'late_list',
		rule: 'missing_review',
		expect: 'flagged',
		when: (y) => y <= 2024,
		run: (ctx) =>
			tries(ctx, ctx.R.gs.filter((g) => g.kind === 'chi_bo_co_so'), 'late_list', (g) => {
				const rs = ctx.R.ratings.filter((r) => r.kind === 'member' && r.decider === g && !r.omit);
				if (!rs.length || rs.some((r) => r.locked)) return null;
				const d = day(ctx.R.y, 12, 18);
				for (const r of rs) {
					r.decided = d;
					r.locked = true;
				}
				return [{ ...org(g, 'missing_review', 'flagged', `danh sách xếp loại đảng viên quyết định ngày ${iso(d)}, sau hạn`, 'member') }];
			})
	},
	{
		id: 'exempt_not_rated',
		rule: 'missing_review',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, annualMembers(ctx.R).filter((r) => !r.final && r.person!.exempt), 'exempt_not_rated', (r) => [
				member(r, 'missing_review', 'not_flagged', 'miễn sinh hoạt đảng: không xếp loại')
			])
	},
	{
		id: 'new_member_not_rated',
		rule: 'missing_review',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, annualMembers(ctx.R).filter((r) => !r.final && !r.person!.exempt && addMonths(r.person!.admitted, 6) > r.decided && !r.locked), 'new_member_not_rated', (r) => [
				member(r, 'missing_review', 'not_flagged', `kết nạp ngày ${iso(r.person!.admitted)}: chưa đủ 6 tháng`)
			])
	},
	{
		id: 'temporary_rated_elsewhere',
		rule: 'missing_review',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, annualMembers(ctx.R).filter((r) => r.final && r.person!.tempUnit), 'temporary_rated_elsewhere', (r) => [
				{ ...member(r, 'missing_review', 'not_flagged', `sinh hoạt tạm thời ở ${r.person!.tempUnit!.name}, xếp loại ở chi bộ chính thức`), unit: r.person!.tempUnit!.code }
			])
	},
	{
		id: 'dissolved_unit_no_list',
		rule: 'missing_review',
		expect: 'not_flagged',
		// the 2025 reorganisation dissolves units for sure; other years only now and then
		when: (y, years) => (years.includes(2025) ? y === 2025 : true),
		run: (ctx) =>
			tries(ctx, ctx.R.w.all.filter((u) => u.dissolved !== null && yearOf(u.dissolved) === ctx.R.y && u.kind !== 'tinh_uy'), 'dissolved_unit_no_list', (u) => [
				org(u, 'missing_review', 'not_flagged', `giải thể ngày ${iso(u.dissolved!)}: không phải xếp loại`)
			])
	},
	{
		id: 'chi_bo_excellent_below_80',
		rule: 'org_level_vs_members',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, cbOf(ctx.R).filter((c) => chiBoMembers(ctx.R, c).length >= 6), 'chi_bo_excellent_below_80', (cb) => {
				const R = ctx.R;
				const ms = chiBoMembers(R, cb);
				if (ms.some((r) => r.locked || r.final === INC)) return null;
				const n = ms.length;
				const low = ms.filter((r) => r.final === GOOD && plain(R, r.person!)).sort((a, b) => a.person!.merit - b.person!.merit);
				let gp = ms.filter((r) => r.final >= GOOD).length;
				while (gp * 5 >= n * 4 && low.length) {
					low.shift()!.final = COMP;
					gp--;
				}
				if (gp * 5 >= n * 4 || gp * 2 < n) return null;
				lockMembers(R, ms, true);
				const o = R.org.get(cb)!;
				o.final = EXC;
				o.locked = true;
				return [org(cb, 'org_level_vs_members', 'flagged', `chi bộ HTXSNV nhưng chỉ ${gp}/${n} đảng viên HTTNV trở lên`)];
			})
	},
	{
		id: 'chi_bo_good_with_incomplete',
		rule: 'org_level_vs_members',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, cbOf(ctx.R).filter((c) => chiBoMembers(ctx.R, c).length >= 6), 'chi_bo_good_with_incomplete', (cb) => {
				const R = ctx.R;
				const ms = chiBoMembers(R, cb);
				if (ms.some((r) => r.locked)) return null;
				const v = ms.find((r) => plain(R, r.person!) && r.final >= COMP);
				if (!v) return null;
				v.final = INC;
				lockMembers(R, ms, true);
				const o = R.org.get(cb)!;
				o.final = GOOD;
				o.locked = true;
				return [org(cb, 'org_level_vs_members', 'flagged', `chi bộ HTTNV nhưng có đảng viên ${v.person!.name} KHTNV`)];
			})
	},
	{
		id: 'over_20_percent_incomplete',
		rule: 'org_level_vs_members',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, cbOf(ctx.R).filter((c) => {
				const n = chiBoMembers(ctx.R, c).length;
				return n >= 5 && n <= 12;
			}), 'over_20_percent_incomplete', (cb) => {
				const R = ctx.R;
				const ms = chiBoMembers(R, cb);
				if (ms.some((r) => r.locked)) return null;
				const k = Math.floor(ms.length / 5) + 1;
				const vs = ms.filter((r) => plain(R, r.person!));
				if (vs.length < k) return null;
				for (const r of vs.slice(0, k)) r.final = INC;
				lockMembers(R, ms, true);
				const o = R.org.get(cb)!;
				o.final = COMP;
				o.locked = true;
				return [org(cb, 'org_level_vs_members', 'flagged', `${k}/${ms.length} đảng viên KHTNV (> 20%) nhưng chi bộ HTNV`)];
			})
	},
	{
		id: 'exactly_80_percent',
		rule: 'org_level_vs_members',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, cbOf(ctx.R).filter((c) => chiBoMembers(ctx.R, c).length % 5 === 0 && chiBoMembers(ctx.R, c).length >= 10), 'exactly_80_percent', (cb) => {
				const R = ctx.R;
				const ms = chiBoMembers(R, cb);
				if (ms.some((r) => r.locked || r.final === INC)) return null;
				const target = (ms.length * 4) / 5;
				let gp = ms.filter((r) => r.final >= GOOD).length;
				const down = ms.filter((r) => r.final === GOOD && plain(R, r.person!));
				const up = ms.filter((r) => r.final === COMP && canBe(R, r, GOOD));
				while (gp > target && down.length) {
					down.shift()!.final = COMP;
					gp--;
				}
				while (gp < target && up.length) {
					up.shift()!.final = GOOD;
					gp++;
				}
				if (gp !== target) return null;
				lockMembers(R, ms, true);
				const o = R.org.get(cb)!;
				o.final = EXC;
				o.locked = true;
				return [org(cb, 'org_level_vs_members', 'not_flagged', `chi bộ HTXSNV với đúng 80% (${gp}/${ms.length}) đảng viên HTTNV trở lên`)];
			})
	},
	{
		id: 'sick_leave_rated_good',
		rule: 'sick_leave_cap',
		expect: 'flagged',
		when: () => true,
		run: (ctx) => sick(ctx, 'sick_leave_rated_good', 120, 'flagged')
	},
	{
		id: 'sick_leave_89_days',
		rule: 'sick_leave_cap',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) => sick(ctx, 'sick_leave_89_days', 89, 'not_flagged')
	},
	{
		id: 'new_member_rated',
		rule: 'rated_too_early',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, annualMembers(ctx.R).filter((r) => !r.final && !r.person!.exempt && r.person!.suspendedYear !== ctx.R.y && !r.locked && plain(ctx.R, r.person!)), 'new_member_rated', (r) => {
				if (addMonths(r.person!.admitted, 6) <= r.decided) return null;
				r.final = GOOD;
				r.reason = '';
				r.reviewed = r.reviewed || r.decided - 5;
				r.locked = true;
				return [member(r, 'rated_too_early', 'flagged', `kết nạp ngày ${iso(r.person!.admitted)}, xếp loại ngày ${iso(r.decided)}`)];
			})
	},
	{
		id: 'new_org_rated',
		rule: 'rated_too_early',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ctx.R.chiBos.filter((c) => ctx.R.org.get(c) && !ctx.R.org.get(c)!.final && c.isNewOrg), 'new_org_rated', (cb) => {
				const o = ctx.R.org.get(cb)!;
				o.final = GOOD;
				o.reason = '';
				o.locked = true;
				return [org(cb, 'rated_too_early', 'flagged', `thành lập ngày ${iso(cb.founded)}, xếp loại ngày ${iso(o.decided)}`)];
			})
	},
	{
		id: 'six_months_to_the_day',
		rule: 'rated_too_early',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ordinary(ctx.R, (r) => yearOf(r.person!.admitted) === ctx.R.y && r.final >= COMP), 'six_months_to_the_day', (r) => {
				const p = r.person!;
				const old = p.admitted;
				p.admitted = monthsBefore(r.decided, 6);
				p.joinedUnit = p.joinedUnit === old ? p.admitted : p.joinedUnit;
				ctx.undos.push(() => {
					if (p.joinedUnit === p.admitted) p.joinedUnit = old;
					p.admitted = old;
				});
				r.locked = true;
				return [member(r, 'rated_too_early', 'not_flagged', `kết nạp ngày ${iso(p.admitted)}, xếp loại ngày ${iso(r.decided)}: đúng 6 tháng`)];
			})
	},
	{
		id: 'merged_unit_not_new',
		rule: 'rated_too_early',
		expect: 'not_flagged',
		when: (y) => y !== 2025,
		run: (ctx) => notNew(ctx, 'merged_unit_not_new', (u) => u.role !== 'commune')
	},
	{
		id: 'reorganised_2025_not_new',
		rule: 'rated_too_early',
		expect: 'not_flagged',
		when: (y) => y === 2025,
		run: (ctx) => notNew(ctx, 'reorganised_2025_not_new', (u) => u.role === 'commune')
	},
	{
		id: 'party_before_civil_servant',
		rule: 'order_of_rating',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ordinary(ctx.R, (r) => !!ctx.R.csOf.get(r.person!) && !ctx.R.csOf.get(r.person!)!.locked), 'party_before_civil_servant', (r) => {
				const cs = ctx.R.csOf.get(r.person!)!;
				cs.decided = r.decided + 3;
				cs.locked = true;
				r.locked = true;
				return [member(r, 'order_of_rating', 'flagged', `xếp loại đảng viên ngày ${iso(r.decided)}, công chức ngày ${iso(cs.decided)}`)];
			})
	},
	{
		id: 'higher_before_lower',
		rule: 'order_of_rating',
		expect: 'flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ctx.R.gs.filter((g) => g.kind === 'dang_bo_co_so' && ctx.R.org.get(g)?.final && !ctx.R.org.get(g)!.locked), 'higher_before_lower', (g) => {
				const o = ctx.R.org.get(g)!;
				o.decided = day(ctx.R.y, 11, 22);
				o.reviewed = Math.min(o.reviewed, o.decided - 2);
				o.locked = true;
				return [org(g, 'order_of_rating', 'flagged', `đảng bộ cơ sở xếp loại ngày ${iso(o.decided)}, trước các chi bộ trực thuộc`)];
			})
	},
	{
		id: 'school_year_rating',
		rule: 'order_of_rating',
		expect: 'not_flagged',
		when: () => true,
		run: (ctx) =>
			tries(ctx, ordinary(ctx.R, (r) => r.person!.school && !!ctx.R.csOf.get(r.person!)), 'school_year_rating', (r) => [
				member(r, 'order_of_rating', 'not_flagged', `viên chức giáo dục: xếp loại năm học ngày ${iso(ctx.R.csOf.get(r.person!)!.decided)}, trước xếp loại đảng viên`)
			])
	},
	{
		id: 'level_above_band',
		rule: 'score_band',
		expect: 'flagged',
		when: q366,
		run: (ctx) => band(ctx, 'level_above_band', 66, 'flagged'),
	},
	{
		id: 'score_missing',
		rule: 'score_band',
		expect: 'flagged',
		when: q366,
		run: (ctx) => band(ctx, 'score_missing', NaN, 'flagged')
	},
	{
		id: 'level_below_band',
		rule: 'score_band',
		expect: 'not_flagged',
		when: q366,
		run: (ctx) => band(ctx, 'level_below_band', 93, 'not_flagged')
	},
	{
		id: 'cs_level_above_band',
		rule: 'score_band',
		expect: 'flagged',
		when: (y) => y >= 2026,
		run: (ctx) =>
			tries(ctx, ctx.R.cs.filter((c) => c.level === GOOD && !c.locked && plain(ctx.R, c.person)), 'cs_level_above_band', (c) => {
				c.score = 64.5;
				c.scoreLocked = c.locked = true;
				return [{ rule: 'score_band', expect: 'flagged', unit: c.unit.code, subject: personRef(c.person), kind: 'civil_servant', person: c.person, note: 'viên chức HTTNV với 64,5 điểm (NĐ 335)' }];
			})
	},
	{
		id: 'r10_discipline_previous_year',
		rule: 'collective_with_disciplined',
		expect: 'not_flagged',
		when: (y, years) => y >= 2026 && years.includes(y - 1),
		prep: (ctx) => {
			const R = ctx.R;
			const underBp = R.chiBos.filter((c) => R.w.units.get(c.parent!)?.kind === 'dang_bo_bo_phan' && R.org.get(c)?.final && !R.org.get(c)!.locked);
			return tries(ctx, underBp.length ? underBp : cbOf(R), 'prep', (cb) => {
				const d = addDiscipline(R, { subjectUnit: cb, unit: cb }, ctx.rng);
				d.decided = day(R.y, 12, ctx.rng.int(10, 20));
				ctx.nextCarry.prevUnit.push(cb);
				ctx.undos.push(() => ctx.nextCarry.prevUnit.pop());
				return [];
			});
		},
		run: (ctx) =>
			tries(ctx, ctx.carry.prevUnit.filter((cb) => cb.dissolved === null).map((cb) => ctx.R.w.units.get(cb.parent!)!), 'r10_discipline_previous_year', (g) => {
				const o = ctx.R.org.get(g);
				if (!o || !o.final || o.locked) return null;
				o.final = EXC;
				o.locked = true;
				return [org(g, 'collective_with_disciplined', 'not_flagged', `tổ chức trực thuộc bị kỷ luật tháng 12/${ctx.R.y - 1}: không tính vào năm ${ctx.R.y}`)];
			})
	},
	{
		id: 'excellent_with_disciplined_subunit',
		rule: 'collective_with_disciplined',
		expect: 'flagged',
		when: q366,
		run: (ctx) => r10(ctx, 'excellent_with_disciplined_subunit')
	},
	{
		id: 'excellent_with_disciplined_leader',
		rule: 'collective_with_disciplined',
		expect: 'flagged',
		when: q366,
		run: (ctx) => r10(ctx, 'excellent_with_disciplined_leader')
	},
	{
		id: 'good_with_disciplined_subunit',
		rule: 'collective_with_disciplined',
		expect: 'not_flagged',
		when: q366,
		run: (ctx) => r10(ctx, 'good_with_disciplined_subunit')
	}
];

/** A unit formed this year by a merge, split or rename, rated: not new (R7 counts from its oldest predecessor). */
function notNew(ctx: PlantCtx, id: string, pick: (u: Unit) => boolean): boolean {
	const us = [...ctx.R.org.values()].filter((o) => o.final && !o.omit && o.unit.ageFrom < o.unit.founded && addMonths(o.unit.founded, 6) > o.decided && pick(o.unit)).map((o) => o.unit);
	return tries(ctx, us, id, (u) => [
		org(u, 'rated_too_early', 'not_flagged', `thành lập ngày ${iso(u.founded)} do sáp nhập, chia tách, đổi tên: tính từ đơn vị tiền thân (${iso(u.ageFrom)})`)
	]);
}

function headAbove(ctx: PlantCtx, newcomer: boolean): boolean {
	const R = ctx.R;
	const cands = cbOf(R).filter((cb) => {
		const h = cb.head;
		if (!h || (R.heads.get(h) ?? []).length !== 1 || R.leaderOf.has(h) || R.disciplinedPersons.has(h) || h.sick >= 90) return false;
		const m = R.memberOf.get(h);
		const cs = R.csOf.get(h);
		if (!m || !m.final || m.locked || (cs && cs.level < GOOD)) return false;
		// not a newcomer: in this unit (same code) since last year, as last year's roster shows
		// a newcomer: came in the year from a unit it was not formed from (check.ts)
		return newcomer ? isNewcomerHead(R, h, cb, { unit: h.unit, joinedUnit: h.joinedUnit }) : yearOf(h.joinedUnit) < R.y && cb.founded < day(R.y, 1, 1);
	});
	return tries(ctx, cands, newcomer ? 'newcomer_head' : 'head_above_unit', (cb) => {
		const o = R.org.get(cb)!;
		const m = R.memberOf.get(cb.head!)!;
		o.final = COMP;
		o.locked = true;
		m.final = GOOD;
		m.locked = true;
		const note = newcomer
			? `bí thư chuyển đến ngày ${iso(cb.head!.joinedUnit)}: không áp dụng (003 §5.11)`
			: 'bí thư chi bộ HTTNV, chi bộ HTNV';
		return [member(m, 'leader_above_unit', newcomer ? 'not_flagged' : 'flagged', note)];
	});
}

function sick(ctx: PlantCtx, id: string, days: number, expect: Draft['expect']): boolean {
	return tries(ctx, ordinary(ctx.R, (r) => r.final === GOOD && !ctx.R.csOf.has(r.person!)), id, (r) => {
		const p = r.person!;
		const old = p.sick;
		p.sick = days;
		r.sick = days;
		ctx.undos.push(() => (p.sick = old));
		r.locked = true;
		return [member(r, 'sick_leave_cap', expect, `nghỉ ốm ${days} ngày, xếp HTTNV`)];
	});
}

function band(ctx: PlantCtx, id: string, score: number, expect: Draft['expect']): boolean {
	return tries(ctx, ordinary(ctx.R, (r) => r.final === GOOD), id, (r) => {
		r.score = score;
		r.scoreLocked = true;
		r.locked = true;
		const note = Number.isNaN(score) ? 'xếp HTTNV nhưng không có điểm' : `xếp HTTNV với ${String(score).replace('.', ',')} điểm`;
		return [member(r, 'score_band', expect, note)];
	});
}

function r10(ctx: PlantCtx, id: string): boolean {
	const R = ctx.R;
	const free = (u: Unit) => !!R.org.get(u)?.final && !R.org.get(u)!.locked;
	// đảng bộ bộ phận first (their own excellent quota is the đảng ủy's), then commune đảng bộ
	const bps = R.bps.filter((b) => free(b) && w(R, b).length >= 2);
	const gs = R.gs.filter((g) => g.role === 'commune' && free(g) && w(R, g).length >= 5);
	const cands = id === 'excellent_with_disciplined_leader' ? gs : [...ctx.rng.shuffle(bps), ...ctx.rng.shuffle(gs)];
	for (const g of cands.slice(0, 6)) {
		const ok = attempt(ctx, id, () => {
			const o = R.org.get(g)!;
			if (id === 'excellent_with_disciplined_leader') {
				const d = (R.leadersOf.get(g) ?? []).slice(1).find((p) => !R.heads.has(p) && !R.disciplinedPersons.has(p));
				if (!d) return null;
				addDiscipline(R, { person: d, unit: d.unit }, ctx.rng);
				o.final = EXC;
				o.locked = true;
				return [org(g, 'collective_with_disciplined', 'flagged', `${g.name} HTXSNV nhưng đồng chí ${d.name} (thành viên lãnh đạo) bị kỷ luật trong năm`)];
			}
			const cb = w(R, g).find((c) => R.org.get(c)?.final && !R.org.get(c)!.locked && !R.disciplinedUnits.has(c) && c.kind !== 'dang_bo_bo_phan');
			if (!cb) return null;
			addDiscipline(R, { subjectUnit: cb, unit: cb, selfRemedied: ctx.rng.chance(0.5) }, ctx.rng);
			if (id === 'good_with_disciplined_subunit') {
				o.final = GOOD;
				o.locked = true;
				return [org(g, 'collective_with_disciplined', 'not_flagged', `${g.name} HTTNV (không phải HTXSNV) có ${cb.name} bị kỷ luật`)];
			}
			o.final = EXC;
			o.locked = true;
			return [org(g, 'collective_with_disciplined', 'flagged', `${g.name} HTXSNV nhưng ${cb.name} trực thuộc bị kỷ luật trong năm`)];
		});
		if (ok) return true;
	}
	return false;
}

const w = (R: Round, g: Unit) => g.kids.filter((k) => R.org.has(k));
