// Errors the ingest reports to people: Vietnamese, naming the file and, for a row, its row number,
// column and value. IngestError refuses a whole file before any row is read.

export interface RowError {
	file: string;
	row: number;
	column: string;
	value: string;
	message: string;
}

export class IngestError extends Error {
	constructor(
		readonly file: string,
		message: string
	) {
		super(`${file}: ${message}`);
	}
}

export function formatRowError(e: RowError): string {
	const at = e.row > 0 ? `dòng ${e.row}` : 'tiêu đề';
	const col = e.column ? `, cột "${e.column}"` : '';
	const val = e.value !== '' ? `, giá trị "${e.value}"` : '';
	return `${e.file}, ${at}${col}${val}: ${e.message}`;
}

/** A file refused for its rows: the first few hundred row errors, and how many there were. */
export class RefusedError extends Error {
	constructor(
		readonly errors: RowError[],
		readonly total: number
	) {
		super(`${total} dòng bị từ chối`);
	}
}
