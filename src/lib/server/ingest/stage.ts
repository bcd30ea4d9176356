// Staging: the data rows of every file of one batch become the temp table `stg`: part_id (the file
// or sheet), rn (its row number in the file), rk (a key unique in the batch), then one VARCHAR
// column per field of fields.ts, null where the file has no such column. Clean UTF-8 CSVs with the
// same layout go through ONE read_csv over the list of files; everything else through the
// appender. Values are NFC and trimmed here once; rows with none of the identifying fields (blank
// lines, signatures, "Tổng số" footers) are dropped; section rows ("II | Chi bộ thôn 2") give the
// unit of the rows below them.
import type { Db } from '../db';
import { FIELDS } from './fields';
import { decisionDateOf, signingDateOf, type HeaderMap } from './header';
import type { SourceTable } from './read';

// a leave's column in days and its column in months
export const LEAVE_MONTHS: Record<string, string> = { sick_days: 'sick_months', absent_days: 'absent_months' };
// a quarter's or a month's score (score_q1…q4, score_m1…m12), where a list gives no year's
const PERIOD_SCORES = FIELDS.map((f) => f.field).filter((f) => /^score_[qm]\d+$/.test(f));
const KEY_FIELDS = ['full_name', 'card_no', 'unit_code', 'unit_name', 'final_level', 'self_level', 'discipline_form', 'cs_level'];
// Free text kept as written: NFC here. Codes, dates, numbers and level or kind spellings are
// compared through fold()/alnum_key() per distinct value, which does not care about the form.
const TEXT_FIELDS = new Set(['full_name', 'unit_name', 'position', 'note', 'agency', 'group_name', 'not_rated_reason', 'issuing_body', 'subject_name', 'violation_unit', 'locality', 'province', 'discipline_form', 'decider', 'parent', 'merged_into', 'split_from', 'renamed_from', 'renamed_to', 'formed_from', 'prior_units', 'lineage_form']);

export interface StagePart {
	partId: number;
	src: SourceTable;
	header: HeaderMap;
	/** the file kind: a civil-servant list's staff sections give the rows' group (SECTION_STAFF) */
	kind?: string;
}

function q(s: string): string {
	return `'${s.replaceAll("'", "''")}'`;
}

function widthOf(h: HeaderMap): number {
	return Math.max(h.width, ...h.columns.map((c) => c.index + 1));
}

/** Parts staged by one statement: CSVs of one delimiter and first data line read by one read_csv
 * over their list, or the grid parts; NFD-prone files apart (only they pay for nfc_normalize). Their columns may map
 * differently (each unit's header has its own order and spellings): see fieldSelect. */
function groupKey(p: StagePart): string {
	return JSON.stringify([p.src.csv?.delim ?? null, p.src.csv ? p.header.dataStart : null, p.src.mayBeNfd]);
}

/** The select of one group: each field of fields.ts from the column its part maps it to. When every
 * part maps a field to the same column it is that column; otherwise a CASE on the part's column
 * number for the field (temp table part_map, one row per part: f_<field> = column index or null). */
