// GET /mau/<kind>.xlsx: the blank template of a file kind (registry, roster, rating, discipline, civil_servant).
import { error } from '@sveltejs/kit';
import { FILE_KINDS, type FileKind } from '$lib/domain/levels';
import { templateXlsx } from '$lib/server/templates';
import type { RequestHandler } from './$types';

/** The file a template is saved as: what it is, in Vietnamese without accents (any browser, any disk). */
const FILE_NAME: Record<FileKind, string> = {
	registry: 'mau-danh-muc-to-chuc-dang',
	roster: 'mau-danh-sach-dang-vien',
	rating: 'mau-danh-sach-xep-loai',
	discipline: 'mau-so-ky-luat',
	civil_servant: 'mau-xep-loai-can-bo-cong-chuc'
};

export const GET: RequestHandler = async ({ params }) => {
	const kind = params.kind.replace(/\.xlsx$/, '') as FileKind;
	if (!(kind in FILE_KINDS)) error(404, 'Không có mẫu này.');
	return new Response(new Uint8Array(await templateXlsx(kind)), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="${FILE_NAME[kind]}.xlsx"`
		}
	});
};
