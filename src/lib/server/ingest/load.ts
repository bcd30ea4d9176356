// Loads a batch of files of one kind: stage → resolve units → normalise → validate (prepareBatch,
// temp tables only, before the caller's transaction where it can) → identity → merge (writeBatch,
// inside it). Set-based over the whole batch, so a thousand small lists
// cost about what one large list does. A file with any refused row is left out whole (its rows
// removed before the merge) and reported; the others go in. The SQL of each step lives in
// sql/ingest/<kind>.sql, split on "-- step: name" markers; per-file settings (default year,
// period, title unit…) are the temp table file_ctx, joined by part_id.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trace } from '../trace';
import { fold } from '../../domain/anomaly';
import { fmtDate, fmtPeriod, fmtQuarter } from '../../format';
import { isValidTerm, type FileKind, type PeriodKind, type SubjectKind } from '../../domain/levels';
import { type Db, ROOT, sqlFile } from '../db';
import { FIELDS, alnumKey, fieldOfHeader, levelKey, sideField } from './fields';
import { findHeader, isNumberingRow, isSigningDateLine, isSubHeader, readTitle, detectKind, isStateRegister, deciderLevelOf, yearNamed, parsePeriod, parseBareQuarter, parseSheetPeriod, type HeaderMap, type TitleInfo } from './header';
import { IngestError, RefusedError, formatRowError, type RowError } from './errors';
import { pickRulebook, RulebookError } from '../rules/rulebook';
import { colName } from '../generate/xlsx';
import { withRows, type SourceTable } from './read';
import { LEAVE_MONTHS, SECTION_NUMBER, SECTION_UNIT_WORDS, stage } from './stage';

/** The named steps of an ingest SQL file, in file order. */
export function sqlSteps(rel: string): Map<string, string> {
	const parts = sqlFile(rel).split(/^-- step: (\w+)[ \t]*$/m);
	const steps = new Map<string, string>();
	for (let i = 1; i < parts.length; i += 2) steps.set(parts[i], parts[i + 1].trim());
	return steps;
}

export interface LoadOptions {
	year?: number;
	/** the period of every list loaded (--period), over the titles' and for lists naming none */
	period?: { kind: PeriodKind; no: number; year?: number };
	unit?: string;
	kind?: FileKind;
	scopePath: string;
	loadedBy?: string;
	/** told when each step begins (Vietnamese step name), for the CLI's progress line */
	onStep?: (step: string) => void;
}

export interface Prepared {
	src: SourceTable;
	header: HeaderMap;
	title: TitleInfo;
	kind: FileKind;
}

/** Subjects a cell names when it heads their levels: a group cell "Tổ chức đảng" / "Tập thể lãnh
 * đạo" over level columns (or x marks), or a level column naming one ("Xếp loại tập thể lãnh đạo"). */
const SUBJECT_GROUPS: Array<[RegExp, SubjectKind]> = [
	[/^(xep loai |ket qua (xep loai )?)?(chat luong )?to chuc (co so )?dang$/, 'party_org'],
	[/^(xep loai |ket qua (xep loai )?)?(chat luong )?tap the lanh dao(,? quan ly)?$/, 'leadership']
];
const isLevelHeader = (c: string | undefined) => ['final_level', 'self_level', 'proposed_level'].includes(fieldOfHeader(c ?? '') ?? '');
/** The subject a level or score column names in its own words, wherever it stands ("Điểm tập thể
 * lãnh đạo", "Xếp loại TTLĐ", "Tự xếp loại tập thể", "Đề xuất xếp loại tổ chức đảng"); none when it
 * names none or both. */
const SUBJECT_WORDS: Array<[RegExp, SubjectKind]> = [
	[/\bto chuc (co so )?dang\b|\btcd\b/, 'party_org'],
	// ("Tập thể chi bộ đề xuất", "Tập thể đánh giá": the body that rates, not the collective rated)
	[/\btap the (lanh dao|cap uy|chi uy|dang uy|ban thuong vu)\b|\btap the\s*$|\bttld\b/, 'leadership']
];
/** After a subject's words, the words of a body that rates ("Tập thể chi ủy đề xuất", "Tổ chức đảng có
 * thẩm quyền quyết định", "Xếp loại của tổ chức đảng cấp trên", as a member list names who proposes or
 * decides): no subject. */
const RATING_BODY_AFTER = /^ (co tham quyen|cap tren|de xuat|quyet dinh|danh gia|nhan xet)\b/;
function subjectOfColumn(c: string | undefined): SubjectKind | null {
	const f = fold(c ?? '');
	const kinds = SUBJECT_WORDS.filter(([re]) => {
		const m = re.exec(f);
		return m !== null && !RATING_BODY_AFTER.test(f.slice(m.index + m[0].length));
	}).map(([, k]) => k);
	if (kinds.length !== 1 || (!isLevelHeader(c) && !/^score/.test(fieldOfHeader(c ?? '') ?? ''))) return null;
	return kinds[0];
}

/** A list rating each organisation and its leadership collective side by side ("Tổ chức đảng" and
 * "Tập thể lãnh đạo", each over "Tự đánh giá | … đề xuất | … quyết định"): the row of group cells
 * and each group's columns (its cell up to the next filled one), when they name two subjects. Read
 * as one list, the collective's levels would be stored as the organisation's. */
function subjectGroups(rows: string[][]): { row: number; groups: Array<{ kind: SubjectKind; at: number; cols: number[] }> } | null {
	const isLevelName = MARKED[0].has;
	for (let r = 0; r < Math.min(20, rows.length); r++) {
		const [row, below] = [rows[r] ?? [], rows[r + 1] ?? []];
		const groups: Array<{ kind: SubjectKind; at: number; cols: number[] }> = [];
		for (const [i, c] of row.entries()) {
			const f = fold(c ?? '');
			const kind = SUBJECT_GROUPS.find(([re]) => re.test(f))?.[1];
			if (!kind) continue;
			let end = i + 1;
			while (end < Math.max(row.length, below.length) && !row[end]?.trim()) end++;
			const cols = Array.from({ length: end - i }, (_, k) => i + k);
			// a group heads levels: "Tổ chức đảng" naming the units' column heads none
			if (isLevelHeader(c) || cols.some((j) => isLevelHeader(below[j]) || isLevelName(below[j]))) groups.push({ kind, at: i, cols });
		}
		// a level or score column naming its subject belongs to that subject's part wherever it
		// stands ("Điểm tổ chức đảng | Xếp loại tổ chức đảng | Điểm tập thể lãnh đạo | Xếp loại tập thể
		// lãnh đạo": the collective's score is not under its level's cell); its level column, the
		// subject's group when no group cell names it ("Xếp loại TCĐ | Xếp loại TTLĐ")
		// (not on a list of people: "Họ và tên" heads no organisation's row)
		const ofPeople = row.some((c) => fieldOfHeader(c ?? '') === 'full_name');
		for (const [i, c] of row.entries()) {
			const kind = ofPeople ? null : subjectOfColumn(c);
			if (!kind) continue;
			const own = groups.find((g) => g.kind === kind);
			for (const g of groups) if (g !== own) g.cols = g.cols.filter((j) => j !== i);
			if (own && !own.cols.includes(i)) own.cols.push(i);
			else if (!own && isLevelHeader(c)) groups.push({ kind, at: i, cols: [i] });
		}
		if (new Set(groups.map((g) => g.kind)).size > 1) return { row: r, groups };
	}
	return null;
}

/** The parts of a file: one, or one per subject group (subjectGroups), each a list of that subject
 * read from the same rows with the other groups' columns blanked and its group cell read as the
 * "Xếp loại" group, so that each row gives the organisation's rating and its collective's, both
 * from the file's row. */
export function prepareParts(read: SourceTable, opts: Pick<LoadOptions, 'kind' | 'period' | 'year'>): Prepared[] {
	const split = subjectGroups(read.preview);
	if (!split) return [prepare(read, opts)];
	const full = withRows(read, 0, true);
	return split.groups.map((g, k) => {
		const other = new Set(split.groups.flatMap((o) => (o === g ? [] : o.cols)));
		const rows = full.rows!.map((r, i) => r.map((c, j) => (other.has(j) ? '' : i === split.row && j === g.at && !isLevelHeader(c) ? 'Xếp loại' : c)));
		// (parts of one file need their own key, as sheets do)
		const sha256 = k ? createHash('sha256').update(`${full.sha256}:${g.at}`).digest('hex') : full.sha256;
		const part = prepare({ ...full, rows, preview: rows.slice(0, full.preview.length), sha256 }, { ...opts, subject: g.kind });
		// a score column under no group ("Tổng điểm | Tổ chức đảng … | Tập thể lãnh đạo …") scores the
		// organisation (QĐ 366 scores it); the collective was not scored
		if (g.kind === 'leadership')
			part.header = { ...part.header, columns: part.header.columns.filter((c) => c.field !== 'score' || g.cols.includes(c.index)) };
		return part;
	});
}

/** A "Tổng"/"Cộng" row under a list or a table of counts. */
// (a total's own cell: "Tổng", "Cộng: 12", "Tổng số 12", "Tổng số đảng viên"; "Tống Văn Hải", "Công an xã" are none)
const isTotalRow = (row: string[] | undefined) => !!row?.some((c) => /^(tong cong|tong so|tong|cong)(\s*(:|$|\d)|\s+(dang vien|nguoi|so)\b)/.test(fold(c ?? '').trim()));

/** Formula cells with no saved result and Excel errors (#N/A, #REF!) under a column that carries
 * data (a field, or a level name heading x marks; not STT or notes): read as empty they would store
 * members unrated, so the file is refused naming each cell, until Excel has computed and saved the values. */
