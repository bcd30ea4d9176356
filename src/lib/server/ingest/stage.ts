// Staging: the file's data rows become the temp table `stg` (rn = row number in the file, then one
// VARCHAR column per field of fields.ts, null where the file has no such column). A clean UTF-8 CSV
// goes through DuckDB's read_csv; everything else through the appender. Rows with none of the
// identifying fields (blank lines, signatures, "Tổng số" footers) are dropped here.
import type { Db } from '../db';
import { FIELDS } from './fields';
import type { HeaderMap } from './header';
import type { SourceTable } from './read';

const KEY_FIELDS = ['full_name', 'card_no', 'unit_code', 'unit_name', 'final_level', 'self_level', 'discipline_form', 'cs_level'];

function q(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}

export async function stage(db: Db, src: SourceTable, header: HeaderMap): Promise<number> {
	const width = Math.max(header.width, ...header.columns.map((c) => c.index + 1));
	const raw = Array.from({ length: width }, (_, i) => `c${i}`);
	let from: string;
	if (src.csv) {
		// One pass: DuckDB reads the file and the select below cleans it into stg.
		const cols = `{${raw.map((c) => `${q(c)}: 'VARCHAR'`).join(', ')}}`;
		from = `(select (row_number() over ()) + ${header.dataStart} as rn, *
			from read_csv(${q(src.path)}, delim = ${q(src.csv.delim)}, quote = '"', escape = '"',
			     header = false, skip = ${header.dataStart}, columns = ${cols},
			     null_padding = true, strict_mode = false, parallel = true))`;
	} else {
		await db.run(`create or replace temp table stg_raw (rn integer, ${raw.map((c) => `${c} varchar`).join(', ')})`);
		const app = await db.conn.createAppender('stg_raw', 'main', 'temp');
		const rows = src.rows ?? [];
		for (let r = header.dataStart; r < rows.length; r++) {
			const row = rows[r];
			if (!row || row.every((c) => !c || !c.trim())) continue;
			app.appendInteger(r + 1);
			for (let i = 0; i < width; i++) {
				const v = row[i];
				if (v === undefined || v === '') app.appendNull();
				else app.appendVarchar(v);
			}
			app.endRow();
		}
		app.closeSync();
		from = 'stg_raw';
	}
	// Every value NFC and trimmed once here; '' is null. Inner white space is left to fold()/clean()
	// where it matters (names), and code, level and date spellings are mapped per distinct value.
	const byField = new Map(header.columns.map((c) => [c.field, `c${c.index}`]));
	const select = FIELDS.map((f) => {
		const c = byField.get(f.field);
		return c ? `nullif(trim(nfc_normalize(${c}), ' \t\r\n\u00a0'), '') as ${f.field}` : `null::varchar as ${f.field}`;
	}).join(',\n');
	const present = KEY_FIELDS.filter((f) => byField.has(f)).map((f) => `${f} is not null`);
	await db.run(`create or replace temp table stg as
		select * from (select rn, ${select} from ${from})
		where (${present.length ? present.join(' or ') : 'false'})
		  -- footers and signatures: "Tổng số", "Cộng", "Người lập biểu", "Xác nhận"
		  and not (case when final_level is null and card_no is null
		           then coalesce(regexp_matches(fold(coalesce(full_name, unit_name, '')), '^(tong( so| cong)?|cong|nguoi lap|xac nhan|t/m|tm\\.? )\\b'), false)
		           else false end)`);
	await db.run('drop table if exists stg_raw');
	if (byField.has('full_name')) await applySectionRows(db);
	const n = await db.one<{ n: number }>('select count(*)::int as n from stg');
	return n?.n ?? 0;
}

// A section row names the chi bộ of the rows below it ("II | Chi bộ thôn 2 |  |"), a layout many
// lists use instead of a unit column: it has a unit name in the name column and nothing else.
const SECTION = `final_level is null and self_level is null and proposed_level is null and birth is null
	and card_no is null and discipline_form is null and cs_level is null
	and coalesce(regexp_matches(fold(full_name), '^(chi bo|dang bo|dang uy|to dang|chi uy)\\b'), false)`;

async function applySectionRows(db: Db): Promise<void> {
	const n = await db.one<{ n: number }>(`select count(*)::int as n from stg where ${SECTION}`);
	if (!n?.n) return;
	await db.run(`create or replace temp table stg as
		select * exclude (is_section, section_unit)
			replace (case when unit_name is null and unit_code is null then section_unit else unit_name end as unit_name)
		from (
			select *, last_value(case when is_section then full_name end ignore nulls)
				over (order by rn rows between unbounded preceding and current row) as section_unit
			from (select *, (${SECTION}) as is_section from stg)
		)
		where not is_section`);
}
