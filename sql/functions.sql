-- Scalar macros every layer shares (ingest normalisation, rules, marts). Re-created on every open
-- (db.ts), so a change here needs no migration.

-- fold: the comparison key for Vietnamese text: NFC, accents and đ folded, lower-case, single spaces.
create or replace macro fold(s) as
    nullif(regexp_replace(trim(replace(lower(strip_accents(nfc_normalize(s))), 'đ', 'd')), '\s+', ' ', 'g'), '');

-- alnum_key: fold without spaces or punctuation ('Tỉnh/Thành phố' -> 'tinhthanhpho', 'H.T.T' -> 'htt').
create or replace macro alnum_key(s) as
    nullif(regexp_replace(fold(s), '[^a-z0-9]', '', 'g'), '');

-- clean: NFC, trimmed, inner runs of white space collapsed; '' -> null.
create or replace macro clean(s) as
    nullif(regexp_replace(trim(nfc_normalize(s)), '\s+', ' ', 'g'), '');

-- parse_date: dd/mm/yyyy, d/m/yy, dd-mm-yyyy, dd.mm.yyyy, yyyy-mm-dd (time part ignored), Excel
-- serial numbers. A bare year is not a date (see parse_year). Impossible dates (31/02) -> null.
create or replace macro parse_date(s) as (
    case
        when clean(s) is null then null
        when regexp_full_match(clean(s), '\d{1,2}[/.-]\d{1,2}[/.-]\d{4}')
            then try_strptime(regexp_replace(clean(s), '[.-]', '/', 'g'), '%d/%m/%Y')::date
        when regexp_full_match(clean(s), '\d{1,2}[/.-]\d{1,2}[/.-]\d{2}')
            -- two-digit years: a date in the future is last century's (15/3/65 -> 1965)
            then (try_strptime(regexp_replace(clean(s), '[.-]', '/', 'g'), '%d/%m/%y')
                  - case when year(try_strptime(regexp_replace(clean(s), '[.-]', '/', 'g'), '%d/%m/%y')) > year(current_date)
                         then interval 100 year else interval 0 year end)::date
        when regexp_full_match(clean(s), '\d{4}-\d{1,2}-\d{1,2}([ T].*)?')
            then try_strptime(regexp_extract(clean(s), '^\d{4}-\d{1,2}-\d{1,2}'), '%Y-%m-%d')::date
        when regexp_full_match(clean(s), '\d{4}/\d{1,2}/\d{1,2}')
            then try_strptime(clean(s), '%Y/%m/%d')::date
        when regexp_full_match(clean(s), '[1-9]\d{3,4}(\.\d+)?') and try_cast(clean(s) as double) between 3000 and 80000
            then (date '1899-12-30' + cast(floor(cast(clean(s) as double)) as integer))::date
        else null
    end);

-- parse_year: a bare year (1900..2100), or the year of a parseable date.
create or replace macro parse_year(s) as (
    case
        when regexp_full_match(clean(s), '(19|20)\d{2}') then cast(clean(s) as integer)
        else year(parse_date(s))
    end);

-- parse_bool: Có / x / yes / 1 -> true; Không / no / 0 / blank -> false; anything else -> null.
create or replace macro parse_bool(s) as (
    case
        when clean(s) is null then false
        when alnum_key(s) in ('co', 'x', 'yes', 'y', '1', 'true', 'dung', 'v', 'da') then true
        when alnum_key(s) in ('khong', 'k', 'no', 'n', '0', 'false', 'chua') then false
        else null
    end);

-- parse_number: '92,5' or '92.5' -> 92.5 (Vietnamese files use a decimal comma).
create or replace macro parse_number(s) as
    try_cast(replace(clean(s), ',', '.') as double);
