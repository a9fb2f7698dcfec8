"""The document stage: what writers draw from (Document, Section, Block, Run), built from an outline."""
