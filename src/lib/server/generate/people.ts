// Members of one district and how they change from year to year: creation with realistic ages,
// sexes, admission dates and card numbers; then each year deaths and moves, retirement to a
// residential chi bộ, admissions, exemptions, suspensions, temporary activity elsewhere, sick
// leave, new heads (some arriving from elsewhere), and the renames, merges, splits and new
// organisations of units. index.ts calls populate() once and advanceYear() for every year.
import { addMonths, day, yearOf } from './dates';
import { fullName, placeName } from './names';
import type { Rng } from './prng';
import type { Person, Role, Unit } from './types';
import { memberTarget, mergeChiBos, newChiBo, renameChiBo, splitChiBo, type World } from './units';

/** [min age, max age, female share] by role */
const AGE: Partial<Record<Role, [number, number, number]>> = {
	village: [22, 88, 0.3],
	school: [23, 58, 0.7],
	health: [24, 58, 0.6],
	gov: [25, 58, 0.4],
	office: [26, 58, 0.45],
	police: [23, 50, 0.12],
	military: [22, 50, 0.05],
	enterprise: [24, 58, 0.3]
};

const JOBS: Partial<Record<Role, string[]>> = {
	school: ['Giáo viên', 'Giáo viên', 'Giáo viên', 'Giáo viên', 'Kế toán', 'Nhân viên'],
	health: ['Bác sĩ', 'Y sĩ', 'Điều dưỡng', 'Dược sĩ', 'Nữ hộ sinh'],
	gov: [
		'Công chức Văn phòng - Thống kê',
		'Công chức Địa chính - Xây dựng',
		'Công chức Tư pháp - Hộ tịch',
		'Công chức Văn hóa - Xã hội',
		'Công chức Tài chính - Kế toán',
		'Chủ tịch Hội Nông dân',
		'Chủ tịch Hội Liên hiệp Phụ nữ',
		'Bí thư Đoàn Thanh niên',
		'Chủ tịch Ủy ban MTTQ'
	],
	office: ['Chuyên viên', 'Chuyên viên', 'Chuyên viên chính', 'Phó Trưởng phòng', 'Kế toán', 'Văn thư'],
	police: ['Cán bộ', 'Cán bộ', 'Phó Đội trưởng', 'Điều tra viên'],
	military: ['Trợ lý', 'Chỉ huy phó', 'Chiến sĩ'],
	enterprise: ['Kỹ sư', 'Công nhân', 'Kế toán', 'Nhân viên kinh doanh', 'Tổ trưởng sản xuất']
};

function cardOf(w: World, seq: number): string {
	// a bijection on 0..999999 (a small Feistel network on two 3-digit halves), so that the cards
	// of one chi bộ look scattered; 33 000 cards per district
	const x = ((w.spec.dd - 1) * 33_000 + seq) % 1_000_000;
	let l = Math.floor(x / 1000),
		r = x % 1000;
	for (let k = 0; k < 4; k++) [l, r] = [r, (l + ((r * r * 31 + r * 17 + k * 271 + 89) % 1000)) % 1000];
	return w.pp + String(l * 1000 + r).padStart(6, '0');
}

function birthFor(rng: Rng, role: Role, atYear: number): number {
	const [lo, hi] = AGE[role] ?? [24, 58, 0.4];
	let age: number;
	if (role === 'village') {
		const r = rng.next();
		age = r < 0.42 ? rng.int(60, hi) : r < 0.82 ? rng.int(36, 59) : rng.int(lo, 35);
	} else age = rng.int(lo, hi);
	return day(atYear - age, rng.int(1, 12), rng.int(1, 28));
}

