#include "storage/migrations.h"

#include "storage/database.h"
#include "storage/storage_error.h"

#include <array>
#include <string>
#include <string_view>

namespace cartera::storage {

namespace {

// Version 1: the portfolio core. Enumerations are stored as their stable text codes
// (domain/*.h) with CHECK constraints, so the file reads well in the sqlite3 shell.
// Dates are ISO 8601 text; money is integer minor units in the portfolio currency.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE setting (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE sales_rep (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,
    name       TEXT NOT NULL,
    email      TEXT,
    manager_id INTEGER REFERENCES sales_rep(id) ON DELETE SET NULL,
    team       TEXT,
    active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX sales_rep_manager ON sales_rep(manager_id);

CREATE TABLE customer (
    id           INTEGER PRIMARY KEY,
    code         TEXT NOT NULL UNIQUE,
    name         TEXT NOT NULL,
    kind         TEXT NOT NULL CHECK (kind IN ('customer', 'prospect')),
    industry     TEXT,
    size_band    TEXT CHECK (size_band IN ('micro', 'small', 'medium', 'large', 'enterprise')),
    country      TEXT,
    region       TEXT,
    city         TEXT,
    postal_code  TEXT,
    channel      TEXT NOT NULL CHECK (channel IN ('direct', 'wholesale', 'retail', 'online')),
    owner_rep_id INTEGER REFERENCES sales_rep(id) ON DELETE SET NULL,
    status       TEXT NOT NULL CHECK (status IN ('active', 'inactive', 'exited')),
    email        TEXT,
    phone        TEXT,
    website      TEXT,
    created_on   TEXT NOT NULL,
    updated_on   TEXT NOT NULL
);
CREATE INDEX customer_name ON customer(name COLLATE NOCASE, id);
CREATE INDEX customer_owner ON customer(owner_rep_id, name COLLATE NOCASE);
CREATE INDEX customer_country ON customer(country, region);

CREATE TABLE contact (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    first_name  TEXT,
    last_name   TEXT NOT NULL,
    job_title   TEXT,
    email       TEXT,
    phone       TEXT,
    is_primary  INTEGER NOT NULL DEFAULT 0 CHECK (is_primary IN (0, 1))
);
CREATE INDEX contact_customer ON contact(customer_id);

CREATE TABLE product_category (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE product (
    id              INTEGER PRIMARY KEY,
    code            TEXT NOT NULL UNIQUE,
    name            TEXT NOT NULL,
    category_id     INTEGER NOT NULL REFERENCES product_category(id),
    list_price      INTEGER NOT NULL CHECK (list_price >= 0),
    unit_cost       INTEGER NOT NULL CHECK (unit_cost >= 0),
    currency        TEXT NOT NULL,
    active          INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
CREATE INDEX product_category_id ON product(category_id);

CREATE TABLE sales_order (
    id             INTEGER PRIMARY KEY,
    customer_id    INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    rep_id         INTEGER REFERENCES sales_rep(id) ON DELETE SET NULL,
    order_date     TEXT NOT NULL,
    status         TEXT NOT NULL CHECK (status IN ('ordered', 'shipped', 'invoiced', 'paid', 'cancelled')),
    shipped_on     TEXT,
    invoiced_on    TEXT,
    paid_on        TEXT,
    cancelled_on   TEXT,
    currency       TEXT NOT NULL,
    notes          TEXT
);
CREATE INDEX sales_order_customer ON sales_order(customer_id, order_date);
CREATE INDEX sales_order_rep ON sales_order(rep_id);

-- Clustered by order: the lines of an order are stored together, no separate index needed.
-- Products are never deleted once sold (they are deactivated), so no index on product_id.
CREATE TABLE order_line (
    order_id     INTEGER NOT NULL REFERENCES sales_order(id) ON DELETE CASCADE,
    line_no      INTEGER NOT NULL,
    product_id   INTEGER NOT NULL REFERENCES product(id),
    quantity     INTEGER NOT NULL CHECK (quantity > 0),
    unit_price   INTEGER NOT NULL CHECK (unit_price >= 0),
    discount_bp  INTEGER NOT NULL DEFAULT 0 CHECK (discount_bp BETWEEN 0 AND 10000),
    unit_cost    INTEGER NOT NULL CHECK (unit_cost >= 0),
    PRIMARY KEY (order_id, line_no)
) WITHOUT ROWID;

-- Revenue, cost and order count per customer and calendar month (yyyymm) of the order date,
-- cancelled orders excluded. Kept current by OrderRepository in the transaction of every order
-- write, so ABC, portfolio and forecast reports never rescan order lines.
CREATE TABLE customer_month (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    month       INTEGER NOT NULL,
    revenue     INTEGER NOT NULL,
    cost        INTEGER NOT NULL,
    order_count INTEGER NOT NULL,
    PRIMARY KEY (customer_id, month)
) WITHOUT ROWID;
CREATE INDEX customer_month_month ON customer_month(month);
)sql";


// Version 2: the activity log, archiving, and the search index behind the customer list.
constexpr std::string_view kSchemaV2 = R"sql(
ALTER TABLE customer ADD COLUMN archived_on TEXT;
-- The default customer list (archived accounts hidden) in name order, and its count, read
-- this small index instead of the table.
CREATE INDEX customer_listed_name ON customer(name COLLATE NOCASE, id) WHERE archived_on IS NULL;

CREATE TABLE activity (
    id                INTEGER PRIMARY KEY,
    customer_id       INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    owner_rep_id      INTEGER REFERENCES sales_rep(id) ON DELETE SET NULL,
    type              TEXT NOT NULL CHECK (type IN ('call', 'email', 'meeting', 'note', 'order', 'claim',
                                                    'information_request', 'after_sales_visit')),
    occurred_on       TEXT NOT NULL,
    subject           TEXT NOT NULL,
    details           TEXT,
    status            TEXT CHECK (status IN ('open', 'in_progress', 'resolved', 'closed')),
    first_response_on TEXT,
    resolved_on       TEXT,
    closed_on         TEXT,
    CHECK ((type IN ('claim', 'information_request')) = (status IS NOT NULL))
);
CREATE INDEX activity_customer ON activity(customer_id, occurred_on);
-- Small: only the claims and requests still being worked on, for the Open claims view.
CREATE INDEX activity_pending ON activity(occurred_on) WHERE status IN ('open', 'in_progress');

-- The text of an account's contacts that search looks into: names and e-mail addresses.
CREATE VIEW customer_contact_names AS
SELECT customer_id,
       group_concat(coalesce(first_name, '') || ' ' || last_name || ' ' || coalesce(email, ''), ' ') AS names
FROM contact GROUP BY customer_id;

-- Word-prefix search over what a rep types to find an account. rowid = customer.id. The
-- prefix indexes make one- to three-letter prefixes as cheap as whole words.
CREATE VIRTUAL TABLE customer_search USING fts5(
    name, code, city, email, contacts,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO customer_search (rowid, name, code, city, email, contacts)
SELECT c.id, c.name, c.code, c.city, c.email,
       (SELECT names FROM customer_contact_names AS n WHERE n.customer_id = c.id)
FROM customer AS c;

CREATE TRIGGER customer_search_insert AFTER INSERT ON customer BEGIN
    INSERT INTO customer_search (rowid, name, code, city, email, contacts)
    VALUES (new.id, new.name, new.code, new.city, new.email, '');
END;
CREATE TRIGGER customer_search_update AFTER UPDATE OF name, code, city, email ON customer BEGIN
    UPDATE customer_search SET name = new.name, code = new.code, city = new.city, email = new.email
    WHERE rowid = new.id;
END;
CREATE TRIGGER customer_search_delete AFTER DELETE ON customer BEGIN
    DELETE FROM customer_search WHERE rowid = old.id;
END;
CREATE TRIGGER customer_search_contact_insert AFTER INSERT ON contact BEGIN
    UPDATE customer_search SET contacts = (
        SELECT names FROM customer_contact_names AS n WHERE n.customer_id = new.customer_id)
    WHERE rowid = new.customer_id;
END;
CREATE TRIGGER customer_search_contact_update AFTER UPDATE ON contact BEGIN
    UPDATE customer_search SET contacts = (
        SELECT names FROM customer_contact_names AS n WHERE n.customer_id = old.customer_id)
    WHERE rowid = old.customer_id;
    UPDATE customer_search SET contacts = (
        SELECT names FROM customer_contact_names AS n WHERE n.customer_id = new.customer_id)
    WHERE rowid = new.customer_id AND new.customer_id <> old.customer_id;
END;
CREATE TRIGGER customer_search_contact_delete AFTER DELETE ON contact BEGIN
    UPDATE customer_search SET contacts = (
        SELECT names FROM customer_contact_names AS n WHERE n.customer_id = old.customer_id)
    WHERE rowid = old.customer_id;
END;
)sql";

// Version 3: searching within "My accounts" and counting matches from the indexes alone.
//  - customer_search gains an owner column ('r' || owner_rep_id), so a search within one rep's
//    accounts is one full-text query rather than a full-text list joined to the table;
//  - a search's count is the full-text count minus its archived matches, which the tiny
//    customer_archived index lists;
//  - a rep's listed accounts in name order, for "My accounts" pages and counts without reading
//    the table to skip archived ones.
constexpr std::string_view kSchemaV3 = R"sql(
CREATE INDEX customer_archived ON customer(id) WHERE archived_on IS NOT NULL;
CREATE INDEX customer_listed_owner ON customer(owner_rep_id, name COLLATE NOCASE, id) WHERE archived_on IS NULL;

DROP TRIGGER customer_search_insert;
DROP TRIGGER customer_search_update;
DROP TABLE customer_search;
CREATE VIRTUAL TABLE customer_search USING fts5(
    name, code, city, email, contacts, owner,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '1 2 3'
);
INSERT INTO customer_search (rowid, name, code, city, email, contacts, owner)
SELECT c.id, c.name, c.code, c.city, c.email, n.names, 'r' || c.owner_rep_id
FROM customer AS c LEFT JOIN customer_contact_names AS n ON n.customer_id = c.id;

CREATE TRIGGER customer_search_insert AFTER INSERT ON customer BEGIN
    INSERT INTO customer_search (rowid, name, code, city, email, contacts, owner)
    VALUES (new.id, new.name, new.code, new.city, new.email, '', 'r' || new.owner_rep_id);
END;
CREATE TRIGGER customer_search_update AFTER UPDATE OF name, code, city, email, owner_rep_id ON customer BEGIN
    UPDATE customer_search SET name = new.name, code = new.code, city = new.city, email = new.email,
                               owner = 'r' || new.owner_rep_id
    WHERE rowid = new.id;
END;
)sql";

// Version 4: the industries present, for the customer list's filter (CustomerFacets skips
// through this index), and the portfolio-wide activity log, newest first, a page at a time: by date alone, by
// type (all claims), by the rep who owns them (My activities). Each index carries the other
// filter columns so a count under any combination reads an index, never the table (an owner and
// type count read the table: 0.7 s at 1.6 million activities; from the index: 23 ms).
constexpr std::string_view kSchemaV4 = R"sql(
CREATE INDEX customer_industry ON customer(industry);
CREATE INDEX activity_date ON activity(occurred_on, type, status, owner_rep_id);
CREATE INDEX activity_type_date ON activity(type, occurred_on, status, owner_rep_id);
CREATE INDEX activity_owner_date ON activity(owner_rep_id, occurred_on, type, status);
)sql";

// Version 5: ABC classification. The narrow index and the saved classifications.
constexpr std::string_view kSchemaV5 = R"sql(
-- What reports filter and label customers by, in id order: a narrow copy of the customer table
-- (about 60 bytes a customer instead of 200) that ABC scans instead of the table itself, and
-- merges with customer_month (also in customer id order) without sorting. At 1,000,000
-- customers the scan takes a quarter of a second instead of one and a half.
CREATE INDEX customer_report_scope
    ON customer(id, code, kind, country, channel, owner_rep_id, archived_on, name);

-- A classification kept as it stood on a date, to compare with later ones. The counts spare
-- the list of snapshots a scan of their entries.
CREATE TABLE abc_snapshot (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    created_on TEXT NOT NULL,
    criterion  TEXT NOT NULL CHECK (criterion IN ('revenue', 'margin', 'orders')),
    from_month INTEGER NOT NULL,
    to_month   INTEGER NOT NULL CHECK (to_month >= from_month),
    scope      TEXT NOT NULL,  -- JSON: {"country":"FR","channel":"direct","owner_rep_id":3,...}
    thresholds TEXT NOT NULL,  -- JSON: {"basis_points":[8000,1500,500]}
    classified INTEGER NOT NULL,
    apart      INTEGER NOT NULL
);

-- One row per customer of a snapshot; class and rank are NULL for those listed apart (value 0
-- or below). No foreign key to customer: a snapshot is a record of the past, and a customer
-- deleted since shows as lost when compared; nor would deleting a customer have to search
-- every snapshot.
CREATE TABLE abc_snapshot_entry (
    snapshot_id INTEGER NOT NULL REFERENCES abc_snapshot(id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL,
    class       TEXT CHECK (class IN ('A', 'B', 'C', 'D')),
    value       INTEGER NOT NULL,
    rank        INTEGER CHECK (rank > 0),
    PRIMARY KEY (snapshot_id, customer_id),
    CHECK ((class IS NULL) = (rank IS NULL))
) WITHOUT ROWID;
)sql";

// Version 6: the monthly figures of a period without reading the other months: a month-first
// covering index that ABC (and any report over a period) scans instead of the whole table.
constexpr std::string_view kSchemaV6 = R"sql(
CREATE INDEX customer_month_period ON customer_month(month, customer_id, revenue, cost, order_count);
DROP INDEX customer_month_month;
)sql";

