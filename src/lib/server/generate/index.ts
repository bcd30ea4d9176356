// The generator's entry point: lays out the districts of a scale (one district, a province, the
// country), simulates each district year by year (units, members, rounds), settles the baseline,
// plants anomalies and near-misses, and streams the files into one flat directory beside
// truth.jsonl, invalid.jsonl and manifest.json. One district is held in memory at a time (one
// merged province's buffered lists at most), so national scale streams. Called by
// src/cli/generate.ts, bench/generate.ts and the tests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '$lib/server/db';
import { check } from './check';
import { day } from './dates';
import { advanceYear, populate, refreshHeadsAfterReorg, type YearPlan } from './people';
import { loadCommunes, loadProvinces, provinceMembers, type CommuneRef, type ProvinceRef } from './places';
import { KINDS, type Carry, type PlantCtx, type PlantKind } from './plant';
import { Rng } from './prng';
import { buildRound, sharesFor, type HuyenPlan, type Round, type Shares } from './rounds';
import { finalise, settle } from './settle';
import { DEFAULT_MESS, fileStyle, header, HEADERS, type FileStyle, type Mess } from './style';
import { COMP, EXC, GOOD, type Discipline, type Lv, type Person, type Rating, type Truth, type Unit } from './types';
import { buildDistrict, makeUnit, REORG_DAY, reorganise2025, World, type DistrictSpec } from './units';
import {
	bodyName,
	csTable,
	disciplineTable,
	leaderListTable,
	memberListTable,
	orgListTable,
	registryCols,
	registryTable,
	render,
	renderCsv,
	rosterTable,
	Sink,
	slug,
	upperVi,
	type Ctx
} from './writers';
import { placeName } from './names';

export type Scale = 'small' | 'province' | 'national';

export interface GenerateOptions {
	scale: Scale;
	years: number[];
	seed: string | number;
	out: string;
	mess?: Partial<Mess>;
	/** chance that a given plant kind is planted in a district-year (besides the guaranteed ones) */
	plantRate?: number;
	/** plant every kind at least once (default for small) */
	ensureAll?: boolean;
	/** members at national scale (default 5.5 million); province scale default 100 thousand */
	members?: number;
	/** limit national scale to these old province codes (tests, quick runs) */
	provinces?: string[];
	onProgress?: (e: { done: number; total: number; label: string }) => void;
}

export interface GenerateSummary {
	scale: Scale;
	seed: string;
	years: number[];
	files: number;
	rows: number;
	bytes: number;
	byKind: Record<string, { files: number; rows: number }>;
	districts: number;
	membersByYear: Record<number, number>;
	orgsByYear: Record<number, number>;
	/** shares of final member levels (annual) per year: [excellent, good, complete, incomplete] */
	sharesByYear: Record<number, [number, number, number, number]>;
	truth: { flagged: number; notFlagged: number; byCase: Record<string, number> };
	/** baseline findings the generator's own audit still saw (should be none) */
	baselineFindings: string[];
	missingKinds: string[];
	invalidFiles: string[];
}

const PRESETS: Record<Scale, { members: number; plantRate: number; ensureAll: boolean; mess: Partial<Mess> }> = {
	small: { members: 4200, plantRate: 0.12, ensureAll: true, mess: {} },
	province: { members: 100_000, plantRate: 0.05, ensureAll: true, mess: { xlsx: 0.15 } },
	national: { members: 5_500_000, plantRate: 0.01, ensureAll: false, mess: { xlsx: 0.03, sectionRows: 0, summarySheet: 0 } }
};

interface Group {
	code2025: string;
	name2025: string;
	kind2025: string;
	olds: ProvinceRef[];
}

function provinceUnit(p: ProvinceRef, rng: Rng): Unit {
	const label = p.kind === 'Thành phố' ? 'Thành ủy' : 'Tỉnh ủy';
	const founded = day(['70', '67', '93', '06', '26', '27', '35', '36', '44', '45', '46', '62', '64'].includes(p.code) ? 1997 : 1976, 1, rng.int(1, 28));
	return makeUnit({ code: `T${p.code}`, name: `${label} ${p.name}`, kind: 'tinh_uy', parent: null, province: p.name, locality: p.name, founded, role: 'province' });
}

