"""The rules of the cases capability, one module per concept:

- ``access``: need-to-know — who may see a case and how much of each person;
- ``cases``: opening, classifying, agencies, countries, status;
- ``persons``: persons and their part in a case, child flag, pseudonyms;
- ``referrals`` and ``tasks``: the work between agencies;
- ``timeline``: events, notes and notifications;
- ``overview``: the coordinator's morning page;
- ``assessment``: victim identification by indicators.
"""
