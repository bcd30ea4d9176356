// One rating round of one district: the roster, the discipline register, civil-servant ratings,
// member ratings, ratings of chi bộ, đảng bộ bộ phận, grassroots organisations, their leadership
// collectives and leaders (and, under QĐ 366, quarterly ratings of leaders and 100-point scores),
// dated in the order the rulebook of the year prescribes. settle.ts then makes the baseline clean
// under R1–R10; plant.ts breaks it on purpose. Called by index.ts once per district and year.
import { addMonths, day, yearOf } from './dates';
import { communeParty } from './places';
import { statusOf } from './people';
import type { Rng } from './prng';
import {
	COMP,
	EXC,
	GOOD,
	INC,
	rulebookOf,
	type CsRating,
	type Discipline,
	type Lv,
	type Person,
	type Rating,
	type RosterRow,
	type Rulebook,
	type SubjectKind,
	type Unit
} from './types';
import type { World } from './units';

/** Shares of a locality in a year, before the caps (R1 trims excellent). */
export interface Shares {
	exc: number;
	comp: number;
	inc: number;
}

export function sharesFor(base: Shares, y: number): Shares {
	const t = Math.min(y, 2024) - 2019;
	const q366 = y >= 2025 ? 1 : 0;
	return {
		exc: Math.max(0.08, base.exc + t * 0.004 - q366 * 0.012),
		comp: Math.max(0.04, base.comp - t * 0.003 + q366 * 0.015),
		inc: Math.max(0.004, base.inc - t * 0.0008 + q366 * 0.002)
	};
}

export interface HuyenPlan {
	org: Lv;
	lead: Lv;
	leaders: Lv[];
	decided: number;
}

export interface Deadlines {
	chiBo: number;
	bp: number;
	grassroots: number;
}

export interface Round {
	y: number;
	rulebook: Rulebook;
	w: World;
	roundDay: number;
	/** decides grassroots organisations, their leadership and leaders: district, or province from 2025 */
	above: Unit;
	/** province committee deciding the district committee (up to 2024) */
	tinh: Unit;
	gs: Unit[];
	chiBos: Unit[];
	bps: Unit[];
	rosterByG: Map<Unit, RosterRow[]>;
	/** the units of each person's roster rows the year before, as written (none in the first year
	 * generated: nothing loaded shows that year) — R3's newcomer heads */
	lastYear: Map<Person, Unit[]>;
	ratings: Rating[];
	cs: CsRating[];
	disciplines: Discipline[];
	deadlines: Deadlines;
	// indexes
	org: Map<Unit, Rating>;
	lead: Map<Unit, Rating>;
	memberOf: Map<Person, Rating>;
	leaderOf: Map<Person, Rating[]>;
	csOf: Map<Person, CsRating>;
	/** person -> units whose head they are (R3) */
	heads: Map<Person, Unit[]>;
	/** G / district -> its leaders (head first) */
	leadersOf: Map<Unit, Person[]>;
	/** persons disciplined this year (counting forms) */
	disciplinedPersons: Set<Person>;
	/** units disciplined this year */
	disciplinedUnits: Map<Unit, Discipline>;
	/** members' violations by the unit where they happened */
	memberViolationUnits: Map<Unit, Discipline[]>;
	/** the members of the rated collective of a G/district (its leaders) who were disciplined */
	quarters: number[];
}

/** A chi bộ deputy's title on the roster (rounds.ts writes it; a deputy who leads the đảng bộ too bears that title instead). */
const DEPUTY_CHI_BO = 'Phó Bí thư Chi bộ';

/**
 * The members of each unit's leadership collective as the rules find them (collective_members in
 * sql/rules/shared/macros.sql; R2 under QĐ 124, R10): its rated leaders, and on the rosters each
 * chi bộ's head and the deputies titled "Phó Bí thư Chi bộ" (the đảng bộ's leaders are on the
 * rosters by their đảng ủy titles, and rated as its leaders already).
 */
export function leadershipOf(R: Round): (u: Unit) => Person[] {
	const seated = new Map<Unit, Person[]>();
	for (const rows of R.rosterByG.values())
		for (const row of rows) if (row.isHead || row.position === DEPUTY_CHI_BO) (seated.get(row.unit) ?? seated.set(row.unit, []).get(row.unit)!).push(row.person);
	return (u) => [...(R.leadersOf.get(u) ?? []), ...(seated.get(u) ?? [])];
}