function unsavedFormulas(src: SourceTable, header: HeaderMap): void {
	if (!src.formulas?.length) return;
	const headerOf = (c: number) => header.headerRows.map((r) => src.preview[r]?.[c]?.trim() ?? '').filter(Boolean).pop() ?? '';
	const carries = (c: number) => {
		const field = header.columns.find((x) => x.index === c)?.field;
		if (field) return field !== 'stt' && field !== 'note';
		return MARKED.some((k) => k.has(headerOf(c)));
	};
	// (a total row's COUNTIF under the level column is no member's)
	const total = (r: number) => isTotalRow((src.rows ?? src.preview)[r]);
	const errors: RowError[] = src.formulas
		.filter(([r, c]) => r >= header.dataStart && carries(c) && !total(r))
		.map(([r, c, f, error]) => ({
			file: src.fileName, row: r + 1, column: headerOf(c), value: f,
			message: error
				? `Ô ${colName(c)}${r + 1} có lỗi ${error} (Excel không tính được giá trị, ô bị đọc là trống): sửa công thức hoặc giá trị của ô trong Excel, lưu lại rồi gửi lại.`
				: `Ô ${colName(c)}${r + 1} là công thức chưa có giá trị (tệp do phần mềm khác tạo, không tính công thức): mở tệp bằng Excel, lưu lại để Excel tính giá trị rồi gửi lại.`
		}));
	if (errors.length) throw new RefusedError(errors.slice(0, 500), errors.length);
}

/** Header, title and kind of a file already read; IngestError when any cannot be found. `subject`:
 * the subjects of a part of the file (prepareParts), over the title's. */
export function prepare(read: SourceTable, opts: Pick<LoadOptions, 'kind' | 'period' | 'year'> & { subject?: SubjectKind }): Prepared {
	// (--year: the list's year, which tells this year's level column from last year's)
	const year = opts.period?.year ?? opts.year;
	let header = findListHeader(read.preview, year);
	// A section row merged across the row right under the header ("Chi bộ thôn 1", "I. CHI BỘ THÔN 1")
	// names a unit, not a column: it is the first data row, not a second header row.
	if (header && header.headerRows.length > 1) {
		const second = header.headerRows[1];
		if (isSectionRow(read.preview[second])) header = findListHeader(read.preview.map((r, i) => (i === second ? [] : r)), year) ?? header;
	}
	if (!header)
		throw new IngestError(read.fileName, 'Không tìm thấy dòng tiêu đề cột trong 40 dòng đầu (cần ít nhất hai cột nhận ra được, ví dụ "Họ và tên" và "Xếp loại"). Tải mẫu trống để xem tên cột.');
	// read_csv skips empty lines: a file with one among its data rows is read in memory instead,
	// so that every row keeps its line number
	let src = withRows(read, header.dataStart);
	if (src !== read) header = findListHeader(src.preview, year) ?? header;
	unsavedFormulas(src, header);
	// the level names under a "Xếp loại" group cell, or in the header row itself ("… | Điểm | HTXSNV |
	// HTTNV | HTNV | KHTNV")
	// (the same for discipline forms under "Hình thức kỷ luật": Khiển trách | Cảnh cáo | …)
	for (const kind of MARKED) {
		const lastHeader = header.headerRows[header.headerRows.length - 1];
		const under = markColumns(src.preview, header.dataStart, kind.has);
		const marks = under.length ? under : markColumns(src.preview, lastHeader, kind.has);
		if (marks.length) [src, header] = markedColumns(withRows(src, header.dataStart, true), header, marks, under.length ? header.dataStart : lastHeader, kind);
	}
	// a title cell typed over two lines ("ĐẢNG BỘ XÃ …⏎CHI BỘ THÔN 1") names two units
	const firstHeader = header.headerRows[0];
	const title = readTitle(src.preview.map((r, i) => (i < firstHeader ? r.flatMap((c) => c.split(/\r?\n/)) : r)), firstHeader);
	if (opts.subject) title.subjectKind = opts.subject;
	// --period: the list's period, whatever its title says ("6 tháng" included)
	if (opts.period) {
		title.period = opts.period.kind === 'year' ? null : { kind: opts.period.kind, no: opts.period.no };
		if (opts.period.year) title.year = opts.period.year;
		title.partialYear = null;
	}
	// the level column a title naming no subjects leaves: "Xếp loại cán bộ lãnh đạo, quản lý" rates leaders
	const levelHeader = header.columns.find((c) => c.field === 'final_level')?.header;
	if (title.subjectKind === null && levelHeader && /lanh dao|quan ly/.test(fold(levelHeader))) title.subjectKind = 'leader';
	// … and the year of a title naming none: "Xếp loại năm 2025" (beside "Xếp loại năm 2024", the
	// latest: findHeader) rates 2025
	if (title.year === null && levelHeader) title.year = yearNamed(levelHeader);
	const kind = opts.kind ?? detectKind(new Set(header.columns.map((c) => c.field)), title);
	if (!kind)
		throw new IngestError(src.fileName, `Không nhận ra loại tệp từ các cột (${header.columns.map((c) => c.header).join(', ')}). Dùng --kind registry|roster|rating|discipline|civil_servant.`);
	// a registry reads units only: a person's field there is a count or a note ("Số đảng viên": how
	// many, not a card), which would make its total row a member's
	if (kind === 'registry') {
		const ofRegistry = new Set(FIELDS.filter((f) => f.kinds.includes('registry')).map((f) => f.field));
		header = { ...header, columns: header.columns.filter((c) => ofRegistry.has(c.field)) };
		// units are stored and found by their code, which is never guessed: without the column every row
		// would be refused, and each parent named by a unit of the file would seem missing too
		if (!header.columns.some((c) => c.field === 'unit_code'))
			throw new IngestError(
				src.fileName,
				'Danh mục đơn vị không có cột "Mã đơn vị": mỗi đơn vị cần một mã (Giám Sát không tự đặt mã). Thêm cột "Mã đơn vị" (đơn vị đã có trong danh mục: ghi mã đã cấp) rồi gửi lại. Tệp không được nạp.'
			);
	}
	if (kind === 'roster' && !opts.kind && title.lines.some(namesOneLevel))
		throw new IngestError(
			src.fileName,
			`Tiêu đề "${title.lines.find(namesOneLevel)}" là danh sách những người đạt một mức xếp loại, không phải danh sách đảng viên, cũng không phải danh sách xếp loại đầy đủ (không có cột Xếp loại): tệp không được nạp. Gửi danh sách xếp loại có cột Xếp loại, hoặc dùng --kind roster nếu đây đúng là danh sách đảng viên.`
		);
	// a register ("DANH SÁCH ĐẢNG VIÊN BỊ THI HÀNH KỶ LUẬT") whose form column no rule reads: as a
	// roster its few rows, organisations' names among them, would replace the chi bộ's members
	if (kind === 'roster' && !opts.kind && title.lines.some(namesDiscipline))
		throw new IngestError(
			src.fileName,
			`Tiêu đề "${title.lines.find(namesDiscipline)}" là danh sách kỷ luật, nhưng không có cột nào đọc được là hình thức kỷ luật (các cột: ${header.columns.map((c) => c.header).join(', ')}): nạp như danh sách đảng viên sẽ thay danh sách đảng viên đã có của các chi bộ. Đặt tên cột hình thức là "Hình thức kỷ luật" rồi gửi lại, hoặc dùng --kind roster nếu đây đúng là danh sách đảng viên. Tệp không được nạp.`
		);
	// scores with no level column ("BẢNG TỔNG HỢP ĐIỂM"): stored, the list would replace the unit's
	// rated list with ratings of no level
	const fields = new Set(header.columns.map((c) => c.field));
	if (kind === 'rating' && !opts.kind && fields.has('score') && !['final_level', 'self_level', 'proposed_level', 'cs_level', 'not_rated_reason'].some((f) => fields.has(f)))
		throw new IngestError(
			src.fileName,
			'Tệp có cột điểm nhưng không có cột Xếp loại: nạp vào sẽ thay danh sách xếp loại đã có của đơn vị bằng một danh sách không có mức xếp loại. Gửi danh sách có cả cột Xếp loại (và cột Điểm), hoặc dùng --kind rating nếu đúng là muốn nạp. Tệp không được nạp.'
		);
	// a State body's own register ("SỞ TÀI CHÍNH", "DANH SÁCH CÔNG CHỨC BỊ XỬ LÝ KỶ LUẬT", "45/QĐ-STC"):
	// its one form column is the State's ("Khiển trách" under NĐ 335, "Hạ bậc lương"), as a column
	// headed "Hình thức kỷ luật chính quyền" is — not the Party's
	if (kind === 'discipline' && !fields.has('state_discipline') && isStateRegister(title, header, src.preview))
		header = { ...header, columns: header.columns.map((c) => (c.field === 'discipline_form' ? { ...c, field: 'state_discipline' } : c)) };
	if (!opts.period && (kind === 'rating' || kind === 'civil_servant')) sheetPeriod(src, title, opts.year);
	checkTitlePeriod(src.fileName, title, kind, header);
	return { src, header, title, kind };
}

/** A sheet named by its period ("Quý I", "Quý II" in a workbook of quarters under titles "… NĂM
 * 2025") gives the period the title does not, as a sheet's name gives a unit (contextUnits): read
 * as the year's, the quarters would replace each other. A sheet naming another period than its
 * title (a title copied from the sheet before) refuses the file: which is meant cannot be told. */
function sheetPeriod(src: SourceTable, title: TitleInfo, year: number | undefined): void {
	const sp = src.sheet ? parseSheetPeriod(src.sheet) : null;
	if (!sp) return;
	const otherPeriod = title.period !== null && (title.period.kind !== sp.kind || title.period.no !== sp.no);
	const otherYear = year === undefined && sp.year !== undefined && title.year !== null && title.year !== sp.year;
	if (otherPeriod || otherYear) {
		// ("quý III/2025", "năm 2025"; a title naming a quarter but no year: "quý II")
		const said = (p: { kind: string; no: number } | null, y: number | null | undefined) => {
			const s = y ? fmtPeriod(y, p?.kind ?? 'year', p?.no ?? 0) : p?.kind === 'quarter' ? fmtQuarter(p.no) : 'Cả năm';
			return s[0].toLowerCase() + s.slice(1);
		};
		const line = title.lines.find((l) => /\b(quy|ca nam|nhiem ky)\b/.test(fold(l))) ?? title.lines.find((l) => /\bnam \d{4}\b/.test(fold(l)) && !isSigningDateLine(fold(l)));
		throw new RefusedError([{
			file: src.fileName, row: 0, column: 'Tên trang tính', value: src.sheet!,
			message: `Tên trang tính "${src.sheet}" là ${said(sp, sp.year ?? title.year)}, nhưng tiêu đề của trang ghi ${said(title.period, title.year)}${line ? ` ("${line}")` : ''}: không biết danh sách là của kỳ nào (tiêu đề chép từ trang khác?). Sửa tiêu đề hoặc tên trang tính cho khớp rồi gửi lại.`
		}], 1);
	}
	if (title.period === null && sp.kind !== 'year') title.period = { kind: sp.kind, no: sp.no };
	title.year ??= sp.year ?? null;
}

