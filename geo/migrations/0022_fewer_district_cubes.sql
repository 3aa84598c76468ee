-- The district's hours to close by day (for the partial months at the ends of a range) made
-- no measurable difference to the district's views at 10 M cases and cost every import its
-- upkeep (docs/cubes.md, "Which cubes could go"): the partial months' hours are read from
-- the cases, as a street's are.
DROP TABLE case_district_day_hours;