function fieldSelect(group: StagePart[], nfc: boolean): { select: string; keep: string; mapCols: string[] } {
	const maps = group.map((p) => new Map(p.header.columns.map((c) => [c.field, c.index])));
	const mapCols: string[] = [];
	// '' is null. Values are not trimmed row by row: every consumer compares through clean(),
	// squish(), fold() or a per-distinct-value dictionary, which trim; free text is NFC-normalised
	// only when the file may hold NFD.
	const colOf = (field: string): string | null => {
		const idx = [...new Set(maps.map((m) => m.get(field) ?? -1))];
		if (idx.length === 1) return idx[0] < 0 ? null : `c${idx[0]}`;
		if (!mapCols.includes(field)) mapCols.push(field);
		return `case pm.f_${field} ${idx.filter((i) => i >= 0).map((i) => `when ${i} then c${i}`).join(' ')} end`;
	};
	const select = FIELDS.map((f) => {
		let c = colOf(f.field);
		// a name over two columns ("Họ (đệm)" | "Tên"): the given name joins the family part
		const given = f.field === 'full_name' ? colOf('given_name') : null;
		if (c && given) c = `concat_ws(' ', ${c}, ${given})`;
		// posts in two columns: both, as one post text ("Trưởng thôn, Bí thư chi bộ")
		const more = f.field === 'position' ? colOf('position_more') : null;
		if (c && more) c = `nullif(concat_ws(', ', nullif(trim(${c}), ''), nullif(trim(${more}), '')), '')`;
		// "Ngày sinh" over "Ngày | Tháng | Năm": day/month/year, the year alone when only it is filled
		const [month, year] = f.field === 'birth' ? [colOf('birth_month'), colOf('birth_year')] : [];
		const cell = (x: string) => `nullif(trim(${x}), '')`;
		if (c && month && year)
			c = `case when ${cell(year)} is null then ${c} when ${cell(c)} is null and ${cell(month)} is null then ${cell(year)} else concat_ws('/', ${cell(c)}, ${cell(month)}, ${cell(year)}) end`;
		// "Năm sinh" over "Nam | Nữ": whichever is filled; the sex from which, where no column gives it
		const female = colOf('birth_female');
		if (female && f.field === 'birth' && c) c = `coalesce(nullif(trim(${c}), ''), ${female})`;
		// (a sex column of another file of the group, null here, does not hide it: coalesce)
		if (female && f.field === 'sex' && colOf('birth')) {
			// (only in the parts split so: another part's birth says nothing of the sex)
			const split = maps.every((m) => m.has('birth_female')) ? 'true' : `pm.f_birth_female is not null`;
			const bySplit = `case when not ${split} then null when nullif(trim(${female}), '') is not null then 'Nữ' when nullif(trim(${colOf('birth')}), '') is not null then 'Nam' end`;
			c = c ? `coalesce(nullif(trim(${c}), ''), ${bySplit})` : bySplit;
		}
		// (a fallback below serves the files of the group without the field's own column: another
		// file's column, null in their rows, must not hide it. A file never has both: the quarters
		// beside a year's score are not read as scores, header.ts)
		const orElse = (fallback: string) => (c ? `coalesce(nullif(trim(${c}), ''), ${fallback})` : fallback);
		// the quarters' or the months' scores without the year's: their mean (NĐ 335)
		const scored = f.field === 'score' ? PERIOD_SCORES.map(colOf).filter((q): q is string => !!q) : [];
		// sick leave (absence) counted in months ("Nghỉ ốm (tháng)": 3, 3,5) where no column gives days: read as "3 tháng"
		const months = f.field in LEAVE_MONTHS ? colOf(LEAVE_MONTHS[f.field]) : null;
		if (months) c = orElse(`case when regexp_full_match(trim(${months}), '\\d+([.,]\\d+)?') then trim(${months}) || ' tháng' else ${months} end`);
		// the two parts of the 100 points without the total: their sum (QĐ 366), none when one is blank
		const [general, tasks] = f.field === 'score' ? [colOf('score_general'), colOf('score_tasks')] : [];
		if (general && tasks) c = orElse(`cast(round(parse_score(${general}) + parse_score(${tasks}), 2) as varchar)`);
		if (scored.length) c = orElse(`cast(list_avg(list_filter([${scored.map((q) => `parse_score(${q})`).join(', ')}], lambda x: x is not null)) as varchar)`);
		if (!c) return `null::varchar as ${f.field}`;
		return nfc && TEXT_FIELDS.has(f.field) ? `nullif(nfc_normalize(${c}), '') as ${f.field}` : `nullif(${c}, '') as ${f.field}`;
	}).join(',\n');
	const keys = KEY_FIELDS.filter((f) => maps.some((m) => m.has(f)));
	const present = keys.length ? [`trim(concat_ws('', ${keys.join(', ')}), ' \t\r\n\u00a0') <> ''`] : [];
	// rk: a row's key in the batch, from its file and row
	const rk = '(cast(part_id as bigint) << 32) + rn as rk';
	// blank rows go; section rows stay until applySectionRows has read them
	const keep = `(${present.length ? present.join(' or ') : 'false'} or (birth is null and card_no is null and ${SECTION}))`;
	return { select: `${select},\n${rk}`, keep, mapCols };
}

/** part_map: per part its path and, for the fields mapped differently across the group, the
 * column index of each. */
async function writePartMap(db: Db, group: StagePart[], mapCols: string[]): Promise<void> {
	await db.run(`create or replace temp table part_map (part_id integer, path varchar${mapCols.map((f) => `, f_${f} integer`).join('')})`);
	const app = await db.conn.createAppender('part_map', 'main', 'temp');
	for (const p of group) {
		const m = new Map(p.header.columns.map((c) => [c.field, c.index]));
		app.appendInteger(p.partId);
		app.appendVarchar(p.src.path);
		for (const f of mapCols) {
			const i = m.get(f);
			if (i === undefined) app.appendNull();
			else app.appendInteger(i);
		}
		app.endRow();
	}
	app.closeSync();
}

