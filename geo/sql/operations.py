"""What running the service asks of the database: its health, the figures a backup is
checked against, a scratch database to restore a backup into."""
from __future__ import annotations

from psycopg2 import sql

APPLIED_MIGRATIONS = sql.SQL("SELECT version FROM schema_migrations")

# the first day of the month of the newest case, in the district's zone: the sample of the
# cubes checked by `health`
SAMPLE_SINCE = sql.SQL("""
SELECT date_trunc('month', max(reported_at) AT TIME ZONE %(tz)s)::date FROM cases""")

# the cases per month, a backup's figures beside the coverage
CASES_BY_MONTH = sql.SQL("""
SELECT to_char(reported_at AT TIME ZONE %(tz)s, 'YYYY-MM') AS month, count(*) AS cases
FROM cases GROUP BY 1 ORDER BY 1""")


def create_database(name: str) -> sql.Composed:
    return sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))


def drop_database(name: str) -> sql.Composed:
    return sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))

# the planner's statistics, after a crash; then the weekly upkeep
ANALYZE = sql.SQL("ANALYZE")
VACUUM_ANALYZE = sql.SQL("VACUUM ANALYZE")
TIMEZONE = sql.SQL("SELECT district_timezone()")

# the weekly proof's last result (db verify-backup writes it to the audit log)
LAST_VERIFIED_BACKUP = sql.SQL("""
SELECT at, (detail ->> 'equal')::boolean FROM audit_log WHERE action = 'verify_backup'
ORDER BY at DESC LIMIT 1""")

# a read replica: where the primary's last commit is in the WAL, and whether the replica
# has replayed that far (on a primary the replay position is NULL: always true)
WAL_POSITION = sql.SQL("SELECT pg_current_wal_lsn()::text")
REPLAYED = sql.SQL("SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, true)")
