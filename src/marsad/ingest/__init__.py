"""Reading inputs: files, folders, archives, feeds, stdin; encodings; manifests."""
