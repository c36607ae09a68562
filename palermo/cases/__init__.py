"""Cases: one trafficking case worked by many agencies, with referrals, tasks, persons,
victim identification and need-to-know access."""
