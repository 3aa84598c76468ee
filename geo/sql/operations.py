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

# B-tree indexes (of columns, not expressions) grown to more than %(factor)s times the size
# their entries would take freshly built (each entry its columns' average width from the
# planner's statistics, 16 bytes of header and line pointer, pages 90 % full), and at least
# %(min_bytes)s: bulk deletes and re-imports leave pages that the indexes of `cases` do not
# take back (docs/benchmarks.md); run after VACUUM ANALYZE, which counts the entries.
BLOATED_INDEXES = sql.SQL("""
SELECT n.nspname, i.relname
FROM pg_index x
JOIN pg_class i ON i.oid = x.indexrelid
JOIN pg_class t ON t.oid = x.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
JOIN pg_am am ON am.oid = i.relam
CROSS JOIN LATERAL (
    SELECT pg_relation_size(i.oid) AS bytes,
           greatest(i.reltuples, 0) * (sum(s.avg_width) + 16) / 0.9 + 8192 AS fresh_bytes
    FROM unnest(x.indkey) AS k(attnum)
    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
    JOIN pg_stats s ON s.schemaname = n.nspname AND s.tablename = t.relname
                   AND s.attname = a.attname) AS e
WHERE n.nspname = 'public' AND am.amname = 'btree' AND x.indexprs IS NULL AND x.indisvalid
  AND e.bytes >= %(min_bytes)s AND e.bytes > %(factor)s * e.fresh_bytes
ORDER BY e.bytes DESC""")


def reindex(schema: str, index: str) -> sql.Composed:
    """Rebuilt beside the one in use: reads and writes of its table go on meanwhile."""
    return sql.SQL("REINDEX INDEX CONCURRENTLY {}").format(sql.Identifier(schema, index))

# the weekly proof's last result (db verify-backup writes it to the audit log)
LAST_VERIFIED_BACKUP = sql.SQL("""
SELECT at, (detail ->> 'equal')::boolean FROM audit_log WHERE action = 'verify_backup'
ORDER BY at DESC LIMIT 1""")

# a read replica: where the primary's last commit is in the WAL, and whether the replica
# has replayed that far (on a primary the replay position is NULL: always true)
WAL_POSITION = sql.SQL("SELECT pg_current_wal_lsn()::text")
REPLAYED = sql.SQL("SELECT coalesce(pg_last_wal_replay_lsn() >= %s::pg_lsn, true)")