export function deadlinesOf(y: number): Deadlines {
	return { chiBo: day(y, 12, 1), bp: day(y, 12, 5), grassroots: day(y, 12, 10) };
}

function mkRating(r: Partial<Rating> & Pick<Rating, 'year' | 'kind' | 'decider' | 'unit'>): Rating {
	return {
		pk: 'year',
		pno: 0,
		person: null,
		position: '',
		isHead: false,
		self: 0,
		proposed: 0,
		final: 0,
		csLevel: 0,
		reviewed: 0,
		decided: 0,
		sick: 0,
		score: NaN,
		u: 0,
		reason: '',
		note: '',
		locked: false,
		scoreLocked: false,
		omit: false,
		...r
	};
}

function draw(rng: Rng, s: Shares, merit: number, weak: boolean): Lv {
	const pE = Math.min(0.6, s.exc * 1.45 * (0.25 + 1.5 * merit));
	const pI = Math.min(0.5, s.inc * (weak ? 6 : 0.35) * (1.7 - 1.4 * merit));
	const pC = Math.min(0.6, s.comp * (weak ? 1.6 : 1) * (1.8 - 1.6 * merit));
	const u = rng.next();
	if (u < pI) return INC;
	if (u < pI + pC) return COMP;
	if (u > 1 - pE) return EXC;
	return GOOD;
}

function orgDraw(rng: Rng, max: Lv): Lv {
	const u = rng.next();
	if (max >= EXC && u < 0.28) return EXC;
	if (max >= GOOD && u < 0.93) return Math.min(max, GOOD) as Lv;
	return Math.min(max, u < 0.985 ? COMP : INC) as Lv;
}

const NOT_RATED = {
	exempt: ['Miễn sinh hoạt đảng', 'Được miễn công tác và sinh hoạt đảng', 'Miễn SH'],
	suspended: ['Đình chỉ sinh hoạt đảng', 'Đình chỉ sinh hoạt'],
	newMember: ['Kết nạp chưa đủ 6 tháng', 'Mới kết nạp chưa đủ 06 tháng', 'Đảng viên mới kết nạp chưa đủ 6 tháng'],
	newOrg: ['Mới thành lập chưa đủ 6 tháng', 'Thành lập chưa đủ 06 tháng']
};

function leaderPositions(u: Unit): string[] {
	if (u.kind === 'huyen_uy') {
		const label = u.name.split(' ').slice(0, 2).join(' ');
		return [`Bí thư ${label}`, `Phó Bí thư Thường trực ${label}`, `Phó Bí thư ${label}, Chủ tịch UBND`];
	}
	if (u.role === 'commune') {
		const cp = communeParty(u.locality);
		return [`Bí thư ${cp.committee}`, `Phó Bí thư Thường trực Đảng ủy`, `Phó Bí thư Đảng ủy, Chủ tịch ${cp.gov}`];
	}
	if (u.kind === 'dang_bo_co_so') return ['Bí thư Đảng ủy', 'Phó Bí thư Đảng ủy', 'Phó Bí thư Đảng ủy'];
	return ['Bí thư Chi bộ', 'Phó Bí thư Chi bộ', 'Phó Bí thư Chi bộ'];
}

export interface RoundInput {
	w: World;
	rng: Rng;
	y: number;
	shares: Shares;
	tinh: Unit;
	huyen?: HuyenPlan;
	disciplineRate: number;
	/** last year's roster units (Round.lastYear) */
	lastYear?: Map<Person, Unit[]>;
}

