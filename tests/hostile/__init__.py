"""Hostile cards: what a malicious or careless pull request could put in a toolbox."""
