"""The upkeep of the case cubes, generated from their catalogue (geo.cubes): the statements
adding or removing a set of cases, the statement triggers on cases that run them, and the
fill of a cube from the cases. ``UPKEEP`` is applied by every ``geo db up`` (CREATE OR
REPLACE): the migrations create and alter the tables only."""
from __future__ import annotations

from psycopg2 import sql

from geo.cubes import CUBE_CELL, CUBES, Cube
from geo.sql import compose, names

# What each dimension of a cube is, in terms of a row of cases ({tz}: the district's time
# zone; {cell}: the cell cubes' cell in metres).
DIMENSIONS = {
    "street_code": "street_code",
    "community_code": "community_code",
    "site_id": "site_id",
    "month": "date_trunc('month', reported_at AT TIME ZONE {tz})::date",
    "day": "(reported_at AT TIME ZONE {tz})::date",
    "category_code": "category_code",
    "category_l1": "category_l1",
    "source_code": "source_code",
    "status": "status",
    "escalation": "coalesce(escalation, '')",
    "located_by": "located_by",
    "cell": "(cell_x(geom, {cell})::bigint << 32)"
            " | (cell_y(geom, {cell}) + 2147483648::bigint)",
    "hours": "floor(date_part('epoch', closed_at - reported_at) / 3600)::int",
}
# A cell of the cell cubes is one bigint (a histogram's values are one column): its x in the
# high 32 bits, y + 2^31 in the low ones. Its x and y again, {} the cell:
CELL_X = "({} >> 32)::int"
CELL_Y = "(({} & 4294967295) - 2147483648)::int"
MEASURES = {"cases": "count(*)", "closed": "count(*) FILTER (WHERE status = 'closed')",
            "rated": "count(satisfaction)", "satisfied": "count(*) FILTER (WHERE satisfaction >= 4)"}
# "closed": the cases with a closing time (the hours cubes: medians skip a closed case without
# one); an unplaced case (no community) is counted by no cube: stats report it apart
ROWS = {"all": "community_code IS NOT NULL",
        "closed": "community_code IS NOT NULL AND closed_at IS NOT NULL",
        "on_site": "site_id IS NOT NULL", "with_point": "geom IS NOT NULL"}


TZ_ARGUMENT = sql.SQL("%1$L")  # the district's time zone in the trigger's format() calls


def _list(parts) -> sql.Composed:
    return sql.SQL(", ").join(parts)


def _dimension(column: str, tz: sql.Composable) -> sql.Composed:
    return sql.SQL(DIMENSIONS[column]).format(tz=tz, cell=sql.Literal(CUBE_CELL))


def _named(columns, tz: sql.Composable) -> sql.Composed:
    """The columns of a row of cases, each dimension computed and named."""
    return _list(sql.SQL("{} AS {}").format(_dimension(c, tz), sql.Identifier(c))
                 if c in DIMENSIONS else sql.Identifier(c) for c in columns)


def _where(cube: Cube) -> sql.Composable:
    return sql.SQL(" WHERE " + ROWS[cube.rows] if ROWS[cube.rows] else "")


# The transition tables' rows once, with every dimension computed (time zone, cell, hours):
# the cubes then group this narrow table instead of each re-reading the whole case rows.
STAGED = {"old_rows": "cube_old_rows", "new_rows": "cube_new_rows"}
# what ROWS and MEASURES read besides the dimensions
STAGED_RAW = ("community_code", "site_id", "status", "closed_at", "satisfaction", "geom")


def _staged_columns(tz: sql.Composable) -> sql.Composed:
    """Every cube's dimensions computed, and what ROWS and MEASURES read, of a row of cases."""
    return _named(dict.fromkeys([c for cube in CUBES for c in cube.columns + cube.bins[:1]]
                                + list(STAGED_RAW)), tz)


def stage(rel: str, tz: sql.Composable = TZ_ARGUMENT, source: sql.Composable | None = None
          ) -> sql.Composed:
    """A temporary table of relation ``rel``'s cases (read from ``source`` when given: a
    relation or an aliased subquery with the columns of cases) with every cube's dimensions
    computed."""
    return compose("CREATE TEMP TABLE {staged} ON COMMIT DROP AS SELECT {columns} FROM {rel}",
                   staged=sql.Identifier("pg_temp", STAGED[rel]),
                   rel=source or sql.Identifier(rel), columns=_staged_columns(tz))


def unstage(rel: str) -> sql.Composed:
    """Drop the staged rows (a second statement of the transaction stages its own)."""
    return compose("DROP TABLE {staged}", staged=sql.Identifier("pg_temp", STAGED[rel]))


