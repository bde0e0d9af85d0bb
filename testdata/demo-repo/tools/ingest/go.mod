module example.com/acme/tools/ingest

go 1.19