// Version 7: the Contacts view, the people at every account in name or e-mail order. Pages are
// read by walking these indexes; customer_id rides along so that a page deep in the list can
// skip the contacts of archived accounts from the index alone, without reading the table.
constexpr std::string_view kSchemaV7 = R"sql(
CREATE INDEX contact_name ON contact(last_name COLLATE NOCASE, first_name COLLATE NOCASE, id, customer_id);
CREATE INDEX contact_email ON contact(email COLLATE NOCASE, id, customer_id);
)sql";

// Version 8: weighted multi-indicator tiers (docs/tiers.md).
constexpr std::string_view kSchemaV8 = R"sql(
-- A strategic account counts in tier models that weigh the flag. The partial index lists the
-- flagged accounts in id order, so a tier run reads them without touching the table.
ALTER TABLE customer ADD COLUMN strategic INTEGER NOT NULL DEFAULT 0 CHECK (strategic IN (0, 1));
CREATE INDEX customer_strategic ON customer(id, strategic) WHERE strategic = 1;

-- Customer satisfaction surveys, the minimum the satisfaction indicator needs: one row per answer,
-- CSAT on 1-5 or NPS on 0-10. The index covers what a tier run reads, in customer id order.
CREATE TABLE customer_survey (
    id          INTEGER PRIMARY KEY,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    surveyed_on TEXT NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('csat', 'nps')),
    score       INTEGER NOT NULL,
    CHECK ((kind = 'csat' AND score BETWEEN 1 AND 5) OR (kind = 'nps' AND score BETWEEN 0 AND 10))
);
CREATE INDEX customer_survey_customer ON customer_survey(customer_id, surveyed_on, kind, score);

