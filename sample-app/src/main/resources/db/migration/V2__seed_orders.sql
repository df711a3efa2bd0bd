-- A few orders so that GET /orders/1 answers on a fresh start.
insert into orders (customer, status, created_at) values
    ('ada@example.com',    'PLACED',  timestamptz '2026-01-05 09:30:00+00'),
    ('grace@example.com',  'SHIPPED', timestamptz '2026-01-06 14:10:00+00'),
    ('edsger@example.com', 'PLACED',  timestamptz '2026-01-07 08:00:00+00');

insert into order_lines (order_id, sku, quantity, unit_price) values
    (1, 'BOOK-001', 1, 39.90),
    (1, 'PEN-042',  3,  2.50),
    (2, 'LAMP-007', 1, 24.00),
    (3, 'BOOK-002', 2, 18.75),
    (3, 'MUG-013',  1,  9.90),
    (3, 'PEN-042',  5,  2.50);
