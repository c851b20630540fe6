from peercoach_desktop.cli import main

raise SystemExit(main())