-- Tier models by name: indicator weights, tier names and cut-offs as versioned JSON
-- (domain::TierModel::toJson).
CREATE TABLE tier_model (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    saved_on   TEXT NOT NULL,
    definition TEXT NOT NULL
);

-- A tier run kept as it stood: its period, as-of date and the model it used (JSON, as above).
-- weight_total is the sum of the weights that counted: a contribution in the entries divided by
-- weight_total x 10^4 is points of the 0-100 score.
CREATE TABLE tier_run (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    created_on   TEXT NOT NULL,
    from_month   INTEGER NOT NULL,
    to_month     INTEGER NOT NULL CHECK (to_month >= from_month),
    as_of        TEXT NOT NULL,
    model        TEXT NOT NULL,
    weight_total INTEGER NOT NULL CHECK (weight_total > 0),
    customers    INTEGER NOT NULL
);

-- One row per ranked customer: rank, tier name, points (the score x weight_total x 10^4) and each
-- indicator's contribution to them (weight x normalised value in millionths; NULL when the
-- indicator did not count). No foreign key to customer, as for ABC snapshots: a run is history.
CREATE TABLE tier_run_entry (
    run_id                 INTEGER NOT NULL REFERENCES tier_run(id) ON DELETE CASCADE,
    customer_id            INTEGER NOT NULL,
    rank                   INTEGER NOT NULL CHECK (rank > 0),
    tier                   TEXT NOT NULL,
    points                 INTEGER NOT NULL,
    revenue_points         INTEGER,
    margin_points          INTEGER,
    growth_points          INTEGER,
    order_frequency_points INTEGER,
    recency_points         INTEGER,
    open_claims_points     INTEGER,
    satisfaction_points    INTEGER,
    strategic_points       INTEGER,
    PRIMARY KEY (run_id, customer_id)
) WITHOUT ROWID;
)sql";

