-- The rows that belong to a site or a case carry its street (and community): the shard key a
-- distributed PostgreSQL would place them by (docs/scale-out.md), which the joins between
-- them use. A site that moves takes its management periods and site assignments along; a case
-- placed or moved takes its reporter's data along (which its placer may not write).
CREATE FUNCTION site_rows_follow_site() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE management SET street_code = NEW.street_code, community_code = NEW.community_code
    WHERE site_id = NEW.id;
    UPDATE assignments SET street_code = NEW.street_code, community_code = NEW.community_code
    WHERE site_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER sites_rows_follow AFTER UPDATE OF street_code, community_code ON sites
    FOR EACH ROW WHEN (OLD.street_code IS DISTINCT FROM NEW.street_code
                       OR OLD.community_code IS DISTINCT FROM NEW.community_code)
    EXECUTE FUNCTION site_rows_follow_site();

CREATE FUNCTION case_personal_follows_case() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
    UPDATE case_personal SET street_code = NEW.street_code WHERE case_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER cases_personal_follows AFTER UPDATE OF street_code ON cases
    FOR EACH ROW WHEN (OLD.street_code IS DISTINCT FROM NEW.street_code)
    EXECUTE FUNCTION case_personal_follows_case();

UPDATE management m SET street_code = s.street_code, community_code = s.community_code
FROM sites s
WHERE m.site_id = s.id
  AND (m.street_code, m.community_code) IS DISTINCT FROM (s.street_code, s.community_code);
UPDATE assignments a SET street_code = s.street_code, community_code = s.community_code
FROM sites s
WHERE a.site_id = s.id
  AND (a.street_code, a.community_code) IS DISTINCT FROM (s.street_code, s.community_code);
UPDATE case_personal p SET street_code = c.street_code
FROM cases c
WHERE c.id = p.case_id AND p.street_code IS DISTINCT FROM c.street_code;
