// The vocabulary of columns units send: each field Giám Sát understands, the header spellings that
// name it (matched on alnum_key: case-, accent-, spacing- and punctuation-insensitive), and the
// file kinds that use it. README's column tables and the blank templates are generated from here.
import type { FileKind } from '../../domain/levels';
import { fold } from '../../domain/anomaly';

export interface FieldDef {
	field: string;
	/** Vietnamese label used in templates and messages */
	label: string;
	aliases: string[];
	kinds: FileKind[];
	/** what the column holds, for README and templates */
	doc: string;
}

export const FIELDS: FieldDef[] = [
	{ field: 'stt', label: 'STT', aliases: ['STT', 'TT', 'Số thứ tự', 'No'], kinds: ['registry', 'roster', 'rating', 'discipline', 'civil_servant'], doc: 'số thứ tự (bỏ qua)' },
	{ field: 'full_name', label: 'Họ và tên', aliases: ['Họ và tên', 'Họ tên', 'Họ và tên đảng viên', 'Tên đảng viên', 'Họ và tên cán bộ', 'Full name', 'Name'], kinds: ['roster', 'rating', 'discipline', 'civil_servant'], doc: 'họ và tên người được đánh giá' },
	// "Họ (đệm)" | "Tên" in two columns: the given name, joined after the family name. No kinds: not
	// a column of the templates, only recognised when a unit splits the name.
	{ field: 'given_name', label: 'Tên', aliases: ['Tên', 'Tên gọi', 'Given name'], kinds: [], doc: 'tên, khi họ và tên tách hai cột' },
	{ field: 'birth', label: 'Ngày sinh', aliases: ['Ngày sinh', 'Năm sinh', 'Ngày tháng năm sinh', 'Sinh ngày', 'Date of birth', 'Birth date'], kinds: ['roster', 'rating', 'discipline', 'civil_servant'], doc: 'ngày sinh dd/mm/yyyy, hoặc chỉ năm sinh ("1988", "Sinh năm 1988", "SN 1988")' },
	// "Năm sinh" over "Nam | Nữ": the women's births in the second column (header.ts finds it, staging
	// takes whichever is filled and the sex from it). No kinds: not a column of the templates.
	{ field: 'birth_female', label: 'Năm sinh (Nữ)', aliases: [], kinds: [], doc: 'ngày hoặc năm sinh của nữ, khi "Năm sinh" chia hai cột Nam | Nữ' },
	// "Ngày sinh" over "Ngày | Tháng | Năm": the month and the year of the birth (header.ts; the day is the
	// birth column), which staging joins into one date. No kinds: not columns of the templates.
	{ field: 'birth_month', label: 'Tháng sinh', aliases: [], kinds: [], doc: 'tháng sinh, khi ngày sinh chia ba cột Ngày | Tháng | Năm' },
	{ field: 'birth_year', label: 'Năm sinh', aliases: [], kinds: [], doc: 'năm sinh, khi ngày sinh chia ba cột Ngày | Tháng | Năm' },
	// a quarter's score, where the list gives the quarters' and not the year's (header.ts): their mean is the score
	...[1, 2, 3, 4].map((n) => ({ field: `score_q${n}`, label: `Điểm quý ${'I II III IV'.split(' ')[n - 1]}`, aliases: [], kinds: [], doc: 'điểm một quý, khi danh sách không có điểm cả năm' })),
	// the two parts of QĐ 366's 100 points, where the list gives no total (header.ts): their sum is the score
	{ field: 'score_general', label: 'Điểm tiêu chí chung', aliases: [], kinds: [], doc: 'điểm tiêu chí chung (30 điểm), khi danh sách không có tổng điểm' },
	{ field: 'score_tasks', label: 'Điểm kết quả thực hiện nhiệm vụ', aliases: [], kinds: [], doc: 'điểm kết quả thực hiện nhiệm vụ (70 điểm), khi danh sách không có tổng điểm' },
	// … or the months' ("Tháng 1 … Tháng 12" under "Điểm đánh giá hằng tháng"): likewise their mean
	...Array.from({ length: 12 }, (_, k) => ({ field: `score_m${k + 1}`, label: `Điểm tháng ${k + 1}`, aliases: [], kinds: [] as FileKind[], doc: 'điểm một tháng, khi danh sách không có điểm cả năm' })),
	{ field: 'sex', label: 'Giới tính', aliases: ['Giới tính', 'Nam/Nữ', 'Sex', 'Gender'], kinds: ['roster'], doc: 'Nam / Nữ' },
	{ field: 'card_no', label: 'Số thẻ đảng viên', aliases: ['Số thẻ đảng viên', 'Số thẻ ĐV', 'Mã đảng viên', 'Số thẻ', 'Mã ĐV', 'Card number', 'Party card'], kinds: ['roster', 'rating', 'discipline', 'civil_servant'], doc: 'số thẻ đảng viên (khóa nhận diện chính)' },
	{ field: 'position', label: 'Chức vụ', aliases: ['Chức vụ', 'Chức danh', 'Chức vụ, chức danh', 'Position'], kinds: ['roster', 'rating', 'civil_servant'], doc: 'chức vụ đảng, chính quyền (hai cột "Chức vụ chính quyền" | "Chức vụ đảng": ghép cả hai)' },
	{ field: 'position_more', label: 'Chức vụ (cột thứ hai)', aliases: [], kinds: [], doc: 'chức vụ ở cột thứ hai ("Chức vụ chính quyền" | "Chức vụ đảng"): ghép vào chức vụ' },
	// "Chức vụ, đơn vị công tác" ("Bí thư Đảng ủy xã A"): header.ts reads it as the post and, where no
	// column of its own gives one, the place of work. No kinds: not a column of the templates.
	{ field: 'position_agency', label: 'Chức vụ, đơn vị công tác', aliases: [], kinds: [], doc: 'chức vụ và đơn vị công tác trong một cột: chức vụ, và đơn vị công tác khi không có cột "Đơn vị công tác" riêng' },
	{ field: 'is_head', label: 'Người đứng đầu', aliases: ['Người đứng đầu', 'Là người đứng đầu', 'Đứng đầu', 'Head'], kinds: ['roster', 'rating'], doc: 'Có / Không: người đứng đầu tổ chức, cơ quan, đơn vị; không có cột này: theo chức vụ (Bí thư chi bộ là người đứng đầu chi bộ; Bí thư Đảng ủy, Chủ tịch UBND không là người đứng đầu chi bộ nơi sinh hoạt)' },
	{ field: 'unit_code', label: 'Mã đơn vị', aliases: ['Mã đơn vị', 'Mã tổ chức đảng', 'Mã chi bộ', 'Mã TCĐ', 'Unit code'], kinds: ['registry', 'roster', 'rating', 'discipline', 'civil_servant'], doc: 'mã đơn vị trong danh mục (không chứa dấu "/")' },
	{ field: 'unit_name', label: 'Đơn vị', aliases: ['Đơn vị', 'Chi bộ', 'Tên tổ chức đảng', 'Tên đơn vị', 'Tổ chức đảng', 'Tên chi bộ', 'Chi bộ sinh hoạt', 'Nơi sinh hoạt', 'Unit'], kinds: ['registry', 'roster', 'rating', 'discipline', 'civil_servant'], doc: 'tên đơn vị / chi bộ (đối chiếu danh mục, không phân biệt dấu)' },
	{ field: 'unit_kind', label: 'Loại', aliases: ['Loại', 'Loại hình', 'Loại tổ chức', 'Loại đơn vị', 'Kind'], kinds: ['registry'], doc: 'loại tổ chức: Tỉnh ủy, Huyện ủy, Đảng bộ cơ sở, Chi bộ cơ sở, Đảng bộ bộ phận, Chi bộ trực thuộc…' },
	{ field: 'parent', label: 'Mã đơn vị cấp trên', aliases: ['Mã đơn vị cấp trên', 'Trực thuộc', 'Đơn vị cấp trên', 'Cấp trên', 'Parent', 'Parent code'], kinds: ['registry'], doc: 'mã (hoặc tên) đơn vị cấp trên trực tiếp' },
	{ field: 'province', label: 'Tỉnh/Thành phố', aliases: ['Tỉnh/Thành phố', 'Tỉnh', 'Tỉnh/TP', 'Tỉnh, thành phố', 'Province'], kinds: ['registry'], doc: 'tỉnh, thành phố (tên trước hoặc sau 01/07/2025, hoặc mã tỉnh; để trống: của đơn vị cấp trên): mã tỉnh chọn tỷ lệ, thời hạn riêng của tỉnh' },
	{ field: 'locality', label: 'Huyện/Xã', aliases: ['Huyện/Xã', 'Huyện', 'Xã', 'Xã/Phường', 'Huyện/Thị xã', 'Địa bàn', 'District', 'Commune'], kinds: ['registry'], doc: 'huyện, xã, phường' },
	{ field: 'founded_on', label: 'Ngày thành lập', aliases: ['Ngày thành lập', 'Thành lập', 'Founded'], kinds: ['registry'], doc: 'ngày thành lập' },
	{ field: 'dissolved_on', label: 'Ngày giải thể', aliases: ['Ngày giải thể', 'Giải thể', 'Dissolved'], kinds: ['registry'], doc: 'ngày giải thể / chấm dứt hoạt động' },
	{ field: 'merged_into', label: 'Sáp nhập vào', aliases: ['Sáp nhập vào', 'Hợp nhất vào', 'Merged into'], kinds: ['registry'], doc: 'mã hoặc tên đơn vị kế thừa khi sáp nhập, hợp nhất (nhiều đơn vị: cách nhau bởi dấu phẩy, chấm phẩy)' },
	{ field: 'renamed_to', label: 'Đổi tên thành', aliases: ['Đổi tên thành', 'Tên mới', 'Mã mới', 'Renamed to'], kinds: ['registry'], doc: 'mã hoặc tên đơn vị sau khi đổi tên' },
	{ field: 'formed_from', label: 'Hình thành từ', aliases: ['Hình thành từ', 'Hợp nhất từ', 'Sáp nhập từ', 'Được hình thành từ', 'Thành lập từ', 'Hình thành trên cơ sở', 'Thành lập trên cơ sở', 'Hợp nhất trên cơ sở', 'Formed from'], kinds: ['registry'], doc: 'mã hoặc tên các đơn vị hợp nhất, sáp nhập thành đơn vị này (cách nhau bởi dấu phẩy, chấm phẩy, "và"; tên trùng: ghi đơn vị cấp trên trong ngoặc, "Xã Tân An (huyện Cần Đước)", ngoặc sau tên cuối của danh sách cũng chọn cho các tên trước nó không có ngoặc ("Chi bộ thôn 1 và Chi bộ thôn 2 (xã Minh Hưng cũ)"), hoặc ghi xã sau tên không có ngoặc, "Chi bộ thôn 5 xã Cát" (chỉ chọn đơn vị thuộc xã đó); tên không có chữ chỉ loại, "Hành Phước": đơn vị cùng cấp với đơn vị này mang tên đó, "Đảng bộ xã Hành Phước"). Ghi sau tên đơn vị ("Đảng bộ xã Nghĩa Hành (trên cơ sở sáp nhập xã Hành Thuận, xã Hành Trung)", "…, thành lập trên cơ sở …", "… - sáp nhập vào …") cũng được đọc như cột này (hoặc như Sáp nhập vào, Tách từ, Đổi tên từ, theo chữ mở đầu), tên đơn vị là phần trước đó, khi mọi đơn vị nêu đều tìm được; nếu không, không đọc, có cảnh báo nêu dòng' },
	{ field: 'split_from', label: 'Tách từ', aliases: ['Tách từ', 'Chia tách từ', 'Split from'], kinds: ['registry'], doc: 'mã đơn vị bị chia tách' },
	{ field: 'renamed_from', label: 'Đổi tên từ', aliases: ['Đổi tên từ', 'Tên cũ', 'Mã cũ', 'Renamed from'], kinds: ['registry'], doc: 'mã đơn vị trước khi đổi tên' },
	// a 2025 registry's "Hình thức sắp xếp | Đơn vị trước sắp xếp": the predecessors, merged, split or
	// renamed as the form says (registry.sql)
	{ field: 'lineage_form', label: 'Hình thức sắp xếp', aliases: ['Hình thức sắp xếp', 'Hình thức sắp xếp, kiện toàn', 'Hình thức sáp nhập', 'Hình thức hợp nhất'], kinds: ['registry'], doc: 'Hợp nhất, Sáp nhập / Chia tách, Tách / Đổi tên: cách các đơn vị ở cột "Đơn vị trước sắp xếp" thành đơn vị này (để trống: hợp nhất)' },
	{ field: 'prior_units', label: 'Đơn vị trước sắp xếp', aliases: ['Đơn vị trước sắp xếp', 'Tổ chức đảng trước sắp xếp', 'Đơn vị trước khi sắp xếp', 'Tổ chức đảng trước khi sắp xếp'], kinds: ['registry'], doc: 'mã hoặc tên các đơn vị trước sắp xếp (như cột Hình thành từ)' },
	{ field: 'lineage_on', label: 'Ngày hiệu lực', aliases: ['Ngày hiệu lực', 'Ngày biến động', 'Ngày sáp nhập', 'Effective date'], kinds: ['registry'], doc: 'ngày sáp nhập, chia tách, đổi tên có hiệu lực' },
	{ field: 'status', label: 'Tình trạng', aliases: ['Tình trạng', 'Trạng thái', 'Tình trạng đảng viên', 'Status'], kinds: ['registry', 'roster'], doc: 'đảng viên: chính thức, dự bị, sinh hoạt tạm thời, miễn sinh hoạt, đình chỉ sinh hoạt; từ trần, khai trừ, chuyển đi (không còn nợ kết quả xếp loại ở chi bộ này)' },
	{ field: 'joined_party_on', label: 'Ngày vào Đảng', aliases: ['Ngày vào Đảng', 'Ngày kết nạp', 'Ngày kết nạp Đảng', 'Admitted'], kinds: ['roster', 'rating'], doc: 'ngày kết nạp vào Đảng' },
	{ field: 'joined_unit_on', label: 'Ngày chuyển đến', aliases: ['Ngày chuyển đến', 'Ngày đến', 'Chuyển đến ngày', 'Ngày nhận công tác', 'Ngày bắt đầu sinh hoạt', 'Ngày sinh hoạt tại chi bộ'], kinds: ['roster', 'rating'], doc: 'ngày chuyển sinh hoạt đến đơn vị (ngày bắt đầu sinh hoạt tại đơn vị); chỉ năm ("2024"): ngày 01/01 của năm đó' },
	{ field: 'year', label: 'Năm', aliases: ['Năm', 'Năm đánh giá', 'Năm xếp loại', 'Year'], kinds: ['roster', 'rating', 'civil_servant'], doc: 'năm đánh giá (hoặc lấy từ tiêu đề / --year)' },
	{ field: 'period', label: 'Kỳ đánh giá', aliases: ['Quý', 'Kỳ đánh giá', 'Kỳ', 'Kỳ xếp loại', 'Period', 'Quarter'], kinds: ['rating', 'civil_servant'], doc: 'Năm / Quý I–IV / Nhiệm kỳ 2020–2025' },
	{ field: 'score', label: 'Điểm', aliases: ['Điểm', 'Tổng điểm', 'Điểm đánh giá', 'Điểm tự chấm', 'Score'], kinds: ['rating', 'civil_servant'], doc: 'điểm thang 100 (từ năm 2025)' },
	{ field: 'group_name', label: 'Nhóm', aliases: ['Nhóm', 'Nhóm chức danh', 'Nhóm đối tượng', 'Group'], kinds: ['rating', 'civil_servant'], doc: 'nhóm chức danh tương đồng (tỷ lệ xuất sắc theo QĐ 366)' },
	{ field: 'decider', label: 'Cấp quyết định', aliases: ['Cấp quyết định', 'Cơ quan quyết định', 'Cấp có thẩm quyền', 'Mã cấp quyết định', 'Deciding body'], kinds: ['rating', 'civil_servant'], doc: 'mã hoặc tên cấp quyết định xếp loại' },
	{ field: 'self_level', label: 'Tự xếp loại', aliases: ['Tự xếp loại', 'Tự nhận mức xếp loại', 'Tự đánh giá', 'Tự nhận xếp loại', 'Self rating'], kinds: ['rating', 'civil_servant'], doc: 'mức tự xếp loại' },
	{ field: 'proposed_level', label: 'Đề xuất', aliases: ['Đề xuất', 'Chi bộ đề xuất', 'Tổ đảng đề xuất', 'Đề xuất xếp loại', 'Đề nghị', 'Proposed'], kinds: ['rating'], doc: 'mức do chi bộ / tổ đảng đề xuất' },
	{ field: 'final_level', label: 'Xếp loại', aliases: ['Xếp loại', 'Kết quả xếp loại', 'Quyết định xếp loại', 'Mức xếp loại', 'Xếp loại chất lượng', 'Kết quả', 'Final rating'], kinds: ['rating', 'civil_servant'], doc: 'mức xếp loại do cấp có thẩm quyền quyết định (cột "<cấp> quyết định": Chi bộ, Đảng ủy, Cấp có thẩm quyền… quyết định)' },
	{ field: 'cs_level', label: 'Xếp loại viên chức', aliases: ['Xếp loại viên chức', 'Xếp loại CBCCVC', 'Xếp loại công chức', 'Xếp loại công chức, viên chức', 'Kết quả xếp loại CBCCVC', 'Xếp loại cán bộ, công chức, viên chức'], kinds: ['rating'], doc: 'mức xếp loại cán bộ, công chức, viên chức cùng năm' },
	{ field: 'reviewed_on', label: 'Ngày kiểm điểm', aliases: ['Ngày kiểm điểm', 'Kiểm điểm ngày', 'Review date'], kinds: ['rating'], doc: 'ngày họp kiểm điểm' },
	{ field: 'sick_days', label: 'Số ngày nghỉ ốm', aliases: ['Số ngày nghỉ ốm', 'Nghỉ ốm (ngày)', 'Ngày nghỉ ốm', 'Sick days'], kinds: ['rating', 'civil_servant'], doc: 'tổng số ngày nghỉ ốm trong năm ("90", "90 ngày", "3 tháng", "3 tháng 5 ngày", "50 + 45" (cộng lại) hoặc từ ngày đến ngày "01/3/2024 - 30/6/2024", "Từ 15/02 đến 20/5/2024" (số ngày trong năm, tính cả ngày đầu và ngày cuối; không ghi năm là năm của danh sách); "không", "-" là không nghỉ; cột để trống thì đọc ở Ghi chú "Nghỉ ốm dài ngày 4 tháng", "Nghỉ điều trị bệnh 5 tháng", "Nghỉ ốm từ 01/3/2024 đến 30/6/2024", "Nghỉ ốm hơn 3 tháng" (là 3 tháng) — ghi chú nói nghỉ ốm mà không đọc được thời gian nghỉ thì có cảnh báo nêu dòng: tháng giữ nguyên, quy tắc R6 đổi ra ngày theo số ngày một tháng của bộ quy tắc)' },
	{ field: 'sick_months', label: 'Số tháng nghỉ ốm', aliases: ['Số tháng nghỉ ốm', 'Nghỉ ốm (tháng)', 'Thời gian nghỉ ốm (tháng)'], kinds: [], doc: 'nghỉ ốm tính bằng tháng ("3", "3,5"), khi không có cột số ngày' },
	// NĐ 90's absence ("vắng mặt, nghỉ không tham gia công tác từ 03 tháng"), which caps a civil
	// servant's rating as sick leave does, but not a member's: R6's member rule is sick leave only
	// (003 §5.8), so the two are stored apart (rating.sick_leave_is_absence, rating.sql)
	{ field: 'absent_days', label: 'Thời gian vắng mặt', aliases: ['Thời gian vắng mặt', 'Thời gian vắng mặt trong năm', 'Số ngày vắng mặt', 'Thời gian nghỉ việc', 'Số ngày nghỉ việc', 'Thời gian không tham gia công tác', 'Absent days'], kinds: ['civil_servant'], doc: 'thời gian vắng mặt, nghỉ không tham gia công tác trong năm (NĐ 90: từ 3 tháng thì không xếp HTTNV trở lên), viết như cột Số ngày nghỉ ốm ("120", "4 tháng", "01/3/2024 - 30/6/2024"); cột tính bằng tháng ("Số tháng vắng mặt", "Số tháng nghỉ việc": "4"); cột để trống thì đọc ở Ghi chú "Vắng mặt 4 tháng trong năm", "Nghỉ việc 4 tháng", "Nghỉ không lương từ 01/3 đến 30/6/2024" (nghỉ thai sản không tính). Chỉ tính cho xếp loại công chức, viên chức, không phải nghỉ ốm của đảng viên' },
	{ field: 'absent_months', label: 'Số tháng vắng mặt', aliases: ['Số tháng vắng mặt', 'Vắng mặt (tháng)', 'Thời gian vắng mặt (tháng)', 'Số tháng nghỉ việc'], kinds: [], doc: 'vắng mặt tính bằng tháng ("4", "3,5"), khi không có cột số ngày' },
	{ field: 'decided_on', label: 'Ngày quyết định', aliases: ['Ngày quyết định', 'Ngày xếp loại', 'Ngày ra quyết định', 'Ngày ký', 'Decision date'], kinds: ['rating', 'discipline', 'civil_servant'], doc: 'ngày cấp có thẩm quyền quyết định' },
	{ field: 'subject_kind', label: 'Đối tượng', aliases: ['Đối tượng', 'Loại đối tượng', 'Đối tượng xếp loại', 'Đối tượng kỷ luật', 'Subject'], kinds: ['rating', 'discipline'], doc: 'Đảng viên / Tổ chức đảng / Tập thể lãnh đạo / Cá nhân lãnh đạo, quản lý' },
	{ field: 'discipline_form', label: 'Hình thức kỷ luật', aliases: ['Hình thức kỷ luật', 'Hình thức', 'Kỷ luật', 'Discipline'], kinds: ['discipline'], doc: 'khiển trách, cảnh cáo, cách chức, khai trừ, giải tán' },
	// "Tổ chức đảng, đảng viên bị kỷ luật": an organisation's or a person's name, told apart by its
	// words (discipline.sql). No kinds: not a column of the templates.
	{ field: 'subject_name', label: 'Tổ chức đảng, đảng viên bị kỷ luật', aliases: [], kinds: [], doc: 'tên tổ chức đảng hoặc họ tên đảng viên bị kỷ luật' },
	// a register's second form column, for the State's discipline of the same person: no Party
	// discipline, but NĐ 335's for the civil-servant rating (R2, discipline.sql); a mass
	// organisation's ("Kỷ luật đoàn thể") is neither (a row with only that is skipped)
	{ field: 'state_discipline', label: 'Kỷ luật chính quyền', aliases: [], kinds: [], doc: 'hình thức kỷ luật về chính quyền (không phải kỷ luật đảng; NĐ 335: cán bộ, công chức, viên chức bị kỷ luật từ khiển trách trở lên trong năm thì KHTNV)' },
	{ field: 'mass_discipline', label: 'Kỷ luật đoàn thể', aliases: [], kinds: [], doc: 'hình thức kỷ luật về đoàn thể (không tính)' },
	// forms ticked one column each: for a row where no tick was read, the columns looked at and what
	// they hold (load.ts markedColumns), which the refusal names
	{ field: 'form_marks', label: 'Hình thức kỷ luật', aliases: [], kinds: [], doc: 'các cột hình thức kỷ luật đánh dấu mà dòng không có dấu đọc được' },
	{ field: 'self_remedied', label: 'Tự phát hiện, khắc phục', aliases: ['Tự phát hiện, khắc phục', 'Tự phát hiện khắc phục', 'Tự phát hiện và khắc phục', 'Self remedied'], kinds: ['discipline'], doc: 'Có / Không' },
	{ field: 'violation_unit', label: 'Đơn vị xảy ra vi phạm', aliases: ['Đơn vị xảy ra vi phạm', 'Nơi xảy ra vi phạm', 'Nơi vi phạm', 'Đơn vị vi phạm'], kinds: ['discipline'], doc: 'mã hoặc tên đơn vị nơi xảy ra vi phạm, khi khác đơn vị của dòng (vi phạm được tính ở đó); tên được tìm trong đơn vị tiêu đề trước, không có thì trong cả danh mục (chỉ khi một đơn vị duy nhất mang tên đó)' },
	{ field: 'issuing_body', label: 'Cấp kỷ luật', aliases: ['Cấp kỷ luật', 'Cơ quan kỷ luật', 'Cấp ra quyết định', 'Cơ quan ra quyết định'], kinds: ['discipline'], doc: 'cơ quan ra quyết định kỷ luật (trên sổ kỷ luật, cột "Cấp quyết định" cũng là cơ quan này)' },
	{ field: 'not_rated_reason', label: 'Lý do không xếp loại', aliases: ['Lý do không xếp loại', 'Lý do chưa xếp loại', 'Không xếp loại'], kinds: ['rating'], doc: 'vì sao không xếp loại (mới kết nạp, miễn sinh hoạt…)' },
	{ field: 'agency', label: 'Cơ quan công tác', aliases: ['Cơ quan công tác', 'Cơ quan, đơn vị công tác', 'Nơi công tác', 'Cơ quan'], kinds: ['civil_servant'], doc: 'cơ quan nơi công chức, viên chức công tác' },
	{ field: 'note', label: 'Ghi chú', aliases: ['Ghi chú', 'Note', 'Notes'], kinds: ['registry', 'roster', 'rating', 'discipline', 'civil_servant'], doc: 'ghi chú' }
];

