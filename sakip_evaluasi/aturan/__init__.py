"""Rules that read and write the SOP documents, used by several DocTypes (workflow, cycle, capaian, follow-ups, work paper)."""
