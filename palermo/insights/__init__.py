"""Insights: indicators from live data, disclosure control, open data, the annual report and
global figures. Computations that need no Django live in ``engine/``."""
