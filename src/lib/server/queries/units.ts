// Queries of the unit pages (/don-vi, /don-vi/[code]): the searchable list of units in scope, and
// for one unit its record, lineage, levels across years (following lineage), its own ratings, and
// its sub-units with their figures for a year. A fixed number of queries per page view.
import { type Db, sqlFile } from '../db';
import { type Focus, type ScopeInfo, VIEW_UNIT_CTE } from './scope';

export interface UnitRecord {
	code: string;
	name: string;
	kind: string;
	parent_code: string | null;
	parent_name: string | null;
	province_name: string | null;
	locality: string | null;
	founded_on: string | null;
	dissolved_on: string | null;
	source_file: string | null;
	source_row: number;
}

export interface LineageLink {
	code: string;
	name: string | null;
	kind: string;
	effective_on: string | null;
}

export async function unitRecord(db: Db, code: string): Promise<UnitRecord | undefined> {
	return db.one<UnitRecord>(
		`select u.code, u.name, u.kind, u.parent_code, p.name as parent_name, u.province_name, u.locality,
		        cast(u.founded_on as varchar) as founded_on, cast(u.dissolved_on as varchar) as dissolved_on,
		        s.file_name as source_file, u.source_row
		 from unit u left join unit p on p.code = u.parent_code left join source_file s on s.id = u.source_file_id
		 where u.code = $code`,
		{ code }
	);
}

/** Direct predecessors (merged into / renamed to / split into this unit) and successors. */
export async function lineage(db: Db, code: string): Promise<{ from: LineageLink[]; to: LineageLink[] }> {
	const rows = await db.query<LineageLink & { dir: 'from' | 'to' }>(
		// (named with their parent where another unit bears the name: two communes' "Chi bộ thôn 1")
		`select 'from' as dir, l.from_code as code, u.label as name, l.kind, cast(l.effective_on as varchar) as effective_on
		 from unit_lineage l left join unit_label u on u.code = l.from_code where l.to_code = $code
		 union all
		 select 'to', l.to_code, u.label, l.kind, cast(l.effective_on as varchar)
		 from unit_lineage l left join unit_label u on u.code = l.to_code where l.from_code = $code
		 order by 1, 2`,
		{ code }
	);
	return { from: rows.filter((r) => r.dir === 'from'), to: rows.filter((r) => r.dir === 'to') };
}

export interface OwnRating {
	year: number;
	period_kind: string;
	period_no: number;
	subject_kind: string;
	unit_code: string;
	unit_name: string;
	final_level: number | null;
	self_level: number | null;
	score: number | null;
	decided_on: string | null;
	source_file: string;
	source_row: number;
}

/** The ratings of the unit itself (and of its lineage predecessors) as an organisation or collective. */
export async function ownRatings(db: Db, f: Focus): Promise<OwnRating[]> {
	const codes = [f.code, ...f.predecessors.map((p) => p.code)];
	return db.query<OwnRating>(
		`select r.period_year as year, r.period_kind, r.period_no, r.subject_kind, u.code as unit_code, u.name as unit_name,
		        r.final_level, r.self_level, r.score, cast(r.decided_on as varchar) as decided_on, s.file_name as source_file, r.source_row
		 from rating_current r join unit u on u.id = r.subject_unit_id join source_file s on s.id = r.source_file_id
		 where list_contains(from_json($codes, '["VARCHAR"]'), u.code) and r.subject_kind in ('party_org', 'leadership')
		 order by r.period_year desc, r.period_kind, r.period_no desc, r.subject_kind desc`,
		{ codes: JSON.stringify(codes) }
	);
}

export interface ChildRow {
	code: string;
	name: string;
	kind: string;
	/** the unit itself, or one of its lineage predecessors */
	parent_code: string;
	locality: string | null;
	founded_on: string | null;
	dissolved_on: string | null;
	rated: number;
	excellent: number;
	own_level: number | null;
	findings: number;
}

/** Direct sub-units of the unit and of its lineage predecessors, with their figures for `year`. */
export async function children(db: Db, f: Focus, year: number): Promise<ChildRow[]> {
	return db.query<ChildRow>(
		`with q as (\n${sqlFile('queries/unit_children.sql')}\n) select * from q order by parent_code <> $code, parent_code, dissolved_on is not null, code`,
		{ codes: JSON.stringify([f.code, ...f.predecessors.map((p) => p.code)]), code: f.code, year }
	);
}

export interface UnitListRow {
	code: string;
	name: string;
	kind: string;
	parent_code: string | null;
	parent_name: string | null;
	locality: string | null;
	founded_on: string | null;
	dissolved_on: string | null;
	children: number;
	/** depth below the shallowest unit listed (for indenting the tree) */
	level: number;
}

/** Units in scope matching `search` (code, or accent-insensitive name), one page, with the total. */
export async function unitList(
	db: Db,
	scope: ScopeInfo,
	o: { search: string | null; kind: string | null; page: number; pageSize: number }
): Promise<{ rows: UnitListRow[]; total: number }> {
	const rows = await db.query<UnitListRow & { total: number }>(
		`with ${VIEW_UNIT_CTE},
		hit as (
			select * from view_unit u
			where ($search::varchar is null or upper(u.code) like upper($search) || '%' or u.name_key like '%' || unit_key($search) || '%')
			  and ($kind::varchar is null or u.kind = $kind)
		)
		select h.code, h.name, h.kind, h.parent_code, p.name as parent_name, h.locality,
		       cast(h.founded_on as varchar) as founded_on, cast(h.dissolved_on as varchar) as dissolved_on,
		       (select count(*) from unit c where c.parent_code = h.code)::integer as children,
		       (h.depth - min(h.depth) over ())::integer as level,
		       count(*) over ()::integer as total
		from hit h left join unit p on p.code = h.parent_code
		order by h.path
		limit $limit offset $offset`,
		{ prefixes: JSON.stringify(scope.allowed), search: o.search, kind: o.kind, limit: o.pageSize, offset: (o.page - 1) * o.pageSize }
	);
	return { rows: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

/** Units for the "đơn vị" pickers: the top levels of the scope (to `depth` below its root). */
export async function unitOptions(db: Db, scope: ScopeInfo, depth = 2): Promise<Array<{ code: string; name: string }>> {
	return db.query(
		`with ${VIEW_UNIT_CTE}, root as (select coalesce(min(depth), 0) as d from view_unit)
		 select code, name from view_unit, root where depth <= root.d + $depth and kind <> 'to_dang' order by path limit 500`,
		{ prefixes: JSON.stringify(scope.allowed), depth }
	);
}
