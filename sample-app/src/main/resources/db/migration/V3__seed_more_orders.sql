-- Enough orders that the naive listing (GET /orders, 20 by default) runs one statement per
-- order often enough for the repeated-statement guard to report it on a fresh start.
insert into orders (customer, status, created_at)
select 'customer-' || n || '@example.com', 'PLACED', timestamptz '2026-01-01 00:00:00+00' + n * interval '1 hour'
from generate_series(1, 20) as n;

insert into order_lines (order_id, sku, quantity, unit_price)
select o.id, 'BOOK-001', 1, 39.90
from orders o
where o.customer like 'customer-%';
