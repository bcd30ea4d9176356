// Makes a round clean under every rule R1–R10 by lowering levels only (never raising), so the
// loop always ends: a person's levels are capped by discipline, sick leave, their civil-servant
// level, their own leader rating and the units they head; an organisation's by its discipline and
// its members' results (R5, QĐ 124, R10); excellent counts by the 20% cap at every grouping.
// Locked ratings (planted cases) are never touched. Then finalise() fills self/proposed levels
// and the 100-point scores. Called by index.ts after buildRound() and by plant.ts after each plant.
import { yearOf } from './dates';
import { leadershipOf, type Round } from './rounds';
import { COMP, EXC, GOOD, INC, type CsRating, type Lv, type Rating, type Unit } from './types';

const isChiBo = (u: Unit) => u.kind === 'chi_bo_co_so' || u.kind === 'chi_bo_truc_thuoc';

/** R5: the highest level a chi bộ may have given its members' levels. */
export function r5Max(R: Round, cb: Unit): Lv {
	let n = 0,
		inc = 0,
		gp = 0;
	for (const r of membersOf(R, cb)) {
		n++;
		if (r.final === INC) inc++;
		if (r.final >= GOOD) gp++;
	}
	if (n === 0) return EXC;
	if (inc * 5 > n) return INC;
	if (inc > 0) return COMP;
	if (gp * 5 >= n * 4) return EXC;
	if (gp * 2 >= n) return GOOD;
	return COMP;
}

const memberCache = new WeakMap<Round, Map<Unit, Rating[]>>();
export function membersOf(R: Round, cb: Unit): Rating[] {
	let m = memberCache.get(R);
	if (!m) {
		m = new Map();
		for (const r of R.ratings) {
			if (r.kind !== 'member' || r.pk !== 'year' || r.final === 0 || r.omit) continue;
			(m.get(r.unit) ?? m.set(r.unit, []).get(r.unit)!).push(r);
		}
		memberCache.set(R, m);
	}
	return m.get(cb) ?? [];
}
export function invalidate(R: Round): void {
	memberCache.delete(R);
}

function lower(r: { final: Lv; locked: boolean }, cap: number): boolean {
	if (r.locked || r.final === 0 || r.final <= cap) return false;
	r.final = cap as Lv;
	return true;
}

function personCaps(R: Round): boolean {
	let ch = false;
	for (const r of R.ratings) {
		if (!r.person || r.final === 0 || r.locked || r.omit) continue;
		const p = r.person;
		let cap = EXC;
		if (R.disciplinedPersons.has(p)) cap = INC;
		if (r.pk === 'year') {
			if (r.kind === 'member' && r.sick >= 90) cap = Math.min(cap, COMP);
			const cs = R.csOf.get(p);
			if (cs) cap = Math.min(cap, cs.level);
			for (const u of R.heads.get(p) ?? []) {
				const o = R.org.get(u);
				const l = R.lead.get(u);
				if (o && o.final && !o.omit) cap = Math.min(cap, o.final);
				if (l && l.final && !l.omit) cap = Math.min(cap, l.final);
			}
			for (const lr of R.leaderOf.get(p) ?? []) {
				if (lr.pk !== 'year' || lr === r) continue;
				// leaders (heads and deputies) stay within their collective and organisation
				const o = R.org.get(lr.unit);
				const l = R.lead.get(lr.unit);
				if (o && o.final) cap = Math.min(cap, o.final);
				if (l && l.final) cap = Math.min(cap, l.final);
				if (r.kind === 'member' && lr.final) cap = Math.min(cap, lr.final);
			}
			if (r.kind === 'leader') {
				const o = R.org.get(r.unit);
				const l = R.lead.get(r.unit);
				if (o && o.final) cap = Math.min(cap, o.final);
				if (l && l.final) cap = Math.min(cap, l.final);
			}
		}
		ch = lower(r, cap) || ch;
	}
	return ch;
}

function orgCaps(R: Round): boolean {
	let ch = false;
	const q124 = R.rulebook === 'qd124';
	const q366 = R.rulebook === 'qd366';
	// QĐ 124: a leadership collective one of whose members (leadershipOf) was disciplined in the
	// year, not self-remedied, is incomplete; QĐ 366: an organisation with a disciplined one is at
	// most good (R10)
	const unremedied = new Set(R.disciplines.filter((d) => d.person && !d.selfRemedied && yearOf(d.decided) === R.y).map((d) => d.person));
	const collective = leadershipOf(R);
	const leadershipHit = (u: Unit) => collective(u).some((p) => unremedied.has(p));
	for (const [u, o] of R.org) {
		if (o.omit) continue;
		let cap = EXC;
		const d = R.disciplinedUnits.get(u);
		if (d) cap = d.selfRemedied ? COMP : INC;
		if (q124 || q366) {
			for (const v of R.memberViolationUnits.get(u) ?? []) if (!v.selfRemedied) cap = INC;
		}
		if (isChiBo(u)) cap = Math.min(cap, r5Max(R, u));
		const subs = u.kids.filter((k) => R.org.has(k));
		if (subs.length) {
			const nd = subs.filter((k) => R.disciplinedUnits.has(k)).length;
			if ((q124 || q366) && nd * 5 > subs.length) cap = INC;
			if (q366 && nd > 0) cap = Math.min(cap, GOOD);
		}
		if (q366 && collective(u).some((p) => R.disciplinedPersons.has(p))) cap = Math.min(cap, GOOD);
		ch = lower(o, cap) || ch;
		const l = R.lead.get(u);
		if (l && o.final) ch = lower(l, Math.min(cap, o.final)) || ch;
		if (l && q124 && leadershipHit(u)) ch = lower(l, INC) || ch;
	}
	return ch;
}