// Version 9: portfolio analysis (docs/portfolio.md).
constexpr std::string_view kSchemaV9 = R"sql(
-- Revenue, cost and order count per customer, product category and calendar month (yyyymm) of the
-- order date, cancelled orders excluded: customer_month split by the category of each line, so a
-- breakdown by category reads a few million small rows instead of ten million lines. Kept current
-- by OrderRepository in the transaction of every order write, and by ProductRepository when a
-- product changes category. order_count: orders with at least one line of the category.
CREATE TABLE customer_category_month (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    category_id INTEGER NOT NULL REFERENCES product_category(id),
    month       INTEGER NOT NULL,
    revenue     INTEGER NOT NULL,
    cost        INTEGER NOT NULL,
    order_count INTEGER NOT NULL,
    PRIMARY KEY (customer_id, category_id, month)
) WITHOUT ROWID;
-- Line revenue as in customer_month (rounded half up, no intermediate past 2^63).
INSERT INTO customer_category_month (customer_id, category_id, month, revenue, cost, order_count)
SELECT o.customer_id, p.category_id, CAST(strftime('%Y%m', o.order_date) AS INTEGER) AS month,
       SUM(l.quantity * l.unit_price - (l.quantity * l.unit_price / 10000) * l.discount_bp
           - ((l.quantity * l.unit_price % 10000) * l.discount_bp + 4999) / 10000),
       SUM(l.quantity * l.unit_cost), COUNT(DISTINCT o.id)
