// The unit hierarchy of one district and how it changes: province committee → district committee →
// communes and agencies (đảng bộ / chi bộ cơ sở) → đảng bộ bộ phận → chi bộ; renames, merges and
// splits between years, brand-new organisations, and the 2025 reorganisation (district committees
// dissolved on 01/07/2025, communes merged into new ones under the merged province). index.ts
// builds one World per district; people.ts fills it with members; rounds.ts rates it.
import { day } from './dates';
import { placeName } from './names';
import { communeParty, districtCommittee, isSouth, type CommuneRef } from './places';
import type { Rng } from './prng';
import type { Person, Role, Unit, UnitKind } from './types';

export interface DistrictSpec {
	provinceCode: string;
	dd: number;
	name: string;
	communes: CommuneRef[] | null;
	members: number;
	province: Unit;
	/** the province committee after 01/07/2025 (the same unit when the province did not merge) */
	newProvince: Unit;
	newProvinceName: string;
	firstYear: number;
}

const p2 = (n: number) => String(n).padStart(2, '0');
const p3 = (n: number) => String(n).padStart(3, '0');

export const REORG_DAY = day(2025, 7, 1);

export function makeUnit(u: Partial<Unit> & Pick<Unit, 'code' | 'name' | 'kind' | 'parent' | 'province' | 'locality' | 'founded' | 'role'>): Unit {
	return {
		dissolved: null,
		ageFrom: u.founded,
		cs: false,
		school: false,
		members: [],
		kids: [],
		head: null,
		deputies: [],
		...u
	};
}

export class World {
	units = new Map<string, Unit>();
	/** every unit that ever existed in this district, in creation order (registry rows) */
	all: Unit[] = [];
	district!: Unit;
	gs: Unit[] = [];
	persons: Person[] = [];
	personSeq = 0;
	readonly south: boolean;
	readonly pp: string;
	readonly dd: string;
	usedPlaces = new Set<string>();
	/** identity keys (name|birth year) in use, so that no two people share one by accident */
	identities = new Set<string>();
	private gSeq = 0;
	private kidSeq = new Map<string, number>();
	communeCodes2025: Unit[] = [];

	constructor(readonly spec: DistrictSpec) {
		this.pp = spec.provinceCode;
		this.dd = p2(spec.dd);
		this.south = isSouth(spec.provinceCode);
	}

	add(u: Unit): Unit {
		if (this.units.has(u.code)) throw new Error(`duplicate unit code ${u.code}`);
		this.units.set(u.code, u);
		this.all.push(u);
		return u;
	}

	nextG(): string {
		return `${this.pp}${this.dd}${p3(++this.gSeq)}`;
	}

	/**
	 * The next child code under a parent: prefix + parent digits + counter. The prefix names the
	 * parent's type, so codes of different depths never collide: CB (under a grassroots
	 * organisation, 3 digits), CP (under a đảng bộ bộ phận, 2), CN (under a 2025 commune, 3), CQ
	 * (under its đảng bộ bộ phận, 2); BP / BN for đảng bộ bộ phận (1 digit).
	 */
	nextKid(parent: Unit, prefix?: string): string {
		const pre = prefix ?? (parent.code.startsWith('XA') ? 'CN' : parent.code.startsWith('BN') ? 'CQ' : parent.code.startsWith('BP') ? 'CP' : 'CB');
		const width = pre === 'BP' || pre === 'BN' ? 1 : pre === 'CB' || pre === 'CN' ? 3 : 2;
		const digits = parent.code.replace(/^[A-Z]+/, '');
		const n = (this.kidSeq.get(parent.code + pre) ?? 0) + 1;
		if (String(n).length > width) throw new Error(`too many units under ${parent.code}`);
		this.kidSeq.set(parent.code + pre, n);
		return `${pre}${digits}${String(n).padStart(width, '0')}`;
	}

	/** chi bộ under a grassroots organisation (directly or under its đảng bộ bộ phận), or itself */
	chiBos(g: Unit): Unit[] {
		if (g.kind === 'chi_bo_co_so') return [g];
		const out: Unit[] = [];
		for (const k of g.kids) {
			if (k.kind === 'dang_bo_bo_phan') out.push(...k.kids);
			else out.push(k);
		}
		return out;
	}

