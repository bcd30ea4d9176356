// Vietnamese full names for generated members: family names in their real national proportions
// (Nguyễn ~38%, Trần ~11%, Lê ~9.5%, Phạm ~7% …, Hoàng/Vũ in the north, Huỳnh/Võ in the south),
// middle names by sex and generation (Văn / Thị fading after 1980), given names by sex.
// No word starts with a toned capital (Á, Ý, Ú…): TCVN3 cannot write those (RULES.md, encodings).
// Also place-name syllables for generated district and commune names. Called by people.ts, units.ts.
import { Weighted, type Rng } from './prng';

function table(spec: string): Weighted<string> {
	const items: string[] = [];
	const weights: number[] = [];
	for (const part of spec.split(',')) {
		const [name, w] = part.trim().split(':');
		items.push(name);
		weights.push(w ? Number(w) : 1);
	}
	return new Weighted(items, weights);
}

const FAMILY_COMMON =
	'Nguyễn:38.4,Trần:11,Lê:9.5,Phạm:7.1,Phan:4.5,Đặng:2.1,Bùi:2,Đỗ:1.4,Hồ:1.3,Ngô:1.3,Dương:1,Lý:0.5,' +
	'Đinh:0.9,Trương:0.8,Đoàn:0.6,Lương:0.6,Mai:0.5,Cao:0.5,Trịnh:0.5,Hà:0.5,Lâm:0.4,Lưu:0.3,Phùng:0.3,' +
	'Tạ:0.3,Lại:0.2,Chu:0.2,Quách:0.2,Tô:0.2,Kiều:0.2,Thái:0.2,Vương:0.2,Triệu:0.2,Châu:0.2,Văn:0.2,' +
	'Nghiêm:0.1,Tống:0.1,Thân:0.1,Đàm:0.1,Lục:0.1,Giang:0.1,Tăng:0.1,La:0.1,Hứa:0.1,Khúc:0.05,Mạc:0.05';
const FAMILY_NORTH = FAMILY_COMMON + ',Hoàng:4.5,Huỳnh:0.6,Vũ:3.3,Võ:0.6,Nông:0.4,Lò:0.15';
const FAMILY_SOUTH = FAMILY_COMMON + ',Hoàng:1.5,Huỳnh:3.6,Vũ:0.8,Võ:3.1';

const MIDDLE_MALE_OLD =
	'Văn:55,Hữu:5,Đức:5,Minh:4,Quốc:3,Thanh:4,Công:4,Xuân:4,Ngọc:3,Đình:5,Quang:3,Trọng:3,Thế:3,' +
	'Mạnh:2,Bá:2,Viết:2,Tiến:2,Hoàng:1,Trung:1,Kim:1,Phú:1,Tấn:2,Thành:2,Chí:1,Vĩnh:1';
const MIDDLE_MALE_YOUNG =
	'Văn:22,Hữu:4,Đức:7,Minh:8,Quốc:5,Thanh:5,Công:4,Xuân:3,Ngọc:3,Đình:3,Quang:4,Duy:4,Tuấn:3,' +
	'Trọng:3,Thế:2,Mạnh:2,Hoàng:3,Anh:2,Trung:2,Gia:2,Hải:1,Tấn:2,Thành:3,Chí:2,Bảo:2,Nhật:1,Khắc:1';
const MIDDLE_FEMALE_OLD =
	'Thị:65,Ngọc:5,Thu:4,Thanh:4,Kim:4,Hồng:4,Minh:1,Phương:1,Bích:2,Xuân:2,Tuyết:1,Thúy:2,Mỹ:1,Cẩm:1,Kiều:1';
const MIDDLE_FEMALE_YOUNG =
	'Thị:30,Ngọc:7,Thu:6,Thanh:5,Kim:3,Minh:4,Hồng:3,Phương:4,Thùy:4,Mai:2,Bích:2,Hoài:2,Diệu:2,' +
	'Khánh:2,Hải:2,Lan:1,Mỹ:3,Quỳnh:2,Bảo:2,Thúy:2,Cẩm:1,Hương:1,Xuân:1,Như:2,Tường:1,Yến:1';

const GIVEN_MALE =
	'Hùng:3,Dũng:3,Tuấn:3,Minh:3,Hải:3,Nam:2.5,Long:2.5,Thắng:2.5,Sơn:2.5,Quang:2,Hưng:2,Cường:2,' +
	'Trung:2,Phong:1.5,Bình:2,Đức:2,Hiếu:1.5,Thành:2.5,Tùng:1.5,Khoa:1,Vinh:1.5,Tâm:1.5,Toàn:1.5,Lâm:1,' +
	'Huy:2,Hoàng:1.5,Tú:1,Kiên:1,Dương:1,Hòa:1.5,Phúc:1,Lợi:1,Tài:1,Thịnh:1,Tiến:1.5,Việt:1.5,Đạt:1.5,' +
	'Khánh:1,Quân:1.5,Chiến:1.5,Hiệp:1,Tín:1,Nghĩa:1.5,Sang:1,Phước:1,Lộc:1,Thanh:1,Bảo:1,Duy:1,' +
	'Trí:1,Tân:1,Hậu:1,Thái:1,Hiển:0.7,Luân:0.7,Định:0.7,Kiệt:0.7,Nhân:1,Anh:2,Thuận:1,Trường:1,' +
	'Hiền:0.5,Lực:0.7,Mạnh:1,Quyết:0.7,Tuyên:0.5,Thông:0.7,Vũ:1,Khải:0.5,Phương:0.7,Hạnh:0.4,Chính:0.7';
