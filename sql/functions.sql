-- Scalar macros every layer shares (ingest normalisation, rules, marts). Re-created on every open
-- (db.ts), so a change here needs no migration.

-- A macro copies its argument into every place it names it. In a select list DuckDB computes equal
-- copies once; in a WHERE or a join condition it computes each: fold() named its text seven times
-- through squish and twice through nullif, and filtering 1,2 million rows on it took 7 s, 0,75 s
-- once bound. So a macro below that uses a value more than once binds it once, as a lambda's
-- argument: list_transform([v], lambda x: …)[1] (it costs nothing measurable in a select list).
-- (Lambdas are written "lambda x: …": DuckDB deprecates the arrow "x -> …".)

-- blank_null: '' as null, its argument evaluated once (nullif(e, '') evaluates e twice).
create or replace macro blank_null(s) as
    list_transform([s], lambda b: nullif(b, ''))[1];

-- squish: trimmed, inner runs of white space collapsed (the regex only runs when there is a run).
create or replace macro squish(s) as
    list_transform([s], lambda w:
        case
            when contains(w, '  ') or contains(w, chr(9)) or contains(w, chr(10)) or contains(w, chr(13)) or contains(w, chr(160))
                then trim(regexp_replace(w, '\s+', ' ', 'g'))
            else trim(w)
        end)[1];

-- fold: the comparison key for Vietnamese text: accents and đ folded, lower-case, single spaces.
-- (strip_accents decomposes, so NFC or NFD input folds alike.) The look-alikes units' files hold
-- (lookalikes(): the eth ð, U+00F0, for đ; zero-width spaces and joiners, pasted from web pages)
-- fold as what they look like: "Ðặng Ðình Tâm" is "Đặng Đình Tâm", the same person.
create or replace macro lookalikes() as
    'ð' || chr(8203) || chr(8204) || chr(8205) || chr(8288) || chr(65279);

create or replace macro fold(s) as
    blank_null(squish(translate(lower(strip_accents(s)), 'đ' || lookalikes(), 'dd')));

-- name_exact: a person's name as written, accents kept, case and spacing not: "Lê Văn Hùng" and
-- "Lê Văn Hưng" are two names (fold makes them one). Names reach SQL as NFC (staging). The tone mark
-- placed the old way or the new ("Thuỷ" / "Thủy", "Hoà" / "Hòa": two keyboard settings) is one name;
-- the look-alikes fold() reads are what they look like here too.
create or replace macro name_exact(s) as
    replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(replace(squish(translate(lower(s), lookalikes(), 'đ')), 'oà', 'òa'), 'oá', 'óa'), 'oả', 'ỏa'), 'oã', 'õa'), 'oạ', 'ọa'), 'oè', 'òe'), 'oé', 'óe'), 'oẻ', 'ỏe'), 'oẽ', 'õe'), 'oẹ', 'ọe'), 'uỳ', 'ùy'), 'uý', 'úy'), 'uỷ', 'ủy'), 'uỹ', 'ũy'), 'uỵ', 'ụy');

-- dup_person_message: a row naming the same person as an earlier row of its list, and the way out.
create or replace macro dup_person_message(first_rn, card_no) as
    'Trùng người trong cùng danh sách (dòng ' || first_rn || '): '
    || case when card_no is not null then 'cùng số thẻ đảng viên; sửa số thẻ sai hoặc xóa dòng lặp.'
            else 'cùng họ tên (kể cả dấu), ngày sinh và đơn vị; nếu là hai người khác nhau, ghi số thẻ đảng viên cho cả hai dòng, nếu không, xóa dòng lặp.' end;

-- alnum_key: fold without spaces or punctuation ('Tỉnh/Thành phố' -> 'tinhthanhpho', 'H.T.T' -> 'htt').
create or replace macro alnum_key(s) as
    blank_null(regexp_replace(fold(s), '[^a-z0-9]', '', 'g'));

-- words: fold with punctuation as spaces ('Cảnh cáo (về Đảng)' -> 'canh cao ve dang'), so a value
-- can be matched by its leading words ('Khai trừ khỏi Đảng' starts with 'khai tru').
create or replace macro words(s) as
    blank_null(trim(regexp_replace(fold(s), '[^a-z0-9]+', ' ', 'g')));

-- says_dissolved: a registry status or note that states a unit's dissolution ("Giải thể", "Đã giải
-- thể ngày 15/02/2025", "Bị giải thể", "Thôi hoạt động từ 01/7/2025", "Kết thúc hoạt động từ ngày
-- …", "Chấm dứt hoạt động", "Ngừng hoạt động"; not "Tạm ngừng hoạt động"). Registries only: on a
-- roster "thôi hoạt động" is a person's. Fold it per distinct text, not per row (words() is costly).
create or replace macro says_dissolved(status) as
    regexp_matches(words(status), '^(da )?(bi )?(giai the|(thoi|ket thuc|cham dut|ngung) hoat dong)\b');

-- last_day_alive: the dissolution date d such a text gives, as unit.dissolved_on holds it: the last
-- day the unit lives (alive_in). A date it ends "from" ("Thôi hoạt động từ ngày 01/7/2025", "Kết
-- thúc hoạt động kể từ 01/7/2025") is the first day it no longer does: the day before, as a merger
-- "từ ngày 01/7/2025" ends its unit on 30/06; "Giải thể ngày 30/6/2025" is that day.
create or replace macro last_day_alive(s, d) as
    if(regexp_matches(fold(s), '\btu\s+(ngay\s+)?0?' || day(d) || '\s*([/.-]|thang)\s*0?' || month(d) || '\s*([/.-]|nam)\s*' || year(d) || '\b'),
       cast(d - interval 1 day as date), d);

-- lineage_lead: the words that open a statement of lineage, as registries write one after a unit's
-- name ("(trên cơ sở sáp nhập xã A, xã B)", "Thành lập trên cơ sở hợp nhất …", "Tách từ …",
-- "Sáp nhập vào …"): a regular expression for the text as written, any case (registry.sql). The
-- one-word verbs "nhập", "tách" only as "nhập vào", "tách (ra) từ" ("Xuất - Nhập khẩu", "thu nhập"
-- are no lineage); bare: alone too, and "chia thành", in a note opening with them.
create or replace macro lineage_lead(bare) as
    '(?i:(?:(?:được|đã|bị)\s+)?(?:(?:thành lập|hình thành)(?:\s+mới)?\s+(?:từ|trên cơ sở)|trên cơ sở|hợp nhất|sáp nhập|chia tách|đổi tên'
    || '|tách(?:\s+ra)?\s+từ|nhập\s+vào' || if(bare, '|tách|nhập|chia\s+thành', '') || '))(?:\s|:|\)|$)';

-- lineage_field: the lineage column such a statement reads as, by the words that open it ("Sáp nhập
-- vào", "Sáp nhập cùng thôn B vào": its successor; "Tách từ": the unit split; else the units merged into this one);
-- "Chia tách thành A và B", "Tách thành …", "Chia thành …": the units this one was split into (split_into, which no
-- column holds: it ends this unit, as "Sáp nhập vào" does; registry.sql).
create or replace macro lineage_field(s) as
    list_transform([words(s)], lambda w: case
        when regexp_matches(w, '^(\S+ ){0,8}(nhap|hop nhat) ((cung|voi) .*)?vao\b') then 'merged_into'
        when regexp_matches(w, '^(\S+ ){0,8}doi ten thanh\b') then 'renamed_to'
        when regexp_matches(w, '^(\S+ ){0,8}doi ten\b') then 'renamed_from'
        when regexp_matches(w, '^(\S+ ){0,8}(tach (ra )?|chia )thanh\b') then 'split_into'
        when regexp_matches(w, '^(\S+ ){0,8}tach\b') then 'split_from'
        else 'formed_from' end)[1];

-- lineage_bare_merge: a statement "(Đã) sáp nhập X", "Nhập X", with no "vào", "từ", "cùng" after
-- the verb: which way it runs only the row's unit and X's dates tell (registry.sql: one the row
-- ends merged into X, if X lives on; one alive was formed from X). "Hợp nhất X và Y" forms a unit
-- from X and Y: not bare.
create or replace macro lineage_bare_merge(s) as
    list_transform([words(s)], lambda w: regexp_matches(w, '^((da|bi|duoc) )?(sap nhap|nhap) ')
        and not regexp_matches(w, '^((da|bi|duoc) )?(sap nhap|nhap) (vao|tu|voi|cung)\b'))[1];

-- lineage_stated: the lineage a free text states, from the words that open it on ("Thành lập ngày
-- 01/7/2025 trên cơ sở sáp nhập xã A, xã B theo Quyết định 12-QĐ/TU" -> "trên cơ sở sáp nhập xã A,
-- xã B"): the decision or date it cites after the units dropped, so is a remark on what a merger
-- done still waits for ("(chờ bàn giao hồ sơ đảng viên)", "- chưa bàn giao con dấu": lineage_done
-- keeps those), and a bracket it closes that it did not open; null when it states none
-- (registry.sql: a note).
create or replace macro lineage_stated(s) as
    list_transform([regexp_replace(list_transform([regexp_extract(s, '(?:(?:^|[,;.(:])\s*(' || lineage_lead(true) || '.*)|\s(' || lineage_lead(false) || '.*))$', ['a', 'b'])],
                                                  lambda m: coalesce(nullif(m.a, ''), m.b))[1],
                                   '(?i)(?:[\s,;(]+(?:theo|kể từ|từ ngày|ngày|quyết định|qđ|nghị quyết|nq)(?:\s.*)?|(?:\s*\(|\s[-–]\s*)(?:chưa|chờ|còn|đang|dự kiến)\s[^()]*\)?'
                                   -- a bare date closing it (", 01/7/2025", "- 01/7/2025", "(01/7/2025)") is its date, not a unit
                                   || '|[\s,;(–-]+(?:từ\s+)?\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*\)?)$', '')],
        lambda x: blank_null(regexp_replace(
            if(length(x) - length(replace(x, ')', '')) > length(x) - length(replace(x, '(', '')), regexp_replace(x, '\)[^()]*$', ''), x),
            -- (a dash left before the date or decision dropped: "… thôn A - ngày 01/7/2025")
            '[\s.,;:–-]+$', '')))[1];

-- lineage_done: a free text without the clauses that state lineage as not done or not yet ("Dự
-- kiến sáp nhập vào …", "Giữ nguyên, không sáp nhập vào …", "Đề án đổi tên thành …", "Đang chờ
-- sáp nhập …", "Trình sáp nhập …", also typed without accents), or say so after the verb ("Sáp
-- nhập vào thôn A (dự kiến)", "… - chưa có quyết định", "… chờ quyết định"): so neither
-- lineage_stated reads it nor the file is told of it (registry.sql: a note, a name's tail). The word
-- alone, with no verb in its clause, stays ("Chi bộ Không quân", "theo Kế hoạch 45-KH/TU"; after
-- the verb a plan, decision or request cited is what it was done by: "theo đề nghị …"). "trình"
-- before the verb only opening its clause ("Ban quản lý công trình sáp nhập vào …" is done). After
-- the verb the word counts only when what follows it is about the merger itself (lineage_about):
-- "(chờ bàn giao hồ sơ đảng viên)", "- chưa bàn giao con dấu" are paperwork pending on a merger
-- done, "(Không quân)" a name, "theo dự kiến của Đề án" a plan cited. The words typed without
-- accents count only in a text typed without accents (lineage_done_as(s, ascii)); "chua" only before
-- the verb or opening a bracket or dash after it: "Sap nhap vao xom Chua theo Quyet dinh 12" is a
-- hamlet "Chùa".
create or replace macro lineage_verbs() as
    'hợp nhất|sáp nhập|nhập|chia tách|tách|đổi tên|thành lập|hình thành|hop nhat|sap nhap|nhap|chia tach|tach|doi ten|thanh lap|hinh thanh';
create or replace macro lineage_not_yet(ascii) as
    'chưa|dự kiến|chờ|sẽ' || if(ascii, '|du kien|dang cho|cho quyet dinh', '');
-- lineage_about: what follows such a word after the verb, in its bracket or clause (chars: the
-- characters the clause runs over), when it is about the merger: a time ("dự kiến tháng 10/2025",
-- "(dự kiến quý IV)"), a decision, its approval or carrying out ("chưa có quyết định", "(chờ Tỉnh
-- ủy phê duyệt)", "(chưa thực hiện)"), the verb again ("(chưa sáp nhập)").
create or replace macro lineage_about(chars) as
    '(?:\s+(?i:(?:từ|cuối|đầu|tu|cuoi|dau)\s+)?(?:(?i:tháng|quý|năm|ngày|thang|quy|nam|ngay)\s*[\dIVX]|\d{1,2}/\d)'
    || '|[^\p{L}\p{N}](?:' || chars || '*?[^\p{L}\p{N}])?(?i:quyết định|nghị quyết|qđ|nq|phê duyệt|duyệt|thông qua|ý kiến|chỉ đạo|thực hiện|triển khai|chính thức|hiệu lực'
    || '|quyet dinh|nghi quyet|qd|phe duyet|duyet|thong qua|y kien|chi dao|thuc hien|trien khai|chinh thuc|hieu luc|' || lineage_verbs() || ')(?:[^\p{L}\p{N}]|$))';
create or replace macro lineage_done_as(s, ascii) as
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(s,
        -- before the verb
        '(^|[^\p{L}\p{N}])(?i:không|đề án|đề nghị|đề xuất|kế hoạch|tờ trình|dự thảo|phương án|'
            || if(ascii, 'khong|de an|de nghi|de xuat|ke hoach|to trinh|du thao|phuong an|se|chua|', '') || lineage_not_yet(ascii)
            || ')\s[^,;.:()]*?(?i:' || lineage_verbs() || ')[^,;.:()]*', '\1', 'g'),
        '(^|[,;.:(]\s*)(?i:(?:đã|đang|da|dang)\s+)?(?i:trình|trinh)\s[^,;.:()]*?(?i:' || lineage_verbs() || ')[^,;.:()]*', '\1', 'g'),
        -- after it, in a bracket or after a dash closing the statement (its list of units too): the
        -- word alone or about the merger
        '(^|[^\p{L}\p{N}])(?i:(?:được|đã|bị|duoc|da|bi)\s+)?(?i:trên cơ sở|tren co so|' || lineage_verbs() || ')\s[^;.:()]*?(?:\s[-–]\s*|\(\s*)(?i:không|đề nghị|đề xuất|'
            || if(ascii, 'khong|de nghi|de xuat|chua|', '') || lineage_not_yet(ascii) || ')(?:\s*(?:\)|$)|' || lineage_about('[^;.:()]') || ')[^;.:()]*\)?', '\1', 'g'),
        -- after it, in its clause, about the merger ("… chờ quyết định")
        '(^|[^\p{L}\p{N}])(?i:(?:được|đã|bị|duoc|da|bi)\s+)?(?i:trên cơ sở|tren co so|' || lineage_verbs() || ')\s[^,;.:()]*?\s(?i:'
            || lineage_not_yet(ascii) || ')' || lineage_about('[^,;.:()]') || '[^,;.:()]*', '\1', 'g');
create or replace macro lineage_done(s) as
    list_transform([s], lambda x: if(translate(strip_accents(x), 'đĐ', 'dD') = x, lineage_done_as(x, true), lineage_done_as(x, false)))[1];

-- clean: NFC, trimmed, inner runs of white space collapsed; '' -> null.
create or replace macro clean(s) as
    blank_null(squish(nfc_normalize(s)));

-- tidy: clean() for staged cells, which staging has made NFC where it matters (the free text of a
-- file that may hold NFD; codes, dates and levels are compared through fold or dictionaries).
-- nfc_normalize costs about a microsecond a value: millions of rows notice it.
create or replace macro tidy(s) as
    blank_null(squish(s));

-- month_number: Excel's English month abbreviation as its number ("10-Dec-24" -> "10-12-24",
-- "01-Jul-2025" -> "01-7-2025"); other text as it is.
-- (one nested replace per month, each reading its argument once: a macro repeats an argument at
-- every use, and parse_date reads date_text's many times)
create or replace macro month_number(s) as
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(s, '^(\d{1,2}[/.-])jan([/.-]\d{2}(\d{2})?)$', '\11\2', 'i'), '^(\d{1,2}[/.-])feb([/.-]\d{2}(\d{2})?)$', '\12\2', 'i'), '^(\d{1,2}[/.-])mar([/.-]\d{2}(\d{2})?)$', '\13\2', 'i'), '^(\d{1,2}[/.-])apr([/.-]\d{2}(\d{2})?)$', '\14\2', 'i'), '^(\d{1,2}[/.-])may([/.-]\d{2}(\d{2})?)$', '\15\2', 'i'), '^(\d{1,2}[/.-])jun([/.-]\d{2}(\d{2})?)$', '\16\2', 'i'), '^(\d{1,2}[/.-])jul([/.-]\d{2}(\d{2})?)$', '\17\2', 'i'), '^(\d{1,2}[/.-])aug([/.-]\d{2}(\d{2})?)$', '\18\2', 'i'), '^(\d{1,2}[/.-])sep([/.-]\d{2}(\d{2})?)$', '\19\2', 'i'), '^(\d{1,2}[/.-])oct([/.-]\d{2}(\d{2})?)$', '\110\2', 'i'), '^(\d{1,2}[/.-])nov([/.-]\d{2}(\d{2})?)$', '\111\2', 'i'), '^(\d{1,2}[/.-])dec([/.-]\d{2}(\d{2})?)$', '\112\2', 'i');

