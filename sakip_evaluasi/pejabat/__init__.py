"""Officials: who holds which SOP role, positions and their holders, Plt/Plh appointments, OPD scoping, signers."""
