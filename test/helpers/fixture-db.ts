// Builds the core tables of a fresh in-memory database from a small, hand-written description
// (test/fixtures/rules/*.json), the way an ingest would have left them: units with their paths,
// people, rosters, ratings and the discipline register, each row pointing to a source file and row.
// Used by the rule and runner tests; the ingest is tested on its own.
import { getDb, type Db } from '../../src/lib/server/db';

const LEVEL: Record<string, number> = { excellent: 4, good: 3, complete: 2, incomplete: 1 };

export interface UnitRow {
	code: string;
	name?: string;
	kind?: string;
	parent?: string | null;
	province?: string;
	province_name?: string | null;
	locality?: string | null;
	founded_on?: string | null;
	dissolved_on?: string | null;
}
export interface PersonRow {
	key: string;
	name: string;
	card?: string | null;
	birth?: string | null;
	birth_year?: number | null;
	joined_party_on?: string | null;
}
export interface MembershipRow {
	person: string;
	unit: string;
	year?: number;
	status?: string;
	joined_party_on?: string | null;
	joined_unit_on?: string | null;
	is_head?: boolean;
	position?: string | null;
}
export interface RatingRow {
	kind?: string;
	person?: string;
	/** the subject organisation (party_org, leadership) */
	org?: string;
	/** the unit the subject belongs to; for an organisation its own code (default) */
	unit?: string;
	/** the deciding body (default: the unit); null: none stored (an agency's list of civil servants) */
	decider?: string | null;
	year?: number;
	period?: { kind: 'year' | 'quarter' | 'term'; no: number };
	level?: string | null;
	self?: string | null;
	cs_level?: string | null;
	score?: number | null;
	decided_on?: string | null;
	reviewed_on?: string | null;
	sick_days?: number | null;
	/** sick leave written in months ("3 tháng"): R6 counts them at the rulebook's days_per_month */
	sick_months?: number | null;
	/** the leave is absence from work ("Thời gian vắng mặt"), not sick leave: NĐ 90's, not the member rule's */
	absence?: boolean;
	is_head?: boolean;
	/** the list's "Chức vụ" cell */
	position?: string | null;
	joined_unit_on?: string | null;
	group?: string | null;
	not_rated_reason?: string | null;
	/** this many anonymous members rated alike (each a new person) */
	count?: number;
	file?: string;
	row?: number;
}
export interface DisciplineRow {
	person?: string;
	org?: string;
	/** of an organisation's: its leadership collective disciplined ("Chi ủy Chi bộ thôn 1"), not the organisation */
	collective?: 'leadership';
	/** where the violation happened (default: the organisation, or none) */
	where?: string | null;
	decided_on: string;
	form: string;
	self_remedied?: boolean;
	/** the register's "Chức vụ, đơn vị công tác" */
	position?: string;
	file?: string;
	row?: number;
}
export interface LineageRow {
	from: string;
	to: string;
	kind?: string;
	on?: string | null;
}
export interface Given {
	units?: UnitRow[];
	lineage?: LineageRow[];
	persons?: PersonRow[];
	memberships?: MembershipRow[];
	ratings?: RatingRow[];
	disciplines?: DisciplineRow[];
}

/** Default year of rosters and ratings, default dates within it. */
export interface FixtureDefaults {
	year: number;
}

const q = (v: unknown): string => {
	if (v === null || v === undefined) return 'null';
	if (typeof v === 'number') return String(v);
	if (typeof v === 'boolean') return v ? 'true' : 'false';
	return `'${String(v).replaceAll("'", "''")}'`;
};
const d = (v: string | null | undefined) => (v ? `date '${v}'` : 'null');
const lvl = (v: string | null | undefined) => {
	if (v === null || v === undefined) return 'null';
	if (!(v in LEVEL)) throw new Error(`fixture: unknown level ${v}`);
	return String(LEVEL[v]);
};

/** A fresh migrated database holding `given`. */
export async function fixtureDb(given: Given, defaults: FixtureDefaults): Promise<Db> {
	const db = await getDb(':memory:');
	await loadGiven(db, given, defaults);
	return db;
}

