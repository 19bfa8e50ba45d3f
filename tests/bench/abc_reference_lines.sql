-- The plain-SQL ABC reference, from the order lines: revenue per customer over the last 12 months
-- (2025-12..2026-11), then the running total with a window function, every row printed.
-- Line revenue as OrderRepository computes it (exact, rounded half up).
WITH per_customer AS (
    SELECT o.customer_id,
           SUM(l.quantity * l.unit_price - (l.quantity * l.unit_price / 10000) * l.discount_bp
               - ((l.quantity * l.unit_price % 10000) * l.discount_bp + 4999) / 10000) AS value
    FROM sales_order AS o JOIN order_line AS l ON l.order_id = o.id
    WHERE o.status <> 'cancelled' AND o.order_date BETWEEN '2025-12-01' AND '2026-11-30'
    GROUP BY o.customer_id
)
SELECT c.code, p.value,
       SUM(p.value) OVER (ORDER BY p.value DESC, c.code ROWS UNBOUNDED PRECEDING) * 100.0
           / SUM(p.value) OVER () AS cumulative_share
FROM per_customer AS p JOIN customer AS c ON c.id = p.customer_id
WHERE p.value > 0
ORDER BY p.value DESC, c.code;