/** Stage the parts; returns rows staged per part. */
export async function stage(db: Db, parts: StagePart[]): Promise<Map<number, number>> {
	const cols = FIELDS.map((f) => `${f.field} varchar`).join(', ');
	await db.run(`set variable cs_parts = [${parts.filter((p) => p.kind === 'civil_servant').map((p) => p.partId).join(', ')}]::integer[]`);
	// grp: the group a row was staged with, so that each group's clean-up touches its rows only
	await db.run(`create or replace temp table stg_parts (part_id integer, rn integer, ${cols}, rk bigint, grp integer)`);
	// the decision a list's footer names, or the day its place-date line says it was signed (dropFooters),
	// for load.ts to date the rows nothing else dates
	await db.run('create or replace temp table stg_decided (part_id integer, decided_on varchar, signed boolean)');
	const groups = new Map<string, StagePart[]>();
	for (const p of parts) {
		const k = groupKey(p);
		(groups.get(k) ?? groups.set(k, []).get(k)!).push(p);
	}
	const list = [...groups.values()];
	// Grid parts (XLSX, converted or small CSV) of every group go through ONE appender into one raw
	// table, group after group, so that each group's insert below reads a contiguous run.
	const grid = list.map((g, i) => [g, i] as const).filter(([g]) => !g[0].src.csv);
	if (grid.length) {
		const width = Math.max(...grid.flatMap(([g]) => g.map((p) => widthOf(p.header))));
		await db.run(`create or replace temp table stg_raw (grp integer, part_id integer, rn integer, ${Array.from({ length: width }, (_, i) => `c${i} varchar`).join(', ')})`);
		const app = await db.conn.createAppender('stg_raw', 'main', 'temp');
		for (const [group, gi] of grid)
			for (const p of group) {
				const rows = p.src.rows ?? [];
				for (let r = p.header.dataStart; r < rows.length; r++) {
					const row = rows[r];
					if (!row || row.every((c) => !c || !c.trim())) continue;
					app.appendInteger(gi);
					app.appendInteger(p.partId);
					app.appendInteger(r + 1);
					for (let i = 0; i < width; i++) {
						const v = row[i];
						if (v === undefined || v === '') app.appendNull();
						else app.appendVarchar(v);
					}
					app.endRow();
				}
			}
		app.closeSync();
	}
	for (const [gi, group] of list.entries()) {
		const first = group[0];
		const { select, keep, mapCols } = fieldSelect(group, first.src.mayBeNfd);
		await writePartMap(db, group, mapCols);
		if (first.src.csv) {
			// One read over the list: rows keep file order, so a file's row number is its position
			// among that file's rows (row_number over the scan) plus the lines above its data (skip
			// counts every line; read_csv drops empty lines, which read.ts keeps out of this path).
			const width = Math.max(...group.map((p) => widthOf(p.header)));
			const skip = first.header.dataStart;
			const columns = `{${Array.from({ length: width }, (_, i) => `${q(`c${i}`)}: 'VARCHAR'`).join(', ')}}`;
			const files = `[${group.map((p) => q(p.src.path)).join(', ')}]`;
			await db.run(`insert into stg_parts
				select *, ${gi} from (
					select part_id, rn, ${select}
					from (
						select pm.*, (g.grn - min(g.grn) over (partition by g.filename)) + ${skip + 1} as rn, g.*
						from (select row_number() over () as grn, *
						      from read_csv(${files}, delim = ${q(first.src.csv.delim)}, quote = '"', escape = '"',
						           header = false, skip = ${skip}, columns = ${columns},
						           null_padding = true, strict_mode = false, parallel = true, filename = true, auto_detect = false)) g
						join part_map pm on pm.path = g.filename
					) pm
				)`);
		} else {
			await db.run(`insert into stg_parts select part_id, rn, ${select}, ${gi} from stg_raw join part_map pm using (part_id) where grp = ${gi}`);
		}
		await dropFooters(db, gi);
		// a filter inside the insert above a window costs more than this delete after it
		await db.run(`delete from stg_parts where grp = ${gi} and not (${keep})`);
	}
	await db.run('drop table if exists stg_raw; drop table if exists part_map');
	await applySectionRows(db);
	// a post in brackets after a name, where no column gives one ("Trần Thị Bình (Phó Bí thư)": name_post)
	await db.run(`update stg_parts set position = name_post(full_name) where position is null and ends_with(rtrim(full_name), ')')`);
	await db.run('alter table stg_parts rename to stg');
	const counts = await db.query<{ part_id: number; n: number }>('select part_id, count(*)::int as n from stg group by part_id');
	return new Map(counts.map((c) => [c.part_id, c.n]));
}

