"""The facts CityLink extracts and keeps, as plain data shapes both ingest and store use."""
