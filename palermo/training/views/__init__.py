"""Pages of training: courses and sessions (``courses``), registration, attendance,
evaluation and certificates (``sessions``), coverage, campaigns and materials
(``awareness``), and the public certificate check (``public``)."""
