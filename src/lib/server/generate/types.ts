// The generator's in-memory model: units, people and one district-year of records (roster,
// ratings, civil-servant ratings, discipline). rounds.ts fills it, plant.ts edits it, check.ts
// audits it, writers.ts turns it into files. Levels are 1..4 as in the database (0 = not rated).

export type Lv = 0 | 1 | 2 | 3 | 4;
export const EXC = 4,
	GOOD = 3,
	COMP = 2,
	INC = 1;

export type UnitKind =
	| 'tinh_uy'
	| 'huyen_uy'
	| 'dang_bo_co_so'
	| 'chi_bo_co_so'
	| 'dang_bo_bo_phan'
	| 'chi_bo_truc_thuoc';

/** What a unit is in life, which drives sizes, ages, sexes and civil-servant status. */
export type Role =
	| 'province'
	| 'district'
	| 'commune'
	| 'agency_db' // an agency đảng bộ cơ sở with chi bộ below
	| 'agency_cb' // an agency chi bộ cơ sở
	| 'bp' // đảng bộ bộ phận
	| 'village'
	| 'school'
	| 'health'
	| 'gov'
	| 'police'
	| 'military'
	| 'office'
	| 'enterprise';

export interface Unit {
	code: string;
	name: string;
	kind: UnitKind;
	parent: string | null;
	province: string;
	locality: string;
	founded: number;
	dissolved: number | null;
	mergedInto?: string;
	splitFrom?: string;
	renamedFrom?: string;
	lineageOn?: number;
	/** founding day of the oldest predecessor (R7: merged/split/renamed units are not new) */
	ageFrom: number;
	role: Role;
	/** the state agency whose staff form this chi bộ (civil-servant lists), if any */
	agency?: string;
	cs: boolean;
	school: boolean;
	/** current members (chi bộ) and children (others); rebuilt by the simulation */
	members: Person[];
	kids: Unit[];
	/** person ids: head (bí thư) and deputies, current */
	head: Person | null;
	deputies: Person[];
	/** a brand-new organisation with no predecessor (R7 candidate) */
	isNewOrg?: boolean;
}

export type Status = 'official' | 'probationary' | 'temporary' | 'exempt' | 'suspended';

export interface Person {
	id: number;
	card: string;
	name: string;
	female: boolean;
	birth: number;
	admitted: number;
	/** the chi bộ of official membership */
	unit: Unit;
	joinedUnit: number;
	exempt: boolean;
	suspendedYear: number;
	tempUnit: Unit | null;
	left: number;
	cs: boolean;
	school: boolean;
	position: string;
	/** sick days in the current year */
	sick: number;
	/** 0..1 merit drawn once: good members stay good across years */
	merit: number;
}

export type SubjectKind = 'member' | 'leader' | 'leadership' | 'party_org';
export type PeriodKind = 'year' | 'quarter';

export interface Rating {
	year: number;
	pk: PeriodKind;
	pno: number;
	kind: SubjectKind;
	decider: Unit;
	/** the unit the subject belongs to: the chi bộ of a member; the organisation itself otherwise */
	unit: Unit;
	person: Person | null;
	position: string;
	isHead: boolean;
	self: Lv;
	proposed: Lv;
	final: Lv;
	/** civil-servant level shown beside the member rating (0 = none) */
	csLevel: Lv;
	reviewed: number;
	decided: number;
	sick: number;
	/** 100-point score (qd366) or NaN; `u` fixes where in its band the score falls */
	score: number;
	u: number;
	reason: string;
	note: string;
	locked: boolean;
	scoreLocked: boolean;
	/** removed from its list (R4 plant) */
	omit: boolean;
}

export interface CsRating {
	year: number;
	person: Person;
	unit: Unit;
	agency: string;
	level: Lv;
	score: number;
	u: number;
	decided: number;
	sick: number;
	locked: boolean;
	scoreLocked: boolean;
}

export interface Discipline {
	person: Person | null;
	subjectUnit: Unit | null;
	/** where the violation happened (003 §5.12) */
	unit: Unit;
	decided: number;
	form: 'Khiển trách' | 'Cảnh cáo' | 'Cách chức' | 'Khai trừ' | 'Giải tán';
	selfRemedied: boolean;
	issuer: string;
	/** the register row leaves the card number out (namesake near-miss) */
	noCard: boolean;
	note: string;
}

export interface RosterRow {
	person: Person;
	unit: Unit;
	status: Status;
	joinedUnit: number;
	isHead: boolean;
	position: string;
}

export type Rulebook = 'qd132' | 'qd124' | 'qd366';
export function rulebookOf(year: number): Rulebook {
	return year >= 2025 ? 'qd366' : year >= 2023 ? 'qd124' : 'qd132';
}

/** One truth line (truth.jsonl): a planted case and whether the audit must flag it. */
export interface Truth {
	rule: string;
	rule_no: string;
	year: number;
	period_kind: 'year' | 'quarter' | 'term';
	period_no: number;
	unit_code: string;
	subject_ref: string;
	subject_kind: string;
	subject_name?: string;
	subject_card?: string;
	subject_birth_date?: string;
	expect: 'flagged' | 'not_flagged';
	case: string;
	rulebook: string;
	note: string;
}
