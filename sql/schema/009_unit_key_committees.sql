-- unit_key reads a committee as its đảng bộ ("Tỉnh ủy X" is "Đảng bộ tỉnh X", "Huyện ủy X" "Đảng bộ
-- huyện X", "Ban Thường vụ …"): units stored under the older key are re-keyed, or a name written
-- either way would no longer find them.
update unit set name_key = unit_key(name) where name_key <> unit_key(name);
