-- The reference for `cartera-cli customers export --profile excel-comma` with its default columns:
-- the same rows (every listed customer, archived ones left out), in the same order (name, then id),
-- with the same columns and the same labels, written by the sqlite3 shell in CSV mode.
-- Run as: sqlite3 -csv -header DB <export_reference.sql >out.csv
SELECT c.code AS "Code",
       c.name AS "Name",
       CASE c.kind WHEN 'customer' THEN 'Customer' WHEN 'prospect' THEN 'Prospect' ELSE c.kind END AS "Kind",
       c.industry AS "Industry",
       c.city AS "City",
       CASE c.country WHEN 'FR' THEN 'France' WHEN 'DE' THEN 'Germany' WHEN 'ES' THEN 'Spain'
                      WHEN 'IT' THEN 'Italy' WHEN 'NL' THEN 'Netherlands' WHEN 'BE' THEN 'Belgium'
                      WHEN 'PT' THEN 'Portugal' ELSE c.country END AS "Country",
       CASE c.channel WHEN 'direct' THEN 'Direct' WHEN 'wholesale' THEN 'Wholesale / distributor'
                      WHEN 'retail' THEN 'Retail' WHEN 'online' THEN 'Online' ELSE c.channel END AS "Channel",
       r.name AS "Owner",
       CASE c.status WHEN 'active' THEN 'Active' WHEN 'inactive' THEN 'Inactive'
                     WHEN 'exited' THEN 'Exited' ELSE c.status END AS "Status"
FROM customer AS c LEFT JOIN sales_rep AS r ON r.id = c.owner_rep_id
WHERE c.archived_on IS NULL
ORDER BY c.name COLLATE NOCASE ASC, c.id ASC;