# An import of cases adds its new cases to the cubes itself: its second connection groups
# them from the rows the import is about to write, beside the writing (geo.sql.imports).
# While this transaction-local setting is on, the trigger leaves inserted cases alone;
# updated and deleted ones it keeps in place as always.
IMPORT_ADDS_SETTING = "atlas.cube_inserts_added_by_import"
SET_IMPORT_ADDS = sql.SQL("SELECT set_config({}, %s, true)").format(
    sql.Literal(IMPORT_ADDS_SETTING))


def grouped(cube: Cube) -> sql.Composed:
    """The cube's rows (its stored columns) of the staged new rows, to COPY out."""
    return compose("COPY ({rows}) TO STDOUT",
                   rows=_grouped(cube, "new_rows", cube.columns, _where(cube), TZ_ARGUMENT))


DELTA = "cube_delta"  # grouped rows COPYed over from the second connection


def delta_table(cube: Cube) -> tuple[sql.Composed, sql.Composed]:
    """An empty table for the cube's grouped rows (``grouped``), and the COPY filling it."""
    table = sql.Identifier("pg_temp", DELTA)
    return (compose("DROP TABLE IF EXISTS {table}; CREATE TEMP TABLE {table} ON COMMIT DROP AS "
                    "SELECT {columns} FROM {cube} WITH NO DATA", table=table,
                    columns=names(cube.stored), cube=sql.Identifier(cube.name)),
            compose("COPY {table} FROM STDIN", table=table))


def add_delta(cube: Cube) -> sql.Composed:
    """Adding the delta table's rows to the cube's counts."""
    return _adding(cube, compose("SELECT * FROM {table}", table=sql.Identifier("pg_temp", DELTA)))


def _source(rel: str, columns, tz: sql.Composable) -> tuple[sql.Composable, sql.Composable]:
    """The relation a statement reads, and its dimensions named: a staged table's are its
    columns."""
    if rel in STAGED:
        return sql.Identifier("pg_temp", STAGED[rel]), names(columns)
    return sql.Identifier(rel), _named(columns, tz)


def _positions(n: int) -> sql.Composed:
    return _list(sql.Literal(i + 1) for i in range(n))


def _grouped(cube: Cube, rel: str, columns: tuple[str, ...], where: sql.Composable,
             tz: sql.Composable) -> sql.Composed:
    """The cube's counts of relation ``rel``'s cases (those ``where`` keeps) grouped by
    ``columns``: the columns, the measures, and a histogram cube's arrays, all named."""
    source, dims = _source(rel, columns + cube.bins[:1], tz)
    if not cube.histogram:
        return compose("SELECT {dims}, {measures} FROM {rel}{where} GROUP BY {groups}",
                       dims=dims, rel=source, where=where, groups=_positions(len(columns)),
                       measures=_list(sql.SQL("{} AS {}").format(sql.SQL(MEASURES[m]),
                                                                 sql.Identifier(m))
                                      for m in cube.measures))
    value, counts = sql.Identifier(cube.bins[0]), [sql.Identifier(c) for c in cube.bins[1:]]
    return compose("""SELECT {columns}, {sums}, array_agg({value} ORDER BY {value}) AS {value},
       {arrays}
FROM (SELECT {dims}, {counted} FROM {rel}{where} GROUP BY {inner}) d
GROUP BY {groups}""",
        columns=names(columns), value=value, dims=dims, rel=source, where=where,
        sums=_list(sql.SQL("sum({})::int AS {}").format(c, sql.Identifier(m))
                   for c, m in zip(counts, cube.measures)),
        arrays=_list(sql.SQL("array_agg({0} ORDER BY {1}) AS {0}").format(c, value)
                     for c in counts),
        counted=_list(sql.SQL("({})::int AS {}").format(sql.SQL(MEASURES[m]), c)
                      for c, m in zip(counts, cube.measures)),
        inner=_positions(len(columns) + 1), groups=_positions(len(columns)))


def _histogram_sum_name(n: int) -> sql.Identifier:
    """The function summing histograms of ``n`` counts per value (``histogram_sum``)."""
    return sql.Identifier("histogram_sum_" + str(n))


def _histogram_sum(cube: Cube, a: str, b: str, sign: int) -> sql.Composable:
    """Setting a histogram cube's arrays to the sum of row ``a``'s and row ``b``'s (times
    ``sign``)."""
    if not cube.histogram:
        return sql.SQL("")
    return sql.SQL(", ({bins}) = (SELECT * FROM {function}({a_bins}, {b_bins}, {sign}))").format(
        bins=names(cube.bins), function=_histogram_sum_name(len(cube.measures)),
        a_bins=_list(sql.Identifier(a, c) for c in cube.bins),
        b_bins=_list(sql.Identifier(b, c) for c in cube.bins), sign=sql.Literal(sign))