/** District names of a province: the reference's where it has them, else plausible ones. */
function districtsOf(p: ProvinceRef, n: number, communes: Map<string, CommuneRef[]> | undefined, rng: Rng): Array<{ name: string; communes: CommuneRef[] | null }> {
	if (communes && communes.size) return [...communes.entries()].map(([name, cs]) => ({ name, communes: cs.length ? cs : null }));
	const used = new Set<string>();
	const out: Array<{ name: string; communes: CommuneRef[] | null }> = [];
	const city = p.kind === 'Thành phố';
	for (let i = 0; i < n; i++) {
		const kind = i === 0 ? (city ? 'Quận' : 'Thành phố') : city && i < n / 2 ? 'Quận' : i === n - 1 ? 'Thị xã' : 'Huyện';
		out.push({ name: `${kind} ${i === 0 && !city ? p.name : placeName(rng, used)}`, communes: null });
	}
	return out;
}

/** Levels of the district committees of one old province, decided by its standing committee. */
function huyenPlans(rng: Rng, n: number, y: number): HuyenPlan[] {
	const pick = () => {
		const u = rng.next();
		return (u < 0.3 ? EXC : u < 0.95 ? GOOD : COMP) as Lv;
	};
	const plans: HuyenPlan[] = [];
	for (let i = 0; i < n; i++) {
		const org = pick();
		const lead = (rng.chance(0.85) ? org : Math.max(COMP, org - 1)) as Lv;
		const leaders = [0, 1, 2].map((k) => Math.min(pick(), lead, k === 0 ? org : EXC) as Lv);
		plans.push({ org, lead, leaders, decided: day(y, 12, rng.int(3, 5)) });
	}
	const cap = (get: (p: HuyenPlan) => Lv[], set: (p: HuyenPlan, i: number, v: Lv) => void) => {
		const all = plans.flatMap((p, pi) => get(p).map((v, i) => ({ pi, i, v })));
		let e = all.filter((x) => x.v === EXC).length;
		let g = all.filter((x) => x.v === GOOD).length;
		for (const x of all) {
			if (e <= (g < 5 ? 1 : Math.floor(g / 5))) break;
			if (x.v !== EXC) continue;
			set(plans[x.pi], x.i, GOOD);
			e--;
			g++;
		}
	};
	cap((p) => [p.org], (p, _i, v) => {
		p.org = v;
		p.lead = Math.min(p.lead, v) as Lv;
		p.leaders = p.leaders.map((l, k) => (k === 0 ? (Math.min(l, v) as Lv) : l));
	});
	cap((p) => [p.lead], (p, _i, v) => {
		p.lead = v;
		p.leaders = p.leaders.map((l) => Math.min(l, v) as Lv);
	});
	cap((p) => p.leaders, (p, i, v) => (p.leaders[i] = v));
	// a leader's unit grouping (the district's own three) allows one excellent
	for (const p of plans) {
		let seen = false;
		p.leaders = p.leaders.map((l) => (l === EXC ? (seen ? GOOD : ((seen = true), EXC)) : l));
	}
	return plans;
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

export async function generate(opts: GenerateOptions): Promise<GenerateSummary> {
	const preset = PRESETS[opts.scale];
	const seed = String(opts.seed);
	const mess: Mess = { ...DEFAULT_MESS, ...preset.mess, ...opts.mess };
	const years = [...opts.years].sort((a, b) => a - b);
	const plantRate = opts.plantRate ?? preset.plantRate;
	const ensureAll = opts.ensureAll ?? preset.ensureAll;
	const sink = new Sink(opts.out);
	const root = new Rng(`giamsat|${seed}`);
	const provinces = loadProvinces(ROOT);
	const communes = loadCommunes(ROOT);

	// --- the districts of the scale, grouped by the province they belong to after 01/07/2025
	const scope =
		opts.scale === 'national' ? provinces.filter((p) => !opts.provinces || opts.provinces.includes(p.code)) : provinces.filter((p) => p.code === '70');
	const groups: Group[] = [];
	for (const p of scope) {
		let g = groups.find((x) => x.code2025 === p.code2025);
		if (!g) groups.push((g = { code2025: p.code2025, name2025: p.name2025, kind2025: p.kind2025, olds: [] }));
		g.olds.push(p);
	}
	groups.sort((a, b) => a.code2025.localeCompare(b.code2025));
	const merged = new Set(provinces.map((p) => p.code2025).filter((c, _i, all) => all.filter((x) => x === c).length > 1));

	const summary: GenerateSummary = {
		scale: opts.scale,
		seed,
		years,
		files: 0,
		rows: 0,
		bytes: 0,
		byKind: {},
		districts: 0,
		membersByYear: {},
		orgsByYear: {},
		sharesByYear: {},
		truth: { flagged: 0, notFlagged: 0, byCase: {} },
		baselineFindings: [],
		missingKinds: [],
		invalidFiles: []
	};
	const shareCounts = new Map<number, number[]>();
	const invalidCtx: { chiBo?: string; decider?: string } = {};
	const truth: Truth[] = [];
	const planted = new Set<string>();

	// --- the registry: one file; streamed as CSV for large scales, one XLSX / CSV for small
	const regName = 'danh-muc-don-vi';
	const regStyle = fileStyle(seed, regName, { ...mess, tcvn3: 0, vni: 0, cp1258: 0, nfd: 0, csvTitles: 0 }, { allowXlsx: opts.scale === 'small', allowLegacy: false });
	const regUnits: Unit[] = [];
	const regCols = registryCols(regStyle);
	const regFile = `${regName}.${regStyle.fmt}`;
	let regStarted = false;
	const regFlush = (units: Unit[]) => {
		if (regStyle.fmt === 'xlsx') return void regUnits.push(...units);
		const t = registryTable(regStyle, units, regCols);
		let text = renderCsv({ ...regStyle, titles: false }, t).toString('utf8');
		if (regStarted) text = text.replace(/^\uFEFF/, '').slice(text.replace(/^\uFEFF/, '').indexOf('\n') + 1);
		sink.append(regFile, text, 'registry', units.length, !regStarted);
		regStarted = true;
	};

	const totalDistricts = groups.reduce((s, g) => s + g.olds.reduce((t, p) => t + (opts.scale === 'small' ? 1 : districtCount(p, opts, preset, communes)), 0), 0);
	let done = 0;

	for (const grp of groups) {
		const grng = root.fork(`group${grp.code2025}`);
		const olds = grp.olds.map((p) => provinceUnit(p, grng.fork(p.code)));
		const isMerged = merged.has(grp.code2025) && years[years.length - 1] >= 2025;
		const newProv = isMerged
			? makeUnit({
					code: `T${grp.code2025}M`,
					name: `${grp.kind2025 === 'Thành phố' ? 'Thành ủy' : 'Tỉnh ủy'} ${grp.name2025}`,
					kind: 'tinh_uy',
					parent: null,
					province: grp.name2025,
					locality: grp.name2025,
					founded: REORG_DAY,
					role: 'province'
				})
			: olds[0];
		if (isMerged) {
			newProv.ageFrom = Math.min(...olds.map((o) => o.founded));
			for (const o of olds) {
				o.mergedInto = newProv.code;
				o.lineageOn = REORG_DAY;
				o.dissolved = REORG_DAY;
			}
		}
		regFlush(isMerged ? [...olds, newProv] : olds);
		// buffered lists decided at province level, and the discipline registers
		const provLists = new Map<string, { decider: Unit; y: number; q: number; kind: string; rs: Rating[]; ctx: Ctx }>();
		const discs = new Map<string, { body: Unit; y: number; ds: Discipline[]; ctx: Ctx }>();

		for (let oi = 0; oi < grp.olds.length; oi++) {
			const p = grp.olds[oi];
			const prov = olds[oi];
			const members = opts.scale === 'national' ? provinceMembers(p.code, opts.members ?? preset.members) : (opts.members ?? preset.members);
			const prng = grng.fork(`prov${p.code}`);
			let dlist = districtsOf(p, districtCount(p, opts, preset, communes), communes.get(p.code), prng.fork('names'));
			if (opts.scale === 'small') dlist = dlist.filter((d) => d.name === 'Huyện Bù Đăng');
			const perDistrict = Math.round(members / dlist.length);
			const plans = new Map(years.filter((y) => y <= 2024).map((y) => [y, huyenPlans(prng.fork(`huyen${y}`), dlist.length, y)]));
			for (let di = 0; di < dlist.length; di++) {
				const d = dlist[di];
				const dd = opts.scale === 'small' ? 5 : di + 1;
				const spec: DistrictSpec = {
					provinceCode: p.code,
					dd,
					name: d.name,
					communes: d.communes,
					members: perDistrict,
					province: prov,
					newProvince: newProv,
					newProvinceName: grp.name2025,
					firstYear: years[0]
				};
				await runDistrict({
					spec,
					seed,
					years,
					mess,
					sink,
					plantRate,
					ensureAll,
					huyen: (y) => plans.get(y)?.[di],
					truth,
					planted,
					summary,
					shareCounts,
					provLists,
					discs,
					regFlush,
					offset: done,
					invalidCtx
				});
				done++;
				summary.districts++;
				opts.onProgress?.({ done, total: totalDistricts, label: `${d.name}, ${p.name}` });
			}
		}
		// province-level files of the group
		for (const l of provLists.values()) writeProvList(l, seed, mess, sink, planted);
		for (const d of discs.values()) {
			const name = `${d.y}_KL_${d.body.code}_so-ky-luat.`;
			const st = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
			st.bareYear = false;
			st.noCard = false;
			sink.write(name + st.fmt, render(st, disciplineTable(st, d.ctx, d.body, d.y, d.ds)), 'discipline', d.ds.length);
		}
	}
	if (regStyle.fmt === 'xlsx') sink.write(regFile, render(regStyle, registryTable(regStyle, regUnits, regCols)), 'registry', regUnits.length);
	else if (!regStarted) regFlush([]);

	summary.invalidFiles = writeInvalid(sink, years[years.length - 1], invalidCtx.chiBo ?? 'CB0000000', invalidCtx.decider ?? 'CS0000000');
	const kindsSeen = new Set(truth.map((t) => t.case));
	summary.missingKinds = KINDS.filter((k) => !kindsSeen.has(k.id) && years.some((y) => k.when(y, years))).map((k) => k.id);
	writeFileSync(join(opts.out, 'truth.jsonl'), truth.map((t) => JSON.stringify(t)).join('\n') + (truth.length ? '\n' : ''));
	for (const t of truth) {
		if (t.expect === 'flagged') summary.truth.flagged++;
		else summary.truth.notFlagged++;
		summary.truth.byCase[t.case] = (summary.truth.byCase[t.case] ?? 0) + 1;
	}
	for (const [y, c] of shareCounts) {
		const n = c[1] + c[2] + c[3] + c[4];
		summary.sharesByYear[y] = [c[4] / n, c[3] / n, c[2] / n, c[1] / n];
	}
	summary.files = sink.files + 3;
	summary.rows = sink.rows;
	summary.bytes = sink.bytes;
	summary.byKind = sink.byKind;
	writeFileSync(join(opts.out, 'manifest.json'), JSON.stringify({ generator: 'giam-sat generate v1', ...summary }, null, 1) + '\n');
	return summary;
}

function districtCount(p: ProvinceRef, opts: GenerateOptions, preset: { members: number }, communes: Map<string, Map<string, CommuneRef[]>>): number {
	const ref = communes.get(p.code);
	if (ref && ref.size) return ref.size;
	const m = opts.scale === 'province' ? (opts.members ?? preset.members) : provinceMembers(p.code, opts.members ?? preset.members);
	return Math.max(4, Math.min(30, Math.round(m / 8000)));
}

interface DistrictRun {
	spec: DistrictSpec;
	seed: string;
	years: number[];
	mess: Mess;
	sink: Sink;
	plantRate: number;
	ensureAll: boolean;
	huyen: (y: number) => HuyenPlan | undefined;
	truth: Truth[];
	planted: Set<string>;
	summary: GenerateSummary;
	shareCounts: Map<number, number[]>;
	provLists: Map<string, { decider: Unit; y: number; q: number; kind: string; rs: Rating[]; ctx: Ctx }>;
	discs: Map<string, { body: Unit; y: number; ds: Discipline[]; ctx: Ctx }>;
	regFlush: (units: Unit[]) => void;
	offset: number;
	/** a real chi bộ and its deciding body, for the invalid files */
	invalidCtx: { chiBo?: string; decider?: string };
}

async function runDistrict(d: DistrictRun): Promise<void> {
	const code = `H${d.spec.provinceCode}${String(d.spec.dd).padStart(2, '0')}`;
	const rng = new Rng(`giamsat|${d.seed}|${code}`);
	const w = new World(d.spec);
	buildDistrict(w, rng.fork('build'));
	populate(w, rng.fork('people'), d.years[0]);
	const base: Shares = { exc: 0.24 + rng.next() * 0.06, comp: 0.05 + rng.next() * 0.04, inc: 0.006 + rng.next() * 0.01 };
	const schedule = new Schedule(rng.fork('schedule'), d.years, d.plantRate, d.ensureAll, d.offset);
	let carry: Carry = { prevMember: [], prevUnit: [] };
	for (const y of d.years) {
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
		const R = buildRound({ w, rng: rng.fork(`round${y}`), y, shares: sharesFor(base, y), tinh: d.spec.province, huyen: d.huyen(y), disciplineRate: 0.0015 });
		settle(R);
		finalise(R);
		const base0 = check(R);
		if (base0.length) d.summary.baselineFindings.push(...base0.slice(0, 20).map((f) => `${f.key} ${f.msg}`));
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
		for (const k of kinds) if (!k.run(ctx)) schedule.retry(k, y, d.years);
		const nextY = d.years.find((x) => x === y + 1);
		if (nextY !== undefined) for (const k of schedule.at(nextY)) if (k.prep) k.prep(ctx);
		carry = ctx.nextCarry;
		d.truth.push(...ctx.truth);
		const plantedCards = new Set(ctx.truth.map((t) => t.subject_card).filter((c): c is string => !!c));
		for (const c of plantedCards) d.planted.add(c);
		writeDistrictYear(d, w, R, plantedCards, ctx.truth);
	}
	d.regFlush(w.all);
}

const ROMAN = ['', 'I', 'II', 'III', 'IV'];

function finalHeaderFor(st: FileStyle, decider: Unit): string {
	const generic = HEADERS.final_level;
	if (st.rng.chance(0.35)) return st.rng.pick(generic);
	if (decider.kind === 'dang_bo_co_so') return 'Đảng ủy quyết định';
	if (decider.kind === 'chi_bo_co_so') return 'Chi bộ quyết định';
	if (decider.kind === 'huyen_uy') return st.rng.chance(0.5) ? `BTV ${decider.name.split(' ').slice(0, 2).join(' ')} quyết định` : 'Ban Thường vụ quyết định';
	return st.rng.chance(0.5) ? `Ban Thường vụ ${decider.name.split(' ').slice(0, 2).join(' ')} quyết định` : 'BTV quyết định';
}

function writeDistrictYear(d: DistrictRun, w: World, R: Round, plantedCards: Set<string>, truth: Truth[]): void {
	const { sink, seed, mess } = d;
	const y = R.y;
	const scored = R.rulebook === 'qd366';
	const upper = y >= 2025 ? `Đảng bộ ${d.spec.newProvince.name.replace(/^(Tỉnh|Thành) ủy /, /^Thành/.test(d.spec.newProvince.name) ? 'thành phố ' : 'tỉnh ')}` : `Đảng bộ ${w.district.name.replace(/^(Huyện|Thị|Quận|Thành) ủy /, (m) => (m.startsWith('Huyện') ? 'huyện ' : m.startsWith('Thị') ? 'thị xã ' : m.startsWith('Quận') ? '' : 'thành phố '))}`;
	const upperProv = `Đảng bộ ${d.spec.province.name.replace(/^(Tỉnh|Thành) ủy /, /^Thành/.test(d.spec.province.name) ? 'thành phố ' : 'tỉnh ')}`;
	const ctxG: Ctx = { upper };
	const sickCards = new Set(truth.filter((t) => t.rule === 'sick_leave_cap' && t.subject_card).map((t) => t.subject_card!));
	const hasPlanted = (ps: Array<Person | null>) => ps.some((p) => p && plantedCards.has(p.card));
	const joined = new Map<Person, number>();
	for (const rows of R.rosterByG.values()) for (const r of rows) if (r.status !== 'temporary') joined.set(r.person, r.joinedUnit);

	// counts for the summary
	if (!d.invalidCtx.chiBo && y === d.years[d.years.length - 1]) {
		const cb = R.chiBos.find((c) => c.kind === 'chi_bo_truc_thuoc');
		if (cb) Object.assign(d.invalidCtx, { chiBo: cb.code, decider: w.grassroots(cb).code });
	}
	const sc = d.shareCounts.get(y) ?? d.shareCounts.set(y, [0, 0, 0, 0, 0]).get(y)!;
	let members = 0;
	for (const rows of R.rosterByG.values()) for (const r of rows) if (r.status !== 'temporary') members++;
	d.summary.membersByYear[y] = (d.summary.membersByYear[y] ?? 0) + members;
	d.summary.orgsByYear[y] = (d.summary.orgsByYear[y] ?? 0) + R.org.size;

	const byDecider = new Map<Unit, Map<string, Rating[]>>();
	for (const r of R.ratings) {
		if (r.omit) continue;
		if (r.kind === 'member' && r.pk === 'year' && r.final) sc[r.final]++;
		const k = `${r.kind}|${r.pk}|${r.pno}`;
		const m = byDecider.get(r.decider) ?? byDecider.set(r.decider, new Map()).get(r.decider)!;
		(m.get(k) ?? m.set(k, []).get(k)!).push(r);
	}

	for (const g of R.gs) {
		const gslug = `${g.code}_${slug(g.name)}`;
		// roster
		const rows = R.rosterByG.get(g)!;
		if (rows.length) {
			const name = `${y}_DSDV_${gslug}.`;
			const st = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
			sink.write(name + st.fmt, render(st, rosterTable(st, ctxG, g, y, rows, hasPlanted(rows.map((r) => r.person)))), 'roster', rows.length);
		}
		const lists = byDecider.get(g);
		const members = lists?.get('member|year|0') ?? [];
		if (members.length) {
			const name = `${y}_XLDV_${gslug}.`;
			const st = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
			const cbNames = new Set(w.chiBos(g).map((c) => c.name));
			const sections = st.fmt === 'xlsx' && st.titles && g.role === 'agency_db' && y <= 2024 && cbNames.size === w.chiBos(g).length && st.rng.chance(mess.sectionRows);
			const t = memberListTable(st, ctxG, g, y, members, {
				forceCard: hasPlanted(members.map((r) => r.person)),
				forceSick: members.some((r) => r.person && sickCards.has(r.person.card)),
				sections,
				scored,
				csColumn: st.rng.chance(0.4),
				finalHeader: finalHeaderFor(st, g),
				decisionNo: st.rng.int(10, 250),
				joined
			});
			sink.write(name + st.fmt, render(st, t), 'rating', members.length);
		}
		const orgs = lists?.get('party_org|year|0') ?? [];
		if (orgs.length) {
			const name = `${y}_XLTC_${gslug}.`;
			const st = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
			sink.write(name + st.fmt, render(st, orgListTable(st, ctxG, g, y, orgs, { scored, finalHeader: finalHeaderFor(st, g), decisionNo: st.rng.int(10, 250) }, 'party_org')), 'rating', orgs.length);
		}
	}
	// lists of the district committee (up to 2024)
	if (y <= 2024) {
		const lists = byDecider.get(w.district);
		const ctxD: Ctx = { upper: upperProv };
		if (lists) writeUnitLists(sink, seed, mess, ctxD, w.district, y, lists, scored, hasPlanted);
	}
	// civil servants, one list per agency
	const byAgency = new Map<string, typeof R.cs>();
	for (const c of R.cs) (byAgency.get(c.unit.code) ?? byAgency.set(c.unit.code, []).get(c.unit.code)!).push(c);
	for (const [cbCode, cs] of byAgency) {
		const name = `${y}_XLCC_${cbCode}_${slug(cs[0].agency)}.`;
		const st = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
		st.titles = true;
		sink.write(name + st.fmt, render(st, csTable(st, ctxG, cs[0].unit, y, cs, { forceCard: hasPlanted(cs.map((c) => c.person)), scored: y >= 2026 })), 'civil_servant', cs.length);
	}
	// lists decided at province level and the discipline register: buffered for the group
	for (const [decider, lists] of byDecider) {
		if (decider.kind !== 'tinh_uy') continue;
		for (const [k, rs] of lists) {
			const [kind, pk, pno] = k.split('|');
			const key = `${y}|${decider.code}|${kind}|${pk}|${pno}`;
			const e = d.provLists.get(key) ?? d.provLists.set(key, { decider, y, q: pk === 'quarter' ? Number(pno) : 0, kind, rs: [], ctx: { upper: 'Ban Chấp hành Trung ương' } }).get(key)!;
			e.rs.push(...rs);
		}
	}
	const body = y >= 2025 ? d.spec.newProvince : d.spec.province;
	const dkey = `${y}|${body.code}`;
	const dd = d.discs.get(dkey) ?? d.discs.set(dkey, { body, y, ds: [], ctx: { upper: upperProv } }).get(dkey)!;
	dd.ds.push(...R.disciplines.filter((x) => x.decided >= day(y, 1, 1) && x.decided <= day(y, 12, 31)));
	void ROMAN;
	void bodyName;
	void upperVi;
	void header;
}

function writeUnitLists(
	sink: Sink,
	seed: string,
	mess: Mess,
	ctx: Ctx,
	decider: Unit,
	y: number,
	lists: Map<string, Rating[]>,
	scored: boolean,
	hasPlanted: (ps: Array<Person | null>) => boolean
): void {
	const orgs = lists.get('party_org|year|0') ?? [];
	const leads = lists.get('leadership|year|0') ?? [];
	const base = `${y}_%K_${decider.code}_${slug(decider.name)}.`;
	const mixedName = base.replace('%K', 'XLTC');
	const stm = fileStyle(seed, mixedName, mess, { allowXlsx: true, allowLegacy: true });
	const mixed = stm.rng.chance(0.3);
	if (orgs.length || (mixed && leads.length)) {
		const rs = mixed ? [...orgs, ...leads] : orgs;
		sink.write(mixedName + stm.fmt, render(stm, orgListTable(stm, ctx, decider, y, rs, { scored, finalHeader: finalHeaderFor(stm, decider), decisionNo: stm.rng.int(10, 250) }, mixed ? 'mixed' : 'party_org')), 'rating', rs.length);
	}
	if (!mixed && leads.length) {
		const name = base.replace('%K', 'XLTT');
		const st = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
		sink.write(name + st.fmt, render(st, orgListTable(st, ctx, decider, y, leads, { scored, finalHeader: finalHeaderFor(st, decider), decisionNo: st.rng.int(10, 250) }, 'leadership')), 'rating', leads.length);
	}
	for (const [k, rs] of lists) {
		const [kind, pk, pno] = k.split('|');
		if (kind !== 'leader') continue;
		const q = pk === 'quarter' ? Number(pno) : 0;
		const name = `${y}${q ? `Q${q}` : ''}_XLLD_${decider.code}_${slug(decider.name)}.`;
		const st = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
		sink.write(name + st.fmt, render(st, leaderListTable(st, ctx, decider, y, q, rs, { scored, finalHeader: finalHeaderFor(st, decider), decisionNo: st.rng.int(10, 250), forceCard: hasPlanted(rs.map((r) => r.person)) })), 'rating', rs.length);
	}
}

function writeProvList(l: { decider: Unit; y: number; q: number; kind: string; rs: Rating[]; ctx: Ctx }, seed: string, mess: Mess, sink: Sink, planted: Set<string>): void {
	const scored = l.y >= 2025;
	const hasPlanted = (ps: Array<Person | null>) => ps.some((p) => p && planted.has(p.card));
	const lists = new Map([[`${l.kind}|${l.q ? 'quarter' : 'year'}|${l.q}`, l.rs]]);
	if (l.kind === 'leader') return writeUnitLists(sink, seed, mess, l.ctx, l.decider, l.y, lists, scored, hasPlanted);
	const name = `${l.y}_${l.kind === 'party_org' ? 'XLTC' : 'XLTT'}_${l.decider.code}_${slug(l.decider.name)}.`;
	const st = fileStyle(seed, name, mess, { allowXlsx: true, allowLegacy: true });
	sink.write(name + st.fmt, render(st, orgListTable(st, l.ctx, l.decider, l.y, l.rs, { scored, finalHeader: finalHeaderFor(st, l.decider), decisionNo: st.rng.int(10, 250) }, l.kind as 'party_org' | 'leadership')), 'rating', l.rs.length);
}

/** Files of deliberately invalid rows, each row wrong in one way, listed in invalid.jsonl. */
function writeInvalid(sink: Sink, y: number, cb: string, decider: string): string[] {
	const lines: string[] = [];
	const files: string[] = [];
	const one = (file: string, headers: string[], rows: string[][], bad: Array<{ row: number; col: number; field: string; error: string; message: string }>, kind: string) => {
		const text = [headers.join(','), ...rows.map((r) => r.map((c) => (c.includes(',') ? `"${c}"` : c)).join(','))].join('\n') + '\n';
		sink.write(file, text, kind, rows.length);
		files.push(file);
		for (const b of bad) lines.push(JSON.stringify({ file, row: b.row + 2, column: headers[b.col], field: b.field, value: rows[b.row][b.col], error: b.error, message: b.message }));
	};
	one(
		`${y}_LOI_xep-loai-dang-vien_khong-hop-le.csv`,
		['STT', 'Họ và tên', 'Ngày sinh', 'Số thẻ đảng viên', 'Mã đơn vị', 'Tự xếp loại', 'Đảng ủy quyết định', 'Ngày kiểm điểm', 'Ngày quyết định', 'Cấp quyết định', 'Năm'],
		[
			['1', 'Nguyễn Văn Khải', '12/05/1980', '99000001', cb, 'HTTNV', 'Khá', `15/11/${y}`, `20/11/${y}`, decider, String(y)],
			['2', '', '03/09/1975', '99000002', cb, 'HTTNV', 'HTTNV', `15/11/${y}`, `20/11/${y}`, decider, String(y)],
			['3', 'Trần Thị Lụa', '21/01/1990', '99000003', cb, 'HTNV', 'HTNV', `15/11/${y}`, `31/02/${y}`, decider, String(y)],
			['4', 'Lê Văn Định', '07/07/1969', '99000004', 'CB99999902', 'HTTNV', 'HTTNV', `15/11/${y}`, `20/11/${y}`, decider, String(y)]
		],
		[
			{ row: 0, col: 6, field: 'final_level', error: 'unknown_level', message: 'Mức xếp loại không hợp lệ' },
			{ row: 1, col: 1, field: 'full_name', error: 'no_name', message: 'Thiếu họ và tên' },
			{ row: 2, col: 8, field: 'decided_on', error: 'impossible_date', message: 'Ngày quyết định không hợp lệ' },
			{ row: 3, col: 4, field: 'unit_code', error: 'unknown_unit', message: 'Không có đơn vị này trong danh mục đơn vị' }
		],
		'invalid'
	);
	one(
		`${y}_LOI_danh-sach-dang-vien_khong-hop-le.csv`,
		['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Số thẻ đảng viên', 'Mã chi bộ', 'Tình trạng', 'Ngày vào Đảng', 'Năm'],
		[
			['1', 'Phạm Văn Tài', '30/02/1970', 'Nam', '99000011', cb, 'Chính thức', '10/10/1995', String(y)],
			['2', 'Đỗ Thị Hằng', '11/11/1985', 'Nữ', '99000012', cb, 'Đang công tác', '19/05/2010', String(y)],
			['3', '', '01/01/1960', 'Nam', '99000013', cb, 'Chính thức', '03/02/1988', String(y)]
		],
		[
			{ row: 0, col: 2, field: 'birth', error: 'impossible_date', message: 'Ngày sinh không hợp lệ' },
			{ row: 1, col: 6, field: 'status', error: 'unknown_status', message: 'Tình trạng đảng viên không rõ' },
			{ row: 2, col: 1, field: 'full_name', error: 'no_name', message: 'Thiếu họ và tên' }
		],
		'invalid'
	);
	writeFileSync(join(sink.dir, 'invalid.jsonl'), lines.join('\n') + '\n');
	return files;
}