// Footers. A row identified by nothing (no STT number, card or birth) whose text is a signature
// block ("T/M CHI BỘ", "BÍ THƯ", "(Đã ký)", "Người lập biểu", "Nơi nhận:"; an agency's list signed by
// its head's title alone: "CHỦ TỊCH", "HIỆU TRƯỞNG") or a dateline ("Thôn 1,
// ngày 15 tháng 12 năm 2024") ends the list: it and every row below it (the signer's name on its
// own line) are footer. Summary lines ("Tổng số: 4", "- Hoàn thành tốt nhiệm vụ: 01 đ/c") are
// dropped where they stand, since a subtotal may close a section with members below it.
const NUMBERED = `coalesce(regexp_matches(trim(stt), '^\\(?([0-9]{1,5}|[A-Za-z]|[IVXivx]{1,5})[.)]?$'), false)`;
// (a card has five digits at least: "T/M ĐẢNG ỦY", "(Đã ký)" written under the card column identify
// nothing; nor does a tally's count or share, "2", "25%")
const CARD = `coalesce(regexp_matches(card_no, '^[^%]*[0-9][^%]*$') and length(regexp_replace(card_no, '[^0-9]', '', 'g')) >= 5, false)`;
const IDENTIFIED = `(${CARD} or birth is not null or ${NUMBERED})`;
// (computed once per row, as row_text and name_text, in dropFooters: written into the tests below,
// the folds took 0,4 ms a row — minutes for a registry, whose rows have no card or birth to skip
// them by)
const ROW_TEXT = `fold(concat_ws(chr(31), ${FIELDS.map((f) => f.field).join(', ')}))`;
// (and the line naming the decision the list goes with, "(Kèm theo Nghị quyết số 05-NQ/CB ngày …)",
// "Ngày quyết định: 08/12/2024": its date is read, decisionDateOf)
const SIGN = `(nguoi lap|lap bieu|xac nhan|t/m|tm[. ]|t\\.m|noi nhan|(pho )?bi thu|\\(?da ky|\\(?ky[ ,]|\\(?ghi ro|thu truong|kt[. ]|k/t|dong dau|(pho )?(chu tich|giam doc|hieu truong|truong phong|truong ban|chanh van phong)|\\(?(ban hanh )?kem theo (quyet dinh|qd|nghi quyet|nq)\\b|ngay (ra |ky )?(quyet dinh|qd|nghi quyet|nq) *:)`;
const DATELINE = `ngay[ .]*[0-9]*[ .]*thang[ .]*[0-9]*[ .]*nam[ .]*[0-9]{4}`;
// every cell of the row is signature or dateline text
const HARD_FOOTER = `case when ${IDENTIFIED} then false else coalesce(regexp_matches(row_text,
	'^((${SIGN}|[^\\x1f]*${DATELINE})[^\\x1f]*)(\\x1f(${SIGN}|[^\\x1f]*${DATELINE})[^\\x1f]*)*$'), false) end`;
// A tally or a legend under the list: no person is named by a level ("Hoàn thành xuất sắc nhiệm vụ |
// 1 | 14,3%", "HTXSNV | 1", "Không xếp loại | 1", numbered or not), and a legend's label ("Ký hiệu:", "Chú thích:",
// "Viết tắt:") or its nameless lines spell one level two ways ("| HTTNV | Hoàn thành tốt nhiệm vụ").
// A name cell holding the counts itself is a tally too: cut at each run of counts, shares and marks
// ("HTXSNV: 1 = 16,7%", "HTTNV 4 (66,7%)", "HTTNV: 8 = 66,7%; HTNV: 2 = 16,7%; KHTNV: 0", "Số đảng
// viên được xếp loại: 6"), every piece left is a level or a count's label (a name has no digit).
// (the count's label may be blank: a piece after the last count)
const TALLY_PIECES = `list_transform(string_split_regex(name_text, '[^a-z]*[0-9][^a-z]*'), lambda p: trim(regexp_replace(p, '[^a-z]+', ' ', 'g')))`;
const COUNT_LABEL = `'((so (luong )?)?(dang vien|dv|dong chi) ?)?((da|duoc|khong|chua|mien) )*(xep loai|danh gia|kiem diem)?'`;
const LEVEL_LABEL = `(not ${CARD} and (coalesce(regexp_matches(name_text, '[a-z]') and list_has_all(
		(select list(level_key(alias)) from ref_level_alias where level_key(alias) <> ''),
		list_transform(list_filter(${TALLY_PIECES}, lambda p: not regexp_full_match(p, ${COUNT_LABEL})), lambda p: level_key(p))), false)
	or coalesce(regexp_matches(name_text, '^((khong|chua) (duoc )?(xep loai|danh gia)|(ky hieu|chu thich|chu giai|viet tat) *:)'), false)))`;
