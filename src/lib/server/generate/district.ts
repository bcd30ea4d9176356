// Runs one group (the districts of one province after 01/07/2025): each district simulated year by
// year, its round settled, audited and planted, its files written; then the lists the province
// decides and the discipline registers, buffered for the group. Returns the group's truth lines,
// registry rows and counts. Called by index.ts in the main thread or in a worker (worker.ts).
import { check, duplicates } from './check';
import { day } from './dates';
import { huyenPlans, PRESETS, provinceUnits, type GenerateOptions, type GroupLayout } from './layout';
import { advanceYear, populate, refreshHeadsAfterReorg, type YearPlan } from './people';
import { KINDS, type Carry, type PlantCtx, type PlantKind } from './plant';
import { Rng } from './prng';
import { buildRound, sharesFor, type Round, type Shares } from './rounds';
import { finalise, settle } from './settle';
import { fileStyle, HEADERS, type FileStyle, type Mess } from './style';
import type { Discipline, Person, Rating, Truth, Unit } from './types';
import { buildDistrict, reorganise2025, World, type DistrictSpec } from './units';
import { csTable, disciplineTable, leaderListTable, memberListTable, orgListTable, render, rosterTable, Sink, slug, type Ctx } from './writers';

export interface GroupStats {
	districts: number;
	membersByYear: Record<number, number>;
	orgsByYear: Record<number, number>;
	/** per year: counts of final member levels, index 1..4 */
	levelCounts: Record<number, number[]>;
	baselineFindings: string[];
}

export interface GroupResult {
	gi: number;
	truth: Truth[];
	/** every unit of the group that ever existed, province committees first */
	units: Unit[];
	/** how many (when the units themselves stayed in the worker) */
	regRows?: number;
	stats: GroupStats;
	/** a real chi bộ and its deciding body of the last year, for the invalid files */
	invalidCtx: { chiBo?: string; decider?: string };
}

export interface RunEnv {
	opts: GenerateOptions;
	seed: string;
	years: number[];
	mess: Mess;
	sink: Sink;
	plantRate: number;
	ensureAll: boolean;
	merged: boolean;
	onDistrict?: (label: string) => void;
}

interface GroupState {
	env: RunEnv;
	stats: GroupStats;
	truth: Truth[];
	planted: Set<string>;
	provLists: Map<string, { decider: Unit; y: number; q: number; kind: string; rs: Rating[] }>;
	discs: Map<string, { body: Unit; y: number; ds: Discipline[]; ctx: Ctx }>;
	invalidCtx: { chiBo?: string; decider?: string };
}

export async function runGroup(env: RunEnv, g: GroupLayout): Promise<GroupResult> {
	const { olds, newProv } = provinceUnits(g, env.years, env.merged, env.seed);
	const units: Unit[] = newProv === olds[0] ? [...olds] : [...olds, newProv];
	const st: GroupState = {
		env,
		stats: { districts: 0, membersByYear: {}, orgsByYear: {}, levelCounts: {}, baselineFindings: [] },
		truth: [],
		planted: new Set(),
		provLists: new Map(),
		discs: new Map(),
		invalidCtx: {}
	};
	const plans = new Map<string, Map<number, ReturnType<typeof huyenPlans>>>();
	for (const [oi, p] of g.olds.entries()) {
		const n = g.districts.filter((d) => d.oldIndex === oi).length;
		const rng = new Rng(`giamsat|${env.seed}|group${g.code2025}/prov${p.code}`);
		plans.set(p.code, new Map(env.years.filter((y) => y <= 2024).map((y) => [y, huyenPlans(rng.fork(`huyen${y}`), n, y)])));
	}
	for (const d of g.districts) {
		const p = g.olds[d.oldIndex];
		const spec: DistrictSpec = {
			provinceCode: p.code,
			dd: d.dd,
			name: d.name,
			communes: d.communes,
			members: d.members,
			province: olds[d.oldIndex],
			newProvince: newProv,
			newProvinceName: g.name2025,
			firstYear: env.years[0]
		};
		const w = runDistrict(st, spec, (y) => plans.get(p.code)?.get(y)?.[d.di], d.index);
		units.push(...w.all.map(lite));
		st.stats.districts++;
		env.onDistrict?.(`${d.name}, ${p.name}`);
	}
	// files decided at province level, and the discipline registers
	for (const l of st.provLists.values()) writeProvList(st, l);
	for (const d of st.discs.values()) {
		const name = `${d.y}_KL_${d.body.code}_so-ky-luat.`;
		const fs = fileStyle(env.seed, name, env.mess, { allowXlsx: true, allowLegacy: true });
		fs.bareYear = false;
		fs.noCard = false;
		env.sink.write(name + fs.fmt, render(fs, disciplineTable(fs, d.ctx, d.body, d.y, d.ds)), 'discipline', d.ds.length);
	}
	return { gi: g.gi, truth: st.truth, units, stats: st.stats, invalidCtx: st.invalidCtx };
}

