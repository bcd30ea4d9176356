// Finds the header row among the first 40 rows (below title lines and merged cells), maps its
// cells to fields, reads what title lines say (year, quarter or term, subject kind, unit names),
// and decides the file kind from the columns present.
import type { FileKind, PeriodKind, SubjectKind } from '../../domain/levels';
import { fold } from '../../domain/anomaly';
import { alnumKey, fieldOfHeader, isFamilyNameHeader, isRollCall, namesNoField, sexHeader, sideField } from './fields';
import { AGENCY_WORDS } from './stage';

export interface HeaderMap {
	/** 0-based index of the first data row in the grid */
	dataStart: number;
	/** 0-based indices of the header row(s) */
	headerRows: number[];
	/** column index -> field (first column wins, except a "… quyết định" column for the final level) */
	columns: Array<{ index: number; field: string; header: string }>;
	width: number;
	/** score columns not read: a part of the 100 points with no other part nor total to read beside
	 * it ("Kết quả thực hiện nhiệm vụ (70đ)" alone): the list stores no score, and says so */
	unreadScores?: string[];
}

export interface TitleInfo {
	year: number | null;
	period: { kind: PeriodKind; no: number } | null;
	subjectKind: SubjectKind | null;
	/** candidate unit names from title lines, as written */
	unitNames: string[];
	lines: string[];
	/** "6 tháng đầu năm 2025", "9 tháng năm 2025" as written: a period Giám Sát has no kind for */
	partialYear: string | null;
	/** the date of the decision a list is attached to ("(Kèm theo Quyết định số 45-QĐ/ĐU ngày
	 * 10/12/2025 …)"), dd/mm/yyyy: every row's decision date when no column gives one (R4's deadline) */
	decidedOn: string | null;
	/** the date of a place-date cell above the list ("Đoàn Kết, ngày 05 tháng 12 năm 2026", beside the
	 * letterhead), yyyy-mm-dd: the day the list was signed, its decision date where no decision is cited */
	signedOn: string | null;
	/** the state agencies title cells name ("UBND XÃ BÙ ĐĂNG"; "UBND HUYỆN A / PHÒNG NỘI VỤ"), as
	 * written: where a civil-servant list's people are looked for among party members */
	agency: string | null;
	/** the level of the deciding body a title line names (titleDeciderLevel), for a level column that
	 * names none */
	deciderLevel: DeciderLevel | null;
	/** the day a title says its list stands at ("tính đến ngày 31/12/2022", "(từ ngày 01/7/2025)"),
	 * yyyy-mm-dd: a registry older than what the units hold does not overwrite them (registry.sql) */
	asOf: string | null;
}

// "Căn cứ …" and "Xét đề nghị …" lines above a list often push its header past row 20
const HEADER_SCAN = 40;

function rowFields(row: string[]): Array<string | null> {
	return row.map((c) => (c && c.length < 80 ? fieldOfHeader(c) : null));
}

function score(fields: Array<string | null>): number {
	return new Set(fields.filter((f) => f && f !== 'stt' && f !== 'note')).size;
}

/** A row of column numbers under the header ("1 2 3 …", "(1) (2)", "A B C"). */
export function isNumberingRow(row: string[]): boolean {
	const cells = row.filter((c) => c.trim());
	return cells.length >= 2 && cells.every((c) => /^\(?([0-9]{1,2}|[A-Za-z])\)?(\s*=.*)?$/.test(c.trim()));
}

/**
 * A cell of a header row under `top` that is header though it names no field: the text of a
 * vertically merged cell, which the reader gives every row of the merge ("Nội dung vi phạm" in both
 * rows), or a sub-header under a group cell of two columns at least (blank after it, or repeating
 * it when merged in a workbook): one known to name none of ours ("Ngày vào Đảng" over "Kết nạp |
 * Chính thức"), or, under a field's group, any text that is no field ("Chức vụ" over "Chính quyền |
 * Đảng"), or, under another group, words that are no value ("Trình độ" over "Học vấn | LLCT"). A
 * data row's values (numbers, dates, x marks) are none; its name column fails the row anyway.
 */
export function isSubHeader(top: string[], row: string[], i: number): boolean {
	const key = alnumKey(row[i] ?? '');
	if (key && key === alnumKey(top[i] ?? '')) return true;
	// the group: its cell and the empty ones after it (or, merged in a workbook, the ones repeating
	// it), over two sub-headers at least (a section row's one cell, "Đảng viên chính thức" under
	// "STT", is none). Under a field's group ("Chức vụ" over "Chính quyền | Đảng"), any name that is
	// no field; under another group ("Trình độ" over "Học vấn | Chuyên môn | LLCT"), one we know
	// names none, or text that is no value.
	const same = (j: number) => !top[j]?.trim() || alnumKey(top[j]) === alnumKey(top[g] ?? '');
	let g = i;
	while (g > 0 && !top[g]?.trim()) g--;
	while (g > 0 && top[g - 1]?.trim() && alnumKey(top[g - 1]) === alnumKey(top[g] ?? '')) g--;
	let end = g + 1;
	while (end < row.length && same(end)) end++;
	const subs = row.slice(g, end).filter((c) => c?.trim()).length;
	if (subs < 2 || !top[g]?.trim() || fieldOfHeader(row[i] ?? '')) return false;
	const text = (row[i] ?? '').trim();
	const aValue = /^[\d\s.,/:-]*$/.test(text) || /^(x|v|\+|\*)$/i.test(text);
	return namesNoField(text) || (!aValue && (!!fieldOfHeader(top[g] ?? '') || /^[\p{L}\s,./()-]+$/u.test(text)));
}

/** A row holding values, not names: a date or a plain number in some cell. */
function looksLikeData(row: string[]): boolean {
	return row.some((c) => /^\s*(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2}|\d+([.,]\d+)?)\s*$/.test(c ?? ''));
}

/** The one year a column's header names as its period: "Xếp loại năm 2023", a bare year ending it
 * ("Xếp loại 2023"); not a date or a document's number ("(QĐ số 05-QĐ/ĐU ngày 10/01/2025)", "NĐ
 * 90/2020/NĐ-CP"), nor a span ("năm học 2023-2024"). */
export function yearNamed(header: string): number | null {
	const h = fold(header).trim();
	const years = [...h.matchAll(/\bnam ((?:19|20)\d{2})\b|(?:^|\s)((?:19|20)\d{2})$/g)].map((m) => Number(m[1] ?? m[2]));
	const all = h.match(/\b(?:19|20)\d{2}\b/g) ?? [];
	return years.length === 1 && all.length === 1 ? years[0] : null;
}

// a full date in a cell of other text ("Số 15-QĐ/UBKT ngày 20/12/2024")
const DATE_IN_CELL = /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b/;
/** The fields a column of another year's values may hold. */
const PAST_YEAR_FIELDS = new Set(['final_level', 'self_level', 'proposed_level', 'cs_level', 'score']);

