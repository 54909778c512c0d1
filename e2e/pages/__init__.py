"""Page objects of the browser checks: where each screen keeps what a user taps and reads.

A check says what the user does (``TugasSaya(page).buka_kartu(...)``); the selectors live here,
once, so a change of the page is mended in one place."""