/** alnum_key in TS: the same key as the SQL macro (fold, then drop everything but a-z0-9). */
export function alnumKey(s: string): string {
	return fold(s).replace(/[^a-z0-9]/g, '');
}

/** level_key in TS (sql/functions.sql): a level spelling reduced to its initials ("Hoàn thành tốt NV",
 * "HT tốt nhiệm vụ" -> "htt"), so spellings no alias list foresees still meet the alias table. */
export function levelKey(s: string): string {
	return ['khong:k', 'hoanthanh:ht', 'xuatsac:xs', 'nhiemvu:nv', 'nvu:nv', 'tot:t', 'chua:k']
		.reduce((k, pair) => k.replaceAll(...(pair.split(':') as [string, string])), alnumKey(s))
		.replace(/nv(duocgiao)?$/, '');
}

const byKey = new Map<string, string>();
for (const f of FIELDS) for (const a of f.aliases) byKey.set(alnumKey(a), f.field);

/**
 * Headers no alias list foresees ("Họ và tên đệm", "Số thẻ Đảng", "Mức chất lượng", "Xếp loại năm
 * 2024"): keyword rules on the alnum key, in order, after the exact aliases.
 */
const KEYWORD_RULES: Array<[RegExp, string | null]> = [
	// the units a 2025 registry's row was formed from ("Tên đơn vị trước sắp xếp"), not its own name
	[/^(ten)?(donvi|tochucdang|chibo|dangbo)\w*truoc(khi)?(sapxep|sapnhap|hopnhat)/, 'prior_units'],
	[/^(stt|tt|sott)$/, 'stt'],
	// "Nhóm" and what it groups by is the group of similar duties ("Nhóm chức danh tương đồng", "Nhóm
	// nhiệm vụ tương đồng", "Nhóm đối tượng đánh giá", "Nhóm vị trí việc làm", "Nhóm CV"), which NĐ 335
	// and QĐ 366 count the excellent share within; "Nhóm" before a group's own name is a group row
	// under the header ("Nhóm 1: …", "Nhóm lãnh đạo"), not a second header row naming a column
	[/^nhom(chucdanh|chucvu|cv|nhiemvu|doituong|vitri|tuongdong|danhgia|ngach)/, 'group_name'],
	// null: a column we know is none of ours, whatever later rules would read in it
	[/namtruoc/, null], // last year's level ("Kết quả xếp loại năm trước") is not this list's
	// a decision's number and date in one cell ("Số, ngày quyết định", "Số QĐ, ngày", "Số, ký hiệu,
	// ngày QĐ": "Số 05-QĐ/ĐU ngày 12/3/2024"): the date (date_text reads it after "ngày"), before the
	// number alone below; "Quyết định ngày" is the date alone. Only such words: "Số QĐ, ngày kết nạp",
	// "Số, ngày QĐ chuyển sinh hoạt" date another decision; "Số ngày nghỉ ốm" is a count of days.
	[/^(?=so|quyetdinh|qd)(?=.*ngay)(?=.*(quyetdinh|qd|kyluat|banhanh|hieu))(so|hieu|kyhieu|va|quyetdinh|qd|kyluat|ngay|thang|nam|ra|ky|banhanh)+$/, 'decided_on'],
	[/^so(hieu)?(quyetdinh|qd)/, null], // the number of a decision, not a level
	[/chinhthuc/, null], // "Ngày (kết nạp Đảng) chính thức": not the admission date, not a discipline
	[/khenthuong/, null], // "Hình thức khen thưởng": an award, not a discipline
	// "Thời điểm xếp loại": when the list was decided, not a score (before "Thời điểm" below)
	[/^thoidiem(danhgia)?(xeploai|quyetdinh|pheduyet)/, 'decided_on'],
	[/(uu|khuyet|nhuoc|dia|thoi|dac)diem/, null], // "Ưu điểm", "Khuyết điểm": text, not a score
	[/^tuchamdiem|^(canhan|dangvien)tuchamdiem/, null], // a self score, not the self level
	// (also "Ngày đánh giá, xếp loại", "Ngày phê duyệt" of a civil-servant list: the day its level was
	// decided, which R8 and R4 read; mapped to the level, it refused the list or lost the date)
	[/^ngay(thang)?(nam)?(ra|ky)?(quyetdinh|qd|xeploai|ky|ra|danhgia|pheduyet)/, 'decided_on'],
	[/kiemdiem/, 'reviewed_on'],
	// (not "Số ngày nghỉ ốm (từ tháng 1 đến tháng 12)": days)
	[/^(?!.*ngay.*nghiom).*(nghiom\w*thang|thang\w*nghiom)/, 'sick_months'],
	[/nghiom/, 'sick_days'],
	// absence from work, by its length ("Tổng thời gian vắng mặt", "Số ngày nghỉ việc trong năm"; not
	// "Vắng mặt" alone, a meeting's roll, nor "Ngày nghỉ việc", the day someone left)
	[/^(tong)?(thoigian|sothang|songay)(nghi)?(vangmat|nghiviec|khongthamgiacongtac)\w*thang$|^(tong)?sothang(nghi)?(vangmat|nghiviec|khongthamgiacongtac)/, 'absent_months'],
	[/^(tong)?(thoigian|songay)(nghi)?(vangmat|nghiviec|khongthamgiacongtac)/, 'absent_days'],
	[/lydo/, 'not_rated_reason'],
	[/^(cap|coquan)(ra)?(quyetdinh)?kyluat$/, 'issuing_body'],
	[/^(cap|coquan|donvi)?(co)?(thamquyen|quyetdinh)$|^capquyetdinh/, 'decider'],
	// (an organisation's own: "Chi bộ tự đánh giá", not its name's column)
	[/^(canhan|dangvien|banthan|chibo|dangbo|tochucdang|tapthe)?tu(xeploai|nhan|danhgia)/, 'self_level'],
	[/dexuat|denghi/, 'proposed_level'],
	[/(xeploai|ketqua|danhgia).*(vienchuc|congchuc|cbccvc|cbcc)/, 'cs_level'],
	// "… quyết định" is the final level when it names the deciding body or the rating ("Chi bộ /
	// Đảng ủy / Cấp có thẩm quyền quyết định"); the date or number of a decision is not
	[/(chibo|dangbo|uy|thuongvu|btv|bch|thamquyen|xeploai|ketqua|tapthe)\w*quyetdinh$|^quyetdinhxeploai/, 'final_level'],
	[/^(tong)?diem/, 'score'],
	// "Chi bộ / Đảng ủy / Cấp có thẩm quyền đánh giá" holds the body's level, as "… quyết định"
	// ("Điểm chi bộ đánh giá", above, is a score; "Cá nhân tự đánh giá", the self level), its
	// committee named in full too ("Ban Thường vụ Đảng ủy xã đánh giá", "BTV Huyện ủy đánh giá")
	[/^(ban)?(thuongvu|btv|bch|chaphanh)?(cap)?(chibo|dangbo|danguy|capuy|chiuy|huyenuy|quanuy|thiuy|thanhuy|tinhuy|thuongvu|btv|bch|cothamquyen|thamquyen|tapthe|hoidong|captren)(xa|phuong|thitran|huyen|quan|thixa|thanhpho|tinh)?danhgia$/, 'final_level'],
	// "Điểm" over "Tự chấm | Chi bộ chấm | Đảng ủy chấm": scores (header.ts prefers the body's)
	[/^(tu|chibo|dangbo|danguy|capuy|chiuy|thuongvu|btv|bch|capthamquyen|thamquyen|hoidong|captren)cham(diem)?$/, 'score'],
	[/xeploai|mucchatluong|mucxeploai|ketquadanhgia|chatluong|^mucdanhgia|^phanloai(danhgia|chatluong)?$/, 'final_level'],
	[/diem/, 'score'],
	// a register's other "… kỷ luật" columns are not the form: the name of who was disciplined, the
	// decision's number ("Quyết định kỷ luật": "Số 15-QĐ/UBKT") or date, its duration
	[/^(ho)(va)?ten|^hodemvaten|^hovatendem|^ho(va)?(chu)?dem$/, 'full_name'],
	// a list of organisations, collectives and leaders in one: "Tên tổ chức, cá nhân" holds the names
	// (a unit's for its own rows, as "Họ và tên" does there)
	[/^ten(tochuc|tapthe)(va)?canhan$/, 'full_name'],
	// "Tên tổ chức đảng, tập thể": organisations and their collectives, each a unit
	[/^ten(tochuc(dang)?)(va)?tapthe(lanhdao)?$/, 'unit_name'],
	// "Tên tổ chức cơ sở đảng", "Tên cơ sở đảng": a province's list of grassroots organisations
	[/^ten(tochuc)?cosodang$/, 'unit_name'],
	// … and a register's "Tổ chức đảng/đảng viên": organisations and members (discipline.sql moves the
	// organisations' names to subject_name)
	[/^(ten)?(tochuc(dang)?|tapthe)(va|hoac)?(canhan|dangvien)$/, 'full_name'],
	[/^(dangvien|nguoi|canbo)(bi|duoc)?(thihanh)?kyluat$/, 'full_name'],
	[/^(ten)?(tochuc|tapthe)\w*bi(thihanh)?kyluat$/, 'subject_name'],
	// a leadership list's "Tập thể" column names the collective ("Chi ủy Chi bộ thôn 1", "Ban Thường vụ
	// Đảng ủy xã"): its unit (unit_key drops the committee's words)
	[/^(ten)?tapthe(lanhdao)?(quanly)?$/, 'unit_name'],
	[/^(so|sohieu)?(quyetdinh|qd)(thihanh)?kyluat$/, null],
	[/^ngay(bi|thihanh)?kyluat/, 'decided_on'],
	[/^thoihan/, null],
	[/^(cap|coquan)(thihanh)?kyluat$/, 'issuing_body'],
	// (the State's side: "Về chính quyền", "Về CQ", "Về mặt Nhà nước", "Hành chính", "Đoàn thể")
	[/^(hinhthuc)?kyluat(ve)?(mat)?doanthe$/, 'mass_discipline'],
	[/^(hinhthuc)?kyluat(ve)?(mat)?(chinhquyen|doanthe|hanhchinh|congchuc|vienchuc|cq|nhanuoc)/, 'state_discipline'],
	// a registry's "Hình thức sắp xếp" (merger, split, renaming) is no discipline's form
	[/^hinhthuc(sapxep|sapnhap|hopnhat|chiatach)/, 'lineage_form'],
	// anchored: "chính thức" holds "hinhthuc"; "Kỷ luật" alone or "Hình thức (kỷ luật)", or the Party's
	// side beside the State's ("Kỷ luật (về) Đảng", "Kỷ luật đảng viên", "KL Đảng" | "Kỷ luật về chính
	// quyền", above), as "Hình thức kỷ luật" over "Về Đảng | Về chính quyền" is
	[/^hinhthuc|^(muc)?kyluat(hinhthuc)?((ve|trong)?(mat)?dang(vien)?)?$/, 'discipline_form'],
	[/tuphathien|khacphuc/, 'self_remedied'],
	[/(ngay|nam)(thangnam)?sinh/, 'birth'],
	// an identity card ("Số thẻ căn cước", "Số CCCD/CMND"), a health-insurance card: never the party card
	[/cancuoc|cccd|cmnd|chungminh|dinhdanh|bhyt|baohiem/, null],
	[/sothe|madangvien|sodangvien/, 'card_no'],
	[/vaodang|ketnap/, 'joined_party_on'],
	// where a member came from or went ("Chuyển đến từ", "Nơi chuyển đến/đi"): a unit's name, not a date
	[/chuyen(sinhhoat)?dentu|^(noi|donvi)(chuyen|den|di)/, null],
	// the day membership in this unit began (RULES: "Ngày chuyển đến" or membership start, R3)
	[/chuyen(sinhhoat)?den|batdausinhhoat|sinhhoattai(chibo|dangbo|donvi)/, 'joined_unit_on'],
	[/^ma(don vi|donvi|tochuc|chibo|dv)/, 'unit_code'],
	[/capten|donvicaptren|tructhuoc/, 'parent'],
	[/thanhlap/, 'founded_on'],
	[/giaithe/, 'dissolved_on'],
	// where the violation happened is not the member's chi bộ (a register's "Đơn vị xảy ra vi phạm")
	[/^(donvi|noi|chibo|tochucdang)(de|da)?(xayra)?vipham/, 'violation_unit'],
	// a post and a place of work in one column ("Chức vụ, đơn vị công tác", "Chức danh, cơ quan công
	// tác", "Chức vụ, đơn vị"): both (header.ts)
	[/^(chucvu|chucdanh)+(va)?(donvi|coquan|noi)(dang)?(congtac)?$/, 'position_agency'],
	// where a member works ("Đơn vị công tác: UBND xã …") is not the chi bộ
	[/(donvi|coquan|noi)(dang)?congtac/, 'agency'],
	[/^(chibo|dangbo|tochucdang|tendonvi|donvi)/, 'unit_name'],
	[/^loai(hinh)?(tochuc|donvi)?(dang)?$/, 'unit_kind'],
	[/chucvu|chucdanh/, 'position'],
	// ("Quyết định số": a decision's number; "Kỷ luật …": a discipline's; no period)
	[/^(ky(?!luat)|quy(?!etdinh))/, 'period'],
	[/^nam(danhgia|xeploai)?$/, 'year'],
	[/ghichu/, 'note']
];