/** `year`: the list's year when the caller knows it (--year), over the title's. */
export function findHeader(preview: string[][], year?: number): HeaderMap | null {
	let best = -1;
	let bestScore = 1; // at least two recognised fields
	const scan = Math.min(HEADER_SCAN, preview.length);
	for (let r = 0; r < scan; r++) {
		if (looksLikeData(preview[r] ?? [])) continue;
		const s = score(rowFields(preview[r] ?? []));
		if (s > bestScore) [best, bestScore] = [r, s];
	}
	if (best < 0) return null;
	// A row above naming columns the best leaves blank ("STT | Tên tổ chức đảng | Xếp loại" over
	// " | | Tự đánh giá | Đảng ủy đề xuất | … quyết định": a CSV leaves a vertical merge's lower cell
	// blank) is the header's first row. Names only, two at least (a title line is one cell).
	const up = best > 0 ? preview[best - 1] : undefined;
	if (up && !looksLikeData(up) && up.filter((c) => c?.trim()).length >= 2) {
		const upFields = rowFields(up);
		const low = preview[best];
		const fillsBlank = upFields.some((f, i) => f && f !== 'stt' && f !== 'note' && !low[i]?.trim());
		// A workbook repeats a vertical merge's text in its lower cell ("Họ và tên" in both rows): the
		// same, then, when the row above also holds a group cell over other names ("Điểm chi bộ chấm"
		// over "Tiêu chí chung | … | Tổng"), which the lower row alone would lose
		const same = (i: number) => !!low[i]?.trim() && alnumKey(low[i]) === alnumKey(up[i] ?? '');
		const overMerged = upFields.some((f, i) => f && f !== 'stt' && f !== 'note' && same(i)) && upFields.some((f, i) => f && low[i]?.trim() && !same(i));
		// (or "Năm sinh" over the "Nam | Nữ" or "Ngày | Tháng | Năm" the best row has there: its sub-header)
		if ((fillsBlank || overMerged || birthSplit(upFields, low)) && up.every((c, i) => !c?.trim() || upFields[i] !== null)) best--;
	}
	// Two-row headers: a group cell ("Xếp loại" over "Tự xếp loại | Chi bộ đề xuất | Đảng ủy quyết
	// định") or vertically merged cells. Combine with the next row when it adds fields.
	const top = rowFields(preview[best]);
	const headerRows = [best];
	let merged = top;
	const next = best + 1 < preview.length ? periodSubHeaders(preview[best], preview[best + 1]) : undefined;
	// "Năm sinh" over "Nam | Nữ", "Ngày sinh" over "Ngày | Tháng | Năm": sub-headers of the birth
	// column, not the fields "Nam"/"Nữ"/"Năm" name (the sex, the list's year)
	const birth = next ? birthSplit(top, next) : null;
	const names = next && birth ? next.map((c, i) => (i >= birth.at && i < birth.at + birth.fields.length ? '' : c)) : next;
	// the parts of a score under its group cell ("Điểm chi bộ chấm" over "Tiêu chí chung | Nhiệm vụ |
	// Tổng"): each a score column, named by group and part, which scoreRank tells apart
	let parts = next ? scoreParts(preview[best], next) : new Map<number, string>();
	// QĐ 366's stages each over "Điểm | Mức xếp loại" (stageParts)
	let stages = next ? stageParts(preview[best], next) : new Map<number, Stage>();
	// a second header row holds only names: every filled cell names a field, none is a value
	const onlyNames = (row: string[]) => row.every((c, i) => !c || !c.trim() || rowFields(row)[i] !== null || parts.has(i) || isFamilyNameHeader(c) || isSubHeader(preview[best], row, i));
	if (next && names && !isNumberingRow(next) && !looksLikeData(next) && onlyNames(names)) {
		const below = rowFields(names).map((f, i) => stages.get(i)?.field ?? (parts.has(i) ? 'score' : f));
		// a sub-header naming none of ours is not its group's field ("Chính thức" under "Ngày vào Đảng")
		const combined = top.map((f, i) => below[i] ?? (names[i] && namesNoField(names[i]) ? null : f));
		// "Chức vụ" merged over "Chính quyền | Đảng": each a post (joined at staging)
		for (let i = 1; i < combined.length; i++)
			if (!combined[i] && !preview[best][i]?.trim() && names[i]?.trim() && combined[i - 1] === 'position' && isSubHeader(preview[best], names, i)) combined[i] = 'position';
		for (let i = top.length; i < below.length; i++) combined[i] = below[i];
		// "Hình thức kỷ luật" over "Về Đảng | Về chính quyền": the State's side is not the Party's form
		for (let i = 0; i < combined.length; i++) {
			const side = names[i]?.trim() ? sideField(names[i]) : null;
			if (below[i] || !side) continue;
			let g = i;
			while (g > 0 && !preview[best][g]?.trim()) g--;
			if (top[g] === 'discipline_form') combined[i] = side;
		}
		if (birth) combined.splice(birth.at, birth.fields.length, ...birth.fields);
		// a row with cells only a header holds is header, though it adds no field
		const sub = names.some((c, i) => !below[i] && c?.trim() && isSubHeader(preview[best], names, i));
		if ((score(combined) > score(top) || birth || parts.size || stages.size || sub) && (below.filter(Boolean).length >= 1 || birth || sub)) {
			merged = combined;
			headerRows.push(best + 1);
		} else [parts, stages] = [new Map(), new Map()];
	} else [parts, stages] = [new Map(), new Map()];
	// … under a group row over them all ("Kết quả đánh giá, xếp loại" over the stages): a third row
	const third = headerRows.length === 2 && !stages.size ? preview[best + 2] : undefined;
	if (third && !isNumberingRow(third) && !looksLikeData(third)) {
		stages = stageParts(preview[best + 1], third);
		if (stages.size) {
			headerRows.push(best + 2);
			// (and the names under a name merged over two rows: "Họ đệm | Tên")
			rowFields(third).forEach((f, i) => (merged[i] = stages.get(i)?.field ?? merged[i] ?? f));
		}
	}
	let dataStart = headerRows[headerRows.length - 1] + 1;
	while (preview[dataStart] && isNumberingRow(preview[dataStart])) dataStart++;
	periodScores(preview, headerRows, dataStart, merged);
	// a bare "Cộng" / "Tổng" / "Tổng số" right after score columns: their total
	const lastRow = preview[headerRows[headerRows.length - 1]];
	for (let i = 1; i < merged.length || i < lastRow.length; i++)
		if (!merged[i] && merged[i - 1] === 'score' && /^(tong( so| cong)?|cong)$/.test(fold(lastRow[i] ?? '').trim())) merged[i] = 'score';
	splitName(preview, headerRows, dataStart, merged);

	// Two columns of one field for different years ("Xếp loại năm 2023 | Xếp loại năm 2024"): the
	// one naming the list's year (its title's, else the latest named) wins, whatever the order.
	const yearOf = (h: string) => Number(fold(h).match(/\b((?:19|20)\d{2})\b/)?.[1] ?? 0) || null;
	const headerOf = (i: number) => parts.get(i) ?? stages.get(i)?.header ?? headerRows.map((r) => preview[r][i]).filter((c) => c && fieldOfHeader(c)).pop() ?? '';
	const title = readTitle(preview, best);
	const knownYear = year ?? title.year;
	const listYear = knownYear ?? Math.max(0, ...merged.map((f, i) => (f ? (yearOf(headerOf(i)) ?? 0) : 0)));
	// a level or score of one year, not the list's ("Xếp loại năm 2023" on a 2024 list, a roster's
	// column of last year's levels): not this list's, even alone (a roster with it was read as a rating
	// list of last year's levels). A span of years ("năm học 2023-2024"), a date, a decision's number
	// are left to the ranking.
	if (knownYear)
		for (const [i, f] of merged.entries()) {
			const y = yearNamed(headerOf(i));
			if (f && PAST_YEAR_FIELDS.has(f) && y !== null && y !== knownYear) merged[i] = null;
		}
	const rank = (field: string, h: string) => {
		const y = yearOf(h);
		const ofYear = y === null ? 1 : y === listYear ? 2 : 0;
		return ofYear * 4 + (field === 'final_level' ? levelRank(h, title.subjectKind) : field === 'score' ? scoreRank(h) : 0);
	};

	// "Chi bộ | Đảng bộ" (a đảng bộ's consolidated list): the đảng bộ column is where the chi bộ is
	// looked up (field parent, resolve_units.sql), not the row's unit; alone it is the unit — but not
	// beside a register's "Tổ chức đảng, đảng viên bị kỷ luật", whose organisations are the units
	const unitColumns = merged.flatMap((f, i) => (f === 'unit_name' ? [i] : []));
	const namesDangBo = (i: number) => /^(dang bo|dang uy)\b/.test(fold(headerOf(i)));
	if (unitColumns.some(namesDangBo) && (!unitColumns.every(namesDangBo) || merged.includes('subject_name')))
		for (const i of unitColumns.filter(namesDangBo)) merged[i] = 'parent';

	const columns: HeaderMap['columns'] = [];
	const seen = new Map<string, number>();
	const width = Math.max(...headerRows.map((r) => preview[r].length));
	for (let i = 0; i < merged.length; i++) {
		let field = merged[i];
		if (!field) continue;
		const header = headerOf(i) || headerRows.map((r) => preview[r][i]).filter((c) => c && c.trim()).pop() || '';
		// a bare "Phân loại" holding "Chính thức" / "Dự bị" on a roster is the member's status
		if (field === 'final_level' && /^phan ?loai$/.test(fold(header).trim()) && holdsStatuses(preview.slice(dataStart).map((r) => r[i]))) field = 'status';
		// a post and a place of work in one column ("Chức vụ, đơn vị công tác": "Bí thư Đảng ủy xã A"):
		// the post (R3 knows the head by it), and the place of work (the leader's unit) unless a column
		// of its own gives it ("Chức vụ, đơn vị công tác" = "Bí thư Đảng ủy xã" | "Đơn vị công tác")
		if (field === 'position_agency') {
			field = 'position';
			if (!merged.includes('agency') && !seen.has('agency')) {
				seen.set('agency', columns.length);
				columns.push({ index: i, field: 'agency', header });
			}
		}
		const prev = seen.get(field);
		// posts in two columns ("Chức vụ chính quyền | Chức vụ đảng"): both are the post (a Bí thư
		// written only in the second is the head), joined at staging
		if (prev !== undefined && field === 'position' && !seen.has('position_more')) {
			seen.set('position_more', columns.length);
			columns.push({ index: i, field: 'position_more', header });
			continue;
		}
		// the stages' scores: the latest stage's (the deciding body's, else the proposal's), whatever
		// their headers rank
		const [st, st0] = [stages.get(i)?.order, prev === undefined ? undefined : stages.get(columns[prev].index)?.order];
		if (st !== undefined && st0 !== undefined) {
			if (st > st0) columns[prev!] = { index: i, field, header };
			continue;
		}
		if (prev !== undefined) {
			const [r, r0] = [rank(field, header), rank(field, columns[prev].header)];
			// scores or levels given by bodies in turn ("Chi bộ chấm | Đảng ủy chấm", "Chi bộ đánh
			// giá | Đảng ủy đánh giá"): the last body's stands
			const byBodies = field === 'score' ? isBodyScore(header) && isBodyScore(columns[prev].header) : field === 'final_level' && isBodyLevel(header) && isBodyLevel(columns[prev].header);
			if (r > r0 || (r === r0 && byBodies)) columns[prev] = { index: i, field, header };
			continue;
		}
		seen.set(field, columns.length);
		columns.push({ index: i, field, header });
	}
	// a register whose decision column names no date ("Quyết định kỷ luật", "Số QĐ": a number, ignored)
	// but holds it ("Số 15-QĐ/UBKT ngày 20/12/2024"), where no column is the date: the date (date_text)
	if (seen.has('discipline_form') && !seen.has('decided_on')) {
		const textAt = (i: number) => headerRows.map((r) => preview[r][i]).filter((c) => c?.trim()).pop() ?? '';
		const at = merged.findIndex((f, i) => !f && /^(so(hieu)?)?(quyetdinh|qd)/.test(alnumKey(textAt(i))) && preview.slice(dataStart).some((r) => DATE_IN_CELL.test(r[i] ?? '')));
		if (at >= 0) columns.push({ index: at, field: 'decided_on', header: textAt(at) });
	}
	// the quarters' or the months' scores and not the year's ("Điểm quý I | … | Điểm quý IV", "Tháng 1
	// … Tháng 12" under "Điểm đánh giá hằng tháng"; NĐ 335: the year's score is their mean): each
	// one's column (score_q1…q4, score_m1…m12), which staging averages into the score
	const scoreCols = merged.flatMap((f, i) => (f === 'score' ? [{ i, h: headerOf(i) || preview[headerRows[0]][i] || '' }] : []));
	const periods = scoreCols.map((c) => ({ ...c, p: scoreRank(c.h) === 0 && !SELF_SCORE.test(fold(c.h)) ? scorePeriod(c.h) : null }));
	if (arePeriods(periods.map((q) => q.p))) {
		columns.splice(columns.findIndex((c) => c.field === 'score'), 1);
		for (const q of periods) columns.push({ index: q.i, field: q.p!, header: q.h });
	}
	// of a score split in parts with no total, a part ("Tiêu chí chung (30 điểm)") is not the
	// score: the sum of QĐ 366's two parts, 30 points general criteria and 70 task results, is
	// (score_general + score_tasks, summed at staging), where the list's best score is no better
	// (a self score, a part); other parts, or one alone, none (a lone "Điểm thực hiện nhiệm vụ" is the
	// score, a lone "Kết quả thực hiện nhiệm vụ (70đ)" is not)
	const scoreAt = columns.findIndex((c) => c.field === 'score');
	const pair = scoreAt >= 0 ? partsPair(scoreCols) : null;
	// (a part among other scores, or one naming its points: "(70đ)")
	const partOnly = (h: string) => merged.filter((f) => f === 'score').length > 1 || partPoints(fold(h)) !== null;
	// (a part, or a self score's part, ranks 0 at most: "Tổng điểm kết quả" is no part)
	const [chosen, chosenRank] = scoreAt >= 0 ? [columns[scoreAt].header, scoreRank(columns[scoreAt].header)] : ['', 0];
	if (pair && ((chosenRank <= 0 && partOf(chosen)) || chosenRank < pair.rank))
		columns.splice(scoreAt, 1, ...pair.cols);
	else if (scoreAt >= 0 && partOnly(chosen) && chosenRank < 0) {
		columns.splice(scoreAt, 1);
		return { dataStart, headerRows, columns, width, unreadScores: scoreCols.map((c) => c.h) };
	}
	return { dataStart, headerRows, columns, width };
}

