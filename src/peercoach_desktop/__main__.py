from peercoach_desktop.launcher import main

raise SystemExit(main())