/** The sex a header cell names, "Nam" or "Nữ" (unaccented too), as under "Năm sinh"; else null. */
export function sexHeader(text: string): 'nam' | 'nu' | null {
	const t = text.normalize('NFC').trim().toLowerCase();
	return t === 'nam' ? 'nam' : t === 'nữ' || t === 'nu' ? 'nu' : null;
}

/** A number of points written "30đ", "(30 đ)" as "30 điểm" ("Tiêu chí chung (30đ)", QĐ 366's part
 * of the score, is a score as "(30 điểm)" is): a number right before it is the tell, so "Đảng",
 * "Đ/c", "Đơn vị" stay what they are. */
function pointsSpelled(text: string): string {
	return fold(text).replace(/(\d)\s*d(?![a-z0-9])/g, '$1 diem');
}

/**
 * The abbreviations clerks write in narrow columns ("ĐU quyết định", "Tự XL", "Số TĐV", "Ngày KĐ") and
 * the words they stand for, matched on whole words in capitals as written: accents kept, so "Tự" is
 * not "TU" (Tỉnh ủy) nor "Dự" "ĐU". Read only where the header as written is known to no alias or
 * rule (ruleOf), so a spelling that already means something keeps its meaning.
 */
const ABBREVIATIONS: Record<string, string> = {
	XL: 'xếp loại', ĐG: 'đánh giá', DG: 'đánh giá', QĐ: 'quyết định', QD: 'quyết định', KĐ: 'kiểm điểm', KD: 'kiểm điểm',
	TĐV: 'thẻ đảng viên', TDV: 'thẻ đảng viên', NS: 'năm sinh', SN: 'sinh ngày', NTNS: 'ngày tháng năm sinh',
	CV: 'chức vụ', KL: 'kỷ luật', ĐV: 'đảng viên', Đv: 'đảng viên', DV: 'đảng viên', VĐ: 'vào Đảng', VD: 'vào Đảng', KN: 'kết nạp', TCĐ: 'tổ chức đảng', TCD: 'tổ chức đảng',
	// the deciding bodies: chi bộ, đảng bộ, đảng ủy (xã), ban thường vụ, huyện / tỉnh / quận / thị ủy
	CB: 'chi bộ', ĐB: 'đảng bộ', ĐU: 'đảng ủy', ĐUX: 'đảng ủy xã', BTV: 'ban thường vụ',
	HU: 'huyện ủy', TU: 'tỉnh ủy', QU: 'quận ủy', TX: 'thị ủy'
};