/**
 * The score columns of a two-row header's second row: those under a group cell naming a score
 * ("Điểm chi bộ đánh giá", merged over its parts: the text stands in its first column only), each
 * named "<group> – <part>". A vertically merged cell (the same text in both rows) starts no group.
 */
function scoreParts(top: string[], below: string[]): Map<number, string> {
	const out = new Map<number, string>();
	let group = '';
	for (let i = 0; i < below.length; i++) {
		const t = top[i]?.trim() ?? '';
		const b = below[i]?.trim() ?? '';
		if (t) group = t !== b && fieldOfHeader(t) === 'score' ? t : '';
		if (group && b) out.set(i, `${group} – ${b}`);
		else if (!b) group = '';
	}
	return out;
}

/** A column under a stage (stageParts): its field, header, and the stage's order. */
interface Stage {
	field: string;
	header: string;
	order: number;
}
const STAGES = ['self_level', 'proposed_level', 'final_level'];

/**
 * QĐ 366's layout: each stage ("Đảng viên tự đánh giá | Chi bộ đề xuất | Đảng ủy quyết định")
 * merged over its "Điểm | Mức xếp loại" (or "Điểm | Xếp loại"). The level column under a stage is
 * the stage's level, named by the stage; the score column a score named "<stage> – Điểm" (the
 * latest stage's is the list's: findHeader). Read as the stages' levels, with the group's text in
 * its first column only, each level was read from its score. Two stages at least (one alone over
 * "Điểm | Xếp loại" reads as a plain level and score); a stage over anything else, none.
 */
function stageParts(top: string[], below: string[]): Map<number, Stage> {
	const groups: Array<{ text: string; cols: number[] }> = [];
	for (let i = 0; i < below.length; i++) {
		const t = top[i]?.trim() ?? '';
		const last = groups[groups.length - 1];
		// (a workbook may repeat a merged cell's text in every column it spans)
		if (last && (!t || alnumKey(t) === alnumKey(last.text))) last.cols.push(i);
		else if (t) groups.push({ text: t, cols: [i] });
	}
	const sub = (i: number) => fieldOfHeader(below[i]?.trim() ?? '');
	const pairs = groups.flatMap((g) => {
		const field = fieldOfHeader(g.text);
		const subs = g.cols.map(sub);
		return field && STAGES.includes(field) && g.cols.length === 2 && subs.includes('score') && subs.includes('final_level') ? [{ ...g, order: STAGES.indexOf(field), field }] : [];
	});
	const out = new Map<number, Stage>();
	if (pairs.length < 2) return out;
	for (const g of pairs)
		for (const i of g.cols)
			out.set(i, sub(i) === 'score' ? { field: 'score', header: `${g.text} – ${below[i].trim()}`, order: g.order } : { field: g.field, header: g.text, order: g.order });
	return out;
}

/** Which of QĐ 366's two parts of the 100 points a score column's part ("<group> – <part>", or the
 * header alone) is: "Tiêu chí chung (30đ)" score_general, "Kết quả thực hiện nhiệm vụ (70đ)"
 * score_tasks; else null. */
function partOf(h: string): 'score_general' | 'score_tasks' | null {
	const f = fold(h.split(' – ').pop() ?? '');
	if (/nhiem vu|ket qua/.test(f) || partPoints(f) === 70) return 'score_tasks';
	return /tieu chi chung/.test(f) || partPoints(f) === 30 ? 'score_general' : null;
}

/** Which of QĐ 366's parts, 30 or 70 points, a folded header names its points of (PART_POINTS); else null. */
function partPoints(f: string): 30 | 70 | null {
	const n = Number(f.match(PART_POINTS)?.[1]);
	return n === 30 || n === 70 ? n : null;
}

