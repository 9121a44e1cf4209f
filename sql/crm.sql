-- crm.sql: a FedRAMP Customer Responsibility Matrix for the services of an
-- inventory, derived by srm from AWS's public documentation.
--
--   sqlite3 -csv -header inventory.db -cmd '.load ./srm' \
--     -cmd ".parameter set :baseline moderate" < sql/crm.sql > crm.csv
--
-- It is not AWS's own CRM (AWS provides that under NDA in AWS Artifact): it
-- is srm's derivation from its model (srm_matrix, every cell sourced) and
-- its mapping of NIST SP 800-53 r5 to its controls
-- (srm_requirement_controls), for the services and variants that the
-- table inventory holds (through srm_resources; rows srm does not resolve
-- are in sql/unmapped.sql).  The first row says so, or that :baseline
-- names no baseline.
--
-- :baseline is the FedRAMP baseline, high (the default), moderate, low or
-- li-saas.  One row per row of the CRM worksheet of FedRAMP's workbook
-- (srm_fedramp_crm_rows, statement level: AC-2(a) ... AC-2(l)), in the
-- workbook's order, with its columns:
--   "Control ID"
--   "Can Be Inherited from CSP": Yes (inherited: AWS carries it for every
--       service), Partial (shared), No (the customer's), N/A (it applies
--       to none of the services: srm_combined_origination())
--   "Specific Inheritance and Customer Responsibilities": for an
--       organizational requirement its reason; else one line per answer,
--       "<Service>, <Service>: <origination>; AWS: <controls>; customer:
--       <controls>", organizational work named as such
-- and srm's own: origination, basis (how the requirement maps to srm's
-- controls) and source (the AWS pages behind the service-specific cells,
-- one per line).  Every statement row of a control takes the control's
-- answer: srm maps controls and enhancements, not statements.
WITH
  svc(service, variant, name) AS MATERIALIZED (
    SELECT DISTINCT r.service, r.variant_used,
           s.name || CASE WHEN r.variant_used IS NULL THEN '' ELSE ' (' || r.variant_used || ')' END
      FROM srm_resources r JOIN srm_services s ON s.service = r.service
     WHERE r.status = 'resolved'),
  req(requirement) AS MATERIALIZED (
    SELECT DISTINCT requirement FROM srm_fedramp_crm_rows
     WHERE baseline = coalesce(:baseline, 'high')),
  why(requirement, name, origination, w) AS MATERIALIZED (
    SELECT q.requirement, s.name,
           srm_origination(s.service, 'nist_800_53_r5', q.requirement, s.variant),
           srm_origination_why(s.service, 'nist_800_53_r5', q.requirement, s.variant)
      FROM req q, svc s),
  part(requirement, name, origination, k, control, relation, owner, basis, source) AS MATERIALIZED (
    SELECT w.requirement, w.name, w.origination, p.key, json_extract(p.value, '$.control'),
           json_extract(p.value, '$.relation'), json_extract(p.value, '$.owner'),
           json_extract(p.value, '$.basis'), json_extract(p.value, '$.source')
      FROM why w, json_each(w.w, '$.parts') p
     WHERE w.origination <> 'not_applicable'),
  said(requirement, name, text) AS MATERIALIZED (
    SELECT requirement, name,
           origination
           || coalesce('; AWS: ' || group_concat(CASE WHEN owner IN ('aws', 'shared') THEN control END,
                                                 ', '), '')
           || coalesce('; customer: ' || group_concat(CASE WHEN owner IN ('customer', 'shared')
                                                           THEN control END, ', '), '')
           || CASE WHEN max(relation = 'part') THEN '; customer: the organizational rest' ELSE '' END
      FROM (SELECT * FROM part ORDER BY requirement, name, k) GROUP BY requirement, name),
  line(requirement, text) AS MATERIALIZED (
    SELECT requirement, group_concat(name, ', ') || ': ' || text
      FROM (SELECT * FROM said ORDER BY name)
     GROUP BY requirement, text),
  answer(requirement, origination, lines, basis, sources) AS MATERIALIZED (
    SELECT q.requirement,
           (SELECT srm_combined_origination(origination) FROM why w WHERE w.requirement = q.requirement),
           CASE WHEN r.mapping = 'organizational'
                THEN 'Customer (organizational): '
                     || (SELECT rationale FROM srm_requirement_controls m WHERE m.requirement = q.requirement)
                ELSE (SELECT group_concat(text, char(10)) FROM (SELECT text FROM line l
                        WHERE l.requirement = q.requirement ORDER BY text)) END,
           (SELECT group_concat(coalesce(m.control, 'organizational') || ' (' || m.relation || ')', ', ')
              FROM srm_requirement_controls m WHERE m.requirement = q.requirement),
           (SELECT group_concat(source, char(10)) FROM (SELECT DISTINCT source FROM part p
              WHERE p.requirement = q.requirement AND p.basis IN ('service', 'variant') ORDER BY 1))
      FROM req q JOIN srm_requirements r ON r.requirement = q.requirement)
SELECT '' AS "Control ID", '' AS "Can Be Inherited from CSP",
       CASE WHEN EXISTS (SELECT 1 FROM req)
            THEN 'Customer Responsibility Matrix (FedRAMP ' || coalesce(:baseline, 'high')
                 || ' baseline) derived by srm ' || srm_version()
                 || ' from AWS''s public documentation for the ' || (SELECT count(*) FROM svc)
                 || ' services and variants of this inventory; not AWS''s own CRM'
            ELSE 'no CRM rows for baseline ''' || coalesce(:baseline, 'high')
                 || ''' (high, moderate, low, li-saas)' END
       AS "Specific Inheritance and Customer Responsibilities",
       NULL AS origination, NULL AS basis, NULL AS source
UNION ALL
SELECT * FROM (
  SELECT c.row, CASE a.origination WHEN 'inherited' THEN 'Yes' WHEN 'shared' THEN 'Partial'
                                   WHEN 'customer' THEN 'No' ELSE 'N/A' END,
         coalesce(a.lines, 'No service of this inventory has a part in it'),
         coalesce(a.origination, 'not_applicable'), a.basis, a.sources
    FROM srm_fedramp_crm_rows c JOIN answer a ON a.requirement = c.requirement
   WHERE c.baseline = coalesce(:baseline, 'high')
   ORDER BY c.sheet_row);
