-- expiring.sql: decisions that expire within N days, and those expired.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' -cmd '.parameter set :days 90' < sql/expiring.sql
--
-- Reads srm_decisions.  :days defaults to 30.  One row per decision whose
-- expires_on is before today + :days: days left (negative when expired),
-- the decision and who approved it.  Ordered by expires_on, then id.
SELECT d.id, d.expires_on,
       CAST(julianday(d.expires_on) - julianday(date('now')) AS INTEGER) AS days_left,
       CASE WHEN d.expires_on < date('now') THEN 'expired' ELSE 'expiring' END AS status,
       d.service, d.variant, d.control, d.owner, d.party, d.internal_owner, d.reason, d.approved_by
  FROM srm_decisions d
 WHERE d.expires_on IS NOT NULL
   AND d.expires_on <= date('now', '+' || coalesce(:days, 30) || ' days')
 ORDER BY d.expires_on, d.id;