-- day_first: a month-first date ("3/15/1980 0:00") with its first two numbers swapped ("15/3/1980
-- 0:00"); other text as it is (dictionaries.sql, month_first).
create or replace macro day_first(s) as
    regexp_replace(s, '^\s*(\d{1,2})([/.-])(\d{1,2})([/.-])(\d{2,4})(\s|$)', '\3\2\1\4\5\6');

-- date_text: a date cell as units write it reduced to its date: an English month as its number
-- ("10-Dec-24"), a leading "Ngày" or "Từ ngày", "tháng"/"năm" as separators ("10 tháng 12 năm
-- 2024"; "tháng" and "năm" each in its own pass: in "05 tháng 8 năm 2025" one pass took the 8
-- with "tháng" and left "năm"), a leading "tháng" ("tháng 3/2015"; "T3/2015", its abbreviation
-- before a month and year), spaces around separators
-- ("10 / 12 / 2024") and a time after the date ("10/12/2024 08:30") dropped; of a decision's number
-- and date in one cell ("Số 05-QĐ/ĐU ngày 12/3/2024"), the date after its last "ngày", or the date
-- ending it ("05-QĐ/UBKT, 15/6/2024", "Số 05-QĐ/UBKT (15/06/2024)").
create or replace macro date_text(s) as
    blank_null(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(month_number(clean(s)),
        -- a date and its decision in brackets after it ("01/7/2025 (QĐ số 2500-QĐ/TU)"): the date
        '^(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4})\s*[(\[].*$', '\1'),
        '^.*\sngày\.?\s*(\d)', '\1', 'i'),
        '^.*(qđ|nq|kl|số)\S*[\s,;:(]+(\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})\s*\)?\.?$', '\2', 'i'),
        '^((kể |tính )?từ\s+)?(ngày\.?\s*|tháng\s*|t\.?\s*(\d{1,2}\s*[/.-]\s*\d{4})$)?', '\4', 'i'),
        '(\d)\s*tháng\s*(\d)', '\1/\2', 'gi'),
        '(\d)\s*năm\s*(\d)', '\1/\2', 'gi'),
        '\s*([/.-])\s*', '\1', 'g'),
        '^([0-9/.-]+)(\s+|T)\d{1,2}[:h]\d{2}(:\d{2}(\.\d+)?)?(\s*[ap]m)?$', '\1', 'i'));

-- form_decision: the date a discipline form cell gives its decision ("Cảnh cáo - QĐ số 12-QĐ/UBKT
-- ngày 3/4/2025", "… ngày 20/5/2024 của UBKT)"), for a register whose date cell is blank: the date
-- after "ngày", as written; null when none.
create or replace macro form_decision(form) as
    blank_null(regexp_extract(form, '(?i)ngày\.?\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4})', 1));

-- decision_cell: the cell a register row's decision date is read from: its date column, else the
-- date its form cell gives (the Party's form, else the State's) (dictionaries.sql, discipline.sql)
create or replace macro decision_cell(decided_on, form, state_form) as
    coalesce(decided_on, form_decision(coalesce(form, state_form)));

-- parse_date: dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd (time part ignored), Excel
-- serial numbers, as date_text leaves them. A bare year is not a date (see parse_year). Impossible
-- dates (31/02) -> null.
create or replace macro parse_date(s) as
    -- date_text once (a lambda's argument), not once per branch: 15 copies of its regexes made
    -- a plan of some 250 expressions, built for every statement that parses dates
    list_transform([date_text(s)], lambda t:
        case
            when t is null then null
            when regexp_full_match(t, '\d{1,2}[/.-]\d{1,2}[/.-]\d{4}')
                then try_strptime(regexp_replace(t, '[.-]', '/', 'g'), '%d/%m/%Y')::date
            when regexp_full_match(t, '\d{1,2}[/.-]\d{1,2}[/.-]\d{2}')
                -- two-digit years: a date in the future is last century's (15/3/65 -> 1965)
                then (try_strptime(regexp_replace(t, '[.-]', '/', 'g'), '%d/%m/%y')
                      - case when year(try_strptime(regexp_replace(t, '[.-]', '/', 'g'), '%d/%m/%y')) > year(current_date)
                             then interval 100 year else interval 0 year end)::date
            when regexp_full_match(t, '\d{4}-\d{1,2}-\d{1,2}([ T].*)?')
                then try_strptime(regexp_extract(t, '^\d{4}-\d{1,2}-\d{1,2}'), '%Y-%m-%d')::date
            when regexp_full_match(t, '\d{4}/\d{1,2}/\d{1,2}')
                then try_strptime(t, '%Y/%m/%d')::date
            -- month and year only ("03/2015", common for admission dates): the first of the month
            when regexp_full_match(t, '\d{1,2}[/.-]\d{4}')
                then try_strptime('01/' || regexp_replace(t, '[.-]', '/', 'g'), '%d/%m/%Y')::date
            when regexp_full_match(t, '[1-9]\d{3,4}(\.\d+)?') and try_cast(t as double) between 3000 and 80000
                then (date '1899-12-30' + cast(floor(cast(t as double)) as integer))::date
            else null
        end)[1];

-- parse_year: a bare year (1900..2100), or the year of a parseable date.
create or replace macro parse_year(s) as (
    case
        when regexp_full_match(clean(s), '(19|20)\d{2}') then cast(clean(s) as integer)
        else year(parse_date(s))
    end);

-- parse_bool: Có / x / yes / 1 -> true; Không / no / 0 / blank -> false; anything else -> null.
create or replace macro parse_bool(s) as (
    -- list_contains, not IN: an IN list over an expression plans as a join on every row
    case
        when clean(s) is null then false
        when list_contains(['co', 'x', 'yes', 'y', '1', 'true', 'dung', 'v', 'da'], alnum_key(s)) then true
        when list_contains(['khong', 'k', 'no', 'n', '0', 'false', 'chua'], alnum_key(s)) then false
        else null
    end);

-- parse_number: '92,5' or '92.5' -> 92.5 (Vietnamese files use a decimal comma).
create or replace macro parse_number(s) as
    try_cast(replace(tidy(s), ',', '.') as double);

-- first_five: a warning's cited rows, the first five of the list and ", …" when there are more (a
-- file of a thousand bad rows names a few, not all).
create or replace macro first_five(cells) as
    array_to_string(list_slice(cells, 1, 5), ', ') || case when len(cells) > 5 then ', …' else '' end;