const LEGEND = `(full_name is null and level_key(coalesce(self_level, proposed_level)) = level_key(final_level)
	and fold(coalesce(self_level, proposed_level)) <> fold(final_level))`;
// A footnote under the list: a mark then words in the name column ("(*) Đảng viên tự nhận; (**) Chi bộ
// đề xuất", "* Đảng viên mới kết nạp", "(1) Nghỉ ốm dài ngày"), or the mark alone in the STT column, or a
// note's label ("Lưu ý:", "Chú thích:", "Ghi chú –"), with no level in the row. A name opens with no
// mark ("Nguyễn Văn An (*)": a member).
const FOOTNOTE = `(coalesce(final_level, self_level, proposed_level) is null and coalesce(regexp_matches(name_text,
	'^((\\(\\*+\\)|\\*+|\\([0-9]{1,2}\\)) *[a-z]|(luu y|chu thich|chu giai|ghi chu) *([:.(*-]|$))')
	or regexp_matches(trim(stt), '^(\\(\\*+\\)|\\*+)$'), false))`;
// (a name or a bullet that reads like a total counts only on a row without a level: "Công Thị Hoa |
// HTT" in a list without STT, card or birth is a member; shares "Tỷ lệ (%)", averages "Điểm bình
// quân", notes "Ghi chú: …" and "Danh sách này gồm …" are summaries too, as are labels, "Trong đó:",
// whose level cells may hold the summary's counts or shares: "Tỷ lệ % | … | 100%", never a level)
const TALLY_LEVELS = `list_bool_and(list_transform([self_level, proposed_level, final_level, cs_level],
	lambda x: x is null or regexp_full_match(trim(x), '[0-9]+([.,][0-9]+)? *%?')))`;
const SOFT_FOOTER = `case when ${IDENTIFIED} then false else coalesce(regexp_matches(row_text,
	'(^|\\x1f)[^\\x1f]*[0-9]+ *(d/c|dong chi|dang vien)\\b'), false)
	or (final_level is null and coalesce(regexp_matches(row_text, '(^|\\x1f)(tong( so| cong)?\\b|cong\\b|[-+*] *[a-z])'), false))
	or (${TALLY_LEVELS} and coalesce(regexp_matches(name_text,
		'^(ty le\\b|(diem )?(binh quan|trung binh)\\b|ghi chu *:|danh sach (nay|tren)\\b|trong do\\b)|: *$'), false))
	or ${LEGEND} or ${FOOTNOTE} end`;

// A total row whose count stands in a data column ("Tổng số | 3 đồng chí" under "Ngày sinh",
// "Tổng cộng | | 12" under "Xếp loại"): its unnumbered label says so, birth or level cell or not
// ("Tổng số", "Tổng cộng", alone or before ":", a count or "đảng viên"; "Cộng" alone: not a name
// such as "Tống Văn An", "Tống Công Minh", "Công Thị Hoa").
const TOTAL_WORDS = `'^(tong so|tong cong)( *$| *[:(0-9]| (dang vien|dong chi|d/c|nguoi)\\b)|^cong *:?$'`;
const TOTAL_LABEL = `(not ${NUMBERED} and (coalesce(regexp_matches(name_text, ${TOTAL_WORDS}), false)
	or coalesce(regexp_matches(fold(stt), ${TOTAL_WORDS}), false)))`;

/** Cut each part of group `gi` at its first signature or dateline row below a data row; drop its
 * summary lines and repeated header rows. Only the few footer rows are kept aside, not a copy of the group. */
