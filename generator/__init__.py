"""The wenshu library: spec models, templates, document writer, corpus and calendar."""