/** The two parts of one score group ("Điểm chi bộ chấm" over them, or flat), one of each, with the
 * rank of its group's score (a body's over a self score); of several, the best, the last of equals
 * (the last body's stands). */
function partsPair(scoreCols: Array<{ i: number; h: string }>): { rank: number; cols: HeaderMap['columns'] } | null {
	const groups = new Map<string, Array<{ i: number; h: string; part: string }>>();
	for (const c of scoreCols) {
		const part = partOf(c.h);
		const g = c.h.includes(' – ') ? c.h.slice(0, c.h.lastIndexOf(' – ')) : '';
		if (part) groups.set(g, [...(groups.get(g) ?? []), { ...c, part }]);
	}
	let best: { rank: number; cols: HeaderMap['columns'] } | null = null;
	for (const [g, cols] of groups) {
		if (cols.length !== 2 || cols[0].part === cols[1].part) continue;
		const rank = g ? scoreRank(g) : 1;
		if (!best || rank >= best.rank) best = { rank, cols: cols.map((c) => ({ index: c.i, field: c.part, header: c.h })) };
	}
	return best;
}

/**
 * The bare numbers under a score group naming its periods ("Điểm đánh giá hằng tháng" over "1 | 2 |
 * … | 12", "Điểm các quý" over "I | II | III | IV"), written as the periods ("Tháng 1", "Quý I"):
 * read as numbers, the row was data or a numbering row, and the group's first column month 1's
 * score. Only 1, 2, … in order from the group's first column: a numbering row numbers the table's
 * columns, not from there.
 */
function periodSubHeaders(top: string[], row: string[]): string[] {
	const out = [...row];
	for (let g = 0; g < top.length; g++) {
		const f = fold(top[g] ?? '');
		const kind = /\bthang\b/.test(f) && !/\bquy\b/.test(f) ? 'thang' : /\bquy\b/.test(f) && !/\bthang\b/.test(f) ? 'quy' : null;
		if (!kind || !namesScores(top[g])) continue;
		// the group's span: its cell and the blank ones after it (or, merged in a workbook, repeating it)
		let end = g + 1;
		while (end < row.length && (!top[end]?.trim() || alnumKey(top[end]) === alnumKey(top[g]))) end++;
		const numbers: number[] = [];
		for (let i = g; i < end; i++) {
			const c = fold(row[i] ?? '').trim();
			const n = kind === 'quy' ? ROMAN[c] : /^0?\d{1,2}$/.test(c) ? Number(c) : undefined;
			if (n !== numbers.length + 1 || n > (kind === 'quy' ? 4 : 12)) break;
			numbers.push(n);
		}
		if (numbers.length >= 2) numbers.forEach((n, k) => (out[g + k] = kind === 'quy' ? `Quý ${'I II III IV'.split(' ')[n - 1]}` : `Tháng ${n}`));
		g = end - 1;
	}
	return out;
}

/** A group header naming scores ("Điểm đánh giá hằng tháng"), not a roll-call ("Điểm danh sinh hoạt"). */
function namesScores(h: string): boolean {
	return (fieldOfHeader(h) === 'score' || /\bdiem\b/.test(fold(h))) && !isRollCall(h);
}

/** Two periods' score fields at least, all quarters or all months (score_q… or score_m…), each once. */
function arePeriods(ps: Array<string | null>): boolean {
	return ps.length >= 2 && ps.every(Boolean) && new Set(ps.map((p) => p!.slice(0, 7))).size === 1 && new Set(ps).size === ps.length;
}

// a header naming a month or a quarter and nothing else ("Tháng 1", "Tháng 01", "Q1", "Quý IV")
const PERIOD_ALONE = /^(?:thang\s*0?\d{1,2}|(?:quy|q)\s*\.?\s*(?:iv|iii|ii|i|[1-4]))$/;
// a score as a cell writes it ("92", "88,5", "85,5đ"; not "30.000", đồng)
const SCORE_CELL = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*(?:d|diem)?$/;
const LEVEL_FIELDS = ['final_level', 'cs_level', 'self_level', 'proposed_level'];

/**
 * Columns each named by a period alone ("Tháng 1 | … | Tháng 12", "Quý I | … | Quý IV") that hold
 * scores (mostly numbers 0–100, no other number; a word, "Nghỉ", for a month not scored): the
 * periods' scores (NĐ 335: the year's is their mean, or a year's score column beside them:
 * findHeader). Quarters, taken for the period column by their name, refused every row ("Kỳ đánh giá
 * không rõ": the period column is one, "Quý" holding I, II…); months, no field's, only on a list that
 * rates (a level column) and has no score column: dropped, they left every row with no score.
 */
function periodScores(preview: string[][], headerRows: number[], dataStart: number, fields: Array<string | null>): void {
	const rates = LEVEL_FIELDS.some((f) => fields.includes(f)) && !fields.includes('score');
	const text = (i: number) => headerRows.map((r) => preview[r]?.[i] ?? '').filter((c) => c.trim()).pop() ?? '';
	const width = Math.max(fields.length, ...headerRows.map((r) => preview[r].length));
	// the group cell above a column ("Đảng phí đã đóng" over "Quý I … Quý IV"): its own cell in a row
	// above, or the nearest filled one left of it there whose column goes on below (a group, not a
	// header merged down)
	const group = (i: number): string | null => {
		const own = headerRows.filter((r) => preview[r]?.[i]?.trim()).pop();
		for (const r of headerRows.filter((r) => own !== undefined && r < own).reverse()) {
			let j = i;
			while (j > 0 && !preview[r]?.[j]?.trim()) j--;
			if (preview[r]?.[j]?.trim() && (j === i || headerRows.some((b) => b > r && preview[b]?.[j]?.trim()))) return preview[r][j];
		}
		return null;
	};
	const cols = Array.from({ length: width }, (_, i) => i).filter((i) => (fields[i] === 'period' || (!fields[i] && rates)) && PERIOD_ALONE.test(fold(text(i)).trim()));
	if (!arePeriods(cols.map((i) => scorePeriod(text(i))))) return;
	// under a group, the group decides: scores only under one naming them (not dues, not attendance)
	const other = cols.some((i) => { const g = group(i); return g !== null && !namesScores(g); });
	const cells = cols.flatMap((i) => preview.slice(dataStart).map((r) => fold(r[i] ?? '').trim())).filter(Boolean);
	const numbers = cells.map((c) => Number(c.match(SCORE_CELL)?.[1].replace(',', '.') ?? NaN)).filter((n) => !Number.isNaN(n));
	const scores = numbers.filter((n) => n <= 100).length;
	const otherNumbers = cells.filter((c) => /\d/.test(c)).length - scores;
	// a grid of small counts (1 present, 0 absent; meetings attended) is no score on a 100-point scale
	const counts = numbers.every((n) => n <= 10);
	const scored = !other && scores * 2 > cells.length && !otherNumbers && !counts;
	// not scores, the periods' columns are still no period column of the list's (its rows refused)
	for (const i of cols) fields[i] = scored ? 'score' : fields[i] === 'period' ? null : fields[i];
}

/** The period a score column is of, as its field: "Điểm quý II" score_q2, "Tháng 3" or "Điểm tháng 03"
 * score_m3; else null. */
function scorePeriod(h: string): string | null {
	const p = parsePeriod(h);
	if (p?.kind === 'quarter') return `score_q${p.no}`;
	const f = fold(h);
	// "Tháng 3", "Điểm tháng 03"; "T3" under a group that says the scores are monthly ("Điểm đánh
	// giá hằng tháng" over "T1 … T12")
	const m = Number(f.match(/\bthang\s*0?(\d{1,2})\b/)?.[1] ?? (/\bthang\b/.test(f) ? f.match(/\bt\s*0?(\d{1,2})$/)?.[1] : undefined));
	return m >= 1 && m <= 12 ? `score_m${m}` : null;
}

/** Most filled cells read "Chính thức", "Dự bị" (a member's status, not a level). */
function holdsStatuses(cells: Array<string | undefined>): boolean {
	const filled = cells.filter((c): c is string => !!c && !!c.trim());
	return filled.length > 0 && filled.filter((c) => /^(dang vien |dv )?(chinh thuc|du bi)\b/.test(fold(c).trim())).length * 2 > filled.length;
}

/** Among level columns: a later "X quyết định" beats an earlier generic "Xếp loại" group cell; on
 * a leader list "Xếp loại cán bộ lãnh đạo, quản lý" beats "Xếp loại chất lượng đảng viên" (the
 * member rating, another subject), whatever the order. 0–3. */