	/** grassroots organisation of a chi bộ by its registry parent (valid for dissolved ones too) */
	grassrootsOf(cb: Unit): Unit {
		return this.grassroots(cb);
	}

	allChiBos(): Unit[] {
		return this.gs.flatMap((g) => this.chiBos(g));
	}

	/** the grassroots organisation a chi bộ belongs to */
	grassroots(cb: Unit): Unit {
		if (cb.kind === 'chi_bo_co_so' || cb.kind === 'dang_bo_co_so') return cb;
		const p = this.units.get(cb.parent!)!;
		return p.kind === 'dang_bo_bo_phan' ? this.units.get(p.parent!)! : p;
	}
}

interface ChiBoSpec {
	name: string;
	role: Role;
	agency?: string;
}

const SCHOOL_NAMES =
	'Lê Quý Đôn,Nguyễn Du,Trần Quốc Toản,Kim Đồng,Võ Thị Sáu,Lý Tự Trọng,Nguyễn Trãi,Chu Văn An,Quang Trung,Lê Lợi,Nguyễn Huệ,Trần Phú,Lê Hồng Phong,Nguyễn Bỉnh Khiêm,Lương Thế Vinh,Phan Bội Châu,Hùng Vương,Ngô Quyền'.split(
		','
	);

function villagePrefix(w: World, ward: boolean): string {
	if (ward) return w.south ? 'Khu phố' : 'Tổ dân phố';
	const pc = Number(w.pp);
	if (pc >= 72) return 'Ấp';
	return 'Thôn';
}

/** The chi bộ of a commune: villages, then the commune's agencies. */
function communeChiBos(w: World, rng: Rng, commune: string, ward: boolean): ChiBoSpec[] {
	const cp = communeParty(commune);
	const out: ChiBoSpec[] = [];
	const v = Math.max(4, Math.min(16, Math.round(rng.normal(9, 2.2))));
	const prefix = villagePrefix(w, ward);
	const named = !ward && rng.chance(0.35);
	const usedLocal = new Set<string>();
	for (let i = 1; i <= v; i++) {
		const vn = named ? placeName(rng, usedLocal) : String(i);
		out.push({ name: `Chi bộ ${prefix} ${vn}`, role: 'village' });
	}
	out.push({ name: `Chi bộ Cơ quan ${cp.kindWord} ${cp.short}`, role: 'gov', agency: cp.gov });
	out.push({ name: `Chi bộ Quân sự ${cp.kindWord} ${cp.short}`, role: 'military' });
	out.push({ name: `Chi bộ Công an ${cp.kindWord} ${cp.short}`, role: 'police' });
	const schools = [`Trường Mầm non ${cp.short}`, `Trường Tiểu học ${cp.short}`, `Trường THCS ${cp.short}`];
	const ns = rng.int(1, 3);
	for (let i = 0; i < ns; i++) out.push({ name: `Chi bộ ${schools[i]}`, role: 'school', agency: `${schools[i]}` });
	out.push({ name: `Chi bộ Trạm Y tế ${cp.kindWord} ${cp.short}`, role: 'health', agency: `Trạm Y tế ${cp.kindWord} ${cp.short}` });
	return out;
}

interface AgencySpec {
	name: string;
	kind: 'dang_bo_co_so' | 'chi_bo_co_so';
	role: Role;
	chiBos?: ChiBoSpec[];
	agency?: string;
}