/** A unit without its members and children: what the registry and buffered lists need, so that a
 * finished district's people can be freed while its group goes on. */
function lite(u: Unit): Unit {
	return { ...u, members: [], kids: [], head: null, deputies: [] };
}

function litePerson(p: Person | null): Person | null {
	return p && ({ ...p, unit: lite(p.unit), tempUnit: null } as Person);
}

const liteCache = new WeakMap<Unit, Unit>();
function liteOnce(u: Unit): Unit {
	let l = liteCache.get(u);
	if (!l) liteCache.set(u, (l = lite(u)));
	return l;
}

/** Which plant kinds run in which year of a district: guaranteed ones spread over the years, plus chance. */
class Schedule {
	private byYear = new Map<number, Set<PlantKind>>();
	constructor(rng: Rng, years: number[], rate: number, ensure: boolean, offset: number) {
		KINDS.forEach((k, i) => {
			const ok = years.filter((y) => k.when(y, years));
			if (!ok.length) return;
			if (ensure) this.add(ok[(i * 5 + offset) % ok.length], k);
			for (const y of ok) if (rng.chance(rate)) this.add(y, k);
		});
	}
	add(y: number, k: PlantKind) {
		(this.byYear.get(y) ?? this.byYear.set(y, new Set()).get(y)!).add(k);
	}
	at(y: number): PlantKind[] {
		return KINDS.filter((k) => this.byYear.get(y)?.has(k));
	}
	/** a kind that failed in year y is tried again in the next year it can exist in */
	retry(k: PlantKind, y: number, years: number[]) {
		const next = years.find((x) => x > y && k.when(x, years));
		if (next !== undefined) this.add(next, k);
	}
}

function runDistrict(st: GroupState, spec: DistrictSpec, huyen: (y: number) => ReturnType<typeof huyenPlans>[number] | undefined, index: number): World {
	const { env } = st;
	const code = `H${spec.provinceCode}${String(spec.dd).padStart(2, '0')}`;
	const rng = new Rng(`giamsat|${env.seed}|${code}`);
	const w = new World(spec);
	buildDistrict(w, rng.fork('build'));
	populate(w, rng.fork('people'), env.years[0]);
	const base: Shares = { exc: 0.24 + rng.next() * 0.06, comp: 0.05 + rng.next() * 0.04, inc: 0.006 + rng.next() * 0.01 };
	const schedule = new Schedule(rng.fork('schedule'), env.years, env.plantRate, env.ensureAll, index);
	let carry: Carry = { prevMember: [], prevUnit: [] };
	// the roster rows of the year before (R3's newcomer heads), none before the first year
	let lastYear = { y: 0, units: new Map<Person, Unit[]>() };
	for (const y of env.years) {
		const kinds = schedule.at(y);
		const plan: YearPlan = {
			newcomerHead: kinds.some((k) => k.id === 'newcomer_head'),
			newOrgLate: kinds.some((k) => k.id === 'new_org_rated'),
			lateSplit: y !== 2025 && kinds.some((k) => k.id === 'merged_unit_not_new')
		};
		advanceYear(w, rng.fork(`year${y}`), y, plan);
		if (y >= 2025 && w.district.dissolved === null) {
			reorganise2025(w, rng.fork('reorg'));
			refreshHeadsAfterReorg(w, rng.fork('reorg-heads'), y);
		}
		const R = buildRound({ w, rng: rng.fork(`round${y}`), y, shares: sharesFor(base, y), tinh: spec.province, huyen: huyen(y), disciplineRate: 0.0015, lastYear: lastYear.y === y - 1 ? lastYear.units : undefined });
		settle(R);
		finalise(R);
		const base0 = check(R);
		if (base0.length) st.stats.baselineFindings.push(...base0.slice(0, 20).map((f) => `${f.key} ${f.msg}`));
		st.stats.baselineFindings.push(...duplicates(R).slice(0, 20));
		const ctx: PlantCtx = {
			R,
			rng: rng.fork(`plant${y}`),
			truth: [],
			expected: new Set(base0.map((f) => f.key)),
			notFlagged: new Set(),
			carry,
			nextCarry: { prevMember: [], prevUnit: [] },
			undos: []
		};
		for (const k of kinds) if (!k.run(ctx)) schedule.retry(k, y, env.years);
		const nextY = env.years.find((x) => x === y + 1);
		if (nextY !== undefined) for (const k of schedule.at(nextY)) if (k.prep) k.prep(ctx);
		carry = ctx.nextCarry;
		st.truth.push(...ctx.truth);
		const cards = new Set(ctx.truth.map((t) => t.subject_card).filter((c): c is string => !!c));
		for (const c of cards) st.planted.add(c);
		writeDistrictYear(st, w, R, cards, ctx.truth);
		// the roster rows written this year, temporary ones too (as the rule reads them)
		lastYear = { y, units: new Map() };
		for (const rows of R.rosterByG.values())
			for (const row of rows) (lastYear.units.get(row.person) ?? lastYear.units.set(row.person, []).get(row.person)!).push(row.unit);
	}
	return w;
}

