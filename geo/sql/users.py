"""Users of the app, their sign-in, and the audit log of who did what."""
from __future__ import annotations

from psycopg2 import sql

from geo.sql import compose, district_midnight

USER_EXISTS = sql.SQL("SELECT 1 FROM app_users WHERE name = %s")
ADD_USER = sql.SQL("""
INSERT INTO app_users (name, role, scope_code, personal_data, password_hash, person_id)
VALUES (%s, %s, %s, %s, %s, %s)""")
PERSON_ID = sql.SQL("SELECT id FROM people WHERE external_id = %s")
# an account as the app knows it: with the external id of its person, if any
USER = sql.SQL("""
SELECT u.name, u.role, u.scope_code, u.personal_data, p.external_id
FROM app_users u LEFT JOIN people p ON p.id = u.person_id WHERE u.name = %s""")
SET_PERSON = sql.SQL("UPDATE app_users SET person_id = %s WHERE name = %s")
# the previous visit of 我的, and this one marked
PLACES_VISIT = sql.SQL("""
UPDATE app_users u SET places_visited_at = %(now)s
FROM (SELECT name, places_visited_at FROM app_users WHERE name = %(name)s FOR UPDATE) old
WHERE u.name = old.name RETURNING old.places_visited_at""")
USERS = sql.SQL("""
SELECT u.name, u.role, u.scope_code AS scope, p.external_id AS person, p.name AS person_name,
       u.personal_data, u.failed_attempts, u.locked_until, u.created_at
FROM app_users u LEFT JOIN people p ON p.id = u.person_id ORDER BY u.name""")
REMOVE_USER = sql.SQL("DELETE FROM app_users WHERE name = %s")
SET_PASSWORD = sql.SQL("""
UPDATE app_users SET password_hash = %s, failed_attempts = 0, locked_until = NULL
WHERE name = %s""")
ANY_USERS = sql.SQL("SELECT EXISTS (SELECT 1 FROM app_users)")
LOCK_FOR_SIGN_IN = sql.SQL("""
SELECT u.name, u.role, u.scope_code, u.personal_data, p.external_id, u.password_hash,
       u.failed_attempts, u.locked_until
FROM app_users u LEFT JOIN people p ON p.id = u.person_id WHERE u.name = %s FOR UPDATE OF u""")
SIGN_IN_FAILED = sql.SQL("UPDATE app_users SET failed_attempts = %s, locked_until = %s WHERE name = %s")
SIGNED_IN = sql.SQL("UPDATE app_users SET failed_attempts = 0, locked_until = NULL WHERE name = %s")
SESSION_START = sql.SQL("INSERT INTO app_sessions (token_hash, user_name) VALUES (%s, %s)")
# the session's user when it was active within the limit (a read: every page run asks), and
# whether its mark of activity is over a minute old (then it is renewed, and expired ones go)
SESSION_USER = sql.SQL("""
SELECT u.name, u.role, u.scope_code, u.personal_data, p.external_id,
       s.last_seen < now() - interval '1 minute'
FROM app_sessions s JOIN app_users u ON u.name = s.user_name
LEFT JOIN people p ON p.id = u.person_id
WHERE s.token_hash = %(token)s AND s.last_seen >= now() - %(minutes)s * interval '1 minute'""")
SESSION_TOUCH = sql.SQL("UPDATE app_sessions SET last_seen = now() WHERE token_hash = %s")
SESSION_EXPIRE = sql.SQL("DELETE FROM app_sessions WHERE last_seen < now() - %s * interval '1 minute'")
SESSION_END = sql.SQL("DELETE FROM app_sessions WHERE token_hash = %s")

AUDIT = sql.SQL("INSERT INTO audit_log (user_name, action, detail) VALUES (%s, %s, %s)")
AUDIT_ENTRIES = compose("""
SELECT at, user_name, action, detail::text AS detail FROM audit_log
WHERE %(since)s::date IS NULL OR at >= {since}
ORDER BY at DESC LIMIT %(limit)s""", since=district_midnight("%(since)s::date"))
SETTING = sql.SQL("SELECT value FROM settings WHERE key = %s")
PURGE_PERSONAL = sql.SQL("""
UPDATE case_personal p
SET reporter_name = NULL, reporter_phone = NULL, description = NULL
FROM cases c
WHERE c.id = p.case_id AND c.reported_at < %s
  AND (p.reporter_name IS NOT NULL OR p.reporter_phone IS NOT NULL OR p.description IS NOT NULL)""")
PURGE_AUDIT = sql.SQL("DELETE FROM audit_log WHERE at < %s")
