// npm run ingest -- FILES… [--year Y] [--period P] [--unit CODE] [--kind K] [--dry-run] [--db PATH] [--scope CODE]
// Thin over ingestFiles: the web upload calls the same function.
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { FILE_KINDS, isValidTerm, type FileKind } from '../lib/domain/levels';
import { getDb } from '../lib/server/db';
import { formatRowError } from '../lib/server/ingest/errors';
import { ingestFiles } from '../lib/server/ingest';
import { parsePeriod } from '../lib/server/ingest/header';
import { fmtPeriod } from '../lib/format';
import { exitWhenFlushed, fail, flagInt, flagString, num, parseArgs, progress, secs, table } from './output';

const STATUS: Record<string, string> = { loaded: 'đã nạp', unchanged: 'không đổi', refused: 'từ chối', checked: 'hợp lệ (chạy thử)' };

/** Excel's lock file ("~$Thôn 1.xlsx", beside a workbook open in Excel): no one's list, whether a
 * folder holds it or a shell glob names it; skipped, and said (the workbook may be mid-edit). */
const isLockFile = (path: string) => basename(path).startsWith('~$');

/** A folder stands for every file under it (a whole round is thousands of files: more than a
 * command line holds). Not only .csv/.xlsx: a unit's .xls or .pdf is refused with its reason, not
 * left out unseen. Hidden files and Windows' Thumbs.db/desktop.ini are no one's list. */
function expand(paths: string[]): string[] {
	return paths.flatMap((p) => {
		let st;
		try {
			st = statSync(p);
		} catch {
			return [p]; // ingest reports the missing file
		}
		if (!st.isDirectory()) return [p];
		return readdirSync(p, { recursive: true, encoding: 'utf8' })
			.filter((f) => !/(^|\/)\.|(^|\/)(thumbs\.db|desktop\.ini)$/i.test(f) && statSync(join(p, f)).isFile())
			.sort()
			.map((f) => join(p, f));
	});
}

async function main() {
	const { flags, rest } = parseArgs(process.argv.slice(2));
	if (flags.has('help') || rest.length === 0) {
		console.log('Cách dùng: npm run ingest -- TỆP_HOẶC_THƯ_MỤC… [--year NĂM] [--period "Quý III"|"Nhiệm kỳ 2020-2025"|năm] [--unit MÃ] [--kind registry|roster|rating|discipline|civil_servant] [--dry-run] [--no-audit] [--scope MÃ] [--db ĐƯỜNG_DẪN]');
		process.exit(rest.length === 0 && !flags.has('help') ? 2 : 0);
	}
	const kind = flagString(flags, 'kind');
	if (kind && !(kind in FILE_KINDS)) fail(`--kind "${kind}" không hợp lệ: ${Object.keys(FILE_KINDS).join(', ')}.`);
	// --period "Quý III", "Q3", "Nhiệm kỳ 2020-2025" (or "2020-2025"), "năm": every list's period
	const periodText = flagString(flags, 'period');
	const period = periodText ? parsePeriod(/^\d{4}\s*[-–]\s*\d{4}$/.test(periodText.trim()) ? `nhiệm kỳ ${periodText}` : periodText) : undefined;
	if (periodText && (!period || (period.kind === 'term' && !isValidTerm(period.no, period.year ?? 0))))
		fail(`--period "${periodText}" không hợp lệ: dùng "Quý III" (hoặc Q3), "Nhiệm kỳ 2020-2025" hoặc "năm".`);
	const db = await getDb(flagString(flags, 'db')).catch((e) => fail(e.message));
	const paths = expand(rest);
	const locks = paths.filter(isLockFile);
	const report = await ingestFiles(db, paths.filter((p) => !isLockFile(p)), {
		year: flagInt(flags, 'year'),
		period: period ?? undefined,
		unit: flagString(flags, 'unit'),
		kind: kind as FileKind | undefined,
		dryRun: flags.has('dry-run'),
		audit: !flags.has('no-audit'),
		scope: flagString(flags, 'scope') ?? null,
		onProgress: (e) => progress('Nạp dữ liệu', e.index, e.total, `${e.step}: ${e.file}`)
	});
	console.log();
	console.log(
		table(
			['Tệp', 'Loại', 'Kết quả', 'Dòng đọc', 'Dòng lưu', 'Dòng lỗi', 'Thời gian'],
			report.files.map((f) => [f.path.split('/').pop()!, f.kind ? FILE_KINDS[f.kind] : '—', STATUS[f.status], num(f.rowsRead), num(f.rowsStored), num(f.errorCount), secs(f.seconds)])
		)
	);
	for (const l of locks) console.log(`\n${l}: bỏ qua, tệp khóa tạm của Excel (có khi tệp cùng tên đang mở trong Excel), không phải danh sách; nếu đang sửa tệp ấy, lưu và đóng Excel rồi nạp lại.`);
	for (const f of report.files) {
		// (a loaded file's warnings under its name too: in a batch of hundreds, whose they are)
		if ((f.message && f.status !== 'loaded') || f.warnings.length) console.log(`\n${f.message && f.status !== 'loaded' ? refusal(f.path, f.message) : `${f.path}:`}`);
		for (const e of f.errors.slice(0, 50)) console.log(`  - ${formatRowError(e)}`);
		if (f.errorCount > 50) console.log(`  … và ${num(f.errorCount - 50)} lỗi khác.`);
		for (const w of f.warnings) console.log(`  ! ${w}`);
	}
	if (report.auditRuns.length)
		console.log(`\nĐã chạy kiểm tra cho ${(report.audited ?? report.touched).map((t) => fmtPeriod(t.year, t.period_kind, t.period_no)).join(', ')} (lượt ${report.auditRuns.join(', ')}) trong ${secs(report.auditSeconds)}.`);
	if (report.auditError) console.log(`\nDữ liệu đã nạp, nhưng kiểm tra quy định không chạy được: ${report.auditError}`);
	const refused = report.files.filter((f) => f.status === 'refused').length;
	exitWhenFlushed(refused || report.auditError ? 1 : 0);
}

/** A refused file's path and why. A whole-file refusal's message opens with the file's name ("cu.xls:
 * …", "thap.xlsx [Thôn 2]: …"): the name is said once, in the path. */
function refusal(path: string, message: string): string {
	const base = path.split('/').pop()!;
	return message.startsWith(`${base}:`) || message.startsWith(`${base} [`) ? path.slice(0, path.length - base.length) + message : `${path}: ${message}`;
}

main().catch((e) => fail(e?.message ?? String(e), 1));