function districtAgencies(w: World, rng: Rng, dshort: string, target: number): AgencySpec[] {
	const huyen = districtCommittee(w.spec.name).label;
	const out: AgencySpec[] = [
		{
			name: `Đảng bộ Các cơ quan Đảng ${dshort}`,
			kind: 'dang_bo_co_so',
			role: 'agency_db',
			chiBos: [
				`Văn phòng ${huyen}`,
				`Ban Tổ chức ${huyen}`,
				`Ban Tuyên giáo ${huyen}`,
				`Ủy ban Kiểm tra ${huyen}`,
				`Ban Dân vận ${huyen}`,
				`Trung tâm Chính trị ${dshort}`
			].map((a) => ({ name: `Chi bộ ${a}`, role: 'office' as Role, agency: a }))
		},
		{
			name: `Đảng bộ Cơ quan Chính quyền ${dshort}`,
			kind: 'dang_bo_co_so',
			role: 'agency_db',
			chiBos: [
				'Văn phòng HĐND và UBND',
				'Phòng Tài chính - Kế hoạch',
				'Phòng Nội vụ',
				'Phòng Tư pháp',
				'Phòng Tài nguyên và Môi trường',
				'Phòng Kinh tế - Hạ tầng',
				'Phòng Lao động - Thương binh và Xã hội',
				'Phòng Văn hóa và Thông tin',
				'Phòng Nông nghiệp và Phát triển nông thôn',
				'Thanh tra'
			]
				.slice(0, rng.int(5, 10))
				.map((a) => ({ name: `Chi bộ ${a}`, role: 'office' as Role, agency: `${a} ${dshort}` }))
		},
		{
			name: `Đảng bộ Công an ${dshort}`,
			kind: 'dang_bo_co_so',
			role: 'agency_db',
			chiBos: ['Đội An ninh', 'Đội Cảnh sát hình sự', 'Đội Cảnh sát giao thông', 'Đội Tổng hợp', 'Đội Cảnh sát quản lý hành chính']
				.slice(0, rng.int(3, 5))
				.map((a) => ({ name: `Chi bộ ${a}`, role: 'police' as Role }))
		},
		{
			name: `Đảng bộ Quân sự ${dshort}`,
			kind: 'dang_bo_co_so',
			role: 'agency_db',
			chiBos: ['Ban Chỉ huy', 'Cơ quan', 'Trung đội Dân quân cơ động'].map((a) => ({ name: `Chi bộ ${a}`, role: 'military' as Role }))
		}
	];
	const cbs: Array<[string, Role]> = [
		['Phòng Giáo dục và Đào tạo', 'office'],
		['Trung tâm Y tế', 'health'],
		['Chi cục Thuế', 'office'],
		['Kho bạc Nhà nước', 'office'],
		['Ngân hàng Chính sách xã hội', 'office'],
		['Bảo hiểm xã hội', 'office'],
		['Tòa án nhân dân', 'office'],
		['Viện Kiểm sát nhân dân', 'office'],
		['Chi cục Thi hành án dân sự', 'office'],
		['Cơ quan Mặt trận Tổ quốc và các đoàn thể', 'office'],
		['Trung tâm Văn hóa - Thể thao và Truyền thông', 'office'],
		['Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên', 'school'],
		['Ban Quản lý dự án đầu tư xây dựng', 'office'],
		['Hạt Kiểm lâm', 'office'],
		['Điện lực', 'enterprise'],
		['Bưu điện', 'enterprise']
	];
	const nHigh = Math.max(1, Math.min(6, Math.round(target / 400)));
	const used = new Set<string>();
	for (let i = 0; i < nHigh; i++) {
		const s = i === 0 ? dshort : SCHOOL_NAMES[(i * 7 + w.spec.dd) % SCHOOL_NAMES.length];
		if (used.has(s)) continue;
		used.add(s);
		cbs.splice(2 + i, 0, [`Trường THPT ${s}`, 'school']);
	}
	for (const [a, role] of cbs) {
		const agency = role === 'enterprise' ? undefined : a.startsWith('Trường') ? a : `${a} ${dshort}`;
		out.push({ name: `Chi bộ ${a} ${a.startsWith('Trường') ? '' : dshort}`.trim(), kind: 'chi_bo_co_so', role, agency });
	}
	return out;
}

const SIZE: Record<Role, [number, number]> = {
	village: [18, 6],
	school: [14, 5],
	health: [9, 4],
	gov: [16, 4],
	police: [9, 3],
	military: [6, 2],
	office: [9, 4],
	enterprise: [18, 8],
	agency_cb: [15, 6],
	agency_db: [0, 0],
	bp: [0, 0],
	commune: [0, 0],
	district: [0, 0],
	province: [0, 0]
};

export function memberTarget(rng: Rng, role: Role): number {
	const [m, s] = SIZE[role];
	return Math.max(role === 'military' ? 3 : 4, Math.round(rng.normal(m, s)));
}

/** A civil servant chi bộ: its members are state employees rated under NĐ 90 / NĐ 335. */
function isCsRole(role: Role): boolean {
	return role === 'school' || role === 'health' || role === 'gov' || role === 'office';
}

