from review.cli.main import main

main()
