-- The plain-SQL ABC reference, from the monthly figures ABC itself reads: revenue per customer
-- over the last 12 months (2025-12..2026-11), then the running total, every row printed.
WITH per_customer AS (
    SELECT customer_id, SUM(revenue) AS value
    FROM customer_month
    WHERE month BETWEEN 202512 AND 202611
    GROUP BY customer_id
)
SELECT c.code, p.value,
       SUM(p.value) OVER (ORDER BY p.value DESC, c.code ROWS UNBOUNDED PRECEDING) * 100.0
           / SUM(p.value) OVER () AS cumulative_share
FROM per_customer AS p JOIN customer AS c ON c.id = p.customer_id
WHERE p.value > 0
ORDER BY p.value DESC, c.code;