function levelRank(h: string, subject: SubjectKind | null): number {
	const f = fold(h);
	// (a list the title does not name the subjects of, with a leaders' level column, is a leader list)
	const ofSubject = subject === 'leader' || subject === null ? (/lanh dao|quan ly/.test(f) ? 2 : /dang vien/.test(f) ? 0 : 1) : 1;
	// "Xếp loại quý I | … | Xếp loại năm": the year's column is the list's level (a quarter's is not)
	if (/\bquy\b/.test(f) && !/ca nam|\bnam\b/.test(f)) return 0;
	return ofSubject + (/quyet dinh|ca nam|\bnam\b/.test(f) ? 1 : 0);
}

/** Among score columns the list's score is the total, the deciding body's, the year's: "Tổng
 * điểm", "Cộng", "Điểm Đảng ủy chấm", "Điểm … quyết định", "Điểm trung bình năm", "Điểm cả năm" (2)
 * over a plain "Điểm" (1) over the self score or a quarter's ("Điểm Quý I", 0) over a part
 * ("Tiêu chí chung (30 điểm)": -1, never the list's score). */
const SELF_SCORE = /tu cham|tu danh gia|tu cho diem|ca nhan cham/;
const isBodyScore = (h: string) => !SELF_SCORE.test(fold(h)) && /\bcham\b|quyet dinh/.test(fold(h));
const isBodyLevel = (h: string) => /(chi bo|dang bo|dang uy|cap uy|chi uy|thuong vu|tham quyen|cap tren) (quyet dinh|danh gia)$/.test(fold(h).trim());
/** The points a folded header gives its part of the 100, as units write them: "(30 điểm)", "(70đ)",
 * "(30 đ)", "(tối đa 30 điểm)", "… 30đ" at its end (not "(100 điểm)"). */
const PART_POINTS = /(?:\(\s*(?:toi da\s*)?|\btoi da\s*|\s)([1-9]\d?)\s*d(?:iem)?\s*(?:\)|$)/;
/** A part of the 100 points: a criterion, or one naming its points. */
const SCORE_PART = new RegExp(`${PART_POINTS.source}|tieu chi|nhiem vu|ket qua`);

function scoreRank(h: string): number {
	const f = fold(h).trim();
	if (SELF_SCORE.test(f)) return 0;
	// a total: "Tổng điểm", "… – Tổng số", "Cộng", the mean or the year's
	if (/tong|\bcong$|trung binh|binh quan|ca nam|\bnam\b/.test(f)) return 2;
	if (SCORE_PART.test(f)) return -1;
	// a quarter's or a month's ("Điểm Quý I"): the list's score only when it is the one score
	if (/\bquy\b|\bthang\b/.test(f)) return 0;
	return isBodyScore(h) ? 2 : 1;
}

/** A "Năm sinh"/"Ngày sinh" group cell over sub-headers that split the birth: "Nam | Nữ" (births by
 * sex: birth, birth_female) or "Ngày | Tháng | Năm" (the date in three: birth, birth_month,
 * birth_year, joined at staging); its column and the fields, or null. */
function birthSplit(top: Array<string | null>, row: string[]): { at: number; fields: string[] } | null {
	const bySex = (i: number) => sexHeader(row[i] ?? '') === 'nam' && sexHeader(row[i + 1] ?? '') === 'nu';
	const byParts = (i: number) => ['ngay', 'thang', 'nam'].every((w, k) => alnumKey(row[i + k] ?? '') === w);
	for (let i = 0; i + 1 < row.length; i++) {
		const fields = bySex(i) ? ['birth', 'birth_female'] : byParts(i) ? ['birth', 'birth_month', 'birth_year'] : null;
		// (a workbook's merged "Năm sinh" repeats in the cells after the first)
		if (top[i] === 'birth' && fields && fields.every((_, k) => !k || !top[i + k] || top[i + k] === 'birth')) return { at: i, fields };
	}
	return null;
}

/**
 * A name over two columns: "Họ và tên" merged over "Họ (đệm) | Tên" leaves the second header cell
 * empty with names below it; "Họ đệm | Tên" or "Họ | Tên" name both. The first is the full_name
 * column (family part), the second given_name, which staging joins after it.
 */
function splitName(preview: string[][], headerRows: number[], dataStart: number, fields: Array<string | null>): void {
	const cell = (r: number, i: number) => (preview[r]?.[i] ?? '').trim();
	for (let i = 0; i + 1 < Math.max(fields.length, ...headerRows.map((r) => preview[r].length)); i++) {
		const family = headerRows.map((r) => cell(r, i)).filter(Boolean);
		if (fields[i] === 'full_name' && !fields[i + 1] && headerRows.every((r) => !cell(r, i + 1))) {
			// only when the rows below hold words there, not an empty or numbered column
			const below = preview.slice(dataStart, dataStart + 3).map((row) => (row[i + 1] ?? '').trim());
			if (below.some(Boolean) && below.every((v) => !v || /^\p{L}[\p{L}\s]*$/u.test(v))) fields[i + 1] = 'given_name';
		} else if (!fields[i] && fields[i + 1] === 'given_name' && family.some(isFamilyNameHeader)) fields[i] = 'full_name';
	}
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

/** Period text as in a "Kỳ đánh giá"/"Quý" cell or a title: "Quý III", "Q2", "Nhiệm kỳ 2020–2025", "Năm". */
export function parsePeriod(text: string): { kind: PeriodKind; no: number; year?: number } | null {
	const t = fold(text).replace(/[–—]/g, '-');
	const term = t.match(/nhiem ky\s*(\d{4})\s*-\s*(\d{4})/);
	if (term) return { kind: 'term', no: Number(term[1]), year: Number(term[2]) };
	// "Quý IV và cả năm 2025": the year's rating, which quarter IV is folded into (QĐ 366)
	const whole = t.match(/\bca nam\b(?:\s*(?:[/.-]|nam)?\s*((?:19|20)\d{2})\b)?/);
	if (whole) return { kind: 'year', no: 0, ...(whole[1] ? { year: Number(whole[1]) } : {}) };
	// "Quý III", "Q3", "Quý III/2025", "Q3-2025", "Quý III năm 2025": the year when it follows
	const q = t.match(/(?:^|\b)(?:quy|q)\s*\.?\s*(iv|iii|ii|i|[1-4])\b(?:\s*(?:[/.-]|nam)\s*((?:19|20)\d{2})\b)?/);
	if (q) return { kind: 'quarter', no: ROMAN[q[1]], ...(q[2] ? { year: Number(q[2]) } : {}) };
	if (/^(ca )?nam\b|^hang nam|^year/.test(t)) return { kind: 'year', no: 0 };
	return null;
}

/** A bare quarter ("III", "3") in a column headed "Quý"/"Quarter": that quarter. */
export function parseBareQuarter(text: string, header: string): { kind: PeriodKind; no: number } | null {
	const n = ROMAN[fold(text).replace(/[.)]$/, '').trim()];
	return n && /^(quy|quarter)\b/.test(fold(header)) ? { kind: 'quarter', no: n } : null;
}

/** A sheet named by a period and nothing else ("Quý I", "Q1", "Quy 2", "QUÝ III-2025", "Quý 3 năm
 * 2025", "Cả năm", "Năm 2025"): that period, and its year when named. A name holding more names a
 * unit, whose name may hold such words ("Ấp Năm Căn", "Thôn Quý Xuân"): none. */
export function parseSheetPeriod(name: string): { kind: PeriodKind; no: number; year?: number } | null {
	// ("Q.1", "Q.3": a quận of Hồ Chí Minh City, not a quarter; "Nam" alone, a place: "Năm" is the year)
	const m = fold(name).trim().match(/^(?:(?:qu[yi]\s*\.?|q)\s*(iv|iii|ii|i|[1-4])|(?:ca\s+)?nam)(?:\s*(?:[/._-]|nam)?\s*\(?((?:19|20)\d{2})\)?)?$/);
	if (!m || (!m[1] && !m[2] && /^nam$/i.test(name.normalize('NFC').trim()))) return null;
	return { kind: m[1] ? 'quarter' : 'year', no: m[1] ? ROMAN[m[1]] : 0, ...(m[2] ? { year: Number(m[2]) } : {}) };
}