function randomFounded(rng: Rng, y0: number, y1: number): number {
	return day(rng.int(y0, y1), rng.int(1, 12), rng.int(1, 28));
}

function addChiBo(w: World, rng: Rng, parent: Unit, s: ChiBoSpec, locality: string, founded?: number): Unit {
	return w.add(
		makeUnit({
			code: w.nextKid(parent),
			name: s.name,
			kind: parent.kind === 'chi_bo_co_so' ? 'chi_bo_co_so' : 'chi_bo_truc_thuoc',
			parent: parent.code,
			province: parent.province,
			locality,
			founded: founded ?? Math.max(parent.founded, randomFounded(rng, 1965, w.spec.firstYear - 3)),
			role: s.role,
			agency: s.agency,
			cs: isCsRole(s.role),
			school: s.role === 'school'
		})
	);
}

/** Lay out a district's units as they stand on 01/01 of the first year. */
export function buildDistrict(w: World, rng: Rng): void {
	const spec = w.spec;
	const dc = districtCommittee(spec.name);
	const dshort = spec.name.replace(/^(Huyện|Thị xã|Thành phố|Quận)\s+/, '');
	const dshortFull = /^\d+$/.test(dshort) ? `Quận ${dshort}` : dshort;
	w.district = w.add(
		makeUnit({
			code: `H${w.pp}${w.dd}`,
			name: dc.name,
			kind: 'huyen_uy',
			parent: spec.province.code,
			province: spec.province.province,
			locality: spec.name,
			founded: randomFounded(rng, 1976, 1995),
			role: 'district'
		})
	);
	const urban = /^(Quận|Thành phố)/.test(spec.name);
	const town = /^Thị xã/.test(spec.name);
	let communes = spec.communes?.map((c) => c.commune);
	if (!communes || communes.length === 0) {
		const n = Math.max(5, Math.min(120, Math.round((spec.members * 0.7) / 215)));
		communes = [];
		for (let i = 0; i < n; i++) {
			const kind = urban ? (i < n * 0.8 ? 'Phường' : 'Xã') : town ? (i < n / 2 ? 'Phường' : 'Xã') : i === 0 ? 'Thị trấn' : 'Xã';
			communes.push(`${kind} ${placeName(rng, w.usedPlaces)}`);
		}
	} else for (const c of communes) w.usedPlaces.add(communeParty(c).short);
	let memberSum = 0;
	for (const c of communes) {
		const cp = communeParty(c);
		const ward = cp.kindWord !== 'xã';
		const g = w.add(
			makeUnit({
				code: `CS${w.nextG()}`,
				name: cp.party,
				kind: 'dang_bo_co_so',
				parent: w.district.code,
				province: spec.province.province,
				locality: c,
				founded: Math.max(w.district.founded, randomFounded(rng, 1976, 1998)),
				role: 'commune',
				agency: cp.gov
			})
		);
		w.district.kids.push(g);
		w.gs.push(g);
		const specs = communeChiBos(w, rng, c, ward);
		// wards and towns sometimes group their residential chi bộ under a đảng bộ bộ phận
		let bp: Unit | null = null;
		const villages = specs.filter((s) => s.role === 'village');
		if (ward && villages.length >= 5 && (!w.all.some((u) => u.kind === 'dang_bo_bo_phan') || rng.chance(0.3))) {
			bp = w.add(
				makeUnit({
					code: w.nextKid(g, 'BP'),
					name: `Đảng bộ bộ phận ${villages[0].name.replace(/^Chi bộ /, '')}`,
					kind: 'dang_bo_bo_phan',
					parent: g.code,
					province: g.province,
					locality: c,
					founded: Math.max(g.founded, randomFounded(rng, 1990, spec.firstYear - 3)),
					role: 'bp'
				})
			);
			g.kids.push(bp);
		}
		let inBp = 0;
		for (const s of specs) {
			const parent = bp && s.role === 'village' && inBp < 3 ? bp : g;
			if (parent === bp) {
				inBp++;
				s.name = `${s.name}${String.fromCharCode(64 + inBp)}`;
			}
			const cb = addChiBo(w, rng, parent, s, c);
			parent.kids.push(cb);
			memberSum += SIZE[s.role][0];
		}
	}
	// agencies: at least the four district đảng bộ, then chi bộ cơ sở until the target is reached
	const agencies = districtAgencies(w, rng, dshortFull, spec.members - memberSum);
	let k = 0;
	for (const a of agencies) {
		if (k >= 9 && memberSum >= spec.members) break;
		k++;
		const g = w.add(
			makeUnit({
				code: `CS${w.nextG()}`,
				name: a.name,
				kind: a.kind,
				parent: w.district.code,
				province: spec.province.province,
				locality: spec.name,
				founded: Math.max(w.district.founded, randomFounded(rng, 1980, spec.firstYear - 4)),
				role: a.kind === 'chi_bo_co_so' ? a.role : 'agency_db',
				agency: a.agency,
				cs: a.kind === 'chi_bo_co_so' && isCsRole(a.role),
				school: a.role === 'school'
			})
		);
		w.district.kids.push(g);
		w.gs.push(g);
		if (a.kind === 'chi_bo_co_so') memberSum += SIZE[a.role][0];
		for (const s of a.chiBos ?? []) {
			g.kids.push(addChiBo(w, rng, g, s, spec.name));
			memberSum += SIZE[s.role][0];
		}
	}
	// big districts: more enterprises and schools as chi bộ cơ sở
	let extra = 0;
	while (memberSum < spec.members * 0.97 && extra < 400) {
		extra++;
		const isSchool = rng.chance(0.35);
		const nm = isSchool
			? `Trường THCS ${placeName(rng, w.usedPlaces)}`
			: `${rng.pick(['Công ty Cổ phần', 'Công ty TNHH MTV', 'Hợp tác xã', 'Công ty TNHH'])} ${placeName(rng, w.usedPlaces)}`;
		const role: Role = isSchool ? 'school' : 'enterprise';
		const g = w.add(
			makeUnit({
				code: `CS${w.nextG()}`,
				name: `Chi bộ ${nm}`,
				kind: 'chi_bo_co_so',
				parent: w.district.code,
				province: spec.province.province,
				locality: spec.name,
				founded: randomFounded(rng, 1990, spec.firstYear - 2),
				role,
				agency: isSchool ? nm : undefined,
				cs: isSchool,
				school: isSchool
			})
		);
		w.district.kids.push(g);
		w.gs.push(g);
		memberSum += SIZE[role][0];
	}
}

