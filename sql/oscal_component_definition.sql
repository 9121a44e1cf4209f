-- oscal_component_definition.sql: an OSCAL 1.1.3 component-definition of
-- the AWS services of an inventory, saying for each requirement of a
-- framework what AWS does and what the customer does.
--
--   sqlite3 -list inventory.db -cmd '.load ./srm' \
--     -cmd ".parameter set :baseline moderate" < sql/oscal_component_definition.sql > cd.json
--
-- :framework is nist_800_53_r5 (the default; the FedRAMP Rev. 5 profile of
-- :baseline, high by default, moderate, low or li-saas) or
-- nist_800_171_r3 (every requirement that is not withdrawn); another is
-- srm_origination()'s error "unknown framework".  :last_modified, when
-- set, is metadata.last-modified (an RFC 3339 date-time); else a fixed
-- 2000-01-01T00:00:00Z, so that the document depends on the inventory
-- alone: every UUID is srm_uuid5() of what it names, and every list is
-- in a fixed order, so the same inventory gives the same bytes.
--
-- One component (type service) per service and variant of the inventory
-- (through srm_resources), with one control-implementation whose
-- implemented-requirements are the requirements that apply to it
-- (srm_origination() is not not_applicable): responsible-roles provider
-- (AWS) and customer, as the origination has them, with the duties of
-- srm's model in their remarks; srm's origination as a prop
-- (ns urn:srm:oscal, name origination); links to the AWS pages behind the
-- service's own cells; srm's rationale for the mapping in remarks.  It is
-- srm's derivation from AWS's public documentation, not AWS's.  One row,
-- one column: the JSON text.
WITH
  -- common: begin (the same in sql/oscal_ssp.sql; test/frameworks.test checks it)
  fw(framework, source) AS MATERIALIZED (
    SELECT framework,
           CASE framework WHEN 'nist_800_171_r3'
             THEN 'https://raw.githubusercontent.com/usnistgov/oscal-content/main/nist.gov/SP800-171/rev3/json/NIST_SP800-171_rev3_catalog.json'
             ELSE 'https://raw.githubusercontent.com/GSA/fedramp-automation/master/dist/content/rev5/baselines/json/FedRAMP_rev5_'
                  || CASE coalesce(:baseline, 'high') WHEN 'li-saas' THEN 'LI-SaaS'
                     ELSE upper(coalesce(:baseline, 'high')) END || '-baseline_profile.json' END
      FROM srm_frameworks WHERE framework = lower(coalesce(:framework, 'nist_800_53_r5'))
    UNION ALL
    SELECT srm_origination(NULL, :framework, ''), NULL     -- the error of an unknown one
     WHERE NOT EXISTS (SELECT 1 FROM srm_frameworks
                        WHERE framework = lower(coalesce(:framework, 'nist_800_53_r5')))),
  ns(id) AS (SELECT srm_uuid5('6ba7b811-9dad-11d1-80b4-00c04fd430c8', 'urn:srm:oscal')),
  svc(k, service, variant, title, category, link) AS MATERIALIZED (
    SELECT row_number() OVER (ORDER BY s.service, r.variant), s.service, r.variant,
           s.name || coalesce(' (' || r.variant || ')', ''), s.category, s.category_source
      FROM (SELECT DISTINCT service, variant_used AS variant FROM srm_resources
             WHERE status = 'resolved') r
      JOIN srm_services s ON s.service = r.service),
  req(k, framework, requirement, label, title) AS MATERIALIZED (
    SELECT row_number() OVER (), r.framework, r.requirement, r.label, r.title
      FROM fw JOIN srm_requirements r ON r.framework = fw.framework
     WHERE NOT r.withdrawn
       AND CASE WHEN r.framework <> 'nist_800_53_r5' THEN 1
                ELSE CASE coalesce(:baseline, 'high') WHEN 'high' THEN r.fedramp_high
                     WHEN 'moderate' THEN r.fedramp_moderate WHEN 'low' THEN r.fedramp_low
                     WHEN 'li-saas' THEN r.fedramp_li_saas END END),
  why(ks, kr, service, variant, requirement, label, title, w) AS MATERIALIZED (
    SELECT s.k, q.k, s.service, s.variant, q.requirement, q.label, q.title,
           srm_origination_why(s.service, q.framework, q.requirement, s.variant)
      FROM svc s, req q),
  part(ks, kr, j, control, relation, owner, aws_duty, customer_duty, source, basis, rationale) AS MATERIALIZED (
    SELECT w.ks, w.kr, p.key, json_extract(p.value, '$.control'), json_extract(p.value, '$.relation'),
           json_extract(p.value, '$.owner'), json_extract(p.value, '$.aws_duty'),
           json_extract(p.value, '$.customer_duty'), json_extract(p.value, '$.source'),
           json_extract(p.value, '$.basis'), json_extract(p.value, '$.rationale')
      FROM why w, json_each(w.w, '$.parts') p
     WHERE json_extract(w.w, '$.origination') <> 'not_applicable'),
  roles(ks, kr, provider, customer, organization, rationale) AS MATERIALIZED (
    SELECT w.ks, w.kr,
           (SELECT group_concat(t, char(10)) FROM (
              SELECT control || ': ' || coalesce(aws_duty, 'AWS''s parts of the composite') AS t
                FROM part p WHERE p.ks = w.ks AND p.kr = w.kr AND owner IN ('aws', 'shared')
               ORDER BY j)),
           (SELECT group_concat(t, char(10)) FROM (
              SELECT control || ': ' || coalesce(customer_duty, 'the customer''s parts of the composite') AS t
                FROM part p WHERE p.ks = w.ks AND p.kr = w.kr AND control IS NOT NULL
                 AND owner IN ('customer', 'shared')
               ORDER BY j)),
           (SELECT group_concat(t, char(10)) FROM (
              SELECT 'organizational: ' || rationale AS t
                FROM part p WHERE p.ks = w.ks AND p.kr = w.kr AND control IS NULL
              UNION ALL
              SELECT 'the organizational rest of the requirement (srm maps it in part only)'
               WHERE EXISTS (SELECT 1 FROM part p WHERE p.ks = w.ks AND p.kr = w.kr AND relation = 'part'))),
           (SELECT group_concat(t, char(10)) FROM (
              SELECT coalesce(control, 'organizational') || ' (' || relation || '): ' || rationale AS t
                FROM part p WHERE p.ks = w.ks AND p.kr = w.kr ORDER BY j))
      FROM why w WHERE json_extract(w.w, '$.origination') <> 'not_applicable'),
  -- common: end
  links(ks, kr, links) AS MATERIALIZED (
    SELECT ks, kr, json_group_array(json_object('href', source, 'rel', 'reference'))
      FROM (SELECT DISTINCT ks, kr, source FROM part WHERE basis IN ('service', 'variant')
             ORDER BY ks, kr, source)
     GROUP BY ks, kr),
  impl(ks, kr, o) AS MATERIALIZED (
    SELECT w.ks, w.kr, json_patch(json_object(
             'uuid', srm_uuid5((SELECT id FROM ns), 'implemented-requirement/' || w.service || '/'
                               || coalesce(w.variant, '') || '/' || w.requirement),
             'control-id', w.requirement,
             'description', w.label || ' ' || w.title || ': ' || json_extract(w.w, '$.origination')
                            || ' for ' || w.service || coalesce(' (' || w.variant || ')', '')
                            || ', derived by srm from AWS''s public documentation',
             'props', json_array(json_object('name', 'origination', 'ns', 'urn:srm:oscal',
                                             'value', json_extract(w.w, '$.origination'))),
             'responsible-roles', json((SELECT json_group_array(json(x)) FROM (
                 SELECT json_object('role-id', 'provider', 'remarks', r.provider) AS x
                  WHERE r.provider IS NOT NULL
                 UNION ALL
                 SELECT json_object('role-id', 'customer', 'remarks',
                                    coalesce(r.customer || char(10) || r.organization,
                                             r.customer, r.organization))
                  WHERE r.customer IS NOT NULL OR r.organization IS NOT NULL))),
             'remarks', 'How srm maps it:' || char(10) || r.rationale),
             json_object('links', json(l.links)))       -- no links: no key
      FROM why w JOIN roles r ON r.ks = w.ks AND r.kr = w.kr
      LEFT JOIN links l ON l.ks = w.ks AND l.kr = w.kr),
  comp(k, o) AS (
    SELECT s.k, json_patch(json_object(
             'uuid', srm_uuid5((SELECT id FROM ns), 'component/' || s.service || '/' || coalesce(s.variant, '')),
             'type', 'service',
             'title', s.title,
             'description', s.title || ', a service of AWS in srm''s ' || s.category
                            || ' category: what AWS does and what the customer does for each requirement',
             'props', CASE WHEN s.variant IS NULL
                           THEN json_array(json_object('name', 'service', 'ns', 'urn:srm:oscal', 'value', s.service))
                           ELSE json_array(json_object('name', 'service', 'ns', 'urn:srm:oscal', 'value', s.service),
                                           json_object('name', 'variant', 'ns', 'urn:srm:oscal', 'value', s.variant))
                           END,
             'control-implementations', json_array(json_object(
               'uuid', srm_uuid5((SELECT id FROM ns), 'control-implementation/' || s.service || '/'
                                 || coalesce(s.variant, '') || '/' || (SELECT framework FROM fw) || '/'
                                 || coalesce(:baseline, 'high')),
               'source', (SELECT source FROM fw),
               'description', 'Who implements each requirement of ' || (SELECT framework FROM fw)
                              || ' for ' || s.title || ': srm_origination() of srm '
                              || srm_version() || '.',
               'implemented-requirements',
               json((SELECT json_group_array(json(o)) FROM (SELECT o FROM impl i WHERE i.ks = s.k
                                                             ORDER BY i.kr)))))),
             json_object('links', CASE WHEN s.link IS NOT NULL
                                       THEN json_array(json_object('href', s.link, 'rel', 'reference')) END))
      FROM svc s)
