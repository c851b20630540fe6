"""The `peercoach` command line: `main` parses and dispatches, one module per command group (sync,
safety, session, summary, trash), `render` prints, `doctor` checks a setup. Works on the layers
below without Qt and never imports `ui`."""