export async function loadGiven(db: Db, given: Given, defaults: FixtureDefaults): Promise<void> {
	const year = defaults.year;
	const files = new Map<string, number>();
	const nextRow = new Map<string, number>();
	async function fileId(name: string, kind: string): Promise<number> {
		let id = files.get(name);
		if (id === undefined) {
			const r = await db.one<{ id: number }>(
				`insert into source_file (file_name, sha256, file_sha256, kind, encoding, header_row, row_count, period_year)
				 values ($name, $sha, $sha, $kind, 'utf-8', 1, 0, $year) returning id`,
				{ name, sha: `${name}#${Math.random()}`, kind, year }
			);
			id = r!.id;
			files.set(name, id);
		}
		return id;
	}
	function rowOf(name: string, explicit?: number): number {
		const n = explicit ?? (nextRow.get(name) ?? 2);
		nextRow.set(name, Math.max(n + 1, nextRow.get(name) ?? 2));
		return n;
	}

	// units, with their paths from the parent chain
	const units = new Map((given.units ?? []).map((u) => [u.code, u]));
	const pathOf = (code: string, seen = new Set<string>()): string => {
		const u = units.get(code);
		if (!u) throw new Error(`fixture: unknown unit ${code}`);
		if (seen.has(code)) throw new Error(`fixture: cycle at ${code}`);
		seen.add(code);
		return (u.parent ? pathOf(u.parent, seen) : '/') + code + '/';
	};
	const registry = await fileId('danh-muc-don-vi.xlsx', 'registry');
	for (const u of units.values()) {
		const path = pathOf(u.code);
		const name = u.name ?? `Chi bộ ${u.code}`;
		await db.run(
			`insert into unit (code, name, name_key, kind, parent_code, path, depth, province_code, province_name, locality, founded_on, dissolved_on, source_file_id, source_row)
			 values (${q(u.code)}, ${q(name)}, fold(${q(name)}), ${q(u.kind ?? 'chi_bo_co_so')}, ${q(u.parent ?? null)}, ${q(path)}, ${path.split('/').length - 2},
			         ${q(u.province ?? '01')}, ${q(u.province_name === undefined ? 'Tỉnh Một' : u.province_name)}, ${q(u.locality === undefined ? 'Huyện Một' : u.locality)},
			         ${d(u.founded_on === undefined ? '2000-01-01' : u.founded_on)}, ${d(u.dissolved_on)}, ${registry}, ${rowOf('danh-muc-don-vi.xlsx')})`
		);
	}
	const unitId = async (code: string | null | undefined): Promise<string> => {
		if (!code) return 'null';
		if (!units.has(code) && !(await db.one('select 1 from unit where code = $code', { code })))
			throw new Error(`fixture: unknown unit ${code}`);
		return `(select id from unit where code = ${q(code)})`;
	};
	for (const l of given.lineage ?? [])
		await db.run(
			`insert into unit_lineage (from_code, to_code, kind, effective_on, source_file_id, source_row)
			 values (${q(l.from)}, ${q(l.to)}, ${q(l.kind ?? 'merge')}, ${d(l.on)}, ${registry}, ${rowOf('danh-muc-don-vi.xlsx')})`
		);

	// people
	const persons = new Map<string, number>();
	async function addPerson(p: PersonRow, file: string): Promise<number> {
		const fid = await fileId(file, 'roster');
		const r = await db.one<{ id: number }>(
			`insert into person (card_no, full_name, name_key, birth_date, birth_year, joined_party_on, source_file_id, source_row)
			 values (${q(p.card ?? null)}, ${q(p.name)}, fold(${q(p.name)}), ${d(p.birth)}, ${q(p.birth_year ?? (p.birth ? Number(p.birth.slice(0, 4)) : null))},
			         ${d(p.joined_party_on)}, ${fid}, ${rowOf(file)}) returning id`
		);
		persons.set(p.key, r!.id);
		return r!.id;
	}
	for (const p of given.persons ?? []) await addPerson(p, 'danh-sach-dang-vien.xlsx');
	const personId = (key: string | undefined) => {
		if (!key) return 'null';
		const id = persons.get(key);
		if (id === undefined) throw new Error(`fixture: unknown person ${key}`);
		return String(id);
	};

	for (const m of given.memberships ?? []) {
		const fid = await fileId('danh-sach-dang-vien.xlsx', 'roster');
		await db.run(
			`insert into membership (person_id, unit_id, year, status, joined_party_on, joined_unit_on, is_head, position, source_file_id, source_row)
			 values (${personId(m.person)}, ${await unitId(m.unit)}, ${m.year ?? year}, ${q(m.status ?? 'official')}, ${d(m.joined_party_on)},
			         ${d(m.joined_unit_on)}, ${q(m.is_head ?? false)}, ${q(m.position ?? null)}, ${fid}, ${rowOf('danh-sach-dang-vien.xlsx')})`
		);
	}

	// ratings ("count" expands to that many anonymous members)
	let anon = 0;
	for (const r of given.ratings ?? []) {
		const kind = r.kind ?? 'member';
		const y = r.year ?? year;
		const period = r.period ?? { kind: 'year', no: 0 };
		const file = r.file ?? (kind === 'civil_servant' ? 'xep-loai-cbccvc.xlsx' : 'xep-loai.xlsx');
		const fid = await fileId(file, kind === 'civil_servant' ? 'civil_servant' : 'rating');
		const isOrg = kind === 'party_org' || kind === 'leadership';
		const unit = isOrg ? (r.unit ?? r.org) : r.unit;
		const n = r.count ?? 1;
		for (let i = 0; i < n; i++) {
			let pid = personId(r.person);
			if (!isOrg && !r.person) {
				anon += 1;
				pid = String(await addPerson({ key: `anon${anon}`, name: `Đảng viên ${unit} ${anon}`, card: `9${String(anon).padStart(8, '0')}` }, 'danh-sach-dang-vien.xlsx'));
			}
			await db.run(
				`insert into rating (period_year, period_kind, period_no, subject_kind, person_id, subject_unit_id, unit_id, deciding_unit_id, is_head, position,
				                     joined_unit_on, group_name, self_level, final_level, civil_servant_level, score, decided_on, reviewed_on, sick_leave_days, sick_leave_months,
				                     sick_leave_is_absence, not_rated_reason, source_file_id, source_row)
				 values (${y}, ${q(period.kind)}, ${period.no}, ${q(kind)}, ${isOrg ? 'null' : pid}, ${await unitId(isOrg ? r.org : null)}, ${await unitId(unit)},
				         ${await unitId(r.decider === undefined ? unit : r.decider)}, ${q(r.is_head ?? false)}, ${q(r.position ?? null)}, ${d(r.joined_unit_on)}, ${q(r.group ?? null)},
				         ${lvl(r.self)}, ${lvl(r.level === undefined ? 'good' : r.level)}, ${lvl(r.cs_level)}, ${q(r.score ?? null)},
				         ${d(r.decided_on === undefined ? `${y}-11-25` : r.decided_on)}, ${d(r.reviewed_on === undefined ? `${y}-11-20` : r.reviewed_on)},
				         ${q(r.sick_days ?? null)}, ${q(r.sick_months ?? null)}, ${q(r.absence ?? false)}, ${q(r.not_rated_reason ?? null)}, ${fid}, ${rowOf(file, n === 1 ? r.row : undefined)})`
			);
		}
	}

	for (const x of given.disciplines ?? []) {
		const file = x.file ?? 'so-ky-luat.xlsx';
		const fid = await fileId(file, 'discipline');
		const where = x.where === undefined ? (x.org ?? null) : x.where;
		await db.run(
			`insert into discipline (subject_type, collective, person_id, subject_unit_id, unit_id, decided_on, form, self_remedied, position, source_file_id, source_row)
			 values (${q(x.person ? 'person' : 'unit')}, ${q(x.person ? null : (x.collective ?? 'party_org'))}, ${personId(x.person)}, ${await unitId(x.org)}, ${await unitId(where)}, date '${x.decided_on}',
			         ${q(x.form)}, ${q(x.self_remedied ?? false)}, ${q(x.position ?? null)}, ${fid}, ${rowOf(file, x.row)})`
		);
	}
}