/** Allowed excellent for `good` rated good: 20% (floor); fewer than 5 good -> 1 unless strict. */
export function allowed(good: number, strict: boolean): number {
	if (!strict && good < 5) return 1;
	return Math.floor(good / 5);
}

function demote(list: Array<Rating | CsRating>, strict: boolean): boolean {
	let e = 0,
		g = 0;
	for (const r of list) {
		if ('omit' in r && r.omit) continue;
		const f = 'level' in r ? r.level : r.final;
		if (f === EXC) e++;
		else if (f === GOOD) g++;
	}
	if (e === 0) return false;
	let ch = false;
	while (e > allowed(g, strict)) {
		let best: Rating | CsRating | null = null;
		let bestKey = Infinity;
		for (const r of list) {
			const f = 'level' in r ? r.level : r.final;
			if (f !== EXC || r.locked || ('omit' in r && r.omit)) continue;
			const key = 'level' in r ? r.person.merit : r.person ? r.person.merit : r.u;
			if (key < bestKey) {
				bestKey = key;
				best = r;
			}
		}
		if (!best) break;
		if ('level' in best) best.level = GOOD;
		else {
			if (!best.proposed) best.proposed = EXC;
			best.final = GOOD;
		}
		e--;
		g++;
		ch = true;
	}
	return ch;
}

function group<T>(items: T[], key: (t: T) => string | null): Map<string, T[]> {
	const m = new Map<string, T[]>();
	for (const t of items) {
		const k = key(t);
		if (k === null) continue;
		(m.get(k) ?? m.set(k, []).get(k)!).push(t);
	}
	return m;
}

interface R1Groups {
	strict: Array<Array<Rating | CsRating>>;
	lenient: Array<Array<Rating | CsRating>>;
}
const r1Cache = new WeakMap<Round, R1Groups>();

/** The groupings R1 counts in, built once per round (levels change, groupings do not). */
function r1Groups(R: Round): R1Groups {
	let g = r1Cache.get(R);
	if (g) return g;
	// members within their chi bộ: strict 20% (so that every union of chi bộ also holds)
	const unitMembers = group(R.ratings, (r) => (r.kind === 'member' ? `${r.unit.code}|${r.pk}|${r.pno}` : null));
	// other kinds within their unit: the small-unit exception applies
	const unitOther = group(R.ratings, (r) => (r.kind !== 'member' ? `${r.kind}|${r.unit.code}|${r.pk}|${r.pno}` : null));
	// within each deciding body over everything it decides for one kind; a province decides for
	// many districts, so its share from one district is held to the strict 20%
	const deciders = group(R.ratings, (r) => `${r.kind}|${r.decider.code}|${r.pk}|${r.pno}`);
	const strictDeciders = [...deciders.values()].filter((l) => l[0].decider.kind === 'tinh_uy');
	const lenientDeciders = [...deciders.values()].filter((l) => l[0].decider.kind !== 'tinh_uy');
	// civil servants within their agency: strict
	const agencies = group(R.cs, (c) => c.agency);
	g = {
		strict: [...unitMembers.values(), ...strictDeciders, ...agencies.values()],
		lenient: [...unitOther.values(), ...lenientDeciders]
	};
	r1Cache.set(R, g);
	return g;
}

function r1(R: Round): boolean {
	let ch = false;
	const g = r1Groups(R);
	for (const l of g.strict) ch = demote(l, true) || ch;
	for (const l of g.lenient) ch = demote(l, false) || ch;
	return ch;
}

/** Lower levels until the round is clean (locked ratings stay as planted). */
export function settle(R: Round): void {
	for (let it = 0; it < 60; it++) {
		invalidate(R);
		let ch = personCaps(R);
		ch = orgCaps(R) || ch;
		ch = r1(R) || ch;
		if (!ch) return;
	}
	throw new Error(`settle did not converge for ${R.w.district.code} ${R.y}`);
}

const BANDS: Record<number, [number, number]> = { 4: [90, 99], 3: [70, 89.5], 2: [50, 69.5], 1: [25, 49.5] };

export function scoreIn(level: Lv, u: number): number {
	const [lo, hi] = BANDS[level];
	const steps = Math.round((hi - lo) * 2);
	return lo + Math.min(steps, Math.floor(u * (steps + 1))) / 2;
}

/** Self and proposed levels, civil-servant levels beside member ratings, and scores under QĐ 366 / NĐ 335. */
export function finalise(R: Round): void {
	const scored = R.rulebook === 'qd366';
	for (const r of R.ratings) {
		if (r.final === 0) continue;
		if (!r.proposed) r.proposed = r.final;
		if (!r.self) r.self = (r.u < 0.12 && r.proposed < EXC ? r.proposed + 1 : r.proposed) as Lv;
		if (r.kind === 'member' && r.person) {
			const cs = R.csOf.get(r.person);
			r.csLevel = cs ? cs.level : 0;
		}
		if (scored && !r.scoreLocked) {
			// an excellent lowered by the re-vote often keeps its excellent-band score (level below band)
			const lv = r.proposed > r.final && r.u < 0.5 ? r.proposed : r.final;
			r.score = scoreIn(lv as Lv, (r.u * 7.13) % 1);
		}
	}
	for (const c of R.cs) {
		if (R.y >= 2026 && !c.scoreLocked) c.score = scoreIn(c.level, c.u);
	}
}
