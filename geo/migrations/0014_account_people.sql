-- Accounts are people (issue 22): an account may name the person it belongs to, whose
-- assignments are "my places".
ALTER TABLE app_users ADD COLUMN person_id bigint REFERENCES people (id) ON DELETE SET NULL;
