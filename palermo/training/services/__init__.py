"""The rules of training, in modules by concept: ``courses`` (courses and sessions),
``trainees`` (registration and attendance), ``evaluations``, ``certificates`` (the PDF and
its public check), ``coverage`` (who is trained and who is due again, for the dashboard and
for insights: ``palermo.training.services.coverage.coverage``), ``campaigns`` (awareness and
reach) and ``materials`` (the library of files), with ``files`` storing uploads checked by
their content."""