FROM sales_order AS o JOIN order_line AS l ON l.order_id = o.id JOIN product AS p ON p.id = l.product_id
WHERE o.status <> 'cancelled'
GROUP BY o.customer_id, p.category_id, month;

-- Every attribute a portfolio breakdown groups customers by, in id order: a narrow copy of the
-- customer rows that the analysis scans and merges with the monthly figures (also in customer id
-- order), instead of the 200-byte table rows.
CREATE INDEX customer_portfolio_dims
    ON customer(id, kind, channel, size_band, owner_rep_id, archived_on, country, region, industry);
)sql";

// Version 10: territories, rep capacity and order channels (docs/territories.md).
constexpr std::string_view kSchemaV10 = R"sql(
-- What a rep is expected to carry: a number of accounts, a revenue over 12 months (minor units).
ALTER TABLE sales_rep ADD COLUMN capacity_accounts INTEGER CHECK (capacity_accounts >= 0);
ALTER TABLE sales_rep ADD COLUMN capacity_revenue INTEGER CHECK (capacity_revenue >= 0);

-- The channel an order came through when it is not the account's own (a wholesaler's order for a
-- direct account); NULL: the account's channel. Orders through another channel flag the account
-- as a possible channel conflict; the partial index lists them without reading every order.
ALTER TABLE sales_order ADD COLUMN channel TEXT CHECK (channel IN ('direct', 'wholesale', 'retail', 'online'));
CREATE INDEX sales_order_channel ON sales_order(customer_id, order_date, channel) WHERE channel IS NOT NULL;

-- Sales territories, nested (EMEA > France > Ile-de-France). Deleting a territory deletes its
-- sub-territories and rules, and leaves its accounts unassigned.
CREATE TABLE territory (
    id           INTEGER PRIMARY KEY,
    parent_id    INTEGER REFERENCES territory(id) ON DELETE CASCADE,
    name         TEXT NOT NULL,
    owner_rep_id INTEGER REFERENCES sales_rep(id) ON DELETE SET NULL
);
CREATE INDEX territory_parent ON territory(parent_id);