export function finalHeaderFor(fs: FileStyle, decider: Unit): string {
	if (fs.rng.chance(0.35)) return fs.rng.pick(HEADERS.final_level);
	if (decider.kind === 'dang_bo_co_so') return 'Đảng ủy quyết định';
	if (decider.kind === 'chi_bo_co_so') return 'Chi bộ quyết định';
	const label = decider.name.split(' ').slice(0, 2).join(' ');
	if (decider.kind === 'huyen_uy') return fs.rng.chance(0.5) ? `BTV ${label} quyết định` : 'Ban Thường vụ quyết định';
	return fs.rng.chance(0.5) ? `Ban Thường vụ ${label} quyết định` : 'BTV quyết định';
}

/** "Đảng bộ tỉnh Bình Phước", "Đảng bộ huyện Bù Đăng": the level above a list's deciding body. */
function partyOf(u: Unit): string {
	const words = u.name.split(' ');
	const word = words.slice(0, 2).join(' ');
	const name = words.slice(2).join(' ');
	const kind: Record<string, string> = { 'Tỉnh ủy': 'tỉnh', 'Thành ủy': 'thành phố', 'Huyện ủy': 'huyện', 'Thị ủy': 'thị xã', 'Quận ủy': '' };
	return `Đảng bộ ${kind[word] ?? ''} ${name}`.replace(/\s+/g, ' ');
}

