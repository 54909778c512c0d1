"""Handlers for other apps' DocTypes (File, Notification, Email Account), wired in hooks.doc_events."""