-- Reps who also cover a territory's accounts without owning them (specialists).
CREATE TABLE territory_overlay (
    territory_id INTEGER NOT NULL REFERENCES territory(id) ON DELETE CASCADE,
    rep_id       INTEGER NOT NULL REFERENCES sales_rep(id) ON DELETE CASCADE,
    PRIMARY KEY (territory_id, rep_id)
) WITHOUT ROWID;

-- Ordered rules: the first (lowest priority, then id) that an account meets gives its territory.
-- Empty conditions match anything; postal_from/postal_to bound the first characters of the
-- normalised postal code (equal ends: a prefix).
CREATE TABLE territory_rule (
    id           INTEGER PRIMARY KEY,
    territory_id INTEGER NOT NULL REFERENCES territory(id) ON DELETE CASCADE,
    priority     INTEGER NOT NULL,
    country      TEXT,
    region       TEXT,
    postal_from  TEXT,
    postal_to    TEXT,
    industry     TEXT,
    size_band    TEXT CHECK (size_band IN ('micro', 'small', 'medium', 'large', 'enterprise')),
    channel      TEXT CHECK (channel IN ('direct', 'wholesale', 'retail', 'online')),
    CHECK ((postal_from IS NULL) = (postal_to IS NULL))
);
CREATE INDEX territory_rule_territory ON territory_rule(territory_id);

-- Each account's territory: written by a rule run or by hand (locked = 1: a manual override that
-- later runs leave alone). The account's rep stays customer.owner_rep_id, which a run sets to the
-- territory's owner. No row: unassigned. territory_account lists a territory's accounts, for
-- coverage and for segment conditions on the territory.
CREATE TABLE customer_territory (
    customer_id  INTEGER PRIMARY KEY REFERENCES customer(id) ON DELETE CASCADE,
    territory_id INTEGER NOT NULL REFERENCES territory(id) ON DELETE CASCADE,
    locked       INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1))
) WITHOUT ROWID;
CREATE INDEX territory_account ON customer_territory(territory_id, customer_id);
)sql";

// Version 11: segments (docs/segments.md).
constexpr std::string_view kSchemaV11 = R"sql(
-- Free tags on customers ("key account", "trade fair 2026"), matched by segment rules. Case is kept
-- as typed but ignored when comparing. The tag-first index finds a tag's customers.
CREATE TABLE customer_tag (
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    tag         TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (customer_id, tag)
) WITHOUT ROWID;
CREATE INDEX customer_tag_tag ON customer_tag(tag, customer_id);

-- Saved segments: a rule (versioned JSON of domain::SegmentDefinition, evaluated when read) or a
-- static list of hand-picked customers (segment_member). Names are unique, whatever their case.
CREATE TABLE segment (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    kind       TEXT NOT NULL CHECK (kind IN ('rule', 'static')),
    definition TEXT,
    created_on TEXT NOT NULL,
    updated_on TEXT NOT NULL,
    CHECK ((kind = 'rule') = (definition IS NOT NULL))
);

-- The customers of a static list. The customer index serves the cascade when a customer is deleted.
CREATE TABLE segment_member (
    segment_id  INTEGER NOT NULL REFERENCES segment(id) ON DELETE CASCADE,
    customer_id INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    PRIMARY KEY (segment_id, customer_id)
) WITHOUT ROWID;
CREATE INDEX segment_member_customer ON segment_member(customer_id);
)sql";

// Version 12: opportunities, the pipeline and sales forecasting (docs/pipeline.md, docs/forecasting.md).
constexpr std::string_view kSchemaV12 = R"sql(
-- The pipeline's stages, configurable: board order, default probability and how a stage ends a deal.
CREATE TABLE opportunity_stage (
    code        TEXT PRIMARY KEY,
    name        TEXT NOT NULL,
    position    INTEGER NOT NULL UNIQUE,
    probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
    outcome     TEXT NOT NULL CHECK (outcome IN ('open', 'won', 'lost'))
) WITHOUT ROWID;
INSERT INTO opportunity_stage (code, name, position, probability, outcome) VALUES
    ('prospecting', 'Prospecting', 1, 10, 'open'),
    ('qualification', 'Qualification', 2, 20, 'open'),
    ('proposal', 'Proposal', 3, 50, 'open'),
    ('negotiation', 'Negotiation', 4, 75, 'open'),
    ('won', 'Won', 5, 100, 'won'),
    ('lost', 'Lost', 6, 0, 'lost');