/** The header; else a row naming one column and the levels its x marks fall under ("STT | Tên tổ
 * chức đảng | HTXSNV | HTTNV | HTNV | KHTNV": an organisation list names one column, findHeader
 * wants two), found with its first level read as "Xếp loại"; prepare then reads the marks. */
function findListHeader(preview: string[][], year?: number): HeaderMap | null {
	const header = findHeader(preview, year);
	if (header) return header;
	const r = preview.slice(0, 20).findIndex((_, i) => markColumns(preview, i, MARKED[0].has).length > 0);
	if (r < 0) return null;
	const at = markColumns(preview, r, MARKED[0].has)[0];
	const found = findHeader(preview.map((row, i) => (i === r ? row.map((c, j) => (j === at ? 'Xếp loại' : c)) : row)), year);
	return found?.headerRows.includes(r) ? found : null;
}

/** A title naming one level ("DANH SÁCH ĐẢNG VIÊN HOÀN THÀNH XUẤT SẮC NHIỆM VỤ NĂM 2024"): a list of
 * those who reached it. Stored as a roster it would say nothing of their level; stored as a rating
 * list it would replace the unit's full list. */
const namesOneLevel = (line: string) => /^(danh sach|ds)\b.*\b(khong )?hoan thanh (xuat sac |tot )?nhiem vu\b/.test(fold(line));
/** A title naming a discipline register ("DANH SÁCH ĐẢNG VIÊN BỊ THI HÀNH KỶ LUẬT", "SỔ THEO DÕI KỶ LUẬT"). */
const namesDiscipline = (line: string) => /^(danh sach|ds|so( theo doi)?)\b.*\bky luat\b/.test(fold(line));

/** Periods Giám Sát cannot store, refused before anything is written: a term whose first year is
 * not before its last, a title rating "6 tháng đầu năm" / "9 tháng" (neither a year, a quarter nor
 * a term) when no column gives each row its period. */
function checkTitlePeriod(fileName: string, title: TitleInfo, kind: FileKind, header: HeaderMap): void {
	if (kind !== 'rating' && kind !== 'civil_servant') return;
	const p = title.period;
	if (p?.kind === 'term' && title.year !== null && !isValidTerm(p.no, title.year))
		throw new IngestError(fileName, `Nhiệm kỳ ${p.no}–${title.year} ở tiêu đề không hợp lệ: năm đầu phải trước năm cuối (ví dụ "NHIỆM KỲ 2020–2025"). Tệp không được nạp.`);
	if (title.partialYear && !header.columns.some((c) => c.field === 'period'))
		throw new IngestError(
			fileName,
			`Tiêu đề "${title.partialYear}": kỳ "6 tháng", "9 tháng" không phải kỳ đánh giá năm, quý hay nhiệm kỳ, Giám Sát không lưu được. Nạp danh sách cả năm hoặc từng quý (tiêu đề "QUÝ II NĂM 2025"), thêm cột Kỳ đánh giá, hoặc chỉ rõ kỳ bằng --period. Tệp không được nạp.`
		);
}

// Levels marked "x" under one column per level: "Xếp loại" over HTXSNV | HTTNV | HTNV | KHTNV;
// discipline forms the same way under "Hình thức kỷ luật". The spellings are the reference tables'
// (data/reference/*_alias.csv), which the SQL reads too.
const aliasKeys = (file: string, key: (s: string) => string) =>
	new Set(
		readFileSync(join(ROOT, 'data', 'reference', file), 'utf8')
			.split(/\r?\n/)
			.slice(1)
			.map((l) => key(l.split(',')[0] ?? ''))
			.filter(Boolean)
	);
const marked = (file: string, key: (s: string) => string) => {
	const names = aliasKeys(file, key);
	return (c: string | undefined) => !!c && names.has(key(c));
};
interface MarkedKind {
	/** the cell names one of the column values (levels by level_key, as the SQL reads the cells:
	 * "Hoàn thành tốt NV" heads the HTTNV marks) */
	has: (c: string | undefined) => boolean;
	/** the fields a group cell over the marks may name; the first is the field of a group naming none */
	fields: string[];
	header: string;
	/** the field that keeps, for a row whose group of the first field reads no mark, the columns
	 * looked at and what they hold, for the refusal to name */
	cells?: string;
}
const MARKED: MarkedKind[] = [
	{ has: marked('level_alias.csv', levelKey), fields: ['final_level', 'self_level', 'proposed_level', 'cs_level'], header: 'Xếp loại' },
	// (forms ticked under "Về Đảng" and "Về chính quyền": the State's are not the Party's, markGroups)
	{ has: marked('discipline_form_alias.csv', alnumKey), fields: ['discipline_form', 'state_discipline', 'mass_discipline'], header: 'Hình thức kỷ luật', cells: 'form_marks' }
];
// (a "1" too: a clerk's tick as often as an x)
const MARK = /^[xX✓✔vV+*1]$/;

/** A counts table ("Chi bộ | HTXSNV | HTTNV | HTNV | KHTNV" holding how many members of each unit
 * reached each level): no person column over the level names, and a number above 1 under one of
 * them outside a "Tổng"/"Cộng" row. A list of x marks holds x or 1 there (its total row aside).
 * `withPerson`: also a counts table beside a person's column (a summary naming each chi bộ's
 * secretary: "Tên chi bộ | Họ và tên bí thư | HTXSNV | …"), told by any number but 1 (a 0 too). */
export function holdsLevelCounts(rows: string[][], withPerson = false): boolean {
	const isLevelName = MARKED[0].has;
	for (let r = 0; r < rows.length; r++) {
		const cols = (rows[r] ?? []).flatMap((c, i) => (isLevelName(c) ? [i] : []));
		if (new Set(cols.map((i) => levelKey(rows[r][i]))).size < 2) continue;
		const person = [rows[r - 1] ?? [], rows[r]].some((row) => row.some((c) => fieldOfHeader(c ?? '') === 'full_name'));
		if (person && !withPerson) return false;
		const count = (c: string | undefined) => {
			const t = (c ?? '').trim();
			const n = Number(t.replace(',', '.'));
			return t !== '' && !Number.isNaN(n) && (person ? n !== 1 : n > 1);
		};
		return rows.slice(r + 1).some((row) => !isTotalRow(row) && cols.some((i) => count(row[i])));
	}
	return false;
}

/** The columns of row `r` that name a level (or a form): the sub-header of x marks. Two names at
 * least, and nothing else in the row but blanks, column names or other sub-headers (the text of a
 * vertical merge: isSubHeader); a data row has a name. */
function markColumns(rows: string[][], r: number, has: MarkedKind['has']): number[] {
	const row = rows[r] ?? [];
	const cols = row.flatMap((c, i) => (has(c) ? [i] : []));
	if (new Set(cols.map((i) => alnumKey(row[i]))).size < 2) return [];
	return row.every((c, i) => cols.includes(i) || !c?.trim() || fieldOfHeader(c) || isSubHeader(rows[r - 1] ?? [], row, i)) ? cols : [];
}

/**
 * The groups of x-marked columns: one per group cell over them ("Tự xếp loại | Chi bộ đề xuất |
 * Đảng ủy quyết định", each over HTXSNV | HTTNV | HTNV | KHTNV; the text stands in a merged cell's
 * first column), or a name met again. Each group's field is its cell's (self, proposed, final
 * level); the last group naming none takes the kind's first field, if no group names it.
 */
function markGroups(rows: string[][], sub: number, marks: number[], kind: MarkedKind): Array<{ field: string; header: string; cols: number[] }> {
	const over = rows[sub - 1] ?? [];
	const groups: Array<{ field: string; header: string; cols: number[] }> = [];
	for (const m of marks) {
		const cell = over[m]?.trim() ?? '';
		const g = groups[groups.length - 1];
		if (!g || (cell && cell !== g.header) || g.cols.some((c) => alnumKey(rows[sub][c]) === alnumKey(rows[sub][m])))
			groups.push({ field: (sideField(cell) ?? fieldOfHeader(cell)) ?? '', header: cell, cols: [m] });
		else g.cols.push(m);
	}
	for (const g of groups) if (!kind.fields.includes(g.field)) g.field = '';
	const last = groups.filter((g) => !g.field).pop();
	if (last && !groups.some((g) => g.field === kind.fields[0])) last.field = kind.fields[0];
	return groups.filter((g) => g.field);
}

/** The name a row marks becomes the text of an added column per group of marks (markGroups); the
 * row naming them (`sub`) is header, not data. Two marks in a group give both names, which
 * validation refuses. */
