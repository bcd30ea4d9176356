// Where a scale's districts are: one district (small), one province (province) or the 63 provinces
// (national), grouped by the province they belong to after 01/07/2025, with their province
// committees, district names, member targets and the levels of the district committees. The same
// layout is computed in the main thread and in every worker, so each can run its share of groups.
// Called by index.ts and district.ts.
import { day } from './dates';
import { placeName } from './names';
import { loadCommunes, loadProvinces, provinceMembers, type CommuneRef, type ProvinceRef } from './places';
import { Rng } from './prng';
import type { HuyenPlan } from './rounds';
import type { Mess } from './style';
import { COMP, EXC, GOOD, type Lv, type Unit } from './types';
import { makeUnit, REORG_DAY } from './units';

export type Scale = 'small' | 'province' | 'national';

export interface GenerateOptions {
	scale: Scale;
	years: number[];
	seed: string | number;
	out: string;
	mess?: Partial<Mess>;
	/** chance that a given plant kind is planted in a district-year (besides the guaranteed ones) */
	plantRate?: number;
	/** plant every kind at least once per district (default for small and province) */
	ensureAll?: boolean;
	/** members at national scale (default 5.5 million); province scale default 100 thousand */
	members?: number;
	/** limit national scale to these old province codes (tests, quick runs) */
	provinces?: string[];
	/** worker threads (national default: 2) */
	workers?: number;
	onProgress?: (e: { done: number; total: number; label: string }) => void;
}

/** Per scale: members, plant rate, mess; national sends one civil-servant list per grassroots
 * organisation (its đảng ủy gathers its agencies' results) rather than one per agency, which keeps
 * the country to ~120 thousand files a year instead of ~220 thousand. */
export const PRESETS: Record<Scale, { members: number; plantRate: number; ensureAll: boolean; mess: Partial<Mess>; csByGrassroots: boolean }> = {
	small: { members: 4200, plantRate: 0.12, ensureAll: true, mess: {}, csByGrassroots: false },
	province: { members: 100_000, plantRate: 0.05, ensureAll: true, mess: { xlsx: 0.15 }, csByGrassroots: false },
	national: { members: 5_500_000, plantRate: 0.004, ensureAll: false, mess: { xlsx: 0.03, sectionRows: 0, summarySheet: 0 }, csByGrassroots: true }
};

export interface DistrictLayout {
	/** global index of the district (spreads the guaranteed plant kinds over the years) */
	index: number;
	oldIndex: number;
	dd: number;
	name: string;
	communes: CommuneRef[] | null;
	members: number;
	/** position among its province's districts (for the district committee's levels) */
	di: number;
}

export interface GroupLayout {
	gi: number;
	code2025: string;
	name2025: string;
	kind2025: string;
	olds: ProvinceRef[];
	districts: DistrictLayout[];
	/** weight for sharing groups among workers */
	members: number;
}

