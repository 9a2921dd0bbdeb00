"""Built-in templates compiled to Python at build time (hatch_build.py writes t_<key>.py here in the wheel;
a source checkout holds none). render/precompiled.py finds them by the hash of the template's text and the
Jinja version, so an edited template or another Jinja is compiled at run time as usual. Imports nothing."""
