-- ext/model.sql: load and check the model before it is compiled in.
--
-- Run by the Makefile from the top of the tree:
--
--     sqlite3 -bail build/model.db < ext/model.sql
--
-- Every data/*.csv is imported into a STRICT table whose constraints reject
-- bad rows.  The sqlite3 shell reports a rejected row as "file:line: INSERT
-- failed: ..." and a short or long row as "file:line: expected N columns";
-- the Makefile fails the build when the shell prints anything at all.  Since
-- each table is empty before its import, rowid + 1 is the row's line in its
-- file (line 1 is the header; fields may not hold line breaks, see below).
--
-- Checks that span rows or files are the view "problems", one
-- "file:line: message" per row; ext/mkdata.c prints them and fails when there
-- is any.  Empty CSV fields arrive as '' (never NULL).

PRAGMA foreign_keys = ON;

CREATE TABLE categories(
  category    TEXT PRIMARY KEY
    CONSTRAINT "category must be infrastructure, container or abstracted"
    CHECK (category IN ('infrastructure', 'container', 'abstracted')),
  title       TEXT NOT NULL CONSTRAINT "title is empty" CHECK (title <> ''),
  description TEXT NOT NULL CONSTRAINT "description is empty" CHECK (description <> ''),
  source      TEXT NOT NULL CONSTRAINT "source must be an https URL" CHECK (source GLOB 'https://?*')
) STRICT;

CREATE TABLE controls(
  control     TEXT PRIMARY KEY
    CONSTRAINT "control id must be lower case letters and _"
    CHECK (control GLOB '[a-z]*' AND control NOT GLOB '*[^a-z_]*'),
  layer       TEXT NOT NULL
    CONSTRAINT "unknown layer"
    CHECK (layer IN ('physical', 'virtualization', 'service', 'os', 'platform', 'application',
                     'network', 'identity', 'data', 'operations', 'governance', 'composite')),
  position    INTEGER NOT NULL UNIQUE,
  scope       TEXT NOT NULL
    CONSTRAINT "scope must be resource (a duty per resource) or organization (one per account)"
    CHECK (scope IN ('resource', 'organization')),
  title       TEXT NOT NULL CONSTRAINT "title is empty" CHECK (title <> ''),
  description TEXT NOT NULL CONSTRAINT "description is empty" CHECK (description <> ''),
  parts       TEXT NOT NULL
    CONSTRAINT "a composite control lists its parts, and only a composite does"
    CHECK ((layer = 'composite') = (parts <> ''))
) STRICT;

CREATE TABLE defaults(
  category      TEXT NOT NULL REFERENCES categories,
  control       TEXT NOT NULL REFERENCES controls,
  owner         TEXT NOT NULL
    CONSTRAINT "owner must be aws, customer, shared or not_applicable"
    CHECK (owner IN ('aws', 'customer', 'shared', 'not_applicable')),
  aws_duty      TEXT NOT NULL CONSTRAINT "aws_duty is empty" CHECK (aws_duty <> ''),
  customer_duty TEXT NOT NULL CONSTRAINT "customer_duty is empty" CHECK (customer_duty <> ''),
  source        TEXT NOT NULL CONSTRAINT "source must be an https URL" CHECK (source GLOB 'https://?*'),
  PRIMARY KEY (category, control)
) STRICT;

CREATE TABLE services(
  service         TEXT PRIMARY KEY
    CONSTRAINT "service id must be lower case letters, digits and -"
    CHECK (service GLOB '[a-z]*' AND service NOT GLOB '*[^a-z0-9-]*'),
  name            TEXT NOT NULL CONSTRAINT "name is empty" CHECK (name <> ''),
  abbreviation    TEXT NOT NULL,
  category        TEXT NOT NULL REFERENCES categories,
  category_basis  TEXT NOT NULL
    CONSTRAINT "category_basis must be documented or inferred"
    CHECK (category_basis IN ('documented', 'inferred')),
  category_source TEXT NOT NULL,
  category_note   TEXT NOT NULL,
  reviewed_on     TEXT NOT NULL
    CONSTRAINT "reviewed_on must be empty or a YYYY-MM-DD date"
    CHECK (reviewed_on = '' OR (reviewed_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'
                                AND date(reviewed_on) = reviewed_on)),
  reviewed_pages  TEXT NOT NULL
    CONSTRAINT "reviewed_pages must be https URLs separated by |"
    CHECK (reviewed_pages = '' OR ('|' || reviewed_pages || '|' GLOB '|https://?*|'
                                   AND reviewed_pages NOT GLOB '*||*'
                                   AND reviewed_pages NOT GLOB '*[ ,]*')),
  CONSTRAINT "a documented category needs its https source, an inferred one its reasoning in category_note"
  CHECK (CASE category_basis WHEN 'documented' THEN category_source GLOB 'https://?*'
                             ELSE category_note <> '' END),
  CONSTRAINT "a reviewed service lists the pages read (reviewed_pages), and only a reviewed one"
  CHECK ((reviewed_on = '') = (reviewed_pages = ''))
) STRICT;

CREATE TABLE variants(
  service    TEXT NOT NULL REFERENCES services,
  variant    TEXT NOT NULL
    CONSTRAINT "variant id must be lower case letters, digits and _"
    CHECK (variant GLOB '[a-z]*' AND variant NOT GLOB '*[^a-z0-9_]*'),
  is_default INTEGER NOT NULL CONSTRAINT "is_default must be 0 or 1" CHECK (is_default IN (0, 1)),
  kind       TEXT NOT NULL
    CONSTRAINT "kind must be deployment (how a workload runs) or resource (a kind of resource of the service)"
    CHECK (kind IN ('deployment', 'resource')),
  title      TEXT NOT NULL CONSTRAINT "title is empty" CHECK (title <> ''),
  note       TEXT NOT NULL CONSTRAINT "note is empty" CHECK (note <> ''),
  source     TEXT NOT NULL CONSTRAINT "source must be an https URL" CHECK (source GLOB 'https://?*'),
  PRIMARY KEY (service, variant)
) STRICT;

CREATE TABLE exceptions(
  service       TEXT NOT NULL REFERENCES services,
  variant       TEXT NOT NULL,
  control       TEXT NOT NULL REFERENCES controls,
  owner         TEXT NOT NULL
    CONSTRAINT "owner must be aws, customer, shared or not_applicable"
    CHECK (owner IN ('aws', 'customer', 'shared', 'not_applicable')),
  aws_duty      TEXT NOT NULL CONSTRAINT "aws_duty is empty" CHECK (aws_duty <> ''),
  customer_duty TEXT NOT NULL CONSTRAINT "customer_duty is empty" CHECK (customer_duty <> ''),
  source        TEXT NOT NULL CONSTRAINT "source must be an https URL" CHECK (source GLOB 'https://?*'),
  read_on       TEXT NOT NULL
    CONSTRAINT "read_on must be a YYYY-MM-DD date"
    CHECK (read_on GLOB '[12][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]' AND date(read_on) = read_on),
  UNIQUE (service, variant, control)
) STRICT;

CREATE TABLE aliases(
  alias   TEXT NOT NULL UNIQUE COLLATE NOCASE
    CONSTRAINT "alias is empty" CHECK (alias <> ''),
  service TEXT NOT NULL REFERENCES services,
  kind    TEXT NOT NULL
    CONSTRAINT "kind must be name, abbreviation, sdk_id, client, prefix or endpoint"
    CHECK (kind IN ('name', 'abbreviation', 'sdk_id', 'client', 'prefix', 'endpoint'))
) STRICT;

CREATE TABLE resource_types(
  resource_type TEXT NOT NULL UNIQUE COLLATE NOCASE
    CONSTRAINT "resource type must look like AWS::Namespace::Type"
    CHECK (resource_type GLOB 'AWS::?*::?*'),
  service       TEXT NOT NULL REFERENCES services,
  variant       TEXT NOT NULL
) STRICT;

CREATE TABLE arn_types(
  namespace     TEXT NOT NULL
    CONSTRAINT "namespace must be lower case letters, digits and -"
    CHECK (namespace GLOB '[a-z0-9]*' AND namespace NOT GLOB '*[^a-z0-9-]*'),
  resource_type TEXT NOT NULL
    CONSTRAINT "resource_type may not hold : or /"
    CHECK (resource_type NOT GLOB '*[:/]*'),
  service       TEXT NOT NULL REFERENCES services,
  variant       TEXT NOT NULL,
  UNIQUE (namespace, resource_type COLLATE NOCASE)
) STRICT;

CREATE TABLE tables(
  table_name TEXT NOT NULL
    CONSTRAINT "table names are aws_ followed by lower case letters, digits and _"
    CHECK (table_name GLOB 'aws_?*' AND table_name NOT GLOB '*[^a-z0-9_]*'),
  dialect    TEXT NOT NULL
    CONSTRAINT "dialect must be steampipe or cloudquery"
    CHECK (dialect IN ('steampipe', 'cloudquery')),
  service    TEXT NOT NULL REFERENCES services,
  variant    TEXT NOT NULL,
  UNIQUE (table_name, dialect)
) STRICT;

CREATE TABLE exclusions(
  dialect TEXT NOT NULL
    CONSTRAINT "dialect must be cloudformation, config, arn, alias, steampipe or cloudquery"
    CHECK (dialect IN ('cloudformation', 'config', 'arn', 'alias', 'steampipe', 'cloudquery')),
  name    TEXT NOT NULL CONSTRAINT "name is empty" CHECK (name <> ''),
  reason  TEXT NOT NULL CONSTRAINT "reason is empty" CHECK (reason <> ''),
  UNIQUE (dialect, name)
) STRICT;

-- data/checks/*.csv: the checks of the scanners (Security Hub controls,
-- AWS Config managed rules, Prowler checks), each with the srm control it
-- verifies ('' for none, with the reason) and why (issue 19).
CREATE TABLE checks_securityhub(
  check_id      TEXT PRIMARY KEY CONSTRAINT "check_id is empty" CHECK (check_id <> ''),
  title         TEXT NOT NULL CONSTRAINT "title is empty" CHECK (title <> ''),
  service       TEXT NOT NULL REFERENCES services,
  resource_type TEXT NOT NULL,
  control       TEXT NOT NULL,
  rationale     TEXT NOT NULL CONSTRAINT "rationale is empty" CHECK (rationale <> '')
) STRICT;
CREATE TABLE checks_config(
  check_id      TEXT PRIMARY KEY CONSTRAINT "check_id is empty" CHECK (check_id <> ''),
  title         TEXT NOT NULL CONSTRAINT "title is empty" CHECK (title <> ''),
  service       TEXT NOT NULL REFERENCES services,
  resource_type TEXT NOT NULL,
  control       TEXT NOT NULL,
  rationale     TEXT NOT NULL CONSTRAINT "rationale is empty" CHECK (rationale <> '')
) STRICT;
CREATE TABLE checks_prowler(
  check_id      TEXT PRIMARY KEY CONSTRAINT "check_id is empty" CHECK (check_id <> ''),
  title         TEXT NOT NULL CONSTRAINT "title is empty" CHECK (title <> ''),
  service       TEXT NOT NULL REFERENCES services,
  resource_type TEXT NOT NULL,
  control       TEXT NOT NULL,
  rationale     TEXT NOT NULL CONSTRAINT "rationale is empty" CHECK (rationale <> '')
) STRICT;
CREATE VIEW checks(scanner, check_id, title, service, resource_type, control, rationale, line) AS
  SELECT 'securityhub', *, rowid + 1 FROM checks_securityhub
  UNION ALL SELECT 'config', *, rowid + 1 FROM checks_config
  UNION ALL SELECT 'prowler', *, rowid + 1 FROM checks_prowler;

-- data/frameworks/: the frameworks (issue 15), copied from public-domain
-- sources (data/frameworks/README.md), and srm's mapping of their
-- requirements to its controls.
CREATE TABLE frameworks(
  framework TEXT PRIMARY KEY
    CONSTRAINT "framework id must be lower case letters, digits and _"
    CHECK (framework GLOB '[a-z]*' AND framework NOT GLOB '*[^a-z0-9_]*'),
  title     TEXT NOT NULL CONSTRAINT "title is empty" CHECK (title <> ''),
  version   TEXT NOT NULL CONSTRAINT "version is empty" CHECK (version <> ''),
  publisher TEXT NOT NULL CONSTRAINT "publisher is empty" CHECK (publisher <> ''),
  source    TEXT NOT NULL CONSTRAINT "source must be an https URL" CHECK (source GLOB 'https://?*'),
  licence   TEXT NOT NULL CONSTRAINT "licence is empty" CHECK (licence <> '')
) STRICT;
CREATE TABLE nist_800_53_r5(
  control_id     TEXT PRIMARY KEY
    CONSTRAINT "control_id must be an OSCAL id such as ac-2 or ac-2.1"
    CHECK (control_id GLOB '[a-z][a-z]-[1-9]*' AND control_id NOT GLOB '*[^a-z0-9.-]*'),
  label          TEXT NOT NULL CONSTRAINT "label is empty" CHECK (label <> ''),
  family_id      TEXT NOT NULL CONSTRAINT "family_id is not the id's prefix"
                   CHECK (substr(control_id, 1, 3) = family_id || '-'),
  family_title   TEXT NOT NULL CONSTRAINT "family_title is empty" CHECK (family_title <> ''),
  title          TEXT NOT NULL CONSTRAINT "title is empty" CHECK (title <> ''),
  is_enhancement INTEGER NOT NULL CHECK (is_enhancement IN (0, 1)),
  withdrawn      INTEGER NOT NULL CHECK (withdrawn IN (0, 1)),
  low            INTEGER NOT NULL CHECK (low IN (0, 1)),
  moderate       INTEGER NOT NULL CHECK (moderate IN (0, 1)),
  high           INTEGER NOT NULL CHECK (high IN (0, 1)),
  privacy        INTEGER NOT NULL CHECK (privacy IN (0, 1))
) STRICT;
CREATE TABLE fedramp_r5_baselines(
  control_id TEXT PRIMARY KEY REFERENCES nist_800_53_r5,
  low        INTEGER NOT NULL CHECK (low IN (0, 1)),
  moderate   INTEGER NOT NULL CHECK (moderate IN (0, 1)),
  high       INTEGER NOT NULL CHECK (high IN (0, 1)),
  li_saas    INTEGER NOT NULL CHECK (li_saas IN (0, 1))
) STRICT;
CREATE TABLE nist_800_171_r3(
  requirement       TEXT PRIMARY KEY
    CONSTRAINT "requirement must be NN.NN.NN" CHECK (requirement GLOB '[0-9][0-9].[0-9][0-9].[0-9][0-9]'),
  family_id         TEXT NOT NULL CONSTRAINT "family_id is not the id's prefix"
                      CHECK (substr(requirement, 1, 5) = family_id),
  family_title      TEXT NOT NULL CONSTRAINT "family_title is empty" CHECK (family_title <> ''),
  title             TEXT NOT NULL CONSTRAINT "title is empty" CHECK (title <> ''),
  withdrawn         INTEGER NOT NULL CHECK (withdrawn IN (0, 1)),
  incorporated_into TEXT NOT NULL,
  nist_800_53_r5    TEXT NOT NULL
) STRICT;
CREATE TABLE fedramp_crm_rows(
  baseline  TEXT NOT NULL CONSTRAINT "baseline must be high, moderate, low or li-saas"
              CHECK (baseline IN ('high', 'moderate', 'low', 'li-saas')),
  row       TEXT NOT NULL CONSTRAINT "row must be a control id such as AC-2(3)(a)"
              CHECK (row GLOB '[A-Z][A-Z]-[1-9]*' AND row NOT GLOB '*[^A-Z0-9a-z()-]*'),
  sheet_row INTEGER NOT NULL,
  UNIQUE (baseline, row)
) STRICT;
CREATE TABLE requirement_controls(
  framework   TEXT NOT NULL REFERENCES frameworks,
  requirement TEXT NOT NULL,
  control     TEXT NOT NULL,
  relation    TEXT NOT NULL
    CONSTRAINT "relation must be whole, part or organizational"
    CHECK (relation IN ('whole', 'part', 'organizational')),
  rationale   TEXT NOT NULL CONSTRAINT "rationale is empty" CHECK (rationale <> ''),
  source      TEXT NOT NULL CONSTRAINT "source must be empty or an https URL"
                CHECK (source = '' OR source GLOB 'https://?*'),
  CONSTRAINT "an organizational row names no control, every other row one"
    CHECK ((relation = 'organizational') = (control = '')),
  UNIQUE (framework, requirement, control)
) STRICT;

-- Parents before children, so that foreign keys are checked row by row.
.import --csv --skip 1 data/categories.csv categories
.import --csv --skip 1 data/controls.csv controls
.import --csv --skip 1 data/defaults.csv defaults
.import --csv --skip 1 data/services.csv services
.import --csv --skip 1 data/variants.csv variants
.import --csv --skip 1 data/exceptions.csv exceptions
.import --csv --skip 1 data/aliases.csv aliases
.import --csv --skip 1 data/resource_types.csv resource_types
.import --csv --skip 1 data/arn_types.csv arn_types
.import --csv --skip 1 data/tables.csv tables
.import --csv --skip 1 data/exclusions.csv exclusions
.import --csv --skip 1 data/checks/securityhub.csv checks_securityhub
.import --csv --skip 1 data/checks/config.csv checks_config
.import --csv --skip 1 data/checks/prowler.csv checks_prowler
.import --csv --skip 1 data/frameworks/frameworks.csv frameworks
.import --csv --skip 1 data/frameworks/nist_800_53_r5.csv nist_800_53_r5
.import --csv --skip 1 data/frameworks/fedramp_r5_baselines.csv fedramp_r5_baselines
.import --csv --skip 1 data/frameworks/nist_800_171_r3.csv nist_800_171_r3
.import --csv --skip 1 data/frameworks/fedramp_crm_rows.csv fedramp_crm_rows
.import --csv --skip 1 data/frameworks/requirement_controls.csv requirement_controls

-- Owners ranked by how much the customer has to do.
CREATE VIEW owner_rank(owner, rank) AS
  VALUES ('not_applicable', 0), ('aws', 0), ('shared', 1), ('customer', 2);

-- Composite parts, one row each, k their order in the composite (0 ..).
CREATE VIEW composite_parts(control, part, k, line) AS
  WITH RECURSIVE split(control, part, rest, k, line) AS (
    SELECT control, '', parts || '|', -1, rowid + 1 FROM controls WHERE parts <> ''
    UNION ALL
    SELECT control, substr(rest, 1, instr(rest, '|') - 1),
           substr(rest, instr(rest, '|') + 1), k + 1, line
      FROM split WHERE rest <> ''
  )
  SELECT control, part, k, line FROM split WHERE part <> '';

-- The words behind every cell: category defaults first (by category, then
-- control position), then exceptions (by service, variant, control); t is
-- the index in srmText[].
CREATE VIEW texts(t, category, service, variant, control, aws_duty, customer_duty, source, read_on) AS
  SELECT row_number() OVER (ORDER BY k.rowid, c.position) - 1, d.category, NULL, NULL, d.control,
         d.aws_duty, d.customer_duty, d.source, ''
    FROM defaults d JOIN categories k USING (category) JOIN controls c USING (control)
  UNION ALL
  SELECT (SELECT count(*) FROM defaults) + row_number() OVER (ORDER BY e.service, e.variant, e.control) - 1,
         NULL, e.service, e.variant, e.control, e.aws_duty, e.customer_duty, e.source, e.read_on
    FROM exceptions e;

-- Variants in the order of srmVariant[] (by service, then id), k their
-- index within the service (0 ..).
CREATE VIEW variant_order(service, variant, k, is_default) AS
  SELECT service, variant, row_number() OVER (PARTITION BY service ORDER BY variant) - 1, is_default
    FROM variants;

-- The matrix slots (ext/srm.h, srmSlotOf): per service by id, slot 0 with
-- no variant named (it holds the default variant's cells), then one per
-- variant.  slot is the global index, answers the variant whose cells it
-- holds ('' for a service without variants).
CREATE VIEW slots(slot, service, variant, answers) AS
  WITH s(service, k, variant, answers) AS (
    SELECT s.service, -1, '',
           coalesce((SELECT variant FROM variants v WHERE v.service = s.service AND v.is_default), '')
      FROM services s
    UNION ALL
    SELECT service, k, variant, variant FROM variant_order
  )
  SELECT row_number() OVER (ORDER BY service, k) - 1, service, variant, answers FROM s;

-- Every base cell of the matrix: the variant's exception, else the
-- service's, else the category default, with the index of its words.
-- Composite cells are derived from these by srmCompose() (ext/srm.h).
CREATE VIEW cells(slot, service, control, position, owner, basis, t) AS
  SELECT sl.slot, sl.service, c.control, c.position,
         coalesce(ev.owner, es.owner, d.owner),
         CASE WHEN ev.owner IS NOT NULL THEN 'variant'
              WHEN es.owner IS NOT NULL THEN 'service' ELSE 'category_default' END,
         coalesce((SELECT t FROM texts x WHERE x.service = ev.service AND x.variant = ev.variant
                     AND x.control = ev.control),
                  (SELECT t FROM texts x WHERE x.service = es.service AND x.variant = ''
                     AND x.control = es.control),
                  (SELECT t FROM texts x WHERE x.category = d.category AND x.control = d.control))
    FROM slots sl
    JOIN services s ON s.service = sl.service
    JOIN controls c ON c.layer <> 'composite'
    JOIN defaults d ON d.category = s.category AND d.control = c.control
    LEFT JOIN exceptions es ON es.service = sl.service AND es.variant = '' AND es.control = c.control
    LEFT JOIN exceptions ev ON ev.service = sl.service AND ev.variant <> ''
                           AND ev.variant = sl.answers AND ev.control = c.control;

-- Every requirement of every framework, in the order of srmRequirement[]
-- (frameworks as in frameworks.csv, then each catalog's order), k its
-- index.  requirement is the id as the CSV files write it, oscal_id as the
-- OSCAL catalog does (what srm_requirements shows: ac-2.1,
-- SP_800_171_03.01.01), label as people do (AC-2(1), 03.01.01).  related:
-- the 800-53 controls NIST gives for an 800-171 requirement,
-- space-separated.
CREATE VIEW requirements(k, framework, requirement, oscal_id, label, family, family_title, title,
                         withdrawn, incorporated_into, related, low, moderate, high, privacy,
                         fedramp_low, fedramp_moderate, fedramp_high, fedramp_li_saas) AS
  SELECT row_number() OVER (ORDER BY f, o) - 1, framework, requirement,
         CASE framework WHEN 'nist_800_171_r3' THEN 'SP_800_171_' || requirement ELSE requirement END,
         label, family, family_title,
         title, withdrawn, incorporated_into, related, low, moderate, high, privacy,
         fedramp_low, fedramp_moderate, fedramp_high, fedramp_li_saas FROM (
    SELECT 0 f, n.rowid o, 'nist_800_53_r5' framework, n.control_id requirement, n.label, n.family_id family,
           n.family_title, n.title, n.withdrawn, '' incorporated_into, '' related,
           n.low, n.moderate, n.high, n.privacy,
           coalesce(b.low, 0) fedramp_low, coalesce(b.moderate, 0) fedramp_moderate,
           coalesce(b.high, 0) fedramp_high, coalesce(b.li_saas, 0) fedramp_li_saas
      FROM nist_800_53_r5 n LEFT JOIN fedramp_r5_baselines b USING (control_id)
    UNION ALL
    SELECT 1, rowid, 'nist_800_171_r3', requirement, requirement, family_id, family_title, title, withdrawn,
           ltrim(replace(' ' || replace(incorporated_into, '|', ' '), ' 0', ' SP_800_171_0')),
           replace(nist_800_53_r5, '|', ' '),
           NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL
      FROM nist_800_171_r3);

-- The requirement (an 800-53 OSCAL id) of each CRM row: AC-2(3)(a) -> ac-2.3.
CREATE VIEW crm_rows(baseline, row, requirement, sheet_row, line) AS
  SELECT baseline, row,
         lower(CASE WHEN instr(row, '(') THEN substr(row, 1, instr(row, '(') - 1) ELSE row END)
         || CASE WHEN instr(row, '(') AND substr(row, instr(row, '(') + 1, 1) GLOB '[0-9]'
                 THEN '.' || substr(row, instr(row, '(') + 1, instr(substr(row, instr(row, '(')), ')') - 2)
                 ELSE '' END,
         sheet_row, rowid + 1
    FROM fedramp_crm_rows;

CREATE VIEW problems(message) AS
  -- A field with a line break would shift every line number after it.
  SELECT 'data/' || f || '.csv:' || line || ': a field holds a line break' FROM (
    SELECT 'categories' f, rowid + 1 line, title || description || source AS t FROM categories
    UNION ALL SELECT 'controls', rowid + 1, title || description FROM controls
    UNION ALL SELECT 'defaults', rowid + 1, aws_duty || customer_duty || source FROM defaults
    UNION ALL SELECT 'services', rowid + 1, name || abbreviation || category_source || category_note FROM services
    UNION ALL SELECT 'variants', rowid + 1, title || note || source FROM variants
    UNION ALL SELECT 'exceptions', rowid + 1, aws_duty || customer_duty || source FROM exceptions
    UNION ALL SELECT 'aliases', rowid + 1, alias FROM aliases
    UNION ALL SELECT 'exclusions', rowid + 1, name || reason FROM exclusions
  ) WHERE instr(t, char(10)) OR instr(t, char(13))
UNION ALL
  -- responsibility_why() writes these into JSON as they are.
  SELECT 'data/' || f || '.csv:' || line || ': a field holds a double quote, a backslash or a tab'
         || ' (responsibility_why() writes it into JSON as it is)' FROM (
    SELECT 'defaults' f, rowid + 1 line, aws_duty || customer_duty || source AS t FROM defaults
    UNION ALL SELECT 'exceptions', rowid + 1, aws_duty || customer_duty || source || read_on FROM exceptions
  ) WHERE instr(t, '"') OR instr(t, '\') OR instr(t, char(9))
UNION ALL
  SELECT 'data/controls.csv:' || line || ': composite ''' || control || ''' names unknown part ''' || part || ''''
    FROM composite_parts
   WHERE part NOT IN (SELECT control FROM controls WHERE layer <> 'composite')
UNION ALL
  SELECT 'data/controls.csv:' || min(line) || ': composite ''' || control || ''' has '
         || count(*) || ' parts, more than the 8 srm.h allows (SRM_MAX_PARTS)'
    FROM composite_parts GROUP BY control HAVING count(*) > 8
UNION ALL
  SELECT 'data/defaults.csv:' || (d.rowid + 1) || ': composite control ''' || d.control
         || ''' is derived from its parts and takes no default'
    FROM defaults d JOIN controls c USING (control) WHERE c.layer = 'composite'
UNION ALL
  SELECT 'data/defaults.csv:1: category ''' || k.category || ''' has no default for control ''' || c.control || ''''
    FROM categories k, controls c
   WHERE c.layer <> 'composite'
     AND NOT EXISTS (SELECT 1 FROM defaults d WHERE d.category = k.category AND d.control = c.control)
UNION ALL
  -- Customer scope never grows from infrastructure to container to abstracted.
  SELECT 'data/defaults.csv:' || (b.rowid + 1) || ': the customer has more to do for ''' || b.control
         || ''' in ' || b.category || ' (' || b.owner || ') than in ' || a.category || ' (' || a.owner || ')'
    FROM defaults a JOIN defaults b USING (control)
    JOIN owner_rank ra ON ra.owner = a.owner
    JOIN owner_rank rb ON rb.owner = b.owner
   WHERE ((a.category = 'infrastructure' AND b.category IN ('container', 'abstracted'))
       OR (a.category = 'container' AND b.category = 'abstracted'))
     AND rb.rank > ra.rank
UNION ALL
  SELECT 'data/variants.csv:1: service ''' || service || ''' has ' || sum(is_default) || ' default variants, not 1'
    FROM variants GROUP BY service HAVING sum(is_default) <> 1
UNION ALL
  SELECT 'data/exceptions.csv:' || (e.rowid + 1) || ': composite control ''' || e.control
         || ''' is derived from its parts and takes no exception'
    FROM exceptions e JOIN controls c USING (control) WHERE c.layer = 'composite'
UNION ALL
  SELECT 'data/' || f || '.csv:' || line || ': unknown variant ''' || variant || ''' of service ''' || service || ''''
    FROM (SELECT 'exceptions' f, rowid + 1 line, service, variant FROM exceptions
          UNION ALL SELECT 'resource_types', rowid + 1, service, variant FROM resource_types
          UNION ALL SELECT 'arn_types', rowid + 1, service, variant FROM arn_types
          UNION ALL SELECT 'tables', rowid + 1, service, variant FROM tables)
   WHERE variant <> '' AND (service, variant) NOT IN (SELECT service, variant FROM variants)
UNION ALL
  SELECT 'data/checks/' || scanner || '.csv:' || line || ': control ''' || control
         || ''' is not a base control of data/controls.csv (or empty: the check verifies none)'
    FROM checks
   WHERE control <> '' AND control NOT IN (SELECT control FROM controls WHERE layer <> 'composite')
UNION ALL
  SELECT 'data/checks/' || scanner || '.csv:' || min(line) || ': ' || count(*) || ' checks are named '''
         || k || ''' once in lower case with _ as - (findings could not tell them apart)'
    FROM (SELECT scanner, line, lower(replace(CASE scanner WHEN 'config' THEN title ELSE check_id END,
                 '_', '-')) AS k FROM checks)
   GROUP BY scanner, k HAVING count(*) > 1
UNION ALL
  SELECT 'data/aliases.csv:' || (a.rowid + 1) || ': alias ''' || a.alias || ''' is the id of service '''
         || s.service || ''''
    FROM aliases a JOIN services s ON s.service = a.alias COLLATE NOCASE
UNION ALL
  SELECT 'data/arn_types.csv:' || min(rowid + 1) || ': namespace ''' || namespace
         || ''' has types but no default row (resource_type empty)'
    FROM arn_types GROUP BY namespace HAVING sum(resource_type = '') = 0
UNION ALL
  SELECT 'data/frameworks/requirement_controls.csv:' || (m.rowid + 1) || ': unknown requirement '''
         || m.requirement || ''' of framework ''' || m.framework || ''''
    FROM requirement_controls m
   WHERE NOT EXISTS (SELECT 1 FROM requirements r WHERE r.framework = m.framework AND r.requirement = m.requirement)
UNION ALL
  SELECT 'data/frameworks/requirement_controls.csv:' || (m.rowid + 1) || ': requirement '''
         || m.requirement || ''' is withdrawn'
    FROM requirement_controls m JOIN requirements r USING (framework, requirement) WHERE r.withdrawn
UNION ALL
  SELECT 'data/frameworks/requirement_controls.csv:' || (m.rowid + 1) || ': unknown control '''
         || m.control || ''''
    FROM requirement_controls m WHERE m.control <> '' AND m.control NOT IN (SELECT control FROM controls)
UNION ALL
  SELECT 'data/frameworks/requirement_controls.csv:' || min(rowid + 1) || ': requirement '''
         || requirement || ''' mixes relations (all its rows are whole, all part, or one organizational)'
    FROM requirement_controls GROUP BY framework, requirement
  HAVING count(DISTINCT relation) > 1 OR (max(relation) = 'organizational' AND count(*) > 1)
UNION ALL
  SELECT 'data/frameworks/requirement_controls.csv:' || (rowid + 1)
         || ': a field holds a double quote, a backslash, a tab or a line break'
         || ' (srm_origination_why() writes it into JSON as it is)'
    FROM requirement_controls
   WHERE instr(rationale || source, '"') OR instr(rationale || source, '\')
      OR instr(rationale || source, char(9)) OR instr(rationale || source, char(10))
      OR instr(rationale || source, char(13))
UNION ALL
  SELECT 'data/frameworks/requirement_controls.csv:1: FedRAMP High control ''' || requirement
         || ''' has no row (map it, or give its organizational reason)'
    FROM requirements r
   WHERE framework = 'nist_800_53_r5' AND fedramp_high
     AND NOT EXISTS (SELECT 1 FROM requirement_controls m WHERE m.framework = r.framework
                       AND m.requirement = r.requirement)
UNION ALL
  SELECT 'data/frameworks/requirement_controls.csv:1: 800-171 requirement ''' || requirement
         || ''' has no row (map it, or give its organizational reason)'
    FROM requirements r
   WHERE framework = 'nist_800_171_r3' AND NOT withdrawn
     AND NOT EXISTS (SELECT 1 FROM requirement_controls m WHERE m.framework = r.framework
                       AND m.requirement = r.requirement)
UNION ALL
  SELECT 'data/frameworks/nist_800_171_r3.csv:' || (r.k - (SELECT count(*) FROM nist_800_53_r5) + 2)
         || ': related control ''' || j.value || ''' is not in nist_800_53_r5.csv'
    FROM requirements r, json_each('["' || replace(r.related, ' ', '","') || '"]') j
   WHERE r.framework = 'nist_800_171_r3' AND r.related <> ''
     AND j.value NOT IN (SELECT control_id FROM nist_800_53_r5)
UNION ALL
  SELECT 'data/frameworks/fedramp_crm_rows.csv:' || line || ': row ''' || row
         || ''' is no control of the FedRAMP ' || baseline || ' baseline'
    FROM crm_rows c
   WHERE NOT EXISTS (SELECT 1 FROM requirements r WHERE r.framework = 'nist_800_53_r5'
                       AND r.requirement = c.requirement
                       AND CASE c.baseline WHEN 'high' THEN r.fedramp_high WHEN 'moderate' THEN r.fedramp_moderate
                           WHEN 'low' THEN r.fedramp_low ELSE r.fedramp_li_saas END)
ORDER BY 1;