async function dropFooters(db: Db, gi: number): Promise<void> {
	// a header repeated above a second list in the sheet ("STT | Họ và tên | …"): not a member
	await db.run(`delete from stg_parts where grp = ${gi} and list_contains(['stt', 'tt'], lower(trim(stt)))`);
	await db.run(`create or replace temp table foot as
		with texts as materialized (
			-- (rows with a card, or a birth and a level or a number, are data: the texts of the few
			-- others only are read)
			select *, ${ROW_TEXT} as row_text, fold(coalesce(full_name, unit_name, stt)) as name_text
			-- (a birth of three characters or fewer is a tally's count: "HTXSNV | 1")
			from stg_parts where grp = ${gi} and not ${CARD} and (birth is null or (final_level is null and not ${NUMBERED}) or (length(trim(birth)) <= 3 and not ${NUMBERED}))
		)
		select * from (select part_id, rn, row_text, ${HARD_FOOTER} as hard, (${SOFT_FOOTER} or ${TOTAL_LABEL} or ${LEVEL_LABEL}) and not ${SECTION} as soft from texts)
		where hard or soft`);
	const decisions = await db.query<{ part_id: number; row_text: string }>(
		"select part_id, row_text from foot where hard and regexp_matches(row_text, 'kem theo|quyet dinh|nghi quyet|\\b(qd|nq)\\b|ngay') order by part_id, rn"
	);
	for (const d of decisions) {
		// (a place-date line above the signature, "Đoàn Kết, ngày 05 tháng 12 năm 2026": a cell of its own)
		const on = decisionDateOf(d.row_text);
		const signed = on ? null : d.row_text.split('\x1f').map(signingDateOf).find(Boolean);
		if (on ?? signed) await db.run('insert into stg_decided values ($p, $d, $s)', { p: d.part_id, d: on ?? signed!, s: !on });
	}
	const n = await db.one<{ n: number }>('select count(*)::int as n from foot');
	if (n?.n)
		await db.run(`delete from stg_parts using (
				select f.part_id, min(f.rn) as cut
				from foot f join (
					-- the first data row of each part with a footer
					select s.part_id, min(s.rn) as first from stg_parts s anti join foot using (part_id, rn)
					where s.grp = ${gi} and s.part_id in (select part_id from foot) group by 1
				) d on d.part_id = f.part_id and f.rn > d.first
				where f.hard group by 1
			) c
			where stg_parts.grp = ${gi} and stg_parts.part_id = c.part_id and stg_parts.rn >= c.cut;
			delete from stg_parts using foot f where stg_parts.grp = ${gi} and f.soft and stg_parts.part_id = f.part_id and stg_parts.rn = f.rn`);
	await db.run('drop table foot');
}

// A section row heads the rows below it: "I. CHI BỘ THÔN 1" (in the STT column, or merged across
// the row in XLSX, which leaves it in the first column), "I | Chi bộ thôn 1 (04 đảng viên)",
// "I | Thôn 1"; a layout many lists use instead of a unit column. It holds nothing else. One that
// names a chi bộ or a hamlet gives the unit of the rows below; one naming a "Nhóm" of similar
// positions, their group; one naming the subjects ("CÁN BỘ LÃNH ĐẠO, QUẢN LÝ"), their kind; one
// naming the members' standing ("II. ĐẢNG VIÊN DỰ BỊ"), their status where no cell gives one.
/** The folded openings of a section row naming a unit (a chi bộ, a đảng bộ, a hamlet), shared with
 * load.ts, which must not take such a row for a second header row. */
export const SECTION_UNIT_WORDS = 'chi bo|dang bo|dang uy|to dang|chi uy|thon|ap|xom|buon|khom|khu pho|to dan pho|khu dan cu';
/** A section's numbering ("I.", "2)", "a/"), before its text. */
export const SECTION_NUMBER = '([IVXivx]{1,5}|[0-9]{1,3}|[A-Za-z])\\s*[.):/-]\\s*';
const SECTION_TEXT = `(case when birth is null and card_no is null and final_level is null and self_level is null
	and proposed_level is null and discipline_form is null and cs_level is null and unit_code is null
	and not_rated_reason is null and note is null and position is null and score is null
	then regexp_replace(regexp_replace(
		case when unit_name is null and full_name is not null and (stt is null or ${IDENTIFIED}) then full_name
		     when unit_name is null and full_name is null and not ${IDENTIFIED} then stt
		     -- an organisations' list numbered by a Roman numeral or a letter, its text in the name column
		     -- ("I | XẾP LOẠI TẬP THỂ LÃNH ĐẠO, QUẢN LÝ"): organisations are numbered 1, 2, 3
		     when unit_name is not null and full_name is null and coalesce(regexp_matches(trim(stt), '^\\(?([IVXivx]{1,5}|[A-Za-z])([.):/-]|$)'), false) then unit_name end,
		'^\\s*${SECTION_NUMBER}', ''), '\\s*(\\(.*\\)|:)\\s*$', '') end)`;