function writeDistrictYear(st: GroupState, w: World, R: Round, plantedCards: Set<string>, truth: Truth[]): void {
	const { sink, seed, mess } = st.env;
	const y = R.y;
	const scored = R.rulebook === 'qd366';
	const spec = w.spec;
	const ctxG: Ctx = { upper: partyOf(y >= 2025 ? spec.newProvince : w.district) };
	const ctxD: Ctx = { upper: partyOf(spec.province) };
	const sickCards = new Set(truth.filter((t) => t.rule === 'sick_leave_cap' && t.subject_card).map((t) => t.subject_card!));
	const hasPlanted = (ps: Array<Person | null>) => ps.some((p) => p && plantedCards.has(p.card));
	const joined = new Map<Person, number>();
	let members = 0;
	for (const rows of R.rosterByG.values())
		for (const r of rows)
			if (r.status !== 'temporary') {
				joined.set(r.person, r.joinedUnit);
				members++;
			}
	if (!st.invalidCtx.chiBo && y === st.env.years[st.env.years.length - 1]) {
		const cb = R.chiBos.find((c) => c.kind === 'chi_bo_truc_thuoc');
		if (cb) Object.assign(st.invalidCtx, { chiBo: cb.code, decider: w.grassroots(cb).code });
	}
	const lc = (st.stats.levelCounts[y] ??= [0, 0, 0, 0, 0]);
	st.stats.membersByYear[y] = (st.stats.membersByYear[y] ?? 0) + members;
	st.stats.orgsByYear[y] = (st.stats.orgsByYear[y] ?? 0) + R.org.size;

	const byDecider = new Map<Unit, Map<string, Rating[]>>();
	for (const r of R.ratings) {
		if (r.omit) continue;
		if (r.kind === 'member' && r.pk === 'year' && r.final) lc[r.final]++;
		const k = `${r.kind}|${r.pk}|${r.pno}`;
		const m = byDecider.get(r.decider) ?? byDecider.set(r.decider, new Map()).get(r.decider)!;
		(m.get(k) ?? m.set(k, []).get(k)!).push(r);
	}

	for (const g of R.gs) {
		const gslug = `${g.code}_${slug(g.name)}`;
		const rows = R.rosterByG.get(g)!;
		if (rows.length) {
			const name = `${y}_DSDV_${gslug}.`;
			const fs = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
			sink.write(name + fs.fmt, render(fs, rosterTable(fs, ctxG, g, y, rows, hasPlanted(rows.map((r) => r.person)))), 'roster', rows.length);
		}
		const lists = byDecider.get(g);
		const ms = lists?.get('member|year|0') ?? [];
		if (ms.length) {
			const name = `${y}_XLDV_${gslug}.`;
			const fs = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
			const cbs = w.chiBos(g);
			const sections = fs.fmt === 'xlsx' && fs.titles && g.role === 'agency_db' && y <= 2024 && new Set(cbs.map((c) => c.name)).size === cbs.length && fs.rng.chance(mess.sectionRows);
			const t = memberListTable(fs, ctxG, g, y, ms, {
				forceCard: hasPlanted(ms.map((r) => r.person)),
				forceSick: ms.some((r) => r.person && sickCards.has(r.person.card)),
				sections,
				scored,
				csColumn: fs.rng.chance(0.4),
				finalHeader: finalHeaderFor(fs, g),
				decisionNo: fs.rng.int(10, 250),
				joined
			});
			sink.write(name + fs.fmt, render(fs, t), 'rating', ms.length);
		}
		const orgs = lists?.get('party_org|year|0') ?? [];
		if (orgs.length) {
			const name = `${y}_XLTC_${gslug}.`;
			const fs = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
			sink.write(name + fs.fmt, render(fs, orgListTable(fs, ctxG, g, y, orgs, { scored, finalHeader: finalHeaderFor(fs, g), decisionNo: fs.rng.int(10, 250) }, 'party_org')), 'rating', orgs.length);
		}
	}
	// lists of the district committee (up to 2024)
	const dl = byDecider.get(w.district);
	if (y <= 2024 && dl) writeUnitLists(st, ctxD, w.district, y, dl, hasPlanted);
	// civil servants, one list per agency (per grassroots organisation at national scale)
	const perG = PRESETS[st.env.opts.scale].csByGrassroots;
	const byAgency = new Map<string, typeof R.cs>();
	for (const c of R.cs) {
		const k = perG ? w.grassroots(c.unit).code : c.unit.code;
		(byAgency.get(k) ?? byAgency.set(k, []).get(k)!).push(c);
	}
	for (const [code, cs] of byAgency) {
		const name = `${y}_XLCC_${code}_${slug(perG ? w.grassroots(cs[0].unit).name : cs[0].agency)}.`;
		const fs = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
		fs.titles = true;
		sink.write(name + fs.fmt, render(fs, csTable(fs, ctxG, cs[0].unit, y, cs, { forceCard: hasPlanted(cs.map((c) => c.person)), scored: y >= 2026 })), 'civil_servant', cs.length);
	}
	// lists decided at province level and the discipline register: buffered for the group
	for (const [decider, lists] of byDecider) {
		if (decider.kind !== 'tinh_uy') continue;
		for (const [k, rs] of lists) {
			const [kind, pk, pno] = k.split('|');
			const key = `${y}|${decider.code}|${kind}|${pk}|${pno}`;
			const e = st.provLists.get(key) ?? st.provLists.set(key, { decider: liteOnce(decider), y, q: pk === 'quarter' ? Number(pno) : 0, kind, rs: [] }).get(key)!;
			for (const r of rs) e.rs.push({ ...r, unit: liteOnce(r.unit), decider: e.decider, person: litePerson(r.person) });
		}
	}
	const body = y >= 2025 ? spec.newProvince : spec.province;
	const dkey = `${y}|${body.code}`;
	const dd = st.discs.get(dkey) ?? st.discs.set(dkey, { body: liteOnce(body), y, ds: [], ctx: { upper: partyOf(body) } }).get(dkey)!;
	for (const x of R.disciplines)
		if (x.decided >= day(y, 1, 1) && x.decided <= day(y, 12, 31))
			dd.ds.push({ ...x, person: litePerson(x.person), subjectUnit: x.subjectUnit && liteOnce(x.subjectUnit), unit: liteOnce(x.unit) });
}