-- parse_score: a score as lists write it, "85 điểm", "62,25đ", "92/100", "95 điểm/100 điểm", "đạt 92
-- điểm": the number; "90 (chín mươi)", "85,5 (tám mươi lăm phẩy năm)", "91 (chín mươi mốt) điểm": the
-- number its words in brackets spell (a form's "bằng chữ"), not one they contradict. Other words around it ("khoảng
-- 80", "90-95", "90 (khá)") leave no number: the row is refused, as unclear.
create or replace macro score_number(s) as
    parse_number(regexp_replace(regexp_replace(s, '^\s*đạt\s*:?\s*', '', 'i'),
                                '\s*(đ(i\S*m)?\.?)?\s*(/\s*100\s*(đ(i\S*m)?\.?)?)?\s*$', '', 'i'));

-- digit_word, spelled_whole: a whole number up to 100 in words ("chín mươi lăm", "mười", "một trăm";
-- "… phẩy năm", "… điểm": the whole part), its value; other words, null
create or replace macro digit_word(w) as
    case w when 'khong' then 0 when 'mot' then 1 when 'hai' then 2 when 'ba' then 3 when 'bon' then 4 when 'tu' then 4
           when 'nam' then 5 when 'lam' then 5 when 'sau' then 6 when 'bay' then 7 when 'tam' then 8 when 'chin' then 9 end;

create or replace macro spelled_whole(s) as
    list_transform([regexp_replace(coalesce(words(s), ''), '( diem)?( (phay|cham) .*)?$', '')], lambda w:
        case
            when w = 'mot tram' then 100
            when regexp_full_match(w, '(\w+ )?muoi( \w+)?')
                then if(starts_with(w, 'muoi'), 1, digit_word(regexp_extract(w, '^(\w+) muoi', 1))) * 10
                     + if(ends_with(w, 'muoi'), 0, digit_word(regexp_extract(w, 'muoi (\w+)$', 1)))
            else digit_word(w)
        end)[1];

-- spelled_number: the value of a number in words with its decimals after "phẩy" / "chấm" ("tám mươi lăm
-- phẩy năm": 85.5; "chín mươi hai phẩy hai lăm": 92.25); null when a decimal word is no digit
create or replace macro spelled_number(s) as
    list_transform([string_split(nullif(regexp_extract(regexp_replace(coalesce(words(s), ''), ' diem$', ''), '\b(phay|cham) (.*)$', 2), ''), ' ')],
        lambda ds: spelled_whole(s) + case
            when ds is null then 0
            when not list_bool_or(list_transform(ds, lambda w: digit_word(w) is null))
                then ('0.' || array_to_string(list_transform(ds, lambda w: digit_word(w)::varchar), ''))::double
        end)[1];

create or replace macro parse_score(s) as
    -- (the unit after the words, "91 (chín mươi mốt) điểm", as before them)
    list_transform([regexp_replace(s, '\)\s*đ(i\S*m)?\.?\s*$', ')', 'i')], lambda x:
        case
            -- (the words spell the digits, decimals too: "92,7 (chín mươi hai phẩy năm)" is unclear)
            when contains(x, '(') and abs(spelled_number(regexp_extract(x, '\(([^()]*)\)\s*$', 1))
                                          - score_number(regexp_replace(x, '\s*\([^()]*\)\s*$', ''))) < 1e-9
                then score_number(regexp_replace(x, '\s*\([^()]*\)\s*$', ''))
            else score_number(x)
        end)[1];

-- person_name: a person's name as a list writes it, without the honorific a register puts before it
-- ("Đ/c", "Đ/c.Lê Văn A", "Đồng chí: …") or the post in brackets after it ("Đặng Ngọc Khánh (Chi ủy viên)"): short
-- brackets stay ("Nguyễn Văn Hùng (B)" tells namesakes apart). "Ông", "Bà" before a whole name a
-- common surname opens ("Ông Lê Văn Cường", "BÀ NGUYỄN THỊ HOA") go; otherwise they stay: Ông is a
-- surname too ("Ông Văn Tùng", "Ông Hoàng Nam").
-- (the regular expressions only where they can change something: millions of plain names pass)
create or replace macro person_name(s) as
    blank_null(list_transform([s], lambda n:
        case
            when contains(n, '(') or starts_with(lower(ltrim(n)), 'đ')
                then trim(regexp_replace(regexp_replace(squish(n), '^(đ\s*/\s*c|đ\.\s*c|đồng chí)(\s*[.:]\s*|\s+)', '', 'i'),
                                         '\s*\(([^()]*\s[^()]*|[^()]{5,})\)$', ''))
            when (starts_with(lower(ltrim(n)), 'ông') or starts_with(lower(ltrim(n)), 'bà')) and regexp_matches(n, '^\s*(ông|bà)[\s.:]', 'i')
                then regexp_replace(squish(n), '^(ông|bà)(\s*[.:]\s*|\s+)((nguyễn|trần|lê|phạm|hoàng|huỳnh|phan|vũ|võ|đặng|bùi|đỗ|hồ|ngô|dương|lý|đào|đoàn|đinh|trịnh|trương|lâm|lương|phùng|mai|tô|hà|tạ|cao|lưu|chu|kiều|quách|thái|châu|triệu|vương|hứa|tăng|la|từ)(\s+\S+){2,})$', '\3', 'i')
            else squish(n)
        end)[1]);

-- name_post: the post a name cell carries in brackets after the name ("Trần Thị Bình (Phó Bí thư)",
-- "Vũ Văn Khánh⏎(Bí thư)"), which person_name drops from the name: the row's post where no "Chức vụ"
-- column gives one (stage.ts), so that R3 and R10 know the heads and the committee's members.
create or replace macro name_post(s) as
    list_transform([regexp_extract(squish(s), '\(([^()]+)\)$', 1)], lambda p:
        case when regexp_matches(fold(p), '^((pho )?(bi thu|bt)|pbt|chi uy vien|cuv|(dang )?uy vien|duv|(pho )?(chu tich|giam doc|hieu truong|thu truong|truong (phong|ban|thon|ap|khoa)))\b')
             then squish(p) end)[1];

-- status_words: a status as words() reads it, the abbreviations clerks write spelled out once for
-- every wording: SHTT, SHCT, SH and SHĐ ("sinh hoạt đảng" is "sinh hoạt"), ĐV, ĐVCT, ĐVDB
-- ("Chuyển SH tạm thời", "Chuyển SHĐ", "Miễn SHĐ" are "chuyển sinh hoạt tạm thời"…); "hi sinh" (both
-- spellings are current) is "hy sinh"; "Miễn CT" is "miễn công tác".
-- (a death before its cause, "Mất tại nhà", "Đã mất vì bệnh", "Hy sinh khi làm nhiệm vụ", is spelled
-- "từ trần" while its accents still tell the cause from a thing lost: folded, "tại" is "tài" ("Mất tài
-- liệu"), "vì" is "vị" ("Mất vị trí"), "do" is "đồ" ("Mất đồ"))
create or replace macro status_words(s) as
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(words(
        regexp_replace(lower(nfc_normalize(s)), '(^|[^\pL])(mất|hy sinh|hi sinh)\s+(tại|vì|do|bởi|lúc|khi|trong)([^\pL]|$)', '\1từ trần \3\4', 'g')),
        '\bshtt\b', 'sinh hoat tam thoi', 'g'), '\bshct\b', 'sinh hoat chinh thuc', 'g'), '\bshd?\b', 'sinh hoat', 'g'),
        '\bsinh hoat dang\b', 'sinh hoat', 'g'), '\bdvct\b', 'dang vien chinh thuc', 'g'), '\bdvdb\b', 'dang vien du bi', 'g'),
        '\bdv\b', 'dang vien', 'g'), '\bhi sinh\b', 'hy sinh', 'g'),
        -- "Miễn CT, SH": CT after "miễn" is công tác (alone, CT is chính thức)
        '\bmien ct\b', 'mien cong tac');

