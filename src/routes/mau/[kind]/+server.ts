// GET /mau/<kind>.xlsx: the blank template of a file kind (registry, roster, rating, discipline, civil_servant).
import { error } from '@sveltejs/kit';
import { FILE_KINDS, type FileKind } from '$lib/domain/levels';
import { templateXlsx } from '$lib/server/templates';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const kind = params.kind.replace(/\.xlsx$/, '') as FileKind;
	if (!(kind in FILE_KINDS)) error(404, 'Không có mẫu này.');
	return new Response(new Uint8Array(await templateXlsx(kind)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="mau-${kind}.xlsx"`
		}
	});
};
