-- unit_key reads a collective named whole as its unit ("Tập thể Ban Chấp hành Đảng bộ xã X", "Tập thể
-- lãnh đạo Đảng bộ xã X"): a unit stored under the older key is re-keyed, as in 009.
update unit set name_key = unit_key(name) where name_key <> unit_key(name);
