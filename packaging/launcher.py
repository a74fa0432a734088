"""The frozen program's entry: the same `main` as the `materials-review` console script."""
from desktop.entry import main

if __name__ == "__main__":
    main()