/** Replace `old` by `neu` under the same parent list. */
function replaceKid(parent: Unit, old: Unit, neu: Unit | null): void {
	const i = parent.kids.indexOf(old);
	if (i >= 0) {
		if (neu) parent.kids[i] = neu;
		else parent.kids.splice(i, 1);
	} else if (neu) parent.kids.push(neu);
}

function moveAll(from: Unit, to: Unit): void {
	for (const p of from.members) p.unit = to;
	to.members.push(...from.members);
	from.members = [];
}

function cloneAs(w: World, old: Unit, parent: Unit, date: number, name: string): Unit {
	return w.add(
		makeUnit({
			code: old.kind === 'dang_bo_bo_phan' ? w.nextKid(parent, parent.code.startsWith('XA') ? 'BN' : 'BP') : w.nextKid(parent),
			name,
			kind: parent.kind === 'chi_bo_co_so' ? 'chi_bo_co_so' : old.kind === 'dang_bo_bo_phan' ? 'dang_bo_bo_phan' : 'chi_bo_truc_thuoc',
			parent: parent.code,
			province: parent.province,
			locality: parent.locality,
			founded: date,
			role: old.role,
			agency: old.agency,
			cs: old.cs,
			school: old.school
		})
	);
}

/** A chi bộ renamed (village renamed, agency restructured): a new code, "Đổi tên từ" the old one. */
export function renameChiBo(w: World, old: Unit, date: number, name: string, newParent?: Unit): Unit {
	const parent = newParent ?? w.units.get(old.parent!)!;
	const neu = cloneAs(w, old, parent, date, name);
	neu.renamedFrom = old.code;
	neu.lineageOn = date;
	neu.ageFrom = old.ageFrom;
	old.dissolved = date;
	moveAll(old, neu);
	neu.head = old.head;
	neu.deputies = old.deputies;
	if (newParent) {
		replaceKid(w.units.get(old.parent!)!, old, null);
		newParent.kids.push(neu);
	} else replaceKid(parent, old, neu);
	return neu;
}