def _adding(cube: Cube, rows: sql.Composable) -> sql.Composed:
    """The statement adding ``rows`` (the cube's stored columns, grouped) to its counts."""
    return compose("""INSERT INTO {cube} AS a ({stored})
{rows} ORDER BY {order}
ON CONFLICT ({key}) DO UPDATE SET {sums}{histogram}""",
        cube=sql.Identifier(cube.name), stored=names(cube.stored), rows=rows,
        key=names(cube.key), order=_positions(len(cube.key)),
        histogram=_histogram_sum(cube, "a", "excluded", 1),
        sums=_list(sql.SQL("{0} = a.{0} + excluded.{0}").format(sql.Identifier(m))
                   for m in cube.measures))


def add(cube: Cube, rel: str, tz: sql.Composable = TZ_ARGUMENT) -> sql.Composed:
    """The statement adding the cases of relation ``rel`` (a transition table: its staged
    rows) to the cube's counts; ``tz`` is the time zone as SQL (a literal, or the format()
    argument)."""
    return _adding(cube, _grouped(cube, rel, cube.columns, _where(cube), tz))


def _removing(cube: Cube, rows: sql.Composable) -> sql.Composed:
    """The statement taking ``rows`` (the cube's key, measures and bins, grouped) off the
    cube's counts, deleting each row they leave empty. Driven by the removed rows' keys, so
    its plan does not hang on how many of the cube's rows are empty (which statistics cannot
    know in the middle of a transaction)."""
    first = sql.Identifier(cube.measures[0])
    return compose("""MERGE INTO {cube} AS a
USING ({rows}) AS d
ON {match}
WHEN MATCHED AND a.{first} = d.{first} THEN DELETE
WHEN MATCHED THEN UPDATE SET {differences}{histogram}""",
        cube=sql.Identifier(cube.name), first=first, rows=rows,
        match=sql.SQL(" AND ").join(sql.SQL("a.{0} = d.{0}").format(sql.Identifier(c))
                                    for c in cube.key),
        histogram=_histogram_sum(cube, "a", "d", -1),
        differences=_list(sql.SQL("{0} = a.{0} - d.{0}").format(sql.Identifier(m))
                          for m in cube.measures))


def remove(cube: Cube, rel: str) -> sql.Composed:
    """The statement taking the cases of transition table ``rel`` (its staged rows) off the
    cube's counts."""
    return _removing(cube, _grouped(cube, rel, cube.key, _where(cube), TZ_ARGUMENT))


# histogram_sum_<n>: the sum of two histograms of n counts per value (values ascending), b's
# counts times sign, without the values whose first count comes to zero
HISTOGRAM_SUM_TEMPLATE = """
CREATE OR REPLACE FUNCTION {name}(a_bins anyarray, {a_arrays}, b_bins anyarray, {b_arrays},
                                  sign integer, OUT bins anyarray, {out_arrays})
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $f$
SELECT array_agg(bin ORDER BY bin), {aggregated}
FROM (SELECT bin, {summed}
      FROM (SELECT * FROM unnest(a_bins, {a_names})
            UNION ALL
            SELECT bin, {signed} FROM unnest(b_bins, {b_names}) AS b (bin, {counts})
           ) u (bin, {counts})
      GROUP BY bin HAVING sum(c1) <> 0) s
$f$;
"""


def histogram_sum(n: int) -> sql.Composed:
    """The function summing histograms of ``n`` counts per value."""
    counts = ["c" + str(i) for i in range(1, n + 1)]

    def each(template: str, prefix: str = "") -> sql.Composed:
        return _list(sql.SQL(template).format(c=sql.Identifier(c),
                                              p=sql.Identifier(prefix + c)) for c in counts)

    return compose(HISTOGRAM_SUM_TEMPLATE, name=_histogram_sum_name(n),
                   a_arrays=each("{p} integer[]", "a_"), b_arrays=each("{p} integer[]", "b_"),
                   out_arrays=each("OUT {c} integer[]"),
                   aggregated=each("array_agg({c} ORDER BY bin)"),
                   summed=each("sum({c})::integer AS {c}"), a_names=each("{p}", "a_"),
                   b_names=each("{p}", "b_"), signed=each("sign * {c}"), counts=each("{c}"))


