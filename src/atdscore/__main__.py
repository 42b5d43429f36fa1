from atdscore.cli import main

main()
