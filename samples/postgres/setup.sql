-- PostgreSQL side for samples/barman.d/pg-main.conf (run as a superuser on pg-main).
CREATE USER barman WITH SUPERUSER PASSWORD 'change_me';
CREATE USER streaming_barman WITH REPLICATION PASSWORD 'change_me_too';
SELECT pg_create_physical_replication_slot('barman');
-- postgresql.conf: wal_level = replica, max_wal_senders >= 2, max_replication_slots >= 2,
--                  archive_mode = on,
--                  archive_command = 'rsync -a %p barman@backup-host:/var/lib/barman/pg-main/incoming/%f'