function markedColumns(src: SourceTable, header: HeaderMap, marks: number[], sub: number, kind: MarkedKind): [SourceTable, HeaderMap] {
	const rows = src.rows!;
	const at = Math.max(header.width, ...rows.map((r) => r.length));
	let dataStart = Math.max(sub + 1, header.dataStart);
	while (rows[dataStart] && isNumberingRow(rows[dataStart])) dataStart++;
	const groups = markGroups(rows, sub, marks, kind);
	const first = groups.find((g) => g.field === kind.fields[0]);
	const cellsAt = kind.cells && first ? at + groups.length : -1;
	const out = rows.map((r, i) => {
		if (i < dataStart) return r;
		const row = [...r];
		groups.forEach((g, k) => (row[at + k] = g.cols.filter((m) => MARK.test(r[m]?.trim() ?? '')).map((m) => rows[sub][m]).join(' + ')));
		// no mark read: the columns looked at, and any cell holding something else ("có", "2")
		if (first && cellsAt >= 0 && !row[at + groups.indexOf(first)]) {
			const odd = first.cols.filter((m) => r[m]?.trim()).map((m) => `ô ${rows[sub][m]} ghi "${r[m].trim()}"`);
			row[cellsAt] = `các cột ${first.cols.map((m) => rows[sub][m]).join(', ')}` + (odd.length ? ` (${odd.join(', ')})` : '');
		}
		for (const m of marks) if (MARK.test(row[m]?.trim() ?? '')) row[m] = '';
		return row;
	});
	const groupCell = header.columns.find((c) => c.field === kind.fields[0]);
	const fields = new Set(groups.map((g) => g.field));
	const columns = header.columns.filter((c) => !fields.has(c.field) && !marks.includes(c.index));
	groups.forEach((g, k) =>
		columns.push({ index: at + k, field: g.field, header: g.header || (g.field === kind.fields[0] ? groupCell?.header : '') || kind.header })
	);
	if (cellsAt >= 0) columns.push({ index: cellsAt, field: kind.cells!, header: kind.header });
	return [
		{ ...src, rows: out, preview: out.slice(0, src.preview.length) },
		{ ...header, dataStart, headerRows: header.headerRows.includes(sub) ? header.headerRows : [...header.headerRows, sub], columns, width: at + groups.length + (cellsAt >= 0 ? 1 : 0) }
	];
}

const SECTION_ROW = new RegExp(`^\\s*(${SECTION_NUMBER})?(${SECTION_UNIT_WORDS}) `, 'i');

/** One filled cell, in the first column, naming a chi bộ or a hamlet: the text of a section row. */
function isSectionRow(row: string[] | undefined): boolean {
	const cells = (row ?? []).map((c, i) => [c?.trim() ?? '', i] as const).filter(([c]) => c);
	return cells.length === 1 && cells[0][1] <= 1 && SECTION_ROW.test(fold(cells[0][0]));
}

const KIND_SQL: Record<FileKind, string> = {
	registry: 'ingest/registry.sql',
	roster: 'ingest/roster.sql',
	rating: 'ingest/rating.sql',
	civil_servant: 'ingest/rating.sql',
	discipline: 'ingest/discipline.sql'
};

/** The SQL file a kind loads with: ratings and civil-servant lists share one. */
export const sqlOfKind = (k: FileKind) => KIND_SQL[k];

/** GIAMSAT_PROFILE=DIR writes DuckDB's profile of each step (operators, rows, times) to
 * DIR/<kind>-<step>.json (identity's steps, run per year and phase: identity-<step>-<ms>.json; of
 * a step of several statements, the last), for finding where a large load spends its time. */
async function profiled<T>(t: Db, name: string, fn: () => Promise<T>): Promise<T> {
	const dir = process.env.GIAMSAT_PROFILE;
	if (!dir) return fn();
	await t.run(`pragma enable_profiling = 'json'; set profiling_output = '${dir.replaceAll("'", "''")}/${name}.json'`);
	try {
		return await fn();
	} finally {
		await t.run('pragma disable_profiling');
	}
}

export interface PartResult {
	fileId: number;
	rowsRead: number;
	rowsStored: number;
	errors: RowError[];
	errorCount: number;
	warnings: string[];
}

export interface BatchResult {
	parts: PartResult[];
	touched: Array<{ year: number; period_kind: string; period_no: number }>;
}

const MAX_ERRORS = 500;

/** The unit names one title cell gives: one, or a chi bộ with its đảng bộ ("CHI BỘ THÔN 1, ĐẢNG BỘ XÃ
 * MINH HƯNG", "CHI BỘ THÔN 1 - ĐẢNG BỘ XÃ ĐOÀN KẾT"); without "TRỰC THUỘC …" after a name, or the
 * "BAN THƯỜNG VỤ" of a committee before it (the committee's đảng bộ is meant). */
function titleUnitNames(cell: string): string[] {
	// "CHI BỘ THÔN 1 (XÃ MINH HƯNG CŨ)": the commune a chi bộ came from, part of its name since the
	// merger (resolve_units.sql, unit_flat_key), not its đảng bộ
	const text = cell.normalize('NFC').replace(/[\s*]+$/u, ''); // "CHI BỘ ẤP 3 *"
	if (/\([^()]*\scũ\s*\)$/iu.test(text)) return [text.trim()];
	return text
		.split(/\s*(?:[,;–(-]|\btrực thuộc\b)\s*(?=(?:chi bộ|đảng bộ|đảng ủy|huyện ủy|quận ủy|thị ủy|thành ủy|tỉnh ủy|cb|đb|xã|phường|thị trấn)\s)/iu)
		.map((n) => n.replace(/\s+trực thuộc(?:\s.*)?$/iu, '').replace(/^ban (?:thường vụ|chấp hành)\s+/iu, '').replace(/\)\s*$/u, '').trim())
		// "CHI BỘ THÔN 1, XÃ ĐOÀN KẾT": the commune's đảng bộ
		.map((n) => n.replace(/^(?=(?:xã|phường|thị trấn)\s)/iu, 'Đảng bộ '))
		.filter(Boolean);
}

interface CtxUnit {
	id: number | null;
	path: string;
	code?: string;
	name?: string;
	kind?: string;
	founded?: string | null;
	dissolved?: string | null;
	/** found as a unit that was inside the context before a registry load moved it (resolve_units.sql) */
	via_former?: boolean;
}

interface NameRef {
	code?: string;
	name: string;
	path: string;
	year: number | null;
}

/** The unit kinds a member's list belongs to (a sheet of a workbook is one of them). */
const CHI_BO_KINDS = ['chi_bo_co_so', 'chi_bo_truc_thuoc', 'to_dang'];
/** The list's rows name their unit (a Chi bộ or Mã đơn vị column, or the subject of each row). */
const namesUnits = (p: Prepared) => p.header.columns.some((c) => c.field === 'unit_name' || c.field === 'unit_code' || c.field === 'subject_kind');

/** The level of a đảng bộ: 0 a province's, 1 a district's (or a Khối), 2 grassroots and below; a
 * chi bộ or tổ đảng none (null). Of a registry unit by its kind, of a title's name by its words. */
const unitLevel = (kind: string | undefined) => (CHI_BO_KINDS.includes(kind ?? '') ? null : kind === 'tinh_uy' ? 0 : kind === 'huyen_uy' ? 1 : 2);
function nameLevel(name: string): number | null {
	const f = fold(name);
	if (!/^(dang bo|dang uy|db|du|huyen uy|quan uy|thi uy|thanh uy|tinh uy)\b/.test(f)) return null;
	if (/\btinh\b|truc thuoc trung uong/.test(f)) return 0;
	return /^(huyen|quan|thi|thanh) uy\b|^(dang bo|dang uy|db|du) (huyen|quan|thi xa|thanh pho|tp|khoi|cap tren)\b/.test(f) ? 1 : 2;
}

/** A sheet named by no chi bộ of the unit found (or by several), in a list whose rows name none. */
interface SheetMiss {
	sheet: string;
	/** the chi bộ of that unit the sheet's name fits, without their kind words (0, or 2 and more) */
	candidates: string[];
}

/** Units a file names outside its rows (title lines, sheet names, --unit), found by the same SQL as
 * the rows' units (sql/ingest/resolve_units.sql: keys, looser keys, the one alive in the year): one
 * unit per reference, or none (unknown or ambiguous: `unknown` tells the first). One query for all. */
async function resolveNames(
	t: Db,
	refs: NameRef[]
): Promise<((ref: NameRef) => (CtxUnit & { id: number }) | null) & { unknown: (ref: NameRef) => boolean }> {
	const key = (r: { code?: string | null; name: string; path: string; year: number | null }) => JSON.stringify([r.code ?? '', r.name, r.path, r.year]);
	const found = new Map<string, CtxUnit & { id: number }>();
	const none = new Set<string>();
	if (refs.length) {
		await t.run('create or replace temp table unit_ref (role varchar, code varchar, name varchar, parent varchar, context_path varchar, year integer)');
		const app = await t.conn.createAppender('unit_ref', 'main', 'temp');
		for (const r of refs) {
			app.appendVarchar('title');
			app.appendVarchar(r.code ?? '');
			app.appendVarchar(r.name);
			app.appendVarchar('');
			app.appendVarchar(r.path);
			if (r.year === null) app.appendNull();
			else app.appendInteger(r.year);
			app.endRow();
		}
		app.closeSync();
		await t.run(sqlFile('ingest/resolve_units.sql'));
		const rows = await t.query<CtxUnit & { id: number | null; candidates: number; ref_code: string; ref_name: string; context_path: string; year: number | null }>(
			`select h.code as ref_code, h.name as ref_name, h.context_path, h.year, h.via_former, h.candidates, u.id, u.path, u.code, u.name, u.kind,
			     strftime(u.founded_on, '%Y-%m-%d') as founded, strftime(u.dissolved_on, '%Y-%m-%d') as dissolved
			 from unit_hit h left join unit u on u.id = h.unit_id`
		);
		for (const { ref_code, ref_name, context_path, year, candidates, ...u } of rows) {
			const k = key({ code: ref_code, name: ref_name, path: context_path, year });
			if (u.id !== null) found.set(k, { ...u, id: u.id });
			else if (candidates === 0) none.add(k);
		}
		await t.run('drop table unit_ref; drop table unit_hit');
	}
	return Object.assign((r: NameRef) => found.get(key(r)) ?? null, { unknown: (r: NameRef) => none.has(key(r)) });
}

/** The unit each part's rows belong to when they name none: --unit, else the deepest unit its title
 * names, each name looked up inside the units found before it (a name that matches several units
 * is tried again once a later line has narrowed the search: "CHI BỘ THÔN 1, ĐẢNG BỘ XÃ MINH HƯNG").
 * `unresolved`: a chi bộ the title names that is nowhere (or in several places) inside that unit:
 * its rows would otherwise fall to the đảng bộ. `foreign`: a đảng bộ the title names that is nowhere
 * (or in several places) around the unit found, and no unit found at its level or below. */