function writeUnitLists(st: GroupState, ctx: Ctx, decider: Unit, y: number, lists: Map<string, Rating[]>, hasPlanted: (ps: Array<Person | null>) => boolean): void {
	const { sink, seed, mess } = st.env;
	const scored = y >= 2025;
	const orgs = lists.get('party_org|year|0') ?? [];
	const leads = lists.get('leadership|year|0') ?? [];
	const base = `${y}_%K_${decider.code}_${slug(decider.name)}.`;
	const mixedName = base.replace('%K', 'XLTC');
	const fm = fileStyle(seed, mixedName, mess, { allowXlsx: true, allowLegacy: true });
	const mixed = fm.rng.chance(0.3);
	if (orgs.length || (mixed && leads.length)) {
		const rs = mixed ? [...orgs, ...leads] : orgs;
		sink.write(mixedName + fm.fmt, render(fm, orgListTable(fm, ctx, decider, y, rs, { scored, finalHeader: finalHeaderFor(fm, decider), decisionNo: fm.rng.int(10, 250) }, mixed ? 'mixed' : 'party_org')), 'rating', rs.length);
	}
	if (!mixed && leads.length) {
		const name = base.replace('%K', 'XLTT');
		const fs = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
		sink.write(name + fs.fmt, render(fs, orgListTable(fs, ctx, decider, y, leads, { scored, finalHeader: finalHeaderFor(fs, decider), decisionNo: fs.rng.int(10, 250) }, 'leadership')), 'rating', leads.length);
	}
	for (const [k, rs] of lists) {
		const [kind, pk, pno] = k.split('|');
		if (kind !== 'leader') continue;
		const q = pk === 'quarter' ? Number(pno) : 0;
		const name = `${y}${q ? `Q${q}` : ''}_XLLD_${decider.code}_${slug(decider.name)}.`;
		const fs = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
		sink.write(name + fs.fmt, render(fs, leaderListTable(fs, ctx, decider, y, q, rs, { scored, finalHeader: finalHeaderFor(fs, decider), decisionNo: fs.rng.int(10, 250), forceCard: hasPlanted(rs.map((r) => r.person)) })), 'rating', rs.length);
	}
}

function writeProvList(st: GroupState, l: { decider: Unit; y: number; q: number; kind: string; rs: Rating[] }): void {
	const ctx: Ctx = { upper: partyOf(l.decider) };
	const hasPlanted = (ps: Array<Person | null>) => ps.some((p) => p && st.planted.has(p.card));
	if (l.kind === 'leader') return writeUnitLists(st, ctx, l.decider, l.y, new Map([[`leader|${l.q ? 'quarter' : 'year'}|${l.q}`, l.rs]]), hasPlanted);
	const { sink, seed, mess } = st.env;
	const name = `${l.y}_${l.kind === 'party_org' ? 'XLTC' : 'XLTT'}_${l.decider.code}_${slug(l.decider.name)}.`;
	const fs = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
	sink.write(name + fs.fmt, render(fs, orgListTable(fs, ctx, l.decider, l.y, l.rs, { scored: l.y >= 2025, finalHeader: finalHeaderFor(fs, l.decider), decisionNo: fs.rng.int(10, 250) }, l.kind as 'party_org' | 'leadership')), 'rating', l.rs.length);
}