export function createPerson(
	w: World,
	rng: Rng,
	unit: Unit,
	opts: { atYear: number; birth?: number; admitted?: number; name?: string; female?: boolean }
): Person {
	const role = unit.role;
	const femaleShare = (AGE[role] ?? [0, 0, 0.4])[2];
	const female = opts.female ?? rng.chance(femaleShare);
	let birth = opts.birth ?? birthFor(rng, role, opts.atYear);
	let name = opts.name ?? '';
	for (let tries = 0; !opts.name && tries < 30; tries++) {
		name = fullName(rng, female, yearOf(birth), w.south);
		if (!w.identities.has(`${name}|${yearOf(birth)}`)) break;
		if (tries > 20) birth += 400;
	}
	w.identities.add(`${name}|${yearOf(birth)}`);
	let admitted = opts.admitted ?? 0;
	if (!admitted) {
		const by = yearOf(birth);
		const admAge = role === 'military' || role === 'police' ? rng.int(19, 26) : Math.min(50, 18 + Math.floor(-Math.log(1 - rng.next()) * 9) + rng.int(0, 6));
		let ay = Math.min(by + admAge, opts.atYear - 1);
		if (ay < by + 18) ay = by + 18;
		admitted = day(ay, rng.int(1, 12), rng.int(1, 28));
	}
	const p: Person = {
		id: ++w.personSeq,
		card: cardOf(w, w.personSeq),
		name,
		female,
		birth,
		admitted,
		unit,
		joinedUnit: admitted,
		exempt: false,
		suspendedYear: 0,
		tempUnit: null,
		left: 0,
		cs: unit.cs,
		school: unit.school,
		position: JOBS[role] ? rng.pick(JOBS[role]!) : '',
		sick: 0,
		merit: rng.next()
	};
	unit.members.push(p);
	w.persons.push(p);
	return p;
}

const ageAt = (p: Person, y: number) => y - yearOf(p.birth);

function eligibleHead(p: Person, y: number, taken: Set<Person>): boolean {
	const a = ageAt(p, y);
	return !p.exempt && a >= 28 && a <= 62 && !taken.has(p) && p.left === 0 && yearOf(p.admitted) <= y - 2;
}

function pickHead(rng: Rng, u: Unit, y: number, taken: Set<Person>): Person | null {
	const c = u.members.filter((p) => eligibleHead(p, y, taken));
	if (c.length === 0) return null;
	c.sort((a, b) => b.merit - a.merit);
	return c[Math.min(c.length - 1, rng.int(0, 2))];
}

/** Heads already in use this year (one head post per person, at the level picked first). */
function headsInUse(w: World): Set<Person> {
	const s = new Set<Person>();
	for (const u of w.units.values()) {
		if (u.dissolved !== null) continue;
		if (u.head) s.add(u.head);
		for (const d of u.deputies) s.add(d);
	}
	return s;
}

function refreshHeads(w: World, rng: Rng, y: number, changeP: number): void {
	const taken = headsInUse(w);
	const fix = (u: Unit, pool: Unit, nDeputies: number) => {
		const bad = (p: Person | null) => !p || p.left !== 0 || p.exempt || !pool.members.includes(p) || ageAt(p, y) > 62;
		if (bad(u.head) || rng.chance(changeP)) {
			if (u.head) taken.delete(u.head);
			u.head = pickHead(rng, pool, y, taken);
			if (u.head) taken.add(u.head);
		}
		u.deputies = u.deputies.filter((d) => !bad(d) && d !== u.head);
		while (u.deputies.length < nDeputies) {
			const d = pickHead(rng, pool, y, taken);
			if (!d) break;
			u.deputies.push(d);
			taken.add(d);
		}
	};
	// district committee: members of its first office chi bộ
	if (w.district.dissolved === null) {
		const office = w.gs.find((g) => g.role === 'agency_db');
		const pool = office ? w.chiBos(office)[0] : null;
		if (pool) fix(w.district, pool, 2);
	}
	for (const g of w.gs) {
		const cbs = w.chiBos(g);
		if (g.kind === 'dang_bo_co_so') {
			const pool = cbs.find((c) => c.role === 'gov') ?? cbs[0];
			if (pool) fix(g, pool, g.role === 'commune' ? 2 : 1);
		}
		for (const cb of cbs) fix(cb, cb, cb.members.length >= 9 ? 1 : 0);
	}
}

export function populate(w: World, rng: Rng, firstYear: number): void {
	for (const cb of w.allChiBos()) {
		const n = memberTarget(rng, cb.role);
		for (let i = 0; i < n; i++) {
			const p = createPerson(w, rng, cb, { atYear: firstYear });
			const a = ageAt(p, firstYear);
			if (cb.role === 'village' && (a >= 75 ? rng.chance(0.4) : a >= 70 ? rng.chance(0.15) : false)) p.exempt = true;
			// older members mostly joined long ago; some were transferred in
			if (rng.chance(0.15)) p.joinedUnit = Math.max(p.admitted, day(firstYear - rng.int(1, 12), rng.int(1, 12), rng.int(1, 28)));
		}
		// namesakes: now and then two members of one chi bộ share a full name (different birth years)
		if (cb.role === 'village' && cb.members.length >= 8 && rng.chance(0.06)) {
			const model = cb.members.find((p) => !p.exempt && ageAt(p, firstYear) < 60);
			if (model) {
				const by = yearOf(model.birth) + (rng.chance(0.5) ? rng.int(4, 12) : -rng.int(4, 12));
				createPerson(w, rng, cb, { atYear: firstYear, name: model.name, female: model.female, birth: day(by, rng.int(1, 12), rng.int(1, 28)) });
			}
		}
	}
	refreshHeads(w, rng, firstYear, 1);
}

