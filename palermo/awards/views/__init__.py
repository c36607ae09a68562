"""Pages of the annual award: cycles, the jury and the ceremony (``cycles``), nominations
and their eligibility (``nominations``), and the jury's scoring, ranking and deliberation
(``jury``)."""