async function contextUnits(
	t: Db,
	parts: Prepared[],
	opts: LoadOptions
): Promise<Array<CtxUnit & { unresolved: string | null; foreign: string | null; sheetMiss: SheetMiss | null; sheetClash: string | null; dissolved_in: { name: string; on: string; successor: string | null } | null }>> {
	const years = parts.map((p) => opts.year ?? p.title.year ?? null);
	const ctx: CtxUnit[] = parts.map(() => ({ id: null, path: opts.scopePath }));
	if (opts.unit) {
		// looked up over the whole registry, with each list's year
		const unitRef = (i: number) => ({ code: opts.unit!, name: opts.unit!, path: '/', year: years[i] });
		const hit = await resolveNames(t, parts.map((_, i) => unitRef(i)));
		parts.forEach((p, i) => {
			const u = hit(unitRef(i));
			if (!u) throw new IngestError(p.src.fileName, `--unit "${opts.unit}": không có đơn vị này trong danh mục, hoặc tên trùng nhiều đơn vị (dùng mã đơn vị).`);
			ctx[i] = u;
		});
	}
	// Title names, pass by pass: a name found inside the context found so far narrows it; one found
	// at or above it is the unit found already; one not found (or in several places) waits for a
	// narrower context.
	let left = parts.map((p) => [...new Set(p.title.unitNames.flatMap(titleUnitNames))]);
	// the levels of the đảng bộ found by the title's names; the names found nowhere at their last lookup
	const found = parts.map((): number[] => []);
	const nowhere = parts.map(() => new Set<string>());
	for (let narrowed = parts.map(() => true); narrowed.some(Boolean); ) {
		const pending = parts.flatMap((_, i) => (narrowed[i] ? left[i].map((name) => ({ i, name, path: ctx[i].path, year: years[i] })) : []));
		const hit = await resolveNames(t, pending);
		narrowed = parts.map(() => false);
		for (const ref of pending) nowhere[ref.i][hit.unknown(ref) ? 'add' : 'delete'](ref.name);
		// a đảng bộ before a chi bộ, whatever line names it first: the chi bộ is then looked up inside it
		// ("DANH SÁCH … CHI BỘ THÔN 5 …" over "ĐẢNG BỘ XÃ A": thôn 5 of xã A, not of another commune)
		const hits = pending.flatMap((ref) => (hit(ref) ? [{ ref, u: hit(ref)! }] : [])).sort((a, b) => (unitLevel(a.u.kind) ?? 3) - (unitLevel(b.u.kind) ?? 3));
		for (const { ref, u } of hits) {
			const { i } = ref;
			if (ctx[i].path.startsWith(u.path)) left[i] = left[i].filter((n) => n !== ref.name);
			// inside the context, or once inside it (a chi bộ the registry has since moved to the commune a
			// merger formed)
			else if (u.path.startsWith(ctx[i].path) || u.via_former) {
				ctx[i] = u;
				narrowed[i] = true;
				left[i] = left[i].filter((n) => n !== ref.name);
			} else continue;
			const level = unitLevel(u.kind);
			if (level !== null) found[i].push(level);
		}
	}
	const unresolvedOf = parts.map((p, i) => (opts.unit || p.kind === 'registry' ? null : (left[i].find((n) => /^(chi bo|cb|to dang) /.test(fold(n))) ?? null)));
	// a đảng bộ the title names that the registry does not hold ("ĐẢNG BỘ XÃ THỌ SƠN" over "CHI BỘ THÔN
	// 1"), or not around the unit found, with none found at its level or below: a chi bộ then found by
	// its name alone, in the title or the rows, may be another commune's of that name. Not one of
	// several of that name (a commune formed in 2025 may bear an old one's: the rows' years choose); not
	// a province's letterhead (a registry may hold a province's part only); unit codes in the rows name
	// their units whole.
	const foreignOf = parts.map((p, i) =>
		opts.unit || p.kind === 'registry' || p.header.columns.some((c) => c.field === 'unit_code')
			? null
			: (left[i].find((n) => {
					const level = nameLevel(n);
					return level !== null && level > 0 && nowhere[i].has(n) && !found[i].some((l) => l >= level);
				}) ?? null)
	);
	// a workbook with a sheet per chi bộ may name each only by its sheet ("Thôn 1"): a unit inside the
	// title's, tried last
	const sheetRefs = parts.flatMap((p, i) =>
		!unresolvedOf[i] && p.src.sheet && p.src.fileName.endsWith(`[${p.src.sheet}]`) ? [p.src.sheet, `Chi bộ ${p.src.sheet}`].map((name) => ({ i, name, path: ctx[i].path, year: years[i] })) : []
	);
	const sheetHit = await resolveNames(t, sheetRefs);
	const sheetUnmatched = parts.map((_, i) => sheetRefs.some((r) => r.i === i));
	for (const ref of sheetRefs) {
		const u = sheetHit(ref);
		if (u && u.path.startsWith(ref.path) && u.path !== ref.path && ctx[ref.i].path === ref.path) {
			ctx[ref.i] = u;
			sheetUnmatched[ref.i] = false;
		}
	}
	// a sheet whose title names one chi bộ and whose name another of the same parent ("Thôn 2" under a
	// letterhead "CHI BỘ THÔN 1" copied from the sheet before): which is meant cannot be told, and
	// filed under the title its members would count in the other chi bộ's R1 and R5 unseen
	const clashRefs = parts.flatMap((p, i) =>
		!opts.unit && p.src.sheet && p.src.fileName.endsWith(`[${p.src.sheet}]`) && CHI_BO_KINDS.includes(ctx[i].kind ?? '') && !sheetRefs.some((r) => r.i === i && sheetHit(r)?.id === ctx[i].id)
			? [p.src.sheet, `Chi bộ ${p.src.sheet}`].map((name) => ({ i, name, path: ctx[i].path.replace(/[^/]+\/$/, ''), year: years[i] }))
			: []
	);
	const clashHit = await resolveNames(t, clashRefs);
	const sheetClash = new Map<number, string>();
	for (const ref of clashRefs) {
		const u = clashHit(ref);
		// (a sheet keeping the name of the title's predecessor, a chi bộ renamed or merged in the year,
		// is no other chi bộ: only one alive all the list's year, under the same parent, is)
		const year = years[ref.i];
		const wholeYear = u && !u.via_former && u.path.startsWith(ref.path) && (u.dissolved ? year !== null && u.dissolved >= `${year}-12-31` : true);
		if (u && wholeYear && u.id !== ctx[ref.i].id && CHI_BO_KINDS.includes(u.kind ?? '')) sheetClash.set(ref.i, u.name ?? u.code ?? ref.name);
	}
	const contexts = parts.map((_, i) => {
		// a list of a year after its unit was dissolved: refused, not stored on the dead unit (nor
		// moved to a successor the file does not name)
		const c = ctx[i];
		const gone = c.id !== null && years[i] !== null && c.dissolved && c.dissolved < `${years[i]}-01-01` ? c : null;
		return { ...c, unresolved: unresolvedOf[i], foreign: foreignOf[i], gone, sheetUnmatched: sheetUnmatched[i], year: years[i], sheetClash: sheetClash.get(i) ?? null };
	});
	// a sheet named by its hamlet alone ("Sơn Lang" for "Chi bộ thôn Sơn Lang", "Tổ 5" for "Chi bộ
	// tổ dân phố 5"): the one chi bộ inside the unit the title or --unit gives whose name, without
	// its kind words, is the sheet's (unit_bare_key). Left unmatched, the rows of a member list would
	// fall to the đảng bộ: refused naming the sheet (below and in prepareBatch).
	const missing = contexts.flatMap((c, i) => (c.sheetUnmatched && c.id !== null && !CHI_BO_KINDS.includes(c.kind ?? '') && !namesUnits(parts[i]) ? [i] : []));
	const sheetMiss = new Map<number, SheetMiss>();
	if (missing.length) {
		await t.run('create or replace temp table sheet_name (part integer, name varchar, path varchar, year integer)');
		const app = await t.conn.createAppender('sheet_name', 'main', 'temp');
		for (const i of missing) {
			app.appendInteger(i);
			app.appendVarchar(parts[i].src.sheet!);
			app.appendVarchar(contexts[i].path);
			if (contexts[i].year === null) app.appendNull();
			else app.appendInteger(contexts[i].year!);
			app.endRow();
		}
		app.closeSync();
		// (alive in the list's year, when it is known; the name without the parent's "xã …" too: "Cơ
		// quan" for "Chi bộ Cơ quan xã", when no chi bộ is named "Cơ quan" itself — `exact`)
		const rows = await t.query<CtxUnit & { part: number; id: number; exact: boolean }>(
			`select s.part, u.id, u.path, u.code, u.name, u.kind, strftime(u.founded_on, '%Y-%m-%d') as founded, strftime(u.dissolved_on, '%Y-%m-%d') as dissolved,
			        unit_bare_key(u.name) = unit_bare_key(s.name) as exact
			 from sheet_name s
			 join (select * from unit where kind in (${CHI_BO_KINDS.map((k) => `'${k}'`).join(', ')})) u on starts_with(u.path, s.path) and u.path <> s.path
			 left join unit p on upper(p.code) = upper(u.parent_code)
			 where list_contains(unit_sheet_keys(u.name, p.name), unit_bare_key(s.name))
			   and alive_in(u.founded_on, u.dissolved_on, s.year)
			 order by u.name`
		);
		await t.run('drop table sheet_name');
		for (const i of missing) {
			const all = rows.filter((r) => r.part === i);
			const fits = (all.some((r) => r.exact) ? all.filter((r) => r.exact) : all).map(({ exact: _, ...r }) => r);
			if (fits.length === 1) {
				const { part: _, ...unit } = fits[0];
				contexts[i] = { ...contexts[i], ...unit };
			}
			else if (parts[i].kind === 'roster' || (parts[i].kind === 'rating' && (parts[i].title.subjectKind ?? 'member') === 'member'))
				sheetMiss.set(i, { sheet: parts[i].src.sheet!, candidates: fits.map((u) => u.name ?? u.code ?? '') });
		}
	}
	const gone = [...new Set(contexts.flatMap((c) => (c.gone?.code ? [c.gone.code] : [])))];
	const successors = new Map<string, string[]>();
	if (gone.length)
		for (const r of await t.query<{ from_code: string; to: string }>(
			`select l.from_code, u.name || ' (' || u.code || ')' as to from unit_lineage l join unit u on upper(u.code) = upper(l.to_code)
			 where upper(l.from_code) in (${gone.map((c) => `'${c.toUpperCase().replaceAll("'", "''")}'`).join(', ')}) order by all`
		))
			(successors.get(r.from_code.toUpperCase()) ?? successors.set(r.from_code.toUpperCase(), []).get(r.from_code.toUpperCase())!).push(r.to);
	return contexts.map(({ gone: g, sheetUnmatched: _, year: __, ...c }, i) => ({
		...c,
		sheetMiss: sheetMiss.get(i) ?? null,
		dissolved_in: g ? { name: g.name ?? g.code ?? '', on: g.dissolved!.split('-').reverse().join('/'), successor: successors.get(g.code!.toUpperCase())?.join(', ') ?? null } : null
	}));
}

