"""The LKE AKIP seed (``aturan.lke.pastikan_lke``): the LKE of the current year when there is none.
Idempotent: an existing LKE is never touched."""

from sakip_evaluasi.aturan.lke import pastikan_lke

__all__ = ["pastikan_lke"]
