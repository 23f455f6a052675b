-- catalogue_pages calls catalogue_concat by its bare name: pg_restore runs with an empty search_path, and the
-- generated columns that call catalogue_pages then fail ("function catalogue_concat(tsvector) does not
-- exist"). The function keeps the search path it was created with, as pg_dump then writes it.
ALTER FUNCTION catalogue_pages(regconfig, text) SET search_path FROM CURRENT;
