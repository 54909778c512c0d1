"""Installers: seeds, workflows, workspaces, number cards, notifications, print formats (run at install and migrate)."""