const SUBJECT_IN_TITLE: Array<[RegExp, SubjectKind]> = [
	// "TẬP THỂ CHI ỦY CÁC CHI BỘ", "TẬP THỂ BAN THƯỜNG VỤ": a leadership collective
	[/tap the (lanh dao|chi uy|cap uy|dang uy|ban thuong vu|ban chap hanh|thuong truc)/, 'leadership'],
	// "CÁN BỘ THUỘC DIỆN BAN THƯỜNG VỤ HUYỆN ỦY QUẢN LÝ": leaders by who manages them
	[/(ca nhan|can bo) lanh dao|can bo (thuoc )?dien .*quan ly|(dang|cap) uy vien/, 'leader'],
	// "KẾT QUẢ ĐÁNH GIÁ CÁN BỘ QUÝ I NĂM 2026": cadres assessed by quarter (QĐ 366), not "cán bộ, công chức"
	[/(danh gia|xep loai)( chat luong)? can bo(?!,? (cong chuc|vien chuc|dang vien))/, 'leader'],
	[/(cong chuc|vien chuc|cbccvc)/, 'civil_servant'],
	[/to chuc (co so )?dang/, 'party_org'],
	[/dang vien/, 'member']
];

const AGENCY = new RegExp(`^(${AGENCY_WORDS})\\b`);
const LOCALITY_LINE = /^(xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh|dac khu)\s+\S/;
const UNIT_PREFIX = /^(chi bo|dang bo|dang uy|huyen uy|thi uy|quan uy|thanh uy|tinh uy|ban thuong vu|cb |db )\b/;
const INSPECTION_COMMITTEE = /^\s*(?:(?:ủy|uỷ) ban kiểm tra|ubkt)\s+(?=\S)/iu;
// the list's period written after a unit's name ("Chi bộ thôn 1 - Năm 2025", "… (NĂM 2025)", "… QUÝ
// III", "… NHIỆM KỲ 2020-2025"): no part of the name. (A name's own "Năm" carries no year: "Chi bộ
// ấp Năm Căn".) `\b` after "quý", "kỳ" would never match: ý, ỳ are no \w.
const PERIOD_WORDS = String.raw`năm(?:\s+học)?\s*:?\s*\d{4}|quý\s+(?:[ivx]+|\d)(?![\p{L}\d])|nhiệm kỳ(?![\p{L}\d])`;
const PERIOD_TAIL = new RegExp(String.raw`\s*(?:[-–—(,:]\s*)?(?:${PERIOD_WORDS}).*$`, 'iu');
/** The chi bộ a list's title names: "DANH SÁCH ĐẢNG VIÊN CHI BỘ THÔN A NĂM 2025" (not "… CÁC CHI BỘ",
 * "… CHI BỘ TRỰC THUỘC", nor "… CHI BỘ NĂM 2025": the chi bộ the lines above name). */
const TITLE_CHI_BO = new RegExp(String.raw`(?<!\b(các|những)\s+)(chi bộ\s+(?!\s|trực thuộc\b|cơ sở(?![\p{L}\d])|${PERIOD_WORDS}).+?)(?=\s*[-–—]?\s*(?:${PERIOD_WORDS})|\s*[(,]|$)`, 'iu');

// the body a list's units belong to, before the period or a note: "… TRỰC THUỘC ĐẢNG ỦY XÃ A NHIỆM KỲ
// 2020 - 2025" (PERIOD_WORDS: `\b` is ASCII's, it never matched after "quý", "nhiệm kỳ")
const TITLE_ABOVE = new RegExp(String.raw`\btrực thuộc\s+((?:đảng bộ|đảng ủy|tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy)(?:\s.+?)?)(?=\s*[-–—]?\s+(?:${PERIOD_WORDS})|\s+(?:sau|trước|từ)\s|\s*[(,:]|$)`, 'iu');

/** The date of the decision a folded line says the list goes with, ISO ("(Kèm theo Quyết định số 51-QĐ/ĐU
 * ngày 10/12/2025 …)"; a chi bộ cơ sở decides by resolution, "Kèm theo Nghị quyết số 12-NQ/CB ngày …", 000
 * §2.2; "Ngày quyết định: 08/12/2025"), above the table or below it (stage.ts), or null. (ISO: a
 * month-first file's date cells are swapped, not this.) */
export function decisionDateOf(folded: string): string | null {
	const m = folded.match(/\b(?:(?:kem theo|ban hanh kem theo) (?:quyet dinh|qd|nghi quyet|nq)\b.*?\bngay|\bngay (?:ra |ky )?(?:quyet dinh|qd|nghi quyet|nq)\s*:)\s*(\d{1,2})\s*(?:[/.-]|thang)\s*(\d{1,2})\s*(?:[/.-]|nam)\s*(\d{4})\b/);
	return m ? `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}` : null;
}

/** A folded title line "…, ngày 17 tháng 11 năm 2020": a signing date, not the round's year (prefer
 * list titles). The day is often left blank to be filled by hand ("ngày     tháng 01 năm 2025"). */
export function isSigningDateLine(folded: string): boolean {
	return /\bngay\b[^a-z]*\bthang\b[^a-z]*\bnam\b/.test(folded);
}

/** The date of a folded cell holding a place-date line and nothing else ("Đoàn Kết, ngày 10 tháng 12
 * năm 2026", "Thôn 1, ngày 15/12/2024", "Ngày 05 tháng 12 năm 2026"), ISO, or null: a day left blank to
 * fill by hand, an impossible date, a date inside other words ("tính đến ngày …", "Căn cứ … ngày … của …"). */
export function signingDateOf(folded: string): string | null {
	const m = folded.match(/^\W*(?:[^,]{1,40},\s*)?ngay\s*(\d{1,2})\s*(?:thang|[/.-])\s*(\d{1,2})\s*(?:nam|[/.-])\s*(\d{4})\W*$/);
	if (!m) return null;
	const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCMonth() === mo - 1 && date.getUTCDate() === d ? date.toISOString().slice(0, 10) : null;
}