export function layout(opts: GenerateOptions, root: string): GroupLayout[] {
	const preset = PRESETS[opts.scale];
	const provinces = loadProvinces(root);
	const communes = loadCommunes(root);
	const scope =
		opts.scale === 'national' ? provinces.filter((p) => !opts.provinces || opts.provinces.includes(p.code)) : provinces.filter((p) => p.code === '70');
	const groups: GroupLayout[] = [];
	for (const p of scope) {
		let g = groups.find((x) => x.code2025 === p.code2025);
		if (!g) groups.push((g = { gi: 0, code2025: p.code2025, name2025: p.name2025, kind2025: p.kind2025, olds: [], districts: [], members: 0 }));
		g.olds.push(p);
	}
	groups.sort((a, b) => a.code2025.localeCompare(b.code2025));
	const seed = String(opts.seed);
	let index = 0;
	groups.forEach((g, gi) => {
		g.gi = gi;
		g.olds.forEach((p, oi) => {
			const total = opts.scale === 'national' ? provinceMembers(p.code, opts.members ?? preset.members) : (opts.members ?? preset.members);
			const ref = communes.get(p.code);
			const n = ref && ref.size ? ref.size : Math.max(4, Math.min(30, Math.round(total / 8000)));
			let ds = districtsOf(p, n, ref, new Rng(`giamsat|${seed}|group${g.code2025}/prov${p.code}/names`));
			if (opts.scale === 'small') ds = ds.filter((d) => d.name === 'Huyện Bù Đăng');
			const per = Math.round(total / ds.length);
			ds.forEach((d, di) => {
				g.districts.push({ index: index++, oldIndex: oi, dd: opts.scale === 'small' ? 5 : di + 1, name: d.name, communes: d.communes, members: per, di });
				g.members += per;
			});
		});
	});
	return groups;
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

/** The province committees of a group: the old ones and, if they merged, the new one. */
export function provinceUnits(g: GroupLayout, years: number[], merged: boolean, seed: string): { olds: Unit[]; newProv: Unit } {
	const olds = g.olds.map((p) => {
		const rng = new Rng(`giamsat|${seed}|group${g.code2025}/${p.code}`);
		const label = p.kind === 'Thành phố' ? 'Thành ủy' : 'Tỉnh ủy';
		const founded = day(['70', '67', '93', '06', '26', '27', '35', '36', '44', '45', '46', '62', '64'].includes(p.code) ? 1997 : 1976, 1, rng.int(1, 28));
		return makeUnit({ code: `T${p.code}`, name: `${label} ${p.name}`, kind: 'tinh_uy', parent: null, province: p.name, locality: p.name, founded, role: 'province' });
	});
	if (!merged || years[years.length - 1] < 2025) return { olds, newProv: olds[0] };
	const newProv = makeUnit({
		code: `T${g.code2025}M`,
		name: `${g.kind2025 === 'Thành phố' ? 'Thành ủy' : 'Tỉnh ủy'} ${g.name2025}`,
		kind: 'tinh_uy',
		parent: null,
		province: g.name2025,
		locality: g.name2025,
		founded: REORG_DAY,
		role: 'province'
	});
	newProv.ageFrom = Math.min(...olds.map((o) => o.founded));
	for (const o of olds) {
		o.mergedInto = newProv.code;
		o.lineageOn = REORG_DAY;
		o.dissolved = REORG_DAY;
	}
	return { olds, newProv };
}

/** New province codes that more than one old province merged into. */
export function mergedCodes(root: string): Set<string> {
	const ps = loadProvinces(root);
	return new Set(ps.map((p) => p.code2025).filter((c) => ps.filter((x) => x.code2025 === c).length > 1));
}

/** Levels of the district committees of one old province, decided by its standing committee. */
export function huyenPlans(rng: Rng, n: number, y: number): HuyenPlan[] {
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
	// `sure(i)`: the i-th level is rated whatever happens; a district without a deputy that year
	// rates fewer leaders than planned, and a good one missing from the count could leave the
	// province's group over the cap (national 2023: 2 excellent / 9 good), so only sure ones count
	const cap = (get: (p: HuyenPlan) => Lv[], set: (p: HuyenPlan, i: number, v: Lv) => void, sure: (i: number) => boolean = () => true) => {
		const all = plans.flatMap((p, pi) => get(p).map((v, i) => ({ pi, i, v })));
		let e = all.filter((x) => x.v === EXC).length;
		let g = all.filter((x) => x.v === GOOD && sure(x.i)).length;
		for (const x of all) {
			if (e <= (g < 5 ? 1 : Math.floor(g / 5))) break;
			if (x.v !== EXC) continue;
			set(plans[x.pi], x.i, GOOD);
			e--;
			if (sure(x.i)) g++;
		}
	};
	cap(
		(p) => [p.org],
		(p, _i, v) => {
			p.org = v;
			p.lead = Math.min(p.lead, v) as Lv;
			p.leaders = p.leaders.map((l, k) => (k === 0 ? (Math.min(l, v) as Lv) : l));
		}
	);
	cap(
		(p) => [p.lead],
		(p, _i, v) => {
			p.lead = v;
			p.leaders = p.leaders.map((l) => Math.min(l, v) as Lv);
		}
	);
	cap(
		(p) => p.leaders,
		(p, i, v) => (p.leaders[i] = v),
		(i) => i === 0 // the head; deputies may be missing
	);
	// a district's own three leaders (their unit grouping) allow one excellent
	for (const p of plans) {
		let seen = false;
		p.leaders = p.leaders.map((l) => (l === EXC ? (seen ? GOOD : ((seen = true), EXC)) : l));
	}
	return plans;
}
