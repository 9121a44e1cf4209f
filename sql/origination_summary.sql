-- origination_summary.sql: per family of a framework, how many
-- requirements the services of an inventory inherit from AWS, share with
-- it, or leave to the customer.
--
--   sqlite3 -box inventory.db -cmd '.load ./srm' < sql/origination_summary.sql
--   sqlite3 -box inventory.db -cmd '.load ./srm' \
--     -cmd ".parameter set :framework nist_800_171_r3" < sql/origination_summary.sql
--
-- :framework is nist_800_53_r5 (the default) or nist_800_171_r3; another
-- is srm_origination()'s error "unknown framework".  For 800-53, :baseline
-- picks the FedRAMP baseline: high (the default), moderate, low or
-- li-saas; 800-171 counts every requirement that is not withdrawn.  A
-- requirement's origination for the inventory is
-- srm_combined_origination() of its srm_origination() for every service
-- and variant of the inventory (through srm_resources), so inherited
-- means AWS carries it for all of them.  One row per family in the
-- catalog's order, then a total; not_applicable counts the requirements
-- that apply to none of the services.  sql/crm.sql has the requirement by
-- requirement answers for 800-53.
WITH
  fw(framework) AS MATERIALIZED (
    SELECT framework FROM srm_frameworks
     WHERE framework = lower(coalesce(:framework, 'nist_800_53_r5'))
    UNION ALL
    SELECT srm_origination(NULL, :framework, '')     -- the error of an unknown one
     WHERE NOT EXISTS (SELECT 1 FROM srm_frameworks
                        WHERE framework = lower(coalesce(:framework, 'nist_800_53_r5')))),
  svc(service, variant) AS MATERIALIZED (
    SELECT DISTINCT service, variant_used FROM srm_resources WHERE status = 'resolved'),
  req(k, framework, family, family_title, requirement) AS MATERIALIZED (
    SELECT row_number() OVER (), r.framework, r.family, r.family_title, r.requirement
      FROM fw JOIN srm_requirements r ON r.framework = fw.framework
     WHERE NOT r.withdrawn
       AND CASE WHEN r.framework <> 'nist_800_53_r5' THEN 1
                ELSE CASE coalesce(:baseline, 'high') WHEN 'high' THEN r.fedramp_high
                     WHEN 'moderate' THEN r.fedramp_moderate WHEN 'low' THEN r.fedramp_low
                     WHEN 'li-saas' THEN r.fedramp_li_saas END END),
  answer(k, family, family_title, origination) AS MATERIALIZED (
    SELECT q.k, q.family, q.family_title,
           (SELECT srm_combined_origination(srm_origination(s.service, q.framework, q.requirement, s.variant))
              FROM svc s)
      FROM req q),
  family(k, family, family_title, requirements, inherited, shared, customer, not_applicable) AS (
    SELECT min(k), family, family_title, count(*), sum(origination = 'inherited'),
           sum(origination = 'shared'), sum(origination = 'customer'),
           sum(origination IS NULL OR origination = 'not_applicable')
      FROM answer GROUP BY family)
SELECT family, family_title, requirements, inherited, shared, customer, not_applicable
  FROM (SELECT * FROM family ORDER BY k)
UNION ALL
SELECT 'total', (SELECT framework FROM fw), count(*), coalesce(sum(origination = 'inherited'), 0),
       coalesce(sum(origination = 'shared'), 0), coalesce(sum(origination = 'customer'), 0),
       coalesce(sum(origination IS NULL OR origination = 'not_applicable'), 0)
  FROM answer;