SELECT json_object('component-definition', json_patch(json_object(
         'uuid', srm_uuid5((SELECT id FROM ns), 'component-definition/' || (SELECT framework FROM fw) || '/'
                           || coalesce(:baseline, 'high') || '/'
                           || coalesce((SELECT group_concat(service || ':' || coalesce(variant, ''), ',')
                                          FROM (SELECT * FROM svc ORDER BY k)), '')),
         'metadata', json_object(
           'title', 'AWS services of an inventory: who implements ' || (SELECT framework FROM fw)
                    || ' (srm ' || srm_version() || ')',
           'last-modified', coalesce(:last_modified, '2000-01-01T00:00:00Z'),
           'version', srm_version(),
           'oscal-version', '1.1.3',
           'roles', json_array(
             json_object('id', 'provider', 'title', 'Cloud service provider (Amazon Web Services)'),
             json_object('id', 'customer', 'title', 'Customer (the organization that runs the system on AWS)')),
           'remarks', 'Derived by srm from AWS''s public documentation (its model of the shared'
                      || ' responsibility model, every cell sourced, and its mapping of the framework'
                      || ' to its controls); not AWS''s own customer responsibility matrix.')),
         -- an inventory with no service: no components (the schema wants one or more)
         json_object('components', (SELECT json_group_array(json(o)) FROM (SELECT o FROM comp ORDER BY k)
                                     HAVING count(*) > 0))))
  AS component_definition;