-- Why deals are lost, configurable.
CREATE TABLE lost_reason (
    code  TEXT PRIMARY KEY,
    label TEXT NOT NULL
) WITHOUT ROWID;
INSERT INTO lost_reason (code, label) VALUES
    ('price', 'Price too high'), ('competitor', 'Went to a competitor'), ('no_budget', 'No budget'),
    ('no_decision', 'No decision'), ('timing', 'Bad timing'), ('product_fit', 'Product did not fit'),
    ('other', 'Other');

-- A deal with an account. amount in minor units of currency; probability NULL means the stage's
-- default. campaign_id is kept for the campaigns to come (no table yet, so no foreign key).
CREATE TABLE opportunity (
    id                INTEGER PRIMARY KEY,
    customer_id       INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    title             TEXT NOT NULL,
    amount            INTEGER NOT NULL CHECK (amount >= 0),
    currency          TEXT NOT NULL,
    stage             TEXT NOT NULL REFERENCES opportunity_stage(code) ON UPDATE CASCADE,
    probability       INTEGER CHECK (probability BETWEEN 0 AND 100),
    expected_close    TEXT NOT NULL,
    owner_rep_id      INTEGER REFERENCES sales_rep(id) ON DELETE SET NULL,
    source            TEXT,
    campaign_id       INTEGER,
    next_step         TEXT,
    next_step_on      TEXT,
    category          TEXT NOT NULL CHECK (category IN ('commit', 'best_case', 'pipeline', 'omitted')),
    closed_on         TEXT,
    lost_reason       TEXT REFERENCES lost_reason(code) ON UPDATE CASCADE,
    created_on        TEXT NOT NULL,
    stage_changed_on  TEXT NOT NULL
);
CREATE INDEX opportunity_customer ON opportunity(customer_id);
-- The board and the stage totals: a stage's cards by expected close, with what the sums read.
CREATE INDEX opportunity_stage_close ON opportunity(stage, expected_close, owner_rep_id, amount, probability);
-- A forecast: open deals by expected close, closed ones by close date, each index holding what a
-- forecast and the win / loss analysis read, so a quarter's deals are read from the index alone
-- (at 1,000,000 customers, 48,000 deals a quarter read from the table rows took a second).
CREATE INDEX opportunity_expected_close
    ON opportunity(expected_close, stage, owner_rep_id, category, amount, probability);
CREATE INDEX opportunity_closed_on
    ON opportunity(closed_on, stage, owner_rep_id, category, amount, probability, created_on, source, lost_reason)
    WHERE closed_on IS NOT NULL;
CREATE INDEX opportunity_owner ON opportunity(owner_rep_id, stage);

-- The products a deal would sell.
CREATE TABLE opportunity_line (
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    line_no        INTEGER NOT NULL,
    product_id     INTEGER NOT NULL REFERENCES product(id),
    quantity       INTEGER NOT NULL CHECK (quantity > 0),
    amount         INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (opportunity_id, line_no)
) WITHOUT ROWID;

-- Every stage change with its date; from_stage NULL for the stage a deal was created in.
CREATE TABLE opportunity_stage_history (
    id             INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    from_stage     TEXT,
    to_stage       TEXT NOT NULL,
    changed_on     TEXT NOT NULL
);
CREATE INDEX opportunity_stage_history_opportunity ON opportunity_stage_history(opportunity_id, id);

-- A rep's sales target for a calendar month (yyyymm), in minor units.
CREATE TABLE sales_target (
    rep_id INTEGER NOT NULL REFERENCES sales_rep(id) ON DELETE CASCADE,
    month  INTEGER NOT NULL,
    amount INTEGER NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (rep_id, month)
) WITHOUT ROWID;

