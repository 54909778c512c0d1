"""The demo Pemda (bench --site SITE sakip-demo)."""
