"""Pages of governance: committees and meetings, action items and the action plan, the
legislation tracker, and the calendar."""
