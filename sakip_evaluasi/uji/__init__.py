"""Drivers of the load, fault, backup and concurrency runs over real HTTP (scripts/ start them; not test support)."""