UPKEEP_TEMPLATE = """
{histogram_sums}
CREATE OR REPLACE FUNCTION case_cubes_on_change() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp AS $f$
DECLARE
    tz text := district_timezone();
BEGIN
    -- with the owner's rights: a street user who deletes a site (its cases lose the site)
    -- updates the district's rows too, which that user may not read
    IF TG_OP = 'INSERT' AND current_setting({import_adds}, true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        -- a statement that changed no case (an import's UPDATE of a file of new cases)
        IF NOT EXISTS (SELECT 1 FROM old_rows) THEN
            RETURN NULL;
        END IF;
{stage_old}
{remove_old}
{drop_old}
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
{stage_new}
{add_new}
{drop_new}
    END IF;
    RETURN NULL;
END $f$;

CREATE OR REPLACE FUNCTION case_cubes_on_truncate() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = pg_catalog, public AS $f$
BEGIN
    TRUNCATE {cubes};
    RETURN NULL;
END $f$;

CREATE OR REPLACE TRIGGER cases_cubes_on_insert AFTER INSERT ON cases
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION case_cubes_on_change();
CREATE OR REPLACE TRIGGER cases_cubes_on_update AFTER UPDATE ON cases
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION case_cubes_on_change();
CREATE OR REPLACE TRIGGER cases_cubes_on_delete AFTER DELETE ON cases
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION case_cubes_on_change();
CREATE OR REPLACE TRIGGER cases_cubes_on_truncate AFTER TRUNCATE ON cases
    FOR EACH STATEMENT EXECUTE FUNCTION case_cubes_on_truncate();

-- what databases made before the catalogue kept their cubes with
DROP TRIGGER IF EXISTS cases_month_on_insert ON cases;
DROP TRIGGER IF EXISTS cases_month_on_update ON cases;
DROP TRIGGER IF EXISTS cases_month_on_delete ON cases;
DROP TRIGGER IF EXISTS cases_month_on_truncate ON cases;
DROP FUNCTION IF EXISTS case_month_on_change();
DROP FUNCTION IF EXISTS case_month_on_truncate();
DROP FUNCTION IF EXISTS case_month_statements(text, integer, text);
DROP FUNCTION IF EXISTS case_month_statements_0008(text, integer, text);
"""


def _executed(statements) -> sql.Composed:
    return sql.SQL("\n").join(sql.SQL("        EXECUTE format($s$\n{}$s$, tz);").format(s)
                              for s in statements)


UPKEEP = compose(
    UPKEEP_TEMPLATE, cubes=names(c.name for c in CUBES),
    histogram_sums=sql.SQL("").join(histogram_sum(n) for n in sorted(
        {len(c.measures) for c in CUBES if c.histogram})),
    stage_old=_executed([stage("old_rows")]), stage_new=_executed([stage("new_rows")]),
    drop_old=_executed([unstage("old_rows")]), drop_new=_executed([unstage("new_rows")]),
    import_adds=sql.Literal(IMPORT_ADDS_SETTING),
    remove_old=_executed(remove(c, "old_rows") for c in CUBES),
    add_new=_executed(add(c, "new_rows") for c in CUBES))


# Whether a cube is empty while there are cases: it is then filled from them (a database that
# gains a cube, or one whose cube was emptied by an upgrade).
EMPTY_WITH_CASES = ("SELECT NOT EXISTS (SELECT 1 FROM {cube}) "
                    "AND EXISTS (SELECT 1 FROM cases)")


# Whether the cube's rows are kept in the order of one of its indexes (CLUSTER ... USING).
CLUSTERED = "SELECT EXISTS (SELECT 1 FROM pg_index WHERE indrelid = %s::regclass AND indisclustered)"


def cluster(cube: Cube) -> sql.Composed:
    return compose("CLUSTER {cube}", cube=sql.Identifier(cube.name))


def analyze(cube: Cube) -> sql.Composed:
    return compose("ANALYZE {cube}", cube=sql.Identifier(cube.name))


def empty_with_cases(cube: Cube) -> sql.Composed:
    return compose(EMPTY_WITH_CASES, cube=sql.Identifier(cube.name))


def fill(cube: Cube, tz: str) -> sql.Composed:
    """The cube's rows from every case; ``tz``, the district's time zone, written in as a
    literal (a function call would be evaluated for every case)."""
    return add(cube, "cases", tz=sql.Literal(tz))


def from_cases(cube: Cube) -> sql.Composed:
    """The cube's rows as the cases make them now (to check the stored ones): its stored
    columns; the district's time zone bound as %(tz)s."""
    return _grouped(cube, "cases", cube.columns, _where(cube), sql.Placeholder("tz"))


def _time_dimension(cube: Cube) -> str:
    return "day" if "day" in cube.key else "month"


def stored_since(cube: Cube) -> sql.Composed:
    """The cube's rows (its stored columns) of the months (or days) from %(since)s, a local
    date (a sample to check against the cases)."""
    return compose("SELECT {columns} FROM {cube} WHERE {time} >= %(since)s",
                   columns=names(cube.stored), cube=sql.Identifier(cube.name),
                   time=sql.Identifier(_time_dimension(cube)))


def from_cases_since(cube: Cube) -> sql.Composed:
    """``from_cases`` of the cases reported from %(since)s (local, the district's zone bound
    as %(tz)s): what ``stored_since`` should hold."""
    where = compose(" WHERE {rows} AND reported_at >= %(since)s::timestamp AT TIME ZONE %(tz)s",
                    rows=sql.SQL(ROWS[cube.rows]))
    return _grouped(cube, "cases", cube.columns, where, sql.Placeholder("tz"))