/** Chi bộ merged into a new one; every predecessor carries "Sáp nhập vào". */
export function mergeChiBos(w: World, olds: Unit[], date: number, name: string, newParent?: Unit): Unit {
	const parent = newParent ?? w.units.get(olds[0].parent!)!;
	const neu = cloneAs(w, olds[0], parent, date, name);
	neu.ageFrom = Math.min(...olds.map((o) => o.ageFrom));
	for (const o of olds) {
		o.mergedInto = neu.code;
		o.lineageOn = date;
		o.dissolved = date;
		moveAll(o, neu);
	}
	neu.head = olds.find((o) => o.head)?.head ?? null;
	neu.deputies = [...olds[0].deputies, ...olds.slice(1).map((o) => o.head)]
		.filter((p): p is Person => !!p && p !== neu.head)
		.slice(0, 2);
	for (const o of olds) replaceKid(w.units.get(o.parent!)!, o, null);
	if (!newParent) replaceKid(parent, olds[0], neu);
	else newParent.kids.push(neu);
	return neu;
}

/** A name not yet used under `parent`: clashes get the old commune's name appended. */
function uniqueName(parent: Unit, name: string, from: string): string {
	if (!parent.kids.some((k) => k.name === name)) return name;
	const alt = `${name} ${from}`;
	if (!parent.kids.some((k) => k.name === alt)) return alt;
	let i = 2;
	while (parent.kids.some((k) => k.name === `${alt} ${i}`)) i++;
	return `${alt} ${i}`;
}

/** A big chi bộ split: a new one "Tách từ" it takes the given members. */
export function splitChiBo(w: World, old: Unit, date: number, name: string, movers: Person[]): Unit {
	const parent = w.units.get(old.parent!)!;
	const neu = cloneAs(w, old, parent, date, name);
	neu.splitFrom = old.code;
	neu.lineageOn = date;
	neu.ageFrom = old.ageFrom;
	const set = new Set(movers);
	old.members = old.members.filter((p) => !set.has(p));
	for (const p of movers) p.unit = neu;
	neu.members.push(...movers);
	parent.kids.push(neu);
	return neu;
}

/** A brand-new organisation with no predecessor (a new enterprise, school, residential area). */
export function newChiBo(w: World, g: Unit, date: number, name: string, role: Role, agency?: string): Unit {
	const cb = addChiBo(w, { int: () => 0 } as unknown as Rng, g, { name, role, agency }, g.locality, date);
	cb.founded = date;
	cb.ageFrom = date;
	cb.isNewOrg = true;
	g.kids.push(cb);
	return cb;
}

/**
 * The reorganisation of 01/07/2025: the district committee is dissolved; communes merge in groups
 * of two to four into new commune-level đảng bộ under the (merged) province committee; every chi
 * bộ gets a new code under its new đảng bộ ("Đổi tên từ"), some village pairs merge; district
 * agencies' chi bộ move to the commune they sit in. Old units are dissolved on that day.
 */
