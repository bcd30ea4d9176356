// The generator's own audit of a round: R1–R10 as RULES.md and its Decisions table state them,
// written independently of settle.ts, returning finding keys shaped like the real audit's
// (src/lib/domain/anomaly.ts). plant.ts uses it to prove that each planted case produces exactly
// its finding and nothing else; the tests use it to prove the baseline is clean. It is a second
// opinion for the generator, not the product's rule engine (that lives in sql/rules/).
import { findingKey, type RuleId } from '$lib/domain/anomaly';
import { addMonths, day, yearOf } from './dates';
import { leadershipOf as collectiveOf, type Round } from './rounds';
import { COMP, EXC, GOOD, INC, type Lv, type Person, type Rating, type Unit } from './types';

export interface Finding {
	key: string;
	rule: RuleId;
	unit: string;
	subject: string;
	pk: 'year' | 'quarter';
	pno: number;
	msg: string;
}

export function personRef(p: Person): string {
	return p.card;
}
export const unitRef = (u: Unit) => `unit:${u.code}`;

export function bandOf(score: number): Lv {
	return score >= 90 ? EXC : score >= 70 ? GOOD : score >= 50 ? COMP : INC;
}

function allowedExc(good: number): number {
	return good < 5 ? 1 : Math.floor(good / 5);
}

const isChiBo = (u: Unit) => u.kind === 'chi_bo_co_so' || u.kind === 'chi_bo_truc_thuoc';
/** x is u or a unit under it */
const within = (x: Unit, u: Unit): boolean => x === u || u.kids.some((k) => within(x, k));

/** x is u or under it in the registry (by parent codes: a dissolved unit keeps its parent) */
function under(R: Round, x: Unit | undefined, u: Unit): boolean {
	for (; x; x = x.parent ? R.w.units.get(x.parent) : undefined) if (x === u) return true;
	return false;
}

/** u and the units it was formed from in year y or later (merged, split, renamed), back to any
 * depth, each lineage dated as the registry writes it: a merged unit's own date, else the new one's */
function forebears(R: Round, u: Unit): Unit[] {
	const out = [u];
	const add = (x: Unit | undefined, on: number) => {
		if (x && on >= day(R.y, 1, 1) && !out.includes(x)) out.push(x);
	};
	for (let i = 0; i < out.length; i++) {
		const t = out[i];
		for (const code of [t.splitFrom, t.renamedFrom]) if (code) add(R.w.units.get(code), t.lineageOn ?? t.founded);
		for (const o of R.w.all) if (o.mergedInto === t.code) add(o, o.lineageOn ?? t.founded);
	}
	return out;
}

/**
 * R3's newcomer head (003 §5.11, sql/rules/leader_above_unit.sql): the roster shows p come in the
 * year to u or a chi bộ under it (`row`, their roster row), whatever the day, and last year's
 * roster has them neither in u nor in a unit u was formed from in the year (a head who came over
 * with a merged or split chi bộ did not arrive; one posted to a unit on its founding day did).
 */
export function isNewcomerHead(R: Round, p: Person, u: Unit, row: { unit: Unit; joinedUnit: number } | undefined): boolean {
	if (!row || !within(row.unit, u) || yearOf(row.joinedUnit) !== R.y) return false;
	const was = R.lastYear.get(p) ?? [];
	return !forebears(R, u).some((f) => was.some((x) => under(R, x, f)));
}

