-- Sites before their outlines (issue 21): a community's roster is loaded first and the outlines
-- are drawn over weeks. Every site has a location (a point inside its outline, or where its
-- address or point placed it); the outline may wait to be drawn.

ALTER TABLE sites ADD COLUMN location geometry(Point, 4326);
UPDATE sites SET location = ST_PointOnSurface(geom);
ALTER TABLE sites ALTER COLUMN location SET NOT NULL;
ALTER TABLE sites ALTER COLUMN geom DROP NOT NULL;
CREATE INDEX sites_location_idx ON sites USING gist (location);

-- The community a geometry lies in, whoever asks: a street or community user importing its own
-- roster is told which community a row of another lies in (row-level security hides it).
CREATE FUNCTION atlas_community_at(g geometry) RETURNS text LANGUAGE sql STABLE
SECURITY DEFINER SET search_path = pg_catalog, public AS $$
    SELECT code FROM communities WHERE ST_Intersects(geom, g)
    ORDER BY ST_Area(ST_Intersection(geom, g)) DESC, code LIMIT 1 $$;