/** The field a folded, alnum-keyed header names by the aliases, then the keyword rules. */
function ruleOfKey(key: string): string | null | undefined {
	const hit = byKey.get(key);
	if (hit) return hit;
	for (const [re, field] of KEYWORD_RULES) if (re.test(key)) return field;
	return undefined;
}

/** "Điểm danh" (a meeting's roll-call), not "Điểm đánh giá" (a score): the two fold alike, so the
 * written đ tells them apart. */
export function isRollCall(text: string): boolean {
	return /(?<![\p{L}])điểm\s+danh(?![\p{L}])/iu.test(text.normalize('NFC'));
}

/** What the aliases and rules say of a header cell: a field, null (known to be none of ours), or
 * undefined (not known). */
function ruleOf(text: string): string | null | undefined {
	// "Nam" | "Nữ" (the sexes, under "Năm sinh" or alone): "Nam" folds to "nam", the year's column
	if (sexHeader(text) || isRollCall(text)) return null;
	const key = alnumKey(pointsSpelled(text));
	if (!key || key.length > 60) return undefined;
	const known = ruleOfKey(key);
	if (known !== undefined) return known;
	const words = text.normalize('NFC').replace(/[\p{L}\p{N}]+/gu, (w) => ABBREVIATIONS[w] ?? w);
	const spelled = alnumKey(pointsSpelled(words));
	return spelled === key ? undefined : ruleOfKey(spelled);
}

/** The field a header cell names, or null. A "<body> quyết định" column is the final level. */
export function fieldOfHeader(text: string): string | null {
	return ruleOf(text) ?? null;
}

/** A header known to name none of our fields ("Chính thức", the day a member was made official),
 * unlike one no rule knows. */
export function namesNoField(text: string): boolean {
	return ruleOf(text) === null;
}

/** Under "Hình thức kỷ luật", the field of a sub-header naming the State's side ("Về chính quyền":
 * state_discipline) or a mass organisation's ("Đoàn thể": mass_discipline) beside the Party's ("Về
 * Đảng"): its forms are not the Party's, as "Hình thức kỷ luật chính quyền" in one cell says; else null. */
export function sideField(text: string): string | null {
	const f = ruleOf(`Kỷ luật ${text}`);
	return f === 'state_discipline' || f === 'mass_discipline' ? f : null;
}

/** "Họ", "Họ đệm", "Họ và tên đệm", "Họ (đệm)": the family part of a name split over two columns. */
export function isFamilyNameHeader(text: string): boolean {
	return /^ho(va)?(chu)?(ten)?dem$|^ho$/.test(alnumKey(text));
}