export function readTitle(preview: string[][], headerRow: number): TitleInfo {
	const lines = preview
		.slice(0, headerRow)
		.map((r) => r.filter((c) => c && c.trim()).join(' ').trim())
		.filter(Boolean);
	const info: TitleInfo = { year: null, period: null, subjectKind: null, unitNames: [], lines, partialYear: null, decidedOn: null, signedOn: null, agency: null, deciderLevel: null, asOf: null };
	const isRatingLine = (f: string) => /(xep loai|danh gia|kiem diem)/.test(f);
	let termEnd: number | null = null;
	for (const [i, line] of lines.entries()) {
		const f = fold(line);
		const isDateLine = isSigningDateLine(f);
		// a note in brackets or an attachment line ("(Sau khi tổng hợp kết quả các quý I, II, III)",
		// "(Kèm theo Báo cáo … quý IV)") names no period of the list
		const isNote = /^\W*\(|^\W*kem theo\b/.test(f);
		info.decidedOn = decisionDateOf(f) ?? info.decidedOn;
		info.deciderLevel ??= titleDeciderLevel(f);
		const y = f.match(/\bnam (\d{4})\b/);
		if (y && !isDateLine) info.year = Number(y[1]);
		// "NĂM HỌC 2023-2024" ("NĂM HỌC: 2023 - 2024", "NH 2023-2024"): the school year ended in the
		// year (RULES.md R8, education staff)
		// "DANH SÁCH ĐẢNG VIÊN (tính đến ngày 31/3/2025)": a roster as of that day, of its year
		const asOf = f.match(/\b(?:tinh )?(?:den|toi) ngay\s*(\d{1,2})\s*(?:[/.-]|thang)\s*(\d{1,2})\s*(?:[/.-]|nam)\s*(\d{4})\b/);
		if (asOf && info.year === null) info.year = Number(asOf[3]);
		// "DANH MỤC … SAU SẮP XẾP (từ ngày 01/7/2025)": the day it stands from, unless one says "đến ngày"
		const since = f.match(/\btu ngay\s*(\d{1,2})\s*(?:[/.-]|thang)\s*(\d{1,2})\s*(?:[/.-]|nam)\s*(\d{4})\b/);
		const day = asOf ?? (info.asOf ? null : since);
		if (day) info.asOf = `${day[3]}-${day[2].padStart(2, '0')}-${day[1].padStart(2, '0')}`;
		const school = f.match(/\b(?:nam hoc|nh)\s*:?\s*(\d{4})\s*[-–—/]\s*(\d{4})\b/);
		if (school && !isDateLine) info.year = Number(school[2]);
		// "6 THÁNG ĐẦU NĂM 2025", "9 THÁNG NĂM 2025": neither a year nor a quarter (load.ts refuses it)
		// (not a note: "(Đảng viên mới kết nạp dưới 6 tháng năm 2025 …)"; not "12 THÁNG")
		if (!isDateLine && !isNote && isRatingLine(f) && /(?<!(duoi|du|chua du|khong du) )\b(6|06|9|09) thang (dau |cuoi )?nam \d{4}\b/.test(f))
			info.partialYear = line.replace(/\s+/g, ' ');
		// A term is the list's period only when the line is about the rating ("xếp loại … nhiệm
		// kỳ 2020–2025", no year or quarter before the term), or names the term alone right under a
		// rating title that names no year or quarter, none below naming one either ("DANH SÁCH XẾP
		// LOẠI TẬP THỂ LÃNH ĐẠO" ⏎ "NHIỆM KỲ 2020–2025"). "NHIỆM KỲ 2025 - 2030" under the unit's
		// name, or with a "… NĂM 2025" / "… QUÝ III" title, names the cấp ủy's term.
		const names = (g: string) => /\b(nam \d{4}|quy)\b/.test(g);
		const prev = i > 0 ? fold(lines[i - 1]) : '';
		const isTerm = (/(xep loai|danh gia|kiem diem).*nhiem ky/.test(f) && !/\b(nam \d{4}|quy)\b.*nhiem ky/.test(f))
			|| (/^\W*nhiem ky/.test(f) && isRatingLine(prev) && !names(prev) && !lines.slice(i + 1).some((l) => isRatingLine(fold(l)) && names(fold(l))));
		const t = parsePeriod(f.match(/nhiem ky.*$/)?.[0] ?? '');
		const p = parsePeriod(f.replace(/\(?\s*nhiem ky\s*\d{4}\s*[-–—]\s*\d{4}\s*\)?/g, '').replace(/^.*?(?=quy|ca nam)/, ''));
		if (t?.kind === 'term' && isTerm) {
			info.period = { kind: 'term', no: t.no };
			termEnd = t.year ?? null;
		} else if (p && p.kind !== 'term' && /quy|ca nam/.test(f) && !isNote && !/cac quy\b/.test(f)) {
			info.period = p.kind === 'year' ? null : { kind: p.kind, no: p.no };
			if (p.year && !isDateLine) info.year = p.year;
		}
		if (!info.subjectKind && /(danh sach|xep loai|ket qua|danh gia)/.test(f)) {
			const hits = [...new Set(SUBJECT_IN_TITLE.filter(([re]) => re.test(f)).map(([, k]) => k))];
			// "CÁN BỘ LÃNH ĐẠO, QUẢN LÝ LÀ ĐẢNG VIÊN": leaders, who are members too
			const kinds = hits.includes('leader') ? hits.filter((k) => k !== 'member') : hits;
			if (kinds.length === 1) info.subjectKind = kinds[0];
		}
	}
	// a term's year is its last year, whatever year another line names
	if (info.period?.kind === 'term' && termEnd !== null) info.year = termEnd;
	// Cells of the title area that name a unit ("ĐẢNG BỘ XÃ A", "CHI BỘ THÔN B") or an agency
	const agencies: string[] = [];
	for (const [ri, r] of preview.slice(0, headerRow).entries())
		for (const [ci, cell] of r.entries()) {
			// an inspection committee's register names its đảng ủy after the committee ("ỦY BAN KIỂM TRA
			// ĐẢNG ỦY XÃ A", "UBKT HUYỆN ỦY B"): the unit is the đảng ủy's
			const c = (cell ?? '').normalize('NFC').replace(INSPECTION_COMMITTEE, '');
			const f = fold(c);
			info.signedOn ??= signingDateOf(f);
			// "CHI BỘ: THÔN 1" names "Chi bộ thôn 1"; a line of the minutes above a list ("Chi bộ tổ chức
			// hội nghị … ngày 20/11/2024") names none
			if (UNIT_PREFIX.test(f) && f.length < 80 && !/cong san viet nam|\bhoi nghi\b|\bvao luc\b|\d{1,2}[/.-]\d{1,2}[/.-]\d{4}/.test(f)) info.unitNames.push(c.trim().replace(/^([^:]{4,20}?)\s*:\s*/, '$1 ').replace(PERIOD_TAIL, ''));
			// "Đơn vị: Chi bộ thôn A - Đảng bộ xã B", "Tên đơn vị: …" (a software export's header lines)
			else if (/^(ten )?(don vi|to chuc dang)\s*:/.test(f) && f.length < 120) {
				const named = c.trim().replace(/^[^:]*:\s*/, '').replace(PERIOD_TAIL, '');
				if (UNIT_PREFIX.test(fold(named))) info.unitNames.push(named);
			}
			// the chi bộ inside a list's title (TITLE_CHI_BO)
			else if (/^(danh sach|danh muc|ket qua|bang|tong hop)\b/.test(f) && f.length < 160) {
				const m = c.trim().match(TITLE_CHI_BO);
				// the unit a list's units belong to: "DANH MỤC TỔ CHỨC ĐẢNG TRỰC THUỘC ĐẢNG BỘ TỈNH (SAU SẮP XẾP)"
				const above = c.normalize('NFC').trim().match(TITLE_ABOVE);
				if (m) info.unitNames.push(m[2]);
				else if (above) info.unitNames.push(above[1]);
			}
			// a state agency ("UBND XÃ BÙ ĐĂNG"; "Số: 12/BC-UBND" is the document's number)
			// a letterhead of two lines, "ỦY BAN NHÂN DÂN" over "XÃ BÙ ĐĂNG": one agency, the locality's
			// (not a register's title, "SỔ THEO DÕI KỶ LUẬT": "Sổ" folds as "Sở" does; nor the place-date
			// line beside it, whose place may open like one: "Đoàn Kết, ngày …", "Phong Phú, ngày …")
			else if (AGENCY.test(f) && f.length < 80 && !f.includes(':') && !/^sổ\s/iu.test(c.trim()) && !/^so (theo doi|ky luat|dang ky)\b/.test(f) && !isSigningDateLine(f) && !signingDateOf(f)) {
				const below = ri + 1 < headerRow ? (preview[ri + 1][ci] ?? '').normalize('NFC').trim() : '';
				const bare = /^(uy ban nhan dan|ubnd|hoi dong nhan dan|hdnd)$/.test(f.trim());
				agencies.push(bare && LOCALITY_LINE.test(fold(below)) ? `${c.trim()} ${below}` : c.trim());
			}
		}
	if (agencies.length) info.agency = agencies.join(' / ');
	return info;
}

type DeciderLevel = 'chi_bo' | 'dang_uy' | 'huyen_uy' | 'thanh_uy' | 'tinh_uy';

/** The level of a body above the grassroots a folded text names ("Ban Thường vụ Huyện ủy"), or null. */
function upperLevel(f: string): DeciderLevel | null {
	if (/\btinh uy\b/.test(f)) return 'tinh_uy';
	// (a đảng ủy khối, a đảng ủy cấp trên cơ sở: the level of a huyện ủy)
	if (/\b(huyen|quan|thi) uy\b|\bdang uy (khoi|cap tren)\b/.test(f)) return 'huyen_uy';
	if (/\bthanh uy\b/.test(f)) return 'thanh_uy';
	return null;
}

/**
 * The level of the body a list's level column names as deciding ("Chi bộ quyết định", "BTV Đảng ủy
 * quyết định", "Ban Thường vụ Huyện ủy quyết định"): the rows' deciding body, where no "Cấp quyết
 * định" column names it, is the row's unit or its nearest ancestor of that level (rating.sql,
 * default_decider). A commune's list of the cadres its own Ban Thường vụ manages is decided there, not
 * by the body above the commune that decides its leaders by default. Null: the header names none
 * ("Xếp loại", "Cấp có thẩm quyền quyết định", "BTV quyết định"); then the title may
 * (TitleInfo.deciderLevel).
 */
export function deciderLevelOf(header: string): DeciderLevel | null {
	const f = fold(header);
	if (!/\b(quyet dinh|danh gia)\b/.test(f)) return null;
	const upper = upperLevel(f);
	if (upper) return upper;
	// (a grassroots đảng ủy: "Đảng ủy", "Đảng ủy xã, phường, cơ sở"; not "Đảng ủy Công an tỉnh", a
	// body above the grassroots, left to the default)
	if (/\bdang uy (xa |phuong |thi tran |co so )?(quyet dinh|danh gia)\b/.test(f)) return 'dang_uy';
	if (/\bchi (bo|uy)\b/.test(f)) return 'chi_bo';
	return null;
}

/**
 * The level of the body a list's title names as deciding, folded: the body that manages the cadres
 * listed ("(Thuộc diện Ban Thường vụ Đảng ủy xã quản lý)", "CÁN BỘ DIỆN BTV TỈNH ỦY QUẢN LÝ": it rates them, seed 000 §B.2.3) or that issued
 * the decision, or the notice of results, the list is attached to ("Kèm theo Quyết định số 45-QĐ/ĐU
 * ngày … của Ban Thường vụ Đảng ủy xã A", "Kèm theo Thông báo số 12-TB/ĐU …"). Not a chi bộ's resolution ("Kèm theo Nghị quyết … của Chi bộ"): a chi bộ under a
 * đảng ủy resolves what it proposes. Null when no line names one.
 */
function titleDeciderLevel(f: string): DeciderLevel | null {
	// ("Căn cứ Quy chế … ban hành kèm theo Quyết định số 123-QĐ/TU … của Ban Thường vụ Tỉnh ủy"
	// cites another document's body: the attachment line opens with "Kèm theo")
	if (/^\W*(can cu|xet|theo|thuc hien)\b/.test(f)) return null;
	// the body that manages the cadres, however the title says so: "thuộc diện …", "diện …" (no
	// "thuộc"), "do … quản lý", or the body alone before it ("CÁN BỘ BTV HUYỆN ỦY QUẢN LÝ"); not a
	// "lãnh đạo, quản lý" the lazy match reached first
	const managed = f.match(/\b(?:(?<!\bdai )dien|do)\s+(.+?)\s+quan ly\b/)?.[1] ?? f.match(/\b((?:ban thuong vu|btv|ban chap hanh|bch|thuong truc)\s.+?)\s+quan ly\b/)?.[1];
	const body =
		(managed && !/\blanh dao\b/.test(managed) ? managed : undefined) ??
		f.match(/^\W*(?:ban hanh )?kem theo (?:quyet dinh|qd|thong bao|tb)\b.*?\bcua (.+?)(?:\s+ve\b|\s*\)|$)/)?.[1];
	if (!body) return null;
	const upper = upperLevel(body);
	if (upper) return upper;
	// a grassroots đảng ủy, by name or not ("Đảng ủy", "BTV Đảng ủy xã A"; an agency's, "BTV Đảng ủy Sở
	// (Tài chính)", "Đảng ủy cơ quan …", "Đảng ủy Bệnh viện …"; not "Đảng ủy Công an tỉnh")
	if (/^(ban thuong vu |btv |ban chap hanh |bch )?dang uy( (xa|phuong|thi tran|co so|so|co quan|benh vien|truong|cong ty|trung tam)\b.*)?$/.test(body.trim()) && !/\b(cong an|quan su|bien phong)\b/.test(body)) return 'dang_uy';
	return null;
}