export function check(R: Round): Finding[] {
	const out = new Map<string, Finding>();
	const y = R.y;
	const add = (rule: RuleId, unit: string, subject: string, msg: string, pk: 'year' | 'quarter' = 'year', pno = 0) => {
		const key = findingKey({ rule, year: y, period_kind: pk, period_no: pno, unit_code: unit, subject_ref: subject });
		if (!out.has(key)) out.set(key, { key, rule, unit, subject, pk, pno, msg });
	};
	const rated = R.ratings.filter((r) => !r.omit && r.final !== 0);
	const annual = rated.filter((r) => r.pk === 'year');
	const orgOf = new Map<Unit, Rating>();
	const leadOf = new Map<Unit, Rating>();
	const memberOf = new Map<Person, Rating>();
	const leaderOf = new Map<Person, Rating[]>();
	const membersIn = new Map<Unit, Rating[]>();
	for (const r of R.ratings) {
		if (r.omit || r.pk !== 'year') continue;
		if (r.kind === 'party_org') orgOf.set(r.unit, r);
		else if (r.kind === 'leadership') leadOf.set(r.unit, r);
		else if (r.kind === 'member' && r.person) {
			memberOf.set(r.person, r);
			if (r.final) (membersIn.get(r.unit) ?? membersIn.set(r.unit, []).get(r.unit)!).push(r);
		} else if (r.kind === 'leader' && r.person) (leaderOf.get(r.person) ?? leaderOf.set(r.person, []).get(r.person)!).push(r);
	}
	const csOf = new Map(R.cs.map((c) => [c.person, c]));
	const discPersons = new Set<Person>();
	const discUnits = new Map<Unit, { self: boolean }>();
	const violationsAt = new Map<Unit, boolean>();
	const discUnremedied = new Set<Person>();
	for (const d of R.disciplines) {
		if (yearOf(d.decided) !== y) continue;
		if (d.person) {
			discPersons.add(d.person);
			if (!d.selfRemedied) {
				violationsAt.set(d.unit, true);
				discUnremedied.add(d.person);
			}
		} else if (d.subjectUnit) discUnits.set(d.subjectUnit, { self: d.selfRemedied });
	}
	// the members of a unit's leadership collective (R2 under QĐ 124, R10)
	const leadershipOf = collectiveOf(R);

	// R1 excellent_cap: within each unit and within each deciding body, per kind and period
	const groups = new Map<string, { e: number; g: number; unit: string; sub: string; pk: 'year' | 'quarter'; pno: number }>();
	const bump = (k: string, unit: string, sub: string, r: { final: Lv; pk: 'year' | 'quarter'; pno: number }) => {
		let gr = groups.get(k);
		if (!gr) groups.set(k, (gr = { e: 0, g: 0, unit, sub, pk: r.pk, pno: r.pno }));
		if (r.final === EXC) gr.e++;
		else if (r.final === GOOD) gr.g++;
	};
	for (const r of rated) {
		bump(`u|${r.kind}|${r.unit.code}|${r.pk}|${r.pno}`, r.unit.code, 'group:unit', r);
		bump(`d|${r.kind}|${r.decider.code}|${r.pk}|${r.pno}`, r.decider.code, 'group:decider', r);
	}
	for (const c of R.cs) bump(`cs|${c.agency}`, c.unit.code, 'group:unit', { final: c.level, pk: 'year', pno: 0 });
	for (const gr of groups.values())
		if (gr.e > allowedExc(gr.g)) add('excellent_cap', gr.unit, gr.sub, `${gr.e} xuất sắc / ${gr.g} tốt`, gr.pk, gr.pno);

	// R2 disciplined_not_incomplete
	for (const r of rated) {
		if (r.person && discPersons.has(r.person) && r.final > INC)
			add('disciplined_not_incomplete', r.unit.code, personRef(r.person), 'kỷ luật nhưng không KHT', r.pk, r.pno);
	}
	for (const [u, d] of discUnits) {
		for (const r of [orgOf.get(u), leadOf.get(u)])
			if (r && r.final > (d.self ? COMP : INC)) add('disciplined_not_incomplete', u.code, unitRef(u), 'tổ chức bị kỷ luật');
	}
	if (R.rulebook === 'qd124') {
		for (const [u, o] of orgOf) {
			if (!o.final) continue;
			if (violationsAt.get(u) && o.final > INC) add('disciplined_not_incomplete', u.code, unitRef(u), 'có đảng viên bị kỷ luật (QĐ 124)');
			const subs = u.kids.filter((k) => orgOf.has(k));
			const nd = subs.filter((k) => discUnits.has(k)).length;
			if (subs.length && nd * 5 > subs.length && o.final > INC) add('disciplined_not_incomplete', u.code, unitRef(u), '> 20% tổ chức trực thuộc bị kỷ luật');
		}
		// a leadership collective, by its own members' disciplines
		for (const [u, l] of leadOf)
			if (l.final > INC && leadershipOf(u).some((p) => discUnremedied.has(p)))
				add('disciplined_not_incomplete', u.code, unitRef(u), 'thành viên tập thể lãnh đạo bị kỷ luật (QĐ 124)');
	}

	// R3 leader_above_unit
	const rosterRow = new Map<Person, { unit: Unit; joinedUnit: number }>();
	for (const rows of R.rosterByG.values()) for (const row of rows) if (row.status !== 'temporary') rosterRow.set(row.person, row);
	for (const [p, units] of R.heads) {
		for (const u of units) {
			const cap = Math.min(orgOf.get(u)?.final || EXC, leadOf.get(u)?.final || EXC);
			const newcomer = isNewcomerHead(R, p, u, rosterRow.get(p));
			for (const r of [memberOf.get(p), ...(leaderOf.get(p) ?? [])]) {
				if (!r || !r.final || r.final <= cap) continue;
				if (r.kind === 'leader' && r.unit !== u) continue;
				if (!newcomer) add('leader_above_unit', r.unit.code, personRef(p), 'người đứng đầu cao hơn đơn vị');
			}
		}
	}
	for (const [u, l] of leadOf) {
		const o = orgOf.get(u);
		if (o && o.final && l.final > o.final) add('leader_above_unit', u.code, unitRef(u), 'tập thể cao hơn tổ chức');
	}
	for (const [p, m] of memberOf) {
		if (!m.final) continue;
		const cs = csOf.get(p);
		if (cs && m.final > cs.level) add('leader_above_unit', m.unit.code, personRef(p), 'đảng viên cao hơn công chức');
		for (const lr of leaderOf.get(p) ?? []) if (lr.final && m.final > lr.final) add('leader_above_unit', m.unit.code, personRef(p), 'đảng viên cao hơn cán bộ');
	}

	// R4 missing_review
	const endOfYear = day(y, 12, 31);
	// the day each chi bộ's member list was decided (else reviewed), the latest if several
	const listOn = new Map<Unit, number>();
	for (const [u, rs] of membersIn) listOn.set(u, Math.max(0, ...rs.map((r) => r.decided || r.reviewed || 0)));
	for (const rows of R.rosterByG.values()) {
		for (const row of rows) {
			if (row.status === 'temporary' || row.status === 'exempt' || row.status === 'suspended') continue;
			const m = memberOf.get(row.person);
			if (m && m.final) continue;
			// six months to their own not-rated row's date, else their chi bộ's list's, else 31/12
			const ref = m?.decided || listOn.get(row.unit) || endOfYear;
			if (addMonths(row.person.admitted, 6) > ref) continue;
			add('missing_review', row.unit.code, personRef(row.person), 'đảng viên không được xếp loại');
		}
	}
	// (a quarter's assessment holds no review meeting: r4_review_period_kinds)
	for (const r of rated)
		if (r.pk !== 'quarter' && (!r.reviewed || (r.decided && r.reviewed > r.decided)))
			add('missing_review', r.unit.code, r.person ? personRef(r.person) : unitRef(r.unit), 'chưa kiểm điểm, hoặc xếp loại trước khi kiểm điểm', r.pk, r.pno);
	// a registry unit of a rated kind, founded, old enough (by its oldest predecessor), not dissolved
	// by its deadline, without a rating of its own as an organisation
	const orgRated = new Set<Unit>();
	const unratedOn = new Map<Unit, number>();
	for (const r of R.ratings) {
		if (r.omit || r.pk !== 'year' || r.kind !== 'party_org') continue;
		if (r.final) orgRated.add(r.unit);
		else unratedOn.set(r.unit, r.decided || r.reviewed || endOfYear);
	}
	// the deadline of a deciding body's level; above the grassroots none (the seeds date only the
	// lists sent up, by 15/12, which the upper bodies then decide on)
	const deadline = (u: Unit): number | null =>
		isChiBo(u) ? R.deadlines.chiBo : u.kind === 'dang_bo_bo_phan' ? R.deadlines.bp : u.kind === 'dang_bo_co_so' ? R.deadlines.grassroots : null;
	// … else the day the nearest body above it decided its list of organisations (else reviewed it), as
	// for a member left off a list (listOn)
	const orgListOn = new Map<Unit, { decided: number; on: number }>();
	for (const r of R.ratings) {
		if (r.omit || r.pk !== 'year' || r.kind !== 'party_org') continue;
		const l = orgListOn.get(r.decider) ?? { decided: 0, on: 0 };
		orgListOn.set(r.decider, { decided: Math.max(l.decided, r.decided || 0), on: Math.max(l.on, r.decided || r.reviewed || 0) });
	}
	const bodyListOn = (u: Unit): number => {
		for (let b = u.parent ? R.w.units.get(u.parent) : undefined; b; b = b.parent ? R.w.units.get(b.parent) : undefined) {
			const l = orgListOn.get(b);
			if (l) return l.decided || l.on || endOfYear;
		}
		return endOfYear;
	};
	for (const u of R.w.all) {
		if (u.kind === 'tinh_uy' || u.founded > endOfYear || addMonths(u.ageFrom, 6) > (unratedOn.get(u) ?? bodyListOn(u))) continue;
		if (u.dissolved !== null && u.dissolved <= (deadline(u) ?? endOfYear)) continue;
		if (!orgRated.has(u)) add('missing_review', u.code, unitRef(u), 'không có kết quả xếp loại tổ chức đảng');
	}
	const lateBy = new Map<string, Rating>();
	for (const r of R.ratings) {
		const due = deadline(r.decider);
		if (!r.omit && r.pk === 'year' && due !== null && r.decided > due) lateBy.set(r.decider.code, r);
	}
	for (const [code] of lateBy) add('missing_review', code, `unit:${code}`, 'nộp muộn');

	// R5 org_level_vs_members
	for (const [u, o] of orgOf) {
		if (!isChiBo(u) || !o.final) continue;
		const ms = membersIn.get(u) ?? [];
		const n = ms.length;
		if (!n) continue;
		const inc = ms.filter((r) => r.final === INC).length;
		const gp = ms.filter((r) => r.final >= GOOD).length;
		const bad =
			(o.final === EXC && (inc > 0 || gp * 5 < n * 4)) || (o.final === GOOD && (inc > 0 || gp * 2 < n)) || (inc * 5 > n && o.final > INC);
		if (bad) add('org_level_vs_members', u.code, unitRef(u), `${o.final}: ${gp}/${n} tốt+, ${inc} KHT`);
	}

	// R6 sick_leave_cap
	for (const r of annual) if (r.person && r.kind === 'member' && r.sick >= 90 && r.final >= GOOD) add('sick_leave_cap', r.unit.code, personRef(r.person), `${r.sick} ngày`);

	// R7 rated_too_early
	for (const r of rated) {
		const ref = r.decided || r.reviewed || endOfYear;
		if (r.person && r.kind === 'member' && addMonths(r.person.admitted, 6) > ref) add('rated_too_early', r.unit.code, personRef(r.person), 'kết nạp chưa đủ 6 tháng', r.pk, r.pno);
		if (r.kind === 'party_org' && addMonths(r.unit.ageFrom, 6) > ref) add('rated_too_early', r.unit.code, unitRef(r.unit), 'thành lập chưa đủ 6 tháng');
	}

	// R8 order_of_rating
	for (const [p, m] of memberOf) {
		const cs = csOf.get(p);
		if (m.final && cs && m.decided < cs.decided) add('order_of_rating', m.unit.code, personRef(p), 'xếp loại đảng viên trước công chức');
	}
	const below = (u: Unit): Unit[] => u.kids.flatMap((k) => [k, ...below(k)]);
	for (const [u, o] of orgOf) {
		if (!o.final) continue;
		for (const k of below(u)) {
			const ko = orgOf.get(k);
			if (ko && ko.final && ko.decided > o.decided) {
				add('order_of_rating', u.code, unitRef(u), `cấp trên ${o.decided} trước cấp dưới ${k.code}`);
				break;
			}
		}
	}

	// R9 score_band (QĐ 366; NĐ 335 for civil servants from 2026)
	if (R.rulebook === 'qd366') {
		for (const r of rated) {
			if (Number.isNaN(r.score) || r.final > bandOf(r.score))
				add('score_band', r.unit.code, r.person ? personRef(r.person) : unitRef(r.unit), `điểm ${r.score}`, r.pk, r.pno);
		}
	}
	if (y >= 2026) for (const c of R.cs) if (Number.isNaN(c.score) || c.level > bandOf(c.score)) add('score_band', c.unit.code, personRef(c.person), `CBCCVC điểm ${c.score}`);

	// R10 collective_with_disciplined (QĐ 366): leadership members as above
	if (R.rulebook === 'qd366') {
		for (const u of new Set([...orgOf.keys(), ...leadOf.keys()])) {
			const top = Math.max(orgOf.get(u)?.final ?? 0, leadOf.get(u)?.final ?? 0);
			if (top !== EXC) continue;
			const subHit = u.kids.some((k) => discUnits.has(k));
			const leaderHit = leadershipOf(u).some((p) => discPersons.has(p));
			if (subHit || leaderHit) add('collective_with_disciplined', u.code, unitRef(u), subHit ? 'có tổ chức trực thuộc bị kỷ luật' : 'có thành viên lãnh đạo bị kỷ luật');
		}
	}
	return [...out.values()];
}

/** Rows the ingest would refuse as duplicates: one person twice in a roster or in one list. */
export function duplicates(R: Round): string[] {
	const out: string[] = [];
	for (const [g, rows] of R.rosterByG) {
		const seen = new Set<Person>();
		for (const r of rows) {
			if (seen.has(r.person)) out.push(`${R.y} roster ${g.code}: ${r.person.card} twice`);
			seen.add(r.person);
		}
	}
	const lists = new Map<string, Set<Person>>();
	for (const r of R.ratings) {
		if (!r.person || r.omit) continue;
		const k = `${r.decider.code}|${r.kind}|${r.pk}|${r.pno}`;
		const s = lists.get(k) ?? lists.set(k, new Set()).get(k)!;
		if (s.has(r.person)) out.push(`${R.y} list ${k}: ${r.person.card} twice`);
		s.add(r.person);
	}
	return out;
}