const SECTION_UNIT = `coalesce(regexp_matches(fold(${SECTION_TEXT}), '^(${SECTION_UNIT_WORDS}) ')
	and not regexp_matches(fold(${SECTION_TEXT}), '${DATELINE}'), false)`;
const SECTION_GROUP = `coalesce(regexp_matches(fold(${SECTION_TEXT}), '^(dang vien |dv )?(chinh thuc|du bi)$'), false)`;
// "IV. Đảng viên (được) miễn công tác và sinh hoạt đảng", "ĐV bị đình chỉ sinh hoạt": members not
// rated by rule (R4), their status as a status cell would state it (its text, read by status_dict)
const SECTION_EXEMPT = `coalesce(regexp_full_match(words(${SECTION_TEXT}),
	'((dang vien|dv) )?((dang |da )?(duoc|bi) )?(mien|(tam )?dinh chi) (cong tac (va )?)?(sinh hoat|shd?)( dang)?'), false)`;
// any other text alone on a row numbered by a Roman numeral or a letter ("A | Đảng viên đang công
// tác", "II | Phòng Kinh tế"): people are numbered 1, 2, 3
const SECTION_LETTERED = `(${SECTION_TEXT} is not null and coalesce(regexp_matches(trim(stt), '^\\(?([IVXivx]{1,5}|[A-Za-z])([.):/-]|$)'), false))`;
// an unnumbered heading of members alone on its row ("ĐẢNG VIÊN ĐANG SINH HOẠT"): a group too, not a
// member (read unfolded: "Đặng Viên …" is a name)
const SECTION_MEMBERS = `(stt is null and coalesce(regexp_matches(lower(nfc_normalize(${SECTION_TEXT})), '^(đảng viên|đv) '), false))`;
// "Nhóm 1: Bí thư, Phó Bí thư…": a group of similar positions (QĐ 366), the "Nhóm" of the rows below
const SECTION_NHOM = `coalesce(regexp_matches(fold(${SECTION_TEXT}), '^nhom\\b'), false)`;
// A category of staff ("LÃNH ĐẠO SỞ", "Trưởng, phó phòng và tương đương", "Công chức chuyên môn,
// nghiệp vụ", "Chuyên viên", "Người lao động", "Ban Giám hiệu"): never an agency ("Trưởng" folds as
// "Trường", a school, does: a post is told by the staff words after it) …
const STAFF = `coalesce(regexp_matches(fold(${SECTION_TEXT}), '^(lanh dao|cong chuc|vien chuc|can bo|cbcc(vc)?|chuyen vien|nhan vien|giao vien|nguoi lao dong|lao dong|hop dong|ban (giam doc|giam hieu|lanh dao)|to (truong|pho)|(cap )?(truong|pho)\\b[^a-z]*((cap|va|cac|pho|truong)\\b[^a-z]*)*(phong|ban|khoa|bo phan|don vi|giam doc)|cap (truong|pho))\\b'), false)`;
// … and on a civil-servant list (the parts in variable cs_parts, stage()) the group of similar duties
// of the rows below (NĐ 335), as "Nhóm 1: …", numbered or not: never a person
const SECTION_STAFF = `(list_contains(getvariable('cs_parts'), part_id) and ${STAFF})`;
const SECTION = `(${SECTION_UNIT} or ${SECTION_GROUP} or ${SECTION_EXEMPT} or ${SECTION_LETTERED} or ${SECTION_MEMBERS} or ${SECTION_NHOM} or ${SECTION_STAFF})`;
// a section naming the subjects of the rows below ("II. XẾP LOẠI CÁN BỘ LÃNH ĐẠO, QUẢN LÝ" after
// "I. XẾP LOẠI CHẤT LƯỢNG ĐẢNG VIÊN"): their "Đối tượng", as a column would give it (one list rating
// members and leaders; the Bí thư in both is rated twice, not a duplicate)
const SUBJECT_WORDS = `(dang vien|to chuc (co so )?dang|(ca nhan |can bo )?lanh dao[, ]*(quan ly)?|tap the lanh dao[, ]*(quan ly)?)`;
// (a bare "LÃNH ĐẠO, QUẢN LÝ" may be a group of similar positions, QĐ 366: "xếp loại", "cán bộ" or
// "cá nhân" must say it is the subjects)
const SECTION_SUBJECT = `case when regexp_full_match(fold(${SECTION_TEXT}),
	'(((danh gia|ket qua)[, ]*)*xep loai (chat luong )?${SUBJECT_WORDS}|dang vien|(ca nhan|can bo) lanh dao[, ]*(quan ly)?|tap the lanh dao[, ]*(quan ly)?)')
	then case when regexp_matches(fold(${SECTION_TEXT}), '\\btap the\\b') then 'Tập thể lãnh đạo'
	          when regexp_matches(fold(${SECTION_TEXT}), '\\bto chuc\\b') then 'Tổ chức đảng'
	          when regexp_matches(fold(${SECTION_TEXT}), '\\blanh dao\\b') then 'Cán bộ lãnh đạo, quản lý'
	          else 'Đảng viên' end end`;