function randomDay(rng: Rng, y: number, m0: number, m1: number): number {
	return day(y, rng.int(m0, m1), rng.int(1, 28));
}

function sameKind(a: Unit, b: Unit): boolean {
	return a.role === b.role || (a.cs && b.cs && !a.school && !b.school);
}

function transfer(p: Person, to: Unit, date: number): void {
	p.unit.members = p.unit.members.filter((x) => x !== p);
	p.unit = to;
	to.members.push(p);
	p.joinedUnit = date;
	p.cs = to.cs;
	p.school = to.school;
}

export interface YearPlan {
	/** force a head arriving from elsewhere this year (R3 newcomer-head near-miss) */
	newcomerHead?: boolean;
	/** force a brand-new organisation founded late this year (R7 plant) */
	newOrgLate?: boolean;
	/** force a unit founded by a split late this year (R7 near-miss) */
	lateSplit?: boolean;
}

/** Events of year y, all dated before the round (November). */
export function advanceYear(w: World, rng: Rng, y: number, plan: YearPlan): void {
	const cbs = w.allChiBos();
	const villages = cbs.filter((c) => c.role === 'village');
	// leavers: deaths, moves out of the district
	for (const p of [...w.persons]) {
		if (p.left) continue;
		const a = ageAt(p, y);
		const q = a >= 80 ? 0.06 : a >= 70 ? 0.03 : a >= 60 ? 0.01 : 0.006;
		if (rng.chance(q)) {
			p.left = randomDay(rng, y, 1, 10);
			p.unit.members = p.unit.members.filter((x) => x !== p);
		}
	}
	w.persons = w.persons.filter((p) => !p.left);
	// retirement: state employees over 60 move to a residential chi bộ
	for (const p of w.persons) {
		if ((p.cs || p.unit.role === 'police' || p.unit.role === 'military') && ageAt(p, y) >= (p.female ? 58 : 61) && villages.length) {
			transfer(p, rng.pick(villages), randomDay(rng, y, 1, 9));
			p.position = '';
		}
	}
	// moves between chi bộ of the same kind
	for (const p of w.persons) {
		if (rng.chance(0.015)) {
			const to = rng.pick(cbs);
			if (to !== p.unit && sameKind(to, p.unit) && !p.exempt) transfer(p, to, randomDay(rng, y, 1, 10));
		}
	}
	// admissions: dated where the 6-month rule is never borderline by accident
	for (const cb of cbs) {
		const n = rng.poisson(cb.members.length * 0.028);
		for (let i = 0; i < n; i++) {
			const early = rng.chance(0.55);
			const adm = early ? randomDay(rng, y, 1, 4) : day(y, rng.int(7, 10), rng.int(10, 28));
			const birth = day(y - (cb.role === 'village' ? rng.int(22, 45) : rng.int(22, 35)), rng.int(1, 12), rng.int(1, 28));
			createPerson(w, rng, cb, { atYear: y, birth, admitted: adm });
		}
	}
	// exemptions, suspensions, temporary activity, sick leave
	for (const p of w.persons) {
		const a = ageAt(p, y);
		if (!p.exempt && p.unit.role === 'village' && a >= 72 && rng.chance(0.12)) p.exempt = true;
		p.suspendedYear = !p.exempt && rng.chance(0.0004) ? y : p.suspendedYear === y ? y : 0;
		p.tempUnit = null;
		if (!p.exempt && a < 60 && rng.chance(0.006)) {
			const t = rng.pick(cbs);
			if (t !== p.unit && w.grassroots(t) !== w.grassroots(p.unit)) p.tempUnit = t;
		}
		const r = p.exempt ? 1 : rng.next();
		p.sick = r < 0.007 ? rng.int(92, 200) : r < 0.06 ? rng.int(3, 60) : 0;
	}
	if (y !== 2025) unitEvents(w, rng, y, plan);
	// heads: elections in congress years, otherwise now and then; some arrive from elsewhere
	refreshHeads(w, rng, y, y === 2020 || y === 2025 ? 0.3 : 0.08);
	// heads arriving from another chi bộ this year (R3's newcomer exception)
	const cands = w.allChiBos().filter((c) => c.kind === 'chi_bo_truc_thuoc' && c.members.length >= 6 && c.founded < day(y, 1, 1));
	let forced = plan.newcomerHead ? 1 : 0;
	for (const cb of rng.shuffle([...cands])) {
		if (forced <= 0 && !rng.chance(0.02)) continue;
		const taken = headsInUse(w);
		const from = cbs.filter((c) => c !== cb && sameKind(c, cb) && c.members.length > 5 && c.dissolved === null);
		if (!from.length) continue;
		const src = rng.pick(from);
		const h = src.members.find((p) => eligibleHead(p, y, taken) && p !== src.head && !src.deputies.includes(p));
		if (!h) continue;
		if (cb.head) cb.deputies = [cb.head, ...cb.deputies].slice(0, cb.members.length >= 9 ? 1 : 0);
		transfer(h, cb, randomDay(rng, y, 2, 8));
		cb.head = h;
		forced--;
	}
}

