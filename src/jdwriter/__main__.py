from jdwriter.cli import main

main()