const GIVEN_FEMALE =
	'Hương:3,Lan:2.5,Hoa:2.5,Mai:2,Linh:3,Trang:3,Thảo:2.5,Hằng:2.5,Nga:2,Nhung:2,Huyền:2.5,Thủy:2.5,' +
	'Yến:2,Phương:2,Anh:2,Hà:2,Hạnh:2,Ngọc:1.5,Dung:2,Loan:1.5,Oanh:1.5,Liên:1.5,Thu:1.5,Vân:1.5,' +
	'Hiền:2,Tuyết:1,Quyên:1,Nhàn:1,Hồng:1.5,Giang:1.5,Diệp:0.7,Trinh:1,Nhi:1,Vy:0.8,Châu:0.8,Uyên:0.8,' +
	'Hậu:0.8,Lý:0.7,Duyên:1,Thơm:0.8,Hường:1,Lụa:0.5,Xuân:1,Thoa:1,Tâm:1,Lệ:0.8,Nguyệt:0.8,Ly:1,' +
	'Thanh:1,Dịu:0.5,Hoài:0.7,Lành:0.5,Huệ:0.8,Cúc:0.6,Đào:0.6,Gấm:0.4,Thắm:0.6,My:0.6,Ngân:1,Quỳnh:1';

const T = {
	familyNorth: table(FAMILY_NORTH),
	familySouth: table(FAMILY_SOUTH),
	midMaleOld: table(MIDDLE_MALE_OLD),
	midMaleYoung: table(MIDDLE_MALE_YOUNG),
	midFemaleOld: table(MIDDLE_FEMALE_OLD),
	midFemaleYoung: table(MIDDLE_FEMALE_YOUNG),
	givenMale: table(GIVEN_MALE),
	givenFemale: table(GIVEN_FEMALE)
};

/** A full name: family + middle (sometimes two middle words for the young) + given. */
export function fullName(rng: Rng, female: boolean, birthYear: number, south: boolean): string {
	const family = (south ? T.familySouth : T.familyNorth).draw(rng);
	const young = birthYear >= 1982;
	const mid = female
		? (young ? T.midFemaleYoung : T.midFemaleOld).draw(rng)
		: (young ? T.midMaleYoung : T.midMaleOld).draw(rng);
	let given = (female ? T.givenFemale : T.givenMale).draw(rng);
	if (given === mid) given = (female ? T.givenFemale : T.givenMale).draw(rng);
	if (given === mid) return `${family} ${mid}`;
	// a second middle word now and then ("Nguyễn Thị Thu Hương")
	if (young && rng.chance(0.12) && (mid === 'Thị' || mid === 'Văn')) {
		const mid2 = (female ? T.midFemaleYoung : T.midMaleYoung).draw(rng);
		if (mid2 !== mid && mid2 !== 'Thị' && mid2 !== 'Văn' && mid2 !== given) return `${family} ${mid} ${mid2} ${given}`;
	}
	return `${family} ${mid} ${given}`;
}

/** Syllables of Sino-Vietnamese place names (communes, wards, districts), none with a toned capital. */
const PLACE_A =
	'Tân,Bình,Hòa,Phước,Phú,Long,An,Thanh,Vĩnh,Đức,Hưng,Minh,Thạnh,Quang,Xuân,Thuận,Mỹ,Hiệp,Trung,' +
	'Đông,Tây,Nam,Bắc,Hương,Kim,Cẩm,Thái,Hồng,Yên,Gia,Lộc,Nghĩa,Thịnh,Lạc,Sơn,Thạch,Kỳ,Cát,Hải,' +
	'Tiến,Quảng,Hợp,Đồng,Liên,Tam,Ngọc,Định,Lâm,Thủy,Hoàng,Phong,Tường,Vạn,Trường,Hiển,Thọ,Khánh,Hoài';
const PLACE_B =
	'An,Bình,Hòa,Phú,Lợi,Long,Thành,Thịnh,Hưng,Phước,Lộc,Sơn,Hải,Thủy,Lâm,Hiệp,Tân,Trung,Đông,Tây,' +
	'Nam,Bắc,Xuân,Thuận,Mỹ,Lập,Định,Phong,Tiến,Quang,Minh,Đức,Khánh,Hội,Nghĩa,Cường,Vinh,Thạnh,Hậu,' +
	'Tường,Trạch,Điền,Kiều,Dương,Giang,Thái,Thọ,Châu,Lạc,Hà,Hồng,Liên,Mai,Ninh,Quý,Tâm,Trà,Vân';

const placeA = PLACE_A.split(',');
const placeB = PLACE_B.split(',');

/** A two-syllable place name not yet in `used` (keys are the names themselves). */
export function placeName(rng: Rng, used: Set<string>): string {
	for (let i = 0; i < 200; i++) {
		const a = rng.pick(placeA);
		const b = rng.pick(placeB);
		if (a === b) continue;
		const n = `${a} ${b}`;
		if (!used.has(n)) {
			used.add(n);
			return n;
		}
	}
	// fall back to numbered names in the (unlikely) case the pool is exhausted
	let k = used.size;
	while (used.has(`${rng.pick(placeA)} ${k}`)) k++;
	const n = `${rng.pick(placeA)} ${k}`;
	used.add(n);
	return n;
}

/** True when the text has a capital with a tone mark, which TCVN3 cannot encode. */
export function hasTonedCapital(s: string): boolean {
	return /[ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ]/.test(s);
}
