"""The grid layout core: blocks -> lines (28 cells, 禁则, justification) -> pages (22 lines)."""
