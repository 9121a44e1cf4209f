-- oscal_ssp.sql: the by-components part of an OSCAL 1.1.3 system security
-- plan (SSP) of a system that leverages AWS: for each requirement of a
-- framework, what the system inherits from AWS and what it satisfies
-- itself, service by service.
--
--   sqlite3 -list inventory.db -cmd '.load ./srm' \
--     -cmd ".parameter set :system_name 'Orders'" < sql/oscal_ssp.sql > ssp.json
--
-- Parameters as in sql/oscal_component_definition.sql (:framework,
-- :baseline, :last_modified), and :system_name (default "A system on
-- AWS").  Deterministic in the same way: UUIDs by srm_uuid5(), lists in
-- a fixed order.  The document is a whole, valid SSP so that tools can
-- read it, but only control-implementation is srm's work: the
-- system-characteristics (information types, boundary, status) are
-- placeholders for the system's owner to complete, and say so.
--
-- system-implementation has the system itself (this-system) and one
-- component per service and variant of the inventory (through
-- srm_resources; the same UUIDs as in the component-definition).  Each
-- implemented-requirement carries FedRAMP's control-origination props
-- (ns http://fedramp.gov/ns/oscal: inherited for AWS's share, sp-system
-- for the controls the customer runs, sp-corporate for its organizational
-- work; a shared requirement has several) and srm's origination for the
-- whole inventory (srm_combined_origination()); then one by-component per
-- service that has a part in it, with an "inherited" statement (AWS's
-- duties) and a "satisfied" statement (the customer's), as its
-- origination has them.  One row, one column: the JSON text.
WITH
  -- common: begin (the same in sql/oscal_component_definition.sql; test/frameworks.test checks it)
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
  ssp(id) AS (
    SELECT srm_uuid5((SELECT id FROM ns), 'system-security-plan/' || (SELECT framework FROM fw) || '/'
                     || coalesce(:baseline, 'high') || '/' || coalesce(:system_name, 'A system on AWS') || '/'
                     || coalesce((SELECT group_concat(service || ':' || coalesce(variant, ''), ',')
                                    FROM (SELECT * FROM svc ORDER BY k)), ''))),
  byc(ks, kr, o) AS MATERIALIZED (
    SELECT w.ks, w.kr, json_patch(json_object(
             'component-uuid', srm_uuid5((SELECT id FROM ns), 'component/' || w.service || '/'
                                         || coalesce(w.variant, '')),
             'uuid', srm_uuid5((SELECT id FROM ns), 'by-component/' || w.service || '/'
                               || coalesce(w.variant, '') || '/' || w.requirement),
             'description', w.label || ' for ' || w.service || coalesce(' (' || w.variant || ')', '') || ': '
                            || json_extract(w.w, '$.origination') || ' (srm_origination())'),
             json_object(
               'inherited', CASE WHEN r.provider IS NOT NULL THEN json_array(json_object(
                 'uuid', srm_uuid5((SELECT id FROM ns), 'inherited/' || w.service || '/'
                                   || coalesce(w.variant, '') || '/' || w.requirement),
                 'description', r.provider,
                 'responsible-roles', json_array(json_object('role-id', 'provider')))) END,
               'satisfied', CASE WHEN r.customer IS NOT NULL THEN json_array(json_object(
                 'uuid', srm_uuid5((SELECT id FROM ns), 'satisfied/' || w.service || '/'
                                   || coalesce(w.variant, '') || '/' || w.requirement),
                 'description', r.customer,
                 'responsible-roles', json_array(json_object('role-id', 'customer')))) END))
      FROM why w JOIN roles r ON r.ks = w.ks AND r.kr = w.kr
     WHERE r.provider IS NOT NULL OR r.customer IS NOT NULL
    UNION ALL
    -- the organization's own work: once, on the system itself
    SELECT 0, r.kr, json_object(
             'component-uuid', srm_uuid5((SELECT id FROM ns), 'this-system/' || (SELECT id FROM ssp)),
             'uuid', srm_uuid5((SELECT id FROM ns), 'by-component/this-system/' || q.requirement),
             'description', min(r.organization),
             'responsible-roles', json_array(json_object('role-id', 'customer')))
      FROM roles r JOIN req q ON q.k = r.kr
     WHERE r.organization IS NOT NULL GROUP BY r.kr),
  origin(kr, value) AS MATERIALIZED (
    SELECT DISTINCT w.kr, o.value FROM why w, json_each(w.w, '$.control_origination') o
     WHERE json_extract(w.w, '$.origination') <> 'not_applicable'),
  impl(kr, o) AS MATERIALIZED (
    SELECT q.k, json_patch(json_object(
             'uuid', srm_uuid5((SELECT id FROM ns), 'implemented-requirement/' || q.requirement),
             'control-id', q.requirement,
             'props', json((SELECT json_group_array(json(p)) FROM (
                 SELECT json_object('name', 'control-origination', 'ns', 'http://fedramp.gov/ns/oscal',
                                    'value', value) AS p
                   FROM (SELECT value FROM origin o WHERE o.kr = q.k
                          ORDER BY CASE value WHEN 'sp-corporate' THEN 1 WHEN 'sp-system' THEN 2 ELSE 3 END)
                 UNION ALL
                 SELECT json_object('name', 'origination', 'ns', 'urn:srm:oscal', 'value',
                          coalesce((SELECT srm_combined_origination(json_extract(w.w, '$.origination'))
                                      FROM why w WHERE w.kr = q.k), 'not_applicable')))))),
             json_object('by-components', (SELECT json_group_array(json(o)) FROM (
               SELECT o FROM byc b WHERE b.kr = q.k ORDER BY b.ks) HAVING count(*) > 0)))
      FROM req q)
SELECT json_object('system-security-plan', json_object(
         'uuid', (SELECT id FROM ssp),
         'metadata', json_object(
           'title', 'System security plan of ' || coalesce(:system_name, 'A system on AWS')
                    || ': what it inherits from AWS and what it satisfies (srm ' || srm_version() || ')',
           'last-modified', coalesce(:last_modified, '2000-01-01T00:00:00Z'),
           'version', srm_version(),
           'oscal-version', '1.1.3',
           'roles', json_array(
             json_object('id', 'provider', 'title', 'Cloud service provider (Amazon Web Services)'),
             json_object('id', 'customer', 'title', 'Customer (the organization that runs the system on AWS)')),
           'remarks', 'control-implementation derived by srm from AWS''s public documentation; not AWS''s'
                      || ' own customer responsibility matrix. system-characteristics are placeholders.'),
         'import-profile', json_object('href', (SELECT source FROM fw)),
         'system-characteristics', json_object(
           'system-ids', json_array(json_object('identifier-type', 'https://ietf.org/rfc/rfc4122',
                                                'id', (SELECT id FROM ssp))),
           'system-name', coalesce(:system_name, 'A system on AWS'),
           'description', 'A system built on the AWS services of its inventory. To be completed by the'
                          || ' system owner.',
           'system-information', json_object('information-types', json_array(json_object(
             'title', 'Information processed on AWS',
             'description', 'To be completed by the system owner (NIST SP 800-60 information types).'))),
           'status', json_object('state', 'under-development',
                                 'remarks', 'To be completed by the system owner.'),
           'authorization-boundary', json_object(
             'description', 'The system and the AWS services of its inventory (system-implementation'
                            || ' components). To be completed by the system owner.')),
         'system-implementation', json_object(
           'users', json_array(json_object(
             'uuid', srm_uuid5((SELECT id FROM ns), 'user/' || (SELECT id FROM ssp) || '/customer'),
             'title', 'The customer''s administrators', 'role-ids', json_array('customer'))),
           'components', json((SELECT json_group_array(json(o)) FROM (
             SELECT 0 AS k, json_object(
                      'uuid', srm_uuid5((SELECT id FROM ns), 'this-system/' || (SELECT id FROM ssp)),
                      'type', 'this-system',
                      'title', coalesce(:system_name, 'A system on AWS'),
                      'description', 'The system as a whole.',
                      'status', json_object('state', 'operational')) AS o
             UNION ALL
             SELECT k, json_object(
                      'uuid', srm_uuid5((SELECT id FROM ns), 'component/' || service || '/' || coalesce(variant, '')),
                      'type', 'service',
                      'title', title,
                      'description', title || ', a service of AWS in srm''s ' || category || ' category.',
                      'props', CASE WHEN variant IS NULL
                        THEN json_array(json_object('name', 'service', 'ns', 'urn:srm:oscal', 'value', service))
                        ELSE json_array(json_object('name', 'service', 'ns', 'urn:srm:oscal', 'value', service),
                                        json_object('name', 'variant', 'ns', 'urn:srm:oscal', 'value', variant))
                        END,
                      'status', json_object('state', 'operational'))
               FROM svc
             ORDER BY k)))),
         'control-implementation', json_object(
           'description', 'Who implements each requirement of ' || (SELECT framework FROM fw)
                          || ': srm_origination() of srm ' || srm_version() || ' for each service.',
           'implemented-requirements', json((SELECT json_group_array(json(o)) FROM (
             SELECT o FROM impl ORDER BY kr))))))
  AS system_security_plan;