/** Build the baseline round for a district-year (not yet settled). */
export function buildRound(inp: RoundInput): Round {
	const { w, rng, y, shares } = inp;
	const rulebook = rulebookOf(y);
	const roundDay = day(y, 11, 15);
	const above = y >= 2025 ? w.spec.newProvince : w.district;
	const gs = w.gs.filter((g) => g.dissolved === null);
	const chiBos = gs.flatMap((g) => w.chiBos(g));
	const bps = gs.flatMap((g) => g.kids.filter((k) => k.kind === 'dang_bo_bo_phan'));
	const R: Round = {
		y,
		rulebook,
		w,
		roundDay,
		above,
		tinh: inp.tinh,
		gs,
		chiBos,
		bps,
		rosterByG: new Map(),
		lastYear: inp.lastYear ?? new Map(),
		ratings: [],
		cs: [],
		disciplines: [],
		deadlines: deadlinesOf(y),
		org: new Map(),
		lead: new Map(),
		memberOf: new Map(),
		leaderOf: new Map(),
		csOf: new Map(),
		heads: new Map(),
		leadersOf: new Map(),
		disciplinedPersons: new Set(),
		disciplinedUnits: new Map(),
		memberViolationUnits: new Map(),
		quarters: y === 2025 ? [3] : y >= 2026 ? [1, 2, 3] : []
	};
	const addHead = (p: Person | null, u: Unit) => {
		if (!p) return;
		const l = R.heads.get(p) ?? [];
		l.push(u);
		R.heads.set(p, l);
	};

	// --- roster (one per grassroots organisation)
	const tempBy = new Map<Unit, Person[]>();
	for (const p of w.persons) {
		// temporary activity in another grassroots organisation, still open at the round
		if (p.tempUnit && (p.tempUnit.dissolved !== null || w.grassroots(p.tempUnit) === w.grassroots(p.unit))) p.tempUnit = null;
		if (!p.tempUnit) continue;
		const g = w.grassroots(p.tempUnit);
		(tempBy.get(g) ?? tempBy.set(g, []).get(g)!).push(p);
	}
	const gLeaders = new Map<Person, string>();
	for (const g of gs) {
		const ls = [g.head, ...g.deputies].filter((p): p is Person => !!p);
		R.leadersOf.set(g, ls);
		const pos = leaderPositions(g);
		ls.forEach((p, i) => gLeaders.set(p, pos[Math.min(i, 2)]));
		addHead(g.head, g);
	}
	if (y <= 2024 && w.district.dissolved === null) {
		const ls = [w.district.head, ...w.district.deputies].filter((p): p is Person => !!p);
		R.leadersOf.set(w.district, ls);
		const pos = leaderPositions(w.district);
		ls.forEach((p, i) => gLeaders.set(p, pos[Math.min(i, 2)]));
		addHead(w.district.head, w.district);
	}
	for (const g of gs) {
		const rows: RosterRow[] = [];
		for (const cb of w.chiBos(g)) {
			if (cb.head && cb !== g) addHead(cb.head, cb);
			for (const p of cb.members) {
				const isHead = cb.head === p;
				const isDep = cb.deputies.includes(p);
				const party = gLeaders.get(p) ?? (isHead ? 'Bí thư Chi bộ' : isDep ? DEPUTY_CHI_BO : '');
				rows.push({
					person: p,
					unit: cb,
					status: statusOf(p, y, roundDay),
					joinedUnit: p.joinedUnit,
					isHead,
					position: [party, p.position].filter(Boolean).join(', ')
				});
			}
		}
		for (const p of tempBy.get(g) ?? []) rows.push({ person: p, unit: p.tempUnit!, status: 'temporary', joinedUnit: day(y, rng.int(1, 9), rng.int(1, 28)), isHead: false, position: p.position });
		R.rosterByG.set(g, rows);
	}

	// --- discipline register (baseline; dated after the 2025 reorganisation in 2025)
	const from = y === 2025 ? day(2025, 7, 2) : day(y, 1, 10);
	const to = day(y, 12, 20);
	for (const cb of chiBos) {
		for (const p of cb.members) {
			if (p.exempt || !rng.chance(inp.disciplineRate) || (R.leadersOf.get(w.district) ?? []).includes(p)) continue;
			const form = rng.chance(0.72) ? 'Khiển trách' : 'Cảnh cáo';
			R.disciplines.push({
				person: p,
				subjectUnit: null,
				unit: cb,
				decided: rng.int(from, to),
				form,
				selfRemedied: false,
				issuer: rng.chance(0.5) ? `Chi bộ ${cb.name.replace(/^Chi bộ /, '')}` : `Ủy ban Kiểm tra ${w.grassroots(cb).name.replace(/^Đảng bộ/, 'Đảng ủy')}`,
				noCard: false,
				note: rng.pick(['Vi phạm quy định về những điều đảng viên không được làm', 'Vi phạm nguyên tắc sinh hoạt Đảng', 'Vi phạm trong thực hiện nhiệm vụ được giao', 'Vi phạm chính sách dân số'])
			});
		}
		if (!cb.isNewOrg && rng.chance(inp.disciplineRate * 1.2)) {
			R.disciplines.push({
				person: null,
				subjectUnit: cb,
				unit: cb,
				decided: rng.int(from, to),
				form: rng.chance(0.8) ? 'Khiển trách' : 'Cảnh cáo',
				selfRemedied: rng.chance(0.3),
				issuer: `Ban Thường vụ ${w.grassroots(cb) === cb ? above.name : w.grassroots(cb).name.replace(/^Đảng bộ/, 'Đảng ủy')}`,
				noCard: false,
				note: 'Buông lỏng lãnh đạo, quản lý'
			});
		}
	}

	// --- member ratings: one list per grassroots organisation (its đảng ủy decides), or the chi bộ cơ sở itself
	for (const g of gs) {
		const decided = day(y, 11, rng.int(18, 21));
		for (const cb of w.chiBos(g)) {
			const weak = rng.chance(0.1);
			const reviewed = day(y, 11, rng.int(12, 16));
			for (const row of R.rosterByG.get(g)!) {
				if (row.unit !== cb || row.status === 'temporary') continue;
				const p = row.person;
				const r = mkRating({ year: y, kind: 'member', decider: g, unit: cb, person: p, position: row.position, isHead: row.isHead, decided, reviewed, sick: p.sick, u: rng.next() });
				if (row.status === 'exempt' || row.status === 'suspended') {
					r.reason = rng.pick(NOT_RATED[row.status]);
					r.reviewed = 0;
				} else if (addMonths(p.admitted, 6) > decided) {
					r.reason = rng.pick(NOT_RATED.newMember);
				} else {
					r.final = draw(rng, shares, p.merit, weak);
				}
				R.ratings.push(r);
				R.memberOf.set(p, r);
			}
		}
	}

	// --- civil-servant ratings (dated before the Party ratings). Drawn after the member levels so
	// that the two agree as real rounds do: a member rated excellent was an excellent civil servant.
	const districtLeaders = new Set(R.leadersOf.get(w.district) ?? []);
	for (const cb of chiBos) {
		if (!cb.cs || !cb.agency) continue;
		const d = cb.school ? day(y, 6, rng.int(8, 25)) : day(y, 11, rng.int(3, 12));
		for (const p of cb.members) {
			const st = statusOf(p, y, roundDay);
			if (st === 'exempt' || !p.cs || districtLeaders.has(p)) continue;
			const m = R.memberOf.get(p);
			const drawn = draw(rng, { exc: 0, comp: shares.comp * 0.8, inc: shares.inc * 0.5 }, p.merit, false);
			let level = (m && m.final === EXC ? EXC : Math.min(GOOD, Math.max(m?.final ?? 0, drawn))) as Lv;
			if (p.sick >= 90 && level > COMP) level = COMP;
			const c: CsRating = { year: y, person: p, unit: cb, agency: cb.agency, level, score: NaN, u: rng.next(), decided: d, sick: p.sick, locked: false, scoreLocked: false };
			R.cs.push(c);
			R.csOf.set(p, c);
		}
	}

	// --- chi bộ and đảng bộ bộ phận, decided by the đảng ủy of their grassroots organisation
	for (const g of gs) {
		if (g.kind === 'chi_bo_co_so') continue;
		const dCb = day(y, 11, 24);
		for (const cb of w.chiBos(g)) {
			const r = mkRating({ year: y, kind: 'party_org', decider: g, unit: cb, position: '', decided: dCb, reviewed: day(y, 11, rng.int(12, 16)), u: rng.next() });
			if (addMonths(cb.ageFrom, 6) > dCb) r.reason = rng.pick(NOT_RATED.newOrg);
			else r.final = orgDraw(rng, EXC);
			R.ratings.push(r);
			R.org.set(cb, r);
		}
		for (const bp of g.kids.filter((k) => k.kind === 'dang_bo_bo_phan')) {
			const r = mkRating({ year: y, kind: 'party_org', decider: g, unit: bp, decided: day(y, 11, 26), reviewed: day(y, 11, rng.int(17, 20)), u: rng.next(), final: orgDraw(rng, EXC) });
			R.ratings.push(r);
			R.org.set(bp, r);
		}
	}

	// --- grassroots organisations, their leadership and leaders: decided by the level above
	const dG = y >= 2025 ? day(y, 12, 1) : day(y, 11, rng.int(28, 30));
	for (const g of gs) {
		const reviewed = day(y, 11, rng.int(20, 23));
		const o = mkRating({ year: y, kind: 'party_org', decider: above, unit: g, decided: dG, reviewed, u: rng.next(), final: orgDraw(rng, EXC) });
		R.ratings.push(o);
		R.org.set(g, o);
		const l = mkRating({ year: y, kind: 'leadership', decider: above, unit: g, decided: dG, reviewed, u: rng.next(), final: rng.chance(0.85) ? o.final : (Math.max(INC, o.final - 1) as Lv) });
		R.ratings.push(l);
		R.lead.set(g, l);
		const pos = leaderPositions(g);
		(R.leadersOf.get(g) ?? []).forEach((p, i) => {
			const lr = mkRating({ year: y, kind: 'leader', decider: above, unit: g, person: p, position: pos[Math.min(i, 2)], isHead: i === 0 && p === g.head, decided: dG, reviewed, u: rng.next(), final: draw(rng, shares, p.merit, false) });
			const cs = R.csOf.get(p);
			if (cs) lr.csLevel = cs.level;
			R.ratings.push(lr);
			(R.leaderOf.get(p) ?? R.leaderOf.set(p, []).get(p)!).push(lr);
		});
	}

	// --- the district committee (up to 2024), decided by the province committee
	if (y <= 2024 && w.district.dissolved === null) {
		const h = inp.huyen ?? { org: GOOD, lead: GOOD, leaders: [GOOD, GOOD, GOOD], decided: day(y, 12, 4) };
		const reviewed = day(y, 11, rng.int(24, 27));
		const o = mkRating({ year: y, kind: 'party_org', decider: inp.tinh, unit: w.district, decided: h.decided, reviewed, u: rng.next(), final: h.org, locked: true });
		const l = mkRating({ year: y, kind: 'leadership', decider: inp.tinh, unit: w.district, decided: h.decided, reviewed, u: rng.next(), final: h.lead, locked: true });
		R.ratings.push(o, l);
		R.org.set(w.district, o);
		R.lead.set(w.district, l);
		const pos = leaderPositions(w.district);
		(R.leadersOf.get(w.district) ?? []).forEach((p, i) => {
			const lr = mkRating({ year: y, kind: 'leader', decider: inp.tinh, unit: w.district, person: p, position: pos[Math.min(i, 2)], isHead: i === 0, decided: h.decided, reviewed, u: rng.next(), final: h.leaders[i] ?? GOOD, locked: true });
			R.ratings.push(lr);
			(R.leaderOf.get(p) ?? R.leaderOf.set(p, []).get(p)!).push(lr);
		});
	}

	// --- quarterly ratings of leaders under QĐ 366 (quarters I–III; IV folds into the year)
	for (const q of R.quarters) {
		const decided = y === 2025 ? day(2025, 11, rng.int(5, 8)) : day(y, q * 3 + 1, rng.int(6, 12));
		const reviewed = decided - rng.int(2, 5);
		for (const g of gs) {
			const pos = leaderPositions(g);
			(R.leadersOf.get(g) ?? []).forEach((p, i) => {
				const lr = mkRating({ year: y, pk: 'quarter', pno: q, kind: 'leader', decider: above, unit: g, person: p, position: pos[Math.min(i, 2)], isHead: i === 0 && p === g.head, decided, reviewed, u: rng.next(), final: draw(rng, shares, p.merit, false) });
				R.ratings.push(lr);
				(R.leaderOf.get(p) ?? R.leaderOf.set(p, []).get(p)!).push(lr);
			});
		}
	}
	indexDisciplines(R);
	return R;
}

/** Rebuild the discipline indexes (after plants add entries). */
export function indexDisciplines(R: Round): void {
	R.disciplinedPersons.clear();
	R.disciplinedUnits.clear();
	R.memberViolationUnits.clear();
	for (const d of R.disciplines) {
		if (yearOf(d.decided) !== R.y) continue;
		if (d.person) {
			R.disciplinedPersons.add(d.person);
			(R.memberViolationUnits.get(d.unit) ?? R.memberViolationUnits.set(d.unit, []).get(d.unit)!).push(d);
		} else if (d.subjectUnit) R.disciplinedUnits.set(d.subjectUnit, d);
	}
}

export const SUBJECT_KINDS: SubjectKind[] = ['member', 'leader', 'leadership', 'party_org'];
