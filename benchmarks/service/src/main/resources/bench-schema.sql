create table if not exists bench_greeting (id integer primary key, text varchar(64) not null);
insert into bench_greeting (id, text)
	select n, 'Hello from row ' || n from generate_series(1, 100) as n
	on conflict (id) do nothing;
