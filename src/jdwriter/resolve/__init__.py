"""Reading what people type (market titles, aliases, free words) into catalogue ids."""