/** Why a chi bộ the title names was not found: in which unit and in which year it was looked for,
 * and where that year was read. A list of last year left among this year's ("… NĂM 2024") names its
 * commune as it is now, which in 2024 was another unit (the commune before the merger): the clerk
 * sees the list is last year's. */
function unresolvedMessage(name: string, c: CtxUnit, p: Prepared, opts: LoadOptions): string {
	const year = opts.year ?? p.title.year;
	const inUnit = c.id !== null ? `trong ${c.name} (mã ${c.code}${c.dissolved ? `, giải thể ngày ${fmtDate(c.dissolved)}` : ''}), đơn vị tiêu đề nêu` : 'trong danh mục';
	// (not the signing date "…, ngày 06 tháng 12 năm 2024" beside the letterhead)
	const line = year && p.title.lines.find((l) => l.includes(String(year)) && !isSigningDateLine(fold(l)));
	const level = p.header.columns.find((col) => col.field === 'final_level')?.header;
	const from = opts.year ? 'theo --year' : opts.period?.year ? 'theo kỳ chọn bằng --period' : line ? `đọc từ tiêu đề "${line}"` : level?.includes(String(year)) ? `đọc từ cột "${level}"` : null;
	const inYear = year ? `, năm ${year}${from ? ` (${from})` : ''}` : '';
	return `Không tìm thấy chi bộ "${name}" ${inUnit}${inYear}, hoặc tên trùng nhiều chi bộ: ${year ? `nếu danh sách không phải của năm ${year}, sửa năm ở tiêu đề hoặc dùng --year; nếu đúng năm, ` : ''}sửa tên, thêm cột Chi bộ / Mã đơn vị, hoặc dùng --unit MÃ.`;
}

/** Refuses a part for a unit its title names (`message`), at the title line naming it. Names are
 * looked up inside the loader's scope: one outside it is said to be so, not "nowhere". */
async function refuseTitleName(t: Db, p: Prepared, r: PartResult, name: string, message: string): Promise<void> {
	// ("XÃ A" is read as "Đảng bộ xã A": titleUnitNames)
	const key = fold(name).replace(/^dang bo (?=(xa|phuong|thi tran) )/, '');
	const at = p.src.preview.findIndex((row) => row.some((c) => c && fold(c).includes(key)));
	const outside = await t.one<{ msg: string }>(`select unit_unknown_error($n, '') as msg`, { n: name });
	r.errorCount++;
	r.errors.unshift({ file: p.src.fileName, row: at + 1, column: 'Tiêu đề', value: name, message: outside?.msg || message });
}

/** A batch read, its units resolved, normalised and checked, not yet written: its rows are the
 * temp tables prepareBatch made (file_ctx, stg, norm…), its refused rows in results. */
export interface ReadyBatch {
	kind: FileKind;
	parts: Prepared[];
	fileOf: number[];
	results: PartResult[];
	/** the temp tables the preparation made, while set aside under `${name}${suffix}` */
	tables: string[];
	suffix: string | null;
}

/** Read, resolve, normalise and check a batch of files of one kind, writing only temp tables: it
 * may run before the load's transaction begins (which then plans its joins with the real sizes of
 * these tables, and reads and writes them at twice the speed). Reads the registry as committed. */
