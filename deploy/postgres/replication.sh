#!/bin/bash
# Lets the replica stream from the primary (the compose network only).
echo "host replication all all scram-sha-256" >> "$PGDATA/pg_hba.conf"