export function reorganise2025(w: World, rng: Rng): void {
	const date = REORG_DAY;
	const spec = w.spec;
	const communes = w.gs.filter((g) => g.role === 'commune');
	const agencies = w.gs.filter((g) => g.role !== 'commune');
	// groups of communes -> new communes (names from the reference when it has them)
	const ref = new Map((spec.communes ?? []).map((c) => [c.commune, c.commune2025]));
	const groups = new Map<string, Unit[]>();
	let chunk: Unit[] = [];
	let target = rng.int(2, 4);
	for (const c of communes) {
		const refName = ref.get(c.locality);
		if (refName) {
			if (!groups.has(refName)) groups.set(refName, []);
			groups.get(refName)!.push(c);
			continue;
		}
		chunk.push(c);
		if (chunk.length >= target) {
			groups.set(`${chunk[0].locality.startsWith('Phường') ? 'Phường' : 'Xã'} ${communeParty(chunk[0].locality).short}`, chunk);
			chunk = [];
			target = rng.int(2, 4);
		}
	}
	if (chunk.length) {
		const last = [...groups.values()].at(-1);
		if (last && chunk.length === 1) last.push(...chunk);
		else groups.set(`${chunk[0].locality.startsWith('Phường') ? 'Phường' : 'Xã'} ${communeParty(chunk[0].locality).short}`, chunk);
	}
	const newGs: Unit[] = [];
	let k = 0;
	for (const [newName, olds] of groups) {
		k++;
		const cp = communeParty(newName);
		const xa = w.add(
			makeUnit({
				code: `XA${w.pp}${w.dd}${p2(k)}`,
				name: cp.party,
				kind: 'dang_bo_co_so',
				parent: spec.newProvince.code,
				province: spec.newProvinceName,
				locality: newName,
				founded: date,
				role: 'commune',
				agency: cp.gov
			})
		);
		xa.ageFrom = Math.min(...olds.map((o) => o.ageFrom));
		newGs.push(xa);
		// leaders: the first old commune's bí thư leads; another old bí thư becomes deputy
		xa.head = olds[0].head;
		xa.deputies = [olds[0].deputies[0], olds[1]?.head].filter((p): p is Person => !!p && p !== xa.head).slice(0, 2);
		// đảng bộ bộ phận keep their chi bộ, under the new commune
		const bps = olds.flatMap((g) => g.kids.filter((k) => k.kind === 'dang_bo_bo_phan'));
		const inBp = new Set(bps.flatMap((b) => b.kids));
		for (const bp of bps) {
			const kids = [...bp.kids];
			const nbp = renameChiBo(w, bp, date, uniqueName(xa, bp.name, communeParty(w.grassrootsOf(bp).locality).short), xa);
			for (const cb of kids) renameChiBo(w, cb, date, cb.name, nbp);
		}
		const all = olds.flatMap((g) => w.chiBos(g)).filter((c) => !inBp.has(c) && c.dissolved === null);
		for (const g of olds) {
			g.mergedInto = xa.code;
			g.lineageOn = date;
			g.dissolved = date;
		}
		// one commune government, one police and one military chi bộ: merged
		for (const role of ['gov', 'police', 'military'] as const) {
			const same = all.filter((c) => c.role === role);
			const word = role === 'gov' ? 'Cơ quan' : role === 'police' ? 'Công an' : 'Quân sự';
			const nm = `Chi bộ ${word} ${cp.kindWord} ${cp.short}`;
			const neu = same.length === 1 ? renameChiBo(w, same[0], date, nm, xa) : mergeChiBos(w, same, date, nm, xa);
			if (role === 'gov') neu.agency = cp.gov;
		}
		const rest = all.filter((c) => c.dissolved === null);
		for (let i = 0; i < rest.length; i++) {
			const cb = rest[i];
			if (cb.dissolved !== null) continue;
			const from = communeParty(w.grassrootsOf(cb).locality).short;
			const partner = rest[i + 1];
			const clean = (u: Unit) => !u.renamedFrom && !u.splitFrom && !u.isNewOrg;
			if (cb.role === 'village' && partner?.role === 'village' && clean(cb) && clean(partner) && rng.chance(0.2)) {
				const nm = uniqueName(xa, `${cb.name} - ${partner.name.replace(/^Chi bộ /, '')}`, from);
				mergeChiBos(w, [cb, partner], date, nm, xa);
				i++;
				continue;
			}
			renameChiBo(w, cb, date, uniqueName(xa, cb.name, from), xa);
		}
	}
	// district agencies: their chi bộ join the first new commune (the district seat)
	const seat = newGs[0];
	for (const g of agencies) {
		const cbs = w.chiBos(g).filter((c) => c.dissolved === null);
		for (const cb of cbs) renameChiBo(w, cb, date, uniqueName(seat, cb.name, g.name), seat);
		g.dissolved = date;
		for (const k2 of g.kids) if (k2.kind === 'dang_bo_bo_phan') k2.dissolved = date;
	}
	w.district.dissolved = date;
	w.district.kids = newGs;
	w.gs = newGs;
	w.communeCodes2025 = newGs;
}

export function isAlive(u: Unit, at: number): boolean {
	return u.founded <= at && (u.dissolved === null || u.dissolved > at);
}

export type { UnitKind };