export async function prepareBatch(t: Db, parts: Prepared[], opts: LoadOptions, fileOf: number[] = parts.map((_, i) => i)): Promise<ReadyBatch> {
	const kind = parts[0].kind;
	const sqlPath = KIND_SQL[kind];
	let t0 = performance.now();
	await t.run(`set variable scope_path = cast(${`'${opts.scopePath.replaceAll("'", "''")}'`} as varchar)`);
	const before = new Set(await tempTables(t));

	// the files' ids first (they go into every stored row); their source_file rows are written with
	// the batch, for the files not refused
	opts.onStep?.('đọc và làm sạch');
	const ctxs = await contextUnits(t, parts, opts);
	const fileIds = (await t.query<{ id: number }>(`select nextval('source_file_seq')::integer as id from range(${parts.length}) order by 1`)).map((r) => r.id);
	await t.run(`create or replace temp table file_ctx (
		part_id integer, file_name varchar, sha256 varchar, file_sha256 varchar, file_kind varchar, encoding varchar,
		header_row integer, default_year integer, default_period_kind varchar, default_period_no integer,
		title_subject_kind varchar, title_unit varchar, context_unit_id integer, context_path varchar, has_name_column boolean, header_fields varchar, title_agency varchar, title_lines varchar,
		decider_level varchar, file_id integer, title_period boolean, as_of varchar, agency_header varchar)`);
	const app = await t.conn.createAppender('file_ctx', 'main', 'temp');
	const put = (v: string | number | null | undefined) => (v === null || v === undefined ? app.appendNull() : typeof v === 'number' ? app.appendInteger(v) : app.appendVarchar(v));
	parts.forEach((p, i) => {
		const period = p.title.period ?? { kind: 'year', no: 0 };
		for (const v of [i, p.src.fileName, p.src.sha256, p.src.fileSha256, p.kind, p.src.encoding, p.header.headerRows[0] + 1, opts.year ?? p.title.year, period.kind, period.no, p.title.subjectKind, p.title.unitNames.join(' / ') || null, ctxs[i].id, ctxs[i].path])
			put(v);
		app.appendBoolean(p.header.columns.some((c) => c.field === 'full_name'));
		// the fields the file has a column for, ',a,b,': a column absent keeps what is stored
		app.appendVarchar(`,${p.header.columns.map((c) => c.field).join(',')},`);
		put(p.title.agency);
		put(p.title.lines.join('\n'));
		put(deciderLevelOf(p.header.columns.find((c) => c.field === 'final_level')?.header ?? '') ?? p.title.deciderLevel);
		put(fileIds[i]);
		// a quarter or term the title (or --period) names: a row's period column saying another is refused
		app.appendBoolean(p.title.period !== null);
		// the day a registry stands at: its title's, else the year it names (registry.sql reads a year
		// as any day of it; none: as of now)
		const year = opts.year ?? p.title.year;
		put(p.title.asOf ?? (year ? String(year) : null));
		// the header of the column a leader's unit is read from, for the warning naming it (rating.sql)
		put(p.header.columns.find((c) => c.field === 'agency')?.header);
		app.endRow();
	});
	app.closeSync();
	trace('source_file', t0);

	t0 = performance.now();
	await t.run('set preserve_insertion_order = true'); // staging numbers rows in file order
	const staged = await stage(t, parts.map((p, i) => ({ partId: i, src: p.src, header: p.header, kind: p.kind })));
	// the decision a list is attached to (its title, else its footer: stg_decided) dates the rows no
	// decision column dates; where none is cited, the day its place-date line says the list was signed
	// (above it, else above the signature): the body signs the list it decided (R4 late, R8 order)
	const footers = new Map((await t.query<{ part_id: number; decided_on: string | null; signed_on: string | null }>(
		'select part_id, max(decided_on) filter (where not signed) as decided_on, max(decided_on) filter (where signed) as signed_on from stg_decided group by 1'
	)).map((d) => [d.part_id, d]));
	for (const [i, p] of parts.entries()) {
		const f = footers.get(i);
		const on = p.title.decidedOn ?? f?.decided_on ?? p.title.signedOn ?? f?.signed_on;
		if (on && (p.kind === 'rating' || p.kind === 'civil_servant'))
			await t.run('update stg set decided_on = $d where part_id = $i and decided_on is null', { d: on, i });
	}
	trace('stage', t0);
	// From here every row carries its file and row number: tables may be written in any order,
	// which lets DuckDB write them in parallel.
	await t.run('set preserve_insertion_order = false');

	// Per-row period cells ("Quý III", "Nhiệm kỳ 2020–2025") are few distinct values: parsed here.
	// A bare "III" or "3" is a quarter under a header "Quý" only: such rows are per file (part_id).
	await t.run('create or replace temp table period_map (raw varchar, kind varchar, no integer, year integer, part_id integer)');
	const raws = await t.query<{ raw: string; parts: number[] }>('select period as raw, list(distinct part_id) as parts from stg where period is not null group by 1');
	for (const { raw, parts: ps } of raws) {
		const pp = parsePeriod(raw);
		if (pp) await t.run('insert into period_map values ($r, $k, $n, $y, null)', { r: raw, k: pp.kind, n: pp.no, y: pp.year ?? null });
		else
			for (const pi of ps) {
				const bare = parseBareQuarter(raw, parts[pi].header.columns.find((c) => c.field === 'period')?.header ?? '');
				if (bare) await t.run('insert into period_map values ($r, $k, $n, null, $p)', { r: raw, k: bare.kind, n: bare.no, p: pi });
			}
	}

	const steps = sqlSteps(sqlPath);
	const run = stepRunner(t, kind, steps, opts);
	// (the rows' years, which choose among units of one name, come from the dictionaries)
	t0 = performance.now();
	for (const sql of sqlSteps('ingest/dictionaries.sql').values()) await t.run(sql);
	trace('dictionaries', t0);
	await run('unit_refs');
	if (steps.has('unit_refs')) await t.run(sqlFile('ingest/resolve_units.sql'));
	// unit cells that name an agency or a locality ("UBND xã A"), placed as a civil servant's agency is
	if (steps.has('agency_refs')) {
		await run('agency_refs');
		await t.run(sqlFile('ingest/agency_unit.sql'));
	}
	await run('normalise');

	// Validation: every refused row, per file; refused files leave the batch whole.
	t0 = performance.now();
	opts.onStep?.('kiểm tra lỗi');
	const errs = await t
		.query<{ part_id: number; rn: number; field: string; value: string | null; message: string }>(steps.get('errors')!)
		.catch((e) => Promise.reject(new Error(`${sqlPath} step errors: ${e.message}`)));
	trace('errors', t0);
	const results: PartResult[] = parts.map((p, i) => ({ fileId: fileIds[i], rowsRead: staged.get(i) ?? 0, rowsStored: 0, errors: [], errorCount: 0, warnings: [] }));
	// dates written month first (dictionaries.sql), read day first: said, with one of them
	for (const m of await t.query<{ part_id: number; example: string; read_as: string }>('select part_id, example, day_first(example) as read_as from month_first'))
		results[m.part_id].warnings.push(
			`Ngày tháng trong tệp ghi theo kiểu tháng/ngày/năm (như "${m.example}": Excel đặt vùng Hoa Kỳ): đã đọc là ngày/tháng/năm (${m.read_as}). Nếu không đúng, sửa ngày trong tệp rồi gửi lại.`
		);
	// score columns that hold only a part of the score (findHeader): stored with no score, said, or
	// R9's "không có điểm" on every row would be all the list shows of it
	for (const [i, p] of parts.entries())
		if (p.header.unreadScores && (p.kind === 'rating' || p.kind === 'civil_servant'))
			results[i].warnings.push(
				`Cột điểm ${p.header.unreadScores.map((h) => `"${h}"`).join(', ')} chỉ ghi một phần của điểm, không có cột tổng điểm hay đủ hai phần (tiêu chí chung 30 điểm, kết quả thực hiện nhiệm vụ 70 điểm) để cộng: điểm không được đọc, các dòng được lưu không có điểm. Thêm cột "Tổng điểm" hoặc ghi đủ hai phần rồi gửi lại.`
			);
	const label = new Map(FIELDS.map((f) => [f.field, f.label]));
	// a file read as two parts (prepareParts: its organisations' ratings and their collectives')
	// finds a row's fault in each: the row is refused once for it, and counted once
	const said = new Set<string>();
	const errorKey = (i: number, e: RowError) => JSON.stringify([fileOf[i], e.file, e.row, e.column, e.value, e.message]);
	// a register with no decision-date column, whose form cells give no date either: said once, of
	// the file, not row by row under a "Ngày quyết định" column it does not have
	const undated = new Map<number, number[]>();
	for (const e of errs) {
		const r = results[e.part_id];
		const headerOf = new Map(parts[e.part_id].header.columns.map((c) => [c.field, c.header]));
		if (e.field === 'decided_on' && !headerOf.has('decided_on') && parts[e.part_id].kind === 'discipline') {
			undated.set(e.part_id, [...(undated.get(e.part_id) ?? []), e.rn]);
			continue;
		}
		const err: RowError = {
			file: parts[e.part_id].src.fileName,
			row: e.rn,
			// a unit may be named by either column: report the one the file has
			column:
				headerOf.get(e.field) ??
				// (the column a field was read from under another name: the unit's code, months of sick leave)
				(e.field === 'unit_name' ? headerOf.get('unit_code') : e.field in LEAVE_MONTHS ? headerOf.get(LEAVE_MONTHS[e.field]) : undefined) ??
				label.get(e.field) ??
				e.field,
			value: e.value ?? '',
			message: e.message
		};
		const key = errorKey(e.part_id, err);
		if (said.has(key)) continue;
		said.add(key);
		r.errorCount++;
		if (r.errors.length < MAX_ERRORS) r.errors.push(err);
	}
	for (const [i, rows] of undated) {
		results[i].errorCount += rows.length;
		results[i].errors.unshift({
			file: parts[i].src.fileName, row: 0, column: '', value: '',
			message: `Sổ kỷ luật không có cột ngày quyết định ("Ngày quyết định", hoặc số và ngày trong một cột: "Số, ngày quyết định"), ô hình thức kỷ luật cũng không ghi ngày: ${rows.length} dòng (dòng ${rows.sort((a, b) => a - b).slice(0, 5).join(', ')}${rows.length > 5 ? '…' : ''}) không có ngày quyết định (năm của quyết định quyết định năm bị tính). Thêm cột "Ngày quyết định" rồi gửi lại.`
		});
	}
	// a chi bộ the title names that the registry has nowhere inside the unit found, in a list with no
	// unit column: its rows are not the đảng bộ's (nor guessed)
	for (const [i, p] of parts.entries()) {
		const name = ctxs[i].unresolved;
		if (!name || p.header.columns.some((c) => c.field === 'unit_name' || c.field === 'unit_code')) continue;
		await refuseTitleName(t, p, results[i], name, unresolvedMessage(name, ctxs[i], p, opts));
	}
	// a đảng bộ the title names that the registry does not hold: the list is not filed under a unit of
	// the same name elsewhere (contextUnits)
	for (const [i, p] of parts.entries()) {
		const { foreign: name, ...c } = ctxs[i];
		if (!name) continue;
		const isChiBo = CHI_BO_KINDS.includes(c.kind ?? '');
		const around = c.id === null ? '' : ` (hay đảng bộ mang tên này không ${isChiBo ? 'chứa' : 'thuộc'} ${c.name}, mã ${c.code})`;
		const byName = isChiBo ? `${c.name} tìm được chỉ theo tên, có thể là chi bộ cùng tên` : 'Các chi bộ ghi trong danh sách, tìm theo tên, có thể là đơn vị cùng tên';
		await refuseTitleName(t, p, results[i], name,
			`Tiêu đề ghi "${name}", nhưng danh mục không có đảng bộ này${around}. ${byName} của một đảng bộ khác: tệp không được nạp. Nạp danh mục có "${name}" rồi nạp lại tệp, hoặc dùng --unit MÃ để chỉ rõ đơn vị của danh sách.`);
	}
	// a sheet named by no chi bộ, in a list whose rows then fell to the đảng bộ (refused above, row
	// by row): the sheet's name is why. (Rows placed by section rows "Chi bộ …" fell nowhere: a sheet
	// named "Xếp loại đảng viên" refuses nothing.)
	parts.forEach((p, i) => {
		const miss = ctxs[i].sheetMiss;
		if (!miss || !results[i].errors.some((e) => e.message.startsWith('Đảng viên phải thuộc một chi bộ'))) return;
		results[i].errorCount++;
		results[i].errors.unshift({
			file: p.src.fileName,
			row: 0,
			column: 'Tên trang tính',
			value: miss.sheet,
			message: miss.candidates.length
				? `Tên trang tính "${miss.sheet}" khớp ${miss.candidates.length} chi bộ của ${ctxs[i].name} (${miss.candidates.join(', ')}): không biết danh sách là của chi bộ nào. Đặt tên trang tính đúng tên chi bộ, ghi chi bộ ở tiêu đề, thêm cột Chi bộ, hoặc dùng --unit MÃ.`
				: `Không tìm thấy chi bộ "${miss.sheet}" trong ${ctxs[i].name} (tên trang tính, so với tên các chi bộ bỏ chữ "Chi bộ", "thôn", "ấp"…): đặt tên trang tính đúng tên chi bộ, ghi chi bộ ở tiêu đề, thêm cột Chi bộ, hoặc dùng --unit MÃ.`
		});
	});
	// a sheet named for one chi bộ under a title naming another (contextUnits)
	parts.forEach((p, i) => {
		const other = ctxs[i].sheetClash;
		if (!other) return;
		results[i].errorCount++;
		results[i].errors.unshift({
			file: p.src.fileName,
			row: 0,
			column: 'Tên trang tính',
			value: p.src.sheet ?? '',
			message: `Tên trang tính "${p.src.sheet}" là ${other}, nhưng tiêu đề của trang ghi ${ctxs[i].name}: không biết danh sách là của chi bộ nào (tiêu đề chép từ trang khác?). Sửa tiêu đề hoặc tên trang tính cho khớp rồi gửi lại.`
		});
	});
	// a list of a year after the unit its title names was dissolved
	parts.forEach((p, i) => {
		const d = ctxs[i].dissolved_in;
		if (!d) return;
		const at = p.src.preview.findIndex((r) => r.some((c) => c && fold(c).includes(fold(d.name))));
		const year = opts.year ?? p.title.year;
		results[i].errorCount++;
		results[i].errors.unshift({
			file: p.src.fileName,
			row: at + 1,
			column: 'Tiêu đề',
			value: d.name,
			message: `Đơn vị "${d.name}" đã giải thể ngày ${d.on}: không nhận danh sách năm ${year} của đơn vị này${d.successor ? ` (đơn vị kế thừa: ${d.successor}; nếu danh sách là của đơn vị đó, sửa tiêu đề hoặc dùng --unit MÃ)` : ''}.`
		});
	});
	// (the title's faults, found by each part, too)
	const listed = new Set<string>();
	results.forEach((r, i) => {
		const errors = r.errors.filter((e) => !listed.has(errorKey(i, e)));
		for (const e of errors) listed.add(errorKey(i, e));
		r.errorCount -= r.errors.length - errors.length;
		r.errors = errors;
	});
	// what the write reads is kept; the staged cells and dictionaries go (a load's batches are
	// prepared side by side: memory)
	const tables: string[] = [];
	for (const n of await tempTables(t)) {
		if (before.has(n)) continue;
		if (WRITE_READS.has(n) || process.env.KEEP_TMP) tables.push(n);
		else await t.run(`drop table temp.main.${n}`);
	}
	return { kind, parts, fileOf, results, tables, suffix: null };
}

/** The tables a batch's preparation makes that its write reads: the rows (norm), the files
 * (file_ctx), a registry's lineage cells (lin_ref). */
const WRITE_READS = new Set(['norm', 'file_ctx', 'lin_ref']);

/** The temp tables of this connection. */
async function tempTables(t: Db): Promise<string[]> {
	return (await t.query<{ name: string }>(`select table_name as name from duckdb_tables() where temporary order by 1`)).map((r) => r.name);
}

/** Set a prepared batch's temp tables aside under names of their own while the next batch is
 * prepared (the steps reuse the names), and back. */
export async function stashBatch(t: Db, b: ReadyBatch, suffix: string): Promise<void> {
	for (const n of b.tables) await t.run(`alter table temp.main.${n} rename to ${n}${suffix}`);
	b.suffix = suffix;
}
async function unstashBatch(t: Db, b: ReadyBatch): Promise<void> {
	if (b.suffix) for (const n of b.tables) await t.run(`alter table temp.main.${n}${b.suffix} rename to ${n}`);
	b.suffix = null;
}

/** Write a prepared batch, inside the load's transaction: the files not refused (here or, for a
 * workbook, in another batch: `refusedFiles`, by fileOf index) go in, with their source_file rows;
 * identity → merge → supersede. */
export async function writeBatch(t: Db, b: ReadyBatch, opts: LoadOptions, refusedFiles: ReadonlySet<number> = new Set()): Promise<BatchResult> {
	await unstashBatch(t, b);
	const { kind, parts, results } = b;
	const sqlPath = KIND_SQL[kind];
	const steps = sqlSteps(sqlPath);
	const run = stepRunner(t, kind, steps, opts);
	const fileIds = results.map((r) => r.fileId);
	// (one refused part refuses every part of its file)
	const badFiles = new Set([...refusedFiles, ...results.flatMap((r, i) => (r.errorCount ? [b.fileOf[i]] : []))]);
	const refused = results.flatMap((_, i) => (badFiles.has(b.fileOf[i]) ? [i] : []));
	if (refused.length) {
		const list = refused.join(', ');
		await t.run(`delete from norm where part_id in (${list})`);
		await t.run(`delete from file_ctx where part_id in (${list})`);
	}
	await t.run(
		`insert into source_file (id, file_name, sha256, file_sha256, kind, encoding, header_row, row_count, period_year, title_unit, loaded_by)
		 select file_id, file_name, sha256, file_sha256, file_kind, encoding, header_row, 0, default_year, title_unit, $by from file_ctx order by part_id`,
		{ by: opts.loadedBy ?? 'cli' }
	);

	if (steps.has('identity_in')) {
		opts.onStep?.('nhận diện người');
		await run('identity_in');
		// Year by year, oldest first: a member seen in 2024 and, after a merger, in 2025 is created
		// once and then matched through the lineage.
		const id = sqlSteps('ingest/identity.sql');
		const step = async (name: string) => {
			const t1 = performance.now();
			await profiled(t, `identity-${name}-${Math.round(t1)}`, () => t.run(id.get(name)!)).catch((e) => Promise.reject(new Error(`ingest/identity.sql step ${name}: ${e.message}`)));
			trace(`identity.${name}`, t1);
		};
		await step('scope');
		await t.run(sqlFile('ingest/agency_unit.sql'));
		await step('place');
		await t.run('create or replace temp table ident_all as select * from ident_in');
		await t.run('create or replace temp table ident_out_all (rk bigint, person_id integer, how varchar)');
		const years = await t.query<{ year: number | null }>('select distinct year from ident_all order by year nulls first');
		for (const { year } of years) {
			await t.run(`create or replace temp table ident_in as select * from ident_all where year is not distinct from ${year === null ? 'null' : Number(year)}`);
			await t.run('create or replace temp table ident_made (rk bigint, first_rk bigint)');
			await step('cards');
			let made = 1;
			// (the birth-year phase only where rows without birth data follow it: else the last phase
			// makes the same people, one match sooner)
			const birthless = (await t.one<{ n: number }>('select count(*)::int as n from ident_in where card_no is null and birth_year is null'))!.n;
			for (const phase of birthless ? [1, 2, 3, 4] : [1, 2, 4]) {
				await t.run(`set variable ident_phase = ${phase}`);
				// rows of a merger's successor wait for their predecessor's rows to be made (identity.sql
				// create_new); a chain of mergers waits once per link, a few at most
				for (let pass = 0; ; pass++) {
					// a phase that made no one leaves the next match as it was (two passes over every row saved
					// where every row has a card)
					if (made) await step('match');
					if (phase === 4) await step('report_ambiguous');
					await t.run(`set variable ident_defer = ${pass < 5}`);
					await step('create_new');
					const n = (await t.one<{ made: number; waiting: number }>('select count(first_rk)::int as made, count(*) filter (where first_rk is null)::int as waiting from ident_new'))!;
					made = n.made;
					if (!n.waiting) break;
				}
			}
			await step('finalize');
			await step('unclaim');
			await step('enrich');
			await step('reconcile');
			await step('remember');
			await t.run('insert into ident_out_all select rk, person_id, how from ident_out');
		}
		await t.run('create or replace temp table ident_out as select * from ident_out_all; drop table ident_out_all; drop table ident_all');
		// what identity reported per file, as the file's warnings
		// (rows: the first five, "dòng 7: Nguyễn Văn An", so that the clerk knows whom to check)
		const told: Record<string, (n: number, rows: string) => string> = {
			ambiguous: (n, rows) => `${n} người chưa xác định chắc chắn (${rows}; trùng họ tên và ngày sinh, hoặc chỉ trùng họ tên khi danh sách không ghi ngày sinh): đã ghi vào danh sách cần kiểm tra.`,
			merged: (n, rows) => `${n} người có số thẻ trùng họ tên, ngày sinh với hồ sơ không có số thẻ trong cùng đơn vị (${rows}): đã nhận là một người.`
		};
		const issues = await t.query<{ file_id: number; severity: string; n: number; rows: string }>(
			`select source_file_id as file_id, severity, count(*)::int as n,
			     first_five(list('dòng ' || source_row || ': ' || regexp_extract(message, '"([^"]*)"', 1) order by source_row)) as rows
			 from ingest_issue
			 where severity in ('ambiguous', 'merged') and source_file_id in (select file_id from file_ctx) group by all order by all`
		);
		for (const i of issues) results[fileIds.indexOf(i.file_id)]?.warnings.push(told[i.severity](i.n, i.rows));
		// a card number of someone else, or a namesake of the unit born the same day under another card
		// (identity.sql cards): each row told, with its card column, for the clerk must correct one
		const cards = await t.query<{ file_id: number; row: number; message: string }>(
			`select source_file_id as file_id, source_row as row, message from ingest_issue
			 where severity = 'card' and source_file_id in (select file_id from file_ctx) order by all`
		);
		for (const c of cards) {
			const i = fileIds.indexOf(c.file_id);
			const column = parts[i]?.header.columns.find((x) => x.field === 'card_no')?.header ?? '';
			results[i]?.warnings.push(formatRowError({ file: parts[i].src.fileName, row: c.row, column, value: '', message: c.message }));
		}
	}
	await run('merge');
	await run('supersede');
	await run('paths');
	const touched = steps.has('touched') ? await t.query<{ year: number; period_kind: string; period_no: number }>(steps.get('touched')!) : [];
	const q4 = await t.query<{ part_id: number; year: number }>(
		kind === 'rating' || kind === 'civil_servant'
			? `select distinct part_id, period_year as year from norm where period_kind = 'quarter' and period_no = 4`
			: 'select null::integer as part_id, null::integer as year where false'
	);
	for (const { part_id, year } of q4) {
		const rb = quarterIvFolded(year);
		if (rb) results[part_id].warnings.push(`Danh sách quý IV: theo ${rb} quý IV không đánh giá riêng mà gộp vào đánh giá cả năm; đã nạp kèm cảnh báo.`);
	}
	// what the kind's SQL has to say about a file it stored (forms it could not read…)
	if (steps.has('warnings'))
		for (const w of await t.query<{ part_id: number; message: string }>(steps.get('warnings')!)) results[w.part_id].warnings.push(w.message);
	const stored = await t.query<{ part_id: number; n: number }>('select part_id, count(*)::int as n from norm group by part_id');
	for (const s of stored) results[s.part_id].rowsStored = s.n;
	await t.run(`update source_file set row_count = n.n from (select part_id, count(*)::int as n from norm group by part_id) n
		join file_ctx c on c.part_id = n.part_id where source_file.id = c.file_id`);
	for (const [i, r] of results.entries())
		if (!refused.includes(i)) for (const w of r.warnings) await t.run('insert into ingest_issue values ($f, null, $s, $m)', { f: fileIds[i], s: 'warning', m: w });
	for (const tmp of process.env.KEEP_TMP ? [] : [...new Set([...WRITE_READS, 'ident_in', 'ident_out', 'ident_new', 'unit_scope', 'g_related', 'batch_seen', 'unit_related', 'name_scope', 'stored_claim', 'ident_unclaim', 'agency_ref', 'agency_unit', 'ident_place', 'ident_unplaced', 'ident_card_conflict', 'unit_paths'])])
		await t.run(`drop table if exists temp.main.${tmp}`);
	return { parts: results, touched };
}

/** The rulebook the year picks (its short name) where it does not rate quarter IV apart (QĐ 366: folded
 * into the year's rating), else null: the years are the rulebooks', not the ingest's. A year no
 * rulebook covers warns nothing. */
function quarterIvFolded(year: number): string | null {
	try {
		const rb = pickRulebook(year);
		return rb.params.quarter_iv_rated_apart === false ? rb.short : null;
	} catch (e) {
		if (e instanceof RulebookError) return null;
		throw e;
	}
}

/** Runs a named step of a kind's SQL, traced and profiled, telling the progress line. */
function stepRunner(t: Db, kind: FileKind, steps: Map<string, string>, opts: LoadOptions) {
	const STEP_VI: Record<string, string> = { normalise: 'chuẩn hóa', merge: 'ghi vào kho', supersede: 'thay danh sách cũ' };
	return async (name: string) => {
		const sql = steps.get(name);
		if (!sql) return;
		if (STEP_VI[name]) opts.onStep?.(STEP_VI[name]);
		const t1 = performance.now();
		await profiled(t, `${kind}-${name}`, () => t.run(sql)).catch((e) => Promise.reject(new Error(`${KIND_SQL[kind]} step ${name}: ${e.message}`)));
		trace(name, t1);
	};
}