-- A forecast as it stood on a day, to compare with the actual figures once the period closes.
-- rows: JSON array of {key, label, weighted, commit, best_case, pipeline, omitted, won, target}.
CREATE TABLE forecast_snapshot (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL,
    created_on  TEXT NOT NULL,
    from_month  INTEGER NOT NULL,
    to_month    INTEGER NOT NULL CHECK (to_month >= from_month),
    grouping    TEXT NOT NULL CHECK (grouping IN ('rep', 'team')),
    projection  INTEGER,
    rows        TEXT NOT NULL
);
)sql";

// Version 13: customer exits and retention (docs/retention.md).
constexpr std::string_view kSchemaV13 = R"sql(
-- The reasons an exit can give: a taxonomy the user extends; the defaults below. A reason in use is
-- deactivated rather than deleted (records keep it).
CREATE TABLE exit_reason (
    id     INTEGER PRIMARY KEY,
    code   TEXT NOT NULL UNIQUE,
    label  TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);
INSERT INTO exit_reason (code, label) VALUES
    ('price', 'Price'), ('service_quality', 'Service quality'), ('product_fit', 'Product fit'),
    ('competitor', 'Competitor'), ('relocation', 'Relocation'), ('business_closed', 'Business closed'),
    ('budget_cuts', 'Budget cuts'), ('other', 'Other');

-- A customer's exit or announced exit. outcome: retained (stayed, not churn), lost (customer.status
-- becomes exited; out of ABC runs whose period ends on or after effective_on), won_back (left at
-- effective_on, came back at won_back_on). Money in minor units.
CREATE TABLE customer_exit (
    id                  INTEGER PRIMARY KEY,
    customer_id         INTEGER NOT NULL REFERENCES customer(id) ON DELETE CASCADE,
    type                TEXT NOT NULL CHECK (type IN ('non_renewal', 'contract_termination',
                            'subscription_cancellation', 'bankruptcy', 'acquired_or_merged', 'relocation', 'other')),
    reason_id           INTEGER REFERENCES exit_reason(id),
    competitor          TEXT,
    notice_on           TEXT,
    effective_on        TEXT NOT NULL,
    lost_annual_revenue INTEGER NOT NULL DEFAULT 0 CHECK (lost_annual_revenue >= 0),
    retention_actions   TEXT,
    outcome             TEXT NOT NULL CHECK (outcome IN ('retained', 'lost', 'won_back')),
    won_back_on         TEXT CHECK ((outcome = 'won_back') = (won_back_on IS NOT NULL)),
    recorded_on         TEXT NOT NULL
);
CREATE INDEX customer_exit_customer ON customer_exit(customer_id, effective_on);
-- The lost customers by effective date: what an ABC run leaves out (a few % of the accounts).
CREATE INDEX customer_exit_lost ON customer_exit(effective_on, customer_id) WHERE outcome = 'lost';
-- The accounts not active (inactive or exited), in id order: retention reads them without the
-- wide customer rows.
CREATE INDEX customer_not_active ON customer(id, status) WHERE status <> 'active';
)sql";

using MigrationStep = std::string_view;

constexpr std::array<MigrationStep, 13> kSteps{
    kSchemaV1,
    kSchemaV2,
    kSchemaV3,
    kSchemaV4,
    kSchemaV5,
    kSchemaV6,
    kSchemaV7,
    kSchemaV8,
    kSchemaV9,
    kSchemaV10,
    kSchemaV11,
    kSchemaV12,
    kSchemaV13,
};

} // namespace

int latestSchemaVersion()
{
    return static_cast<int>(kSteps.size());
}

void migrate(const Database& db)
{
    while (db.schemaVersion() < latestSchemaVersion()) {
        WriteTransaction transaction(db);
        // Read again under the write lock: another process may have migrated meanwhile.
        const int version = db.schemaVersion();
        if (version >= latestSchemaVersion()) {
            break;
        }
        if (version < 0) {
            throw StorageError(StorageFailure::NotCartera, "the schema version " + std::to_string(version) + " is not valid");
        }
        if (version == 0) {
            db.execute("PRAGMA application_id=" + std::to_string(Database::kApplicationId));
        }
        db.execute(kSteps[static_cast<std::size_t>(version)]);
        db.execute("PRAGMA user_version=" + std::to_string(version + 1));
        transaction.commit();
    }
}

} // namespace cartera::storage
