"""Pure judges: each takes what was observed and returns a verdict with one sentence saying why."""
