"""Back ends of the app's desk pages (Tugas Saya, Isian Kinerja)."""
