-- Cards stored before card_key dropped a prefix of letters and restored the leading zeros Excel
-- drops (sql/functions.sql): stored as the ingest now keys them, so a list sent again matches.
update person set card_no = card_key(card_no) where card_no is distinct from card_key(card_no);
