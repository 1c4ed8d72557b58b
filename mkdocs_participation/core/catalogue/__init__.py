"""Catalogues: the options a site sets, the marker and slot protocol, the listing of one
kind of card and its rendering."""
