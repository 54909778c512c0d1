"""Official documents: print formats' data (``konteks``), who signed (``penandatangan``) and the
evidence pack of a triwulan (``paket``)."""