-- moves_here: what follows "đến" / "về" in a move says it is toward here: "từ …", a date, how long
-- ago ("chưa đủ 6 tháng", "được 3 tháng", "trong năm", "vào tháng 3"), "chi bộ (này)", "đây", alone or
-- before where from or when ("… đến chi bộ ngày 15/3/2024", "… về chi bộ từ tháng 3/2024"); before a
-- place it is a move there ("Chuyển sinh hoạt đến Đảng bộ xã A", "… đến chi bộ thôn 2", "… đến chi bộ
-- 3": one number names a chi bộ, a date has two or three).
create or replace macro moves_here(r) as
    regexp_matches(r, '^(tu|ngay|thang|nam|chua|duoc|trong|vao|[0-9])\b|^(day|chi bo( nay)?)( (tu|ngay|thang|nam)\b| [0-9]+ [0-9]|$)');

-- status_after: what follows an alias's words w in a status (r, not empty) leaves it that alias's
-- status. A move written without its direction ("Chuyển sinh hoạt") only whole: what follows may say
-- either ("… từ xã A"); a move toward here ("Chuyển đến", "Chuyển sinh hoạt về") only as moves_here
-- says. The sending chi bộ's "Chuyển sinh hoạt chính thức" (left) as whole, before a date, or before
-- a place it goes to ("… đến / về / sang Đảng bộ xã A"); "… đến" alone is the receiving chi bộ's
-- (official, its own alias); "… từ xã A" says neither. "Đã mất" (died) only before a date or a time
-- ("Đã mất ngày 3/10/2025"; before a cause status_words spells it "từ trần"), "Mất" and "Hy sinh" too
-- ("Mất tháng 5/2025"): "Đã mất liên lạc / thẻ đảng viên / sức lao động" lost something. "Chuyển
-- về quê" as they do ("Chuyển về quê sinh hoạt" is its own alias): "Chuyển về quê sinh sống, vẫn sinh
-- hoạt tại chi bộ", "… nhưng chưa chuyển sinh hoạt" is still a member here. "Ra
-- khỏi Đảng" is the Party, not its committee ("Ra khỏi Đảng ủy xã"). "Chuyển sinh hoạt" before a place
-- it goes to ("… đến Đảng bộ xã A") moves there, as the sending chi bộ's "… chính thức" does. A trip,
-- "Chuyển đi công tác / học …", is its own alias (official: still a member here), longer than "Chuyển đi".
create or replace macro status_after(w, r) as
    case
        when regexp_matches(w, '(^|\bda )mat$|\bhy sinh$|^chuyen ve que$') then regexp_matches(r, '^((vao|hoi|tu) )?((ngay|thang|nam)\b|[0-9])')
        -- a job suspension, an absence: not before the Party's suspension ("Đình chỉ công tác, sinh hoạt
        -- đảng": an alias of its own)
        when regexp_matches(w, 'dinh chi cong tac$|vang mat$|tam vang$') then not regexp_matches(r, '\b(sinh hoat|dinh chi|mien)\b')
        when regexp_matches(w, '\bdang$') then not regexp_matches(r, '^(uy|bo|doan)\b')
        when regexp_matches(w, '\bchuyen sinh hoat( chinh thuc)?$')
            then (regexp_matches(r, '^((ngay|thang|nam)\b|[0-9])') and w like '%chinh thuc')
                 or (regexp_matches(r, '^(den|ve|sang|toi) ') and not moves_here(regexp_replace(r, '^\S+ ', '')))
        -- the short "Đình chỉ" in a cell: not before what names something else ("Đình chỉ công
        -- tác", a job suspension)
        when regexp_matches(w, '^(tam )?dinh chi$') then not regexp_matches(r, '^(cong tac|cong viec|chuc vu|vang|nghi)\b')
        -- the short "Tạm thời" in a cell: temporary activity here only before what says here, as a move
        -- here does ("Tạm thời (đến)", "Tạm thời từ Đảng bộ xã A"); "Tạm thời vắng mặt" is absent, rated
        -- at the next meeting; "Tạm thời đi …", "… nơi khác" the sending chi bộ's (aliases: official)
        when w = 'tam thoi' then r in ('den', 've') or moves_here(regexp_replace(r, '^(den|ve) ', ''))
        when regexp_matches(w, '\bchuyen$') then false
        when regexp_matches(w, '\b(den|ve)$') then moves_here(r)
        else true
    end;

-- status_leads: status words t begin with an alias's words w: whole, or before what leaves it that
-- status (status_after).
create or replace macro status_leads(t, w) as
    starts_with(t || ' ', w || ' ') and (t = w or status_after(w, substr(t, length(w) + 2)));

-- status_denied(t, w): the exemption or suspension w in status words t is none: asked for ("Xin /
-- Đề nghị (xét) miễn SH"), or denied, ended or awaited right before it ("Ốm đau, không miễn SH", "Hết
-- thời hạn miễn sinh hoạt", "Chưa được miễn") or right after it ("Miễn SH (chưa có quyết định)", "ĐV
-- miễn SH (chờ QĐ)"). A "không" further before belongs to the cause ("Sức khỏe không đảm bảo, miễn
-- SH"); "cho" is "chờ" only before a decision ("chờ QĐ": folded, "chợ" and "cho" read the same).
-- After it, only a "chưa / không" about the decision denies: the words have lost their commas, and
-- "Miễn SH, không xếp loại", "Miễn sinh hoạt, không tham gia" say what the exemption entails.
create or replace macro status_denied(t, w) as
    list_transform([strpos(' ' || t || ' ', ' ' || w || ' ')], lambda p:
        p > 0 and (regexp_matches(substr(t, 1, p - 1), '(^| )(xin|de nghi)( |$)|(^| )(khong|chua|het|cho (qd|quyet dinh|duyet|xet))( (con|duoc|xet|duyet|thoi han|thoi gian|han))* ?$')
                   or regexp_matches(substr(t, p + length(w) + 1), '^ ?((chua|khong) (co |duoc |co duoc )?(qd|quyet dinh|duyet|phe duyet|chap nhan|chap thuan|dong y)|(dang )?cho (qd|quyet dinh|duyet|phe duyet|xet))\b')))[1];

-- status_reading(texts, in_note): the member status (member_status_alias) each text of status_words
-- states, one row per distinct text (status null: none), and the words after it (rest). A status
-- cell by its whole spelling or its leading words ("Chi bộ … Đảng viên chính thức"); a note — a
-- roster's Ghi chú, a not-rated row's reason — by its whole spelling, or by its leading words only
-- for aliases that name party membership or leaving it ("Được miễn sinh hoạt đảng", "Từ trần ngày
-- 10/8/2024", "Chuyển đi Đảng bộ huyện X"): "Tạm thời vắng mặt", "Đình chỉ công tác" state none
-- (the short aliases "Tạm thời", "Đình chỉ" name other things in free text).
create or replace macro status_reading(texts, in_note) as table
    with t as (
        -- (pre: the text without a leading "Đảng viên / Đang / Đã / Được / Bị")
        select t, regexp_replace(t, '^((dang vien|dang|da|duoc|bi) )+', '') as pre
        from (select distinct unnest(texts) as t)
        where t is not null
    ),
    alias as (
        select distinct w, replace(w, ' ', '') as k, status,
            regexp_matches(w, '\b(sinh hoat|dang vien|du bi|chinh thuc|tu tran|chet|mat|hy sinh|qua doi|khai tru|xoa ten|ra khoi dang|chuyen di|chuyen ve que)\b') as names_party
        from (select status_words(alias) as w, status from ref_member_status_alias)
    )
    select t.t, a.status,
        nullif(case when starts_with(t.t || ' ', a.w || ' ') then substr(t.t, length(a.w) + 2)
                    when starts_with(t.pre || ' ', a.w || ' ') then substr(t.pre, length(a.w) + 2) end, '') as rest
    from t
    left join alias a
      on (a.k = replace(t.t, ' ', '')
      or (status_leads(t.t, a.w) and not in_note)
      -- "Đang bị đình chỉ sinh hoạt", "Được miễn sinh hoạt đảng", "Đã chuyển sinh hoạt …": the status
      -- they precede, written whole ("Đang SHTT nơi khác" is not "SHTT"); an exemption or suspension
      -- also as its leading words ("Được miễn công tác và sinh hoạt đảng"; not "Đang sinh hoạt tạm
      -- thời tại …", a member of the chi bộ active elsewhere for a time)
      or (not in_note and (a.k = replace(t.pre, ' ', '')
                           or (a.status in ('exempt', 'suspended') and contains(a.w, ' ') and status_leads(t.pre, a.w))))
      -- (a note's "Đảng viên / Đồng chí / Đã / Được / Bị / Đang bị …" too: "Đang bị đình chỉ sinh hoạt
      -- đảng", "Đồng chí đã mất ngày …", "Đ/c đã mất ngày …", "ĐV miễn SH")
      or (in_note and a.names_party and (status_leads(t.t, a.w) or status_leads(regexp_replace(t.t, '^((dang vien|dong chi|d c) |(dang )?(duoc|da|bi) )+', ''), a.w)))
      -- a not-rated reason's exemption after its cause, however long ("Tuổi cao, miễn SH", "Tuổi cao,
      -- sức yếu, đã được miễn sinh hoạt")
      or (in_note and a.status = 'exempt' and contains(' ' || t.t || ' ', ' ' || a.w || ' ')))
      -- … on every reading, unless it is asked for, denied, ended or awaited (status_denied)
      and not (a.status in ('exempt', 'suspended') and status_denied(t.t, a.w))
    qualify row_number() over (partition by t.t order by a.k = replace(t.t, ' ', '') desc, length(a.w) desc, a.status) = 1;

-- member_statuses(vals, in_note): the member status each text states (status_reading of its
-- status_words), one row per distinct text (status null: none). Read by the ingest
-- (dictionaries.sql) and R4 (a not-rated row's reason). The status that decides R4 (exempt,
-- suspended, temporary, left) wins over the membership word: stated in brackets ("Chính thức (miễn
-- sinh hoạt)"; in a status cell) or after it ("Chính thức - Miễn SH", "Dự bị, đình chỉ sinh hoạt",
-- "Chính thức/Đã chuyển đi", read as a note is).
create or replace macro member_statuses(vals, in_note) as table
    with v as (
        select v, status_words(v) as c, nullif(status_words(regexp_extract(v, '\(([^)]*)\)', 1)), '') as br
        from (select distinct unnest(vals) as v)
    ),
    whole as (select * from status_reading((select list(c) from v), in_note)),
    after as (select * from status_reading((select list(w.rest) from whole w where w.status in ('official', 'probationary')), true)),
    bracket as (select * from status_reading((select list(br) from v), false))
    select v.v,
        coalesce(case when not in_note and b.status not in ('official', 'probationary') then b.status end,
                 case when w.status in ('official', 'probationary') and r.status not in ('official', 'probationary') then r.status end,
                 w.status) as status
    from v
    left join whole w on w.t = v.c
    left join after r on r.t = w.rest
    left join bracket b on b.t = v.br;

-- proposals_only: over a list's rows (an aggregate), whether it holds proposals and no decided level:
-- self-ratings, the chi bộ's proposals, what a chi bộ sends up to its đảng ủy (rating.sql supersede,
-- warnings).
create or replace macro proposals_only(final_level, proposed_level, self_level) as
    not bool_or(final_level is not null) and bool_or(proposed_level is not null or self_level is not null);

-- corrects: a file's name says it corrects an earlier version ("… (bản sửa).csv", "điều chỉnh", "thay
-- thế", "cập nhật", "đính chính"; "… (gửi lại).xlsx", "sửa lại": what a clerk re-sends is a
-- correction): of two versions of a list in one load, the current one (rating.sql, roster.sql).
create or replace macro corrects(file_name) as
    regexp_matches(fold(file_name), '\b(ban sua|sua doi|da sua|sua lai|gui lai|dieu chinh|thay the|cap nhat)\b')
    -- (unfolded: folded "dinh chinh" is also "quyết định chính thức", "nghị định Chính phủ")
    or contains(lower(nfc_normalize(file_name)), 'đính chính');

-- correction_line: a folded title line that marks its list as a correction: opening with "(Bản sửa",
-- "Thay thế", "Điều chỉnh", "Đính chính"; ending with a bracket holding only "Bản/Đã sửa (đổi)",
-- "Bản/Đã điều chỉnh", "Đã đính chính", "Điều chỉnh", "Sửa đổi" ("… NĂM 2025 (ĐÃ ĐIỀU CHỈNH)", "(Bản
-- sửa lần 2)") or "Thay thế bản / danh sách …"; or ending after a dash or as "bản sửa" ("… NĂM 2025 -
-- Bản sửa lần 2", "- Đã điều chỉnh"). The words inside a title ("KẾT QUẢ ĐIỀU CHỈNH XẾP LOẠI …") do
-- not mark it, nor a line citing another document ("Căn cứ Điều lệ Đảng (đã sửa đổi, bổ sung)",
-- "Kèm theo Quy định số 124-QĐ/TW … đã sửa đổi", "Mẫu 02-XL (thay thế Mẫu 02 …)").
create or replace macro correction_line(f) as
    not regexp_matches(f, '^\W*(can cu|thuc hien|theo|xet|kem theo|ban hanh|ap dung|mau|huong dan|quy dinh|dieu le|nghi dinh|thong tu|cong van)\b')
    and regexp_matches(f, '^\W*(ban sua|thay the|dieu chinh|dinh chinh)\b'
        -- (a bracket at the line's end holding the marker alone, not one inside another bracket:
        -- "(Ban hành kèm theo Hướng dẫn 25 (đã sửa đổi))", "(… (đã sửa đổi, bổ sung))" cite)
        || '|\(\s*((ban|da) )?(sua( doi| lai)?|dieu chinh|dinh chinh)( lan (thu )?\w+)?\s*\)[^\w)]*$'
        || '|\(\s*thay the (ban|danh sach|ds)\b[^()]*\)[^\w)]*$'
        || '|(\s[-–—]\s*(ban |da )?|\bban )(sua( doi| lai)?|dieu chinh|dinh chinh)( lan (thu )?\w+)?[^\w)]*$');

-- says_corrected: a file that says it corrects what was sent before, by its name (corrects()) or a
-- title line (correction_line): what it restates replaces what was stored (discipline.sql: a
-- register; registry.sql: lineage); of versions of a list decided the same day, it is the current
-- one (rating.sql, roster.sql).
create or replace macro says_corrected(file_name, title_lines) as
    corrects(file_name)
    or list_bool_or(list_transform(string_split(coalesce(title_lines, ''), chr(10)),
           lambda l: coalesce(correction_line(fold(l)), false)));

-- supplements: the list's own title line or its file name says it supplements the one already
-- decided ("DANH SÁCH BỔ SUNG …", "… NĂM 2024 (BỔ SUNG)", "xl_bo_sung.csv"); other lines above the
-- header ("Căn cứ Quy định bổ sung …") do not count, nor "sửa đổi, bổ sung" / "bổ sung, điều chỉnh",
-- which correct it (nor a file name saying it corrects).
create or replace macro supplement_words(s) as
    coalesce(regexp_matches(regexp_replace(words(s), '\b(sua doi|dieu chinh)( va)? bo sung\b|\bbo sung( va)? (sua doi|dieu chinh)\b', '', 'g'), '\bbo ?sung\b'), false);

create or replace macro supplements(file_name, title_lines) as
    not corrects(file_name)
    and (supplement_words(file_name)
         or len(list_filter(string_split(coalesce(title_lines, ''), chr(10)),
                            lambda l: regexp_matches(coalesce(words(l), ''), '^((danh sach|ket qua|bang|tong hop)\b|bo sung$)') and supplement_words(l))) > 0);

-- parse_leave: a span of leave as lists write it, {months, days}: "90", "90 ngày" (days), "3 tháng",
-- "3,5 tháng", "3 tháng 5 ngày"; its first and last day ("01/3/2024 - 30/6/2024", "Từ 15/02 đến
-- 20/5/2024": leave_range_days) or months ("từ tháng 2 đến tháng 7": both counted, 6 months);
-- "không", "Không nghỉ", "-": none (0 days); anything else null. y: the list's year (a range without
-- one). Months stay months: the rulebook's days_per_month turns them into days where a rule
-- compares (R6), not the ingest.
-- note_leave: sick leave a note states ("Nghỉ ốm dài ngày 4 tháng (từ 01/3 đến 30/6/2025)", "Ốm dài
-- ngày, nghỉ 100 ngày", "Nghỉ điều trị bệnh 5 tháng", "Nghỉ ốm từ 01/3/2024 đến 30/6/2024"), as the
-- sick-leave column would hold it ("4 tháng", "01/3/2024 den 30/6/2024"); '' when the note speaks
-- of sick leave but its length cannot be read ("Nghỉ ốm dài ngày", "nghỉ ốm gần 3 tháng": the
-- ingest warns); null when it speaks of none ("Nghỉ thai sản 6 tháng", "Không nghỉ ốm").
-- (Words between the sick-leave words and the length are passed over, "dài hạn", "hơn", "trên": "hơn
-- 3 tháng" is read as 3 months, since R6 asks 3 months or more, which more than 3 is; "hơn 2 tháng"
-- proves no 3 months and stays 2. A bound from above, "gần", "dưới", "chưa đủ 3 tháng", is no
-- length: unread, warned.)
-- leave_day_span: a spell of leave by its first and last day, "01/3/2024 den 30/6/2024", "15/02 - 20/5"
-- (folded; captures both days): one pattern for the column (parse_leave) and the note (note_leave).
create or replace macro leave_day_span() as
    '(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)\s*(?:den|toi|-|–)\s*(?:het\s*)?(?:ngay\s*)?(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?)';

-- leave_sum: a length as one or more terms "<n> tháng" / "<n> ngày" ("3 tháng rưỡi": 3,5 months),
-- spells joined by "+", "và", ";", "," ("45 ngày + 50 ngày", "40 ngày và 55 ngày", "3 tháng 10 ngày");
-- a bare number takes the unit of the term after it ("45 + 50 ngày": days). `last`: the last term's
-- pattern (a note's must name its unit: "nghỉ ốm 3 tháng, 2024" is no 2024 days).
create or replace macro leave_sum(last) as
    '(?:\d+(?:[.,]\d+)?\s*(?:thang(?:\s+ruoi)?|ngay)\s*(?:(?:[+;,&]|\bva\b)\s*)?|\d+(?:[.,]\d+)?\s*(?:[+;&]|\bva\b)\s*)*' || last;

-- leave_months_span: months from … to …, "thang 2 den thang 7", "T3 - T6", "thang 3/2024 den thang
-- 6/2024" (folded): one pattern for the column and the note.
create or replace macro leave_months_span() as
    '(?:tu\s*)?(?:thang|t)\s*\d{1,2}(?:\s*(?:/|nam)\s*\d{4})?\s*(?:den|toi|-|–)\s*(?:het\s*)?(?:thang|t)?\s*\d{1,2}(?:\s*(?:/|nam)\s*\d{4})?';

-- note_span: of a folded note t, the length written after the words `lead` (a regular expression)
-- name the leave: the span as the column would hold it, '' when bounded from above, else null.
-- ("2 đợt: 40 ngày và 55 ngày": the count of spells is no length; "ba tháng": a number in words,
-- one to twelve, not followed by a number: "sáu" and "sau", "năm" and "năm" fold alike)
create or replace macro note_span(t, lead) as
    list_transform([regexp_extract(t,
        '\b(?:' || lead || ')\b[^0-9]{0,40}?'
        || '(gan|duoi|chua (?:du|den|toi|qua)|khong (?:qua|den|toi)|it hon)?\s*(?:\d+\s*(?:dot|lan)\s*:?\s*)?'
        || '((?:' || leave_day_span() || ')'
        || '|(?:\b' || leave_months_span() || '\b)'
        || '|(?:' || leave_sum('\d+(?:[.,]\d+)?\s*(?:thang(?:\s+ruoi)?|ngay)') || ')'
        || '|(?:\b(mot|hai|ba|bon|nam|sau|bay|tam|chin|muoi(?: mot| hai)?)\s+(thang|ngay)\b(?:\s*$|\s*[^\s\d/])))'
        || '\s*([a-z]*)',
        ['bound', 'span', 'd1', 'd2', 'word', 'unit', 'next'])], lambda x:
        case when x.bound <> '' then '' when x.word <> '' then spelled_whole(x.word) || ' ' || x.unit
             -- a spell joined on and followed by a word names another leave ("Nghỉ ốm 15 ngày, 6 tháng
             -- thai sản", "20 ngày; 80 ngày phép"): the sum ends before it; a span's own dates may follow
             -- ("45 ngày + 50 ngày từ …", "… trong năm")
             when x.next <> '' and x.next not in ('tu', 'trong', 'nam')
                 then regexp_replace(x.span, '\s*(?:[+;,&]|\bva\b)\s*\d+(?:[.,]\d+)?\s*(?:thang(?:\s+ruoi)?|ngay)$', '')
             else x.span end)[1];

-- sick_words: the words that name sick leave in a note, as clerks write it: "nghỉ ốm", "(chế độ) ốm
-- đau", "ốm nặng", "bị ốm", "nằm viện", "đang điều trị", "nghỉ dưỡng bệnh", "nghỉ điều dưỡng", "đi
-- phẫu thuật" (not "điều dưỡng" alone: a nurse's post); maternity, study, annual and unpaid leave
-- are not sick leave. sick_words_bare: words that are leave only with a length after them ("Điều
-- trị ung thư từ …", "Ốm 3 tháng"): alone they name a post or ward ("Bác sĩ điều trị", "Y sĩ khám
-- chữa bệnh", "khoa Phẫu thuật") or a name ("Ốm Văn Ba"), no leave to warn of.
create or replace macro sick_words() as
    'nghi om|om (?:dau|nang|dai ngay|benh)|bi om|nghi (?:chua benh|benh|dieu duong)|duong benh'
    || '|(?:nghi|dang|di|bi|phai|can) (?:dieu tri|chua benh|phau thuat|mo)'
    || '|benh (?:nang|dai ngay|hiem ngheo)|nam vien|nhap vien';
create or replace macro sick_words_bare() as
    '^om|dieu tri|chua benh|phau thuat';

create or replace macro note_leave(note) as
    list_transform([fold(note)], lambda t:
        case
            when regexp_matches(t, '\b(khong|chua) (co )?(?:' || sick_words() || '|' || sick_words_bare() || ')\b') then null
            when regexp_matches(t, '\b(?:' || sick_words() || ')\b') then note_span(t, sick_words() || '|' || sick_words_bare())
            -- (bare words: the length read, or none: null, not warned)
            else nullif(note_span(t, sick_words_bare()), '')
        end)[1];

-- note_absence: absence from work a note states with its length ("Vắng mặt 4 tháng trong năm", "Nghỉ
-- việc 4 tháng", "Nghỉ không lương từ 01/3 đến 30/6/2024", "Không tham gia công tác 100 ngày"): NĐ
-- 90's "vắng mặt, nghỉ không tham gia công tác", which caps a civil servant's rating, not a member's
-- (R6). Null without a length ("Vắng mặt có lý do", "Tạm vắng": a meeting's roll, a member's stay
-- away, owed a rating all the same) and for maternity leave, which NĐ 90 does not count.
create or replace macro note_absence(note) as
    list_transform([fold(note)], lambda t:
        case when not regexp_matches(t, '\bthai san\b') then
            nullif(note_span(t, 'vang mat|nghi viec|nghi khong (?:huong )?luong|khong tham gia cong tac'), '')
        end)[1];

-- leave_range_days: the days from d1 to d2, both counted, that fall in the year y (R6 counts the
-- leave in the year: "01/11/2023 - 28/02/2024" is 59 days of 2024). d2 without a year is in y, d1
-- without one in d2's year (the year before when later in it: "15/12 - 20/02/2025"). Null when a
-- date is impossible or d2 comes before d1.
create or replace macro leave_range_days(d1, d2, y) as
    list_transform([parse_date(if(regexp_full_match(d2, '\d{1,2}[/.-]\d{1,2}'), d2 || '/' || y, d2))], lambda e:
        list_transform([parse_date(if(regexp_full_match(d1, '\d{1,2}[/.-]\d{1,2}'), d1 || '/' || year(e), d1))], lambda b:
            list_transform([if(b > e and regexp_full_match(d1, '\d{1,2}[/.-]\d{1,2}'), (b - interval 1 year)::date, b)], lambda b1:
                case when b1 <= e then greatest(date_diff('day', greatest(b1, make_date(y, 1, 1)), least(e, make_date(y, 12, 31))) + 1, 0) end)[1])[1])[1];

create or replace macro parse_leave(s, y) as
    -- ("Nghỉ ốm 3 tháng 10 ngày", "3 tháng (từ 01/3 đến 30/5)": the words before and the bracket after
    -- said nothing of the length; "50 + 45", "45 ngày + 50 ngày", "1,5 tháng + 60 ngày": spells, summed
    -- (leave_sum); "3 tháng rưỡi": 3,5 months; "hơn 3 tháng": 3, as note_leave says)
    list_transform([regexp_replace(regexp_replace(regexp_replace(fold(clean(s)), '^((so ngay )?(nghi )?(om( dau)?|benh)( dai (ngay|han))?\s*:?\s*)?((hon|tren|ngoai)\s+)?(\d+\s*(dot|lan)\s*:\s*)?', ''), '\s*\(.*\)\s*$', ''),
                                  '(^|[^\d.,])(\d+)\s*thang\s+ruoi\b', '\1\2,5 thang')], lambda t:
        case
            when t is null then null
            when regexp_full_match(t, '\d+([.,]\d+)?') then {'months': null::double, 'days': parse_number(t)}
            when regexp_full_match(t, leave_sum('\d+(?:[.,]\d+)?\s*(?:thang|ngay)?'))
                then list_transform([{'n': regexp_extract_all(t, '(\d+(?:[.,]\d+)?)\s*(thang|ngay)?', 1), 'u': regexp_extract_all(t, '(\d+(?:[.,]\d+)?)\s*(thang|ngay)?', 2)}], lambda x:
                    list_transform([list_transform(range(1, len(x.n) + 1), lambda i:
                        {'v': parse_number(x.n[i]), 'u': coalesce(list_filter(x.u[i:], lambda u: u is not null)[1], 'ngay')})], lambda ts:
                        {'months': list_sum(list_transform(list_filter(ts, lambda e: e.u = 'thang'), lambda e: e.v)),
                         'days': list_sum(list_transform(list_filter(ts, lambda e: e.u = 'ngay'), lambda e: e.v))})[1])[1]
            when regexp_full_match(t, '[-–—]+|khong( co)?( nghi)?( om)?( ngay nao)?') then {'months': null::double, 'days': 0::double}
            when regexp_full_match(t, '(?:tu\s*)?(?:ngay\s*)?' || leave_day_span())
                then list_transform([regexp_extract(t, '^(?:tu\s*)?(?:ngay\s*)?' || leave_day_span() || '$', ['d1', 'd2'])],
                                    lambda r: {'months': null::double, 'days': leave_range_days(r.d1, r.d2, y)::double})[1]
            -- (months from … to …, both counted, those of the year y: "tháng 3/2024 đến tháng 6/2024" 4,
            -- "tháng 11 đến tháng 2/2024" 2, as leave_range_days counts days)
            when regexp_full_match(t, leave_months_span())
                then list_transform([regexp_extract(t, '^\D*(\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?\D+(\d{1,2})(?:\s*(?:/|nam)\s*(\d{4}))?$', ['m1', 'y1', 'm2', 'y2'])], lambda r:
                    list_transform([{'m1': try_cast(r.m1 as int), 'm2': try_cast(r.m2 as int), 'e': coalesce(try_cast(nullif(r.y2, '') as int), y, 0)}], lambda m:
                        list_transform([{'b': coalesce(try_cast(nullif(r.y1, '') as int), if(m.m1 > m.m2, m.e - 1, m.e)) * 12 + m.m1, 'e': m.e * 12 + m.m2, 'y': coalesce(y, m.e)}], lambda k:
                            {'months': case when m.m1 between 1 and 12 and m.m2 between 1 and 12 and k.b <= k.e
                                            then greatest(least(k.e, k.y * 12 + 12) - greatest(k.b, k.y * 12 + 1) + 1, 0)::double end,
                             'days': null::double})[1])[1])[1]
        end)[1];

-- alive_in: a unit lived in year y (founded by 31/12, not dissolved before 01/01); alive_at_end: it
-- was still alive on 31/12 (lists are made in December). A null year: true. Of units sharing a name
-- (after the 2025 merger a new "Đảng bộ xã Bom Bo" succeeds the dissolved one), the one a file means.
create or replace macro alive_in(founded, dissolved, y) as
    y is null or ((founded is null or founded <= make_date(y, 12, 31)) and (dissolved is null or dissolved >= make_date(y, 1, 1)));
create or replace macro alive_at_end(dissolved, y) as
    y is null or dissolved is null or dissolved >= make_date(y, 12, 31);

-- closer_admission: the admission (new_on … new_by, schema 010) says more than the one held (on … by):
-- none was held, or it is a shorter span inside it (15/03/2024 within "2024"). A span outside the
-- one held contradicts it: the first stays, as for every other fact of a person.
create or replace macro closer_admission(on_, by_, new_on, new_by) as
    new_on is not null
    and (on_ is null
         or (date_diff('day', new_on, coalesce(new_by, new_on)) < date_diff('day', on_, coalesce(by_, on_))
             and new_on >= on_ and coalesce(new_by, new_on) <= coalesce(by_, on_)));

-- unit_key: how unit names are compared: fold, and a committee names its đảng bộ: "Đảng ủy X" is
-- "Đảng bộ X", "Tỉnh ủy X" "Đảng bộ tỉnh X", "Huyện ủy", "Quận ủy" likewise, "Thị ủy X" "Đảng bộ thị
-- xã X", "Thành ủy X" "Đảng bộ thành phố X" (a city's, never a province's: "Thành ủy Bình Phước" is
-- not "Tỉnh ủy Bình Phước"); its standing committee or executive ("Ban Thường vụ Tỉnh ủy X", "BTV
-- Huyện ủy X", "Ban Chấp hành Đảng bộ xã X"), and a chi bộ's committee ("Chi ủy Chi bộ thôn 1"), the
-- same unit, as a leadership list names them ("Tập thể Ban Chấp hành Đảng bộ xã X", "Tập thể lãnh
-- đạo Đảng bộ xã X"). Stored as unit.name_key: a change here re-keys the stored units (a migration).
create or replace macro unit_key(s) as
    regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(fold(s),
        '^(tap the( lanh dao)? )?((ban thuong vu|btv|ban chap hanh|bch|thuong truc|chi uy|lanh dao) )?(((dang|tinh|thanh|huyen|quan|thi) uy( |$)|dang bo |chi bo ))', '\5'),
        '^dang uy( |$)', 'dang bo\1'),
        '^(tinh|huyen|quan) uy( |$)', 'dang bo \1\2'),
        '^thanh uy( |$)', 'dang bo thanh pho\1'),
        '^thi uy( |$)', 'dang bo thi xa\1');

-- names_collective: a "Đối tượng" cell naming a leadership collective in words of its own, past the
-- whole-string aliases of subject_kind_alias.csv: any "Tập thể …" ("Tập thể chi ủy", "Tập thể BCH",
-- "Tập thể lãnh đạo UBND xã"), or a committee with more words after it ("Chi ủy chi bộ", "Ban
-- Thường vụ Đảng ủy") (rating.sql).
create or replace macro names_collective(s) as
    regexp_matches(fold(s), '^(tap the|chi uy|cap uy|ban thuong vu|btv|ban chap hanh|bch)\b');

-- names_standing_committee: a leadership row naming a standing committee ("Tập thể Ban Thường vụ
-- Đảng ủy xã X", "BTV Huyện ủy X"), not its executive ("Ban Chấp hành Đảng bộ xã X") (rating.sql).
create or replace macro names_standing_committee(s) as
    regexp_matches(fold(s), '^(tap the( lanh dao)? )?(ban thuong vu|btv)\b');

-- province_key: a province as a registry's "Tỉnh/Thành phố" cell or a province committee's name
-- writes it, compared without its kind ("Tỉnh Bình Phước", "BÌNH PHƯỚC", "Tỉnh ủy Bình Phước",
-- "TP. Hồ Chí Minh", "Bà Rịa - Vũng Tàu"): matched against data/reference/provinces.csv (schema 011).
-- (unit_key is folded already: alnum_key over it would copy it into fold's every use of its argument)
create or replace macro province_key(s) as
    blank_null(regexp_replace(regexp_replace(unit_key(s), '^(dang bo )?(tinh\s+|thanh pho\s+|tp\.?\s*)', ''), '[^a-z0-9]', '', 'g'));

-- unit_loose_key: a looser key, for names unit_key finds nowhere: "CB"/"ĐB" for chi bộ/đảng bộ,
-- "ĐU", "HU", "TU" for Đảng ủy, Huyện ủy, Tỉnh ủy, "TP."/"TX" for thành phố/thị xã ("TT" is also
-- "Trung tâm": left),
-- numbers without leading zeros ("thôn 01" is "thôn 1"), a hamlet's number in words ("thôn Một" is
-- "thôn 1"; not "Năm", which folds like "Nam"), the parent after a comma, in brackets or after a
-- dash dropped ("Chi bộ thôn 1, xã Đoàn Kết", "Chi bộ Thôn 1 (xã Đoàn Kết)", "Chi bộ thôn 1 - Đảng
-- bộ xã Đoàn Kết", "Đảng bộ xã Đoàn Kết - huyện Bù Đăng"; unit_parent_key keeps it), schools' and
-- bodies' abbreviations spelled out ("Trường MN", "TH", "THCS", "THPT", "UBND", "MTTQ", "CQ", "TYT").
create or replace macro unit_loose_key(s) as
    -- (the hamlet's number in words, one nested replace each: unit_key(s) read once)
    blank_null(trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(
        -- (a dash as Word types it, and spaces around it between two numbers: "ấp 3 – 2" is "ấp 3-2")
        -- (a committee named with its term, "Ban Thường vụ Đảng ủy xã A nhiệm kỳ 2020-2025": the term dropped)
        regexp_replace(regexp_replace(translate(unit_key(s), '–—‐‑', '----'), '\s+nhiem ky\s+\d{4}\s*-\s*\d{4}\s*$', ''), '([0-9])\s*-\s*([0-9])', '\1-\2', 'g'),
        '(,|\s*\(|\s+[-–]\s+(dang bo|dang uy|xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\b).*$', ''),
        '^cb\.? ', 'chi bo '),
        -- (a committee abbreviated, "BTV ĐU xã A", "Tập thể BTV ĐU xã A": the đảng bộ, as unit_key
        -- reads "Ban Thường vụ Đảng ủy xã A")
        '^((tap the( lanh dao)? )?(ban thuong vu|btv|ban chap hanh|bch|thuong truc) )?(db|dbcs|du)\.? ', 'dang bo '),
        '^hu\.? ', 'dang bo huyen '),
        '^tu\.? ', 'dang bo tinh '),
        '\btp(\.\s*|\s+)', 'thanh pho '),
        '\btx(\.\s*|\s+)', 'thi xa '),
        '\bmn\b', 'mam non'), '\bmg\b', 'mau giao'), '\bth\b', 'tieu hoc'), '\bthcs\b', 'trung hoc co so'),
        '\bthpt\b', 'trung hoc pho thong'), '\bubnd\b', 'uy ban nhan dan'), '\bmttq\b', 'mat tran to quoc'),
        '\bcq\b', 'co quan'), '\btyt\b', 'tram y te'),
        '(^|[^0-9])0+([0-9])', '\1\2', 'g'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) mot$', '\1 1'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) hai$', '\1 2'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) ba$', '\1 3'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) bon$', '\1 4'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) tu$', '\1 4'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) sau$', '\1 6'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) bay$', '\1 7'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) tam$', '\1 8'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) chin$', '\1 9'), '\b(thon|ap|xom|to|khu|doi|buon|khoi|pho) muoi$', '\1 10')));