/** The first words (folded) of a state agency's or a mass organisation's name: a section row or a
 * title cell naming one ("UBND XÃ BÙ ĐĂNG", "Trường Tiểu học …") names a civil servant's agency. */
export const AGENCY_WORDS = 'van phong|phong|ban|trung tam|truong|tram|uy ban|ubnd|hdnd|hoi dong|cong an|so|chi cuc|cuc|benh vien|co quan|mat tran|ubmttq|hoi|doan';
// a section naming a state agency gives a civil-servant list's rows their agency
const SECTION_AGENCY = `(coalesce(regexp_matches(fold(${SECTION_TEXT}), '^(${AGENCY_WORDS})\\b'), false) and not ${STAFF})`;

/** Each row below a section row giving `value` (a column of sect, null on sections of other kinds)
 * takes the value of the last such section above it in its part into `column`, where it has none;
 * '' (a section ending the one above without giving a value) gives nothing. */
async function fillFromSections(db: Db, column: string, value: string, extra = ''): Promise<void> {
	await db.run(`update stg_parts set ${column} = x.section_text
		from (
			select s.rk, nullif(last_value(x.${value} ignore nulls)
				over (partition by s.part_id order by s.rn rows between unbounded preceding and current row), '') as section_text
			from stg_parts s left join sect x using (rk)
			where s.part_id in (select part_id from sect where ${value} is not null)
		) x
		where stg_parts.rk = x.rk and stg_parts.${column} is null ${extra} and x.section_text is not null`);
}

async function applySectionRows(db: Db): Promise<void> {
	// the section rows, read before the update below fills their own unit; only the files that have
	// some are renumbered through the window. Each column: the value a section gives the rows below
	// it, null on sections of other kinds.
	await db.run(`create or replace temp table sect as
		select rk, part_id,
			-- (a leaders' section ends the unit's above it: "II. XẾP LOẠI CÁN BỘ LÃNH ĐẠO" after "2. Chi bộ
			-- thôn 2" heads the title's unit's leaders)
			case when ${SECTION_UNIT} then ${SECTION_TEXT} when coalesce(${SECTION_SUBJECT} <> 'Đảng viên', false) then '' end as unit_name,
			case when not ${SECTION_UNIT} and ${SECTION_AGENCY} then ${SECTION_TEXT} end as agency,
			case when ${SECTION_NHOM} or ${SECTION_STAFF} then ${SECTION_TEXT} end as group_name,
			${SECTION_SUBJECT} as subject_kind,
			-- (a unit's section ends the standing of the one above, as does any other numbered group:
			-- "III. Đảng viên được miễn đánh giá, xếp loại", "II | Cán bộ, công chức đang công tác",
			-- "B | Đang sinh hoạt tại chi bộ" after "I. Đảng viên miễn sinh hoạt đảng" are not exempt)
			case when ${SECTION_GROUP} then if(regexp_matches(fold(${SECTION_TEXT}), 'du bi'), 'Dự bị', 'Chính thức')
			     when ${SECTION_EXEMPT} then ${SECTION_TEXT}
			     when ${SECTION_UNIT} or ${SECTION_LETTERED} or ${SECTION_MEMBERS} then '' end as status
		from stg_parts
		where birth is null and card_no is null and final_level is null and ${SECTION}`);
	const n = await db.one<{ n: number }>('select count(*)::int as n from sect');
	if (!n?.n) return void (await db.run('drop table sect'));
	await fillFromSections(db, 'unit_name', 'unit_name', 'and stg_parts.unit_code is null');
	for (const column of ['agency', 'group_name', 'subject_kind', 'status']) await fillFromSections(db, column, column);
	await db.run('delete from stg_parts where rk in (select rk from sect)');
	await db.run('drop table sect');
}
