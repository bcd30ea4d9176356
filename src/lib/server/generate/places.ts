// Where generated units live: the 63 provinces (and the 34 they became on 01/07/2025) from
// data/reference/provinces.csv, real district and commune names from data/reference/communes.csv
// where we have them, plausible generated ones elsewhere, and rough member counts per province.
// Called by index.ts to lay out the districts of a scale, and by units.ts to name communes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ProvinceRef {
	code: string;
	name: string;
	kind: string;
	code2025: string;
	name2025: string;
	kind2025: string;
}

export interface CommuneRef {
	commune: string;
	commune2025: string;
}

function readCsv(path: string): string[][] {
	return readFileSync(path, 'utf8')
		.replace(/^\uFEFF/, '')
		.split(/\r?\n/)
		.filter((l) => l.trim() !== '')
		.slice(1)
		.map((l) => l.split(','));
}

export function loadProvinces(root: string): ProvinceRef[] {
	return readCsv(join(root, 'data', 'reference', 'provinces.csv')).map(([code, name, kind, code2025, name2025, kind2025]) => ({
		code,
		name,
		kind,
		code2025,
		name2025,
		kind2025
	}));
}

/** province code -> district name -> communes (empty list: names to be generated) */
export function loadCommunes(root: string): Map<string, Map<string, CommuneRef[]>> {
	const out = new Map<string, Map<string, CommuneRef[]>>();
	for (const [pc, district, commune, commune2025] of readCsv(join(root, 'data', 'reference', 'communes.csv'))) {
		let p = out.get(pc);
		if (!p) out.set(pc, (p = new Map()));
		let d = p.get(district);
		if (!d) p.set(district, (d = []));
		if (commune) d.push({ commune, commune2025: commune2025 || commune });
	}
	return out;
}

/** Rough Party membership per province in thousands (order of magnitude only, not official). */
const MEMBERS_K: Record<string, number> = {
	'01': 480, '02': 45, '04': 40, '06': 22, '08': 50, '10': 40, '11': 40, '12': 25, '14': 60, '15': 45,
	'17': 55, '19': 80, '20': 45, '22': 90, '24': 90, '25': 110, '26': 70, '27': 70, '30': 110, '31': 110,
	'33': 75, '34': 125, '35': 45, '36': 110, '37': 55, '38': 230, '40': 200, '42': 110, '44': 55, '45': 40,
	'46': 55, '48': 55, '49': 70, '51': 60, '52': 65, '54': 35, '56': 45, '58': 20, '60': 40, '62': 25,
	'64': 55, '66': 70, '67': 25, '68': 50, '70': 40, '72': 40, '74': 60, '75': 90, '77': 50, '79': 230,
	'80': 55, '82': 65, '83': 55, '84': 40, '86': 40, '87': 60, '89': 60, '91': 55, '92': 45, '93': 30,
	'94': 45, '95': 30, '96': 50
};

export function provinceMembers(code: string, nationalTotal: number): number {
	const sum = Object.values(MEMBERS_K).reduce((a, b) => a + b, 0);
	return Math.round(((MEMBERS_K[code] ?? 50) / sum) * nationalTotal);
}

/** Southern and central-southern provinces: Huỳnh/Võ rather than Hoàng/Vũ, "Ấp" rather than "Thôn". */
export function isSouth(provinceCode: string): boolean {
	return Number(provinceCode) >= 46;
}

/** Kind of a district-level committee from the district's name. */
export function districtCommittee(districtName: string): { name: string; label: string } {
	const m = /^(Huyện|Thị xã|Thành phố|Quận)\s+(.*)$/.exec(districtName);
	const kind = m?.[1] ?? 'Huyện';
	const rest = m?.[2] ?? districtName;
	const label = kind === 'Huyện' ? 'Huyện ủy' : kind === 'Thị xã' ? 'Thị ủy' : kind === 'Quận' ? 'Quận ủy' : 'Thành ủy';
	// "Quận 1" keeps its word: "Quận ủy Quận 1"
	const name = kind === 'Quận' && /^\d+$/.test(rest) ? `${label} Quận ${rest}` : `${label} ${rest}`;
	return { name, label };
}

/** "Xã Bom Bo" -> { label: 'Đảng ủy xã', party: 'Đảng bộ xã Bom Bo', agency: 'UBND xã Bom Bo', short: 'Bom Bo' } */
export function communeParty(communeName: string) {
	const m = /^(Xã|Phường|Thị trấn)\s+(.*)$/.exec(communeName);
	const kind = (m?.[1] ?? 'Xã').toLowerCase();
	const short = m?.[2] ?? communeName;
	return {
		kindWord: kind,
		short,
		party: `Đảng bộ ${kind} ${short}`,
		committee: `Đảng ủy ${kind} ${short}`,
		label: `Đảng ủy ${kind}`,
		gov: `UBND ${kind} ${short}`
	};
}