/** The file kind from its columns; null when the columns fit none. */
export function detectKind(fields: Set<string>, title: TitleInfo): FileKind | null {
	const has = (f: string) => fields.has(f);
	const level = has('final_level') || has('self_level') || has('proposed_level');
	// a register carries no level: a rating list may note a discipline, it stays a rating list
	if (has('discipline_form') && !level) return 'discipline';
	// "Tự xếp loại | Xếp loại công chức, viên chức" with no Party level (no proposal, no decision):
	// a civil-servant list, whose level rating.sql reads from the cs column
	if (has('cs_level') && has('full_name') && !has('final_level') && !has('proposed_level') && title.subjectKind !== 'member' && title.subjectKind !== 'leader')
		return 'civil_servant';
	if (level && title.subjectKind === 'civil_servant' && !has('cs_level')) return 'civil_servant';
	if (!level && has('cs_level') && has('full_name')) return 'civil_servant';
	if (level && (has('full_name') || has('unit_name') || has('unit_code'))) return 'rating';
	// a score is rated, not listed: a list of names with scores is a rating list, never a roster
	if (has('score') && (has('full_name') || has('unit_name') || has('unit_code'))) return 'rating';
	if (has('full_name') && (has('joined_party_on') || has('status') || has('card_no') || has('birth'))) return 'roster';
	const registryOnly = ['unit_kind', 'parent', 'founded_on', 'dissolved_on', 'merged_into', 'renamed_to', 'formed_from', 'split_from', 'renamed_from', 'lineage_on', 'lineage_form', 'prior_units'];
	if ((has('unit_code') || has('unit_name')) && registryOnly.some(has)) return 'registry';
	return null;
}

// The Party's bodies as decision numbers name them after "QĐ" ("15-QĐ/UBKT", "12-QĐ/ĐU"; "05/QĐ-UBKT"
// as clerks also write it); any other body after "/QĐ-" is the State's ("45/QĐ-UBND", "78/QĐ-STC").
const PARTY_BODY = /^(tw|tu|thu|hu|qu|du|duk|ducs|cb|db|ubkt\w*|btv\w*|bch\w*)$/;
/** The decision numbers folded cells give: the State's form "number/QĐ-body", the Party's "number-QĐ/body". */
function decisionNumbers(cells: string[]): { state: boolean; party: boolean } {
	let state = false;
	let party = false;
	for (const c of cells) {
		const f = fold(c);
		if (!f.includes('qd')) continue;
		if (/\d\s*-\s*qd\s*\/\s*[a-z]/.test(f)) party = true;
		for (const m of f.matchAll(/\d\s*\/\s*(?:\d{4}\s*\/\s*)?qd\s*-\s*([a-z][a-z0-9]*)/g)) {
			if (PARTY_BODY.test(m[1])) party = true;
			else state = true;
		}
	}
	return { state, party };
}

/**
 * A discipline register the State's own body keeps (a Sở's, a People's Committee's), whose one form
 * column holds the State's forms (NĐ 335 reads them for the civil-servant rating), not the Party's:
 * its file says so — an agency letterhead ("UBND TỈNH … / SỞ TÀI CHÍNH"), a title naming cán bộ,
 * công chức, viên chức disciplined, or decision numbers of a State body ("45/QĐ-UBND"); the motto
 * alone does not — and nothing says the Party's: a party unit or UBKT in the letterhead, "Đảng Cộng
 * sản", "đảng viên", "kỷ luật Đảng" in a title line, a Party body's decision number ("15-QĐ/UBKT"),
 * a unit column naming party units ("Chi bộ thôn 2"). A mass
 * organisation's letterhead ("HỘI …", "ĐOÀN …") is no State's. `preview`: the file's first rows, title and data.
 */
export function isStateRegister(title: TitleInfo, header: HeaderMap, preview: string[][]): boolean {
	// ("Kính gửi: Đảng ủy Sở …": whom the State's register is sent to, not who keeps it)
	const lines = title.lines.map(fold).filter((l) => !/^kinh gui\b/.test(l));
	// (not a note's: "đã bị kỷ luật Đảng theo QĐ 12-QĐ/UBKT" beside the State's decision)
	const notes = new Set(header.columns.filter((c) => c.field === 'note').map((c) => c.index));
	const numbers = decisionNumbers(preview.flatMap((r, ri) => r.filter((c, i) => c && !(ri >= header.dataStart && notes.has(i)))));
	// a unit column whose cells name party units ("Chi bộ thôn 2"): the rows are the Party's, whatever
	// the title says (a chi bộ clerk's "cán bộ bị kỷ luật", the State's motto put on by mistake)
	const units = header.columns.filter((c) => c.field === 'unit_name' || c.field === 'parent').map((c) => c.index);
	const partyUnits = preview.slice(header.dataStart).some((r) => units.some((i) => UNIT_PREFIX.test(fold(r[i] ?? '').trim())));
	const party =
		title.unitNames.length > 0 || numbers.party || partyUnits ||
		lines.some((l) => /\b(dang cong san|dang vien|to chuc dang|ky luat (ve )?dang|uy ban kiem tra|ubkt|dang (bo|uy)|chi (bo|uy)|(tinh|thanh|huyen|quan|thi|cap) uy)\b/.test(l));
	if (party) return false;
	const agency = title.agency !== null && title.agency.split(' / ').some((a) => !/^(hoi|doan|mat tran|ubmttq|uy ban mat tran)\b/.test(fold(a)));
	const staff = lines.some((l) => /\b(can bo|cong chuc|vien chuc|cbccvc)\b/.test(l) && /\bky luat\b/.test(l));
	// (the State's motto alone says nothing: chi bộ clerks head their registers with it too)
	return agency || staff || numbers.state;
}