/** After the 2025 reorganisation: fill heads and deputies the merges left empty. */
export function refreshHeadsAfterReorg(w: World, rng: Rng, y: number): void {
	refreshHeads(w, rng, y, 0);
}

/** Renames, merges, splits and new organisations of chi bộ in a year (not 2025). */
function unitEvents(w: World, rng: Rng, y: number, plan: YearPlan): void {
	const clean = (u: Unit) => !u.renamedFrom && !u.splitFrom && !u.isNewOrg && u.dissolved === null;
	for (const g of [...w.gs]) {
		if (g.role !== 'commune') continue;
		const villages = () => w.chiBos(g).filter((c) => c.role === 'village' && c.dissolved === null && c.kind === 'chi_bo_truc_thuoc' && c.parent === g.code);
		// a village renamed
		for (const v of villages()) {
			if (rng.chance(0.006)) renameChiBo(w, v, randomDay(rng, y, 2, 9), `Chi bộ ${v.name.split(' ')[2] ?? 'Thôn'} ${placeName(rng, w.usedPlaces)}`);
		}
		// two small villages merged
		const vs = villages().filter(clean);
		if (vs.length >= 6 && rng.chance(0.025)) {
			vs.sort((a, b) => a.members.length - b.members.length);
			const [a, b] = vs;
			mergeChiBos(w, [a, b], randomDay(rng, y, 3, 9), `${a.name} - ${b.name.replace(/^Chi bộ /, '')}`);
		}
		// a big village split
		for (const v of villages().filter(clean)) {
			if (v.members.length >= 28 && rng.chance(0.35)) {
				const movers = v.members.filter((p) => p !== v.head && !v.deputies.includes(p)).filter((_, i) => i % 2 === 1);
				const date = plan.lateSplit ? day(y, rng.int(6, 8), rng.int(10, 28)) : randomDay(rng, y, 3, 8);
				plan.lateSplit = false;
				splitChiBo(w, v, date, `${v.name} B`, movers);
				for (const p of movers) p.joinedUnit = date;
			}
		}
		// a brand-new organisation: a new enterprise or residential area
		const force = plan.newOrgLate && g === w.gs.find((x) => x.role === 'commune');
		if (force || rng.chance(0.012)) {
			const late = force || rng.chance(0.6);
			const date = late ? day(y, rng.int(7, 10), rng.int(15, 28)) : randomDay(rng, y, 2, 4);
			const nm = `Công ty TNHH ${placeName(rng, w.usedPlaces)}`;
			const cb = newChiBo(w, g, date, `Chi bộ ${nm}`, 'enterprise');
			const donors = villages().flatMap((v) => v.members.filter((p) => p !== v.head && !v.deputies.includes(p) && !p.exempt && ageAt(p, y) < 55));
			rng.shuffle(donors);
			for (const p of donors.slice(0, rng.int(3, 7))) transfer(p, cb, date);
			cb.head = cb.members[0] ?? null;
			if (force) plan.newOrgLate = false;
		}
	}
}

/** The round's roster status of a member in year y at day `at`. */
export function statusOf(p: Person, y: number, at: number): 'official' | 'probationary' | 'exempt' | 'suspended' {
	if (p.exempt) return 'exempt';
	if (p.suspendedYear === y) return 'suspended';
	if (addMonths(p.admitted, 12) > at) return 'probationary';
	return 'official';
}