-- unit_flat_key: a name whose former commune (or parent) stands in brackets or after a dash, read as
-- one name: "Chi bộ Thôn 4 (Nghĩa Bình)", "Chi bộ thôn 4 (xã Nghĩa Bình cũ)", "Thôn 4 - Nghĩa Bình"
-- are 'chi bo thon 4 nghia binh', the chi bộ a 2025 merger named after the commune it came from (the
-- looser keys drop that part, and found the new commune's own "Chi bộ Thôn 4"). Null for a name
-- with no such part; resolve_units.sql tries it beside the name's own key.
-- ("cũ", old, dropped before folding: "Cư", "Cù" are syllables of names.)
create or replace macro unit_flat_key(s) as
    list_transform([unit_key(s)], lambda k: nullif(regexp_replace(unit_key(regexp_replace(nfc_normalize(s), '\s+cũ(\s*\)?\s*)$', '\1', 'i')),
        '^(.*?)\s*(?:\(\s*|\s[-–]\s+)(?:thuoc\s+)?(?:(?:dang bo|dang uy)\s+)?(?:(?:xa|phuong|thi tran)\s+)?(.*?)\s*\)?\s*$', '\1 \2'), k))[1];

-- unit_parent_key: the parent a unit name carries after a comma, in brackets or after a dash, its
-- kind words dropped ("Chi bộ thôn 1, xã Minh Hưng" -> 'minh hung'), and "cũ" (former) after it
-- ("(xã Minh Hưng cũ)": dropped before folding, as unit_flat_key does); null when none.
create or replace macro unit_parent_key(s) as
    blank_null(list_transform([unit_key(regexp_replace(nfc_normalize(s), '\s+cũ(\s*\)?\s*)$', '\1', 'i'))], lambda k:
        trim(regexp_replace(coalesce(nullif(regexp_extract(k, '(,|\()\s*([^()]*)\)?\s*$', 2), ''),
                                     regexp_extract(k, '\s[-–]\s+((dang bo|dang uy|xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\b.*)$', 1)),
            '^((dang bo|dang uy|dbcs|db)\.?\s+)?((xa|phuong|thi tran|huyen|quan|thi xa|thanh pho|tinh)\s+)?', '')))[1]);

-- unit_bare_key: a unit's name without its leading kind words, as a sheet or a "Đảng bộ" cell may
-- write it ("Chi bộ thôn Sơn Lang" -> 'son lang', "Đảng bộ xã Minh Hưng", "Xã Minh Hưng" -> 'minh
-- hung'); before a number the hamlet's kind stays, a tổ dân phố a tổ ("Chi bộ ấp 3" -> 'ap 3',
-- "Chi bộ tổ dân phố 5" -> 'to 5': "Thôn 5" is another chi bộ). For names no other key finds.
create or replace macro unit_bare_key(s) as
    regexp_replace(regexp_replace(regexp_replace(unit_loose_key(s),
        '^(chi bo|dang bo|to dang)\s+', ''),
        '^(to dan pho|tdp)\s', 'to '),
        '^(thon|ap|xom|buon|khom|khu pho|khu|to|doi|xa|phuong|thi tran|huyen)\s+([^0-9])', '\2');

-- unit_sheet_keys: the keys a workbook's sheet may name a chi bộ by: its bare key ("co quan xa"),
-- and that without its parent's kind and name at the end ("Chi bộ Cơ quan xã" of "Đảng bộ xã An
-- Phú": "co quan"; "Chi bộ Cơ quan xã An Phú": "co quan"). load.ts prefers the bare key's match.
create or replace macro unit_sheet_keys(s, parent) as
    list_filter(list_transform(
        [regexp_replace(coalesce(unit_loose_key(parent), ''), '^(dang bo|chi bo)\s+', ''),
         regexp_extract(regexp_replace(coalesce(unit_loose_key(parent), ''), '^(dang bo|chi bo)\s+', ''), '^(xa|phuong|thi tran|thi xa|huyen|quan|thanh pho|tinh)\b'),
         -- (its name only: "Chi bộ Công an xã" for "Chi bộ Công an xã Hòa Phú")
         regexp_replace(regexp_replace(coalesce(unit_loose_key(parent), ''), '^(dang bo|chi bo)\s+', ''), '^(xa|phuong|thi tran|thi xa|huyen|quan|thanh pho|tinh)\s+', '')],
        lambda x: case when x = '' then unit_bare_key(s)
                  when ends_with(unit_bare_key(s), ' ' || x) then trim(left(unit_bare_key(s), length(unit_bare_key(s)) - length(x) - 1))
                  else unit_bare_key(s) end), lambda k: k <> '');

-- unit_parent_error, unit_in_parent_error: why a row's unit was not found, when a "Đảng bộ" column
-- beside its "Chi bộ" column names the đảng bộ to look in (resolve_units.sql; roster, rating).
create or replace macro unit_parent_error(candidates) as
    case when candidates > 1
         then 'Tên đảng bộ trùng với ' || candidates || ' đơn vị trong danh mục: ghi tên đầy đủ (Đảng bộ xã …) hoặc mã đơn vị.'
         else 'Không có đảng bộ này trong danh mục (trong đơn vị tiêu đề nêu): sửa tên đảng bộ, hoặc nạp danh mục trước.' end;

-- unit_name_conflict: why a row whose code and name say two units is refused (resolve_units.sql,
-- name_conflict; roster, rating).
create or replace macro unit_name_conflict(code, code_name, written, written_code) as
    'Mã đơn vị ' || code || ' là "' || code_name || '", nhưng tên ghi cạnh mã, "' || squish(written) || '", là tên của đơn vị khác (mã '
    || written_code || '): sửa mã hoặc tên cho khớp.';

create or replace macro unit_in_parent_error(candidates, parent_name) as
    case when candidates > 1
         then 'Tên đơn vị trùng với ' || candidates || ' đơn vị trong "' || parent_name || '": dùng mã đơn vị.'
         else 'Không có đơn vị này trong "' || parent_name || '" (cột Đảng bộ): sửa tên chi bộ hoặc tên đảng bộ.' end;

-- is_org_name: a name that names a Party organisation or its leadership ("Chi bộ thôn 2", "Chi ủy
-- Chi bộ thôn 2", "Ban Thường vụ Đảng ủy xã"), not a person: a register's "Tổ chức đảng, đảng viên
-- bị kỷ luật" column holds either.
create or replace macro is_org_name(v) as
    regexp_matches(fold(v), '^(chi bo|dang bo|chi uy|dang uy|cap uy|ban thuong vu|ban chap hanh|btv|bch|tap the|to dang)\b');

-- party_unit_in: the party unit a free-text cell names among other words, as a register's "Chức vụ,
-- đơn vị công tác" writes it ("Bí thư Chi bộ thôn 1, Đảng bộ xã A", "Phó Bí thư Đảng ủy xã A (Chi bộ
-- thôn 2)"): name, the chi bộ, else the đảng bộ; parent, the đảng bộ beside a chi bộ ('' for none);
-- folded. Null when the cell names none ("Trưởng thôn 1, xã A"). A committee seat ("Đảng ủy viên, Bí thư
-- Chi bộ thôn 2") names no unit: only the chi bộ after it does. party_unit_in_folded: the same, of folded text.
create or replace macro party_unit_in_folded(f) as
    case when regexp_matches(f, '(^|[^a-z])(chi bo|dang bo|dang uy)\s')
    then {'name': coalesce(
              nullif(trim(regexp_replace(regexp_extract(f, '(^|[^a-z])(chi bo\s+[^,;()/]+)', 2), '\s[-–]\s.*$', '')), ''),
              trim(regexp_replace(regexp_extract(f, '(^|[^a-z])((dang bo|dang uy)\s+[^,;()/]+)', 2), '\s[-–]\s.*$', ''))),
          'parent': if(regexp_matches(f, '(^|[^a-z])chi bo\s+[^,;()/]'),
              trim(regexp_replace(regexp_extract(f, '(^|[^a-z])((dang bo|dang uy)\s+[^,;()/]+)', 2), '\s[-–]\s.*$', '')), '')}
    end;

-- fold_seats: fold, a committee seat ("Đảng ủy viên", "Chi ủy viên") written 'uy vien': a seat names no unit
create or replace macro fold_seats(s) as regexp_replace(fold(s), '(^|[^a-z])(dang|chi) uy vien\b', '\1uy vien', 'g');

create or replace macro party_unit_in(s) as party_unit_in_folded(fold_seats(s));

-- party_unit_named: the party unit a leaders' list's "Chức vụ, đơn vị công tác" cell names after the
-- post, folded, for the unit lookup (rating.sql): the cell from its first "Chi bộ", "Đảng bộ", "Đảng
-- ủy" on ("Bí thư Chi bộ Trường Tiểu học Phú Lâm": 'chi bo truong tieu hoc phu lam'); what follows
-- the name kept for the lookup to read ("Chi bộ thôn 1, xã A", "Chi bộ thôn 4 (Nghĩa Bình)"), a
-- second post after "kiêm" or a dash dropped ("Bí thư Chi bộ ấp 2 kiêm Trưởng ấp"); a committee
-- seat names none (fold_seats). Null when the cell names no unit, or only its kind ("Bí thư Đảng ủy
-- xã", "Bí thư chi bộ kiêm Trưởng thôn": the list's own unit, as before).
create or replace macro party_unit_named(s) as
    list_transform([regexp_replace(regexp_extract(fold_seats(s), '(^|[^a-z])((chi bo|dang bo|dang uy)\s+[a-z0-9].*)$', 2),
        '(\s*;.*|\s+(kiem|[-–]\s*(truong|pho|chu tich|giam doc|hieu truong|bi thu))\b.*)$', '')],
        lambda k: case when k <> '' and not regexp_full_match(k, '(chi bo|dang bo|dang uy)(\s+(xa|phuong|thi tran|thi xa|huyen|quan|tinh|thanh pho|dac khu|co so|bo phan|thon|ap|xom|lang|ban|buon|khom|khu pho|to dan pho|khu dan cu))?[^a-z0-9]*')
                       then k end)[1];

-- agency_lookup: the name a leader's "Đơn vị công tác" cell is looked up by (rating.sql): the unit
-- named after a post (party_unit_named), else the cell as written (a unit's own name, which
-- resolve_units.sql reads unfolded: "Chi bộ thôn 4 (xã Nghĩa Bình cũ)"; an agency or a locality,
-- which agency_unit.sql places).
create or replace macro agency_lookup(s) as
    list_transform([party_unit_named(s)], lambda k: if(k is null or starts_with(fold(s), k), s, k))[1];

-- agency_inside: a civil servant's agency cell or section naming a phòng, the văn phòng or the
-- leadership ("Văn phòng Sở", "PHÒNG NGÂN SÁCH", "Lãnh đạo Sở" under "UBND TỈNH ĐỒNG NAI / SỞ TÀI CHÍNH")
-- is a part of the agency its list's title names, whose head rates all its staff in one list: that
-- agency's, as NĐ 335 counts (rating.sql). Not under a People's Committee of any level, whose phòng and
-- văn phòng are agencies of their own (a commune's since 2025 too: "Phòng Kinh tế", "Văn phòng HĐND và
-- UBND xã" are its cơ quan chuyên môn), nor one naming its district or province ("Phòng Giáo dục và Đào
-- tạo huyện Bù Đăng", "Văn phòng UBND tỉnh"; read unfolded: "Quản lý" folds as "quận").
create or replace macro agency_inside(agency, title_agency) as
    coalesce(regexp_matches(fold(agency), '^(van phong|phong|lanh dao|ban giam (doc|hieu))\b')
        and not regexp_matches(lower(nfc_normalize(agency)), '(^|\s)(tỉnh|huyện|quận|thị xã|thành phố|tp\.?|tx\.?)(\s|$)')
        and not regexp_matches(fold(list_last(string_split(title_agency, ' / '))), '^(uy ban nhan dan|ubnd)\b'), false);

-- card_key: a party card number as compared: letters and digits only, upper-case (spaces and
-- any other character dropped, so no NFC or trimming is needed first); a prefix of letters dropped
-- ("ĐV 95030003", "Số 95030003": the Đ, not ASCII, went with the spaces); five to seven digits
-- alone padded to eight with zeros: Excel drops the leading zeros of a card typed as a number
-- (01123456 -> 1123456), and a card has eight digits (a placeholder "001" stays itself); zeros typed
-- before eight digits, to keep Excel from dropping one ("070012370"), dropped: the same card as
-- "70012370". No digit: no card ("Chưa có thẻ", a signature "T/M ĐẢNG ỦY" under the card column).
create or replace macro card_key(s) as
    list_transform([regexp_replace(upper(regexp_replace(s, '[^0-9A-Za-z]', '', 'g')), '^[A-Z]+([0-9])', '\1')],
        lambda k: case when not regexp_matches(k, '[0-9]') then null
                       when length(k) between 5 and 7 and regexp_full_match(k, '[0-9]+') then lpad(k, 8, '0')
                       when length(k) > 8 and regexp_full_match(k, '0+[0-9]{8}') then right(k, 8)
                       else k end)[1];

-- names_alike: two folded names (fold()) that one card number may bear as clerks write the holder's
-- name: the same; one letter typed wrong, added, left out or two swapped ("nguyen van anh" /
-- "nguyen van an"); or middle names left out ("do hong nhung" / "do thi hong nhung": the family
-- and given names the same, the shorter's middle names among the longer's). A card copied from
-- another row names someone else ("ho thi lan" on "nguyen van an"'s card: identity.sql cards).
create or replace macro names_alike(a, b) as
    a = b or damerau_levenshtein(a, b) <= 1
    or list_transform([[string_split(a, ' '), string_split(b, ' ')]], lambda p:
        p[1][1] = p[2][1] and p[1][-1] = p[2][-1]
        and (list_has_all(p[1][2:-2], p[2][2:-2]) or list_has_all(p[2][2:-2], p[1][2:-2])))[1];

-- ── Audit layer (rules, signals, marts): a finding's identity and its Vietnamese wording ──────────
-- person_ref: subject_ref of a person (src/lib/domain/anomaly.ts): card number, else
-- fold(full name) | birth date yyyy-mm-dd (or birth year).
create or replace macro person_ref(card_no, name_key, birth_date, birth_year) as
    coalesce(nullif(card_no, ''),
             name_key || '|' || coalesce(strftime(birth_date, '%Y-%m-%d'), cast(birth_year as varchar), ''));

-- vi_dec: a number as vi-VN writes it, with at most d decimals, trailing zeros dropped: '.' groups
-- thousands, ',' marks the decimal (vi_dec(1234.50, 2) -> '1.234,5').
create or replace macro vi_dec(x, d) as
    regexp_replace(regexp_replace(translate(format('{:,.{}f}', cast(x as double), d), ',.', '.,'), '(,[0-9]*?)0+$', '\1'), ',$', '');

-- vi_num: at most one decimal, none when whole (1234 -> '1.234', 37.5 -> '37,5').
create or replace macro vi_num(x) as vi_dec(x, 1);

-- vi_pct: a share as a vi-VN percentage (0.375 -> '37,5%').
create or replace macro vi_pct(x) as vi_num(100 * cast(x as double)) || '%';

-- vi_num_vs: a number set beside the bound it is compared with, with as many decimals (up to six,
-- at least min_decimals where it has them) as it takes not to read as the bound: a score of 89,99
-- below 90 is '89,99', not '90'.
create or replace macro vi_num_vs(x, bound, min_decimals := 1) as
    vi_dec(x, coalesce(list_filter(range(min_decimals, 7), lambda d: round(cast(x as double), d::integer) <> round(cast(bound as double), d::integer))[1], 6));

-- vi_pct_vs: a share so (401/2001 against 20% is '20,04%', not '20%': "20% > 20%").
create or replace macro vi_pct_vs(x, bound) as vi_num_vs(100 * cast(x as double), 100 * cast(bound as double)) || '%';

-- vi_date: dd/mm/yyyy.
create or replace macro vi_date(d) as strftime(cast(d as date), '%d/%m/%Y');

-- vi_span: a date known from on to by (schema 010) as the list gave it: 'ngày 15/03/2024',
-- 'tháng 03/2024', 'năm 2024'.
create or replace macro vi_span(on_, by_) as
    case
        when by_ is null or by_ = on_ then 'ngày ' || vi_date(on_)
        when day(on_) = 1 and by_ = last_day(on_) then 'tháng ' || strftime(cast(on_ as date), '%m/%Y')
        when month(on_) = 1 and day(on_) = 1 and by_ = make_date(year(on_), 12, 31) then 'năm ' || year(on_)
        else 'từ ' || vi_date(on_) || ' đến ' || vi_date(by_)
    end;

-- level_short / level_vi: a level rank (4 excellent .. 1 incomplete, src/lib/domain/levels.ts) in words.
create or replace macro level_short(l) as
    case l when 4 then 'HTXSNV' when 3 then 'HTTNV' when 2 then 'HTNV' when 1 then 'KHTNV' else cast(l as varchar) end;
create or replace macro level_vi(l) as
    case l when 4 then 'Hoàn thành xuất sắc nhiệm vụ' when 3 then 'Hoàn thành tốt nhiệm vụ'
           when 2 then 'Hoàn thành nhiệm vụ' when 1 then 'Không hoàn thành nhiệm vụ' end;

-- subject_kind_vi: the subject kinds of src/lib/domain/levels.ts in words.
create or replace macro subject_kind_vi(k) as
    case k when 'party_org' then 'tổ chức đảng' when 'leadership' then 'tập thể lãnh đạo, quản lý'
           when 'member' then 'đảng viên' when 'leader' then 'cán bộ lãnh đạo, quản lý'
           when 'civil_servant' then 'cán bộ, công chức, viên chức' else k end;

-- discipline_form_vi: a discipline form code in words (the State's too: hạ bậc lương, giáng chức,
-- buộc thôi việc; 'none', a row with the State's discipline only).
create or replace macro discipline_form_vi(f) as
    case f when 'khien_trach' then 'khiển trách' when 'canh_cao' then 'cảnh cáo' when 'cach_chuc' then 'cách chức'
           when 'khai_tru' then 'khai trừ' when 'giai_tan' then 'giải tán' when 'ha_bac_luong' then 'hạ bậc lương'
           when 'giang_chuc' then 'giáng chức' when 'buoc_thoi_viec' then 'buộc thôi việc'
           when 'none' then 'không kỷ luật đảng' else coalesce(f, 'không rõ hình thức') end;

-- no_discipline: a measure (folded words) that is no discipline, which registers list beside the
-- decisions: "Kiểm điểm rút kinh nghiệm", "Nhắc nhở", "Phê bình", "Không kỷ luật", "Đình chỉ sinh hoạt";
-- "Xóa tên", a member struck off the roll for leaving Party life, is no form of discipline either.
create or replace macro no_discipline(w) as
    regexp_matches(w, '^(kiem diem|rut kinh nghiem|nhac nho|phe binh|(bi )?xoa ten|khong (xu ly |thi hanh |xem xet )?ky luat|mien (xu ly |truy cuu )?ky luat|chua (xem xet|xu ly)|tam dinh chi|dinh chi sinh hoat|dinh chi cong tac)');

-- admitted_lately: a text that says the member was admitted too lately to be rated ("Mới kết nạp",
-- "Chưa đủ 6 tháng", "Dự bị chưa đủ 6 tháng", "Kết nạp ngày 15/9/2024, chưa đủ 6 tháng"): "chưa đủ
-- 6 tháng" only alone or after the admission, else it is of something else ("Chuyển sinh hoạt đến chưa
-- đủ 6 tháng", "Nghỉ ốm từ tháng 9, chưa đủ 6 tháng": owed a rating).
create or replace macro admitted_lately(s) as
    regexp_matches(words(s), '(^| )moi ket nap( |$)|^((dang vien|dv) )?(du bi )?chua du (6|sau) thang( |$)|(^| )(ket nap|vao dang|du bi)( .*)? chua du (6|sau) thang( |$)');

-- not_rated_why: a text that says why a subject has no level, as a level cell, a note or a reason
-- column writes it ("Miễn sinh hoạt", "Miễn đánh giá", "Mới kết nạp ngày 15/9/2022", "Dự bị chưa đủ
-- 6 tháng", "Không xếp loại (mới kết nạp)"); a bare "Không xếp loại" says there is no level, not why.
-- Per distinct value (words() is costly): dictionaries.sql level_dict, rating.sql note_whys. Read
-- as a status is (status_words): "Miễn SH", "Miễn SHĐ do tuổi cao" are "Miễn sinh hoạt".
create or replace macro not_rated_why(s) as
    regexp_matches(status_words(s), '(^| )mien (danh gia|xep loai|sinh hoat|cong tac)( |$)') or admitted_lately(s);

-- level_key: a level spelling reduced to its initials, "nhiệm vụ" dropped ('Hoàn thành tốt NV', 'HT tốt nhiệm vụ',
-- 'H.T.T.N.V', 'Hoàn thành tốt n/vụ' -> 'htt'; fields.ts levelKey is the same in TypeScript), so spellings no alias list foresees still meet
-- ref_level_alias. 'nvu' is "n/vụ", "n.vụ" once the punctuation is gone; "nhiệm vụ được giao" is
-- the full phrase of the forms.
create or replace macro level_key(s) as
    regexp_replace(
        replace(replace(replace(replace(replace(replace(replace(alnum_key(s),
            'khong', 'k'), 'hoanthanh', 'ht'), 'xuatsac', 'xs'), 'nhiemvu', 'nv'), 'nvu', 'nv'), 'tot', 't'), 'chua', 'k'),
        'nv(duocgiao)?$', '');

-- head_title_scopes: what a title makes its holder the head of, for lists without a "Người đứng
-- đầu" column, for each of the posts it lists ("Phó Chủ tịch UBND xã, Bí thư chi bộ": the order
-- varies): 'party' (a bare "Bí thư", "Bí thư kiêm Trưởng thôn": of the row's Party organisation),
-- 'chi_bo' (Bí thư chi bộ, chi ủy, of a thôn…), 'dang_bo' (Bí thư Đảng ủy, Huyện ủy…: of a đảng
-- bộ, not of the chi bộ where the holder is a member), 'dang_bo_co_so' (Bí thư Đảng ủy xã, phường…:
-- of a grassroots đảng bộ, not of the Huyện ủy a list may leave them under), 'agency' (Giám đốc, Chủ tịch, Trưởng
-- phòng…: of a state body, not of a Party organisation); none for Phó Bí thư, Bí thư Đoàn…
create or replace macro head_post_scope(post) as
    case
        when regexp_matches(post, '^(bi thu|bt)\s*($|[(/-]|kiem\b)') then 'party'
        when regexp_matches(post, '^(bi thu|bt) (chi bo|chi uy|cb|thon|xom|ap|lang|to dan pho|khu pho|khom|khu dan cu)\b') then 'chi_bo'
        when regexp_matches(post, '^(bi thu|bt) ((dang uy|dang bo|du) (xa|phuong|thi tran|dac khu|co so)|(xa|phuong) uy)\b') then 'dang_bo_co_so'
        when regexp_matches(post, '^(bi thu|bt) (dang uy|dang bo|du|dang doan|ban can su( dang)?|(tinh|thanh|huyen|quan|thi|xa|phuong) uy)\b') then 'dang_bo'
        when regexp_matches(post, '^(giam doc|chu tich|thu truong|truong (phong|ban|khoa))\b') then 'agency'
    end;

create or replace macro head_title_scopes(title) as
    list_filter(list_transform(string_split_regex(fold(title), '\s*[,;+]\s*'), lambda p: head_post_scope(p)), lambda s: s is not null);

-- committee_seats: the leadership collectives a title on a chi bộ's roster seats its holder in (R2,
-- R10), for each post it lists: 'chi_bo' (its Bí thư, Phó Bí thư, chi ủy viên), 'dang_bo' (Bí
-- thư, Phó Bí thư, ủy viên of the Đảng ủy above it), 'dang_bo_bo_phan' (… of a Đảng ủy bộ phận);
-- none for Bí thư Huyện ủy and the like, in committees above the grassroots, which no roster
-- places. Takes the folded title (fold(position), computed once: a macro repeats its argument).
create or replace macro committee_post_seat(post) as
    case
        when regexp_matches(post, '^(pho )?(bi thu|bt)( thuong truc)?\s*($|[(/-]|kiem\b|(chi bo|chi uy|cb|thon|xom|ap|lang|to dan pho|khu pho|khom|khu dan cu)\b)')
          or regexp_matches(post, '^pbt\s*($|[(/-]|kiem\b|(chi bo|chi uy|cb)\b)')
          or regexp_matches(post, '^(chi uy vien|uy vien chi uy|cuv)\b') then 'chi_bo'
        when regexp_matches(post, '^((pho )?(bi thu|bt)|pbt)( thuong truc)? (dang uy|dang bo|du) bo phan\b')
          or regexp_matches(post, '^(dang uy vien|uy vien (ban chap hanh|bch) dang (bo|uy)) bo phan\b') then 'dang_bo_bo_phan'
        when regexp_matches(post, '^((pho )?(bi thu|bt)|pbt)( thuong truc)? (dang uy|dang bo|du)\b')
          or regexp_matches(post, '^(dang uy vien|duv|uy vien (ban chap hanh|bch|ban thuong vu|btv) dang (bo|uy))\b') then 'dang_bo'
    end;

create or replace macro committee_seats(title_key) as
    list_filter(list_transform(string_split_regex(title_key, '\s*[,;+]\s*'), lambda p: committee_post_seat(p)), lambda s: s is not null);

-- head_by_scope: whether a title of those scopes makes its holder the head of the unit of their
-- row: a member's row (a roster, a member list) is in a chi bộ; a leader's, in the organisation
-- they lead (of unit_kind: a chi bộ's Bí thư heads a chi bộ, a Bí thư Đảng ủy a đảng bộ); a civil
-- servant's, in their agency. (A Chủ tịch UBND or a Bí thư Đảng ủy xã on a chi bộ's roster heads
-- no chi bộ: R3 and R10 held them to it.)
create or replace macro head_by_scope(scopes, subject_kind, unit_kind) as
    coalesce(list_has_any(case subject_kind
                              when 'member' then ['party', 'chi_bo']
                              when 'leader' then case when starts_with(coalesce(unit_kind, ''), 'chi_bo') then ['party', 'chi_bo']
                                                      -- a commune's Bí thư heads no body above the grassroots
                                                      when unit_kind in ('huyen_uy', 'tinh_uy') then ['party', 'dang_bo']
                                                      else ['party', 'dang_bo', 'dang_bo_co_so'] end
                              when 'civil_servant' then ['agency']
                          end, scopes), false);
